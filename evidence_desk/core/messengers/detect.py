"""Which chat export is this? A folder, a zip or a lone file, decided by content.

People hand over exports as they got them: Telegram's ``ChatExport_…``
folder, the zip WhatsApp shares from a phone, or the bare ``.txt``. Names
alone would mislead (any folder may hold a ``result.json``), so each
candidate's first bytes are checked too. Zips go through the safe zip
reader and folders through the symlink-refusing walker (``bagit_read``):
an export is as untrusted as any bundle.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence_desk.core.bagit_read import BagFormatError, BagReader, FolderBag, ZipBag
from evidence_desk.core.messengers.common import strip_invisible
from evidence_desk.core.messengers.whatsapp import match_header
from evidence_desk.core.messengers.whatsapp_locale import chat_name_from_file
from evidence_desk.core.safe_zip import HostileBundle

_HEAD = 64 * 1024
_HTML_PAGE = re.compile(r"^messages(\d*)\.html$")
_MAX_DEPTH = 3


class ExportOpenError(Exception):
    """The path cannot be read as an export (unsafe zip, unreadable file)."""


@dataclass(frozen=True)
class ChatFiles:
    """The files of one chat inside an export, in reading order."""

    files: tuple[str, ...]
    base: str
    chat_name: str | None = None


@dataclass(frozen=True)
class ExportPlan:
    fmt: str  # one of model.FORMATS
    container: str  # "folder", "zip" or "file"
    chats: tuple[ChatFiles, ...]
    label: str

    @property
    def main_files(self) -> tuple[str, ...]:
        return tuple(f for c in self.chats for f in c.files)


class SingleFile(BagReader):
    """A lone export file, seen through the same interface as a folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.label = str(self.path)
        self.files = {self.path.name: self.path.stat().st_size}

    def open(self, name: str) -> BinaryIO:
        if name not in self.files:
            raise FileNotFoundError(name)
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        return os.fdopen(fd, "rb")


def open_export(path: Path) -> BagReader:
    """A reader over ``path`` (folder, zip or single file), refusing unsafe ones."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise ExportOpenError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        if stat.S_ISDIR(st.st_mode):
            return FolderBag(path)
        if stat.S_ISREG(st.st_mode):
            if path.suffix.lower() == ".zip":
                return ZipBag(path)
            return SingleFile(path)
    except HostileBundle as exc:
        raise ExportOpenError(f"{path.name}: {exc}") from None
    except (BagFormatError, OSError) as exc:
        raise ExportOpenError(f"{path.name}: {exc}") from None
    raise ExportOpenError(f"{path}: neither a folder, a zip nor a regular file")


def detect(reader: BagReader, container_name: str = "") -> ExportPlan | None:
    """The export ``reader`` holds, or None when it holds no chat export."""
    container = "folder"
    if isinstance(reader, ZipBag):
        container = "zip"
    elif isinstance(reader, SingleFile):
        container = "file"
    names = [n for n in sorted(reader.files) if n.count("/") < _MAX_DEPTH]
    json_chats = [
        ChatFiles((n,), posixpath.dirname(n))
        for n in names
        if n.lower().endswith(".json") and _looks_telegram_json(reader, n)
    ]
    if json_chats:
        return ExportPlan("telegram_json", container, tuple(json_chats), reader.label)
    pages: dict[str, list[tuple[int, str]]] = {}
    for n in names:
        m = _HTML_PAGE.match(posixpath.basename(n))
        if m and _head(reader, n).find(b'class="message') >= 0:
            pages.setdefault(posixpath.dirname(n), []).append((int(m.group(1) or 1), n))
    if pages:
        chats = tuple(
            ChatFiles(tuple(n for _, n in sorted(found)), folder)
            for folder, found in sorted(pages.items())
        )
        return ExportPlan("telegram_html", container, chats, reader.label)
    txts = [n for n in names if n.lower().endswith(".txt") and _looks_whatsapp(reader, n)]
    if txts:
        chats = tuple(
            ChatFiles((n,), posixpath.dirname(n), _whatsapp_chat_name(n, container_name))
            for n in txts
        )
        return ExportPlan("whatsapp_txt", container, chats, reader.label)
    return None


def _head(reader: BagReader, name: str) -> bytes:
    try:
        with reader.open(name) as f:
            return f.read(_HEAD)
    except OSError:
        return b""


def _looks_telegram_json(reader: BagReader, name: str) -> bool:
    head = _head(reader, name).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    if b'"messages"' in head and (b'"date_unixtime"' in head or b'"date"' in head):
        return True
    if posixpath.basename(name) == "result.json":
        return b'"about"' in head or b'"messages"' in head or b'"chats"' in head
    return False


def _looks_whatsapp(reader: BagReader, name: str) -> bool:
    head = _head(reader, name).decode("utf-8", "replace")
    for line in head.splitlines()[:50]:
        if match_header(strip_invisible(line.lstrip("\ufeff"))):
            return True
    return False


def _whatsapp_chat_name(name: str, container_name: str) -> str:
    base = posixpath.basename(name)
    found = chat_name_from_file(base)
    if found:
        return found
    if container_name:
        found = chat_name_from_file(container_name)
        if found:
            return found
        stem = Path(container_name).stem
        if stem and base.startswith("_chat"):
            return stem
    return base.rsplit(".", 1)[0]
