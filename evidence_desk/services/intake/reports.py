"""What an ingest is told (provenance) and what it answers (one result per file)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Provenance:
    """How one batch of files reached the archive."""

    received_from: str = ""
    method: str = ""
    collector: str = ""
    acquired_at: str | None = None
    notes: str = ""


@dataclass
class FileResult:
    path: str
    status: str  # "new" | "duplicate" | "failed" | "skipped"
    exhibit: str | None = None
    item_uuid: str | None = None
    item_id: int | None = None
    sha256: str | None = None
    messages: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    batch_uuid: str
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    aborted: str | None = None
    db_failed: bool = False

    def _with(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def new(self) -> list[FileResult]:
        return self._with("new")

    @property
    def duplicates(self) -> list[FileResult]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[FileResult]:
        return self._with("failed")

    @property
    def skipped(self) -> list[FileResult]:
        return self._with("skipped")

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled and self.aborted is None
