"""Zips written byte by byte (``tests.helpers.raw_zip``) against the hand-written central
directory scan: local headers that disagree with the directory, lying zip64 and end records,
overlaps, data before and after the zip, bogus extra fields, short and long deflate streams.
Each is refused by verify-bundle and import-bundle with one line naming the bundle and the
member (or the zip's structure), exit 1 or 2, no traceback, the receiving archive unchanged.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core import signing
from evidence_desk.services.archive.archive import create_archive
from evidence_desk.services.bundles import signers as signer_service
from evidence_desk.services.bundles.export import export_bundle
from tests.helpers import hostile as H
from tests.helpers import raw_zip as R
from tests.helpers.case_records import add_file

Build = Callable[[list[R.Entry]], bytes]


@pytest.fixture(scope="module")
def honest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An honest folder bundle of two items, and a receiver that has pinned its signer."""
    root = tmp_path_factory.mktemp("zipaudit")
    sender = create_archive(root / "sender", "Sender")
    add_file(sender, root / "in", "square.jpg")
    add_file(sender, root / "in", "note.txt", text="what I saw")
    export_bundle(sender, None, out=root / "honest")
    key = signing.load_private_key(sender.signing_key_path)
    uuid = sender.info().uuid
    sender.close()
    receiver = create_archive(root / "receiver", "Receiver")
    signer_service.pin(receiver, uuid, signing.fingerprint(key.public_key()), name="Sender")
    receiver.close()
    return root / "honest", root / "receiver"


def _entries(folder: Path) -> list[R.Entry]:
    return [R.stored(name, data) for name, data in H.folder_entries(folder)]


def _object(entries: list[R.Entry]) -> R.Entry:
    return next(e for e in entries if e.name.startswith(b"bundle/data/objects/"))


def _named(entries: list[R.Entry], suffix: bytes) -> R.Entry:
    return next(e for e in entries if e.name.endswith(suffix))


def _edit(change: Callable[[list[R.Entry]], object], **kw: object) -> Build:
    def build(entries: list[R.Entry]) -> bytes:
        change(entries)
        return R.build(entries, **kw)  # type: ignore[arg-type]

    return build


def _set(target: Callable[[list[R.Entry]], R.Entry], **fields: object) -> Build:
    def change(entries: list[R.Entry]) -> None:
        entry = target(entries)
        for k, v in fields.items():
            setattr(entry, k, v)

    return _edit(change)


def _items(entries: list[R.Entry]) -> R.Entry:
    return _named(entries, b"items.json")


def _replace(target: Callable[[list[R.Entry]], R.Entry], make: Callable[[R.Entry], R.Entry]):
    def change(entries: list[R.Entry]) -> None:
        old = target(entries)
        entries[entries.index(old)] = make(old)

    return _edit(change)


def _short_deflate(e: R.Entry) -> R.Entry:
    """Deflated data that inflate to half the declared size, with the CRC of that half."""
    half = e.data[: len(e.data) // 2]
    return R.Entry(e.name, R.deflate_raw(half), len(e.data), zlib.crc32(half), method=8)


def _long_deflate(e: R.Entry) -> R.Entry:
    """A small truthful declared size, a deflate stream of 64 MiB behind it."""
    bomb = R.deflate_raw(bytes(64 * 2**20))
    return R.Entry(e.name, bomb, 16, zlib.crc32(bytes(16)), method=8)


def _deflate_longer(e: R.Entry) -> R.Entry:
    """The true data, then more in the same stream: size and CRC declared for the true data
    (zipfile alone cuts the stream there; another reader would extract the whole)."""
    return R.Entry(e.name, R.deflate_raw(e.data + b"appended"), len(e.data), e.crc, method=8)


def _deflate_then_hidden(e: R.Entry) -> R.Entry:
    """A whole stream of the true data, then bytes inside the entry after its end."""
    return R.Entry(e.name, R.deflate_raw(e.data) + b"hidden payload", len(e.data), e.crc, method=8)


def _deflate_unended(e: R.Entry) -> R.Entry:
    """The true data in a stream flushed but never finished (no final block)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(e.data) + c.flush(zlib.Z_SYNC_FLUSH)
    return R.Entry(e.name, raw, len(e.data), e.crc, method=8)


def _fake_end_in_comment(entries: list[R.Entry]) -> bytes:
    """The end record's comment holds a second end record declaring an empty zip."""
    honest = R.build(entries)
    at = len(honest) - R.EOCD.size
    fake_at = len(honest)
    fake = R.EOCD.pack(b"PK\x05\x06", 0, 0, 0, 0, 0, fake_at, 0)
    return honest[:at] + R.EOCD.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries),
                                     *struct.unpack_from("<2L", honest, at + 12),
                                     len(fake)) + fake  # fmt: skip


def _hidden_directory_in_comment(entries: list[R.Entry]) -> bytes:
    """The comment holds a second central directory listing only the object's entry and a
    second end record: which directory is the zip's depends on the reader."""
    honest = R.build(entries)
    at = len(honest) - R.EOCD.size
    obj = _object(entries)
    second = R.central_header(obj)
    cd_at = len(honest)
    fake = second + R.EOCD.pack(b"PK\x05\x06", 0, 0, 1, 1, len(second), cd_at, 0)
    head = R.EOCD.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries),
                       *struct.unpack_from("<2L", honest, at + 12), len(fake))  # fmt: skip
    return honest[:at] + head + fake


def _share_data(entries: list[R.Entry]) -> None:
    """items.json's local header grows an extra field so long that its data are read from
    the next entry's data: two entries share bytes though the ranges their central entries
    declare (offset, 30-byte header, compressed size) do not overlap."""
    i = entries.index(_items(entries))
    first, nxt = entries[i], entries[i + 1]
    nxt.data = first.data
    nxt.size, nxt.crc = first.size, first.crc
    shared = len(first.data)
    gap = shared + 30 + len(nxt.name)  # first's data, then next's local header
    first.local_extra = struct.pack("<2H", 0xCAFE, gap - 4) + b"\0" * (gap - 4)
    first.data = b""  # first's data are now next's
    first.central.update(comp=shared)
    first.local.update(comp=shared)


def _local_extra_past_end(entries: list[R.Entry]) -> None:
    obj = _object(entries)
    obj.local["extra_len"] = 0xFFFF  # the data are read from far past the local header


def _zip64(es: list[R.Entry], **lie: int) -> bytes:
    return R.build(
        es,
        zip64=lie,
        eocd={"here": 0xFFFF, "entries": 0xFFFF, "cd_size": 0xFFFFFFFF, "cd_offset": 0xFFFFFFFF},
    )


def _bad_local_signature(entries: list[R.Entry]) -> bytes:
    raw = bytearray(R.build(entries))
    raw[_object(entries).offset + 3] = 0x05
    return bytes(raw)


def _zip64_extra(field_value: int, which: str) -> Build:
    """An entry whose central size or offset is 0xFFFFFFFF with a zip64 extra giving it."""

    def change(entries: list[R.Entry]) -> None:
        obj = _object(entries)
        obj.central[which] = 0xFFFFFFFF
        obj.central_extra = struct.pack("<2HQ", 1, 8, field_value)

    return _edit(change)


def _prepend(entries: list[R.Entry]) -> bytes:
    """A self-extractor's stub before the zip, offsets relative to the zip's own start."""
    body = R.build(entries)
    return b"MZ" + b"\0" * 4094 + body


def _folder(**kw: object) -> Build:
    """A folder entry for data/ before the first entry, as some writers add them."""

    def change(entries: list[R.Entry]) -> None:
        folder = R.Entry(b"bundle/data/", b"", 0, 0, mode=0o40755)
        for k, v in kw.items():
            setattr(folder, k, v)
        entries.insert(0, folder)

    return _edit(change)


def _twins(entries: list[R.Entry]) -> None:
    obj = _object(entries)
    entries.append(R.stored(obj.name.upper(), obj.data))


CASES: dict[str, tuple[Build, tuple[str, ...]]] = {
    # local header against central directory
    "local-name-traversal-object": (
        _set(_object, local_name=b"../../../../../tmp/evil.sh"),
        ("data/objects/",),
    ),
    "local-name-traversal-items": (_set(_items, local_name=b"/etc/cron.d/evil"), ("items.json",)),
    "local-name-same-length": (_set(_items, local_name=b"bundle/data/itemz.json"), ("items.json",)),
    "local-name-nul": (_set(_items, local_name=b"bundle/data/items.json\x00.sh"), ("items.json",)),
    "local-method-deflate": (_set(_object, local={"method": 8}), ("data/objects/",)),
    "local-sizes-differ": (_set(_object, local={"comp": 3, "size": 3}), ("data/objects/",)),
    "local-crc-differs": (_set(_object, local={"crc": 0x12345678}), ("data/objects/",)),
    "local-encrypted-flag": (_set(_object, local={"flags": 1}), ("data/objects/",)),
    "local-signature-wrong": (_bad_local_signature, ("data/objects/",)),
    "local-extra-past-end": (_edit(_local_extra_past_end), ("data/objects/",)),
    "local-extra-shares-data": (_edit(_share_data), ("items.json",)),
    "data-descriptor-lies": (
        _set(
            _object,
            flags=0x8,
            local={"crc": 0, "comp": 0, "size": 0},
            descriptor=struct.pack("<4s3L", b"PK\x07\x08", 1, 2, 3),
        ),
        ("data/objects/",),
    ),
    "folder-hides-bytes": (
        _folder(descriptor=R.local_header(R.stored("bundle/x", b""))),
        ("bundle/data/",),
    ),
    "folder-holds-data": (_folder(data=b"hidden", size=6), ("bundle/data/",)),
    "folder-local-name-differs": (_folder(local_name=b"bundle/evil/"), ("bundle/data/",)),
    # end records
    "fake-end-record-in-comment": (_fake_end_in_comment, ("bundle.zip",)),
    "second-directory-in-comment": (_hidden_directory_in_comment, ("bundle.zip",)),
    "data-after-end-record": (lambda es: R.build(es, after=b"\0" * 100), ("bundle.zip",)),
    "comment-length-lies": (lambda es: R.build(es, eocd={"comment_len": 50}), ("bundle.zip",)),
    "prepended-stub": (_prepend, ("bundle.zip",)),
    "prepended-stub-absolute-offsets": (
        lambda es: R.build(es, prefix=b"MZ" + bytes(4094)),
        ("bundle.zip",),
    ),
    "gap-between-entries": (
        _set(_object, descriptor=b"hidden: PK\x03\x04 not seen by us"),
        ("data/objects/",),
    ),
    "hidden-gap-before-directory": (
        lambda es: R.build(es, between=R.local_header(R.stored("bundle/evil.sh", b"x")) + b"x"),
        ("bundle.zip",),
    ),
    "zip64-cd-offset-lie": (lambda es: _zip64(es, cd_offset=7), ("bundle.zip",)),
    "zip64-entries-lie": (lambda es: _zip64(es, entries=2, here=2), ("bundle.zip",)),
    "zip64-cd-size-huge": (lambda es: _zip64(es, cd_size=2**62), ("bundle.zip",)),
    "zip64-locator-past-end": (lambda es: _zip64(es, locator_at=2**40), ("bundle.zip",)),
    "zip64-record-misplaced": (lambda es: _zip64(es, locator_at=3), ("bundle.zip",)),
    "zip64-record-gap": (lambda es: _zip64(es, gap=64), ("bundle.zip",)),
    "zip64-disagrees-with-end-record": (
        lambda es: R.build(es, zip64={"entries": len(es) + 1, "here": len(es) + 1}),
        ("bundle.zip",),
    ),
    "multi-disk": (lambda es: R.build(es, eocd={"disk": 1}), ("bundle.zip",)),
    "zip64-extra-size-huge": (_zip64_extra(2**62, "size"), ("data/objects/",)),
    "zip64-extra-offset-huge": (_zip64_extra(2**63, "offset"), ("data/objects/",)),
    "zip64-extra-offset-into-directory": (_zip64_extra(0, "offset"), ("overlap",)),
    "central-extra-length-bogus": (_set(_object, central={"extra_len": 0xFFFF}), ("bundle.zip",)),
    "central-extra-subfield-overruns": (
        _set(_object, central_extra=struct.pack("<2H", 0x5455, 40) + bytes(8)),
        ("entry",),
    ),
    "zip64-extra-missing-value": (
        _set(_object, central={"size": 0xFFFFFFFF}, central_extra=struct.pack("<2H", 1, 0)),
        ("entry",),
    ),
    "zip64-sentinel-without-extra": (_set(_object, central={"offset": 0xFFFFFFFF}), ("entry",)),
    "central-offset-huge": (_set(_object, central={"offset": 0xFFFFFFF0}), ("data/objects/",)),
    "central-size-beyond-file": (
        _set(_object, central={"comp": 0x7FFFFFFF, "size": 0x7FFFFFFF}),
        ("data/objects/",),
    ),
    "central-crc-wrong": (_set(_object, central={"crc": 1}, local={"crc": 1}), ("data/objects/",)),
    "encrypted-flag-both": (_set(_object, flags=1), ("data/objects/",)),
    # names (central directory)
    "name-nul": (_set(_object, name=b"bundle/data/objects/a\x00.jpg"), ("bundle.zip",)),
    "name-backslash": (_set(_object, name=b"bundle\\data\\objects\\a.jpg"), ("bundle.zip",)),
    "name-drive": (_set(_object, name=b"C:/bundle/a.jpg"), ("bundle.zip",)),
    "name-dotdot": (_set(_object, name=b"bundle/data/../../a.jpg"), ("bundle.zip",)),
    "name-absolute": (_set(_object, name=b"/bundle/data/objects/a.jpg"), ("bundle.zip",)),
    "name-casefold-twin": (_edit(_twins), ("bundle.zip",)),
    # content
    "deflate-short-with-matching-crc": (_replace(_object, _short_deflate), ("data/objects/",)),
    "deflate-bomb-small-declared": (_replace(_object, _long_deflate), ("Payload-Oxum",)),
    "deflate-longer-than-declared": (
        _replace(_object, _deflate_longer), ("data/objects/", "past the declared")
    ),
    "deflate-bytes-after-stream": (
        _replace(_object, _deflate_then_hidden), ("data/objects/", "follow the end")
    ),
    "deflate-stream-never-ends": (_replace(_object, _deflate_unended), ("never end",)),
    "deflate-garbage": (
        _replace(_object, lambda e: R.Entry(e.name, b"\xff" * 64, e.size, e.crc, method=8)),
        ("data/objects/",),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_zip_structure(case: str, honest, tmp_path: Path, capsys) -> None:
    folder, receiver = honest
    build, names = CASES[case]
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(build(_entries(folder)))
    raw = bundle.read_bytes()
    before = H.archive_digest(receiver)
    for argv in (["verify-bundle", str(bundle)],
                 ["import-bundle", "--archive", str(receiver), str(bundle)]):  # fmt: skip
        code = main(argv)
        err = capsys.readouterr().err
        assert code in (1, 2), (argv[0], code, err)
        assert "Traceback" not in err and err.count("\n") == 1, (argv[0], err)
        assert "bundle.zip" in err, (argv[0], err)
        for name in names:
            assert name in err, (argv[0], name, err)
    assert H.archive_digest(receiver) == before
    assert bundle.read_bytes() == raw


def test_the_raw_writer_makes_an_honest_bundle(honest, tmp_path: Path, capsys) -> None:
    """The cases above fail because of their one change, not because of the writer."""
    folder, _ = honest
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(R.build(_entries(folder)))
    assert main(["verify-bundle", str(bundle)]) == 0, capsys.readouterr().err
    bundle.write_bytes(_folder()(_entries(folder)))  # an honest folder entry
    assert main(["verify-bundle", str(bundle)]) == 0, capsys.readouterr().err
    entries = _entries(folder)
    for e in entries:
        if e.name.startswith(b"bundle/data/objects/"):
            entries[entries.index(e)] = R.deflated(e.name, e.data)
    bundle.write_bytes(R.build(entries))
    assert main(["verify-bundle", str(bundle)]) == 0, capsys.readouterr().err


def test_zip64_headers_and_data_descriptors_are_honest(honest, tmp_path: Path, capsys) -> None:
    """What zipfile writes with zip64 local headers, and to a stream it cannot seek (sizes
    in data descriptors after the data), passes the local-header checks."""
    folder, _ = honest
    seekable = tmp_path / "zip64.zip"
    with zipfile.ZipFile(seekable, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in H.folder_entries(folder):
            with z.open(name, "w", force_zip64=True) as member:
                member.write(data)
    streamed = tmp_path / "streamed.zip"
    with open(streamed, "wb") as raw, _Unseekable(raw) as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in H.folder_entries(folder):
                z.writestr(name, data)
    assert b"PK\x07\x08" in streamed.read_bytes()
    for bundle in (seekable, streamed):
        assert main(["verify-bundle", str(bundle)]) == 0, capsys.readouterr().err


class _Unseekable(io.RawIOBase):
    def __init__(self, raw: io.BufferedWriter) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self._raw.write(data)
