"""Linking chat messages to incidents, as items are linked."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evidence_desk.core.bundle_schemas_messages import MESSAGES_JSON
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import import_bundle
from evidence_desk.services.case import incident_messages as links
from evidence_desk.services.case import incidents
from evidence_desk.services.catalogue import messages
from evidence_desk.services.intake.ingest import Provenance
from evidence_desk.services.intake.messengers import import_export
from tests.chat_exports import tg_chat, tg_message, write_json
from tests.helpers.case_records import custody_details
from tests.media import make_jpeg

T0 = datetime(2022, 1, 5, 12, 30, tzinfo=UTC)


def _chat(archive, tmp_path: Path) -> dict[str, int]:
    root = tmp_path / "ChatExport"
    (root / "photos").mkdir(parents=True)
    make_jpeg(root / "photos" / "a.jpg", exif_datetime=None)
    msgs = [
        tg_message(1, T0, text="Стрельба у акимата", photo="photos/a.jpg"),
        tg_message(2, T0 + timedelta(minutes=5), text="Второе сообщение " + "длинно " * 60),
    ]
    write_json(root / "result.json", tg_chat(msgs))
    import_export(archive, root, provenance=Provenance(method="chat export"))
    return {r.message_id: r.id for r in messages.list_messages(archive)}


def test_link_and_unlink_messages(archive, tmp_path: Path) -> None:
    ids = _chat(archive, tmp_path)
    inc = incidents.add_incident(archive, "Shooting at the akimat", start="2022-01-05")
    shown = links.link_messages(archive, inc.ref, [ids["2"], str(ids["1"])], note="announced")
    assert [m.message_id for m in shown.messages] == ["1", "2"]  # by time
    first = shown.messages[0]
    assert first.text == "Стрельба у акимата" and first.note == "announced"
    assert first.sent_at == "2022-01-05T18:30:00+06:00" and first.chat
    assert len(shown.messages[1].text) == 200  # shortened for the list
    again = links.link_messages(archive, inc.ref, [ids["1"]])  # already linked: unchanged
    assert len(again.messages) == 2
    assert incidents.get_incident(archive, inc.ref).messages == again.messages
    assert [m.as_json() for m in links.incidents_of_message(archive, ids["1"])] == [
        {"ref": inc.ref, "title": "Shooting at the akimat", "note": "announced"}
    ]
    logged = [d for d in custody_details(archive) if d.get("action") == "link message"]
    assert len(logged) == 2 and all("text" not in d for d in logged)
    after = links.unlink_messages(archive, inc.ref, [ids["2"]])
    assert [m.message_id for m in after.messages] == ["1"]
    assert any(d.get("action") == "unlink message" for d in custody_details(archive))
    with pytest.raises(EvidenceDeskError, match="no message"):
        links.link_messages(archive, inc.ref, ["999"])
    with pytest.raises(EvidenceDeskError, match="no message"):
        links.link_messages(archive, inc.ref, ["abc"])


def test_message_links_travel_in_bundles(archive, tmp_path: Path) -> None:
    ids = _chat(archive, tmp_path)
    inc = incidents.add_incident(archive, "Shooting at the akimat", start="2022-01-05")
    photo = messages.get_message(archive, str(ids["1"])).media[0]
    incidents.link_items(archive, inc.ref, [photo])
    links.link_messages(archive, inc.ref, [ids["1"]])
    out = tmp_path / "bundle"
    export_bundle(archive, None, incident=inc.ref, out=out)
    doc = json.loads((out / MESSAGES_JSON).read_text(encoding="utf-8"))
    assert [m["incidents"] for m in doc["messages"]] == [[inc.uuid]]
    receiver = create_archive(tmp_path / "receiver", "Receiver")
    try:
        report = import_bundle(receiver, out, trust_new_signer=True)
        assert report.message_records is not None and report.message_records.incident_links == 1
        here = incidents.incident_rows(receiver)
        assert len(here) == 1
        shown = incidents.get_incident(receiver, here[0].ref)
        assert [m.message_id for m in shown.messages] == ["1"]
    finally:
        receiver.close()
