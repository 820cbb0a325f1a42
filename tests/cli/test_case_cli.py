"""The case-record commands: testimony, incident, person, place, vocab, clock, timeline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from tests import media


def cli(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *args: str | Path):
    code, out, err = cli(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def arch(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "archive"
    assert cli(capsys, "init", "--archive", path)[0] == 0
    return path


def test_testimony_add_show_list_with_json(arch, tmp_path, capsys, monkeypatch):
    statement = tmp_path / "statement.txt"
    statement.write_text("\ufeffНас избили в ИВС Жанаозена.", encoding="utf-8")
    recording = media.make_wav(tmp_path / "interview.wav")
    monkeypatch.setattr("sys.stdin", io.StringIO("Айгуль Серикова\n+7 777 000 00 00\n"))
    added = cli_json(
        capsys,
        "testimony",
        "add",
        "--archive",
        arch,
        "--pseudonym",
        "Witness Z",
        "--statement-file",
        statement,
        "--language",
        "ru",
        "--consent",
        "court",
        "--consent",
        "advocacy",
        "--interview-place",
        "Жаңаөзен",
        "--interview-date",
        "2022-02-03",
        "--ask-identity",
        "--attach",
        recording,
    )
    assert added["witness_code"] == "W-0001"
    assert added["statement"] == "Нас избили в ИВС Жанаозена."
    assert added["consent"]["court"] and added["consent"]["advocacy"]
    assert not added["consent"]["publication"] and added["consent"]["anonymity_requested"]
    assert [a["kind"] for a in added["attachments"]] == ["audio"]
    assert added["identity"] is None and added["identity_recorded"]

    code, out, _ = cli(capsys, "testimony", "show", "W-0001", "--archive", arch)
    assert code == 0 and "Witness Z" in out and "Серикова" not in out
    assert "on file (protected; --reveal)" in out
    code, out, _ = cli(
        capsys,
        "testimony",
        "show",
        "W-0001",
        "--archive",
        arch,
        "--reveal",
        "--reason",
        "lawyer request",
    )
    assert "Айгуль Серикова" in out
    listed = cli_json(capsys, "testimony", "list", "--archive", arch)
    assert [t["witness_code"] for t in listed] == ["W-0001"]
    assert "statement" not in listed[0]
    code, out, _ = cli(capsys, "testimony", "list", "--archive", arch)
    assert "W-0001" in out and "CA-" in out and "1 testimonies" in out


def test_testimony_edit_makes_a_new_version_and_show_prints_old_ones(arch, capsys):
    cli(capsys, "testimony", "add", "--archive", arch, "--statement", "first")
    code, out, err = cli(
        capsys,
        "testimony",
        "edit",
        "W-0001",
        "--archive",
        arch,
        "--statement",
        "second",
        "--note",
        "typo",
    )
    assert code == 0, err
    assert "statement v2" in out
    code, out, _ = cli(capsys, "testimony", "show", "W-0001", "--archive", arch, "--version", "1")
    assert out.strip() == "first"
    code, _, err = cli(capsys, "testimony", "show", "W-9", "--archive", arch)
    assert code == 2 and err.startswith("evidence-desk: no testimony") and "Traceback" not in err


def test_incident_person_place_and_search_commands(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_mp4(folder / "clip.mp4")
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    incident = cli_json(
        capsys,
        "incident",
        "add",
        "--archive",
        arch,
        "--title",
        "Beatings",
        "--start",
        "2022-01-06",
        "--offset",
        "+06:00",
        "--place",
        "Atyrau",
        "--violation",
        "torture",
    )
    assert incident["ref"] == "INC-0001" and incident["place"]["name"] == "Atyrau"
    person = cli_json(
        capsys,
        "person",
        "add",
        "--archive",
        arch,
        "Серик Ж.",
        "Serik Zh.",
        "--sex",
        "male",
        "--sensitive",
    )
    assert person["ref"] == "P-0001"
    assert cli(capsys, "incident", "link", "INC-1", "ED-1", "--archive", arch)[0] == 0
    shown = cli_json(
        capsys, "incident", "person", "INC-1", "P-1", "--role", "victim", "--archive", arch
    )
    assert [(p["ref"], p["role"]) for p in shown["persons"]] == [("P-0001", "victim")]
    cli(capsys, "person", "status", "P-1", "detained", "--from", "2022-01-06", "--archive", arch)
    redacted = cli_json(capsys, "person", "list", "--archive", arch, "--redact")
    assert redacted[0]["name"] == "P-0001"
    code, out, _ = cli(capsys, "incident", "list", "--archive", arch, "--place", "Атырау")
    assert "Beatings" in out and "1 incidents" in out
    found = cli_json(
        capsys,
        "case-search",
        "--archive",
        arch,
        "--kind",
        "video",
        "--violation",
        "torture",
        "--place",
        "Atyrau",
    )
    assert len(found["items"]) == 1
    code, out, _ = cli(capsys, "case-search", "--archive", arch, "Serik")
    assert "P-0001  person" in out and "INC-0001  incident" in out
    places = cli_json(capsys, "place", "list", "жанаозен", "--archive", arch)
    assert places[0]["name"] == "Zhanaozen"
    code, out, _ = cli(
        capsys,
        "place",
        "add",
        "Police department",
        "--kind",
        "building",
        "--parent",
        "Atyrau",
        "--variant",
        "ДП Атырау:ru",
        "--archive",
        arch,
    )
    assert code == 0 and "Police department / Atyrau / Atyrau Region / Kazakhstan" in out
    code, _, err = cli(
        capsys, "incident", "add", "--archive", arch, "--title", "x", "--violation", "nonsense"
    )
    assert code == 2 and "not a term of violation_types" in err


def test_vocab_export_import_and_term(arch, tmp_path, capsys):
    out_file = tmp_path / "roles.csv"
    assert (
        cli(
            capsys, "vocab", "export", "roles", "--format", "csv", "-o", out_file, "--archive", arch
        )[0]
        == 0
    )
    assert "alleged_perpetrator" in out_file.read_text(encoding="utf-8")
    code, out, _ = cli(
        capsys,
        "vocab",
        "term",
        "roles",
        "observer",
        "--en",
        "Observer",
        "--ru",
        "Наблюдатель",
        "--archive",
        arch,
    )
    assert code == 0 and "observer" in out
    exported = tmp_path / "v.json"
    cli(capsys, "vocab", "export", "--archive", arch, "-o", exported)
    other = tmp_path / "other"
    cli(capsys, "init", "--archive", other)
    code, out, _ = cli(capsys, "vocab", "import", exported, "--archive", other)
    assert code == 0 and out.startswith("1 added, 0 updated")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = cli(capsys, "vocab", "import", bad, "--archive", other)
    assert code == 2 and "not valid JSON" in err


def test_clock_and_timeline_commands(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "IMG_1.jpg")
    cli(capsys, "ingest", "--archive", arch, folder)
    fix = cli_json(
        capsys,
        "clock",
        "set",
        "--make",
        "Apple",
        "--model",
        "iPhone 12",
        "--offset=-01:00",
        "--reason",
        "checked against a street clock",
        "--archive",
        arch,
    )
    assert fix["items_changed"] == 1
    data = cli_json(
        capsys, "timeline", "--archive", arch, "--from", "2022-01-05", "--to", "2022-01-06"
    )
    assert [i["at"] for i in data["items"]] == ["2022-01-05T11:30:00"]
    assert {p["code"] for p in data["periods"]} == {
        "kz-2022-internet-shutdown",
        "kz-2022-state-of-emergency",
    }
    code, out, _ = cli(capsys, "timeline", "--archive", arch)
    assert "clock corrected -3600 s" in out and "State of emergency" in out
    code, out, _ = cli(capsys, "clock", "devices", "--archive", arch)
    assert "iPhone 12: 1 items, corrected -3600 s" in out
    added = cli_json(
        capsys,
        "period",
        "add",
        "Curfew",
        "2022-01-06T23:00",
        "2022-01-07T07:00",
        "--offset",
        "+06:00",
        "--archive",
        arch,
    )
    assert added["start_utc"] == "2022-01-06T17:00:00"
    assert len(cli_json(capsys, "period", "list", "--archive", arch)) == 3
    code, out, _ = cli(capsys, "clock", "remove", fix["uuid"], "--archive", arch)
    assert code == 0 and out.startswith("1 items")


def test_person_links_items_and_takes_back_links_and_statuses(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        media.make_jpeg(folder / f"p{i}.jpg", color=(90 * i, 20, 20))
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    cli_json(capsys, "person", "add", "--archive", arch, "Айдос К.")
    linked = cli_json(
        capsys, "person", "link", "P-1", "ED-1", "ED-2", "--relation", "mentioned",
        "--archive", arch,
    )  # fmt: skip
    assert [(i["exhibit"], i["relation"]) for i in linked] == [
        ("ED-000001", "mentioned"),
        ("ED-000002", "mentioned"),
    ]
    left = cli_json(capsys, "person", "link", "P-1", "ED-2", "--remove", "--archive", arch)
    assert [i["exhibit"] for i in left] == ["ED-000001"]
    code, _, err = cli(capsys, "person", "link", "P-1", "ED-2", "--remove", "--archive", arch)
    assert code == 2 and err == "evidence-desk: not linked to P-1: ED-2\n"
    code, out, _ = cli(capsys, "person", "items", "P-1", "--archive", arch)
    assert code == 0 and out.startswith("ED-000001  mentioned") and "1 items" in out
    shown = cli_json(capsys, "person", "status", "P-1", "detained", "--archive", arch)
    code, out, _ = cli(capsys, "person", "show", "P-1", "--archive", arch)
    status_id = shown["statuses"][0]["id"]
    assert f"#{status_id} detained" in out
    after = cli_json(capsys, "person", "remove-status", "P-1", str(status_id), "--archive", arch)
    assert after["statuses"] == []
    code, _, err = cli(capsys, "person", "remove-status", "P-1", str(status_id), "--archive", arch)
    assert code == 2 and "no status" in err and "Traceback" not in err
