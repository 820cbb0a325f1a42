"""Pieces shared by the sub-command modules of the CLI."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_desk.services.archive import ENV_ARCHIVE, Archive, default_archive_path


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


ArchiveHandler = Callable[[argparse.Namespace, Archive], int]
