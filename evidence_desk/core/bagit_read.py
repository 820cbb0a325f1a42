"""Reading a bag, folder or zip, without trusting it.

One interface over both forms (the list of regular files with their sizes,
and a stream per file) lets verify and import treat them alike. Listing a
folder never follows a symlink; opening a zip first passes every entry
through :mod:`safe_zip`. Small tag files are read with a size cap so that a
hostile ``bag-info.txt`` cannot exhaust memory.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from evidence_desk.core import zip_directory
from evidence_desk.core.bagit_bundle import decode_path
from evidence_desk.core.safe_zip import DEFAULT_LIMITS, HostileBundle, fold, name_problem

TAG_FILE_CAP = 64 * 2**20


class BagFormatError(Exception):
    """The bag is not well-formed (a missing or unparsable tag file)."""


# What reading a damaged zip entry or a vanishing file can raise.
READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, ValueError, NotImplementedError)


def printable(path: Path | str) -> str:
    """A path as text that can be stored and printed (bytes that are not UTF-8 as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def describe_error(exc: BaseException) -> str:
    """One line, printable on any terminal."""
    text = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or type(
        exc
    ).__name__
    return text.encode("utf-8", "backslashreplace").decode("utf-8").splitlines()[0][:300]


class BagReader:
    """Regular files of a bag by relative POSIX path."""

    files: Mapping[str, int]
    label: str

    def open(self, name: str) -> BinaryIO:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> BagReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read_small(self, name: str, cap: int = TAG_FILE_CAP) -> bytes:
        if name not in self.files:
            raise BagFormatError(f"{name} is missing")
        if self.files[name] > cap:
            raise BagFormatError(f"{name} is {self.files[name]:,} bytes, more than we read")
        try:
            with self.open(name) as f:
                data = f.read(cap + 1)
        except READ_ERRORS as exc:  # a damaged entry: bad CRC, header name mismatch, …
            raise BagFormatError(f"{name} is unreadable: {describe_error(exc)}") from None
        if len(data) > cap:
            raise BagFormatError(f"{name} is larger than declared")
        return data


class FolderBag(BagReader):
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.label = str(self.root)
        self._found: dict[str, int] = {}
        seen: dict[str, str] = {}
        self._walk(self.root, "", seen)
        self.files = self._found

    def _walk(self, folder: Path, prefix: str, seen: dict[str, str]) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                rel = prefix + entry.name
                problem = name_problem(rel)
                if problem:
                    raise HostileBundle(f"unsafe file {rel!r}: {problem}")
                key = fold(rel)
                if key in seen:
                    raise HostileBundle(f"duplicate file {rel!r} (collides with {seen[key]!r})")
                seen[key] = rel
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISLNK(st.st_mode):
                    raise HostileBundle(f"unsafe file {rel!r}: symbolic link")
                if stat.S_ISDIR(st.st_mode):
                    self._walk(Path(entry.path), rel + "/", seen)
                elif stat.S_ISREG(st.st_mode):
                    self._found[rel] = st.st_size
                    if len(self._found) > DEFAULT_LIMITS.max_entries:
                        raise HostileBundle(
                            f"the folder holds more than {DEFAULT_LIMITS.max_entries:,} files"
                        )
                else:
                    raise HostileBundle(f"unsafe file {rel!r}: not a regular file")

    def open(self, name: str) -> BinaryIO:
        if name not in self.files:
            raise FileNotFoundError(name)
        fd = os.open(self.root / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        return os.fdopen(fd, "rb")


class ZipBag(BagReader):
    """A zipped bag: one top-level folder (RFC 8493 §4), or the bag at the zip's root."""

    def __init__(self, path: Path, fileobj: BinaryIO | None = None) -> None:
        self.path = Path(path)
        self.label = str(self.path)
        try:
            if fileobj is not None:  # an .age bundle's zip, decrypted in memory
                directory = zip_directory.read_directory(fileobj, DEFAULT_LIMITS)
                fileobj.seek(0)
                self._zip = zip_directory.MemberReader(fileobj)
            else:
                with open(self.path, "rb") as f:
                    directory = zip_directory.read_directory(f, DEFAULT_LIMITS)
                self._zip = zip_directory.MemberReader(self.path)
        except zip_directory.NotAZip as exc:
            raise BagFormatError(f"{self.path.name} is not a zip file: {exc}") from None
        except READ_ERRORS as exc:
            raise BagFormatError(
                f"{self.path.name} is not a readable zip file: {describe_error(exc)}"
            ) from None
        entries = directory.files
        tops = {name.split("/", 1)[0] for name in entries}
        self.prefix = ""
        if "bagit.txt" not in entries and len(tops) == 1 and all("/" in n for n in entries):
            self.prefix = tops.pop() + "/"
        self._directory = directory
        self.files = directory.sizes_by_name(self.prefix)

    def open(self, name: str) -> BinaryIO:
        if name not in self.files:
            raise FileNotFoundError(name)
        return self._directory.open(self._zip, self.prefix + name)  # type: ignore[return-value]

    def close(self) -> None:
        self._zip.close()


AGE_MAGIC = b"age-encryption.org/v1\n"


def open_bag(path: Path, *, fileobj: BinaryIO | None = None) -> BagReader:
    """A folder or zip bag; ``fileobj`` is the zip's content already opened (decrypted)."""
    path = Path(path)
    if fileobj is not None:
        return ZipBag(path, fileobj)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise BagFormatError(f"{path} does not exist") from None
    if stat.S_ISLNK(st.st_mode):
        path = path.resolve()
        st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        return FolderBag(path)
    if stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            encrypted = f.read(len(AGE_MAGIC)) == AGE_MAGIC
        if encrypted:
            raise BagFormatError(
                f"{path.name} is encrypted (age): import it into the archive it was encrypted "
                f"for, or decrypt it first: age -d -i KEY -o bundle.zip {path.name}"
            )
        return ZipBag(path)
    raise BagFormatError(f"{path} is neither a folder nor a zip file")


def parse_manifest(data: bytes, label: str) -> tuple[dict[str, str], list[str]]:
    """``{path: digest}`` and a list of problems (bad lines, unsafe or repeated paths)."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return entries, [f"{label} is not UTF-8"]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        digest = parts[0].lower() if parts else ""
        if len(parts) != 2 or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            problems.append(f"{label} line {number} is not '<sha256> <path>'")
            continue
        path = decode_path(parts[1].lstrip("*").strip(" "))
        problem = name_problem(path)
        if problem:
            problems.append(f"{label} line {number}: unsafe path {path!r} ({problem})")
            continue
        if path in entries:
            problems.append(f"{label} lists {path} twice")
            continue
        entries[path] = digest
    return entries, problems


def parse_bag_info(data: bytes) -> list[tuple[str, str]]:
    """Labels and values in order; indented lines continue the previous value."""
    fields: list[tuple[str, str]] = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        if line[:1] in (" ", "\t") and fields:
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {line.strip()}")
        elif ":" in line:
            label, value = line.split(":", 1)
            fields.append((label.strip(), value.strip()))
    return fields


def info_value(fields: list[tuple[str, str]], label: str) -> str | None:
    for name, value in fields:
        if name.lower() == label.lower():
            return value
    return None
