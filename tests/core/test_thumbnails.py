"""Thumbnails: photo modes seen in practice, videos, and files that must not crash ingest."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from evidence_desk.core.phash import hamming, image_phash
from evidence_desk.core.thumbnails import THUMB_SIZE, Derived, derive


def photo_like(size: tuple[int, int] = (640, 480), seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    w, h = size
    noise = rng.integers(0, 256, (max(1, h // 16), max(1, w // 16), 3), dtype=np.uint8)
    img = Image.fromarray(noise).resize((w, h), Image.Resampling.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(4))
    draw = ImageDraw.Draw(img)
    draw.rectangle((w // 10, h // 10, w // 3, h // 2), fill=(200, 30, 30))
    draw.ellipse((w // 2, h // 3, w - w // 8, h - h // 8), fill=(20, 40, 220))
    return img


def assert_thumbnail(result: Derived, out: Path, size: int = THUMB_SIZE) -> Image.Image:
    assert result.thumbnail is True, result.warning
    assert result.warning is None
    assert result.phash is not None and len(result.phash) == 16
    assert out.exists()
    assert not out.with_suffix(".tmp").exists()
    with Image.open(out) as thumb:
        assert thumb.format == "JPEG"
        assert thumb.mode == "RGB"
        assert max(thumb.size) <= size
        thumb.load()
        return thumb.copy()


def assert_failed(result: Derived, out: Path) -> None:
    assert result == Derived(False, None, result.warning)
    assert result.warning is not None
    assert result.warning.startswith("could not make thumbnail: ")
    assert not out.exists()
    assert not out.with_suffix(".tmp").exists()


# --- photos ---------------------------------------------------------------


def test_plain_jpeg(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    photo_like((1600, 1200)).save(src, quality=90)
    out = tmp_path / "derived" / "ab" / "a.jpg"  # parent folders are created
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    assert thumb.size == (THUMB_SIZE, 240)


def test_custom_size(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    photo_like((1000, 500)).save(src)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out, size=100), out, size=100)
    assert thumb.size == (100, 50)


def test_small_image_is_not_enlarged(tmp_path: Path) -> None:
    src = tmp_path / "small.png"
    photo_like((120, 80)).save(src)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    assert thumb.size == (120, 80)


def test_exif_orientation_6_gives_portrait_thumbnail(tmp_path: Path) -> None:
    landscape = photo_like((800, 400))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    src = tmp_path / "rotated.jpg"
    landscape.save(src, exif=exif, quality=95)
    out = tmp_path / "t.jpg"
    result = derive(src, "photo", out)
    thumb = assert_thumbnail(result, out)
    assert thumb.height > thumb.width
    assert thumb.size == (160, 320)
    # The hash describes the picture as displayed, i.e. after rotation.
    upright = landscape.transpose(Image.Transpose.ROTATE_270)
    assert result.phash is not None
    assert hamming(result.phash, image_phash(upright)) <= 6


def test_png_with_alpha_is_flattened_onto_white(tmp_path: Path) -> None:
    img = Image.new("RGBA", (400, 300), (0, 0, 0, 0))  # transparent black
    ImageDraw.Draw(img).rectangle((0, 0, 199, 299), fill=(255, 0, 0, 255))
    src = tmp_path / "alpha.png"
    img.save(src)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    r, g, b = thumb.getpixel((thumb.width - 10, thumb.height // 2))
    assert min(r, g, b) > 240  # transparent part became white, not black
    r, g, b = thumb.getpixel((10, thumb.height // 2))
    assert r > 200 and g < 60 and b < 60


def test_palette_image_with_transparency(tmp_path: Path) -> None:
    img = photo_like((300, 200)).convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    img.info["transparency"] = 0
    src = tmp_path / "pal.gif"
    img.save(src, transparency=0)
    out = tmp_path / "t.jpg"
    assert_thumbnail(derive(src, "photo", out), out)


def test_palette_png_without_transparency(tmp_path: Path) -> None:
    img = photo_like((300, 200)).convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    src = tmp_path / "pal.png"
    img.save(src)
    out = tmp_path / "t.jpg"
    assert_thumbnail(derive(src, "photo", out), out)


def test_16_bit_grayscale_tiff_is_scaled_not_clipped(tmp_path: Path) -> None:
    ramp = np.tile(np.linspace(0, 65535, 512).astype(np.uint16), (256, 1))
    img = Image.fromarray(ramp)
    assert img.mode.startswith("I;16")
    src = tmp_path / "gray16.tif"
    img.save(src)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    grey = np.asarray(thumb.convert("L"), dtype=np.float32)
    assert grey[:, :5].mean() < 20  # dark end stays dark
    assert grey[:, -5:].mean() > 235
    assert 100 < grey.mean() < 156  # a ramp, not a white sheet


def test_16_bit_grayscale_png(tmp_path: Path) -> None:
    ramp = np.tile(np.linspace(0, 65535, 256).astype(np.uint16), (128, 1))
    src = tmp_path / "gray16.png"
    Image.fromarray(ramp).save(src)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    assert 100 < np.asarray(thumb.convert("L"), dtype=np.float32).mean() < 156


def test_cmyk_jpeg(tmp_path: Path) -> None:
    img = photo_like((600, 400)).convert("CMYK")
    src = tmp_path / "cmyk.jpg"
    img.save(src)
    with Image.open(src) as check:
        assert check.mode == "CMYK"
    out = tmp_path / "t.jpg"
    assert_thumbnail(derive(src, "photo", out), out)


def test_heic_if_encoder_available(tmp_path: Path) -> None:
    src = tmp_path / "phone.heic"
    try:
        photo_like((400, 300)).save(src, format="HEIF")
    except Exception as exc:  # encoder not in this pillow-heif build
        pytest.skip(f"cannot write HEIC here: {exc}")
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "photo", out), out)
    assert thumb.size == (320, 240)


def test_thumbnail_is_replaced_atomically(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    photo_like().save(src)
    out = tmp_path / "derived" / "a.jpg"
    out.parent.mkdir()
    out.write_bytes(b"old thumbnail")
    assert_thumbnail(derive(src, "photo", out), out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["a.jpg"]


def test_unwritable_destination_warns_and_cleans_up(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    photo_like().save(src)
    blocker = tmp_path / "derived"
    blocker.write_bytes(b"a file where a folder should be")
    out = blocker / "a.jpg"
    result = derive(src, "photo", out)
    assert result.thumbnail is False
    assert result.phash is not None  # the hash does not depend on the disk
    assert result.warning and result.warning.startswith("could not make thumbnail: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jpg", "derived"]


# --- files that must not break ingest -------------------------------------


def test_truncated_jpeg(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    photo_like((800, 600)).save(whole, quality=90)
    src = tmp_path / "truncated.jpg"
    src.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    out = tmp_path / "t.jpg"
    assert_failed(derive(src, "photo", out), out)


@pytest.mark.parametrize("kind", ["photo", "video"])
def test_zero_byte_file(tmp_path: Path, kind: str) -> None:
    src = tmp_path / ("empty.jpg" if kind == "photo" else "empty.mp4")
    src.write_bytes(b"")
    out = tmp_path / "t.jpg"
    assert_failed(derive(src, kind, out), out)


@pytest.mark.parametrize("kind", ["photo", "video"])
def test_random_bytes(tmp_path: Path, kind: str) -> None:
    src = tmp_path / "noise.bin"
    src.write_bytes(os.urandom(64 * 1024))
    out = tmp_path / "t.jpg"
    assert_failed(derive(src, kind, out), out)


def test_text_file_named_mp4(tmp_path: Path) -> None:
    src = tmp_path / "notes.mp4"
    src.write_text("this is not a video\n" * 100, encoding="utf-8")
    out = tmp_path / "t.jpg"
    assert_failed(derive(src, "video", out), out)


def test_missing_file(tmp_path: Path) -> None:
    out = tmp_path / "t.jpg"
    assert_failed(derive(tmp_path / "gone.jpg", "photo", out), out)


def test_decompression_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "big.png"
    Image.new("RGB", (200, 200), (10, 20, 30)).save(src)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 40_000 px > 2x the limit
    out = tmp_path / "t.jpg"
    result = derive(src, "photo", out)
    assert_failed(result, out)
    assert result.warning is not None and "decompression bomb" in result.warning


@pytest.mark.parametrize("kind", ["audio", "document", "other"])
def test_kinds_without_thumbnails(tmp_path: Path, kind: str) -> None:
    src = tmp_path / "x.bin"
    src.write_bytes(b"whatever")
    out = tmp_path / "t.jpg"
    assert derive(src, kind, out) == Derived(False, None, None)
    assert not out.exists()


# --- video ----------------------------------------------------------------


def _pick_codec() -> str:
    for name in ("libx264", "mpeg4"):
        try:
            av.codec.Codec(name, "w")
        except Exception:
            continue
        return name
    pytest.skip("no H.264 or MPEG-4 encoder in PyAV's FFmpeg")


def write_test_video(
    path: Path, *, seconds: int = 1, fps: int = 25, rotation: int | None = None
) -> None:
    """Frame i is a flat grey of level 8*i, so the decoded frame tells us where we landed.

    A white 30x40 block sits in the stored top-left corner so rotation can be checked.
    """
    codec = _pick_codec()
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height = 160, 120
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fps)
        if rotation is not None:
            if not hasattr(stream, "set_display_rotation"):
                pytest.skip("this PyAV cannot write a display matrix")
            stream.set_display_rotation(rotation)
        for i in range(seconds * fps):
            level = min(255, 8 * i)
            arr = np.full((120, 160, 3), level, dtype=np.uint8)
            arr[40:80, 60:100] = (255 - level, 0, 0)  # some structure for the hash
            if rotation is not None:
                arr[:30, :40] = 255
            frame = av.VideoFrame.from_ndarray(arr, format="rgb24")
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def test_video_thumbnail(tmp_path: Path) -> None:
    src = tmp_path / "clip.mp4"
    write_test_video(src)
    out = tmp_path / "thumbs" / "clip.jpg"
    thumb = assert_thumbnail(derive(src, "video", out), out)
    assert thumb.size == (160, 120)  # never enlarged
    # ~10% into a 25-frame clip is frame 2-3 (grey 16-24), not the black first frame.
    corner = np.asarray(thumb.convert("L"))[:20, :20].astype(np.float32).mean()
    assert 8 < corner < 60


def test_truncated_video_does_not_raise(tmp_path: Path) -> None:
    whole = tmp_path / "clip.mp4"
    write_test_video(whole)
    src = tmp_path / "cut.mp4"
    src.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    out = tmp_path / "t.jpg"
    result = derive(src, "video", out)  # moov may be lost: either outcome, never an exception
    if result.thumbnail:
        assert_thumbnail(result, out)
    else:
        assert_failed(result, out)


def test_portrait_phone_video_is_shown_upright(tmp_path: Path) -> None:
    # Phones store landscape pixels plus "rotate 90 clockwise to display"
    # (display-matrix angle -90, the classic rotate=90 tag).
    src = tmp_path / "portrait.mp4"
    write_test_video(src, rotation=-90)
    out = tmp_path / "t.jpg"
    thumb = assert_thumbnail(derive(src, "video", out), out)
    assert thumb.size == (120, 160)
    grey = np.asarray(thumb.convert("L"), dtype=np.float32)
    assert grey[:10, -10:].mean() > 200  # stored top-left is now top-right
    assert grey[:10, :10].mean() < 100


# --- PDF documents ----------------------------------------------------------


def test_pdf_first_page_thumbnail(tmp_path: Path) -> None:
    from tests import media

    src = media.make_pdf(tmp_path / "letter.pdf", pages=3)
    out = tmp_path / "t.jpg"
    result = derive(src, "document", out)
    assert result.thumbnail and result.phash is None and result.warning is None
    with Image.open(out) as thumb:
        assert max(thumb.size) == 320
        assert thumb.size[0] < thumb.size[1]  # A4 portrait
        assert thumb.getpixel((100, 100)) == pytest.approx((255, 255, 255), abs=3)


@pytest.mark.parametrize("damage", ["truncated", "garbage-after-header", "no-pages"])
def test_damaged_pdf_warns_without_raising(tmp_path: Path, damage: str) -> None:
    from tests import media

    whole = media.make_pdf(tmp_path / "whole.pdf").read_bytes()
    data = {
        "truncated": whole[:200],
        "garbage-after-header": b"%PDF-1.7\n" + os.urandom(4096),
        "no-pages": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    }[damage]
    src = tmp_path / "bad.pdf"
    src.write_bytes(data)
    out = tmp_path / "t.jpg"
    assert_failed(derive(src, "document", out), out)


def test_ingest_knows_which_kinds_get_thumbnails() -> None:
    """Ingest skips loading the decoders for kinds not in THUMBNAIL_KINDS; they must agree."""
    from evidence_desk.core import thumbnails
    from evidence_desk.core.mime import THUMBNAIL_KINDS

    assert set(thumbnails._loaders()) == set(THUMBNAIL_KINDS)
