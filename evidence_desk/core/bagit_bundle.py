"""A streaming BagIt 1.0 (RFC 8493) writer, into a folder or a stored zip.

Why our own writer: the ``bagit`` library re-reads every payload file to
hash it and cannot write into a zip, so a many-GB export would read its data
twice and need a second copy on disk. Here each payload file is read once,
hashed while it is written, and memory stays constant (one 4 MiB buffer
plus one manifest line per file).

Everything is written under a temporary name beside the destination
(``.NAME.partial-…``) and renamed into place only by :meth:`BagWriter.commit`,
so a cancelled or failed export leaves no half bundle behind.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from evidence_desk.core import export_leftovers
from evidence_desk.core.atomic_file import fsync_dir
from evidence_desk.core.bundle_layout import BAG_INFO, BAGIT_TXT, MANIFEST, TAGMANIFEST
from evidence_desk.core.store.base import Cancelled

CHUNK = 4 * 1024 * 1024
BAGIT_TXT_BYTES = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


_T = TypeVar("_T")


class Writable(Protocol):
    def write(self, data: bytes | memoryview, /) -> int | None: ...


def encode_path(path: str) -> str:
    """Manifest form of a path: RFC 8493 §2.1.3 percent-encodes CR, LF and %."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%25", "%")
    )


def manifest_bytes(entries: Iterable[tuple[str, str]]) -> bytes:
    """``<sha256>  <path>`` lines sorted by path; two spaces, as ``sha256sum`` writes."""
    lines = [f"{digest}  {encode_path(path)}\n" for path, digest in sorted(entries)]
    return "".join(lines).encode("utf-8")


def bag_info_bytes(fields: Iterable[tuple[str, str]]) -> bytes:
    """``Label: value`` lines; line breaks in values become spaces (one line per tag)."""
    out = []
    for label, value in fields:
        flat = " ".join(str(value).split())
        out.append(f"{label}: {flat}\n")
    return "".join(out).encode("utf-8")


def copy_hashing(
    src: BinaryIO,
    write: Callable[[memoryview], object],
    *,
    on_bytes: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[str, int]:
    """Copy ``src`` to ``write`` once, hashing each chunk while it is in cache.

    Deliberately on one thread: handing 4 MiB chunks to a writer thread was
    measured 2-3x slower on two cores (the threads queue on the GIL at every
    hand-over), while read, SHA-256, CRC and write of the same chunk in turn
    run faster than ``zip -0`` alone (see docs/bundles.md, Benchmarks).
    """
    h = hashlib.sha256()
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    size = 0
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled()
        n = src.readinto(buf)  # type: ignore[attr-defined]  # typing.BinaryIO omits readinto; real streams have it
        if not n:
            break
        chunk = view[:n]
        h.update(chunk)
        write(chunk)
        size += n
        if on_bytes is not None:
            on_bytes(n)
    return h.hexdigest(), size


class _Sink:
    """Where the bag's files go; knows how to finish or throw away the whole bag."""

    def __init__(self, dest: Path) -> None:
        self.dest = Path(dest)
        self.tmp = self.dest.parent / f".{self.dest.name}.partial-{uuid.uuid4().hex[:8]}"
        self._lock: int | None = None  # held while writing: marks the temporary as live

    def write_stream(self, name: str, size: int | None, fill: Callable[[Writable], _T]) -> _T:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Rename the finished temporary bag to its final name."""
        self.close()
        if self.dest.exists() or self.dest.is_symlink():
            raise FileExistsError(f"{self.dest} appeared while the bundle was written")
        os.rename(self.tmp, self.dest)
        fsync_dir(self.dest.parent)
        export_leftovers.release(self._lock)
        self._lock = None

    def discard(self) -> None:
        raise NotImplementedError


class FolderSink(_Sink):
    def __init__(self, dest: Path) -> None:
        super().__init__(dest)
        self.tmp.mkdir()
        self._lock = export_leftovers.hold(self.tmp)
        self._dirs: set[Path] = {self.tmp}

    def write_stream(self, name: str, size: int | None, fill: Callable[[Writable], _T]) -> _T:
        path = self.tmp / name
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        with open(path, "xb") as out:
            result = fill(out)
            out.flush()
            os.fsync(out.fileno())
        return result

    def close(self) -> None:
        for folder in sorted(self._dirs, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(folder)

    def discard(self) -> None:
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)
        export_leftovers.release(self._lock)


class ZipSink(_Sink):
    """A zip with every entry stored (no recompression), under one top folder (RFC 8493 §4)."""

    def __init__(self, dest: Path, top: str) -> None:
        super().__init__(dest)
        self.top = top
        self._file = open(self.tmp, "xb")
        self._lock = export_leftovers.hold(self.tmp)
        self._zip = zipfile.ZipFile(self._file, "w", zipfile.ZIP_STORED, allowZip64=True)
        self._closed = False

    def write_stream(self, name: str, size: int | None, fill: Callable[[Writable], _T]) -> _T:
        info = zipfile.ZipInfo(f"{self.top}/{name}", time.localtime()[:6])
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o100644 << 16
        if size is not None:
            info.file_size = size
        with self._zip.open(info, "w", force_zip64=size is None or size >= 2**31) as out:
            return fill(out)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._zip.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def discard(self) -> None:
        try:
            if not self._closed:
                self._closed = True
                try:
                    self._zip.close()
                except Exception:  # noqa: BLE001 - the file is removed anyway
                    pass
                self._file.close()
        finally:
            self.tmp.unlink(missing_ok=True)
            export_leftovers.release(self._lock)


class AgeZipSink(ZipSink):
    """The same zip, written straight into an age file for ``recipients``.

    Nothing of the bundle is written in clear, not even a temporary file: the
    zip goes through an unseekable AgeWriter (zipfile then uses data
    descriptors), and only the ciphertext reaches the disk.
    """

    def __init__(self, dest: Path, top: str, recipients: list[str]) -> None:
        from evidence_desk.core.crypto.recipients import AgeWriter

        _Sink.__init__(self, dest)
        self.top = top
        self._file = open(self.tmp, "xb")
        try:
            self._age = AgeWriter(self._file, recipients)
        except BaseException:
            self._file.close()
            self.tmp.unlink(missing_ok=True)
            raise
        self._zip = zipfile.ZipFile(self._age, "w", zipfile.ZIP_STORED, allowZip64=True)
        self._closed = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._zip.close()
        self._age.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def discard(self) -> None:
        try:
            if not self._closed:
                self._closed = True
                for step in (self._zip.close, self._age.close):
                    try:
                        step()
                    except Exception:  # noqa: BLE001 - the file is removed anyway
                        pass
                self._file.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class BagWriter:
    """Adds payload and tag files and keeps the manifests."""

    def __init__(
        self, dest: Path, *, zip: bool = False, recipients: list[str] | None = None
    ) -> None:
        dest = Path(dest)
        self.sink: _Sink
        if recipients:
            self.sink = AgeZipSink(dest, _bag_name(dest), recipients)
        else:
            self.sink = ZipSink(dest, _bag_name(dest)) if zip else FolderSink(dest)
        self.payload: list[tuple[str, str]] = []
        self.payload_bytes = 0
        self.tags: list[tuple[str, str]] = []

    @property
    def temp_path(self) -> Path:
        return self.sink.tmp

    def add_stream(
        self,
        name: str,
        src: BinaryIO,
        size: int | None = None,
        *,
        on_bytes: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[str, int]:
        """A payload file (``data/…``) copied from ``src``; returns (sha256, size)."""
        if not name.startswith("data/"):
            raise ValueError(f"payload files live under data/: {name}")

        def fill(out: Writable) -> tuple[str, int]:
            return copy_hashing(src, out.write, on_bytes=on_bytes, cancelled=cancelled)

        digest, n = self.sink.write_stream(name, size, fill)
        if size is not None and n != size:
            raise OSError(f"{name}: expected {size} bytes, read {n}")
        self.payload.append((name, digest))
        self.payload_bytes += n
        return digest, n

    def add_file(self, name: str, path: Path, **kwargs) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        with open(path, "rb") as src:
            return self.add_stream(name, src, os.fstat(src.fileno()).st_size, **kwargs)

    def add_bytes(self, name: str, data: bytes) -> str:
        import io

        return self.add_stream(name, io.BytesIO(data), len(data))[0]

    def _tag(self, name: str, data: bytes, covered: bool = True) -> None:
        self.sink.write_stream(name, len(data), lambda out: out.write(data))
        if covered:
            self.tags.append((name, hashlib.sha256(data).hexdigest()))

    def payload_oxum(self) -> str:
        return f"{self.payload_bytes}.{len(self.payload)}"

    def write_tag_files(self, info: list[tuple[str, str]]) -> bytes:
        """bagit.txt, bag-info.txt (+ Payload-Oxum), the manifests; returns the tag manifest."""
        self._tag(BAGIT_TXT, BAGIT_TXT_BYTES)
        self._tag(BAG_INFO, bag_info_bytes([*info, ("Payload-Oxum", self.payload_oxum())]))
        self._tag(MANIFEST, manifest_bytes(self.payload))
        tagmanifest = manifest_bytes(self.tags)
        self._tag(TAGMANIFEST, tagmanifest, covered=False)
        return tagmanifest

    def add_uncovered(self, name: str, data: bytes) -> None:
        """A file outside both manifests (the detached signature and its key)."""
        self._tag(name, data, covered=False)

    def commit(self) -> None:
        self.sink.commit()

    def discard(self) -> None:
        self.sink.discard()


def _bag_name(dest: Path) -> str:
    """The zip's top folder: the bundle's name, with bytes that are not UTF-8 shown as U+FFFD
    (a zip entry name must be text; the file itself keeps its own name)."""
    name = os.fsencode(dest.name).decode("utf-8", "replace")
    if name.lower().endswith(".age"):  # an encrypted zip (.zip.age) keeps the zip's name
        name = name[:-4]
    return name[:-4] if name.lower().endswith(".zip") else name
