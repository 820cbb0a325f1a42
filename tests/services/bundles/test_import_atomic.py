"""Import is all-or-nothing: a failure at any point, or a cancel, leaves no row, object,
thumbnail, custody event or trusted key behind, and the archive still verifies clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_desk.services.archive import custody
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles import case_records_import as case_bundle_import
from evidence_desk.services.bundles.export import export_bundle
from evidence_desk.services.bundles.importing import ImportRefused, import_bundle
from evidence_desk.services.bundles.signers import list_signers
from evidence_desk.services.case import incidents as case_incidents
from evidence_desk.services.case import testimonies as case_testimonies
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media
from tests.helpers.bundles import populate
from tests.helpers.hostile import archive_digest


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("atomic")
    with create_archive(root / "sender", "Sender") as sender:
        names = populate(sender, root / "in")
        case_testimonies.add_testimony(sender, witness_code="W-0001", statement="I saw it.",
                                       consent_court=True)  # fmt: skip
        incident = case_incidents.add_incident(sender, "Dispersal", start="2022-01-05")
        case_incidents.link_items(sender, incident.ref, [names["photo.jpg"], "W-0001"])
        export_bundle(sender, None, out=root / "bundle.zip", zip=True)
    return root / "bundle.zip"


@pytest.fixture
def receiver(tmp_path: Path):
    archive = create_archive(tmp_path / "receiver", "Receiver")
    media.make_jpeg(tmp_path / "own.jpg", color=(1, 2, 3))
    ingest(archive, [tmp_path / "own.jpg"], provenance=Provenance("own"))
    yield archive
    archive.close()


def _assert_untouched(receiver, before: str) -> None:
    assert archive_digest(receiver.root) == before
    assert verify(receiver).ok
    assert list_signers(receiver) == []


def test_failure_in_case_records_leaves_nothing(bundle, receiver, monkeypatch) -> None:
    before = archive_digest(receiver.root)

    def broken(self, rec):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk said no")

    monkeypatch.setattr(case_bundle_import._Context, "testimony", broken)
    with pytest.raises(ImportRefused, match="nothing was written.*RuntimeError"):
        import_bundle(receiver, bundle, trust_new_signer=True)
    _assert_untouched(receiver, before)


def test_failure_on_a_late_custody_event_leaves_nothing(bundle, receiver, monkeypatch) -> None:
    before = archive_digest(receiver.root)
    real = custody.append
    calls = {"n": 0}

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 9:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(custody, "append", failing)
    with pytest.raises(ImportRefused, match="No space left"):
        import_bundle(receiver, bundle, trust_new_signer=True)
    assert calls["n"] == 9
    _assert_untouched(receiver, before)


def test_cancel_while_staging_leaves_nothing(bundle, receiver) -> None:
    before = archive_digest(receiver.root)
    staged = {"n": 0}

    def progress(p) -> None:  # type: ignore[no-untyped-def]
        if p.current and p.current.startswith("ED-"):
            staged["n"] += 1

    report = import_bundle(
        receiver, bundle, trust_new_signer=True, progress=progress,
        cancelled=lambda: staged["n"] > 6,
    )  # fmt: skip
    assert report.cancelled and report.results == []
    _assert_untouched(receiver, before)


def test_after_a_failure_the_same_bundle_imports_whole(bundle, receiver, monkeypatch) -> None:
    monkeypatch.setattr(
        case_bundle_import._Context, "incident", lambda self, rec: 1 / 0
    )  # a bug, not a refusal
    with pytest.raises(ImportRefused, match="ZeroDivisionError"):
        import_bundle(receiver, bundle, trust_new_signer=True)
    monkeypatch.undo()
    report = import_bundle(receiver, bundle, trust_new_signer=True)
    assert report.count("new") == 7 and report.trusted_now
    assert report.case is not None and report.case.added.get("testimonies") == 1
    assert verify(receiver).ok
    (signer,) = list_signers(receiver)
    assert signer.status == "trusted" and signer.archive_name == "Sender"
