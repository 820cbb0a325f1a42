"""Big files copied by a child process while ingest starts up (core/store/prestage.py).

The copy a child made is taken only for the very file it copied, unchanged; in
every other case (changed, replaced, child killed, never asked for) it is
dropped and no temporary file is left behind.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from evidence_desk.core.store import prestage
from evidence_desk.core.store.filesystem import ObjectStore
from evidence_desk.core.store.prestage import Prestager

pytestmark = pytest.mark.skipif(not prestage.supported(), reason="fork is used on Linux only")

SIZE = 3 * 1024 * 1024 + 17


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prestage, "MIN_BYTES", 1024 * 1024)


@pytest.fixture
def store(tmp_path: Path) -> ObjectStore:
    s = ObjectStore(tmp_path / "objects")
    s.ensure()
    return s


def _big(path: Path, seed: int = 1) -> str:
    data = hashlib.sha256(str(seed).encode()).digest() * (SIZE // 32) + b"tail"
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _stage(store: ObjectStore, path: Path) -> tuple[str, bool]:
    """(digest, whether the child's copy was taken) of staging ``path`` and publishing it."""
    seen: list[int] = []
    taken: list[bool] = []
    early = store._prestaged
    if early is not None:
        real_take = early.take

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            found = real_take(*args, **kwargs)
            taken.append(found is not None)
            return found

        early.take = spy  # type: ignore[method-assign]
    try:
        with open(path, "rb", buffering=0) as src:
            staged = store.stage_stream(src, on_bytes=seen.append)
    finally:
        if early is not None:
            del early.take
    result = store.publish(staged)
    store.discard_staged(staged)
    assert sum(seen) == path.stat().st_size  # progress counts every byte either way
    return result.sha256, any(taken)


def test_the_child_copy_is_taken_and_is_exact(store: ObjectStore, tmp_path: Path) -> None:
    digest = _big(tmp_path / "video.bin")
    small = tmp_path / "small.bin"
    small.write_bytes(b"x" * 100)
    early = Prestager(store.tmp, [tmp_path / "video.bin", small, tmp_path / "missing.bin"])
    assert early.active and len(early._pending) == 1  # small and missing files are left alone
    store.adopt_prestaged(early)
    try:
        got, taken = _stage(store, tmp_path / "video.bin")
        assert taken and got == digest
        assert hashlib.sha256(store.path_for(digest).read_bytes()).hexdigest() == digest
        assert _stage(store, small)[0] == hashlib.sha256(b"x" * 100).hexdigest()
    finally:
        early.close()
    assert list(store.tmp.iterdir()) == []


def test_a_file_changed_after_the_child_copied_it_is_copied_again(
    store: ObjectStore, tmp_path: Path
) -> None:
    path = tmp_path / "video.bin"
    _big(path)
    early = Prestager(store.tmp, [path])
    store.adopt_prestaged(early)
    try:
        early._wait_for(early._pending[0], lambda _n: None, None)  # the child is done
        digest = _big(path, seed=2)  # same size, same inode, new content and time
        os.utime(path, ns=(1, 1))
        got, taken = _stage(store, path)
        assert not taken  # changed since the child copied it: its copy is dropped
        assert got == digest
        assert hashlib.sha256(store.path_for(got).read_bytes()).hexdigest() == digest
    finally:
        early.close()
    assert list(store.tmp.iterdir()) == []


def test_a_killed_child_means_an_ordinary_copy(store: ObjectStore, tmp_path: Path) -> None:
    path = tmp_path / "video.bin"
    digest = _big(path)
    early = Prestager(store.tmp, [path])
    os.kill(early._pid, 9)
    store.adopt_prestaged(early)
    try:
        assert _stage(store, path)[0] == digest
    finally:
        early.close()
    assert list(store.tmp.iterdir()) == []


def test_copies_nobody_took_are_dropped_and_spared_by_clean_temp_meanwhile(
    store: ObjectStore, tmp_path: Path
) -> None:
    paths = [tmp_path / "a.bin", tmp_path / "b.bin"]
    for seed, path in enumerate(paths):
        _big(path, seed)
    early = Prestager(store.tmp, paths)
    try:
        assert len(list(store.tmp.iterdir())) == 2
        assert ObjectStore(store.root).clean_temp() == 0  # another process's clean-up
        assert len(list(store.tmp.iterdir())) == 2
    finally:
        early.close()
    assert list(store.tmp.iterdir()) == []


def test_an_encrypting_store_never_takes_a_plaintext_copy(tmp_path: Path) -> None:
    from evidence_desk.core.store.encrypted import EncryptedStore

    store = EncryptedStore(tmp_path / "objects", os.urandom(32))
    store.ensure()
    path = tmp_path / "video.bin"
    _big(path)
    early = Prestager(store.tmp, [path])
    try:
        store.adopt_prestaged(early)
        assert store._prestaged is None
    finally:
        early.close()


def test_an_object_already_stored_is_named_not_kept_twice(
    store: ObjectStore, tmp_path: Path
) -> None:
    path = tmp_path / "video.bin"
    digest = _big(path)
    with open(path, "rb") as src:
        store.publish(store.stage_stream(src))
    early = Prestager(store.tmp, [path])
    store.adopt_prestaged(early)
    try:
        with open(path, "rb", buffering=0) as src:
            staged = store.stage_stream(src)
        assert staged.existed and staged.sha256 == digest
    finally:
        early.close()
    assert list(store.tmp.iterdir()) == []


def test_a_fork_that_fails_leaves_nothing_behind(
    store: ObjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "video.bin"
    digest = _big(path)

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    early = Prestager(store.tmp, [path])
    assert not early.active
    assert list(store.tmp.iterdir()) == []
    store.adopt_prestaged(early)
    assert _stage(store, path) == (digest, False)
    early.close()


def test_progress_is_heard_while_waiting_and_a_cancel_stops_the_wait(
    store: ObjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_desk.core.store.base import Cancelled

    monkeypatch.setattr(prestage, "PROGRESS_EVERY", 1)
    # The child waits after its first report until the parent has heard it, so that the
    # parent is seen hearing progress while it waits, however fast the copy is.
    heard = tmp_path / "heard"
    report = prestage._Progress.__call__

    def paced(self: prestage._Progress, n: int) -> None:
        report(self, n)
        deadline = time.monotonic() + 10
        while self.sent and not heard.exists() and time.monotonic() < deadline:
            time.sleep(0.001)

    monkeypatch.setattr(prestage._Progress, "__call__", paced)  # inherited by the fork
    path = tmp_path / "video.bin"
    data = os.urandom(1024 * 1024) * 13  # several of the copy's 4 MiB steps
    path.write_bytes(data)
    early = Prestager(store.tmp, [path])
    store.adopt_prestaged(early)
    try:
        seen: list[int] = []

        def on_bytes(n: int) -> None:
            seen.append(n)
            heard.touch()

        with open(path, "rb", buffering=0) as src:
            staged = store.stage_stream(src, on_bytes=on_bytes)
        assert staged.sha256 == hashlib.sha256(data).hexdigest()
        assert len(seen) > 1 and sum(seen) == len(data)
        store.discard_staged(staged)
    finally:
        early.close()
    other = Prestager(store.tmp, [path])
    store.adopt_prestaged(other)
    try:
        with open(path, "rb", buffering=0) as src, pytest.raises(Cancelled):
            store.stage_stream(src, cancelled=lambda: True)
    finally:
        other.close()
    assert list(store.tmp.iterdir()) == []
