"""Images rebuilt from pixels alone: same pixels, nothing else, for the shapes files take."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from PIL import Image

from evidence_desk.core.redaction_images import (
    ImageRedactionError,
    clean_jpeg,
    clean_png,
    clean_thumbnail,
)


def _gradient(mode: str, size: tuple[int, int] = (97, 61)) -> Image.Image:
    base = Image.linear_gradient("L").resize(size)
    if mode == "L":
        return base
    if mode == "I;16":
        return base.convert("I").point(lambda v: v * 257).convert("I;16")
    return Image.merge("RGB", (base, base.rotate(90).resize(size), base)).convert(mode)


@pytest.mark.parametrize(
    ("mode", "options"),
    [("RGB", {"progressive": True}), ("RGB", {"restart_marker_blocks": 2}), ("L", {}),
     ("CMYK", {})],
)  # fmt: skip
def test_jpeg_rebuild_keeps_pixels_and_drops_everything_else(mode: str, options: dict) -> None:
    buf = io.BytesIO()
    _gradient(mode).save(buf, "JPEG", comment=b"Secret Name", icc_profile=b"x" * 40, **options)
    data = buf.getvalue() + b"trailing Secret Name"
    cleaned, removed = clean_jpeg(data, None)
    assert b"Secret Name" not in cleaned and b"ICC_PROFILE" not in cleaned
    assert "JPEG comments" in removed
    with Image.open(io.BytesIO(cleaned)) as copy, Image.open(io.BytesIO(data)) as original:
        assert copy.mode == original.mode
        assert copy.tobytes() == original.tobytes()
        allowed = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "adobe",
                   "adobe_transform", "progressive", "progression"}  # fmt: skip
        assert set(copy.info) <= allowed


def test_jpeg_rebuild_refuses_a_truncated_file() -> None:
    buf = io.BytesIO()
    _gradient("RGB").save(buf, "JPEG")
    with pytest.raises(ImageRedactionError):
        clean_jpeg(buf.getvalue()[:200], None)


_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))  # fmt: skip


def _chunk(ctype: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(body, zlib.crc32(ctype)).to_bytes(4, "big")
    return len(body).to_bytes(4, "big") + ctype + body + crc


def _interlaced_rgb_png(im: Image.Image) -> bytes:
    """Pillow reads Adam7 PNGs but does not write them: build one by hand."""
    w, h = im.size
    px = im.convert("RGB").load()
    raw = b""
    for x0, y0, dx, dy in _ADAM7:
        for y in range(y0, h, dy):
            row = b"".join(bytes(px[x, y]) for x in range(x0, w, dx))
            raw += b"\x00" + row if row else b""
    ihdr = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, 2, 0, 0, 1])
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
    return png + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b"")


@pytest.mark.parametrize("mode", ["RGB", "I;16", "P", "RGBA", "L", "interlaced"])
def test_png_pixel_stream_is_inflated_and_deflated_anew(tmp_path: Path, mode: str) -> None:
    src = tmp_path / "in.png"
    if mode == "interlaced":
        src.write_bytes(_interlaced_rgb_png(_gradient("RGB")))
    elif mode == "P":
        _gradient("RGB").convert("P").save(src, "PNG", transparency=3)
    else:
        _gradient(mode).save(src, "PNG")
    out = tmp_path / "out.png"
    with open(src, "rb") as f:
        clean_png(f, out)
    with Image.open(out) as copy, Image.open(src) as original:
        assert copy.mode == original.mode and copy.tobytes() == original.tobytes()
        assert copy.info.get("transparency") == original.info.get("transparency")
        if mode == "interlaced":
            assert original.info.get("interlace") and copy.info.get("interlace")


def test_png_that_promises_more_pixels_than_it_holds_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "short.png"
    _gradient("RGB").save(src, "PNG")
    data = src.read_bytes()
    pos = data.index(b"IDAT") - 4
    length = int.from_bytes(data[pos : pos + 4], "big")
    body = zlib.compress(zlib.decompress(data[pos + 8 : pos + 8 + length])[:100])
    chunk = len(body).to_bytes(4, "big") + b"IDAT" + body
    chunk += zlib.crc32(body, zlib.crc32(b"IDAT")).to_bytes(4, "big")
    src.write_bytes(data[:pos] + chunk + data[pos + 12 + length :])
    with open(src, "rb") as f, pytest.raises(ImageRedactionError, match="shorter"):
        clean_png(f, tmp_path / "out.png")


def test_thumbnail_is_reencoded_without_comment_exif_or_icc(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x013B] = "Artist Name"
    thumb = tmp_path / "t.jpg"
    _gradient("RGB").save(thumb, "JPEG", comment=b"Secret", exif=exif, icc_profile=b"y" * 40)
    clean_thumbnail(thumb, tmp_path / "c.jpg")
    data = (tmp_path / "c.jpg").read_bytes()
    assert b"Secret" not in data and b"Artist" not in data and b"ICC_PROFILE" not in data
    with Image.open(tmp_path / "c.jpg") as im:
        assert im.size == (97, 61) and "exif" not in im.info and "comment" not in im.info


def test_other_images_are_reencoded_as_png_from_pixels(tmp_path: Path) -> None:
    from evidence_desk.core.redaction_images import reencode

    exif = Image.Exif()
    exif[0x013B] = "Artist Name"
    src = tmp_path / "a.webp"
    _gradient("RGB").save(
        src, "WEBP", lossless=True, exif=exif, xmp=b"<x>Name</x>", icc_profile=b"z" * 40
    )
    out = tmp_path / "a.png"
    with open(src, "rb") as f:
        reencode(f, out)
    data = out.read_bytes()
    assert b"Artist" not in data and b"Name" not in data and b"iCCP" not in data
    with Image.open(out) as copy, Image.open(src) as original:
        assert copy.tobytes() == original.convert(copy.mode).tobytes()
        assert not set(copy.info) - {"dpi"}
