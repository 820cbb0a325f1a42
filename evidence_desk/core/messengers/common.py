"""Small rules every chat parser shares: safe media paths, invisible marks,
and the stable digest that stands in for an id where the platform gives none."""

from __future__ import annotations

import hashlib
import posixpath
import re
from datetime import datetime

from evidence_desk.core.messengers.model import MediaRef
from evidence_desk.core.safe_zip import name_problem

# Direction and formatting marks phones put around names, times and
# attachments (WhatsApp on iOS starts attachment lines with U+200E). They
# carry no content; keeping them would make the same message hash differently.
_INVISIBLE = dict.fromkeys(
    [0x200E, 0x200F, 0x061C, 0xFEFF, 0x200B, 0x2060]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A)),
    None,
)
# Spaces phones use between time and AM/PM (U+202F on newer Android).
_SPACES = {0x00A0: " ", 0x202F: " ", 0x2007: " ", 0x2009: " "}
_TRANSLATE = {**_INVISIBLE, **_SPACES}

MAX_TEXT = 1_000_000  # characters kept per message; the rest is reported, not kept


_MARKS = re.compile("[" + "".join(chr(c) for c in _TRANSLATE) + "]")


def strip_invisible(text: str) -> str:
    """Text without direction marks, with odd spaces made plain."""
    if _MARKS.search(text) is None:  # the common case, several times faster than translate
        return text
    return text.translate(_TRANSLATE)


def media_ref(
    kind: str, raw: str, base: str, missing_reason: str | None = None, mime: str | None = None
) -> tuple[MediaRef, str | None]:
    """A reference to ``raw`` (relative to ``base`` inside the export).

    Returns the reference and a problem text when the path is unsafe; an
    unsafe path becomes a missing file with our reason, never a file we open.
    """
    if missing_reason is not None:
        return MediaRef(kind, None, missing_reason, mime), None
    rel = raw.strip()
    if rel.startswith("./"):
        rel = rel[2:]
    problem = name_problem(rel)
    if problem is None:
        joined = posixpath.normpath(posixpath.join(base, rel)) if base else rel
        problem = name_problem(joined)
        if problem is None:
            return MediaRef(kind, joined, None, mime), None
    reason = f"unsafe path {raw[:200]!r} ({problem})"
    return MediaRef(kind, None, reason, mime), reason


def message_digest(chat: str, local: datetime | None, author: str | None, text: str, n: int) -> str:
    """A stable key for a message without an id (WhatsApp).

    Made from what every export of the chat repeats: chat, wall-clock time,
    author and text; ``n`` counts earlier identical messages in the same file
    so "ok" twice in a minute stays two messages. A later, overlapping export
    yields the same digests for the messages both contain.
    """
    when = local.isoformat(timespec="seconds") if local else ""
    payload = "\x1f".join([chat, when, author or "", text, str(n)])
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def clip(text: str) -> tuple[str, bool]:
    """``text`` bounded to MAX_TEXT characters; True when it was cut."""
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT], True
    return text, False
