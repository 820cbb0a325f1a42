"""One exported item as plain data, and the ``bundle`` block of its record.

Export builds these from the catalogue in one read transaction and then
works only with them, so the long copy of originals holds no database
session and the records can be written from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExportItem:
    item_id: int
    uuid: str
    exhibit: str
    sha256: str
    size: int
    kind: str
    mime_type: str
    extension: str
    record: dict[str, Any]  # items.json record, already redacted in the redacted profile
    redacted: bool = False
    removed: list[str] = field(default_factory=list)
    bundle_file: str | None = None
    bundle_sha256: str | None = None
    bundle_size: int | None = None

    def final_record(self) -> dict[str, Any]:
        """The record with where the item sits in the bundle and what was removed.

        ``sha256`` stays the original's hash (what a court matches against the
        archive); ``bundle.sha256`` is the hash of the file in this bundle,
        which differs only for redacted copies.
        """
        return {
            **self.record,
            "bundle": {
                "file": self.bundle_file,
                "sha256": self.bundle_sha256,
                "size": self.bundle_size,
                "redacted": self.redacted,
                "original_sha256": self.sha256,
                "removed": list(self.removed),
            },
        }
