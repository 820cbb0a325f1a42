"""Small helpers shared by the ingest, verify and archive service tests."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import IngestReport, Provenance, ingest

ITEM_KEYS = {
    "id",
    "exhibit",
    "kind",
    "title",
    "sha256",
    "size",
    "mime_type",
    "original_name",
    "captured_at",
    "captured_at_source",
    "gps",
    "device",
    "width",
    "height",
    "duration_s",
    "ingested_at",
    "sources",
    "tags",
    "warnings",
    "metadata",
}
SOURCE_KEYS = {"original_path", "received_from", "method", "collector", "acquired_at"}


def sha256_file(path: Path | bytes | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def snapshot(path: Path) -> tuple[str, int, int]:
    """Hash, mtime and size of a source file, to prove ingest left it alone."""
    st = os.stat(path)
    return sha256_file(path), st.st_mtime_ns, st.st_size


def run(archive: Archive, *paths: Path, **provenance: str) -> IngestReport:
    return ingest(archive, list(paths), provenance=Provenance(**provenance))


def by_name(report: IngestReport) -> dict[str, object]:
    return {Path(r.path).name: r for r in report.results}


def temp_files(archive: Archive) -> list[Path]:
    return list(archive.store.tmp.iterdir()) if archive.store.tmp.exists() else []


def assert_clean(archive: Archive) -> None:
    """No leftover temp files and a verify with no problem of any kind."""
    assert temp_files(archive) == []
    report = verify(archive)
    assert report.problems == [], [p.message for p in report.problems]
    assert report.ok


def raw_db(archive: Archive) -> sqlite3.Connection:
    """A plain sqlite3 connection, as an attacker or a careless tool would use."""
    return sqlite3.connect(archive.root / "evidence.sqlite", isolation_level=None)
