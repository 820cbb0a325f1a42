"""Checking a zip's central directory in bounded time and memory, instead of ``zipfile``.

``zipfile.ZipFile`` builds a Python object for every entry of the central
directory before anyone can look at the count: a zip with a million entries
took 19 s and 600 MB just to be refused, and one just under our entry limit
still 4.5 s and 270 MB. Here the end record is read first (a few bytes at
the end of the file), so an absurd entry count or directory size is refused
at once. Then the directory is streamed in 1 MiB chunks through one
``struct`` unpack per entry, and each entry is checked as it is met, the
first inconsistency ending the scan: its name (length, traversal, control
characters, duplicates after case folding), its kind (no links or devices),
its declared sizes against the file itself (a stored entry cannot be larger
than the zip that holds it), against the caps and against each other (no two
entries may share data), and the running total. No ``ZipInfo`` is made: what
is kept per entry is five machine integers in arrays and its name. A member
is opened through a ``ZipFile`` that skips its own directory parse, with a
``ZipInfo`` built for that one member (:meth:`Directory.info`).
"""

from __future__ import annotations

import bisect
import os
import struct
import zipfile
from array import array
from collections.abc import Iterator, Mapping
from typing import IO, BinaryIO

from evidence_desk.core.safe_zip import (
    HostileBundle,
    Limits,
    check_files_are_not_folders,
    entry_problem,
    fold,
    name_problem,
)
from evidence_desk.core.zip_member import WholeMember, whole

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_EOCD_SIG = b"PK\x05\x06"
_LOC64 = struct.Struct("<4sLQL")  # zip64 end of central directory locator, 20 bytes
_LOC64_SIG = b"PK\x06\x07"
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory record, 56 bytes
_EOCD64_SIG = b"PK\x06\x06"
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header, 46 bytes
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL = struct.Struct("<4s5H3L2H")  # local file header, 30 bytes
_LOCAL_SIG = b"PK\x03\x04"
_LOCAL_HEADER = _LOCAL.size
_DESCRIPTOR_SIG = b"PK\x07\x08"
_DESCRIPTOR = 0x8  # flag: crc and sizes follow the data
# Flags that change how the data are read: the local header must agree on them.
_READING_FLAGS = 0x1 | _DESCRIPTOR | 0x40 | 0x2000
_MAX_ENTRY = _CENTRAL.size + 3 * 0xFFFF
_CHUNK = 1 << 20
_UTF8_NAME = 0x800


class NotAZip(Exception):
    """No end-of-central-directory record: not a zip file (or cut short)."""


class Directory:
    """The checked entries of a zip: regular files by name, with what opening one needs."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}  # name -> index into the arrays below
        self.sizes = array("Q")
        self.compressed = array("Q")
        self.offsets = array("Q")
        self.crcs = array("L")
        self.flags = array("L")  # flag bits << 16 | compression method
        self.ends = array("Q")  # where the next entry (or the directory) starts
        self.entries = 0  # every entry, folders included

    def __len__(self) -> int:
        return self.entries

    def sizes_by_name(self, prefix: str = "") -> Sizes:
        """Member sizes by name less ``prefix`` (the bag's top folder, which every name has)."""
        return Sizes(self.files, self.sizes, prefix)

    def info(self, name: str) -> zipfile.ZipInfo:
        """A ``ZipInfo`` for member ``name`` (its whole name), as ``zipfile`` would make it."""
        i = self.files[name]
        return _zip_info(
            name, self.flags[i], self.compressed[i], self.sizes[i], self.crcs[i], self.offsets[i]
        )

    def open(self, reader: MemberReader, name: str) -> WholeMember:
        """Member ``name`` (its whole name), once its local header has been checked."""
        info = self.info(name)
        reader.check_local(info, self.ends[self.files[name]])
        return whole(reader.open(info))


class Sizes(Mapping[str, int]):
    """Member sizes by name, without copying the names: a name less the common prefix is
    looked up with the prefix put back, and the size read from the directory's array."""

    def __init__(self, index: dict[str, int], sizes: array[int], prefix: str = "") -> None:
        self._index = index
        self._sizes = sizes
        self._prefix = prefix

    def __getitem__(self, name: str) -> int:
        return self._sizes[self._index[self._prefix + name]]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._prefix + name in self._index

    def __iter__(self) -> Iterator[str]:
        cut = len(self._prefix)
        return (n[cut:] for n in self._index)

    def __len__(self) -> int:
        return len(self._index)


class MemberReader(zipfile.ZipFile):
    """A ``ZipFile`` for reading members described by a :class:`Directory`.

    Its own directory parse (the 270 MB of ``ZipInfo`` objects) is skipped:
    members are opened only by the ``ZipInfo`` that :meth:`Directory.info` makes.
    """

    def _RealGetContents(self) -> None:  # noqa: N802 - zipfile's name
        pass

    def check_local(self, info: zipfile.ZipInfo, end: int) -> None:
        """:func:`check_local` on this zip's shared file."""
        assert self.fp is not None
        with self._lock:  # type: ignore[attr-defined]
            check_local(self.fp, info, end)


def check_local(fp: IO[bytes], info: zipfile.ZipInfo, end: int) -> None:
    """BadZipFile naming the member when its local header (or data descriptor) disagrees
    with its central entry, or its data do not end exactly where the next entry starts."""
    fp.seek(info.header_offset)
    head = fp.read(_LOCAL.size)
    if len(head) < _LOCAL.size:
        raise zipfile.BadZipFile(f"{info.filename}: the local header is cut short")
    sig, _, flags, method, _, _, crc, comp, size, n, m = _LOCAL.unpack(head)
    raw_name = fp.read(n)
    data_end = info.header_offset + _LOCAL.size + n + m + info.compress_size
    descriptor = b""
    if info.flag_bits & _DESCRIPTOR:
        fp.seek(data_end)
        descriptor = fp.read(24)
    problem = _local_problem(info, sig, flags, method, (crc, comp, size))
    if not problem and raw_name.decode("utf-8" if flags & _UTF8_NAME else "cp437",
                                      "replace") != info.filename:  # fmt: skip
        problem = f"its local header names {raw_name[:200]!r}"
    if not problem and info.flag_bits & _DESCRIPTOR:
        length = _descriptor_length(descriptor, info)
        if length < 0:
            problem = "its data descriptor disagrees with the central directory"
        data_end += length
    if not problem and data_end > end:
        problem = "its data run into the next entry or the central directory"
    elif not problem and data_end < end:
        problem = f"{end - data_end:,} bytes after its data belong to no entry"
    if problem:
        raise zipfile.BadZipFile(f"{info.filename}: {problem}")


def _local_problem(
    info: zipfile.ZipInfo, sig: bytes, flags: int, method: int, declared: tuple[int, int, int]
) -> str | None:
    if sig != _LOCAL_SIG:
        return "no local header where the central directory places it"
    if (flags ^ info.flag_bits) & _READING_FLAGS:
        return "its local header's flags disagree with the central directory"
    if method != info.compress_type:
        return f"its local header says compression method {method}, not {info.compress_type}"
    central = (info.CRC, info.compress_size, info.file_size)
    for name, local, value in zip(
        ("CRC", "compressed size", "size"), declared, central, strict=True
    ):
        # With a data descriptor the local values may be zero; a zip64 entry's are 0xFFFFFFFF.
        allowed = {value, 0} if flags & _DESCRIPTOR else {value}
        if local not in allowed and not (name != "CRC" and local == 0xFFFFFFFF):
            return f"its local header declares another {name} than the central directory"
    return None


def _descriptor_length(raw: bytes, info: zipfile.ZipInfo) -> int:
    """Bytes of the data descriptor that agrees with ``info``, or -1."""
    skip = 4 if raw[:4] == _DESCRIPTOR_SIG else 0
    for fmt in ("<3L", "<LQQ"):
        width = struct.calcsize(fmt)
        if len(raw) >= skip + width:
            if struct.unpack_from(fmt, raw, skip) == (info.CRC, info.compress_size, info.file_size):
                return skip + width
    return -1


def _end_record(f: BinaryIO, size: int) -> tuple[int, int, int]:
    """(entries, directory size, directory start) from the (zip64) end records."""
    tail_len = min(size, _EOCD.size + 0xFFFF + _LOC64.size)
    f.seek(size - tail_len)
    tail = f.read(tail_len)
    pos = tail.rfind(_EOCD_SIG)
    while pos >= 0 and pos + _EOCD.size > len(tail):
        pos = tail.rfind(_EOCD_SIG, 0, pos)
    if pos < 0:
        raise NotAZip("no end-of-central-directory record")
    _, disk, cd_disk, here, entries, cd_size, cd_offset, comment = _EOCD.unpack_from(tail, pos)
    if pos + _EOCD.size + comment != len(tail):
        raise HostileBundle("the end record's comment does not end where the zip ends")
    _check_single_end_record(tail, pos)
    eocd_at = size - tail_len + pos
    end = eocd_at
    if pos >= _LOC64.size and tail[pos - _LOC64.size : pos - _LOC64.size + 4] == _LOC64_SIG:
        _, _, eocd64_at, _ = _LOC64.unpack_from(tail, pos - _LOC64.size)
        if eocd64_at + _EOCD64.size > eocd_at:
            raise HostileBundle("the zip64 end record points past the end of the zip")
        f.seek(eocd64_at)
        record = f.read(_EOCD64.size)
        if len(record) != _EOCD64.size or not record.startswith(_EOCD64_SIG):
            raise HostileBundle("the zip64 end record is damaged")
        fields = _EOCD64.unpack(record)
        if eocd64_at + 12 + fields[1] != eocd_at - _LOC64.size:
            raise HostileBundle("the zip64 end record does not end where its locator starts")
        wide = (fields[6], fields[7], fields[8], fields[9])
        sentinels = (0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        for narrow, value, sentinel in zip(
            (here, entries, cd_size, cd_offset), wide, sentinels, strict=True
        ):
            if narrow not in (value, sentinel):
                raise HostileBundle("the end record and the zip64 end record disagree")
        disk, cd_disk, here, entries, cd_size, cd_offset = fields[4:10]
        end = eocd64_at
    if disk != 0 or cd_disk != 0 or here != entries:
        raise HostileBundle("multi-disk (split) zips are not accepted")
    start = end - cd_size
    if start < 0:
        raise HostileBundle(
            f"the central directory declares {cd_size:,} bytes, more than the zip holds"
        )
    if cd_offset != start:  # data before the zip (a self-extractor) or a lying record
        raise HostileBundle(
            f"the end record places the central directory at byte {cd_offset:,}, "
            f"but it starts at byte {start:,}"
        )
    return entries, cd_size, start


def _check_single_end_record(tail: bytes, pos: int) -> None:
    """An earlier end record whose comment would also reach the end of the zip: then the
    comment holds a second end record (and maybe a second directory), and which one is the
    zip's depends on the reader."""
    q = tail.rfind(_EOCD_SIG, 0, pos)
    while q >= 0:
        comment = struct.unpack_from("<H", tail, q + 20)[0] if q + _EOCD.size <= len(tail) else -1
        if q + _EOCD.size + comment == len(tail):
            raise HostileBundle("the zip has two end records (one in the other's comment)")
        q = tail.rfind(_EOCD_SIG, 0, q)


def _zip64_sizes(extra: bytes, need: list[str], entry: int) -> dict[str, int]:
    """The zip64 values ``need`` names, from an entry's extra field, whose every sub-field
    must fit in it (as ``zipfile`` demands): a length that overruns hides the next one."""
    out: dict[str, int] = {}
    i = 0
    while i + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, i)
        if i + 4 + length > len(extra):
            raise HostileBundle(f"entry {entry:,} has an extra field that overruns its length")
        if tag == 1:
            for n, name in enumerate(need):
                if 8 * n + 8 <= length:
                    out[name] = struct.unpack_from("<Q", extra, i + 4 + 8 * n)[0]
        i += 4 + length
    if i != len(extra) or len(out) != len(need):
        raise HostileBundle(f"entry {entry:,} has a damaged extra field")
    return out


def scan(f: BinaryIO, limits: Limits) -> int:
    """Check the directory of the zip open as ``f``; returns its entry count."""
    return len(read_directory(f, limits))


def read_directory(f: BinaryIO, limits: Limits) -> Directory:
    """The checked directory of the zip open as ``f``.

    Raises HostileBundle naming the first absurd or inconsistent declaration,
    NotAZip when there is no end record at all.
    """
    size = f.seek(0, os.SEEK_END)
    entries, cd_size, start = _end_record(f, size)
    if entries > limits.max_entries:
        raise HostileBundle(f"the zip declares {entries:,} entries, more than we accept")
    if cd_size > limits.max_directory:
        raise HostileBundle(
            f"the central directory is {cd_size:,} bytes, more than we accept "
            f"({limits.max_directory:,})"
        )
    if cd_size > max(entries, 1) * _MAX_ENTRY:
        raise HostileBundle(
            f"the central directory is {cd_size:,} bytes for {entries:,} entries (damaged?)"
        )
    f.seek(start)
    out = Directory()
    # Duplicates after folding, by the folded name's hash -> the name (already held by
    # ``files``): the folded copies of 250,000 long names would double the memory.
    seen: dict[int, str] = {}
    collided: dict[str, str] = {}  # folded name -> name, for the rare equal hashes
    folders: list[tuple[int, str, int, int, int]] = []  # offset, name, flags, size, CRC
    buf = b""
    pos = end = consumed = seen_count = total = 0
    remaining = cd_size
    unpack = _CENTRAL.unpack_from
    while seen_count < entries:
        if end - pos < _MAX_ENTRY and remaining:
            chunk = f.read(min(_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            buf, pos = buf[pos:] + chunk, 0
            end = len(buf)
        if end - pos < _CENTRAL.size:
            break
        (sig, _, _, _, _, flags, method, _, _, crc, compressed, file_size,
         name_len, extra_len, comment_len, _, _, attr, offset) = unpack(buf, pos)  # fmt: skip
        if sig != _CENTRAL_SIG:
            raise HostileBundle(f"the central directory is damaged at entry {seen_count + 1:,}")
        name_at = pos + _CENTRAL.size
        length = _CENTRAL.size + name_len + extra_len + comment_len
        if end - pos < length:
            break
        if name_len > limits.max_name:
            raise HostileBundle(f"entry {seen_count + 1:,} has a name of {name_len:,} bytes")
        if extra_len:
            need = [n for n, v in (("file", file_size), ("comp", compressed), ("off", offset))
                    if v == 0xFFFFFFFF]  # fmt: skip
            extra_at = name_at + name_len
            big = _zip64_sizes(buf[extra_at : extra_at + extra_len], need, seen_count + 1)
            file_size = big.get("file", file_size)
            compressed = big.get("comp", compressed)
            offset = big.get("off", offset)
        raw = buf[name_at : name_at + name_len]
        try:  # as zipfile decodes names, so that its check against the local header agrees
            if raw.isascii():  # the common case, without cp437's Python-level codec
                name = raw.decode("ascii")
            else:
                name = raw.decode("utf-8" if flags & _UTF8_NAME else "cp437")
        except UnicodeDecodeError:  # unreadable, as zipfile would say (exit code 2)
            raise zipfile.BadZipFile(
                f"entry {seen_count + 1:,} is flagged UTF-8 but its name is not: {raw[:200]!r}"
            ) from None
        if offset + _LOCAL_HEADER + compressed > start:
            raise HostileBundle(
                f"entry {name[:200]!r} declares {compressed:,} bytes that the zip does not hold"
            )
        is_dir = name[-1:] == "/"
        bare = name[:-1] if is_dir else name
        problem = name_problem(bare, limits)
        if problem:
            raise HostileBundle(f"unsafe entry {name[:200]!r}: {problem}")
        key = fold(bare)
        problem = entry_problem(attr >> 16, flags, method, compressed, file_size, limits, is_dir)
        if problem:
            raise HostileBundle(f"unsafe entry {name[:200]!r}: {problem}")
        digest = hash(key)
        other = seen.get(digest)
        if other is not None:
            if fold(other.rstrip("/")) == key:
                raise HostileBundle(f"duplicate entry {name!r} (collides with {other!r})")
            if key in collided:
                raise HostileBundle(f"duplicate entry {name!r} (collides with {collided[key]!r})")
            collided[key] = name
        else:
            seen[digest] = name
        if is_dir:
            if file_size:
                raise HostileBundle(f"unsafe entry {name[:200]!r}: a folder that holds data")
            folders.append((offset, name, flags << 16 | method, compressed, crc))
        else:
            out.files[name] = len(out.sizes)
            out.sizes.append(file_size)
            out.compressed.append(compressed)
            out.offsets.append(offset)
            out.crcs.append(crc)
            out.flags.append(flags << 16 | method)
            total += file_size
            if total > limits.max_total_bytes:
                raise HostileBundle("the zip declares more content than we accept (a zip bomb?)")
        pos += length
        consumed += length
        seen_count += 1
    if seen_count != entries or consumed != cd_size:
        raise HostileBundle(
            f"the central directory does not match its end record ({seen_count:,} of "
            f"{entries:,} entries, {consumed:,} of {cd_size:,} bytes)"
        )
    out.entries = entries
    out.ends = _bounds(out.offsets, out.compressed, [e[0] for e in folders], start)
    if folders:
        _check_folders(f, folders, out.offsets, start)
    check_files_are_not_folders(out.files)
    return out


def _zip_info(
    name: str, flags: int, compressed: int, size: int, crc: int, offset: int
) -> zipfile.ZipInfo:
    """A ``ZipInfo`` as ``zipfile`` would make it from a central entry (``flags``: the flag
    bits << 16 | the compression method, as the directory keeps them)."""
    info = zipfile.ZipInfo(name)
    info.flag_bits, info.compress_type = flags >> 16, flags & 0xFFFF
    info.compress_size, info.file_size, info.CRC = compressed, size, crc
    info.header_offset = offset
    return info


def _check_folders(
    f: BinaryIO, folders: list[tuple[int, str, int, int, int]], offsets: array[int], start: int
) -> None:
    """Folder entries are never opened, so their local headers are checked here: the bytes
    after one could otherwise hide an entry that only a streaming unzip would see."""
    starts = sorted([*offsets, *(e[0] for e in folders)])
    for offset, name, flags, compressed, crc in folders:
        j = bisect.bisect_right(starts, offset)
        info = _zip_info(name, flags, compressed, 0, crc, offset)
        try:
            check_local(f, info, starts[j] if j < len(starts) else start)
        except zipfile.BadZipFile as exc:
            raise HostileBundle(str(exc)) from None


def _bounds(offsets: array[int], sizes: array[int], folders: list[int], start: int) -> array[int]:
    """Where each file entry must end: the next entry's local header, or the directory.

    Entries whose data overlap are refused here (one stored gigabyte listed a thousand times
    is a terabyte to read, the "overlapping zip bomb"; zipfile checks this only from 3.12),
    and so is anything before the first entry. Writers put entries in file order, so the
    sort is only paid for a zip that does not."""
    order: list[int] | range = range(len(offsets))
    if any(offsets[i] > offsets[i + 1] for i in range(len(offsets) - 1)):
        order = sorted(order, key=offsets.__getitem__)
    folders.sort()
    first = min(offsets[order[0]] if order else start, folders[0] if folders else start)
    if first != 0:
        raise HostileBundle(f"{first:,} bytes before the first entry belong to no entry")
    ends = array("Q", bytes(8 * len(offsets)))
    previous = -1
    for k, i in enumerate(order):
        if previous >= 0 and offsets[previous] + _LOCAL_HEADER + sizes[previous] > offsets[i]:
            raise HostileBundle(
                f"entries at offsets {offsets[previous]:,} and {offsets[i]:,} overlap (a zip bomb?)"
            )
        previous = i
        end = offsets[order[k + 1]] if k + 1 < len(order) else start
        j = bisect.bisect_right(folders, offsets[i])
        ends[i] = min(end, folders[j]) if j < len(folders) else end
    return ends
