"""How values read in the interface: sizes, times, durations and translated labels.

Stored vocabulary (kinds, sensitivities, capture-time sources) stays English
in the database; only the labels shown to people are translated, here.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from evidence_desk.core.capture_time import format_offset
from evidence_desk.services.messages import Messages, messages


def _t(text: object) -> str:
    """``text`` is a source string, typed ``object`` by QT_TRANSLATE_NOOP's stub."""
    return QCoreApplication.translate("Labels", str(text))


KINDS = ("photo", "video", "audio", "document", "other")
# "testimony" is a kind of item too (a testimony's statement is an item), but not one a
# file is imported as, so it has labels without being offered as an import kind.
SENSITIVITIES = ("public", "restricted", "confidential")

_KIND = {
    "photo": QT_TRANSLATE_NOOP("Labels", "Photo"),
    "video": QT_TRANSLATE_NOOP("Labels", "Video"),
    "audio": QT_TRANSLATE_NOOP("Labels", "Audio"),
    "document": QT_TRANSLATE_NOOP("Labels", "Document"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    "testimony": QT_TRANSLATE_NOOP("Labels", "Testimony"),
}
_KIND_PLURAL = {
    "photo": QT_TRANSLATE_NOOP("Labels", "Photos"),
    "video": QT_TRANSLATE_NOOP("Labels", "Videos"),
    "audio": QT_TRANSLATE_NOOP("Labels", "Audio recordings"),
    "document": QT_TRANSLATE_NOOP("Labels", "Documents"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other files"),
    "testimony": QT_TRANSLATE_NOOP("Labels", "Testimonies"),
}
_SENSITIVITY = {
    "public": QT_TRANSLATE_NOOP("Labels", "Public"),
    "restricted": QT_TRANSLATE_NOOP("Labels", "Restricted"),
    "confidential": QT_TRANSLATE_NOOP("Labels", "Confidential"),
}
_METHODS = (
    QT_TRANSLATE_NOOP("Labels", "USB drive or memory card"),
    QT_TRANSLATE_NOOP("Labels", "Phone dump (full device copy)"),
    QT_TRANSLATE_NOOP("Labels", "Telegram export"),
    QT_TRANSLATE_NOOP("Labels", "WhatsApp export"),
    QT_TRANSLATE_NOOP("Labels", "Signal export"),
    QT_TRANSLATE_NOOP("Labels", "Email attachment"),
    QT_TRANSLATE_NOOP("Labels", "Website or social media download"),
    QT_TRANSLATE_NOOP("Labels", "Cloud share link"),
    QT_TRANSLATE_NOOP("Labels", "Hand-delivered device"),
    QT_TRANSLATE_NOOP("Labels", "Scan of a paper document"),
    QT_TRANSLATE_NOOP("Labels", "Recorded interview"),
)
_UNITS = (
    QT_TRANSLATE_NOOP("Labels", "KB"),
    QT_TRANSLATE_NOOP("Labels", "MB"),
    QT_TRANSLATE_NOOP("Labels", "GB"),
    QT_TRANSLATE_NOOP("Labels", "TB"),
)


def kind_label(kind: str) -> str:
    return _t(_KIND[kind]) if kind in _KIND else kind


def kind_plural(kind: str) -> str:
    return _t(_KIND_PLURAL[kind]) if kind in _KIND_PLURAL else kind


def sensitivity_label(value: str) -> str:
    return _t(_SENSITIVITY[value]) if value in _SENSITIVITY else value


def acquisition_methods() -> list[str]:
    """The usual ways material reaches a researcher (the combo stays editable)."""
    return [_t(m) for m in _METHODS]


def capture_source_label(source: str | None) -> str:
    if not source:
        return QCoreApplication.translate("Labels", "unknown")
    if source == "file_mtime":
        return QCoreApplication.translate(
            "Labels", "file modification time (may reflect copying, not capture)"
        )
    if source == "filename":
        return QCoreApplication.translate("Labels", "file name")
    return source


def service_words() -> Messages:
    """The services' words (warnings, custody events, problems) in the interface language."""
    from evidence_desk.gui.shell.i18n import current

    return messages(current())


def precision_label(precision: str | None) -> str:
    return service_words().t(precision) if precision else ""


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return QCoreApplication.translate("Labels", "%1 B").replace("%1", str(size))
    value = float(size) / 1024
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    return f"{value:.1f} {_t(_UNITS[unit])}"


def human_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def captured_text(local: datetime | None, offset_min: int | None) -> str:
    if local is None:
        return ""
    shown = local.strftime("%Y-%m-%d %H:%M:%S")
    return f"{shown} {format_offset(offset_min)}" if offset_min is not None else shown


def iso_text(value: str | None) -> str:
    """An ISO timestamp as ``YYYY-MM-DD HH:MM:SS`` plus offset, for tables."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    offset = parsed.utcoffset()
    base = parsed.strftime("%Y-%m-%d %H:%M:%S")
    if offset is None:
        return base
    minutes = int(offset.total_seconds() // 60)
    return f"{base} {'UTC' if minutes == 0 else format_offset(minutes)}"


def rate_text(bytes_per_s: float) -> str:
    return QCoreApplication.translate("Labels", "%1/s").replace("%1", human_size(int(bytes_per_s)))


def eta_text(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    if seconds < 60:
        left = str(int(seconds) + 1)
        return QCoreApplication.translate("Labels", "about %1 s left").replace("%1", left)
    left = human_duration(seconds)
    return QCoreApplication.translate("Labels", "about %1 left").replace("%1", left)
