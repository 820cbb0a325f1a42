"""Reading one zip member exactly as long as its entry declares, not a byte more or less.

``zipfile`` checks a member's CRC when its declared size has been read, and
nothing else about the length of a deflate stream: a stream that ends early,
with the CRC of what it holds, reads short without a word, and a stream that
goes on past the declared size is cut there, the rest dropped unseen. Both
mean that another zip reader (the one a court or a partner uses) may extract
a different file from the same bundle than the one we verified, so both are
refused, as are bytes hidden after the end of the stream inside the entry.
"""

from __future__ import annotations

import zipfile
from typing import IO, Any, Protocol

_SETTLE = 1 << 16  # compressed bytes inflated at a time while checking the stream ends


class _Inflater(Protocol):
    eof: bool
    unconsumed_tail: bytes
    unused_data: bytes

    def decompress(self, data: bytes, max_length: int = 0, /) -> bytes: ...

    def flush(self, length: int = ..., /) -> bytes: ...


class _CountingInflater:
    """zlib's inflater, refusing output past the member's declared size."""

    def __init__(self, inner: _Inflater, name: str, limit: int) -> None:
        self._inner = inner
        self._name = name
        self._limit = limit
        self._given = 0

    @property
    def eof(self) -> bool:
        return self._inner.eof

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail

    @property
    def unused_data(self) -> bytes:
        return self._inner.unused_data

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        return self._count(self._inner.decompress(data, max_length))

    def flush(self) -> bytes:
        return self._count(self._inner.flush())

    def _count(self, out: bytes) -> bytes:
        self._given += len(out)
        if self._given > self._limit:
            raise zipfile.BadZipFile(
                f"{self._name}: the data run past the declared {self._limit:,} bytes"
            )
        return out


class WholeMember(zipfile.ZipExtFile):
    """A member that reads exactly its declared size, or raises BadZipFile naming it."""

    # zipfile's own state, which these checks read (CPython 3.11 and later).
    _compress_type: int
    _decompressor: Any
    _orig_file_size: int
    _compress_left: int
    _left: int
    _eof: bool

    def _count_output(self) -> None:
        inflater = self._decompressor
        if self._compress_type == zipfile.ZIP_DEFLATED and not isinstance(
            inflater, _CountingInflater
        ):
            self._decompressor = _CountingInflater(inflater, self.name, self._orig_file_size)

    def seek(self, offset: int, whence: int = 0) -> int:
        position = super().seek(offset, whence)
        self._count_output()  # a seek backwards starts a fresh inflater
        return position

    def _update_crc(self, newdata: bytes) -> None:
        super()._update_crc(newdata)  # type: ignore[misc]
        if not self._eof:
            return
        left = self._left
        if left > 0:
            raise zipfile.BadZipFile(f"{self.name}: the data end {left:,} bytes early")
        if self._compress_type == zipfile.ZIP_DEFLATED:
            self._check_stream_ends()

    def _check_stream_ends(self) -> None:
        """After the declared size: the stream must end, giving nothing more, and fill the
        entry to its last byte."""
        inflater = self._decompressor
        while not inflater.eof:
            try:
                more = inflater.unconsumed_tail or self._read2(_SETTLE)  # type: ignore[attr-defined]
            except EOFError:
                more = b""
            if not more:
                raise zipfile.BadZipFile(f"{self.name}: the compressed data never end")
            inflater.decompress(more, _SETTLE)
        hidden = len(inflater.unused_data) + self._compress_left
        if hidden:
            raise zipfile.BadZipFile(
                f"{self.name}: {hidden:,} bytes follow the end of its compressed data"
            )


def whole(member: IO[bytes]) -> WholeMember:
    """``member``, opened by ``zipfile``, made to read exactly its declared size."""
    assert isinstance(member, zipfile.ZipExtFile)
    member.__class__ = WholeMember  # type: ignore[assignment]
    assert isinstance(member, WholeMember)
    member._count_output()
    return member
