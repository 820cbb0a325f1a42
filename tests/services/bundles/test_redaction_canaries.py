"""The canary matrix: a redacted bundle carries none of what a person or a file put in.

Every field a user or a file can fill holds its own canary token (see
tests/helpers/redaction_canaries.py): names, notes, titles, tags, provenance, file names
and folders, the OS user and host name, EXIF/XMP/IPTC/ICC/JPEG comments and
trailers, PNG text/ICC/private chunks and bytes hidden after the pixel
stream, TIFF tags, PDF information/XMP/private data/annotation authors/
attachments/embedded-image EXIF, video container and stream tags, GPS
coordinates, witness identities, sensitive persons and every kind of note.
Each redacted bundle (folder and zip) is then read byte by byte — every file
and zip member, every zlib stream inflated (PDF FlateDecode, PNG zTXt/iCCP),
every PDF's objects and extracted text — for each canary in UTF-8 and
UTF-16, as written and in upper and lower case: zero hits. A first check
proves every canary really is in the archive or in the full bundle, so a
silent fixture cannot make the test pass.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from evidence_desk.core import bundle_layout as L
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.archive.settings import Settings, save_settings
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.message_records import RAW_CHAT_REASON
from evidence_desk.services.bundles.verify import verify_bundle
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import persons as case_persons
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.catalogue import items as items_service
from evidence_desk.services.catalogue import messages as message_records
from evidence_desk.services.catalogue import similar
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from evidence_desk.services.intake.messengers import import_export
from tests.helpers import redaction_canaries as rc
from tests.helpers.redaction_canaries import C

ORGANISATION = "Open Witness Network"
PUBLISHED_TITLE = "Riot police on Republic Square"


def _populate(root: Path):  # type: ignore[no-untyped-def]
    archive = create_archive(root / "archive", "Canary archive")
    folder = root / C.source_folder / "phone"
    folder.mkdir(parents=True)
    work = root / "work"
    work.mkdir()
    files = {
        "photo": rc.make_photo(folder / f"{C.fname_photo}.jpg"),
        "reviewed": rc.make_photo(folder / f"{C.fname_reviewed}.jpeg"),
        "png": rc.make_png(folder / f"{C.fname_png}.png"),
        "tiff": rc.make_tiff(folder / f"{C.fname_tiff}.tif"),
        "pdf": rc.make_pdf(folder / f"{C.fname_pdf}.pdf", work),
        "mp4": rc.make_video(folder / f"{C.fname_mp4}.mp4", "mp4"),
        "mov": rc.make_video(folder / f"{C.fname_mov}.mov", "mov"),
        "mp3": rc.make_song(folder / f"{C.fname_mp3}.mp3"),
    }
    # The two photos must differ in content to be two items.
    with open(files["reviewed"], "ab") as f:
        f.write(b"\x00")
    report = ingest(
        archive,
        [folder],
        provenance=Provenance(
            received_from=C.received_from,
            method=C.method_free_text,
            collector=C.provenance_collector,
            acquired_at=C.acquired,
            notes=C.provenance_notes,
        ),
    )
    assert report.ok, report.results
    ex = {
        key: next(r.exhibit for r in report.results if Path(r.path) == p)
        for key, p in files.items()
    }
    archive.actor = C.settings_collector  # a second person edits (the setting, not the OS user)
    items_service.update_fields(
        archive, ex["photo"], title=C.hand_title, description=C.description, notes=C.notes
    )
    items_service.set_tags(archive, [ex["photo"], ex["png"]], add=[C.tag])
    items_service.set_title(archive, ex["reviewed"], PUBLISHED_TITLE, publishable=True)
    items_service.update_fields(archive, ex["reviewed"], notes=C.notes_reviewed)
    similar.mark_same_scene(archive, ex["photo"], ex["reviewed"], note=C.item_link_note)
    testimony = case_testimonies.add_testimony(
        archive,
        witness_code="W-0001",
        statement="I saw the police disperse the square.",
        identity={
            "real_name": C.witness_real_name,
            "contact": C.witness_contact,
            "notes": C.witness_identity_notes,
        },
        pseudonym="Bota",
        interviewer=C.interviewer,
        risk_notes=C.risk_notes,
        consent_court=True,
        consent_publication=True,
        language="ru",
        sensitivity="restricted",
    )
    ex["testimony"] = testimony.exhibit
    incident = case_incidents.add_incident(
        archive, "Dispersal on the square", start="2022-01-05T10:00", offset="+06:00",
        notes=C.incident_notes,
    )  # fmt: skip
    ref = incident.ref
    case_incidents.link_items(archive, ref, [ex["photo"], "W-0001"], note=C.incident_link_note)
    hidden = case_persons.add_person(archive, [rc.SENSITIVE_NAME], sensitive=True)
    case_persons.update_person(archive, hidden.ref, notes=C.sensitive_person_notes)
    official = case_persons.add_person(archive, ["Public Official"], notes=C.person_notes)
    case_incidents.add_person(archive, ref, hidden.ref, "witness", note=C.role_note)
    case_incidents.add_person(archive, ref, official.ref, "alleged_perpetrator")
    case_persons.add_status(
        archive, hidden.ref, "detained", started="2022-01-06", incident=ref, note=C.status_note
    )
    case_persons.link_item(archive, ex["photo"], official.ref, note=C.person_link_note)
    case_persons.link_item(archive, ex["png"], official.ref, relation=C.person_link_relation)
    chats = root / "chats"
    chats.mkdir()
    for export in rc.make_chat_exports(chats):
        chat_report = import_export(archive, export, provenance=Provenance(method="chat export"))
        assert chat_report.messages_new == 3 and not chat_report.problems, chat_report.problems
    return archive, ex


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("canaries")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVIDENCE_DESK_CONFIG_DIR", str(root / "config"))
        mp.setattr(os, "getlogin", lambda: C.os_user)
        mp.setattr(socket, "gethostname", lambda: C.host_name)
        save_settings(Settings(organisation=ORGANISATION))
        archive, ex = _populate(root)
        # Verify runs before any export (their actor is the OS user canary): a whole-archive
        # run and one over two items, so a bundle of one of them carries a sealed run whose
        # full event names the other.
        assert verify(archive).ok
        assert verify(archive, [ex["photo"], ex["png"]]).ok
        # An earlier export to a folder whose path is a canary: its replication
        # events travel in every later bundle.
        (root / C.export_folder).mkdir()
        full = export_bundle(archive, None, out=root / C.export_folder / "full")
        (root / "out").mkdir()
        red = export_bundle(archive, None, profile="redacted", out=root / "out" / "red")
        red_zip = export_bundle(
            archive, None, profile="redacted", zip=True, out=root / "out" / "red.zip",
            exporter="Kestrel",
        )  # fmt: skip
        red_one = export_bundle(archive, [ex["photo"]], profile="redacted", out=root / "one")
        yield root, archive, ex, full, red, red_zip, red_one
        archive.close()


# Reading every byte --------------------------------------------------------------


def _inflated(data: bytes) -> Iterator[bytes]:
    """Every zlib stream in ``data``, inflated (PDF FlateDecode, PNG IDAT/zTXt/iCCP…)."""
    for m in re.finditer(rb"\x78[\x01\x5e\x9c\xda]", data):
        try:
            out = zlib.decompressobj().decompress(data[m.start() :], 64 << 20)
        except zlib.error:
            continue
        if out:
            yield out


def _pdf_texts(data: bytes) -> Iterator[bytes]:
    """A PDF's page text (fonts encode glyphs, not letters), objects and stream data."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        yield (page.extract_text() or "").encode()
    yield repr(reader.metadata).encode()
    ids = {idnum for generation in reader.xref.values() for idnum in generation}
    ids |= set(getattr(reader, "xref_objStm", {}))
    for idnum in sorted(ids):
        try:
            obj = reader.get_object(idnum)
        except Exception:  # noqa: BLE001 - free or damaged entries have nothing to read
            continue
        yield repr(obj).encode("utf-8", "replace")
        if hasattr(obj, "get_data"):
            try:
                yield obj.get_data()
            except Exception:  # noqa: BLE001 - image filters pypdf cannot decode
                pass


def _haystacks(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    yield name, data
    for n, inflated in enumerate(_inflated(data)):
        yield f"{name} (zlib stream {n})", inflated
    if data.startswith(b"%PDF"):
        for n, text in enumerate(_pdf_texts(data)):
            yield f"{name} (PDF object/text {n})", text
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                yield f"{name}: member name", info.filename.encode()
                yield from _haystacks(f"{name}:{info.filename}", zf.read(info))


def _files(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.is_file():
        yield from _haystacks(path.name, path.read_bytes())
        return
    for file in sorted(path.rglob("*")):
        yield f"{file.relative_to(path)}: file name", str(file.relative_to(path)).encode()
        if file.is_file():
            yield from _haystacks(str(file.relative_to(path)), file.read_bytes())


def _forms(token: str) -> set[bytes]:
    found = set()
    for variant in {token, token.lower(), token.upper()}:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found.add(variant.encode(encoding))
    return found


def _canaries() -> dict[str, str]:
    tokens = dict(C.all)
    tokens["sensitive_name"] = rc.SENSITIVE_NAME
    tokens["sensitive_name_part"] = rc.SENSITIVE_NAME.split()[1]
    tokens["gps_lat"], tokens["gps_lon"] = rc.GPS_TEXT
    tokens["phone_tg"], tokens["phone_wa"] = rc.PHONE_TEXT
    return tokens


def _hits(path: Path) -> dict[str, set[str]]:
    forms = {key: _forms(token) for key, token in _canaries().items()}
    hits: dict[str, set[str]] = {}
    for where, data in _files(path):
        for key, variants in forms.items():
            if any(v in data for v in variants):
                hits.setdefault(key, set()).add(where)
    return hits


# The tests -----------------------------------------------------------------------


def test_every_canary_was_planted(bundles) -> None:
    root, _, _, full, _, _, _ = bundles
    planted = set(_hits(root / "archive")) | set(_hits(full.path))
    # The first export's folder is only in its replication events, recorded in the archive.
    missing = set(_canaries()) - planted
    assert not missing, f"fixture did not plant: {sorted(missing)}"
    assert len(_canaries()) == 105


@pytest.mark.parametrize("which", ["folder", "zip", "one item"])
def test_redacted_bundle_holds_no_canary(bundles, which: str) -> None:
    _, _, _, _, red, red_zip, red_one = bundles
    bundle = {"folder": red, "zip": red_zip, "one item": red_one}[which]
    hits = _hits(bundle.path)
    assert hits == {}, "\n".join(f"{k}: {sorted(v)[:4]}" for k, v in sorted(hits.items()))
    if which == "one item":
        return
    assert bundle.exported, bundle.left_out
    # only the raw chat files (result.json, the WhatsApp zip) are left out
    assert [r for _, r in bundle.left_out] == [RAW_CHAT_REASON] * 2, bundle.left_out


def test_sealed_runs_name_no_item_left_out(bundles) -> None:
    """A bundle of one item carries the sealed verify runs that covered it, checked; no
    byte of it names another item (the selection run's full event lists two)."""
    _, _, ex, full, _, _, red_one = bundles
    report = verify_bundle(red_one.path)
    assert report.ok, report.problems
    entries = json.loads((red_one.path / L.CUSTODY_JSON).read_text("utf-8"))["entries"]
    runs = [e for e in entries if e.get("event_type") == "fixity run"]
    assert {r["details"]["scope"] for r in runs} == {"archive", "selection"}
    assert all(r["sealed"] and "selection" not in r["details"] for r in runs)
    others = [r["id"] for e, r in _records(full.path).items() if e != ex["photo"]]
    assert len(others) > 10
    for where, data in _files(red_one.path):
        for uuid in others:
            assert uuid.encode() not in data and uuid.replace("-", "").encode() not in data, where


def test_redacted_bundle_still_verifies_and_has_every_kind(bundles) -> None:
    _, _, ex, _, red, red_zip, _ = bundles
    for bundle in (red, red_zip):
        report = verify_bundle(bundle.path)
        assert report.ok, report.problems
    media = {e for m in message_records.list_messages(red_archive(bundles)) for e in m.media}
    assert len(media) == 3
    assert sorted(red.exported) == sorted([*ex.values(), *media])
    for bundle in (red,):
        document = json.loads((bundle.path / "data/metadata/messages.json").read_text("utf-8"))
        assert len(document["messages"]) == 3  # those that carried an exported file
        assert {c["name"] for c in document["chats"]} == {"Chat 1", "Chat 2"}


def red_archive(bundles):  # type: ignore[no-untyped-def]
    return bundles[1]


def _records(bundle: Path) -> dict[str, dict]:
    items = json.loads((bundle / L.ITEMS_JSON).read_text(encoding="utf-8"))
    return {r["exhibit"]: r for r in items["items"]}


def test_titles_are_exhibit_numbers_unless_reviewed(bundles) -> None:
    _, _, ex, _, red, _, _ = bundles
    records = _records(red.path)
    assert records[ex["reviewed"]]["title"] == PUBLISHED_TITLE
    for key in ("photo", "png", "tiff", "pdf", "mp4", "mov", "mp3", "testimony"):
        assert records[ex[key]]["title"] == ex[key]
    html = (red.path / L.REPORT_HTML).read_text(encoding="utf-8")
    assert PUBLISHED_TITLE in html


def test_exporter_is_the_chosen_identity(bundles) -> None:
    _, _, _, _, red, red_zip, _ = bundles
    header = json.loads((red.path / L.ITEMS_JSON).read_text(encoding="utf-8"))
    assert header["exported_by"] == ORGANISATION
    bag_info = (red.path / "bag-info.txt").read_text(encoding="utf-8")
    assert f"Contact-Name: {ORGANISATION}" in bag_info
    with zipfile.ZipFile(red_zip.path) as zf:
        top = zf.namelist()[0].split("/")[0]
        header = json.loads(zf.read(f"{top}/{L.ITEMS_JSON}"))
        assert header["exported_by"] == "Kestrel"
        assert "Exported by" in zf.read(f"{top}/{L.REPORT_HTML}").decode()


def test_custody_keeps_types_times_hashes_with_pseudonyms(bundles) -> None:
    _, _, _, full, red, _, _ = bundles
    entries = json.loads((red.path / L.CUSTODY_JSON).read_text(encoding="utf-8"))["entries"]
    events = [e for e in entries if "withheld" not in e]
    assert {e["actor"] for e in events} == {"custodian 1", "custodian 2"}
    assert all(e["occurred_at"] and e["event_type"] and len(e["hash"]) == 64 for e in events)
    replications = [e for e in events if e["event_type"] == "replication"]
    assert replications and all("destination" not in e["details"] for e in replications)
    assert {e["details"]["bundle"] for e in replications} == {full.bundle_uuid}


def test_every_image_is_pixels_only(bundles) -> None:
    _, archive, ex, _, red, _, _ = bundles
    images = [p for p in red.path.rglob("*") if p.suffix in (".jpg", ".png")]
    assert len(images) >= 8  # four photos/drawings and their thumbnails
    for path in images:
        with Image.open(path) as im:
            im.load()
            extra = set(im.info) - {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
            extra -= {"exif"} if path.parent.name == "objects" else set()
            assert not extra, (path.name, extra)
            if "exif" in im.info:  # only the orientation of a photo to be turned
                assert dict(im.getexif()) == {0x0112: 6}, path.name
    record = _records(red.path)[ex["photo"]]
    with Image.open(red.path / record["bundle"]["file"]) as copy:
        with Image.open(archive.store.path_for(record["sha256"])) as original:
            assert copy.tobytes() == original.tobytes()  # lossless


def test_a_file_name_title_cannot_be_marked_publishable(bundles) -> None:
    _, archive, ex, _, _, _, _ = bundles
    with pytest.raises(EvidenceDeskError, match="file name"):
        items_service.set_title(archive, ex["png"], publishable=True)
    before = items_service.get_item(archive, ex["png"])["title"]
    with pytest.raises(EvidenceDeskError, match="file name"):  # the stem, in other case
        items_service.set_title(archive, ex["png"], C.fname_png.lower(), publishable=True)
    assert items_service.get_item(archive, ex["png"])["title"] == before  # nothing changed
    item = items_service.set_title(archive, ex["reviewed"], "A new title")
    assert item["title"] == "A new title" and item["title_publishable"] is False
