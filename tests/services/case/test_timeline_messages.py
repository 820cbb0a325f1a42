"""Chat messages on the timeline: counts per slice and per chat and day, never per message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.case import timeline_messages as tm
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import import_export
from tests.chat_exports import tg_chat, tg_message, wa_line, write_json

T0 = datetime(2022, 1, 5, 12, 0, tzinfo=UTC)


def _chats(archive, tmp_path: Path) -> None:
    root = tmp_path / "ChatExport"
    msgs = [tg_message(i, T0 + timedelta(minutes=10 * i), text=f"м{i}") for i in range(1, 7)]
    msgs.append(tg_message(7, T0 + timedelta(days=1, hours=2), text="на следующий день"))
    write_json(root / "result.json", tg_chat(msgs, name="Алматы"))
    import_export(archive, root, provenance=Provenance())
    wa = tmp_path / "WhatsApp Chat with Бота.txt"
    lines = [wa_line(datetime(2022, 1, 6, 9, m), "Бота", f"хабар {m}") for m in range(3)]
    wa.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_export(archive, wa, provenance=Provenance())  # no zone: offset unknown


def test_density_counts_per_slice_and_chat(archive, tmp_path: Path) -> None:
    _chats(archive, tmp_path)
    start = datetime(2022, 1, 5, 12, 0)
    counts = tm.message_density(archive, start, start + timedelta(hours=1), 6)
    assert counts == [0, 1, 1, 1, 1, 1]  # messages 1-5 at :10 … :50; 6 at 13:00 is outside
    whole = tm.message_density(archive, datetime(2022, 1, 5), datetime(2022, 1, 8), 3)
    assert whole == [6, 4, 0]  # the WhatsApp messages sit at their wall-clock reading
    assert tm.message_density(archive, datetime(2022, 1, 5), datetime(2022, 1, 8), 3, "Бота") == [
        0,
        3,
        0,
    ]
    assert tm.message_density(archive, start, start, 4) == []
    with pytest.raises(EvidenceDeskError, match="no chat"):
        tm.message_density(archive, start, start + timedelta(hours=1), 4, "nobody")


def test_days_per_chat(archive, tmp_path: Path) -> None:
    _chats(archive, tmp_path)
    days = tm.message_days(archive)
    assert [(d.chat, d.day, d.messages, d.offset_unknown) for d in days] == [
        ("Алматы", "2022-01-05", 6, False),
        ("Алматы", "2022-01-06", 1, False),
        ("Бота", "2022-01-06", 3, True),
    ]
    only = tm.message_days(archive, chat="Алматы", start=datetime(2022, 1, 6))
    assert [(d.day, d.messages) for d in only] == [("2022-01-06", 1)]


def test_timeline_command_shows_messages(archive, tmp_path: Path, capsys) -> None:
    _chats(archive, tmp_path)
    path = str(archive.root)
    archive.close()
    assert main(["timeline", "--archive", path, "--messages"]) == 0
    out = capsys.readouterr().out
    assert "MESSAGES" in out and "6 in telegram «Алматы» that day" in out
    assert main(["timeline", "--archive", path, "--chat", "Бота", "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert [(m["chat"], m["messages"]) for m in data["messages"]] == [("Бота", 3)]
    assert main(["timeline", "--archive", path, "--chat", "nobody"]) != 0
    assert "no chat" in capsys.readouterr().err
