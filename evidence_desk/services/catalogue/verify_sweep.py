"""A whole-archive verify's comparison of the store sweep with the catalogue.

At a million items, reading the catalogue as a million rows, a set of a
million names and a million lines cost this process more than hashing the
objects cost each worker. Here the catalogue is read in SQLite's own terms:
its counts, the digest of its "fixity run" lines, and for each part of the
sweep (a range of object names) one string of the range's names, which the
part's worker returns in the same form (``core.store.sweep``): when the two
strings are equal, every object of the range was found where it belongs and
re-hashed to its name, and no other object lies there. Only ranges where
they differ are read row by row, to name what is missing, altered or
unreferenced; and the run's digest is read again only when some item was not
found intact. Everything is read in the caller's one read transaction, the
snapshot the log head was read in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from evidence_desk.core.store.sweep import Swept
from evidence_desk.db.models import format_exhibit
from evidence_desk.db.queries import fixity as q
from evidence_desk.services.catalogue import fixity
from evidence_desk.services.catalogue.fixity import Target


@dataclass
class Settled:
    """What the sweep settled against the catalogue."""

    intact: int = 0  # items whose object the sweep found intact
    # (target, "altered:<digest>"), in catalogue order of each part
    failed: list[tuple[Target, str]] = field(default_factory=list)
    rest: list[Target] = field(default_factory=list)  # to hash one by one
    unchecked: list[fixity.Part] = field(default_factory=list)  # parts a cancel left unswept
    whole: list[fixity.Part] = field(default_factory=list)  # ranges found intact entire
    intact_elsewhere: set[str] = field(default_factory=set)  # found intact in other ranges
    unreferenced: list[str] = field(default_factory=list)  # object-named files nobody refers to
    strays: list[tuple[str, str]] = field(default_factory=list)  # (name, label)

    @property
    def cancelled(self) -> bool:
        return bool(self.unchecked)


def settle(
    session: Session,
    sweeping: fixity.Sweep,
    cancelled: Callable[[], bool],
    on_swept: Callable[[int, int], None],
) -> Settled:
    """Take each part as it is swept and compare it with the catalogue's range."""
    out = Settled()
    out.strays.extend(sweeping.plan.root_strays)
    for part, found in sweeping.results(cancelled):
        if found is None:
            out.unchecked.append(part)
            continue
        on_swept(found.files, found.bytes)
        out.strays.extend(found.strays)
        if part.settles:
            _compare(session, part, found, out)
        else:  # folders that can hold no object: their files were all strays
            out.unreferenced.extend(name for name, _digest in found.altered)
            out.unreferenced.extend(found.deferred)
    return out


def _compare(session: Session, part: fixity.Part, found: Swept, out: Settled) -> None:
    expected = q.names_between(session, part.low, part.high)
    if found.intact == expected:
        out.intact += expected.count("\n") + 1 if expected else 0
        out.whole.append(part)
        # Every name of the range was found intact: whatever else was found is nobody's.
        out.unreferenced.extend(name for name, _digest in found.altered)
        out.unreferenced.extend(found.deferred)
        return
    got = set(found.intact_names())
    altered = dict(found.altered)
    known: set[str] = set()
    for item_id, number, sha256, size, item_uuid in q.targets_between(session, part.low, part.high):
        known.add(sha256)
        if sha256 in got:
            out.intact += 1
            out.intact_elsewhere.add(sha256)
            continue
        target = Target(item_id, format_exhibit(number), sha256, size, item_uuid)
        if sha256 in altered:
            out.failed.append((target, f"altered:{altered[sha256]}"))
        else:
            out.rest.append(target)  # deferred, or not found: hashed one by one
    out.unreferenced.extend(got - known)
    out.unreferenced.extend(name for name in altered if name not in known)
    out.unreferenced.extend(name for name in found.deferred if name not in known)


def found_intact(session: Session, settled: Settled) -> set[str]:
    """The names the sweep found intact (after a cancel, to vouch for them only): each
    range settled whole, read again from the index, and the rest as compared."""
    names = set(settled.intact_elsewhere)
    for part in settled.whole:
        found = q.names_between(session, part.low, part.high)
        if found:
            names.update(found.split("\n"))
    return names
