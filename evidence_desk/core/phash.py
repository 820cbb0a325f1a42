"""Perceptual hashes for finding near-duplicate images.

Why pHash: the same photo of an incident usually reaches an archive many times,
each copy re-encoded, resized, stripped of metadata and sometimes lightly cropped
by messengers such as Telegram, WhatsApp or Signal. Byte hashes (SHA-256) then
all differ. pHash (a 64-bit hash of the low-frequency DCT coefficients of a
32x32 grayscale version) keeps the coarse structure of the picture, so those
copies land within a few bits of each other, while unrelated pictures differ in
about half of the 64 bits. aHash/dHash are cheaper but less robust to
re-compression and gamma changes; pHash is the common choice for this job.

Hashes are stored as 16 lowercase hex characters so they fit a TEXT column and
can be compared without this module (``int(a, 16) ^ int(b, 16)``).
"""

from __future__ import annotations

import imagehash
from PIL import Image

HASH_HEX_LEN = 16  # 64 bits
DEFAULT_MAX_DISTANCE = 10


def image_phash(img: Image.Image) -> str:
    """Return the 64-bit DCT perceptual hash of ``img`` as 16 hex characters.

    The caller should pass the orientation-corrected image, so a rotated copy
    of a photo hashes like the upright original.
    """
    return str(imagehash.phash(img, hash_size=8))


def _as_int(h: str) -> int:
    if len(h) != HASH_HEX_LEN:
        raise ValueError(f"perceptual hash must be {HASH_HEX_LEN} hex characters, got {h!r}")
    try:
        return int(h, 16)
    except ValueError:
        raise ValueError(f"perceptual hash is not hexadecimal: {h!r}") from None


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two hashes (0 = same picture, ~32 = unrelated).

    Raises ValueError for malformed hashes rather than silently comparing garbage.
    """
    return (_as_int(a) ^ _as_int(b)).bit_count()


def similar(a: str, b: str, max_distance: int = DEFAULT_MAX_DISTANCE) -> bool:
    """True when two hashes probably show the same picture.

    The default of 10 of 64 bits catches messenger re-encodes and resizes
    while keeping unrelated photos (typically 25-40 bits apart) out.
    """
    return hamming(a, b) <= max_distance
