"""Turning the paths a user gave into the list of files to ingest.

Symbolic links found inside a folder are never followed: a link out of the
tree could pull in files nobody meant to hand over, and a link inside it
points at a file that is ingested anyway. Each is reported, not dropped
silently. Paths the user named explicitly are taken as given.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    path: Path
    size: int
    follow: bool = False  # named by the user: a symbolic link is taken as given
    # Where the file really came from when ``path`` is a staged copy (a member
    # of a zip: "export.zip/photos/a.jpg"); recorded as the original path.
    original: str | None = None

    @property
    def shown(self) -> str:
        """How reports name the file: its original path, printable."""
        return self.original or display_path(self.path)

    @property
    def name(self) -> str:
        return self.original.rsplit("/", 1)[-1] if self.original else display_path(self.path.name)


@dataclass(frozen=True)
class Skipped:
    path: Path
    message: str


def display_path(path: Path | str) -> str:
    """A printable form of a path whose bytes may not be valid UTF-8."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="replace")


def raw_name_bytes(path: Path | str) -> bytes | None:
    """The path's raw bytes when they are not valid UTF-8 (to keep them exactly)."""
    raw = os.fsencode(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    return None


def collect(paths: list[Path]) -> tuple[list[Candidate], list[Skipped]]:
    files: list[Candidate] = []
    skipped: list[Skipped] = []
    for given in paths:
        given = Path(given)
        try:
            st = os.stat(given)
        except FileNotFoundError:
            skipped.append(Skipped(given, "not found"))
            continue
        except PermissionError:
            skipped.append(Skipped(given, "permission denied: cannot be read"))
            continue
        except OSError as exc:
            skipped.append(Skipped(given, f"cannot be read: {exc.strerror}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(given, given.resolve(), files, skipped)
        elif stat.S_ISREG(st.st_mode):
            files.append(Candidate(given, st.st_size, follow=True))
        else:
            skipped.append(Skipped(given, "not a regular file (device, pipe or socket)"))
    return files, skipped


def _walk(folder: Path, tree: Path, files: list[Candidate], skipped: list[Skipped]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
    except PermissionError:
        skipped.append(
            Skipped(
                folder, "folder cannot be read (permission denied); its files were not ingested"
            )
        )
        return
    except OSError as exc:
        skipped.append(Skipped(folder, f"folder cannot be read: {exc.strerror}"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                skipped.append(Skipped(path, _symlink_message(path, tree)))
            elif entry.is_dir(follow_symlinks=False):
                _walk(path, tree, files, skipped)
            elif entry.is_file(follow_symlinks=False):
                files.append(Candidate(path, entry.stat(follow_symlinks=False).st_size))
            else:
                skipped.append(Skipped(path, "not a regular file (device, pipe or socket)"))
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot be read: {exc.strerror}"))


def _symlink_message(path: Path, tree: Path) -> str:
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):
        return "symbolic link that cannot be resolved; not followed"
    if target == tree or tree in target.parents:
        return (
            f"symbolic link to {display_path(target)} inside the folder; not followed "
            "(the target is ingested on its own)"
        )
    return f"symbolic link to {display_path(target)} outside the given folder; not followed"
