"""The SQL of the services, by feature; what is SQLite-specific is in ``db.dialect``."""

from collections.abc import Iterator, Sequence
from typing import Any

# Ids asked per IN (...): SQLite's bound-parameter limit was 999 before 3.32.
CHUNK = 500


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``values`` in slices of ``size``, in order."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
