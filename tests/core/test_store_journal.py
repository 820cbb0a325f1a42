"""Store journals: announced before landing, live while their process runs, left after."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from evidence_desk.core.store import journal as sj

D1, D2, D3 = "a1" * 32, "b2" * 32, "c3" * 32


def test_announcements_are_live_while_the_journal_is_open(tmp_path: Path):
    journal = sj.Journal(tmp_path)
    with journal.landing(D1):
        pass
    with journal.landing(D2):
        pass
    with journal.landing(D1):  # announced once
        pass
    assert journal.announced() == {D1, D2}
    assert sj.live_announced(tmp_path) == {D1, D2}
    live, left = sj.announced_anywhere(tmp_path)
    assert live == {D1, D2} and left == []
    assert journal.path is not None
    assert journal.path.read_text().splitlines() == [D1, D2]
    journal.close(keep=False)
    assert sj.live_announced(tmp_path) == set()
    assert list((tmp_path / sj.JOURNAL_DIR).glob("*" + sj.SUFFIX)) == []


def test_a_batch_is_announced_with_one_write(tmp_path: Path, monkeypatch):
    journal = sj.Journal(tmp_path)
    with journal.landing(D1):
        pass
    syncs = []
    real = getattr(sj.os, "fdatasync", sj.os.fsync)
    monkeypatch.setattr(sj.os, "fdatasync", lambda fd: syncs.append(fd) or real(fd), raising=False)
    journal.announce([D1, D2, D3, D2])  # D1 already announced; D2 twice
    assert len(syncs) == 1
    journal.announce([D2, D3])  # nothing new: no write, no sync
    assert len(syncs) == 1
    with journal.landing(D3):  # landing an announced object syncs nothing more
        pass
    assert len(syncs) == 1
    assert journal.path is not None
    assert journal.path.read_text().splitlines() == [D1, D2, D3]
    assert sj.live_announced(tmp_path) == {D1, D2, D3}
    journal.close(keep=False)


def test_a_kept_journal_is_left_for_recovery(tmp_path: Path):
    journal = sj.Journal(tmp_path)
    with journal.landing(D3):
        pass
    path = journal.path
    journal.close(keep=True)
    live, left = sj.announced_anywhere(tmp_path)
    assert live == set()
    assert left == [sj.LeftJournal(path, frozenset({D3}))]


def test_a_killed_process_leaves_an_unlocked_journal(tmp_path: Path):
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from evidence_desk.core.store.journal import Journal
        j = Journal(Path({str(tmp_path)!r}))
        with j.landing({D1!r}):
            pass
        print("announced", flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.stdout.strip() == b"announced"
    live, left = sj.announced_anywhere(tmp_path)
    assert live == set() and [j.digests for j in left] == [frozenset({D1})]


def test_another_live_process_is_seen_as_live(tmp_path: Path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from evidence_desk.core.store.journal import Journal
        j = Journal(Path({str(tmp_path)!r}))
        with j.landing({D2!r}):
            pass
        print("announced", flush=True)
        sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert proc.stdout.readline().strip() == b"announced"
        assert sj.live_announced(tmp_path) == {D2}
    finally:
        proc.communicate(b"\n", timeout=60)
    _live, left = sj.announced_anywhere(tmp_path)  # it ended without closing: left behind
    assert [j.digests for j in left] == [frozenset({D2})]


def test_garbage_lines_are_ignored(tmp_path: Path):
    folder = tmp_path / sj.JOURNAL_DIR
    folder.mkdir()
    (folder / f"123-abc{sj.SUFFIX}").write_bytes(b"not a digest\n" + D1.encode() + b"\n\xff\xfe\n")
    (folder / "unrelated.txt").write_text(D2)
    _live, left = sj.announced_anywhere(tmp_path)
    assert [j.digests for j in left] == [frozenset({D1})]


def test_recovery_lock_waits_for_a_landing(tmp_path: Path):
    journal = sj.Journal(tmp_path)
    with journal.landing(D1):
        pass
    with sj.recovery_lock(tmp_path) as held:
        assert held
    journal.close(keep=False)


def test_recovery_lock_without_a_store_folder(tmp_path: Path):
    with sj.recovery_lock(tmp_path / "absent") as held:
        assert held is False
