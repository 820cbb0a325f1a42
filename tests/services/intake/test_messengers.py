"""Importing chat exports: originals preserved, messages recorded with their
provenance, media ingested and linked, dedupe across re-exports, time zones."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from evidence_desk.core.messengers import parse_zone
from evidence_desk.db.models import Item, Source
from evidence_desk.db.models_messages import ChatMessage, MessageItem
from evidence_desk.services.catalogue import messages
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import (
    ExportImportError,
    import_export,
    is_export,
)
from tests.chat_exports import (
    KAZAKH,
    KAZAKH_TEXT,
    NOT_INCLUDED,
    tg_chat,
    tg_message,
    tg_service,
    wa_line,
    write_json,
    write_tg_account,
)
from tests.media import make_jpeg

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)
PROV = Provenance(received_from="Witness A-17", method="Telegram export")


def _tg_export(root: Path, count: int = 4, first: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "photos").mkdir(exist_ok=True)
    make_jpeg(root / "photos" / "exif.jpg", exif_datetime="2022:01:05 18:00:00")
    make_jpeg(root / "photos" / "plain.jpg", exif_datetime=None, color=(10, 200, 10))
    msgs = [tg_service(first, T0, "create_group", title="Алматы", members=["Bob"])]
    for i in range(first + 1, first + count):
        msgs.append(tg_message(i, T0 + timedelta(minutes=i), text=f"{KAZAKH_TEXT} {i}"))
    msgs[1]["photo"] = "photos/exif.jpg"
    msgs[2]["photo"] = "photos/plain.jpg"
    msgs[2]["forwarded_from"] = "Новости"
    msgs[3]["photo"] = NOT_INCLUDED
    msgs.append(tg_message(first + count, T0, photo="photos/absent.jpg", reply_to_message_id=2))
    write_json(root / "result.json", tg_chat(msgs))
    return root


def _count(archive, model) -> int:
    with archive.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_telegram_folder(archive, tmp_path: Path) -> None:
    folder = _tg_export(tmp_path / "ChatExport_2022-01-05")
    assert is_export(folder)
    report = import_export(archive, folder, provenance=PROV)
    assert report.fmt == "telegram_json"
    assert report.messages_new == 5 and report.messages_known == 0
    assert [r.status for r in report.originals] == ["new"]
    assert report.media_linked == 2
    assert report.media_missing == 2
    assert any("photos/absent.jpg" in p and "message 5" in p for p in report.problems)
    recs = messages.list_messages(archive, chat="Алматы 5 қаңтар")
    assert [r.message_id for r in recs] == ["1", "5", "2", "3", "4"]  # by time, then id
    by_id = {r.message_id: r for r in recs}
    assert by_id["1"].service["action"] == "create_group" and by_id["1"].kind == "service"
    photo = by_id["2"]
    assert photo.author == KAZAKH and photo.author_id == "user1001"
    assert photo.sent_at == "2022-01-05T18:32:00+06:00"
    assert photo.sent_at_source == "telegram:message_date"
    assert photo.sent_at_offset_source == "export: date beside date_unixtime"
    assert photo.export == report.originals[0].exhibit and photo.export_where == "message 2"
    assert len(photo.media) == 1
    assert by_id["3"].forwarded_from == "Новости"
    assert by_id["4"].media_missing == [{"kind": "photo", "reason": NOT_INCLUDED}]
    assert by_id["5"].reply_to == "2"
    assert "absent.jpg" in by_id["5"].media_missing[0]["reason"]

    with archive.db.reader() as s:
        items = {i.exhibit: i for i in s.scalars(select(Item))}
        exif_item = items[photo.media[0]]
        plain_item = items[by_id["3"].media[0]]
        export_item = items[photo.export]
        assert export_item.title == "result.json"
        assert exif_item.captured_source == "exif:DateTimeOriginal"  # EXIF stays first
        assert plain_item.captured_source == "telegram:message_date"
        assert plain_item.captured_utc == datetime(2022, 1, 5, 12, 33)
        assert "message 3" in plain_item.captured_note
    assert verify(archive).ok


def test_reimport_and_overlapping_export_add_nothing_twice(archive, tmp_path: Path) -> None:
    first = _tg_export(tmp_path / "a")
    import_export(archive, first, provenance=PROV)
    again = import_export(archive, first, provenance=PROV)
    assert again.messages_new == 0 and again.messages_known == 5
    assert {r.status for r in again.media} == {"duplicate"}
    later = tmp_path / "b"
    shutil.copytree(first, later)
    data = json.loads((later / "result.json").read_text())
    data["messages"].append(tg_message(9, T0 + timedelta(hours=1), text="жаңа"))
    (later / "result.json").write_text(json.dumps(data, ensure_ascii=False))
    overlap = import_export(archive, later, provenance=PROV)
    assert overlap.messages_new == 1 and overlap.messages_known == 5
    assert _count(archive, ChatMessage) == 6
    assert _count(archive, MessageItem) == 2


def test_photo_in_two_chats_is_one_item_two_messages(archive, tmp_path: Path) -> None:
    root = tmp_path / "DataExport"
    for n in (1, 2):
        (root / "chats" / f"chat_00{n}" / "photos").mkdir(parents=True)
        make_jpeg(root / "chats" / f"chat_00{n}" / "photos" / "p.jpg", exif_datetime=None)
    chats = [
        tg_chat([tg_message(1, T0, photo=f"chats/chat_00{n}/photos/p.jpg")], name=f"C{n}", cid=n)
        for n in (1, 2)
    ]
    write_tg_account(root / "result.json", chats)
    report = import_export(archive, root, provenance=PROV)
    assert report.messages_new == 2 and report.media_linked == 2
    with archive.db.reader() as s:
        (item_id,) = set(s.scalars(select(MessageItem.item_id)))
        assert s.scalar(select(func.count()).where(Source.item_id == item_id)) == 2
    carried = messages.messages_for_item(archive, item_id)
    assert sorted(r.chat for r in carried) == ["C1", "C2"]


def _wa_zip(path: Path, photo: Path) -> Path:
    t = datetime(2022, 1, 5, 18, 30)
    lines = [
        wa_line(t, None, "Messages and calls are end-to-end encrypted.", style="ios"),
        wa_line(t, KAZAKH, "<attached: 00000001-PHOTO-2022-01-05-18-30-00.jpg>", style="ios"),
        wa_line(datetime(2022, 1, 13, 9, 5), "Bob", "Алматыда атыс болды", style="ios"),
        wa_line(datetime(2022, 1, 13, 9, 6), "Bob", "image omitted", style="ios"),
    ]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_chat.txt", "\n".join(lines) + "\n")
        zf.write(photo, "00000001-PHOTO-2022-01-05-18-30-00.jpg")
    return path


def test_whatsapp_zip_with_stated_zone(archive, tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "p.jpg", exif_datetime=None)
    archive_zip = _wa_zip(tmp_path / "WhatsApp Chat - Алия.zip", photo)
    zone = parse_zone("Asia/Almaty")
    report = import_export(archive, archive_zip, provenance=PROV, zone=zone)
    assert report.fmt == "whatsapp_txt" and report.messages_new == 4
    assert [r.status for r in report.media] == ["new"]
    recs = messages.list_messages(archive, chat="Алия")
    sent = recs[1]
    assert sent.sent_at == "2022-01-05T18:30:00+06:00"
    assert sent.sent_at_source == "whatsapp:message_time"
    assert sent.sent_at_offset_source == "stated at import: Asia/Almaty"
    assert recs[3].media_missing == [{"kind": "photo", "reason": "image omitted"}]
    assert len(recs[1].message_id) == 32  # the digest
    with archive.db.reader() as s:
        item = s.scalars(select(Item).where(Item.kind == "photo")).one()
        src = item.sources[0]
        assert src.original_path.endswith(".zip/00000001-PHOTO-2022-01-05-18-30-00.jpg")
        assert item.captured_source == "whatsapp:message_time"
        assert item.captured_offset_min == 360
    # the zip itself is the preserved original
    assert report.originals[0].path.endswith(".zip")
    assert not list(archive.root.glob(".export-staging-*"))


def test_whatsapp_without_zone_has_unknown_offset(archive, tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "p.jpg", exif_datetime=None)
    import_export(archive, _wa_zip(tmp_path / "chat.zip", photo), provenance=PROV)
    rec = messages.list_messages(archive)[1]
    assert rec.sent_at == "2022-01-05T18:30:00"
    assert rec.sent_at_offset_source == "offset unknown"


def test_search_finds_message_text_in_both_scripts(archive, tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "p.jpg", exif_datetime=None)
    import_export(archive, _wa_zip(tmp_path / "chat.zip", photo), provenance=PROV)
    assert [r.text for r in messages.search_messages(archive, "атыс")] == ["Алматыда атыс болды"]
    assert [r.text for r in messages.search_messages(archive, "Almatyda")] == [
        "Алматыда атыс болды"
    ]


def test_truncated_export_keeps_what_was_read(archive, tmp_path: Path) -> None:
    folder = _tg_export(tmp_path / "x")
    data = (folder / "result.json").read_bytes()
    (folder / "result.json").write_bytes(data[: data.index(b'"id": 4')])
    report = import_export(archive, folder, provenance=PROV)
    assert report.messages_new == 3
    assert any("truncated" in p and "after message 3" in p for p in report.problems)


def test_not_an_export_and_hostile_zip(archive, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello\n")
    with pytest.raises(ExportImportError, match="not a Telegram or WhatsApp"):
        import_export(archive, tmp_path / "notes.txt", provenance=PROV)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../result.json", "{}")
    assert is_export(evil)
    with pytest.raises(ExportImportError, match="evil.zip: unsafe entry"):
        import_export(archive, evil, provenance=PROV)
    assert _count(archive, Item) == 0


def test_one_import_of_mixed_paths(archive, tmp_path: Path) -> None:
    from evidence_desk.services.intake.messenger_importer import ingest_with_exports

    folder = _tg_export(tmp_path / "export")
    loose = make_jpeg(tmp_path / "loose.jpg", color=(9, 9, 9))
    seen: list[str] = []
    report = ingest_with_exports(
        archive, [folder, loose], provenance=PROV, on_item=lambda r: seen.append(r.status)
    )
    first = report.results[0]
    assert first.path.endswith("result.json") and first.status == "new"
    assert first.messages[0].startswith("telegram_json export: 5 new messages")
    assert any("absent.jpg" in m for m in first.messages)
    assert report.results[-1].path.endswith("loose.jpg")
    assert len(report.new) == 4 and len(seen) == len(report.results)


def test_route_hands_exports_to_the_messenger_importer(tmp_path: Path) -> None:
    from evidence_desk.services.intake import importers

    folder = _tg_export(tmp_path / "export")
    loose = make_jpeg(tmp_path / "loose.jpg")
    plain = tmp_path / "photos"
    plain.mkdir()
    make_jpeg(plain / "a.jpg")
    routed = {imp.name: group for imp, group in importers.route([folder, loose, plain])}
    assert routed == {"messengers": [folder], "files": [loose, plain]}


def test_telegram_html_export(archive, tmp_path: Path) -> None:
    from tests.chat_exports import HtmlMsg, tg_html_page

    root = tmp_path / "ChatExport_html"
    (root / "photos").mkdir(parents=True)
    (root / "css").mkdir()
    (root / "css" / "style.css").write_text("body {}")
    make_jpeg(root / "photos" / "p.jpg", exif_datetime=None)
    make_jpeg(root / "photos" / "p.jpg_thumb.jpg", exif_datetime=None, size=(64, 48))
    page1 = [HtmlMsg(1, T0, KAZAKH, "бірінші", photo="photos/p.jpg"), HtmlMsg(2, T0, None, "екі")]
    page2 = [HtmlMsg(3, T0 + timedelta(minutes=1), None, "үш", missing_photo=True)]
    (root / "messages.html").write_text(tg_html_page("Топ", page1), encoding="utf-8")
    (root / "messages2.html").write_text(tg_html_page("Топ", page2), encoding="utf-8")
    report = import_export(archive, root, provenance=PROV)
    assert report.fmt == "telegram_html" and report.messages_new == 3
    assert [r.status for r in report.originals] == ["new", "new"]  # both pages preserved
    assert report.media_linked == 1 and report.media_missing == 1
    assert not any("not named by any message" in n for n in report.notes)  # assets skipped
    recs = messages.list_messages(archive, chat="Топ")
    assert [r.author for r in recs] == [KAZAKH, KAZAKH, KAZAKH]
    assert recs[0].sent_at == "2022-01-05T18:30:00+06:00"
    assert recs[0].sent_at_offset_source == "export: UTC offset in the page"
    assert recs[2].export != recs[0].export and recs[2].export_where == "message 3"


def test_case_search_finds_a_photo_by_its_caption(archive, tmp_path: Path) -> None:
    from evidence_desk.services.case import search as case_search

    folder = _tg_export(tmp_path / "export")
    import_export(archive, folder, provenance=PROV)
    found = case_search.search(archive, "Republic")  # nothing in the photo says so
    assert found.items == []
    hits = case_search.search(archive, "Gimarat")  # Latin spelling of the caption's "Ғимарат"
    with archive.db.reader() as s:
        carried = set(s.scalars(select(MessageItem.item_id)))
    assert set(hits.items) == carried and len(carried) == 2
