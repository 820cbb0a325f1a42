"""A zip writer byte by byte, for the structures ``zipfile`` refuses to write: local headers
that disagree with the central directory, lying zip64 records, bogus extra fields, overlaps,
several end records, data before the zip. Every field can be overridden per entry."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

LOCAL = struct.Struct("<4s5H3L2H")  # 30 bytes
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # 46 bytes
EOCD = struct.Struct("<4s4H2LH")  # 22 bytes
EOCD64 = struct.Struct("<4sQ2H2L4Q")  # 56 bytes
LOC64 = struct.Struct("<4sLQL")  # 20 bytes


@dataclass
class Entry:
    name: bytes
    data: bytes  # the bytes as stored (already compressed when method is 8)
    size: int  # uncompressed size declared
    crc: int
    method: int = 0
    flags: int = 0
    mode: int = 0o100644
    local_name: bytes | None = None  # None: same as name
    local: dict[str, int] = field(default_factory=dict)  # overrides of local header fields
    central: dict[str, int] = field(default_factory=dict)  # overrides of central fields
    local_extra: bytes = b""
    central_extra: bytes = b""
    descriptor: bytes = b""  # written after the data
    offset: int = -1  # filled by build (the real local header offset)


def stored(name: str | bytes, data: bytes, **kw: object) -> Entry:
    raw = name.encode() if isinstance(name, str) else name
    return Entry(raw, data, len(data), zlib.crc32(data), **kw)  # type: ignore[arg-type]


def deflate_raw(data: bytes) -> bytes:
    """``data`` as a zip member's deflate stream (no zlib header)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflated(name: str | bytes, data: bytes, **kw: object) -> Entry:
    raw = name.encode() if isinstance(name, str) else name
    packed = deflate_raw(data)
    return Entry(raw, packed, len(data), zlib.crc32(data), method=8, **kw)  # type: ignore[arg-type]


def local_header(e: Entry) -> bytes:
    name = e.name if e.local_name is None else e.local_name
    f = {"version": 20, "flags": e.flags, "method": e.method, "time": 0, "date": 0x21,
         "crc": e.crc, "comp": len(e.data), "size": e.size, "name_len": len(name),
         "extra_len": len(e.local_extra)}  # fmt: skip
    f.update(e.local)
    return LOCAL.pack(b"PK\x03\x04", f["version"], f["flags"], f["method"], f["time"], f["date"],
                      f["crc"], f["comp"], f["size"], f["name_len"], f["extra_len"]) + name + (
        e.local_extra)  # fmt: skip


def central_header(e: Entry) -> bytes:
    f = {"flags": e.flags, "method": e.method, "crc": e.crc, "comp": len(e.data),
         "size": e.size, "name_len": len(e.name), "extra_len": len(e.central_extra),
         "disk": 0, "attr": e.mode << 16, "offset": e.offset}  # fmt: skip
    f.update(e.central)
    return CENTRAL.pack(b"PK\x01\x02", 20, 3, 20, 0, f["flags"], f["method"], 0, 0x21,
                        f["crc"], f["comp"], f["size"], f["name_len"], f["extra_len"], 0,
                        f["disk"], 0, f["attr"], f["offset"]) + e.name + (
        e.central_extra)  # fmt: skip


def build(entries: list[Entry], *, prefix: bytes = b"", comment: bytes = b"",
          eocd: dict[str, int] | None = None, zip64: dict[str, int] | None = None,
          between: bytes = b"", after: bytes = b"") -> bytes:  # fmt: skip
    """The zip's bytes. ``prefix`` is data before the zip (offsets stay relative to the
    file, as a self-extractor's would not); ``between`` sits between the last entry and
    the central directory; ``after`` follows the end record (past its comment)."""
    out = bytearray(prefix)
    for e in entries:
        if e.offset < 0:
            e.offset = len(out)
        out += local_header(e) + e.data + e.descriptor
    out += between
    cd_at = len(out)
    for e in entries:
        out += central_header(e)
    cd_size = len(out) - cd_at
    f = {"disk": 0, "cd_disk": 0, "here": len(entries), "entries": len(entries),
         "cd_size": cd_size, "cd_offset": cd_at, "comment_len": len(comment)}  # fmt: skip
    f.update(eocd or {})
    if zip64 is not None:
        z = {"disk": 0, "cd_disk": 0, "here": len(entries), "entries": len(entries),
             "cd_size": cd_size, "cd_offset": cd_at, "record_size": 44,
             "locator_at": -1, "gap": 0}  # fmt: skip
        z.update(zip64)
        at = len(out)
        out += EOCD64.pack(b"PK\x06\x06", z["record_size"], 45, 45, z["disk"], z["cd_disk"],
                           z["here"], z["entries"], z["cd_size"], z["cd_offset"])  # fmt: skip
        out += bytes(z["gap"])  # between the zip64 record and its locator
        out += LOC64.pack(b"PK\x06\x07", 0, at if z["locator_at"] < 0 else z["locator_at"], 1)
    out += EOCD.pack(b"PK\x05\x06", f["disk"], f["cd_disk"], f["here"], f["entries"],
                     f["cd_size"], f["cd_offset"], f["comment_len"]) + comment + after  # fmt: skip
    return bytes(out)
