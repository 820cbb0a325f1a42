"""Where things live inside an evidence bundle, shared by export, verify and import.

Keeping the names in one place means the writer and the two readers can never
disagree about the layout documented in docs/bundles.md.
"""

from __future__ import annotations

import re

OBJECTS_DIR = "data/objects"
METADATA_DIR = "data/metadata"
REPORT_DIR = "data/report"
ITEMS_JSON = f"{METADATA_DIR}/items.json"
ITEMS_CSV = f"{METADATA_DIR}/items.csv"
PLACES_GEOJSON = f"{METADATA_DIR}/places.geojson"
CUSTODY_JSON = f"{METADATA_DIR}/custody.json"
# The exporting archive's signed custody checkpoint (core/custody_checkpoint.py),
# so the recipient holds a signed head of the sender's log as of the export.
CUSTODY_CHECKPOINT = f"{METADATA_DIR}/custody-checkpoint.json"
REPORT_HTML = f"{REPORT_DIR}/report.html"
REPORT_PDF = f"{REPORT_DIR}/report.pdf"
THUMBS_DIR = f"{REPORT_DIR}/thumbs"

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"

# Outside the tag manifest's coverage: a signature cannot sign itself.
SIGNATURE_DIR = "signature"
SIGNATURE = f"{SIGNATURE_DIR}/{TAGMANIFEST}.sig"
PUBLIC_KEY = f"{SIGNATURE_DIR}/public-key.pem"
FINGERPRINT = f"{SIGNATURE_DIR}/public-key.sha256"

ITEMS_FORMAT = "evidence-desk/bundle-items/1"
CUSTODY_FORMAT = "evidence-desk/bundle-custody/1"

# bag-info.txt labels of our own (RFC 8493 allows any label).
INFO_PROFILE = "Evidence-Desk-Profile"
INFO_ARCHIVE_NAME = "Evidence-Desk-Archive-Name"
INFO_EXPORTED_AT = "Evidence-Desk-Exported-At"
INFO_FINGERPRINT = "Evidence-Desk-Signing-Key-Fingerprint"

PROFILES = ("full", "redacted")

_EXT_RE = re.compile(r"^[A-Za-z0-9]{1,10}$")


def safe_extension(name: str | None) -> str:
    """The original extension when it is plain (letters and digits), else ``bin``.

    A plain extension keeps manifest lines free of characters that would need
    RFC 8493 percent-encoding, which ``sha256sum -c`` would not understand.
    """
    if name and "." in name:
        ext = name.rsplit(".", 1)[1]
        if _EXT_RE.match(ext):
            return ext.lower()
    return "bin"


def object_name(exhibit: str, sha256: str, extension: str) -> str:
    """``data/objects/ED-000001_<first 8 hex of SHA-256>.<ext>``."""
    return f"{OBJECTS_DIR}/{exhibit}_{sha256[:8]}.{extension}"


def thumb_name(exhibit: str) -> str:
    return f"{THUMBS_DIR}/{exhibit}.jpg"
