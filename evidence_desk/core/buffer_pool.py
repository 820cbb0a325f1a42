"""Large I/O buffers kept between files.

A fresh buffer of a few MiB is backed by new pages: allocating and zeroing
them per file costs page faults (and holds the GIL), which for an archive of
small photos is more than the copy itself. A few buffers per size are kept
instead. They may hold the last bytes they carried (never written anywhere);
``clear`` zeroes and drops them, e.g. when an encrypted archive locks.
"""

from __future__ import annotations

import threading


class BufferPool:
    """Buffers by size, at most ``keep`` of each size kept between uses."""

    def __init__(self, keep: int) -> None:
        self._keep = keep
        self._spare: dict[int, list[bytearray]] = {}
        self._lock = threading.Lock()

    def take(self, size: int, count: int) -> list[bytearray]:
        with self._lock:
            spare = self._spare.setdefault(size, [])
            got = [spare.pop() for _ in range(min(count, len(spare)))]
        return got + [bytearray(size) for _ in range(count - len(got))]

    def give(self, size: int, buffers: list[bytearray]) -> None:
        with self._lock:
            spare = self._spare.setdefault(size, [])
            spare.extend(buffers[: max(0, self._keep - len(spare))])

    def clear(self) -> None:
        """Zero the kept buffers and let them go."""
        with self._lock:
            for spare in self._spare.values():
                for buffer in spare:
                    buffer[:] = bytes(len(buffer))
            self._spare.clear()


# The plaintext chunks ``core.crypto.stream.encrypt_stream`` reads into.
PLAINTEXT_CHUNKS = BufferPool(keep=6)
