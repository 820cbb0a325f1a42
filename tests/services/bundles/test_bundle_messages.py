"""Chat messages in bundles: machine-readable records, the report, import, redaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from evidence_desk.core.bundle_schemas import REGISTRY
from evidence_desk.core.bundle_schemas_messages import MESSAGES_JSON
from evidence_desk.db.models_messages import Chat, ChatMessage, MessageItem
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import import_bundle
from evidence_desk.services.bundles.message_records import RAW_CHAT_REASON
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.catalogue import messages
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import import_export
from tests.chat_exports import KAZAKH, tg_chat, tg_message, write_json
from tests.media import make_jpeg

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)
PROV = Provenance(received_from="Witness A-17", method="Telegram export")


def _export(root: Path) -> Path:
    (root / "photos").mkdir(parents=True)
    make_jpeg(root / "photos" / "a.jpg", exif_datetime=None, color=(200, 10, 10))
    make_jpeg(root / "photos" / "b.jpg", exif_datetime=None, color=(10, 10, 200))
    msgs = [
        tg_message(1, T0, text="Колонна у акимата, звоните +7 701 234 5678", photo="photos/a.jpg"),
        tg_message(
            2,
            T0 + timedelta(minutes=1),
            author="Bob",
            author_id="user2002",
            text=f"{KAZAKH} прислала это",
            photo="photos/b.jpg",
            forwarded_from="Иван Петров",
        ),  # fmt: skip
        tg_message(3, T0 + timedelta(minutes=2), text="без файла"),
    ]
    write_json(root / "result.json", tg_chat(msgs))
    return root


def _items_by_kind(archive) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rec in messages.list_messages(archive):
        out.setdefault("media", []).extend(rec.media)
        out.setdefault("export", []).append(rec.export)
    return out


def _member(bundle: Path, name: str) -> dict:
    return json.loads((bundle / name).read_text(encoding="utf-8"))


def test_full_bundle_carries_messages_and_imports_them(archive, tmp_path: Path) -> None:
    import_export(archive, _export(tmp_path / "ChatExport"), provenance=PROV)
    photos = sorted(set(_items_by_kind(archive)["media"]))
    assert len(photos) == 2
    out = tmp_path / "bundle"
    export_bundle(archive, photos[:1], out=out)
    assert MESSAGES_JSON in REGISTRY
    assert verify_bundle(out).ok
    doc = _member(out, MESSAGES_JSON)
    assert [m["message_id"] for m in doc["messages"]] == ["1"]  # only the exported item's
    msg = doc["messages"][0]
    assert msg["author"] == KAZAKH and msg["author_id"] == "user1001"
    assert msg["sent_at"] == "2022-01-05T18:30:00+06:00"
    assert msg["export"] is None  # the chat file was not exported
    assert doc["chats"][0]["chat_id"] == "777"
    report = (out / "data/report/report.html").read_text(encoding="utf-8")
    assert "Chat messages" in report and "Колонна у акимата" in report and photos[0] in report

    receiver = create_archive(tmp_path / "receiver", "Receiver")
    try:
        result = import_bundle(receiver, out, trust_new_signer=True)
        assert result.message_records is not None and result.message_records.added == 1
        got = messages.list_messages(receiver)
        assert len(got) == 1
        rec = got[0]
        assert rec.author == KAZAKH and rec.sent_at == "2022-01-05T18:30:00+06:00"
        assert rec.chat == "Алматы 5 қаңтар" and rec.chat_id == "777"
        assert rec.media == [result.results[0].exhibit]
        assert "received in bundle" in rec.export_where and "message 1" in rec.export_where
        assert messages.search_messages(receiver, "акимата")
        again = import_bundle(receiver, out)
        assert again.message_records is not None
        assert again.message_records.added == 0 and again.message_records.known == 1
        with receiver.db.reader() as s:
            assert s.scalar(select(func.count()).select_from(ChatMessage)) == 1
            assert s.scalar(select(func.count()).select_from(MessageItem)) == 1
            assert s.scalar(select(func.count()).select_from(Chat)) == 1
    finally:
        receiver.close()


def test_whole_chat_export_in_full_bundle_points_at_the_file(archive, tmp_path: Path) -> None:
    import_export(archive, _export(tmp_path / "ChatExport"), provenance=PROV)
    out = tmp_path / "bundle"
    export_bundle(archive, None, out=out)
    doc = _member(out, MESSAGES_JSON)
    assert len(doc["messages"]) == 3 and all(m["export"] for m in doc["messages"])
    receiver = create_archive(tmp_path / "receiver", "Receiver")
    try:
        import_bundle(receiver, out, trust_new_signer=True)
        got = {r.message_id: r for r in messages.list_messages(receiver)}
        assert set(got) == {"1", "2", "3"}
        assert got["3"].export_where == "message 3"  # the chat file came along
        assert len(got["1"].media) == 1
    finally:
        receiver.close()


def test_import_is_all_or_nothing_with_messages(archive, tmp_path: Path) -> None:
    import_export(archive, _export(tmp_path / "ChatExport"), provenance=PROV)
    out = tmp_path / "bundle"
    export_bundle(archive, None, out=out)
    receiver = create_archive(tmp_path / "receiver", "Receiver")
    try:
        from evidence_desk.services.bundles import importing

        original = importing.import_messages

        def failing(*args, **kwargs):
            original(*args, **kwargs)
            raise RuntimeError("disk full")

        importing.import_messages = failing
        try:
            import_bundle(receiver, out, trust_new_signer=True)
        except importing.ImportRefused as exc:
            assert "nothing was written" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("import should have failed")
        finally:
            importing.import_messages = original
        with receiver.db.reader() as s:
            assert s.scalar(select(func.count()).select_from(ChatMessage)) == 0
        assert messages.list_messages(receiver) == []
    finally:
        receiver.close()


def test_redacted_bundle_pseudonymises_private_chat(archive, tmp_path: Path) -> None:
    import_export(archive, _export(tmp_path / "ChatExport"), provenance=PROV)
    out = tmp_path / "bundle"
    report = export_bundle(archive, None, out=out, profile="redacted")
    assert any(reason == RAW_CHAT_REASON for _, reason in report.left_out)
    assert not any(p.name.endswith(".json") for p in (out / "data/objects").iterdir())
    assert verify_bundle(out).ok
    doc = _member(out, MESSAGES_JSON)
    chat = doc["chats"][0]
    assert chat["name"] == "Chat 1" and chat["chat_id"] is None and chat["pseudonymised"]
    by_id = {m["message_id"]: m for m in doc["messages"]}
    assert set(by_id) == {"1", "2"}  # message 3 carried no exported file
    assert by_id["1"]["author"].startswith("Participant ")
    assert by_id["1"]["author_id"] is None
    assert "[phone number removed]" in by_id["1"]["text"] and "701" not in by_id["1"]["text"]
    assert KAZAKH not in by_id["2"]["text"] and by_id["1"]["author"] in by_id["2"]["text"]
    assert by_id["2"]["forwarded_from"].startswith("Participant ")
    assert all(m["export_path"] is None for x in doc["messages"] for m in x["media"])
    text = "\n".join(p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file()
                     and p.suffix in (".json", ".html", ".txt", ".csv", ".geojson"))  # fmt: skip
    for secret in (KAZAKH, "Алматы 5 қаңтар", "user1001", "user2002", "Иван Петров"):
        assert secret not in text
    html = (out / "data/report/report.html").read_text(encoding="utf-8")
    assert RAW_CHAT_REASON in html

    receiver = create_archive(tmp_path / "receiver", "Receiver")
    try:
        result = import_bundle(receiver, out, trust_new_signer=True)
        assert result.message_records is not None and result.message_records.added == 2
        recs = messages.list_messages(receiver)
        assert {r.chat for r in recs} == {"Chat 1"}
        assert all(r.chat_id.startswith("bundle:") for r in recs)
    finally:
        receiver.close()


def test_public_channel_keeps_its_name_and_author(archive, tmp_path: Path) -> None:
    root = tmp_path / "Channel"
    (root / "photos").mkdir(parents=True)
    make_jpeg(root / "photos" / "a.jpg", exif_datetime=None)
    msgs = [tg_message(1, T0, author="Новости Алматы", author_id="channel42", text="пост",
                       photo="photos/a.jpg")]  # fmt: skip
    write_json(root / "result.json", tg_chat(msgs, name="Новости Алматы", ctype="public_channel"))
    import_export(archive, root, provenance=PROV)
    out = tmp_path / "bundle"
    export_bundle(archive, None, out=out, profile="redacted")
    doc = _member(out, MESSAGES_JSON)
    assert doc["chats"][0]["name"] == "Новости Алматы"
    assert doc["messages"][0]["author"] == "Новости Алматы"
    assert doc["messages"][0]["author_id"] is None


def test_report_lists_a_bounded_number_of_messages() -> None:
    from evidence_desk.services.bundles.message_records import report_lines
    from evidence_desk.services.messages import messages as catalogue

    chat = {"ref": "C1", "platform": "telegram", "name": "Алматы"}
    media = [{"id": "u1", "position": 0, "media_kind": "photo", "export_path": None}]
    msgs = [
        {"chat": "C1", "message_id": str(i), "export_where": f"message {i}", "sent_at": None,
         "sent_at_offset_source": "offset unknown", "author": "A", "text": f"t{i}",
         "media": media if i == 9 else []}
        for i in range(10)
    ]  # fmt: skip
    lines = report_lines({"chats": [chat], "messages": msgs}, {"u1": "ED-000001"}, limit=3)
    assert len(lines) == 4 and "[ED-000001]" in lines[0]  # the one with a file first
    assert lines[-1] == f"7 more messages: see {MESSAGES_JSON}"
    assert catalogue("ru").message(lines[-1]).startswith("ещё 7")
    assert catalogue("kk").message(lines[-1]).startswith("тағы 7")
