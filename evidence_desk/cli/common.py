"""Pieces shared by the sub-command modules of the CLI."""

from __future__ import annotations

import argparse
import functools
import getpass
import importlib
import json
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.archive.location import ENV_ARCHIVE, default_archive_path

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive

ENV_PASSPHRASE = "EVIDENCE_DESK_PASSPHRASE"
ENV_NEW_PASSPHRASE = "EVIDENCE_DESK_NEW_PASSPHRASE"
MIN_PASSPHRASE = 8


class LazyModule:
    """A module imported on first attribute access.

    Command modules name the services they call through these, so building the
    parser (``--help``, or any quick command) loads no database layer, image
    decoders or cryptography; each command pays only for what it uses.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._loaded: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._loaded is None:
            self._loaded = importlib.import_module(self._name)
        return getattr(self._loaded, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name}>"


def lazy(name: str) -> Any:
    """``lazy("evidence_desk.services.catalogue.verify")`` stands in for ``import … as verify``."""
    return LazyModule(name)


def ask_passphrase(prompt: str = "Passphrase: ", env: str = ENV_PASSPHRASE) -> str:
    """From ``env`` (for scripts) or a prompt that does not echo; never from an argument,
    which other users could read in the process list and the shell's history."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise EvidenceDeskError(f"a passphrase is needed: run on a terminal or set {env}")
    return getpass.getpass(prompt)


def passphrase_source() -> Callable[[], str]:
    """Asked only if the archive turns out to be encrypted, and then once per source."""
    return functools.cache(lambda: ask_passphrase("Passphrase for the archive: "))


def ask_new_passphrase(env: str, what: str = "passphrase") -> str:
    """A new passphrase: from ``env``, or typed twice; at least MIN_PASSPHRASE characters."""
    value = os.environ.get(env)
    if value is None:
        if not sys.stdin.isatty():
            raise EvidenceDeskError(f"a new {what} is needed: run on a terminal or set {env}")
        value = getpass.getpass(f"New {what}: ")
        if getpass.getpass(f"New {what} again: ") != value:
            raise EvidenceDeskError(f"the two {what}s differ; nothing was changed")
    if len(value) < MIN_PASSPHRASE:
        raise EvidenceDeskError(
            f"the {what} must have at least {MIN_PASSPHRASE} characters; several words are "
            "best (anyone holding the archive folder can try guesses offline)"
        )
    return value


@dataclass(frozen=True)
class Command:
    """A sub-command; ``run`` gets an open archive unless ``needs_archive`` is False.

    ``before_open(args, archive_folder)`` starts work that can overlap the opening
    of the archive (early copies for ``ingest``, the store's sweep for ``verify``);
    the command finds what it returns as ``args.early``, and it is closed when the
    command ends.
    """

    run: Callable[..., int]
    needs_archive: bool = True
    before_open: Callable[[Any, Path], Any] | None = None


def add_command(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help=f"archive folder (default: ${ENV_ARCHIVE} or {default_archive_path()})",
    )
    return parser


def _plain(value: Any) -> Any:
    """Typed service results (anything with ``as_json()``) as their documented JSON."""
    if hasattr(value, "as_json"):
        return value.as_json()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def print_json(value: Any) -> None:
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


ArchiveHandler = Callable[[argparse.Namespace, "Archive"], int]


class Interrupt:
    """Ctrl+C asks long work to stop cleanly instead of killing it mid-write."""

    def __init__(self, message: str = "stopping after the current file…") -> None:
        self.message = message
        self.requested = False
        self._previous: Any = signal.getsignal(signal.SIGINT)

    def __call__(self) -> bool:
        return self.requested

    def install(self) -> None:
        def handler(_sig: int, _frame: Any) -> None:
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True
            print(f"\n{self.message} (Ctrl+C again to abort)", file=sys.stderr)

        self._previous = signal.signal(signal.SIGINT, handler)

    def __enter__(self) -> Interrupt:
        self.install()
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)


def exit_process(code: int) -> NoReturn:
    """End the command's process without tearing the interpreter down object by object.

    After a command, freeing every module, mapped class and cached statement
    took 0.15-0.3 s of CPU (more than a second on a loaded machine): a
    quarter of ``init``. Exit handlers still run (worker pools, the decoder
    sandbox, a decrypted viewer folder), output is flushed, and the files the
    command wrote were closed and fsynced by the command itself. If a thread
    that was not told to die with the process is still running, a profiler
    or coverage tracer waits to write its results at the end, or the window
    ran (Qt's objects save settings as they are destroyed), this exits the
    ordinary way.
    """
    import atexit
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        sys.exit(code)
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    if "PySide6.QtCore" in sys.modules:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe: nothing more can be said on it
    os._exit(code)


def entry() -> NoReturn:
    """The ``evidence-desk`` command (``[project.scripts]``)."""
    from evidence_desk.cli.main import main

    exit_process(main())
