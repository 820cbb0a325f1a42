"""Redacted copies, read back with real metadata readers (Pillow, PyAV, pypdf)."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import ExifTags, Image
from pypdf import PdfReader

from evidence_desk.core.redaction import RedactionError, redact_file, redact_record
from tests.media import make_jpeg, make_mov, make_mp4, make_pdf, make_png, make_wav


def _redact(src: Path, kind: str, mime: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    with open(src, "rb") as f:
        return redact_file(kind, mime, src.suffix[1:], f, tmp_path / ("out-" + src.stem))


def test_jpeg_loses_exif_xmp_iptc_keeps_pixels(tmp_path: Path) -> None:
    src = make_jpeg(
        tmp_path / "a.jpg", xmp="<x>Name</x>", iptc={(2, 80): "Photographer Name"}, orientation=1
    )
    out = _redact(src, "photo", "image/jpeg", tmp_path)
    with Image.open(out.path) as im:
        exif = im.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and ExifTags.Base.Make not in exif
        assert ExifTags.Base.Model not in exif and not exif.get_ifd(ExifTags.IFD.Exif)
        assert "xmp" not in im.info
        pixels = im.tobytes()
    with Image.open(src) as original:
        assert original.tobytes() == pixels
    data = out.path.read_bytes()
    assert b"Photographer" not in data and b"Apple" not in data and b"iPhone" not in data
    assert any("EXIF" in r for r in out.removed) and any("IPTC" in r for r in out.removed)


def test_jpeg_trailing_pictures_are_dropped(tmp_path: Path) -> None:
    src = make_jpeg(tmp_path / "a.jpg")
    second = make_jpeg(tmp_path / "b.jpg", model="Second Camera")
    src.write_bytes(src.read_bytes() + second.read_bytes())
    out = _redact(src, "photo", "image/jpeg", tmp_path)
    assert b"Second Camera" not in out.path.read_bytes()
    assert any("after the end" in r for r in out.removed)


def test_png_text_and_exif_chunks_removed(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    src = tmp_path / "a.png"
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Witness")
    make_png(src, exif_datetime="2022:01:05 10:00:00")
    with Image.open(src) as im:
        im.save(src, "PNG", pnginfo=info, exif=im.getexif())
    out = _redact(src, "photo", "image/png", tmp_path)
    with Image.open(out.path) as im:
        assert "Author" not in im.info and not im.getexif()
        im.load()
    assert b"Witness" not in out.path.read_bytes()


def test_other_images_are_reencoded_upright(tmp_path: Path) -> None:
    src = tmp_path / "a.webp"
    make_jpeg(tmp_path / "a.jpg", size=(40, 20), orientation=6)
    with Image.open(tmp_path / "a.jpg") as im:
        im.save(src, "WEBP", exif=im.getexif())
    out = _redact(src, "photo", "image/webp", tmp_path)
    assert out.extension == "png"
    with Image.open(out.path) as im:
        assert im.size == (20, 40) and not im.getexif()


@pytest.mark.parametrize("maker", [make_mp4, make_mov])
def test_video_remux_drops_tags(tmp_path: Path, maker) -> None:  # type: ignore[no-untyped-def]
    src = maker(tmp_path / f"v.{'mov' if maker is make_mov else 'mp4'}", make="Apple", model="X")
    out = _redact(src, "video", "video/quicktime", tmp_path)
    with av.open(str(out.path)) as c:
        tags = dict(c.metadata)
        for s in c.streams:
            tags.update(s.metadata)
        frames = sum(1 for _ in c.decode(video=0))
    assert not {k for k in tags if "location" in k or "make" in k or "model" in k}
    assert not {k for k in tags if k.startswith(("com.apple", "com.android"))}
    assert frames == 10


def test_audio_and_pdf(tmp_path: Path) -> None:
    out = _redact(make_wav(tmp_path / "a.wav"), "audio", "audio/x-wav", tmp_path)
    with av.open(str(out.path)) as c:
        assert c.streams.audio
    out = _redact(make_pdf(tmp_path / "d.pdf", title="Witness statement"), "document",
                  "application/pdf", tmp_path)  # fmt: skip
    reader = PdfReader(out.path)
    assert not reader.metadata and len(reader.pages) == 2


def test_unknown_and_broken_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello")
    with pytest.raises(RedactionError, match="no redaction rule"):
        _redact(tmp_path / "a.txt", "other", "text/plain", tmp_path)
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif")
    with pytest.raises(RedactionError):
        _redact(tmp_path / "b.jpg", "photo", "image/jpeg", tmp_path)
    (tmp_path / "c.mp4").write_bytes(b"not a video")
    with pytest.raises(RedactionError):
        _redact(tmp_path / "c.mp4", "video", "video/mp4", tmp_path)
    locked = make_pdf(tmp_path / "e.pdf", password="secret")
    with pytest.raises(RedactionError, match="encrypted"):
        _redact(locked, "document", "application/pdf", tmp_path)


def test_redact_record() -> None:
    record = {
        "exhibit": "ED-000007",
        "gps": {"lat": 1.0, "lon": 2.0, "alt": None},
        "device": {"make": "Apple", "model": "iPhone"},
        "metadata": {"exif": {"Make": "Apple"}},
        "notes": "called her at home",
        "original_name": "Aigerim.jpg",
        "host": "laptop",
        "warnings": ["symbolic link to /home/x"],
        "sources": [{"received_from": "Aigerim", "collector": "Me", "method": "USB",
                     "original_path": "/home/x/Aigerim.jpg", "acquired_at": "from Aigerim's flat",
                     "recorded_at": "2026-01-05T10:00:00+00:00"}],
        "title": "Protest",
        "description": "Aigerim at the square",
        "tags": ["Aigerim"],
        "captured_at_note": "phone of Aigerim",
        "links": [{"relation": "same event", "to_exhibit": "ED-000002", "note": "Aigerim"}],
        "a_field_added_later": "Aigerim",
    }  # fmt: skip
    out, removed = redact_record(record, {"usb": "usb"})
    assert out["gps"] is None and out["device"] == {"make": None, "model": None}
    assert out["metadata"] == {} and out["notes"] == "" and out["original_name"] is None
    assert out["sources"] == [
        {"method": "usb", "acquired_at": None, "recorded_at": "2026-01-05T10:00:00+00:00"}
    ]
    assert out["title"] == "ED-000007" and out["description"] == "" and out["tags"] == []
    assert out["links"][0]["to_exhibit"] == "ED-000002"
    assert "Aigerim" not in str(out) and "a_field_added_later" not in out
    assert any("title" in r for r in removed) and any("tags" in r for r in removed)
    # free-text methods are withheld
    out, _ = redact_record({**record, "sources": [{"method": "from Aigerim by hand"}]}, {})
    assert out["sources"][0]["method"] is None


def test_redact_record_publishes_a_reviewed_title_only() -> None:
    base = {"exhibit": "ED-000003", "sources": [{"original_name": "Ivan_Petrov.jpg"}]}
    marked = {**base, "title": "Riot police on Republic Square", "title_publishable": True,
              "description": "Morning of 5 January"}  # fmt: skip
    out, _ = redact_record(marked)
    assert out["title"] == marked["title"] and out["description"] == marked["description"]
    out, _ = redact_record({**marked, "title_publishable": False})
    assert out["title"] == "ED-000003" and out["description"] == ""
    for from_name in ("Ivan_Petrov.jpg", "ivan petrov", "IVAN-PETROV"):
        out, _ = redact_record({**marked, "title": from_name})
        assert out["title"] == "ED-000003", from_name
