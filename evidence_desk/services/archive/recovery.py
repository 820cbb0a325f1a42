"""Recognising what an interrupted ingest left behind, and clearing it with a record.

A process that dies between placing an object and committing its row leaves
an object nobody refers to. Its journal (core/store/journal.py) says it was
announced by that process, so it is a leftover, not a planted file: the next
open (or ``verify``) removes it and writes a custody event saying so. The
source file is still wherever it came from; the ingest report of the killed
run never said the file was stored, and running it again stores it.

Only objects in journals of processes that are gone are touched, only when
no item refers to them, and only while holding the store lock exclusively,
so a live writer can never lose an object it is about to record.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from evidence_desk.core import custody_chain
from evidence_desk.core.store import journal
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.db.engine import StorageError
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive import custody

if TYPE_CHECKING:
    from evidence_desk.services.archive.archive import Archive


REASON = "left by an interrupted ingest: stored, announced in its journal, never recorded"


@dataclass
class Recovery:
    removed: list[str] = field(default_factory=list)
    journals: int = 0
    problem: str | None = None

    @property
    def message(self) -> str | None:
        if not self.removed:
            return None
        return (
            f"removed {len(self.removed)} object(s) left by an interrupted ingest "
            "(recorded in the custody log); run that ingest again to store those files"
        )


def _referenced(archive: Archive, digests: set[str]) -> set[str]:
    with archive.db.reader() as session:
        return item_lookup.known_digests(session, sorted(digests))


def recover(archive: Archive) -> Recovery:
    """Remove unreferenced objects announced by writers that are gone; record each."""
    result = Recovery()
    store = archive.store
    if archive.read_only or not isinstance(store, ObjectStore):
        return result
    root = store.root
    _live, left = journal.announced_anywhere(root)
    if not left:
        return result
    removed: list[tuple[str, int, str]] = []
    with journal.recovery_lock(root) as held:
        if not held:
            return result
        live, left = journal.announced_anywhere(root)  # again, now that nobody lands objects
        candidates = set().union(*(j.digests for j in left)) - live if left else set()
        referenced = _referenced(archive, candidates)
        for left_journal in left:
            for digest in sorted(left_journal.digests - live - referenced):
                path = store.path_for(digest)
                try:
                    st = os.lstat(path)
                except FileNotFoundError:
                    continue  # killed before the rename: nothing landed
                if not stat.S_ISREG(st.st_mode):
                    continue  # not ours to remove; verify reports it
                try:
                    path.unlink()
                except OSError as exc:
                    result.problem = f"cannot remove leftover {path}: {exc.strerror}"
                    continue
                removed.append((digest, st.st_size, left_journal.path.name))
    try:
        if removed:
            with archive.db.writer() as session:
                for digest, size, name in removed:
                    custody.append(
                        session,
                        archive,
                        custody_chain.DELETION,
                        details={"sha256": digest, "size": size, "reason": REASON, "journal": name},
                    )
        for left_journal in left:
            left_journal.path.unlink(missing_ok=True)
            result.journals += 1
    except (StorageError, OSError) as exc:
        result.problem = (
            f"removed {len(removed)} leftover object(s) of an interrupted ingest but could not "
            f"record that in the custody log ({exc})"
        )
    result.removed = [d for d, _s, _n in removed]
    return result


def unannounced(archive: Archive, digests: list[str], notes: list[str]) -> list[str]:
    """Of objects no item referred to when verify began, those nobody here put there.

    An object announced by a writer that is running now is in progress; one
    that an item refers to by now was committed meanwhile (checked after the
    journals, because a writer announces first and commits last). Leftovers
    of a dead writer that could not be removed (read-only medium) become a
    note. An object gone by now was removed by the writer that staged it (a
    failed or cancelled import unstages, then its journal goes with it), so
    it is no stray either. Only objects nobody announced, still present, remain.
    """
    if not digests or not isinstance(archive.store, ObjectStore):
        return digests
    live, left = journal.announced_anywhere(archive.store.root)
    committed = _referenced(archive, set(digests) - live)
    leftovers = set().union(*(j.digests for j in left)) if left else set()
    kept = [d for d in digests if d not in live and d not in committed and d not in leftovers]
    kept = [d for d in kept if os.path.lexists(archive.store.path_for(d))]
    stale = sum(1 for d in digests if d in leftovers and d not in live and d not in committed)
    if stale:
        notes.append(
            f"{stale} object(s) left by an interrupted ingest (announced in its journal, never "
            "recorded); they are removed the next time the archive is opened writable"
        )
    return kept


def settle_journal(archive: Archive) -> None:
    """Close this process's journal; keep it only if an object it announced is unrecorded.

    Objects the writer discarded itself (a failed import's staging) are no leftovers.
    """
    journal = getattr(archive.store, "journal", None)
    if journal is None:
        return
    announced = journal.announced()
    if not announced:
        return
    try:
        unrecorded = announced - _referenced(archive, announced)
    except Exception:  # a broken database: keep the journal, the next open decides
        unrecorded = announced
    present = {d for d in unrecorded if archive.store.exists(d)}
    journal.close(keep=bool(present))
