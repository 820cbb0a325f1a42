"""Thumbnails and perceptual hashes for ingested items.

One decode serves both jobs: the photo (or one video frame) is decoded once,
orientation-corrected, hashed with pHash and shrunk to a JPEG thumbnail.
Thumbnails live under the archive's ``derived/`` folder and are always
regenerable, so this module never touches originals and never raises: a file
we cannot read still gets archived, it just has no thumbnail and a warning.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
from PIL import Image, ImageOps

from evidence_desk.core.phash import image_phash

if TYPE_CHECKING:  # PyAV loads only for a video: photo workers start faster without it
    import av

try:  # HEIC/HEIF from iPhones; optional so a broken wheel does not break ingest.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except Exception:  # pragma: no cover - depends on the platform wheel
    pass

THUMB_SIZE = 320  # longest edge, px
JPEG_QUALITY = 85
# The last shrink to THUMB_SIZE starts from libjpeg's scaled decode (under twice
# the thumbnail's size) or from an image ``thumbnail`` has first reduced: over so
# small a ratio Pillow's antialiased bilinear filter looks like its bicubic one and
# costs a camera photo 0.7 ms of CPU instead of 1.2.
THUMB_RESAMPLE = Image.Resampling.BILINEAR
VIDEO_SEEK_FRACTION = 0.10  # past black intro frames / fade-ins, well before the end
_MAX_FRAMES_AFTER_SEEK = 90  # bound decoding work when keyframes are far apart
_JPEG_FORMATS = {"JPEG", "MPO"}  # MPO = multi-picture JPEG from some phones
_WARNING_PREFIX = "could not make thumbnail: "


@dataclass
class Derived:
    """What ``derive`` produced for one file."""

    thumbnail: bool  # a thumbnail file was written
    phash: str | None  # 16 hex chars (64-bit), None when no image could be decoded
    warning: str | None = None  # human-readable reason when something failed


# A file on disk, or a function opening a (seekable) stream of it: an encrypted
# store's originals exist in clear only as such a stream.
Source = Path | Callable[[], BinaryIO]


def _loaders() -> dict[str, Callable[[Source, int], Image.Image]]:
    """The decoder of each kind that gets a thumbnail (``core.mime.THUMBNAIL_KINDS``)."""
    return {"photo": _load_photo, "video": _load_video_frame, "document": _load_pdf_page}


def derive(
    path: Source,
    kind: str,
    out_path: Path,
    *,
    size: int = THUMB_SIZE,
    seal: Callable[[bytes], bytes] | None = None,
) -> Derived:
    """Write a JPEG thumbnail of ``path`` to ``out_path`` and return its pHash.

    ``kind`` is the item kind decided at ingest ("photo", "video", "audio",
    "document", "other"); photos, videos and PDF documents (their first page)
    get thumbnails here; a document page gets no perceptual hash, since blank
    and text pages would all look alike to it. Never
    raises: failures come back as ``Derived(False, None, warning=...)`` so one
    bad file cannot stop a batch ingest. ``seal`` transforms the JPEG's bytes
    before they are written (an encrypted archive encrypts them).
    """
    loader = _loaders().get(kind)
    if loader is None:
        return Derived(False, None)

    try:
        img = loader(path if callable(path) else Path(path), size)
        img = _to_rgb(img)
    except _NoThumbnail:
        return Derived(False, None)
    except Image.DecompressionBombError:
        return Derived(
            False,
            None,
            warning=_WARNING_PREFIX + f"image has more than {Image.MAX_IMAGE_PIXELS} pixels; "
            "refused as a possible decompression bomb",
        )
    except Exception as exc:
        return Derived(False, None, warning=_WARNING_PREFIX + _describe(exc))

    try:
        phash: str | None = image_phash(img) if kind != "document" else None
    except Exception as exc:  # pragma: no cover - imagehash on a valid RGB image
        phash = None
        hash_warning: str | None = f"could not compute perceptual hash: {_describe(exc)}"
    else:
        hash_warning = None

    try:
        img.thumbnail((size, size), THUMB_RESAMPLE)
        _save_jpeg_atomic(img, Path(out_path), seal)
    except Exception as exc:
        return Derived(False, phash, warning=_WARNING_PREFIX + _describe(exc))
    return Derived(True, phash, warning=hash_warning)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text if text else type(exc).__name__


def _open(source: Source) -> BinaryIO:
    return source() if callable(source) else open(source, "rb")


def _load_photo(path: Source, size: int) -> Image.Image:
    """Decode an image, orientation-corrected, at the smallest size >= the thumbnail.

    For JPEG, ``draft`` lets libjpeg decode at 1/2, 1/4 or 1/8 scale; every
    later step (hash, resize) then works on a few hundred pixels instead of
    millions, which is most of the ingest speed budget. The draft box keeps the
    image's aspect ratio: a square ``(2*size, 2*size)`` box would not reduce a
    2:1 photo at all. One ``size`` is enough because Pillow's resize filters
    are antialiased at any ratio (the same as ``thumbnail(reducing_gap=1.0)``).
    """
    with _open(path) as fp, Image.open(fp) as im:
        if im.format in _JPEG_FORMATS:
            w, h = im.size
            scale = size / max(w, h, 1)
            if scale < 1:
                im.draft("RGB", (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))))
        im.load()
        try:
            transposed = ImageOps.exif_transpose(im)
        except Exception:
            # Broken EXIF must not cost us the thumbnail; show it as stored.
            transposed = im.copy()
        return transposed


def _load_pdf_page(path: Source, size: int) -> Image.Image:
    """Render the first page of a PDF at thumbnail size (other documents have none).

    PDFium renders without running the document's JavaScript or fetching
    anything; a page larger than the thumbnail is rendered at reduced scale,
    so an absurd page size costs no memory.
    """
    with _open(path) as f:
        if f.read(5) != b"%PDF-":
            raise _NoThumbnail
        f.seek(0)
        import pypdfium2  # only documents need it; keeps ingest start-up light

        doc = pypdfium2.PdfDocument(f)
        try:
            if len(doc) == 0:
                raise ValueError("document has no pages")
            page = doc[0]
            width, height = page.get_size()
            scale = min(4.0, size / max(width, height, 1.0))
            image: Image.Image = page.render(scale=scale).to_pil()
            return image
        finally:
            doc.close()


class _NoThumbnail(Exception):
    """This file simply has no thumbnail; not a failure worth a warning."""


def _load_video_frame(path: Source, size: int) -> Image.Image:
    """Decode one representative frame: ~10% in, else the first decodable frame.

    The first frame of phone and screen recordings is often black, hence the
    seek. Seeking fails on some damaged or streamed files, so we fall back to
    decoding from the start in a fresh container.
    """
    frame: av.VideoFrame | None = None
    try:
        frame = _video_frame_near_fraction(path, VIDEO_SEEK_FRACTION)
    except Exception:
        frame = None
    if frame is None:
        frame = _video_frame_near_fraction(path, 0.0)
    if frame is None:
        raise ValueError("no decodable video frame")
    img: Image.Image = frame.to_image()  # type: ignore[no-untyped-call]  # PyAV leaves it untyped
    return _apply_display_rotation(img, frame)


def _video_frame_near_fraction(path: Source, fraction: float) -> av.VideoFrame | None:
    import av

    with _open(path) as fp, av.open(fp, mode="r", metadata_errors="ignore") as container:
        if not container.streams.video:
            raise ValueError("file has no video stream")
        stream = container.streams.video[0]
        target = _target_pts(container, stream, fraction) if fraction > 0 else None
        if target is not None:
            # Lands on the keyframe at or before target; decode forward to it.
            container.seek(target, stream=stream, backward=True, any_frame=False)
        last: av.VideoFrame | None = None
        decoded = 0
        try:
            for frame in container.decode(stream):
                last = frame
                decoded += 1
                if target is None or frame.pts is None or frame.pts >= target:
                    break
                if decoded >= _MAX_FRAMES_AFTER_SEEK:
                    break
        except av.FFmpegError:
            if last is None:
                raise
            # A damaged stream after a good frame: the good frame will do.
        return last


def _target_pts(
    container: av.container.InputContainer, stream: av.VideoStream, fraction: float
) -> int | None:
    """Timestamp (in the stream's time base) ``fraction`` of the way through."""
    import av

    time_base = stream.time_base
    if not time_base:
        return None
    if stream.duration:
        duration_s = float(stream.duration * time_base)
    elif container.duration:
        duration_s = container.duration / av.time_base
    else:
        return None
    start = stream.start_time or 0
    return start + int(duration_s * fraction / float(time_base))


def _apply_display_rotation(img: Image.Image, frame: av.VideoFrame) -> Image.Image:
    """Honour the display matrix so portrait phone videos are shown upright.

    PyAV reports the counter-clockwise angle, which is what Pillow's
    ROTATE_* transposes mean too.
    """
    try:
        angle = round(frame.rotation) % 360
    except Exception:
        return img
    ops = {
        90: Image.Transpose.ROTATE_90,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_270,
    }
    op = ops.get(angle)
    return img.transpose(op) if op is not None else img


def _to_rgb(img: Image.Image) -> Image.Image:
    """Bring any Pillow mode to 8-bit RGB suitable for a JPEG thumbnail.

    Transparency is flattened onto white (JPEG has no alpha and black
    backgrounds hide dark content); 16-bit and float images are scaled rather
    than clipped, which would turn most of them white.
    """
    if img.mode == "RGB":
        return img
    if img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    elif img.mode == "PA":
        img = img.convert("RGBA")
    elif img.mode.startswith("I") or img.mode == "F":
        img = _high_depth_to_l(img)
    if img.mode in ("RGBA", "RGBa", "LA", "La"):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB")


def _high_depth_to_l(img: Image.Image) -> Image.Image:
    """Scale 16/32-bit integer or float grayscale into 8-bit "L"."""
    arr = np.asarray(img)
    if arr.size == 0:
        raise ValueError("empty image")
    if img.mode.startswith("I;16"):
        out = arr.astype(np.float32) / 257.0
    else:
        lo, hi = float(arr.min()), float(arr.max())
        if img.mode == "F" and lo >= 0.0 and hi <= 1.0:
            out = arr.astype(np.float32) * 255.0
        elif lo >= 0 and hi <= 255:
            out = arr.astype(np.float32)
        elif lo >= 0 and hi <= 65535 and img.mode != "F":
            out = arr.astype(np.float32) / 257.0
        else:
            span = hi - lo or 1.0
            out = (arr.astype(np.float32) - lo) * (255.0 / span)
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8))


def _save_jpeg_atomic(
    img: Image.Image, out_path: Path, seal: Callable[[bytes], bytes] | None = None
) -> None:
    """Write to a temporary file in the same folder, then rename over the target.

    A reader (the GUI's thumbnail loader) therefore sees either the old file,
    no file, or the complete new one, never a half-written JPEG.
    """
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    try:
        if seal is None:
            img.save(tmp, format="JPEG", quality=JPEG_QUALITY)
        else:
            buf = io.BytesIO()
            img.save(buf, format="JPEG", quality=JPEG_QUALITY)
            tmp.write_bytes(seal(buf.getvalue()))
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
