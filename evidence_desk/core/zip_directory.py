"""Checking a zip's central directory in bounded time and memory, before ``zipfile`` reads it.

``zipfile.ZipFile`` builds a Python object for every entry of the central
directory before anyone can look at the count: a zip with a million entries
took 19 s and 600 MB just to be refused. Here the end record is read first
(a few bytes at the end of the file), so an absurd entry count or directory
size is refused at once; then the directory is streamed in 1 MiB chunks,
keeping only each entry's offset and size, and every entry's declared sizes
are checked against the file itself (a stored entry cannot be larger than
the zip that holds it), against the caps, and against each other (no two
entries may share data). Only a zip that passes is handed to
``zipfile``.
"""

from __future__ import annotations

import os
import struct
from typing import BinaryIO

from evidence_desk.core.safe_zip import HostileBundle, Limits

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_EOCD_SIG = b"PK\x05\x06"
_LOC64 = struct.Struct("<4sLQL")  # zip64 end of central directory locator, 20 bytes
_LOC64_SIG = b"PK\x06\x07"
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory record, 56 bytes
_EOCD64_SIG = b"PK\x06\x06"
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header, 46 bytes
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL_HEADER = 30
_MAX_ENTRY = _CENTRAL.size + 3 * 0xFFFF
_CHUNK = 1 << 20


class NotAZip(Exception):
    """No end-of-central-directory record: not a zip file (or cut short)."""


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
    _, disk, cd_disk, _, entries, cd_size, _, _ = _EOCD.unpack_from(tail, pos)
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
        disk, cd_disk, entries, cd_size = fields[4], fields[5], fields[7], fields[8]
        end = eocd64_at
    if disk != 0 or cd_disk != 0:
        raise HostileBundle("multi-disk (split) zips are not accepted")
    start = end - cd_size
    if start < 0:
        raise HostileBundle(
            f"the central directory declares {cd_size:,} bytes, more than the zip holds"
        )
    return entries, cd_size, start


def _zip64_sizes(extra: bytes, need: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    i = 0
    while i + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, i)
        if tag == 1:
            body = extra[i + 4 : i + 4 + length]
            for n, name in enumerate(need):
                if 8 * n + 8 <= len(body):
                    out[name] = struct.unpack_from("<Q", body, 8 * n)[0]
            break
        i += 4 + length
    return out


def scan(f: BinaryIO, limits: Limits) -> int:
    """Check the directory of the zip open as ``f``; returns its entry count.

    Raises HostileBundle naming the first absurd or inconsistent declaration,
    NotAZip when there is no end record at all.
    """
    size = f.seek(0, os.SEEK_END)
    entries, cd_size, start = _end_record(f, size)
    if entries > limits.max_entries:
        raise HostileBundle(f"the zip declares {entries:,} entries, more than we accept")
    if cd_size > max(entries, 1) * _MAX_ENTRY:
        raise HostileBundle(
            f"the central directory is {cd_size:,} bytes for {entries:,} entries (damaged?)"
        )
    f.seek(start)
    buf = b""
    pos = consumed = seen = total = 0
    spans: list[tuple[int, int]] = []  # (local header offset, compressed size)
    remaining = cd_size
    while seen < entries:
        if len(buf) - pos < _MAX_ENTRY and remaining:
            chunk = f.read(min(_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            buf, pos = buf[pos:] + chunk, 0
        if len(buf) - pos < _CENTRAL.size:
            break
        fields = _CENTRAL.unpack_from(buf, pos)
        if fields[0] != _CENTRAL_SIG:
            raise HostileBundle(f"the central directory is damaged at entry {seen + 1:,}")
        name_len, extra_len, comment_len = fields[12], fields[13], fields[14]
        length = _CENTRAL.size + name_len + extra_len + comment_len
        if len(buf) - pos < length:
            break
        if name_len > limits.max_name:
            raise HostileBundle(f"entry {seen + 1:,} has a name of {name_len:,} bytes")
        compressed, file_size, offset = fields[10], fields[11], fields[18]
        need = [n for n, v in (("file", file_size), ("comp", compressed), ("off", offset))
                if v == 0xFFFFFFFF]  # fmt: skip
        if need:
            extra_at = pos + _CENTRAL.size + name_len
            big = _zip64_sizes(buf[extra_at : extra_at + extra_len], need)
            file_size = big.get("file", file_size)
            compressed = big.get("comp", compressed)
            offset = big.get("off", offset)
        label = buf[pos + _CENTRAL.size : pos + _CENTRAL.size + min(name_len, 200)]
        label_text = label.decode("utf-8", "backslashreplace")
        if offset + _LOCAL_HEADER + compressed > start:
            raise HostileBundle(
                f"entry {label_text!r} declares {compressed:,} bytes that the zip does not hold"
            )
        if file_size > limits.max_member:
            raise HostileBundle(f"entry {label_text!r} declares {file_size:,} bytes, too large")
        spans.append((offset, compressed))
        total += file_size
        if total > limits.max_total_bytes:
            raise HostileBundle("the zip declares more content than we accept (a zip bomb?)")
        pos += length
        consumed += length
        seen += 1
    if seen != entries or consumed != cd_size:
        raise HostileBundle(
            f"the central directory does not match its end record ({seen:,} of "
            f"{entries:,} entries, {consumed:,} of {cd_size:,} bytes)"
        )
    _check_overlap(spans)
    return entries


def _check_overlap(spans: list[tuple[int, int]]) -> None:
    """Entries whose data overlap: one stored gigabyte listed a thousand times is a
    terabyte to read (the "overlapping zip bomb"; zipfile checks this only from 3.12)."""
    spans.sort()
    for (offset, size), (following, _) in zip(spans, spans[1:], strict=False):
        if offset + _LOCAL_HEADER + size > following:
            raise HostileBundle(
                f"entries at offsets {offset:,} and {following:,} overlap (a zip bomb?)"
            )
