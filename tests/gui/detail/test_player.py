"""Playback streamed from the store: duration, frame steps and timecode, no working copy."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("PySide6.QtMultimedia", exc_type=ImportError)

from evidence_desk.gui.detail.player import MediaPlayerView, timecode  # noqa: E402
from tests import media  # noqa: E402


def test_timecode():
    assert timecode(0) == "00:00.000"
    assert timecode(61_005) == "01:01.005"
    assert timecode(3_600_000 + 2_500) == "1:00:02.500"


def _opened(paths: list):
    def opener(path):
        def open_():
            f = open(path, "rb")  # noqa: SIM115 - closed by the device
            paths.append(f)
            return f

        return open_

    return opener


def test_video_streams_and_steps_frames(qtbot, tmp_path):
    clip = media.make_mp4(tmp_path / "clip.mp4")  # 1 s at 10 fps
    view = MediaPlayerView()
    qtbot.addWidget(view)
    view.show()
    streams: list = []
    before = set(tmp_path.iterdir())
    view.load(_opened(streams)(clip), clip.stat().st_size, "clip.mp4", video=True, fps=10)
    qtbot.waitUntil(lambda: view.player.duration() > 0, timeout=15_000)
    assert view.player.duration() == pytest.approx(1000, abs=50)
    view.step(3)
    qtbot.waitUntil(lambda: view.player.position() == 300, timeout=10_000)
    assert view.time_label.text().startswith("00:00.300 / 00:01.0")
    view.step(-1)
    qtbot.waitUntil(lambda: view.player.position() == 200, timeout=10_000)
    assert set(tmp_path.iterdir()) == before  # nothing written beside the original
    view.unload()
    assert all(f.closed for f in streams)


def test_audio_has_duration_and_plays(qtbot, tmp_path):
    wav = media.make_wav(tmp_path / "voice.wav", seconds=1)
    view = MediaPlayerView()
    qtbot.addWidget(view)
    view.show()
    view.load(_opened([])(wav), wav.stat().st_size, "voice.wav", video=False)
    qtbot.waitUntil(lambda: view.player.duration() > 0, timeout=15_000)
    assert not view.video.isVisible() and view.audio_label.isVisible()
    assert not view.forward_button.isEnabled()


def test_damaged_media_reports_a_problem(qtbot, tmp_path):
    bad = media.write_bytes(tmp_path / "bad.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    view = MediaPlayerView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.problem, timeout=15_000) as blocker:
        view.load(_opened([])(bad), bad.stat().st_size, "bad.mp4", video=True)
    assert blocker.args[0].startswith("Cannot play this file: ")
    assert view.player.duration() == 0


def test_play_here_in_the_detail_panel(qtbot, window, tmp_path):
    from tests.gui.conftest import import_by_drop
    from tests.gui.detail.test_preview_formats import _show_single_by_title

    src = tmp_path / "av"
    src.mkdir()
    media.make_mp4(src / "clip.mp4")
    media.make_jpeg(src / "photo.jpg")
    import_by_drop(qtbot, window, [src])
    detail = window.detail
    _show_single_by_title(qtbot, window, "photo.jpg")
    assert not detail.play_button.isVisible()
    _show_single_by_title(qtbot, window, "clip.mp4")
    assert detail.play_button.isVisible()
    detail.play_button.click()
    player = detail.player
    assert detail.preview_stack.currentWidget() is player
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=15_000)
    qtbot.waitUntil(lambda: player.player.position() > 0, timeout=15_000)
    assert player._frame_ms == 100  # 10 fps, from the item's stream metadata
    _show_single_by_title(qtbot, window, "photo.jpg")
    assert detail.preview_stack.currentWidget() is detail.preview
    assert player.player.source().isEmpty() or player._device is None


def test_a_failing_stream_ends_playback_instead_of_raising_into_qt(qtbot):
    from PySide6.QtCore import QIODevice

    from evidence_desk.gui.detail.player import StoreStreamDevice

    class Tampered(io.BytesIO):
        def read(self, n=-1):
            raise ValueError("chunk 3 failed authentication")

    device = StoreStreamDevice(Tampered(b"x" * 100), 100)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    assert device.read(10).data() == b""
    assert "authentication" in device.errorString()
