"""``ingest`` of chat exports (auto-detected, --timezone), ``messages list|show``
and ``case-search`` over message text."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from tests.chat_exports import KAZAKH, NOT_INCLUDED, tg_chat, tg_message, wa_line, write_json
from tests.media import make_jpeg

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)
REQUIRED = {
    "platform",
    "chat",
    "message_id",
    "author",
    "sent_at",
    "sent_at_source",
    "edited_at",
    "forwarded_from",
    "reply_to",
    "text",
    "media",
    "media_missing",
}


@pytest.fixture
def tg_folder(tmp_path: Path) -> Path:
    root = tmp_path / "ChatExport_2022-01-05"
    (root / "photos").mkdir(parents=True)
    make_jpeg(root / "photos" / "p.jpg", exif_datetime=None)
    msgs = [
        tg_message(1, T0, text="Жаңаөзенде ереуіл", photo="photos/p.jpg"),
        tg_message(2, T0 + timedelta(minutes=1), author="Bob", text="ok", photo=NOT_INCLUDED),
        tg_message(
            3, T0 + timedelta(minutes=2), text="fwd", forwarded_from="Канал", reply_to_message_id=1
        ),
    ]
    write_json(root / "result.json", tg_chat(msgs, name="Жаңаөзен"))
    (root / "stray.txt").write_text("not named by any message\n")
    return root


def _init(tmp_path: Path, capsys) -> str:
    arch = str(tmp_path / "a")
    assert main(["init", "--archive", arch]) == 0
    capsys.readouterr()
    return arch


def _json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def test_ingest_detects_a_telegram_export(tg_folder: Path, tmp_path: Path, capsys) -> None:
    arch = _init(tmp_path, capsys)
    photo = make_jpeg(tmp_path / "loose.jpg", color=(1, 2, 3))
    code = main(["ingest", "--archive", arch, "--json", str(tg_folder), str(photo)])
    assert code == 0
    data = _json(capsys)
    (export,) = data["exports"]
    assert export["format"] == "telegram_json" and export["messages_new"] == 3
    assert export["media_linked"] == 1 and export["messages_with_missing_media"] == 1
    assert any("not named by any message" in n for n in export["notes"])
    assert data["new"] == 1  # the loose photo took the ordinary path

    assert main(["messages", "list", "--archive", arch, "--chat", "Жаңаөзен", "--json"]) == 0
    rows = _json(capsys)
    assert [r["message_id"] for r in rows] == ["1", "2", "3"]
    assert REQUIRED <= set(rows[0])
    first = rows[0]
    assert first["platform"] == "telegram" and first["chat"] == "Жаңаөзен"
    assert first["author"] == KAZAKH
    assert first["sent_at"] == "2022-01-05T18:30:00+06:00"
    assert first["sent_at_source"] == "telegram:message_date"
    assert first["media"] and first["media"][0].startswith("ED-")
    assert rows[1]["media_missing"] == [{"kind": "photo", "reason": NOT_INCLUDED}]
    assert rows[2]["forwarded_from"] == "Канал" and rows[2]["reply_to"] == "1"

    assert main(["messages", "show", "--archive", arch, "--chat", "Жаңаөзен", "1"]) == 0
    shown = capsys.readouterr().out
    assert "Жаңаөзенде ереуіл" in shown and "telegram:message_date" in shown

    assert main(["case-search", "--archive", arch, "--json", "Zhanaozende"]) == 0
    found = _json(capsys)
    assert [m["message_id"] for m in found["messages"]] == ["1"]
    assert main(["case-search", "--archive", arch, "ереуіл"]) == 0
    assert "Жаңаөзенде ереуіл" in capsys.readouterr().out


def test_ingest_whatsapp_zip_with_timezone(tmp_path: Path, capsys) -> None:
    zipped = tmp_path / "WhatsApp Chat - Бақыт.zip"
    lines = [
        wa_line(datetime(2022, 1, 5, 18, 30), "Бақыт", "Сәлем"),
        wa_line(datetime(2022, 1, 13, 9), "Бақыт", "<Media omitted>"),
    ]
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("WhatsApp Chat with Бақыт.txt", "\n".join(lines) + "\n")
    arch = _init(tmp_path, capsys)
    assert main(["ingest", "--archive", arch, "--timezone", "+05:00", str(zipped)]) == 0
    out = capsys.readouterr().out
    assert "whatsapp_txt" in out and "2 new messages" in out
    assert main(["messages", "list", "--archive", arch, "--json"]) == 0
    rows = _json(capsys)
    assert rows[0]["sent_at"] == "2022-01-05T18:30:00+05:00"
    assert rows[0]["sent_at_offset_source"] == "stated at import: +05:00"
    assert rows[1]["media_missing"][0]["reason"] == "<Media omitted>"
    # the same export again adds nothing
    assert main(["ingest", "--archive", arch, "--json", "--timezone", "+05:00", str(zipped)]) == 0
    again = _json(capsys)["exports"][0]
    assert again["messages_new"] == 0 and again["messages_already_recorded"] == 2


def test_bad_input_is_one_line(tmp_path: Path, capsys) -> None:
    arch = _init(tmp_path, capsys)
    txt = tmp_path / "chat.txt"
    txt.write_text(wa_line(datetime(2022, 1, 5, 18, 30), "A", "x") + "\n")
    assert main(["ingest", "--archive", arch, "--timezone", "Mars/Base", str(txt)]) == 2
    assert "--timezone: time zone 'Mars/Base' not understood" in capsys.readouterr().err
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../_chat.txt", "x")
    assert main(["ingest", "--archive", arch, str(evil)]) == 1
    assert "evil.zip: unsafe entry" in capsys.readouterr().out
    assert main(["messages", "show", "--archive", arch, "999"]) == 2
    assert "no message '999'" in capsys.readouterr().err
    assert main(["messages", "list", "--archive", arch, "--chat", "nope"]) == 2
    assert "no chat named 'nope'" in capsys.readouterr().err


def test_export_folder_with_a_link_is_ingested_as_files(tg_folder: Path, tmp_path, capsys) -> None:
    arch = _init(tmp_path, capsys)
    (tg_folder / "photos" / "link.jpg").symlink_to(tg_folder / "photos" / "p.jpg")
    assert main(["ingest", "--archive", arch, "--json", str(tg_folder)]) == 1
    data = _json(capsys)
    assert "symbolic link" in data["exports"][0]["error"]
    assert "ingested as ordinary files" in data["exports"][0]["error"]
    statuses = {Path(f["path"]).name: f["status"] for f in data["files"]}
    assert statuses["result.json"] == "new" and statuses["p.jpg"] == "new"
    assert statuses["link.jpg"] == "skipped"


def test_incident_link_messages(tmp_path: Path, tg_folder: Path, capsys) -> None:
    arch = _init(tmp_path, capsys)
    assert main(["ingest", "--archive", arch, str(tg_folder)]) == 0
    capsys.readouterr()
    assert main(["incident", "add", "--archive", arch, "--title", "Ереуіл", "--json"]) == 0
    ref = _json(capsys)["ref"]
    assert main(["messages", "list", "--archive", arch, "--json"]) == 0
    ids = {m["message_id"]: m["id"] for m in _json(capsys)}
    args = ["incident", "link", "--archive", arch, ref, "--message", str(ids["1"])]
    assert main([*args, "--message", str(ids["3"]), "--note", "ереуіл басталды", "--json"]) == 0
    shown = _json(capsys)
    assert [m["message_id"] for m in shown["messages"]] == ["1", "3"]
    assert shown["messages"][0]["note"] == "ереуіл басталды" and shown["items"] == []
    assert main(["incident", "show", "--archive", arch, ref]) == 0
    out = capsys.readouterr().out
    assert "message" in out and "Жаңаөзенде ереуіл" in out
    assert main([*args, "--remove", "--json"]) == 0
    assert [m["message_id"] for m in _json(capsys)["messages"]] == ["3"]
    assert main(["incident", "link", "--archive", arch, ref, "--message", "9999"]) != 0
    assert "no message" in capsys.readouterr().err
    assert main(["incident", "link", "--archive", arch, ref]) != 0
    assert "--message" in capsys.readouterr().err
