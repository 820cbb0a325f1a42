"""Removal is explicit, reasoned, logged, keeps the original, and can be undone."""

from __future__ import annotations

import pytest

from evidence_desk.services.archive import custody
from evidence_desk.services.archive.errors import EvidenceDeskError
from evidence_desk.services.catalogue import listing as catalogue
from evidence_desk.services.catalogue import removal
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests import media


def test_remove_and_restore(archive, tmp_path):
    media.make_jpeg(tmp_path / "a.jpg")
    (result,) = ingest(archive, [tmp_path / "a.jpg"], provenance=Provenance()).new
    with pytest.raises(EvidenceDeskError):
        removal.remove_items(archive, [result.item_uuid], reason=" ")
    done = removal.remove_items(archive, [result.item_uuid], reason="duplicate of a paper copy")
    assert done.changed == [result.exhibit]
    assert catalogue.query_ids(archive) == []
    assert catalogue.query_ids(archive, catalogue.Filters(removed=True)) == [result.item_id]
    assert archive.store.exists(result.sha256)
    event = custody.events_for_item(archive, result.item_uuid)[-1]
    assert event.event_type == "deletion"
    assert event.details["reason"] == "duplicate of a paper copy"
    assert event.details["original_kept"] is True
    assert removal.remove_items(archive, [result.item_uuid], reason="again").unchanged
    assert verify(archive).ok

    back = removal.restore_items(archive, [result.item_uuid], reason="removed by mistake")
    assert back.changed == [result.exhibit]
    assert catalogue.query_ids(archive) == [result.item_id]
    assert custody.events_for_item(archive, result.item_uuid)[-1].details["field"] == "removed"
