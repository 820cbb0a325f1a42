"""Images for publication rebuilt from their pixels alone.

A redacted bundle must carry nothing a camera, an editor or an adversary
hid in an image: EXIF (GPS, names in Artist or UserComment), XMP, IPTC,
comments, ICC profiles (whose description and copyright tags are free text),
PNG text chunks, JFIF thumbnails, or bytes after the end of the compressed
data that decoders ignore. Every function here writes a new file holding only
what a decoder needs to draw the pixels:

- JPEG: rebuilt losslessly from its quantisation and Huffman tables, frame
  header and entropy-coded scans (the same decoded pixels), with a fresh
  JFIF header, the Adobe colour-transform flag when the original had one, and
  (for photos that must be turned) an EXIF holding only the Orientation;
- PNG: the compressed pixel stream is inflated and deflated again, so data
  hidden after its end goes; only chunks that describe pixels as numbers are
  kept (no text, ICC or suggested-palette names);
- anything else, and animated PNG, is decoded and written again as PNG from a
  fresh image that holds the pixels and the palette only.

Memory: JPEG and the re-encoded formats hold one image; PNG streams chunk by
chunk.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps


class ImageRedactionError(Exception):
    """The image cannot be rebuilt; it must not be published."""


# Pixels only --------------------------------------------------------------------


def pixels_only(im: Image.Image) -> Image.Image:
    """A new image with ``im``'s pixels (and palette, transparency) and no other info."""
    im.load()
    clean = Image.frombytes(im.mode, im.size, im.tobytes())
    if im.mode in ("P", "PA"):
        palette = im.getpalette()
        if palette is not None:
            clean.putpalette(palette)
    transparency = im.info.get("transparency")
    if isinstance(transparency, int | tuple | bytes):
        clean.info["transparency"] = transparency
    return clean


def write_png(im: Image.Image, target: Path) -> None:
    """``im`` turned upright and saved as PNG from its pixels alone."""
    upright = ImageOps.exif_transpose(im) or im
    if upright.mode not in ("RGB", "RGBA", "L", "LA", "I;16", "P", "1"):
        upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
    pixels_only(upright).save(target, "PNG", optimize=False)


def clean_thumbnail(source: Path, target: Path, quality: int = 90) -> None:
    """A report thumbnail re-encoded as JPEG from its pixels (no EXIF, ICC or comment)."""
    with Image.open(source) as im:
        im.load()
        rgb = im.convert("RGB")
    pixels_only(rgb).save(target, "JPEG", quality=quality)


def reencode(src: BinaryIO, target: Path) -> None:
    """Any image Pillow reads, upright, as a PNG from pixels (first frame only)."""
    with Image.open(src) as im:
        im.load()
        write_png(im, target)


# JPEG ---------------------------------------------------------------------------

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Segments a decoder needs: SOFn, DHT, DAC, DQT, DRI, DNL (SOS handled apart).
_JPEG_KEEP = {*range(0xC0, 0xD0), 0xDB, 0xDD, 0xDC} - {0xC8}


def jpeg_labels(marker: int, payload: bytes) -> str:
    if marker == 0xE1 and payload.startswith(b"Exif"):
        return "EXIF (GPS, camera make/model, serial numbers, names, times)"
    if marker == 0xE1:
        return "XMP metadata"
    if marker == 0xE2 and payload.startswith(b"ICC_PROFILE"):
        return "ICC colour profile (its description is free text)"
    if marker == 0xED:
        return "IPTC/Photoshop metadata"
    if marker == 0xFE:
        return "JPEG comments"
    if marker == 0xE0:
        return "JFIF header and embedded thumbnail (a new plain header is written)"
    if marker == 0xEE:
        return "Adobe segment (only its colour-transform flag is kept)"
    return f"APP{marker - 0xE0} metadata segment" if 0xE0 <= marker <= 0xEF else "unknown segment"


def clean_jpeg(data: bytes, orientation: int | None) -> tuple[bytes, list[str]]:
    """The JPEG rebuilt from tables, frame and scans; returns bytes and what went."""
    if data[:2] != b"\xff\xd8":
        raise ImageRedactionError("not a JPEG file")
    removed: set[str] = set()
    body: list[bytes] = []
    jfif_density = b"\x00\x00\x01\x00\x01"  # units, x density, y density: aspect 1:1
    adobe_transform: int | None = None
    pos = 2
    while True:
        marker, pos = _next_marker(data, pos)
        if marker is None:
            raise ImageRedactionError("JPEG ends before its end-of-image marker")
        if marker == _EOI:
            if data[pos:].strip(b"\x00"):
                removed.add("data after the end of the image (extra pictures, trailers)")
            break
        if marker in _STANDALONE:
            body.append(bytes([0xFF, marker]))
            continue
        if pos + 2 > len(data):
            raise ImageRedactionError("truncated JPEG segment")
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        if length < 2 or pos + length > len(data):
            raise ImageRedactionError("truncated JPEG segment")
        end = pos + length
        payload = data[pos + 2 : end]
        if marker == 0xE0 and payload.startswith(b"JFIF\x00") and len(payload) >= 12:
            jfif_density = payload[7:12]
            if len(payload) > 14 or payload[12:14] != b"\x00\x00":
                removed.add(jpeg_labels(marker, payload))
        elif marker == 0xEE and payload.startswith(b"Adobe") and len(payload) >= 12:
            adobe_transform = payload[11]
        elif marker in _JPEG_KEEP or marker == _SOS:
            body.append(data[pos - 2 : end])
        else:
            removed.add(jpeg_labels(marker, payload))
        pos = end
        if marker == _SOS:
            scan_end = _scan_end(data, pos)
            body.append(data[pos:scan_end])
            pos = scan_end
    head = [b"\xff\xd8"]
    if adobe_transform is None:
        jfif = b"JFIF\x00\x01\x01" + jfif_density + b"\x00\x00"
        head.append(b"\xff\xe0" + struct.pack(">H", len(jfif) + 2) + jfif)
    else:
        adobe = b"Adobe" + struct.pack(">HHHB", 100, 0, 0, adobe_transform)
        head.append(b"\xff\xee" + struct.pack(">H", len(adobe) + 2) + adobe)
    if orientation not in (None, 1):
        exif = Image.Exif()
        exif[0x0112] = orientation
        blob = exif.tobytes()
        head.append(b"\xff\xe1" + struct.pack(">H", len(blob) + 2) + blob)
    return b"".join([*head, *body, b"\xff\xd9"]), sorted(removed)


def _next_marker(data: bytes, pos: int) -> tuple[int | None, int]:
    while pos + 1 < len(data):
        if data[pos] != 0xFF:
            raise ImageRedactionError(f"JPEG structure damaged at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        return marker, pos + 2
    return None, pos


def _scan_end(data: bytes, pos: int) -> int:
    """Offset of the first marker after entropy-coded data (not FF00, not RSTn)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise ImageRedactionError("JPEG scan data runs to the end of the file")
        nxt = data[pos + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
            pos += 1
            continue
        return pos


def orientation_of(data: bytes) -> int | None:
    try:
        with Image.open(io.BytesIO(data)) as im:
            value = im.getexif().get(0x0112)
    except Exception:  # noqa: BLE001 - no orientation is the safe default
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


# PNG ----------------------------------------------------------------------------

PNG_SIG = b"\x89PNG\r\n\x1a\n"
# Chunks that describe pixels with numbers only (no names, no text, no ICC).
_PNG_KEEP = {b"IHDR", b"PLTE", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs", b"bKGD"}
_PNG_LABELS = {
    b"tEXt": "PNG text", b"zTXt": "PNG text", b"iTXt": "PNG text", b"eXIf": "PNG EXIF",
    b"iCCP": "PNG ICC profile", b"sPLT": "PNG suggested palettes", b"tIME": "PNG time",
    b"hIST": "PNG histogram", b"acTL": "PNG animation", b"fcTL": "PNG animation",
    b"fdAT": "PNG animation",
}  # fmt: skip
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))  # fmt: skip
_IDAT_OUT = 1 << 16
_INFLATE_STEP = 1 << 22  # bounded inflation: a PNG bomb cannot fill memory
MAX_PNG_CHUNK = 1 << 31


def png_is_animated(head: bytes) -> bool:
    """Whether the PNG's chunks before the first IDAT include acTL (APNG)."""
    return b"acTL" in head.split(b"IDAT", 1)[0]


def clean_png(src: BinaryIO, target: Path) -> list[str]:
    """Copy numeric pixel-describing chunks; inflate and deflate the pixel stream anew."""
    if src.read(8) != PNG_SIG:
        raise ImageRedactionError("not a PNG file")
    removed: set[str] = set()
    with open(target, "wb") as dst:
        dst.write(PNG_SIG)
        expected: int | None = None
        inflater = zlib.decompressobj()
        deflater = zlib.compressobj(6)
        produced = 0
        pending = b""
        idat_done = over = False
        for ctype, body in _chunks(src):
            if ctype == b"IHDR":
                expected = _raw_size(body)
            if ctype == b"IDAT":
                if expected is None or idat_done:
                    raise ImageRedactionError("PNG pixel data out of order")
                data = body
                while data and not over:
                    raw = inflater.decompress(data, _INFLATE_STEP)
                    data = inflater.unconsumed_tail
                    if produced + len(raw) > expected:
                        raw = raw[: expected - produced]
                        over = True
                    produced += len(raw)
                    pending += deflater.compress(raw)
                    over = over or inflater.eof
                    if len(pending) >= _IDAT_OUT:
                        _write_chunk(dst, b"IDAT", pending)
                        pending = b""
                if data or inflater.unused_data:
                    removed.add("data after the end of the pixel stream")
                continue
            if expected is not None and produced and not idat_done:
                idat_done = True
                if produced != expected:
                    raise ImageRedactionError("PNG pixel data is shorter than the image")
                _write_chunk(dst, b"IDAT", pending + deflater.flush())
            if ctype == b"IEND":
                if not idat_done:
                    raise ImageRedactionError("PNG has no pixel data")
                _write_chunk(dst, b"IEND", b"")
                return sorted(removed)
            if ctype in _PNG_KEEP:
                _write_chunk(dst, ctype, body)
            else:
                removed.add(_PNG_LABELS.get(ctype, "private PNG chunks"))
    raise ImageRedactionError("PNG ends before IEND")


def _chunks(src: BinaryIO) -> Iterator[tuple[bytes, bytes]]:
    while True:
        head = src.read(8)
        if len(head) < 8:
            raise ImageRedactionError("PNG ends before IEND")
        length, ctype = struct.unpack(">I4s", head)
        if length >= MAX_PNG_CHUNK:
            raise ImageRedactionError("PNG chunk too large")
        body = src.read(length + 4)
        if len(body) < length + 4:
            raise ImageRedactionError("truncated PNG chunk")
        yield ctype, body[:length]
        if ctype == b"IEND":
            return


def _write_chunk(dst: BinaryIO, ctype: bytes, body: bytes) -> None:
    crc = zlib.crc32(body, zlib.crc32(ctype))
    dst.write(struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", crc))


def _raw_size(ihdr: bytes) -> int:
    """Bytes of filtered scanlines the IHDR promises (Adam7 passes when interlaced)."""
    if len(ihdr) != 13:
        raise ImageRedactionError("PNG header damaged")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if colour not in _CHANNELS or depth not in (1, 2, 4, 8, 16) or not width or not height:
        raise ImageRedactionError("PNG header damaged")
    bits = _CHANNELS[colour] * depth

    def rows(w: int, h: int) -> int:
        return 0 if not w or not h else h * (1 + (w * bits + 7) // 8)

    if not interlace:
        return rows(width, height)
    return sum(
        rows((width - x0 + dx - 1) // dx if width > x0 else 0,
             (height - y0 + dy - 1) // dy if height > y0 else 0)
        for x0, y0, dx, dy in _ADAM7
    )  # fmt: skip
