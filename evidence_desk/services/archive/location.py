"""Where the archive is: the default folder and the environment override.

Kept apart from ``archive`` (which loads the database layer) because every
command line, even ``--help``, names the default archive.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "evidence.sqlite"
ENV_ARCHIVE = "EVIDENCE_DESK_ARCHIVE"


def default_archive_path() -> Path:
    env = os.environ.get(ENV_ARCHIVE)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("evidence-desk", appauthor=False)) / "archive"


def creates_on_first_use(chosen: Path | None) -> bool:
    """Only the built-in default archive is created when missing.

    A folder named by the user or by ``EVIDENCE_DESK_ARCHIVE`` that is missing
    (an unmounted drive) is an error, never a fresh empty archive that
    evidence then goes into.
    """
    return chosen is None and not os.environ.get(ENV_ARCHIVE)
