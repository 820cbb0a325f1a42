"""The ``evidence-desk`` command: sub-commands, JSON output, exit codes, errors."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from tests import media
from tests.helpers.ingest import ITEM_KEYS, SOURCE_KEYS, sha256_file

CLI = [sys.executable, "-m", "evidence_desk.cli.main"]


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("evidence-desk: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "handover"
    (folder / "sub").mkdir(parents=True)
    media.make_jpeg(folder / "IMG_0001.jpg")
    media.make_pdf(folder / "sub" / "report.pdf")
    media.write_bytes(folder / "sub" / "заметка.txt", "показания свидетеля\n".encode())
    return folder


@pytest.fixture
def arch(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "archive"
    code, out, err = cli(capsys, "init", "--archive", path, "--name", "Case files")
    assert code == 0 and err == ""
    assert "created archive 'Case files'" in out and str(path) in out
    return path


@pytest.fixture
def filled(arch: Path, source: Path, capsys) -> Path:
    code, out, err = cli(
        capsys,
        "ingest",
        "--archive",
        arch,
        "--received-from",
        "Volunteer A",
        "--method",
        "USB",
        "--collector",
        "Aigerim",
        "--acquired",
        "2022-01-07",
        "--note",
        "handed over at the office",
        source,
    )
    assert code == 0, err
    assert "3 new, 0 duplicates, 0 failed, 0 skipped" in out
    return arch


def test_init_refuses_an_existing_archive(arch, capsys):
    code, _out, err = cli(capsys, "init", "--archive", arch)
    assert code == 2
    assert "already holds an archive" in one_line_error(err)


def test_ingest_records_every_provenance_flag(filled, capsys):
    code, out, _err = cli(capsys, "list", "--archive", filled, "--json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 3
    for item in listed:
        (src,) = item["sources"]
        assert src["received_from"] == "Volunteer A"
        assert src["method"] == "USB"
        assert src["collector"] == "Aigerim"
        assert src["acquired_at"] == "2022-01-07"
        assert src["notes"] == "handed over at the office"


def test_ingest_json_report(arch, source, capsys):
    code, out, _err = cli(capsys, "ingest", "--archive", arch, "--json", source)
    assert code == 0
    report = json.loads(out)
    counts = [report[k] for k in ("new", "duplicates", "failed", "skipped")]
    assert counts == [3, 0, 0, 0]
    assert {Path(f["path"]).name for f in report["files"]} == {
        "IMG_0001.jpg",
        "report.pdf",
        "заметка.txt",
    }
    code, out, _err = cli(capsys, "ingest", "--archive", arch, "--json", source)
    again = json.loads(out)
    assert again["duplicates"] == 3
    assert all(f["exhibit"] and "same content as" in f["messages"][0] for f in again["files"])


def test_ingest_text_report_names_duplicates_and_skips(arch, source, capsys):
    os.symlink("/etc/hostname", source / "link")
    cli(capsys, "ingest", "--archive", arch, source)
    code, out, _err = cli(capsys, "ingest", "--archive", arch, source)
    assert code == 0
    assert "duplicate ED-0000" in out
    assert "same content as ED-0000" in out
    assert "skipped" in out and "outside the given folder; not followed" in out
    assert "0 new, 3 duplicates, 0 failed, 1 skipped" in out


def test_list_and_show_json_have_the_documented_keys(filled, capsys):
    code, out, _err = cli(capsys, "list", "--archive", filled, "--json")
    listed = json.loads(out)
    for item in listed:
        assert ITEM_KEYS <= set(item)
        assert SOURCE_KEYS <= set(item["sources"][0])
    photo = next(i for i in listed if i["kind"] == "photo")
    code, out, _err = cli(capsys, "show", "--archive", filled, photo["exhibit"], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown == photo
    assert shown["captured_at"] == "2022-01-05T18:30:00+06:00"
    assert shown["captured_at_source"] == "exif:DateTimeOriginal"
    assert set(shown["gps"]) == {"lat", "lon", "alt"}
    assert shown["device"] == {"make": "Apple", "model": "iPhone 12"}


def test_list_text(filled, capsys):
    code, out, _err = cli(capsys, "list", "--archive", filled)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-1] == "3 items"
    assert [line.split()[0] for line in lines[:-1]] == ["ED-000001", "ED-000002", "ED-000003"]


def test_show_by_exhibit_uuid_and_sha_prefix(filled, source, capsys):
    digest = sha256_file(source / "sub" / "report.pdf")
    _code, out, _err = cli(capsys, "show", "--archive", filled, digest[:10], "--json")
    item = json.loads(out)
    assert item["sha256"] == digest
    number = int(item["exhibit"][3:])
    for ref in (item["exhibit"], item["exhibit"].lower(), str(number), item["id"], digest):
        code, out, err = cli(capsys, "show", "--archive", filled, ref, "--json")
        assert code == 0, (ref, err)
        assert json.loads(out)["id"] == item["id"], ref


def test_show_text(filled, capsys):
    code, out, _err = cli(capsys, "show", "--archive", filled, "ED-1")
    assert code == 0
    assert out.startswith("ED-000001  ")
    assert "source: exif:DateTimeOriginal" in out
    assert "Volunteer A via USB, collected by Aigerim, acquired 2022-01-07" in out
    code, out, _err = cli(capsys, "show", "--archive", filled, "ED-3")
    assert "заметка.txt" in out
    assert "file_mtime" in out and "warning" in out


def test_tag_and_remove(filled, capsys):
    code, out, _err = cli(capsys, "tag", "--archive", filled, "ED-1", "протест", "Almaty")
    assert code == 0
    assert out.strip() == "ED-000001: Almaty, протест"
    code, out, _err = cli(capsys, "tag", "--archive", filled, "ED-1", "--remove", "almaty")
    assert code == 0
    assert out.strip() == "ED-000001: протест"
    _code, out, _err = cli(capsys, "show", "--archive", filled, "ED-1", "--json")
    assert json.loads(out)["tags"] == ["протест"]
    code, _out, err = cli(capsys, "tag", "--archive", filled, "ED-99", "x")
    assert code == 2 and "no item ED-99" in one_line_error(err)


def test_verify_exit_codes(filled, capsys):
    code, out, _err = cli(capsys, "verify", "--archive", filled)
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("OK: 3 objects")

    _code, out, _err = cli(capsys, "show", "--archive", filled, "ED-2", "--json")
    digest = json.loads(out)["sha256"]
    stored = filled / "objects" / digest[:2] / digest[2:4] / digest
    stored.chmod(0o644)
    stored.write_bytes(b"tampered")

    code, out, _err = cli(capsys, "verify", "--archive", filled)
    assert code == 1
    assert "ED-000002: original altered" in out
    assert "PROBLEMS FOUND" in out
    code, out, _err = cli(capsys, "verify", "--archive", filled, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert [(p["kind"], p["exhibit"]) for p in report["problems"]] == [("altered", "ED-000002")]
    code, out, _err = cli(capsys, "verify", "--archive", filled, "ED-1", "ED-3")
    assert code == 0


def test_errors_are_one_line(tmp_path, filled, capsys):
    code, _out, err = cli(capsys, "list", "--archive", tmp_path / "nowhere")
    assert code == 2 and "no archive at" in one_line_error(err)

    code, _out, err = cli(capsys, "show", "--archive", filled, "ED-000042")
    assert code == 2 and "no item ED-000042" in one_line_error(err)

    code, _out, err = cli(capsys, "show", "--archive", filled, "not-a-ref!")
    assert code == 2 and "not an exhibit number, UUID or SHA-256 prefix" in one_line_error(err)

    path = media.write_bytes(tmp_path / "x.txt", b"x")
    code, _out, err = cli(capsys, "ingest", "--archive", filled, "--acquired", "07/01/2022", path)
    assert code == 2 and "--acquired must be a date like" in one_line_error(err)

    code, out, err = cli(capsys, "ingest", "--archive", filled, path, tmp_path / "missing.jpg")
    assert code == 2 and "no such file or folder" in one_line_error(err)
    assert "missing.jpg" in err and out == ""
    code, out, _err = cli(capsys, "list", "--archive", filled, "--json")
    assert len(json.loads(out)) == 3  # nothing of that batch was ingested


@pytest.mark.parametrize(
    "args",
    [
        ["show", "--archive", "{tmp}/nowhere", "ED-1"],
        ["list", "--archive", "{broken}"],
    ],
    ids=["missing-archive", "damaged-db"],
)
def test_no_traceback_in_a_real_process(args, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "evidence.sqlite").write_bytes(b"garbage" * 1000)
    argv = [a.format(tmp=tmp_path, broken=broken) for a in args]
    done = subprocess.run([*CLI, *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    one_line_error(done.stderr)


def test_newer_schema_is_a_one_line_error(arch, capsys):
    conn = sqlite3.connect(arch / "evidence.sqlite")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    code, _out, err = cli(capsys, "list", "--archive", arch)
    assert code == 2
    assert "newer than this version understands" in one_line_error(err)


def test_environment_variable_names_the_archive(tmp_path, source, monkeypatch, capsys):
    target = tmp_path / "from-env"
    monkeypatch.setenv("EVIDENCE_DESK_ARCHIVE", str(target))
    code, out, _err = cli(capsys, "init")
    assert code == 0 and str(target) in out
    code, out, _err = cli(capsys, "ingest", source)
    assert code == 0 and "3 new" in out
    code, out, _err = cli(capsys, "list", "--json")
    assert len(json.loads(out)) == 3
    other = tmp_path / "explicit"
    cli(capsys, "init", "--archive", other)
    code, out, _err = cli(capsys, "list", "--archive", other, "--json")
    assert json.loads(out) == []  # --archive wins over the variable


def test_a_missing_archive_named_by_the_variable_is_not_created(tmp_path, monkeypatch, capsys):
    target = tmp_path / "unmounted-drive" / "archive"
    monkeypatch.setenv("EVIDENCE_DESK_ARCHIVE", str(target))
    code, _out, err = cli(capsys, "list")
    assert code == 2 and "no archive at" in one_line_error(err)
    assert not target.exists()


def test_the_built_in_default_archive_is_created_on_first_use(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("EVIDENCE_DESK_ARCHIVE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    code, out, _err = cli(capsys, "list")
    assert code == 0 and out.strip() == "0 items"
    assert (tmp_path / "xdg" / "evidence-desk" / "archive" / "evidence.sqlite").is_file()


def test_piped_output_has_no_progress_bar(arch, source):
    done = subprocess.run(
        [*CLI, "ingest", "--archive", str(arch), str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert "\r" not in done.stdout and "%|" not in done.stdout
    assert "3 new" in done.stdout


def test_a_terminal_gets_a_progress_bar(arch, source):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [*CLI, "ingest", "--archive", str(arch), str(source)],
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the process closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        proc.wait(timeout=60)
    assert proc.returncode == 0
    assert b"ingest" in seen and b"3/3 files" in seen


def test_ctrl_c_handler_is_restored(filled, capsys):
    before = signal.getsignal(signal.SIGINT)
    cli(capsys, "verify", "--archive", filled)
    assert signal.getsignal(signal.SIGINT) is before


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("Evidence Desk ")


def test_output_to_a_non_utf8_pipe_does_not_crash(filled):
    """Windows pipes are cp1252; Cyrillic names must not end the command with a traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    listed = subprocess.run(
        [*CLI, "list", "--archive", str(filled), "--json"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr.decode(errors="replace")
    names = {i["original_name"] for i in json.loads(listed.stdout.decode("cp1252"))}
    assert "заметка.txt" in names
    text = subprocess.run(
        [*CLI, "show", "--archive", str(filled), "ED-3"], capture_output=True, env=env, timeout=60
    )
    assert text.returncode == 0 and b"Traceback" not in text.stderr


def test_an_ingest_stopped_by_the_database_exits_2(arch, source, monkeypatch, capsys):
    from sqlalchemy.exc import OperationalError

    from evidence_desk.services.intake import ingest as ingest_module

    def locked(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(ingest_module, "_record", locked)
    code, out, err = cli(capsys, "ingest", "--archive", arch, source)
    assert code == 2
    assert "could not be written" in one_line_error(err)
    assert "0 new, 0 duplicates, 3 failed" in out
