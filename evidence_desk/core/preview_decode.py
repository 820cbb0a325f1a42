"""Decoding an original into pixels for the on-screen preview.

Pure Pillow, no Qt: it runs in a throw-away worker process (see
``services/sandbox.py``) because the decoders behind TIFF, DNG,
HEIC and friends have a record of crashing on crafted or damaged files, and
a crash there must cost a preview, never the application. The result is
plain bytes so it crosses the process boundary cheaply.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageFile, ImageOps

try:  # HEIC/HEIF from iPhones; optional so a broken wheel does not break previews.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except Exception:  # pragma: no cover - depends on the platform wheel
    pass

MAX_EDGE = 3000
# A preview never needs more pixels than this; more is refused as a likely bomb.
MAX_PIXELS = 40_000 * 40_000

# Formats Qt decodes in-process: their decoders (libjpeg-turbo, libpng, giflib,
# libwebp) are heavily fuzzed. Everything else goes through the sandbox.
_SAFE_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"\xff\xd8\xff"),  # JPEG
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"GIF87a"),
    (0, b"GIF89a"),
    (0, b"BM"),
    (8, b"WEBP"),
)


@dataclass(frozen=True)
class DecodedImage:
    """An 8-bit RGB or RGBA raster, rows packed without padding."""

    width: int
    height: int
    mode: str  # "RGB" or "RGBA"
    pixels: bytes


@dataclass(frozen=True)
class DecodeResult:
    image: DecodedImage | None
    reason: str = ""  # why there is no image, for the preview's note


def is_safe_for_qt(head: bytes) -> bool:
    """Whether the first bytes announce a format decoded in-process."""
    return any(head[offset : offset + len(magic)] == magic for offset, magic in _SAFE_MAGIC)


def decode_for_preview(data: bytes, max_edge: int = MAX_EDGE) -> DecodeResult:
    """The first frame or page of ``data``, orientation applied, at most ``max_edge`` px.

    Never raises: any failure comes back as a reason.
    """
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # a truncated scan still shows what it has
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.seek(0)
            img.draft("RGB", (max_edge, max_edge))
            shown = ImageOps.exif_transpose(img) or img
            shown.thumbnail((max_edge, max_edge))
            out = _to_8bit(shown)
            return DecodeResult(DecodedImage(out.width, out.height, out.mode, out.tobytes()))
    except Image.DecompressionBombError:
        return DecodeResult(None, "image too large to preview")
    except Exception as exc:  # noqa: BLE001 - a preview must never fail loudly
        return DecodeResult(None, f"cannot decode: {type(exc).__name__}")
    finally:
        Image.MAX_IMAGE_PIXELS = previous
        ImageFile.LOAD_TRUNCATED_IMAGES = False


def _to_8bit(img: Image.Image) -> Image.Image:
    if img.mode in ("RGB", "RGBA"):
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit scans and DNG-like rasters: scale to 8 bits rather than clip to white.
        img = img.point(lambda v: v / 256).convert("L")
    has_alpha = img.mode in ("LA", "PA") or (img.mode == "P" and "transparency" in img.info)
    return img.convert("RGBA" if has_alpha else "RGB")
