"""The JSON members of a bundle: parsed strictly, validated by schema, then cross-checked.

Part of ``verify_bundle``. Each member is read once, its bytes hashed and
compared with the manifest (so the document validated is exactly the one the
signature covers, even if the medium changes between the hashing pass and
this one), parsed with :mod:`core.strict_json` and validated against its
schema in :mod:`core.bundle_schemas`. The documents that pass are kept on the
report for import, which therefore never parses a member itself.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import bundle_schemas, custody_checkpoint, fixity_run, signing
from evidence_desk.core.bagit_read import BagFormatError, BagReader
from evidence_desk.core.bundle_custody import check_segment

if TYPE_CHECKING:
    from evidence_desk.services.bundles.verify import BundleReport

METADATA_CAP = 1 * 2**30  # a JSON member is parsed in memory: 1 GiB is ~300,000 items
JSON_SUFFIXES = (".json", ".geojson")


def check_bag_info(report: BundleReport, info: list[tuple[str, str]]) -> None:
    doc = bundle_schemas.bag_info_document(info)
    problems = doc if isinstance(doc, list) else list(bundle_schemas.schema_errors(L.BAG_INFO, doc))
    for problem in problems[:3]:
        report.add("metadata", L.BAG_INFO, str(problem))


def _members(bag: BagReader) -> list[str]:
    """The registered members present or required, then unknown JSON files (refused)."""
    names = [n for n in bundle_schemas.REGISTRY if n != L.BAG_INFO]
    names = [n for n in names if n in bag.files or n in bundle_schemas.REQUIRED]
    extra = sorted(
        n
        for n in bag.files
        if n.startswith(L.METADATA_DIR + "/")
        and n.endswith(JSON_SUFFIXES)
        and n not in bundle_schemas.REGISTRY
    )
    return names + extra


def check_documents(bag: BagReader, report: BundleReport, manifest: dict[str, str]) -> None:
    """Validate every JSON member; keep the valid ones; cross-check items and custody."""
    for name in _members(bag):
        if name not in bundle_schemas.REGISTRY:
            report.add("metadata", name, f"{name}: no schema is registered for this member")
            continue
        try:
            data = bag.read_small(name, METADATA_CAP)
        except BagFormatError as exc:
            report.add("metadata", name, f"{name}: {exc}")
            continue
        if name in manifest and hashlib.sha256(data).hexdigest() != manifest[name]:
            # Already reported by the hashing pass, unless it changed since: either way
            # the bundle is refused, and the content is still validated so the report can
            # name what is wrong inside it.
            if not any(p.path == name for p in report.problems):
                report.add("checksum", name, f"{name} changed while the bundle was being checked")
        document, problems = bundle_schemas.parse_member(name, data)
        for problem in problems[:3]:
            report.add("metadata", name, str(problem))
        if document is not None:
            report.documents[name] = document
    _check_headers(report)
    items = report.documents.get(L.ITEMS_JSON)
    if items is not None:
        _check_items(report, items["items"], manifest)
    custody = report.documents.get(L.CUSTODY_JSON)
    if custody is not None:
        result = check_segment(custody["entries"])
        report.custody_checked = result.checked
        report.custody_sealed = result.sealed
        report.custody_withheld = result.withheld
        for message in result.problems or []:
            report.add("custody", L.CUSTODY_JSON, f"{L.CUSTODY_JSON}: {message}")
        originals = {r["id"]: r["sha256"] for r in items["items"]} if items is not None else {}
        for message in fixity_run.run_problems(custody["entries"], originals):
            report.add("custody", L.CUSTODY_JSON, f"{L.CUSTODY_JSON}: {message}")
    checkpoint = report.documents.get(L.CUSTODY_CHECKPOINT)
    if checkpoint is not None:
        _check_checkpoint(bag, report, checkpoint)
    if any(p.kind == "metadata" for p in report.problems):
        report.documents.clear()  # import reads nothing from a bundle with a bad member


def _check_checkpoint(bag: BagReader, report: BundleReport, document: dict[str, Any]) -> None:
    """The sender's custody checkpoint, when signed by the key that signed the bundle: its
    signature must hold and it must name the archive bag-info.txt names (see
    core/custody_checkpoint.py). Checked only once the bundle's own signature holds:
    otherwise that is the problem to report."""
    name = L.CUSTODY_CHECKPOINT
    if not report.signature_valid:
        return
    if document["key_fingerprint"] != report.signer_fingerprint:
        # Not vouched for by this bundle's signer (a bundle re-signed by someone else):
        # it proves nothing here, and whether to trust the signer is the signers' check.
        return
    try:
        key = signing.load_public_key_pem(bag.read_small(L.PUBLIC_KEY, 16384))
        custody_checkpoint.check_signature(custody_checkpoint.Checkpoint(**document), key, name)
    except (BagFormatError, signing.SigningKeyError, custody_checkpoint.CheckpointError) as exc:
        report.add("custody", name, str(exc))
        return
    uuid = (report.archive_uuid or "").lower()
    if uuid and document["archive_uuid"] != uuid:
        report.add(
            "custody",
            name,
            f"{name}: /archive_uuid: {document['archive_uuid']} disagrees with bag-info.txt",
        )


def _check_headers(report: BundleReport) -> None:
    """The JSON members must name the same archive, bundle, profile and key as bag-info.txt,
    which is what the signer check and the provenance records go by."""
    expected = {
        "/archive/uuid": report.archive_uuid,
        "/bundle": report.bundle_uuid,
        "/profile": report.profile,
        "/signing_key_fingerprint": report.declared_fingerprint,
    }
    for name in (L.ITEMS_JSON, L.CUSTODY_JSON):
        document = report.documents.get(name)
        if document is None:
            continue
        for pointer, want in expected.items():
            keys = pointer.strip("/").split("/")
            value: Any = document
            for key in keys:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None and want is not None and str(value).lower() != want.lower():
                report.add(
                    "metadata", name, f"{name}: {pointer}: {value!r} disagrees with bag-info.txt"
                )


def _check_items(
    report: BundleReport, records: list[dict[str, Any]], manifest: dict[str, str]
) -> None:
    report.items = len(records)
    seen_ids: set[str] = set()
    seen_exhibits: set[str] = set()
    for n, record in enumerate(records):
        where = f"{L.ITEMS_JSON}: /items/{n}"
        bundle = record["bundle"]
        file = bundle["file"]
        if record["id"] in seen_ids:
            report.add("metadata", L.ITEMS_JSON, f"{where}/id: the same item twice")
        if record["exhibit"] in seen_exhibits:
            report.add("metadata", L.ITEMS_JSON, f"{where}/exhibit: the same exhibit twice")
        seen_ids.add(record["id"])
        seen_exhibits.add(record["exhibit"])
        if manifest.get(file) is None:
            report.add(
                "metadata", L.ITEMS_JSON, f"{where}/bundle/file: {file} is not in the bundle"
            )
        elif manifest[file] != bundle["sha256"]:
            report.add(
                "metadata",
                L.ITEMS_JSON,
                f"{where}/bundle/sha256: item {record['exhibit']} disagrees with the manifest",
            )
        elif not bundle.get("redacted") and bundle["sha256"] != record["sha256"]:
            report.add(
                "metadata",
                L.ITEMS_JSON,
                f"{where}/sha256: an unredacted copy must have the original's SHA-256",
            )


def document(report: BundleReport, name: str) -> Any:
    """A validated member, for import (None when the bundle does not carry it)."""
    return report.documents.get(name)
