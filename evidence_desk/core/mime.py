"""Content-based MIME sniffing and the coarse "kind" of an item.

Evidence arrives renamed, stripped of extensions or mislabelled (a chat export
calls every attachment ``.bin``; a phone saves HEIC as ``.jpg``), so the first
bytes decide and the file name is only a hint for formats whose magic number
is shared (ZIP-based office documents) or absent (plain text variants). The
functions are pure: callers pass the head of the file (4 KiB is plenty).
"""

from __future__ import annotations

import codecs
import mimetypes
from pathlib import PurePath

EMPTY = "application/x-empty"
OCTET_STREAM = "application/octet-stream"

KINDS = ("photo", "video", "audio", "document", "other")

# Extensions that Python's mimetypes does not know on every platform.
_EXTRA_EXTENSIONS = {
    ".heic": "image/heic",
    ".heif": "image/heif",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".mkv": "video/x-matroska",
    ".webm": "video/webm",
    ".m4a": "audio/mp4",
    ".3gp": "video/3gpp",
    ".3g2": "video/3gpp2",
    ".opus": "audio/ogg",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".ogv": "video/ogg",
    ".flac": "audio/flac",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".md": "text/markdown",
}

_ZIP_OFFICE = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".epub": "application/epub+zip",
}

_OOXML_PARTS = {
    b"word/": _ZIP_OFFICE[".docx"],
    b"xl/": _ZIP_OFFICE[".xlsx"],
    b"ppt/": _ZIP_OFFICE[".pptx"],
}

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"}
_HEIF_BRANDS = {b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}

_DOCUMENT_MIMES = {
    "application/pdf",
    "application/rtf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/epub+zip",
    "application/json",
    "application/xml",
}


def extension_mime(name: str) -> str | None:
    """MIME type suggested by the file name alone, or None."""
    suffix = PurePath(name).suffix.lower()
    if not suffix:
        return None
    if suffix in _ZIP_OFFICE:
        return _ZIP_OFFICE[suffix]
    if suffix in _EXTRA_EXTENSIONS:
        return _EXTRA_EXTENSIONS[suffix]
    guessed, _ = mimetypes.guess_type("x" + suffix, strict=False)
    return guessed


def _sniff_ftyp(head: bytes) -> str | None:
    """ISO base media files (MP4, MOV, 3GP, HEIF) are told apart by ftyp brands."""
    if head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    end = min(max(box_size, 16), len(head))
    brands = {major} | {head[i : i + 4] for i in range(16, end - 3, 4)}
    if major in _AVIF_BRANDS:
        return "image/avif"
    if major in _HEIC_BRANDS:
        return "image/heic"
    if major in _HEIF_BRANDS:
        if brands & _HEIC_BRANDS:
            return "image/heic"
        if brands & _AVIF_BRANDS:
            return "image/avif"
        return "image/heif"
    if major == b"qt  ":
        return "video/quicktime"
    if major.startswith(b"3g2"):
        return "video/3gpp2"
    if major.startswith(b"3gp") or major.startswith(b"3ge"):
        return "video/3gpp"
    if major in (b"M4A ", b"M4B ", b"M4P ", b"F4A "):
        return "audio/mp4"
    return "video/mp4"


def _is_mp3_frame(head: bytes) -> bool:
    """MPEG audio frame header: 11 sync bits plus valid layer, bitrate and rate."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0x3
    layer = (head[1] >> 1) & 0x3
    bitrate = head[2] >> 4
    rate = (head[2] >> 2) & 0x3
    return version != 1 and layer != 0 and bitrate not in (0, 15) and rate != 3


def _sniff_zip(head: bytes, name: str) -> str:
    by_name = _ZIP_OFFICE.get(PurePath(name).suffix.lower())
    if by_name:
        return by_name
    # ODF stores an uncompressed "mimetype" entry first; its content is the type.
    if head[30:38] == b"mimetype":
        value = head[38:120].split(b"PK", 1)[0].strip()
        if value.startswith(b"application/"):
            return value.decode("ascii", "replace")
    for marker, mime in _OOXML_PARTS.items():
        if marker in head:
            return mime
    return "application/zip"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)  # the head may end mid-character
    except UnicodeDecodeError:
        return False
    return True


def _sniff_content(head: bytes, name: str) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    if head[:4] == b"RIFF":
        form = head[8:12]
        if form == b"WEBP":
            return "image/webp"
        if form == b"WAVE":
            return "audio/wav"
        if form == b"AVI ":
            return "video/x-msvideo"
    ftyp = _sniff_ftyp(head)
    if ftyp:
        return ftyp
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
        return "video/quicktime"  # old QuickTime files have no ftyp box
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"OggS"):
        if b"\x80theora" in head:
            return "video/ogg"
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"ID3") or _is_mp3_frame(head):
        return "audio/mpeg"
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(head, name)
    if head.startswith(b"{\\rtf"):
        return "application/rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # Legacy MS Office container; only the name tells Word from Excel.
        by_name = extension_mime(name)
        if by_name and by_name.startswith("application/"):
            return by_name
        return "application/x-ole-storage"
    if _looks_like_text(head):
        by_name = extension_mime(name)
        if by_name and (
            by_name.startswith("text/") or by_name in ("application/json", "application/xml")
        ):
            return by_name
        return "text/plain"
    return None


def sniff_mime(head: bytes, name: str) -> str:
    """MIME type of a file from its first bytes, using ``name`` only as a hint.

    Content wins over the extension; the extension is used only when the
    content matches no known signature.
    """
    if not head:
        return EMPTY
    return _sniff_content(head, name) or extension_mime(name) or OCTET_STREAM


# The kinds core.thumbnails draws (tests/core/test_thumbnails.py keeps them equal), here
# so that ingest can skip loading the decoders for every other kind.
THUMBNAIL_KINDS = frozenset({"photo", "video", "document"})


def kind_for_mime(mime: str) -> str:
    """Coarse category used by the catalogue: photo, video, audio, document, other."""
    mime = mime.split(";", 1)[0].strip().lower()
    major = mime.split("/", 1)[0]
    if major == "image":
        return "photo"
    if major == "video":
        return "video"
    if major == "audio" or mime == "application/ogg":
        return "audio"
    if (
        major == "text"
        or mime in _DOCUMENT_MIMES
        or mime.startswith("application/vnd.openxmlformats-officedocument.")
        or mime.startswith("application/vnd.oasis.opendocument.")
    ):
        return "document"
    return "other"


def _family(kind: str) -> str:
    return "av" if kind in ("audio", "video") else kind


def extension_mismatch_warning(name: str, mime: str) -> str | None:
    """A warning when the extension claims a different kind than the content.

    Audio and video count as one family (an ``.mp4`` voice memo is fine), and
    unknown kinds are not compared, so only real disguises are flagged, e.g.
    a text file named ``.mp4``.
    """
    claimed = extension_mime(name)
    if not claimed or claimed == mime:
        return None
    claimed_kind, actual_kind = kind_for_mime(claimed), kind_for_mime(mime)
    if "other" in (claimed_kind, actual_kind) or _family(claimed_kind) == _family(actual_kind):
        return None
    suffix = PurePath(name).suffix
    return f"file extension {suffix} suggests {claimed} but the content is {mime}"
