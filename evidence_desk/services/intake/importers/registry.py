"""Which importers exist, and which one takes a given path.

Importers are named by ``"module:Class"`` and loaded on first use, so intake
does not import the features that provide them (bundles, later messengers)
and a CLI command or the window loads only what it runs.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from pathlib import Path

from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.intake.importers.base import NOT_MINE, Importer

BUILTIN = (
    "evidence_desk.services.intake.importers.files:LooseFiles",
    "evidence_desk.services.bundles.importer:BundleImporter",
    "evidence_desk.services.intake.messenger_importer:MessengerExports",
)
FALLBACK = "files"

_lock = threading.Lock()
_loaded: dict[str, Importer] | None = None


def _load(spec: str) -> Importer:
    module_name, _, class_name = spec.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    importer = cls()
    if not isinstance(importer, Importer):
        raise TypeError(f"{spec} does not implement Importer")
    return importer


def _registry() -> dict[str, Importer]:
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = {}
            for spec in BUILTIN:
                importer = _load(spec)
                _loaded[importer.name] = importer
        return _loaded


def register(importer: Importer) -> None:
    """Add (or replace, by name) an importer."""
    if not isinstance(importer, Importer):
        raise TypeError(f"{importer!r} does not implement Importer")
    _registry()[importer.name] = importer


def importers() -> list[Importer]:
    return list(_registry().values())


def get(name: str) -> Importer:
    try:
        return _registry()[name]
    except KeyError:
        raise EvidenceDeskError(f"no importer called {name!r}") from None


def route(paths: Sequence[Path]) -> list[tuple[Importer, list[Path]]]:
    """Group ``paths`` by the automatic importer most confident about each.

    Paths no automatic importer claims go to the loose-files importer, and
    the groups keep the order in which their first path was given.
    """
    groups: dict[str, list[Path]] = {}
    candidates = [i for i in importers() if i.automatic and i.name != FALLBACK]
    for path in paths:
        best, best_score = FALLBACK, NOT_MINE
        for importer in candidates:
            score = importer.detect(Path(path))
            if score > best_score:
                best, best_score = importer.name, score
        groups.setdefault(best, []).append(Path(path))
    return [(get(name), group) for name, group in groups.items()]
