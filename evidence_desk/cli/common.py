"""Pieces shared by the sub-command modules of the CLI."""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from evidence_desk.services.archive.location import ENV_ARCHIVE, default_archive_path

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


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


@dataclass(frozen=True)
class Command:
    """A sub-command; ``run`` gets an open archive unless ``needs_archive`` is False."""

    run: Callable[..., int]
    needs_archive: bool = True


def add_command(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help=f"archive folder (default: ${ENV_ARCHIVE} or {default_archive_path()})",
    )
    return parser


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
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
