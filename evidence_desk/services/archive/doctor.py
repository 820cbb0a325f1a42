"""``doctor``: the archive's health in plain lines, and the repairs that are safe.

Safe repairs change nothing a court relies on: removing abandoned temporary
copies and half-written backups, clearing leftovers of interrupted ingests
(recorded in custody), putting back dropped triggers, counting the
catalogue's counts again when they differ from the items. Two further repairs
need the user's explicit word, because they accept a state of the log:

- ``restore_backup``: the database is damaged or lost; the newest backup that
  passes SQLite's check is put in its place. The damaged file is set aside,
  never deleted; the exhibit counter is raised to the checkpoint's
  high-water mark so numbers given out after the backup are never reused;
  the restore is recorded in custody and the checkpoint re-anchored.
- ``reanchor``: the checkpoint is missing or refers to a log that is gone;
  after the user has satisfied themselves that the log is complete, a new
  checkpoint is written and the re-anchoring itself recorded in custody.

An encrypted archive is examined the same way: its passphrase unlocks the
database key first, and the database and every backup are opened through
SQLCipher with it (``db.cipher``); a backup that key does not open is never
put in place.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from evidence_desk.core import custody_chain
from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db import database_file, dialect
from evidence_desk.db.engine import StorageError
from evidence_desk.db.queries import catalogue as catalogue_q
from evidence_desk.db.queries import custody as custody_q
from evidence_desk.db.queries import integrity as q
from evidence_desk.db.revision import SCHEMA_HEAD
from evidence_desk.services.archive import backups, custody, integrity
from evidence_desk.services.archive.archive import (
    DB_NAME,
    Archive,
    PassphraseRequired,
    PassphraseSource,
    WrongPassphraseError,
    open_archive,
    unlock_keys,
)
from evidence_desk.services.archive.errors import ArchiveError
from evidence_desk.services.archive.guards import writable
from evidence_desk.services.archive.recovery import recover

LOW_SPACE_BYTES = 200 * 1024 * 1024


@dataclass
class Check:
    name: str
    ok: bool
    message: str
    repaired: bool = False


@dataclass
class DoctorReport:
    root: Path
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok or c.repaired for c in self.checks)

    def add(self, name: str, ok: bool, message: str, repaired: bool = False) -> None:
        self.checks.append(Check(name, ok, message, repaired))


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")




def _database_state(db_path: Path, key: bytes | None) -> str | None:
    """None when the database is sound; else one line saying what is wrong."""
    if not db_path.exists():
        return "missing"
    if db_path.stat().st_size == 0:
        return "empty (0 bytes)"
    errors = backups.driver_errors(key is not None)
    try:
        # On write-protected media the file is opened immutable (see dialect.connect_read_only).
        conn = database_file.open_read_only(db_path, key, immutable=not writable(db_path.parent))
    except errors as exc:
        return f"cannot be opened ({exc})"
    try:
        result, catalogue = dialect.check_database(conn)
        if result != "ok":
            return f"damaged ({result})"
        return None if catalogue else "holds no archive catalogue"
    except errors as exc:
        return f"damaged ({exc})"
    finally:
        conn.close()


def _newest_good_backup(root: Path, key: bytes | None) -> backups.BackupInfo | None:
    for path in backups.all_backups(root / "backups"):
        info = backups.inspect(path, key)
        if info.ok:
            return info
    return None




def diagnose(
    root: Path, *, repair: bool = False, passphrase: PassphraseSource | None = None
) -> DoctorReport:
    """Check everything; with ``repair``, fix what is safe to fix. ``passphrase`` is asked
    for an encrypted archive only (a wrong one raises WrongPassphraseError)."""
    root = Path(root).expanduser().resolve()
    report = DoctorReport(root)
    try:
        keys = unlock_keys(root, passphrase)
        key = keys.database if keys else None
    except (WrongPassphraseError, PassphraseRequired):
        raise
    except ArchiveError as exc:  # keys missing, or an encryption that did not finish
        report.add("keys", False, str(exc))
        return report
    db_path = root / DB_NAME
    problem = _database_state(db_path, key)
    if problem is not None:
        good = _newest_good_backup(root, key)
        way_out = (
            f"restore the newest good backup ({good.path.name}: {good.items} items, "
            f"{good.events} custody events) with: evidence-desk doctor --archive {root} "
            "--restore-backup"
            if good
            else "no usable backup was found in backups/; copy the database back from elsewhere"
        )
        report.add("database", False, f"{db_path} is {problem}; {way_out}")
        return report
    report.add("database", True, f"{db_path} passes SQLite's integrity check")
    try:
        archive = open_archive(root, passphrase=passphrase, keys=keys)
    except ArchiveError as exc:
        report.add("open", False, str(exc))
        return report
    with archive:
        _check_open_archive(archive, report, repair)
    return report


def _check_open_archive(archive: Archive, report: DoctorReport, repair: bool) -> None:
    root = archive.root
    if archive.read_only:
        report.add("medium", True, f"{root} is read-only: nothing can be repaired here")
        repair = False
    for warning in archive.warnings:
        report.add("open", True, warning)
    revision = archive.db.current_revision()
    report.add("schema", revision == SCHEMA_HEAD, f"schema {revision}")
    checked = integrity.check(archive, restore=repair)
    by_kind: dict[str, list[str]] = {}
    for finding in checked.findings:
        by_kind.setdefault(finding.kind, []).append(finding.message)
    report.add(
        "custody",
        not by_kind.get("chain") and not by_kind.get("checkpoint"),
        "; ".join(by_kind.get("chain", []) + by_kind.get("checkpoint", []))
        or f"{checked.events_checked} events, chain and signed checkpoint agree",
    )
    report.add(
        "records",
        not by_kind.get("record"),
        "; ".join(by_kind.get("record", [])[:20]) or "evidentiary records match their digests",
    )
    triggers = by_kind.get("trigger", [])
    report.add(
        "triggers",
        not triggers,
        "; ".join(triggers) or "protective triggers in place",
        repaired=bool(triggers) and repair,
    )
    for note in checked.notes:
        report.add("note", True, note)
    _check_counts(archive, report, repair)
    left = list((root / "objects" / ".journal").glob("*.log")) if not archive.read_only else []
    if left or repair:
        recovered = recover(archive) if repair else None
        if recovered is not None and recovered.removed:
            report.add("leftovers", False, recovered.message or "", repaired=True)
    store = archive.store
    tmp = store.tmp if isinstance(store, ObjectStore) else None
    temps = list(tmp.iterdir()) if tmp is not None and tmp.is_dir() else []
    if temps:
        cleaned = archive.store.clean_temp() if repair else 0
        report.add(
            "temporary copies",
            False,
            f"{len(temps)} temporary copies in objects/.tmp",
            repaired=cleaned == len(temps),
        )
    partial = list(archive.backups.glob(".*.partial"))
    if partial:
        if repair:
            for p in partial:
                p.unlink(missing_ok=True)
        report.add("backups", False, f"{len(partial)} half-written backup(s)", repaired=repair)
    made = backups.auto_backups(archive.backups)
    report.add(
        "backups",
        bool(made) or archive.read_only,
        f"{len(made)} rotating backup(s); newest {made[-1].name}" if made else "no backups yet",
    )
    try:
        st = os.statvfs(root)
        free = st.f_bavail * st.f_frsize
        report.add(
            "space",
            free >= LOW_SPACE_BYTES or archive.read_only,
            f"{free / 1e6:,.0f} MB free on the archive's disk",
        )
    except OSError:
        pass


def _check_counts(archive: Archive, report: DoctorReport, repair: bool) -> None:
    """The catalogue's counts (``db/counts.py``) against counting the rows. They are what
    the sidebar shows, not evidence: counting them again is a safe repair."""
    with archive.db.reader() as session:
        drift = catalogue_q.count_drift(session)
    if not drift:
        report.add("counts", True, "the catalogue's counts match its items")
        return
    found = [*drift, "these counts are only what the sidebar shows, no evidence depends on them"]
    repaired = False
    if repair:
        try:
            with archive.db.writer() as session:
                catalogue_q.rebuild_counts(session)
            found.append("counted again from the items")
            repaired = True
        except StorageError as exc:
            found.append(f"not counted again: {exc}")
    report.add("counts", False, "; ".join(found), repaired=repaired)


@dataclass(frozen=True)
class Restored:
    backup: Path
    set_aside: Path | None
    items: int
    unrecorded_objects: int


def restore_backup(
    root: Path, backup: Path | None = None, *, passphrase: PassphraseSource | None = None
) -> Restored:
    """Put a backup in place of a damaged or lost database (see the module docstring)."""
    root = Path(root).expanduser().resolve()
    keys = unlock_keys(root, passphrase)
    key = keys.database if keys else None
    if backup is None:
        good = _newest_good_backup(root, key)
        if good is None:
            raise ArchiveError(f"no usable backup in {root / 'backups'}")
        backup = good.path
    else:
        info = backups.inspect(Path(backup), key)
        if not info.ok:
            raise ArchiveError(f"{backup} is not a usable backup: {info.problem}")
    db_path = root / DB_NAME
    stamp = _stamp()
    set_aside = None
    if db_path.exists():
        set_aside = root / "backups" / f"damaged-{stamp}.sqlite"
        os.replace(db_path, set_aside)
        for suffix in ("-wal", "-shm"):
            extra = db_path.with_name(DB_NAME + suffix)
            if extra.exists():
                os.replace(extra, set_aside.with_name(set_aside.name + suffix))
    database_file.copy(Path(backup), db_path, key, read_only=True)
    old_checkpoint = _set_checkpoint_aside(root, f"before-restore-{stamp}")
    with open_archive(root, passphrase=passphrase, keys=keys) as archive:
        floor = old_checkpoint.exhibit_high if old_checkpoint else 0
        with archive.db.writer() as session:
            raised = q.raise_exhibit_floor(session, floor)
            custody.append(
                session,
                archive,
                custody_chain.RECOVERY,
                details={
                    "restored_from": backup.name,
                    "set_aside": set_aside.name if set_aside else None,
                    "previous_checkpoint_events": old_checkpoint.events if old_checkpoint else None,
                    "exhibit_floor": raised,
                },
            )
        with archive.db.reader() as session:
            known = custody_q.all_digests(session)
            items = len(known)
        unrecorded = sum(1 for name in archive.store.iter_digests() if name not in known)
    return Restored(backup, set_aside, items, unrecorded)




def _set_checkpoint_aside(root: Path, label: str) -> cp.Checkpoint | None:
    path = root / cp.FILE_NAME
    try:
        old = cp.read(path)
    except cp.CheckpointError:
        old = None
    if path.exists() or path.is_symlink():
        target = root / "backups" / f"custody-checkpoint-{label}.json"
        shutil.move(str(path), target)
    return old


def reanchor(root: Path, *, passphrase: PassphraseSource | None = None) -> cp.Head:
    """Write a new checkpoint for the log as it is, recording that in custody."""
    root = Path(root).expanduser().resolve()
    stamp = _stamp()
    with open_archive(root, passphrase=passphrase) as archive:
        if archive.read_only:
            raise ArchiveError(f"{root} is read-only: the checkpoint cannot be rewritten")
        old = _set_checkpoint_aside(root, f"replaced-{stamp}")
        with archive.db.writer() as session:
            custody.append(
                session,
                archive,
                custody_chain.RECOVERY,
                details={
                    "custody_checkpoint": "re-anchored by doctor",
                    "previous_events": old.events if old else None,
                    "previous_head": old.head if old else None,
                },
            )
        if archive.checkpoint.problem:
            raise ArchiveError(archive.checkpoint.problem)
        return archive.checkpoint.current_state()
