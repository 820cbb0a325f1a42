"""MIME sniffing: content wins over the name; the name only breaks ties."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_desk.core.mime import extension_mismatch_warning, kind_for_mime, sniff_mime
from tests import media


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return (8 + len(body)).to_bytes(4, "big") + b"ftyp" + body + b"\x00\x00\x00\x08free"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video/x-msvideo"),
        (_ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
        (_ftyp(b"mif1", b"mif1", b"heic"), "image/heic"),
        (_ftyp(b"mif1", b"mif1"), "image/heif"),
        (_ftyp(b"avif", b"mif1", b"avif"), "image/avif"),
        (_ftyp(b"isom", b"isom", b"avc1"), "video/mp4"),
        (_ftyp(b"mp42", b"mp41"), "video/mp4"),
        (_ftyp(b"qt  ", b"qt  "), "video/quicktime"),
        (_ftyp(b"3gp4", b"3gp4"), "video/3gpp"),
        (_ftyp(b"M4A ", b"M4A ", b"mp42"), "audio/mp4"),
        (b"\x00\x00\x00\x08wide\x00\x00\x00\x00mdat", "video/quicktime"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video/webm"),
        (b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska", "video/x-matroska"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x13OpusHead", "audio/ogg"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x80theora", "video/ogg"),
        (b"fLaC\x00\x00\x00\x22", "audio/flac"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (b"\xff\xfb\x90\x64" + b"\x00" * 32, "audio/mpeg"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        (b"{\\rtf1\\ansi\\deff0", "application/rtf"),
        (b"Hello, world\nline two\n", "text/plain"),
        ("Привет, мир — доказательства".encode(), "text/plain"),
    ],
)
def test_magic_numbers(head: bytes, expected: str) -> None:
    assert sniff_mime(head, "noext") == expected


def test_content_wins_over_extension() -> None:
    assert sniff_mime(b"\x89PNG\r\n\x1a\n\x00", "photo.jpg") == "image/png"
    assert sniff_mime(b"just some words", "clip.mp4") == "text/plain"


def test_empty_is_its_own_type() -> None:
    assert sniff_mime(b"", "anything.jpg") == "application/x-empty"


def test_unknown_binary_falls_back_to_extension_then_octet_stream() -> None:
    junk = bytes([0, 1, 2, 3, 250, 251, 0, 9]) * 8
    assert sniff_mime(junk, "x.jpg") == "image/jpeg"
    assert sniff_mime(junk, "x.heic") == "image/heic"
    assert sniff_mime(junk, "x") == "application/octet-stream"
    assert sniff_mime(junk, "x.unknownext") == "application/octet-stream"


def test_text_keeps_specific_text_type_from_name() -> None:
    assert sniff_mime(b"a,b\n1,2\n", "table.csv") == "text/csv"
    assert sniff_mime(b'{"a": 1}', "x.json") == "application/json"


def test_utf8_cut_mid_character_is_still_text() -> None:
    head = ("ж" * 10).encode()[:-1]
    assert sniff_mime(head, "notes") == "text/plain"


def test_latin1_binary_with_nul_is_not_text() -> None:
    assert sniff_mime(b"abc\x00def", "x") == "application/octet-stream"


def test_zip_office_documents() -> None:
    zip_head = b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml"
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert sniff_mime(zip_head, "report.docx") == docx
    assert sniff_mime(zip_head + b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "x") == docx
    assert sniff_mime(zip_head, "archive.zip") == "application/zip"
    odt = b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.textPK"
    assert sniff_mime(odt, "noname") == "application/vnd.oasis.opendocument.text"


def test_real_generated_files(tmp_path: Path) -> None:
    cases = {
        media.make_jpeg(tmp_path / "a.bin"): "image/jpeg",
        media.make_png(tmp_path / "b.bin"): "image/png",
        media.make_mp4(tmp_path / "c.bin"): "video/mp4",
        media.make_mov(tmp_path / "d.bin"): "video/quicktime",
        media.make_wav(tmp_path / "e.bin"): "audio/wav",
        media.make_pdf(tmp_path / "f.bin"): "application/pdf",
    }
    for path, expected in cases.items():
        assert sniff_mime(path.read_bytes()[:4096], path.name) == expected, path


@pytest.mark.parametrize(
    ("mime", "kind"),
    [
        ("image/jpeg", "photo"),
        ("image/heic", "photo"),
        ("video/mp4", "video"),
        ("video/quicktime", "video"),
        ("audio/mpeg", "audio"),
        ("audio/ogg", "audio"),
        ("application/pdf", "document"),
        ("text/plain", "document"),
        ("text/plain; charset=utf-8", "document"),
        ("application/rtf", "document"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"),
        ("application/vnd.oasis.opendocument.text", "document"),
        ("application/msword", "document"),
        ("application/zip", "other"),
        ("application/octet-stream", "other"),
        ("application/x-empty", "other"),
    ],
)
def test_kind_for_mime(mime: str, kind: str) -> None:
    assert kind_for_mime(mime) == kind


def test_extension_mismatch_warning() -> None:
    warning = extension_mismatch_warning("clip.mp4", "text/plain")
    assert warning is not None and ".mp4" in warning and "text/plain" in warning
    assert extension_mismatch_warning("photo.jpg", "image/png") is None  # same kind
    assert extension_mismatch_warning("memo.m4a", "video/mp4") is None  # audio/video family
    assert extension_mismatch_warning("blob", "image/jpeg") is None
    assert extension_mismatch_warning("x.zip", "image/jpeg") is None  # "other" is not compared
