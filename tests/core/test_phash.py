"""pHash must survive messenger-style re-encoding and still separate different pictures."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from evidence_desk.core.phash import hamming, image_phash, similar


def photo_like(seed: int, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """Smoothed noise plus gradients and shapes: structure at several scales, like a photo."""
    rng = np.random.default_rng(seed)
    w, h = size
    noise = rng.integers(0, 256, (h // 16, w // 16, 3), dtype=np.uint8)
    img = Image.fromarray(noise).resize((w, h), Image.Resampling.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(6))
    x = np.linspace(0, 1, w, dtype=np.float32)
    grad = (np.outer(np.ones(h, np.float32), x) * 120).astype(np.uint8)
    base = np.asarray(img).astype(np.int16)
    base[..., 0] = np.clip(base[..., 0] + grad, 0, 255)
    img = Image.fromarray(base.astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w - 150)), int(rng.integers(0, h - 150))
        x1, y1 = x0 + int(rng.integers(40, 150)), y0 + int(rng.integers(40, 150))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
    return img


def messenger_copy(img: Image.Image) -> Image.Image:
    """Roughly what Telegram/WhatsApp do: downscale to 50% and re-encode at low quality."""
    small = img.resize((img.width // 2, img.height // 2), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    small.save(buf, format="JPEG", quality=40)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def test_hash_format_is_16_hex_chars() -> None:
    h = image_phash(photo_like(1))
    assert len(h) == 16
    int(h, 16)
    assert h == h.lower()


def test_hash_is_deterministic() -> None:
    assert image_phash(photo_like(3)) == image_phash(photo_like(3))


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_reencoded_and_resized_copy_stays_close(seed: int) -> None:
    original = photo_like(seed)
    copy = messenger_copy(original)
    distance = hamming(image_phash(original), image_phash(copy))
    assert distance <= 6
    assert similar(image_phash(original), image_phash(copy))


def test_different_pictures_are_far_apart() -> None:
    hashes = [image_phash(photo_like(seed)) for seed in range(10, 16)]
    for i, a in enumerate(hashes):
        for b in hashes[i + 1 :]:
            assert hamming(a, b) > 20
            assert not similar(a, b)


def test_hamming_basics_and_symmetry() -> None:
    a, b = "0000000000000000", "ffffffffffffffff"
    assert hamming(a, a) == 0
    assert hamming(a, b) == 64
    assert hamming("0000000000000001", a) == 1
    x, y = image_phash(photo_like(20)), image_phash(photo_like(21))
    assert hamming(x, y) == hamming(y, x)
    assert hamming("ABCDEF0123456789", "abcdef0123456789") == 0


def test_similar_threshold_is_inclusive() -> None:
    a = "0000000000000000"
    b = "00000000000003ff"  # 10 bits set
    assert similar(a, b)
    assert not similar(a, b, max_distance=9)


@pytest.mark.parametrize("bad", ["", "abc", "0000000000000000ff", "zzzzzzzzzzzzzzzz"])
def test_malformed_hash_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        hamming(bad, "0000000000000000")
