"""The ``--json`` shapes of the case-record commands: the same names and fields, in order.

The services return typed records and the CLI prints their ``as_json()``;
these pin the documented shape (docs/case-records.md) so a change to a
dataclass cannot silently change what scripts reading the output get.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import media
from tests.cli.test_case_cli import cli, cli_json

PERSON_KEYS = [
    "id",
    "ref",
    "uuid",
    "kind",
    "name",
    "names",
    "sex",
    "birth_year",
    "age",
    "age_date",
    "occupation",
    "sensitive",
    "redacted",
    "notes",
    "statuses",
    "incidents",
    "merged_into",
]
STATUS_KEYS = ["id", "status", "started", "ended", "precision", "place", "incident_id", "note"]


@pytest.fixture
def arch(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "archive"
    assert cli(capsys, "init", "--archive", path)[0] == 0
    return path


def test_person_commands_print_the_documented_shape(arch, capsys):
    added = cli_json(capsys, "person", "add", "Серик Ж.", "--alias", "Сека", "--archive", arch)
    assert list(added) == PERSON_KEYS
    assert added["names"] == [
        {"name": "Серик Ж.", "kind": "name", "lang": ""},
        {"name": "Сека", "kind": "alias", "lang": ""},
    ]
    cli_json(capsys, "incident", "add", "--title", "Beatings", "--archive", arch)
    role = ("incident", "person", "INC-1", "P-1", "--role", "victim", "--archive", arch)
    assert cli(capsys, *role)[0] == 0
    status = cli_json(
        capsys,
        "person",
        "status",
        "P-1",
        "detained",
        "--from",
        "2022-01-06",
        "--place",
        "Atyrau",
        "--incident",
        "INC-1",
        "--archive",
        arch,
    )
    assert list(status) == PERSON_KEYS
    (recorded,) = status["statuses"]
    assert list(recorded) == STATUS_KEYS
    assert list(recorded["place"]) == ["id", "name", "path"]
    assert recorded["place"]["path"][:2] == ["Atyrau", "Atyrau Region"]
    assert status["incidents"] == [
        {"incident_id": 1, "ref": "INC-0001", "title": "Beatings", "role": "victim"}
    ]
    shown = cli_json(capsys, "person", "show", "P-1", "--archive", arch)
    assert shown == status
    cli_json(capsys, "person", "add", "Serik Zh.", "--sensitive", "--archive", arch)
    hidden = cli_json(capsys, "person", "list", "--redact", "--archive", arch)[1]
    assert list(hidden) == PERSON_KEYS
    assert (hidden["name"], hidden["names"], hidden["redacted"]) == ("P-0002", [], True)
    merged = cli_json(capsys, "person", "merge", "P-1", "P-2", "--archive", arch)
    assert list(merged) == PERSON_KEYS and merged["merged_into"] is None
    assert [n["name"] for n in merged["names"]] == ["Серик Ж.", "Сека", "Serik Zh."]


PLACE_KEYS = [
    "id",
    "ref",
    "uuid",
    "code",
    "name",
    "kind",
    "parent_id",
    "path",
    "lat",
    "lon",
    "radius_m",
    "names",
    "notes",
]


def test_place_commands_print_the_documented_shape(arch, tmp_path, capsys):
    found = cli_json(capsys, "place", "list", "жанаозен", "--archive", arch)
    assert [list(p) for p in found] == [PLACE_KEYS]
    assert list(found[0]["names"][0]) == ["name", "lang"]
    everything = cli_json(capsys, "place", "list", "--archive", arch)
    assert {tuple(p) for p in everything} == {tuple(PLACE_KEYS)}
    added = cli_json(
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
        "--lat",
        "47.1",
        "--lon",
        "51.9",
        "--archive",
        arch,
    )
    assert list(added) == PLACE_KEYS
    assert added["names"] == [
        {"name": "Police department", "lang": ""},
        {"name": "ДП Атырау", "lang": "ru"},
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "gps.jpg", gps=(47.1001, 51.9001, None))
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    (matched,) = cli_json(capsys, "place", "match", "--archive", arch)
    assert list(matched) == ["item_id", "exhibit", "place_id", "place", "distance_m"]
    assert (matched["exhibit"], matched["place"]) == ("ED-000001", "Police department")


TERM_KEYS = ["vocabulary", "code", "parent", "labels", "description", "position", "active"]
TERM_KEYS.append("builtin")


def test_vocab_commands_print_the_documented_shape(arch, capsys):
    assert "violation_types" in cli_json(capsys, "vocab", "list", "--archive", arch)
    terms = cli_json(capsys, "vocab", "list", "violation_types", "--archive", arch)
    assert {tuple(t) for t in terms} == {tuple(TERM_KEYS)}
    assert all(list(t["labels"]) == ["en", "ru", "kk"] for t in terms)
    term = ("vocab", "term", "violation_types", "hot_irons", "--en", "Hot irons")
    added = cli_json(capsys, *term, "--parent", "torture", "--archive", arch)
    assert added == {
        "vocabulary": "violation_types",
        "code": "hot_irons",
        "parent": "torture",
        "labels": {"en": "Hot irons", "ru": "", "kk": ""},
        "description": "",
        "position": added["position"],
        "active": True,
        "builtin": False,
    }
    assert list(added) == TERM_KEYS
    retired = cli_json(capsys, *term[:4], "--retire", "--archive", arch)
    assert list(retired) == TERM_KEYS and retired["active"] is False


TESTIMONY_KEYS = [
    "item_id",
    "id",
    "exhibit",
    "title",
    "witness_code",
    "pseudonym",
    "display_name",
    "interviewer",
    "interview_date",
    "interview_place",
    "language",
    "translation_language",
    "consent",
    "risk_notes",
    "sensitivity",
    "object_sha256",
    "identity_recorded",
    "identity",
    "attachments",
    "incidents",
    "removed",
    "statement_version",
    "statement_sha256",
]
WITH_TEXTS = ["statement", "translation_version", "translation_sha256", "translation", "versions"]
ATTACHMENT_KEYS = ["item_id", "id", "exhibit", "kind", "title", "sha256", "note"]


def test_testimony_commands_print_the_documented_shape(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "scan.jpg")
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    add = ("testimony", "add", "--statement", "Я видела.", "--interview-place", "Atyrau")
    added = cli_json(capsys, *add, "--consent", "court", "--archive", arch)
    assert list(added) == TESTIMONY_KEYS + WITH_TEXTS
    assert list(added["consent"]) == [
        "court",
        "advocacy",
        "publication",
        "anonymity_requested",
        "date",
        "method",
    ]
    assert list(added["interview_place"]) == ["id", "name", "path"]
    assert [list(v) for v in added["versions"]] == [
        ["field", "version", "sha256", "size", "created_at", "actor", "note"]
    ]
    attached = cli_json(capsys, "testimony", "attach", "W-0001", "ED-000001", "--archive", arch)
    assert [list(a) for a in attached] == [ATTACHMENT_KEYS]
    edited = cli_json(capsys, "testimony", "edit", "W-0001", "--pseudonym", "A", "--archive", arch)
    assert list(edited) == TESTIMONY_KEYS + WITH_TEXTS
    assert [list(a) for a in edited["attachments"]] == [ATTACHMENT_KEYS]
    shown = cli_json(capsys, "testimony", "show", "W-0001", "--archive", arch)
    assert shown == edited
    (listed,) = cli_json(capsys, "testimony", "list", "--archive", arch)
    assert list(listed) == TESTIMONY_KEYS + ["translation_version", "translation_sha256"]
    detached = ("testimony", "attach", "W-0001", "ED-000001", "--remove", "--archive", arch)
    assert cli_json(capsys, *detached) == []


INCIDENT_SUMMARY_KEYS = ["id", "ref", "uuid", "title", "start", "verification"]
INCIDENT_KEYS = INCIDENT_SUMMARY_KEYS + [
    "description",
    "notes",
    "start_precision",
    "end",
    "end_precision",
    "start_sort",
    "end_sort",
    "place",
    "violations",
    "items",
    "persons",
    "messages",
    "created_at",
    "updated_at",
]
INCIDENT_ROW_KEYS = INCIDENT_SUMMARY_KEYS + ["start_sort", "place", "violations", "items"]
INCIDENT_ROW_KEYS.append("persons")
MESSAGE_KEYS = ["id", "platform", "chat", "message_id", "author", "sent_at", "text", "note"]


def _chat_export(root: Path) -> Path:
    from datetime import UTC, datetime

    from tests.chat_exports import tg_chat, tg_message, write_json

    root.mkdir()
    when = datetime(2022, 1, 5, 8, tzinfo=UTC)
    write_json(root / "result.json", tg_chat([tg_message(1, when, text="Стрельба")], name="Чат"))
    return root


def test_incident_commands_print_the_documented_shape(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "photo.jpg")
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    assert cli(capsys, "ingest", "--archive", arch, _chat_export(tmp_path / "tg"))[0] == 0
    add = ("incident", "add", "--title", "Shooting", "--start", "2022-01-05T12:00+06:00")
    added = cli_json(capsys, *add, "--place", "Atyrau", "--violation", "torture", "--archive", arch)
    assert list(added) == INCIDENT_KEYS
    assert list(added["place"]) == ["id", "name", "path"]
    assert [list(v) for v in added["violations"]] == [["code", "label"]]
    cli_json(capsys, "person", "add", "Серик Ж.", "--archive", arch)
    person = ("incident", "person", "INC-1", "P-1", "--role", "victim", "--archive", arch)
    with_person = cli_json(capsys, *person)
    assert list(with_person) == INCIDENT_KEYS
    assert [list(p) for p in with_person["persons"]] == [
        ["person_id", "ref", "name", "sensitive", "role", "note"]
    ]
    linked = cli_json(capsys, "incident", "link", "INC-1", "ED-000001", "--archive", arch)
    assert [list(i) for i in linked["items"]] == [["item_id", "exhibit", "kind", "title", "note"]]
    message = ("incident", "link", "INC-1", "--message", "1", "--note", "n", "--archive", arch)
    with_message = cli_json(capsys, *message)
    assert [list(m) for m in with_message["messages"]] == [MESSAGE_KEYS]
    edited = cli_json(capsys, "incident", "edit", "INC-1", "--notes", "x", "--archive", arch)
    assert list(edited) == INCIDENT_KEYS and edited["notes"] == "x"
    shown = cli_json(capsys, "incident", "show", "INC-1", "--archive", arch)
    assert shown == edited
    (row,) = cli_json(capsys, "incident", "list", "--archive", arch)
    assert list(row) == INCIDENT_ROW_KEYS
    assert (row["place"], row["violations"], row["items"], row["persons"]) == (
        "Atyrau",
        ["torture"],
        1,
        1,
    )


def test_timeline_and_case_search_print_the_documented_shape(arch, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "photo.jpg")
    assert cli(capsys, "ingest", "--archive", arch, folder)[0] == 0
    add = ("incident", "add", "--title", "Shooting", "--start", "2022-01-05T12:00+06:00")
    cli_json(capsys, *add, "--place", "Atyrau", "--archive", arch)
    assert cli(capsys, "incident", "link", "INC-1", "ED-000001", "--archive", arch)[0] == 0
    data = cli_json(capsys, "timeline", "--archive", arch)
    assert list(data) == ["items", "incidents", "periods", "undated"]
    assert [list(p) for p in data["items"]] == [
        [
            "item_id",
            "exhibit",
            "kind",
            "title",
            "at",
            "utc_known",
            "original",
            "corrected",
            "offset_s",
            "precision",
            "source",
        ]
    ]
    (span,) = data["incidents"]
    assert list(span) == INCIDENT_SUMMARY_KEYS + [
        "start_sort",
        "end_sort",
        "start_precision",
        "end_precision",
        "utc_known",
        "place",
        "violations",
    ]
    assert list(span["place"]) == ["id", "name", "path"]
    with_messages = cli_json(capsys, "timeline", "--messages", "--archive", arch)
    assert list(with_messages) == ["items", "incidents", "periods", "undated", "messages"]
    found = cli_json(capsys, "case-search", "Shooting", "--archive", arch)
    assert list(found) == ["items", "incidents", "persons", "places", "messages"]
    assert found["incidents"] == [1]
    structured = cli_json(capsys, "case-search", "--place", "Atyrau", "--archive", arch)
    assert structured == {"items": [1]}
