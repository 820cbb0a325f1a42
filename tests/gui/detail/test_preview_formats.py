"""Selecting an item of any accepted format shows a preview or says why not; never a crash.

TIFF-based files once killed the application from the preview path, so every
format, and corrupt and truncated variants of each, is selected in the real
catalogue here.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests import media
from tests.gui.catalogue.test_edit_verify_remove import _show_single
from tests.gui.conftest import import_by_drop

LOADING = "Loading preview…"


def _save(path: Path, fmt: str, **kwargs) -> Path:
    Image.new("RGB", (96, 64), (30, 120, 200)).save(path, fmt, **kwargs)
    return path


def _multipage_tiff(path: Path) -> Path:
    first = Image.new("RGB", (80, 60), (200, 0, 0))
    second = Image.new("RGB", (80, 60), (0, 200, 0))
    first.save(path, "TIFF", save_all=True, append_images=[second])
    return path


def _dng_like(path: Path) -> Path:
    """A 16-bit greyscale TIFF under a .dng name, as raw scans and phone RAW look to Pillow."""
    Image.new("I;16", (64, 48), 40000).save(path, "TIFF")
    return path


def _valid_files(folder: Path) -> dict[str, Path]:
    files = {
        "tiff": _save(folder / "scan.tiff", "TIFF"),
        "tiff-lzw": _save(folder / "scan-lzw.tif", "TIFF", compression="tiff_lzw"),
        "multipage": _multipage_tiff(folder / "pages.tiff"),
        "bigtiff": _save(folder / "big.tif", "TIFF", big_tiff=True),
        "dng": _dng_like(folder / "raw.dng"),
        "webp": _save(folder / "sticker.webp", "WEBP"),
        "png": media.make_png(folder / "screen.png"),
        "gif": _save(folder / "anim.gif", "GIF"),
        "jpeg": media.make_jpeg(folder / "photo.jpg"),
        "pdf": media.make_pdf(folder / "doc.pdf"),
        "video": media.make_mp4(folder / "clip.mp4"),
        "audio": media.make_wav(folder / "voice.wav"),
    }
    try:
        files["heic"] = media.make_heic(folder / "iphone.heic")
    except Exception:  # noqa: BLE001 - the HEVC encoder is optional in pillow-heif wheels
        pass
    return files


def _damaged(folder: Path, valid: dict[str, Path]) -> dict[str, Path]:
    out = {}
    for name, path in valid.items():
        data = path.read_bytes()
        half = data[: max(16, len(data) // 2)]
        out[f"{name}-truncated"] = media.write_bytes(folder / f"trunc-{path.name}", half)
        corrupt = bytearray(data)
        for i in range(16, len(corrupt), 7):
            corrupt[i] ^= 0x5A
        out[f"{name}-corrupt"] = media.write_bytes(folder / f"bad-{path.name}", bytes(corrupt))
    # A TIFF header pointing far outside the file, and an absurd declared size.
    evil = io.BytesIO()
    evil.write(b"II*\x00" + (0x7FFFFFF0).to_bytes(4, "little") + os.urandom(64))
    out["tiff-bad-ifd"] = media.write_bytes(folder / "evil.tif", evil.getvalue())
    return out


@pytest.mark.slow
def test_selecting_every_format_never_crashes(qtbot, window, tmp_path):
    src = tmp_path / "formats"
    src.mkdir()
    valid = _valid_files(src)
    damaged = _damaged(src, valid)
    import_by_drop(qtbot, window, [src])
    model = window.model
    total = model.rowCount()
    assert total == len(valid) + len(damaged)

    seen: dict[str, tuple[bool, str]] = {}
    for row in range(total):
        _show_single(qtbot, window, row)
        detail = window.detail
        qtbot.waitUntil(lambda d=detail: d.preview_note.text() != LOADING, timeout=30_000)
        name = detail.current.item["title"]
        seen[name] = (detail.preview.has_image(), detail.preview_note.text())

    for key in ("tiff", "tiff-lzw", "multipage", "bigtiff", "dng", "webp", "png", "gif", "jpeg"):
        title = valid[key].name
        assert seen[title][0], f"{title}: {seen[title][1]}"
    if "heic" in valid:
        assert seen[valid["heic"].name][0]
    assert seen[valid["video"].name][0]  # poster frame
    for title, (_, note) in seen.items():
        assert note, f"{title} left no note"
    assert window.isVisible()


def _show_single_by_title(qtbot, window, title: str) -> None:
    """Select the row whose item has ``title`` (the file name, by default)."""
    model = window.model
    for row in range(model.rowCount()):
        model.index(row, 0).data()
    qtbot.waitUntil(
        lambda: all(model.cached_row(model.id_at(r)) for r in range(model.rowCount())),
        timeout=10_000,
    )
    for row in range(model.rowCount()):
        if model.cached_row(model.id_at(row)).title == title:
            _show_single(qtbot, window, row)
            return
    raise AssertionError(f"no row titled {title}")
