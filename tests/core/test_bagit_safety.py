"""Hostile zip entries are refused by name, before any content is read."""

from __future__ import annotations

import io
import zipfile

import pytest

from evidence_desk.core.safe_zip import HostileBundle, Limits, check_zip, name_problem


def _zip(*entries: tuple[str | zipfile.ZipInfo, bytes], compress: int = zipfile.ZIP_STORED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, data in entries:
                zf.writestr(name, data)
    buf.seek(0)
    return zipfile.ZipFile(buf)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../x", "traversal"),
        ("a/../../x", "traversal"),
        ("/etc/passwd", "absolute"),
        ("~/x", "absolute"),
        ("C:/Windows/x", "drive"),
        ("a\\..\\x", "backslash"),
        ("a//b", "empty"),
        ("a/./b", "empty"),
        ("a\x00b", "control"),
    ],
)
def test_unsafe_names(name: str, reason: str) -> None:
    assert reason in (name_problem(name) or "")


def test_safe_names() -> None:
    assert name_problem("bag/data/objects/ED-000001_abcd1234.jpg") is None
    assert name_problem("bag/data/Алматы 2022.txt") is None


def test_good_zip_lists_files_only() -> None:
    files = check_zip(_zip(("b/", b""), ("b/bagit.txt", b"x"), ("b/data/a", b"yy")))
    assert {n: i.file_size for n, i in files.items()} == {"b/bagit.txt": 1, "b/data/a": 2}


def test_duplicates_and_collisions() -> None:
    with pytest.raises(HostileBundle, match="duplicate"):
        check_zip(_zip(("a", b"1"), ("a", b"2")))
    with pytest.raises(HostileBundle, match="duplicate"):
        check_zip(_zip(("Data/A", b"1"), ("data/a", b"2")))
    with pytest.raises(HostileBundle, match="duplicate"):
        check_zip(_zip(("caf\u00e9", b"1"), ("cafe\u0301", b"2")))
    with pytest.raises(HostileBundle, match="both a file and a folder"):
        check_zip(_zip(("a", b"1"), ("a/b", b"2")))


def test_symlink_and_devices() -> None:
    link = zipfile.ZipInfo("data/link")
    link.external_attr = 0o120777 << 16
    with pytest.raises(HostileBundle, match="symbolic link"):
        check_zip(_zip((link, b"/etc/passwd")))
    fifo = zipfile.ZipInfo("data/fifo")
    fifo.external_attr = 0o010644 << 16
    with pytest.raises(HostileBundle, match="not a regular file"):
        check_zip(_zip((fifo, b"")))


def test_zip_bomb_ratio_and_total() -> None:
    with pytest.raises(HostileBundle, match="zip bomb"):
        check_zip(_zip(("bomb", bytes(8 * 2**20)), compress=zipfile.ZIP_DEFLATED))
    small_ok = _zip(("fine", bytes(2**19)), compress=zipfile.ZIP_DEFLATED)
    assert check_zip(small_ok)  # under the floor a high ratio is fine
    with pytest.raises(HostileBundle, match="more than we accept"):
        check_zip(_zip(("a", b"x" * 100), ("b", b"y" * 100)), Limits(max_total_bytes=150))
    with pytest.raises(HostileBundle, match="entries"):
        check_zip(_zip(("a", b""), ("b", b"")), Limits(max_entries=1))


def test_stored_entry_with_lying_sizes() -> None:
    zf = _zip(("a", b"12345"))
    zf.infolist()[0].file_size = 10**9
    with pytest.raises(HostileBundle, match="do not agree"):
        check_zip(zf)


def _scan(*entries: tuple[str, bytes], limits: Limits | None = None):  # type: ignore[no-untyped-def]
    from evidence_desk.core import zip_directory

    zf = _zip(*entries)
    raw = zf.fp  # the BytesIO the zip was written to
    zf.close()
    assert raw is not None
    return zip_directory.read_directory(io.BytesIO(raw.getvalue()), limits or Limits())


def test_lean_scan_refuses_what_check_zip_refuses() -> None:
    """The directory scan (no ZipInfo) applies the same per-entry rules as check_zip."""
    with pytest.raises(HostileBundle, match="duplicate"):
        _scan(("Data/A", b"1"), ("data/a", b"2"))
    with pytest.raises(HostileBundle, match="duplicate"):  # NFC and NFD of "й"
        _scan(("\u0439.txt", b"1"), ("\u0438\u0306.txt", b"2"))
    with pytest.raises(HostileBundle, match="both a file and a folder"):
        _scan(("a", b"1"), ("a/b", b"2"))
    with pytest.raises(HostileBundle, match="traversal"):
        _scan(
            ("b/../../x", b"1"),
        )
    found = _scan(("b/", b""), ("b/bagit.txt", b"x"), ("b/data/Алматы.txt", b"yy"))
    assert set(found.files) == {"b/bagit.txt", "b/data/Алматы.txt"} and len(found) == 3
    view = found.sizes_by_name("b/")
    assert dict(view.items()) == {"bagit.txt": 1, "data/Алматы.txt": 2}
    assert "bagit.txt" in view and "b/bagit.txt" not in view


def test_central_directory_over_its_cap_is_refused_from_the_end_record() -> None:
    entries = [(f"b/{n:04d}", b"") for n in range(100)]
    with pytest.raises(HostileBundle, match="central directory is .* more than we accept"):
        _scan(*entries, limits=Limits(max_directory=1000))
    assert len(_scan(*entries)) == 100
