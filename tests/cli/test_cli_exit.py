"""A command's process ends quickly without losing output, exit handlers or running threads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_exit_handlers_run_and_output_is_flushed(tmp_path: Path) -> None:
    marker = tmp_path / "handler-ran"
    proc = _python(
        f"""
        import atexit, sys
        from evidence_desk.cli.common import exit_process
        atexit.register(lambda: open({str(marker)!r}, "w").write("yes"))
        sys.stdout.write("no newline at the end")
        sys.stderr.write("said on stderr")
        try:
            exit_process(3)
        except SystemExit:
            print("ordinary exit, not the quick one")
        """,
        tmp_path,
    )
    assert proc.returncode == 3
    assert proc.stdout == "no newline at the end"
    assert proc.stderr == "said on stderr"
    assert marker.read_text() == "yes"


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    marker = tmp_path / "thread-finished"
    proc = _python(
        f"""
        import threading, time
        from evidence_desk.cli.common import exit_process
        def work():
            time.sleep(0.3)
            open({str(marker)!r}, "w").write("done")
        threading.Thread(target=work).start()
        exit_process(0)
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert marker.read_text() == "done"


def test_commands_as_processes_keep_their_output_and_exit_codes(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "evidence_desk.cli.main"]
    archive = tmp_path / "a"
    photo = tmp_path / "note.txt"
    photo.write_text("a statement")

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cli, *argv, "--archive", str(archive)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
        )

    assert run("init").returncode == 0
    ingested = run("ingest", str(photo))
    assert ingested.returncode == 0, ingested.stderr
    assert "1 new, 0 duplicates, 0 failed" in ingested.stdout
    listed = run("list")
    assert listed.returncode == 0 and "note.txt" in listed.stdout
    missing = run("show", "99")
    assert missing.returncode != 0 and "no item 99" in missing.stderr
    # The database was closed properly: no write-ahead log left behind.
    assert not (archive / "evidence.sqlite-wal").exists()


def test_after_the_window_or_under_a_profiler_the_process_exits_the_ordinary_way(
    tmp_path: Path,
) -> None:
    """Qt objects are destroyed normally (settings are written then); a profile is saved."""
    for setup in ("import PySide6.QtCore", "import sys; sys.setprofile(lambda *a: None)"):
        proc = _python(
            f"""
            {setup}
            from evidence_desk.cli.common import exit_process
            try:
                exit_process(4)
            except SystemExit as exc:
                print("ordinary exit", exc.code)
            """,
            tmp_path,
        )
        assert proc.stdout.strip() == "ordinary exit 4", (setup, proc.stderr)
