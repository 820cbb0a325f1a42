"""Refusing hostile bundles before anything is read from them.

A bundle arrives on a USB stick from someone else; it may have been made to
hurt the recipient. Every name is checked before any byte of content is used:
no path traversal, no absolute or drive paths, no symlinks or devices, no
duplicate names (two entries that would land on the same file, also after
case folding or Unicode normalisation), no encrypted entries, and no zip
bombs (a compression ratio or a total size past fixed caps). Our own bundles
are stored without compression, so the ratio cap costs honest senders nothing.
"""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
from collections.abc import Collection
from dataclasses import dataclass


class HostileBundle(Exception):
    """The bundle is unsafe to read; the message names the entry and the reason."""


@dataclass(frozen=True)
class Limits:
    # A bundle holds two entries per item (original and thumbnail) and up to 32 more; export
    # refuses more than 124,984 items, so no bundle we write reaches 250,000, while the
    # 100,000-item archives the catalogue is built for fit in one (docs/security.md). More is
    # refused from the zip's end record alone, before any entry is parsed.
    max_entries: int = 250_000
    max_total_bytes: int = 4 * 2**40  # 4 TiB of uncompressed content
    max_member: int = 2 * 2**40  # one original of 2 TiB
    max_ratio: float = 100.0  # uncompressed / compressed, for compressed entries
    ratio_floor: int = 1 * 2**20  # small entries may compress well legitimately
    max_name: int = 1024
    # The central directory, read whole (names are kept): our largest bundle's is ~30 MB
    # (250,000 entries of ~110 bytes); 48 MiB bounds what 250,000 names of up to 1 KiB
    # could otherwise cost in memory (docs/security.md).
    max_directory: int = 48 * 2**20


DEFAULT_LIMITS = Limits()
_ALLOWED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_COMPONENT = re.compile(r"(?:^|/)(?:\.\.?)?(?:/|$)")  # an empty, "." or ".." path component
_PARENT = re.compile(r"(?:^|/)\.\.(?:/|$)")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # C0 (but tab), DEL, C1
# Components of letters, digits, "_", "-" and ".", none starting with "." (so never "." or
# ".."): such a name has nothing name_problem could object to but its length, checked first.
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*")


def name_problem(name: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why a relative POSIX path is unsafe, or None when it is fine."""
    if not name:
        return "empty name"
    if len(name) > limits.max_name:
        return "name too long"
    if _SAFE_NAME.fullmatch(name):  # plain ASCII components: nothing below can object
        return None
    if _CONTROL.search(name):
        return "control character in name"
    if "\\" in name:
        return "backslash in name (a Windows path)"
    if name.startswith("/") or name.startswith("~"):
        return "absolute path"
    if len(name) >= 2 and name[1] == ":":
        return "drive letter (a Windows absolute path)"
    if _COMPONENT.search(name):
        return "path traversal (..)" if _PARENT.search(name) else "empty or '.' path component"
    return None


def fold(name: str) -> str:
    """The key under which two names would collide on some file system."""
    if name.isascii():  # NFC leaves ASCII alone, and casefold is lower there: faster
        return name.lower()
    return unicodedata.normalize("NFC", name).casefold()


def entry_problem(
    mode: int,
    flags: int,
    method: int,
    compressed: int,
    size: int,
    limits: Limits = DEFAULT_LIMITS,
    is_dir: bool = False,
) -> str | None:
    """Why one zip entry may not be read (its kind, encryption, method, sizes), or None.

    Shared by :func:`check_zip` and the lean directory scan of ``zip_directory``."""
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return "symbolic link"
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "not a regular file"
    if is_dir:
        return None
    if flags & 0x1:
        return "encrypted"
    if method not in _ALLOWED_COMPRESSION:
        return "unsupported compression method"
    if method == zipfile.ZIP_STORED and compressed != size:
        return f"stored but declares {size:,} bytes in {compressed:,}: sizes do not agree"
    if size > limits.max_member:
        return f"declares {size:,} bytes, too large"
    if size > limits.ratio_floor and size > limits.max_ratio * max(compressed, 1):
        return f"expands {size / max(compressed, 1):,.0f}× (a zip bomb?)"
    return None


def check_zip(zf: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> dict[str, zipfile.ZipInfo]:
    """Every regular-file entry by name, or HostileBundle naming the first bad one."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise HostileBundle(f"the zip has {len(infos):,} entries, more than we accept")
    files: dict[str, zipfile.ZipInfo] = {}
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        is_dir = name.endswith("/")
        bare = name[:-1] if is_dir else name
        problem = name_problem(bare, limits)
        if problem:
            raise HostileBundle(f"unsafe entry {name!r}: {problem}")
        key = fold(bare)
        if key in seen:
            raise HostileBundle(f"duplicate entry {name!r} (collides with {seen[key]!r})")
        seen[key] = name
        problem = entry_problem(
            info.external_attr >> 16,
            info.flag_bits,
            info.compress_type,
            info.compress_size,
            info.file_size,
            limits,
            is_dir,
        )
        if problem:
            raise HostileBundle(f"unsafe entry {name!r}: {problem}")
        if is_dir:
            continue
        total += info.file_size
        if total > limits.max_total_bytes:
            raise HostileBundle("the zip expands to more than we accept (a zip bomb?)")
        files[name] = info
    check_files_are_not_folders(files)
    return files


def check_files_are_not_folders(files: Collection[str]) -> None:
    """A file may not also be used as a folder (``a`` and ``a/b``)."""
    checked: set[str] = set()
    for name in files:
        parent = name.rpartition("/")[0]
        while parent and parent not in checked:
            if parent in files:
                raise HostileBundle(f"entry {parent!r} is both a file and a folder")
            checked.add(parent)
            parent = parent.rpartition("/")[0]
