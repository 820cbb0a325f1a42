"""In-app playback of video and audio, streamed from the object store.

The player reads the original through a ``QIODevice`` that wraps the store's
stream, so no working copy is written anywhere (an encrypted store hands a
decrypting stream and playback still leaves no plaintext on disk). Frame
stepping pauses and moves by one frame interval; the timecode shows
milliseconds, which is what a researcher quotes when citing a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DEFAULT_FRAME_MS = 40  # 25 fps, when the container does not say


class StoreStreamDevice(QIODevice):
    """A read-only, seekable ``QIODevice`` over a binary stream from the store."""

    def __init__(self, stream: BinaryIO, size: int) -> None:
        super().__init__()
        self._stream = stream
        self._size = size

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def seek(self, pos: int) -> bool:
        if not 0 <= pos <= self._size:
            return False
        super().seek(pos)
        self._stream.seek(pos)
        return True

    def readData(self, maxlen: int) -> bytes:
        """Called on the player's own thread; a failed read ends the stream, not the app.

        (A closed stream after ``unload``, an I/O error, or ciphertext that fails
        authentication in an encrypted archive.)
        """
        try:
            return self._stream.read(maxlen)
        except Exception as exc:  # noqa: BLE001 - an exception must not cross into Qt's thread
            self.setErrorString(str(exc))
            return b""

    def writeData(self, data: bytes) -> int:  # type: ignore[override]
        return -1

    def bytesAvailable(self) -> int:
        return self._size - self.pos() + super().bytesAvailable()

    def close(self) -> None:
        super().close()
        self._stream.close()


def timecode(ms: int) -> str:
    """``h:mm:ss.mmm`` (hours only when needed)."""
    ms = max(0, ms)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    core = f"{minutes:02d}:{seconds:02d}.{millis:03d}"
    return f"{hours}:{core}" if hours else core


class MediaPlayerView(QWidget):
    """Video surface (hidden for audio), transport buttons, position slider, timecode."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaPlayer")
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setMinimumHeight(120)
        self.player.setVideoOutput(self.video)
        self.audio_label = QLabel(self)
        self.audio_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.audio_label.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(48, 48)
        )
        self._device: StoreStreamDevice | None = None
        self._frame_ms = DEFAULT_FRAME_MS
        self._seeking = False

        self.play_button = self._button(QStyle.StandardPixmap.SP_MediaPlay, self.tr("Play (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.back_button = self._button(
            QStyle.StandardPixmap.SP_MediaSkipBackward, self.tr("Previous frame (,)")
        )
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button = self._button(
            QStyle.StandardPixmap.SP_MediaSkipForward, self.tr("Next frame (.)")
        )
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.mute_button = self._button(QStyle.StandardPixmap.SP_MediaVolume, self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._on_mute)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("mediaPosition")
        self.slider.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.time_label = QLabel(timecode(0), self)
        self.time_label.setObjectName("mediaTimecode")
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back_button, self.play_button, self.forward_button):
            bar.addWidget(widget)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.time_label)
        bar.addWidget(self.mute_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.audio_label, 1)
        layout.addLayout(bar)

        for keys, slot in (
            (Qt.Key.Key_Space, self.toggle),
            (Qt.Key.Key_Comma, lambda: self.step(-1)),
            (Qt.Key.Key_Period, lambda: self.step(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.errorOccurred.connect(self._on_error)

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # --- loading -----------------------------------------------------------

    def load(
        self,
        opener: Callable[[], BinaryIO],
        size: int,
        name: str,
        *,
        video: bool,
        fps: float | None = None,
    ) -> None:
        """Stream ``opener()``'s bytes to the player; ``name`` only hints the container."""
        self.unload()
        self._frame_ms = int(round(1000 / fps)) if fps and 0 < fps <= 1000 else DEFAULT_FRAME_MS
        self.video.setVisible(video)
        self.audio_label.setVisible(not video)
        self.back_button.setEnabled(video)
        self.forward_button.setEnabled(video)
        try:
            stream = opener()
        except OSError as exc:
            self.problem.emit(self.tr("Cannot read the original: %1").replace("%1", str(exc)))
            return
        device = StoreStreamDevice(stream, size)
        device.open(QIODevice.OpenModeFlag.ReadOnly)
        self._device = device
        self.player.setSourceDevice(device, QUrl(name))
        if video:
            self.player.play()  # decode the first frame, then hold it
            self.player.pause()

    def unload(self) -> None:
        self.player.stop()
        self.player.setSourceDevice(None)  # type: ignore[arg-type]  # None drops the device
        if self._device is not None:
            self._device.close()
            self._device = None
        self.slider.setRange(0, 0)
        self.time_label.setText(timecode(0))

    # --- transport ---------------------------------------------------------

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def step(self, frames: int) -> None:
        """Pause and move by whole frames; the timecode follows."""
        self.player.pause()
        target = self.player.position() + frames * self._frame_ms
        self.player.setPosition(max(0, min(target, self.player.duration())))

    def _on_mute(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        pixmaps = QStyle.StandardPixmap
        icon = pixmaps.SP_MediaVolumeMuted if muted else pixmaps.SP_MediaVolume
        self.mute_button.setIcon(self.style().standardIcon(icon))

    def _on_slider_released(self) -> None:
        self._seeking = False
        self.player.setPosition(self.slider.value())

    def _on_position(self, ms: int) -> None:
        if not self._seeking:
            self.slider.setValue(ms)
        self.time_label.setText(f"{timecode(ms)} / {timecode(self.player.duration())}")

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))
        self.time_label.setText(f"{timecode(self.player.position())} / {timecode(ms)}")

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        pixmaps = QStyle.StandardPixmap
        icon = pixmaps.SP_MediaPause if playing else pixmaps.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        tip = self.tr("Pause (Space)") if playing else self.tr("Play (Space)")
        self.play_button.setToolTip(tip)

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self.problem.emit(self.tr("Cannot play this file: %1").replace("%1", message))
