"""Large I/O buffers kept between files.

A fresh 1 MiB ``bytearray`` is backed by new pages, and an ingest of many small
files would pay their page faults several times per file; a few buffers per
size are kept instead. They may hold the last bytes they carried (never written
anywhere); ``clear`` zeroes and drops them, e.g. when an encrypted archive locks.
"""

from __future__ import annotations

import threading


class BufferPool:
    """Chunk buffers kept between files: a fresh 1 MiB buffer costs page faults, and an
    ingest of many small files would pay them three times per file."""

    def __init__(self, per_size: int = 3, keep: int = 6) -> None:
        self._per_size = per_size
        self._keep = keep
        self._spare: dict[int, list[bytearray]] = {}
        self._lock = threading.Lock()

    def take(self, size: int) -> list[bytearray]:
        with self._lock:
            spare = self._spare.setdefault(size, [])
            got = [spare.pop() for _ in range(min(self._per_size, len(spare)))]
        return got + [bytearray(size) for _ in range(self._per_size - len(got))]

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
PLAINTEXT_CHUNKS = BufferPool()
