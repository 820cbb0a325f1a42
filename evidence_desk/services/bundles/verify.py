"""Verifying a bundle anywhere, without an archive.

The checks, each reported by name so a recipient knows what is wrong:

- safety: the bundle's names and entries (see core.safe_zip); a hostile
  bundle is reported and nothing else is read;
- structure: bagit.txt, bag-info.txt and the two SHA-256 manifests parse;
- completeness: every manifest entry is present and no payload file is
  missing from the manifest; Payload-Oxum matches (checked before hashing,
  so an entry bigger than declared is caught before it is read);
- checksums: every payload file and every tag file listed in the tag
  manifest is re-hashed (two files at a time: SHA-256 releases the GIL);
- signature: Ed25519 over tagmanifest-sha256.txt with the key in the bundle,
  whose fingerprint must match the one bag-info.txt declares (and the one
  the caller expects, when given);
- custody: every event's own hash and every link of the custody segment;
- schemas: bag-info.txt and every JSON member against its registered schema
  (core.bundle_schemas), parsed strictly; the documents that pass are kept
  on the report, and import reads only those;
- consistency: each item in items.json points to a manifest entry with the
  hash it claims.

A bundle that cannot be opened at all is ``unreadable`` (the CLI exits 2);
anything else wrong is a problem (exit 1). Nothing here raises on bad input.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import signing
from evidence_desk.core.bagit_bundle import BAGIT_TXT_BYTES
from evidence_desk.core.bagit_read import (
    READ_ERRORS,
    BagFormatError,
    BagReader,
    describe_error,
    info_value,
    open_bag,
    parse_bag_info,
    parse_manifest,
)
from evidence_desk.core.safe_zip import HostileBundle
from evidence_desk.services.bundles.documents import check_bag_info, check_documents
from evidence_desk.services.work import (
    CancelCheck,
    Progress,
    ProgressCallback,
    never_cancelled,
    no_progress,
)

CHUNK = 1024 * 1024


_RANK = {
    kind: n
    for n, kind in enumerate(
        ("unsafe", "structure", "metadata", "custody", "missing", "extra", "oxum", "signature",
         "tagmanifest", "checksum")
    )
}  # fmt: skip


@dataclass
class BundleProblem:
    kind: str  # unsafe | structure | missing | extra | checksum | oxum | tagmanifest
    # | signature | custody | metadata
    path: str | None
    message: str


@dataclass
class BundleReport:
    path: str
    problems: list[BundleProblem] = field(default_factory=list)
    files_checked: int = 0
    bytes_checked: int = 0
    signature_valid: bool = False
    signer_fingerprint: str | None = None
    declared_fingerprint: str | None = None
    archive_uuid: str | None = None
    archive_name: str | None = None
    bundle_uuid: str | None = None
    profile: str | None = None
    items: int = 0
    custody_checked: int = 0
    custody_sealed: int = 0
    custody_withheld: int = 0
    cancelled: bool = False
    hostile: bool = False
    unreadable: bool = False
    # Validated JSON members by name; what import reads (never serialised).
    documents: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled and self.signature_valid

    def ranked(self) -> list[BundleProblem]:
        """Problems, the most telling first: what is unsafe or malformed inside before the
        hash and signature failures that any change causes."""
        return sorted(self.problems, key=lambda p: _RANK.get(p.kind, len(_RANK)))

    def add(self, kind: str, path: str | None, message: str) -> None:
        self.problems.append(BundleProblem(kind, path, message))

    def as_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("problems", "documents")}
        data["ok"] = self.ok
        data["problems"] = [p.__dict__ for p in self.problems]
        return data


def verify_bundle(
    path: Path,
    *,
    expected_fingerprint: str | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
    fileobj: BinaryIO | None = None,
) -> BundleReport:
    """Check a bundle; ``fileobj`` is a zip's content already decrypted (an age bundle)."""
    report = BundleReport(str(path))
    try:
        bag = open_bag(Path(path), fileobj=fileobj)
    except HostileBundle as exc:
        report.hostile = True
        report.add("unsafe", None, f"unsafe bundle, not read: {exc}")
        return report
    except BagFormatError as exc:
        report.unreadable = True
        report.add("structure", None, str(exc))
        return report
    except READ_ERRORS as exc:
        report.unreadable = True
        report.add("structure", None, f"cannot read {path}: {describe_error(exc)}")
        return report
    with bag:
        try:
            _verify(bag, report, expected_fingerprint, progress, cancelled)
        except READ_ERRORS as exc:  # the medium failed under us: a finding, not a crash
            report.add("structure", None, f"reading the bundle failed: {describe_error(exc)}")
    return report


def _verify(
    bag: BagReader,
    report: BundleReport,
    expected: str | None,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    try:
        bagit_txt = bag.read_small(L.BAGIT_TXT, 4096)
        info = parse_bag_info(bag.read_small(L.BAG_INFO, 2**20))
        manifest_raw = bag.read_small(L.MANIFEST)
        tagmanifest_raw = bag.read_small(L.TAGMANIFEST)
    except BagFormatError as exc:
        report.add("structure", None, f"not a complete bag: {exc}")
        return
    if parse_bag_info(bagit_txt) != parse_bag_info(BAGIT_TXT_BYTES):
        report.add("structure", L.BAGIT_TXT, "bagit.txt does not declare BagIt 1.0 in UTF-8")
    check_bag_info(report, info)
    report.archive_uuid = info_value(info, "External-Identifier")
    report.archive_name = info_value(info, L.INFO_ARCHIVE_NAME)
    report.bundle_uuid = info_value(info, "Internal-Sender-Identifier")
    report.profile = info_value(info, L.INFO_PROFILE)
    report.declared_fingerprint = info_value(info, L.INFO_FINGERPRINT)
    manifest, bad = parse_manifest(manifest_raw, L.MANIFEST)
    tagmanifest, bad_tags = parse_manifest(tagmanifest_raw, L.TAGMANIFEST)
    for message in bad + bad_tags:
        report.add("structure", None, message)

    _check_signature(bag, report, tagmanifest_raw, expected)
    if not _check_completeness(bag, report, manifest, tagmanifest, info):
        # Payload bigger than declared: no payload file is read, but the JSON members
        # (each read with a cap) are still checked so the report names what is wrong.
        check_documents(bag, report, manifest)
        return
    _check_hashes(bag, report, {**manifest, **tagmanifest}, set(tagmanifest), progress, cancelled)
    if report.cancelled:
        return
    check_documents(bag, report, manifest)


def _check_signature(
    bag: BagReader, report: BundleReport, data: bytes, expected: str | None
) -> None:
    try:
        sig = bag.read_small(L.SIGNATURE, 4096)
        key = signing.load_public_key_pem(bag.read_small(L.PUBLIC_KEY, 16384))
        if len(sig) != 64:
            raise BagFormatError(f"{L.SIGNATURE} is {len(sig)} bytes, not an Ed25519 signature")
    except BagFormatError as exc:
        report.add("signature", L.SIGNATURE, f"bundle is not signed: {exc}")
        return
    except signing.SigningKeyError as exc:
        report.add("signature", L.PUBLIC_KEY, f"{L.PUBLIC_KEY}: {describe_error(exc)}")
        return
    fp = signing.fingerprint(key)
    report.signer_fingerprint = fp
    if not signing.verify(key, sig, data):
        report.add(
            "signature",
            L.SIGNATURE,
            "signature does not match tagmanifest-sha256.txt: the bundle was changed after "
            "signing, or signed by another key than signature/public-key.pem",
        )
        return
    declared = (report.declared_fingerprint or "").lower()
    if declared and declared != fp:
        report.add(
            "signature",
            L.SIGNATURE,
            f"signed by another key ({fp[:16]}…) than the archive's key named in "
            f"bag-info.txt ({declared[:16]}…)",
        )
        return
    if expected and expected.replace(" ", "").replace(":", "").lower() != fp:
        report.add(
            "signature",
            L.SIGNATURE,
            f"signed by key {fp[:16]}…, not by the expected key {expected[:16]}…",
        )
        return
    report.signature_valid = True


def _check_completeness(
    bag: BagReader,
    report: BundleReport,
    manifest: dict[str, str],
    tagmanifest: dict[str, str],
    info: list[tuple[str, str]],
) -> bool:
    payload = {n: s for n, s in bag.files.items() if n.startswith("data/")}
    for name in sorted(set(manifest) - set(payload)):
        report.add("missing", name, f"{name} is listed in the manifest but missing")
    for name in sorted(set(payload) - set(manifest)):
        report.add("extra", name, f"{name} is in the payload but not in the manifest")
    for name in sorted(n for n in manifest if not n.startswith("data/")):
        report.add("structure", name, f"manifest lists {name}, which is outside data/")
    for name in sorted(set(tagmanifest) - set(bag.files)):
        report.add("missing", name, f"tag file {name} is listed in the tag manifest but missing")
    for name in (L.BAG_INFO, L.BAGIT_TXT, L.MANIFEST):
        if name not in tagmanifest:
            report.add("tagmanifest", name, f"{name} is not covered by the tag manifest")
    oxum = info_value(info, "Payload-Oxum")
    actual = f"{sum(payload.values())}.{len(payload)}"
    if oxum is None:
        report.add("oxum", L.BAG_INFO, "bag-info.txt has no Payload-Oxum")
    elif oxum != actual:
        report.add(
            "oxum",
            L.BAG_INFO,
            f"Payload-Oxum declares {oxum} (bytes.files) but the payload is {actual}",
        )
        try:
            declared = int(oxum.split(".")[0])
        except ValueError:
            declared = -1
        if sum(payload.values()) > declared:
            report.add("oxum", None, "payload is bigger than declared; contents not read")
            return False
    return True


def _check_hashes(
    bag: BagReader,
    report: BundleReport,
    expected: dict[str, str],
    tag_names: set[str],
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    names = sorted(n for n in expected if n in bag.files)
    state = Progress(0, len(names), 0, sum(bag.files[n] for n in names))
    progress(state)
    lock = threading.Lock()

    def one(name: str) -> tuple[str, str | None]:
        h = hashlib.sha256()
        try:
            with bag.open(name) as f:
                while chunk := f.read(CHUNK):
                    if cancelled():
                        return name, "cancelled"
                    h.update(chunk)
                    with lock:
                        state.bytes_done += len(chunk)
                        progress(state)
        except Exception as exc:  # noqa: BLE001 - a damaged zip entry is a finding
            return name, f"unreadable: {exc}"
        return name, h.hexdigest()

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="verify-bundle") as pool:
        for name, digest in pool.map(one, names):
            if digest == "cancelled":
                report.cancelled = True
                continue
            state.files_done += 1
            state.current = name
            progress(state)
            report.files_checked += 1
            report.bytes_checked += bag.files[name]
            kind = "tagmanifest" if name in tag_names else "checksum"
            if digest is None or digest.startswith("unreadable"):
                report.add(kind, name, f"{name}: {digest}")
            elif digest != expected[name]:
                report.add(
                    kind,
                    name,
                    f"{name} has changed: SHA-256 is {digest[:16]}…, "
                    f"the {'tag manifest' if kind == 'tagmanifest' else 'manifest'} "
                    f"says {expected[name][:16]}…",
                )
