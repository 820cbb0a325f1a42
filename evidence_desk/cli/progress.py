"""A terminal progress bar that stays silent when output is piped."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidence_desk.services.work import Progress


class ProgressBar:
    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, state: Progress) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=state.bytes_total,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc=self.label,
                file=sys.stderr,
                dynamic_ncols=True,
                mininterval=0.2,
            )
        self.bar.n = state.bytes_done
        self.bar.set_postfix_str(f"{state.files_done}/{state.files_total} files", refresh=False)
        self.bar.refresh()
