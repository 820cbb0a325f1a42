"""``ingest`` of a big file starts copying it before the archive opens (services/intake/prestage).

Only into an existing plain archive; the item, its object and the custody log
are the same as without the early copy, and nothing is left in ``objects/.tmp``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.crypto import keys
from evidence_desk.core.store import prestage as core_prestage
from evidence_desk.services.intake import prestage

pytestmark = pytest.mark.skipif(not core_prestage.supported(), reason="Linux only")


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core_prestage, "MIN_BYTES", 1024 * 1024)
    monkeypatch.setattr(keys, "DEFAULT_PARAMS", keys.FAST_TEST_PARAMS)


def _big(path: Path) -> str:
    data = b"evidence " * 300_000
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    code = main([str(a) for a in args])
    out, _ = capsys.readouterr()
    return code, out


def _fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter (no thread but its own, as the command line
    starts) with the early-copy threshold at 1 MiB; its standard output."""
    import subprocess
    import sys
    import textwrap

    head = (
        "from evidence_desk.core.store import prestage as core_prestage\n"
        "core_prestage.MIN_BYTES = 1024 * 1024\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", head + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_big_file_is_taken_from_the_early_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    assert _cli(capsys, "init", "--archive", archive)[0] == 0
    digest = _big(tmp_path / "video.mp4")
    out = _fresh(
        f"""
        import contextlib, io, json
        from evidence_desk.cli.main import main
        taken = []
        real_take = core_prestage.Prestager.take
        def spy(self, fd, *rest):
            found = real_take(self, fd, *rest)
            taken.append(found is not None)
            return found
        core_prestage.Prestager.take = spy
        with contextlib.redirect_stdout(io.StringIO()) as report:
            code = main(["ingest", "--archive", {str(archive)!r}, "--json",
                         {str(tmp_path / "video.mp4")!r}])
        print(json.dumps([code, taken, json.loads(report.getvalue())["new"]]))
        """
    )
    assert json.loads(out.splitlines()[-1]) == [0, [True], 1]
    code, out = _cli(capsys, "show", "--archive", archive, "--json", "ED-000001")
    assert code == 0 and json.loads(out)["sha256"] == digest
    assert list((archive / "objects" / ".tmp").iterdir()) == []
    code, out = _cli(capsys, "verify", "--archive", archive)
    assert code == 0, out


def test_only_an_existing_plain_archive_gets_early_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "video.mp4"
    _big(big)
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "eleven words of a long phrase")
    locked = tmp_path / "locked"
    assert _cli(capsys, "init", "--archive", locked, "--encrypt")[0] == 0
    plain = tmp_path / "plain"
    assert _cli(capsys, "init", "--archive", plain)[0] == 0
    out = _fresh(
        f"""
        from pathlib import Path
        from evidence_desk.services.intake import prestage
        big = [Path({str(big)!r})]
        answers = [prestage.start(Path(p), big) for p in
                   ({str(tmp_path / "nothing-here")!r}, {str(locked)!r}, {str(plain)!r})]
        print([a is not None for a in answers])
        answers[2].close()
        """
    )
    assert out.strip() == "[False, False, True]"
    assert list((plain / "objects" / ".tmp").iterdir()) == []
    # With another thread running in the process, no fork: the usual copy instead.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert prestage.start(plain, [big]) is None
    finally:
        release.set()
        other.join()


def test_a_killed_ingest_leaves_its_early_copy_removable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 while the child copies: the child notices and stops, its copy is a leftover
    that the next opening removes, and the archive is whole."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from evidence_desk.services.archive.archive import open_archive
    from evidence_desk.services.catalogue.verify import verify

    archive = tmp_path / "archive"
    assert _cli(capsys, "init", "--archive", archive)[0] == 0
    big = tmp_path / "video.mp4"
    with open(big, "wb") as f:
        for i in range(80):  # 80 MiB: above the real threshold, in a fresh interpreter
            f.write(i.to_bytes(4, "big") * (256 * 1024))
    proc = subprocess.Popen(
        [sys.executable, "-m", "evidence_desk.cli.main", "ingest", "--archive", archive, big],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tmp = archive / "objects" / ".tmp"
    deadline = time.monotonic() + 10
    copying: list[int] = []
    while proc.poll() is None and time.monotonic() < deadline:
        copying = _forked_children(proc.pid)  # the early copy's child, not a spawned worker
        if copying and any(tmp.iterdir()):
            break
        time.sleep(0.005)
    assert copying and any(tmp.iterdir()) and proc.poll() is None  # the early copy runs
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the orphaned child stops within one 4 MiB piece
        with open_archive(archive) as opened:
            if not any(tmp.iterdir()) and not any(map(_alive, copying)):
                break
        time.sleep(0.05)
    assert not any(map(_alive, copying)), "the early copy's child outlived the ingest"
    assert list(tmp.iterdir()) == []
    with open_archive(archive) as opened:
        report = verify(opened)
        assert report.ok, [p.message for p in report.problems]


def _forked_children(pid: int) -> list[int]:
    """Children of ``pid`` that are forks of it (the same command line), as the early copy's
    child is; workers started by spawning run another command line."""
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        own = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    found = []
    for kid in kids:
        try:
            if Path(f"/proc/{kid}/cmdline").read_bytes() == own:
                found.append(int(kid))
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (an exited orphan may linger as a zombie: not alive)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")
