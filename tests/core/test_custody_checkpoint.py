"""Signed custody checkpoints: canonical bytes, signatures, hostile files, comparisons."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core import custody_checkpoint as cp
from evidence_desk.core import signing
from evidence_desk.core.custody_chain import canonical_json

ARCHIVE = "0b6f1f6e-7b7c-4c52-9a55-7d2a8f0f9a01"
HEAD = "ab" * 32


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _made(key: Ed25519PrivateKey, events: int = 7, exhibit_high: int = 3) -> cp.Checkpoint:
    return cp.make(key, cp.Head(ARCHIVE, events, HEAD, exhibit_high), "2026-11-28T08:00:00Z")


def test_round_trip_and_signature(key, tmp_path: Path):
    made = _made(key)
    path = tmp_path / cp.FILE_NAME
    cp.write_atomic(path, made)
    back = cp.read(path)
    assert back == made
    cp.check_signature(back, key.public_key(), str(path))
    assert back.key_fingerprint == signing.fingerprint(key.public_key())
    assert [p.name for p in tmp_path.iterdir()] == [cp.FILE_NAME]  # no temp file left


def test_signed_bytes_are_canonical_json_without_the_signature(key):
    made = _made(key)
    body = json.loads(made.to_bytes())
    del body["signature"]
    assert made.signed_bytes() == canonical_json(body)
    sig = base64.b64decode(made.signature)
    assert signing.verify(key.public_key(), sig, canonical_json(body))


@pytest.mark.parametrize(
    "field, value",
    [("events", 6), ("head", "cd" * 32), ("exhibit_high", 2), ("archive_uuid", "1" * 36)],
)
def test_an_edited_field_breaks_the_signature(key, field, value):
    forged = replace(_made(key), **{field: value})
    with pytest.raises(cp.CheckpointError, match="signature does not match"):
        cp.check_signature(forged, key.public_key(), "ckpt")


def test_another_key_is_named(key):
    other = Ed25519PrivateKey.generate()
    with pytest.raises(cp.CheckpointError, match="not by this archive's key"):
        cp.check_signature(_made(other), key.public_key(), "ckpt")


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "not a JSON"),
        (b"\xff\xfe", "not a JSON"),
        (b"[" * 60_000, "not a JSON"),
        (b'{"events": NaN}', "not a JSON"),
        (b"{}", "(top level)"),
        (b"x" * (cp.MAX_BYTES + 1), "too large"),
    ],
)
def test_hostile_bytes_give_one_line(data, fragment):
    with pytest.raises(cp.CheckpointError) as caught:
        cp.parse(data, "archive/custody-checkpoint.json")
    message = str(caught.value)
    assert "archive/custody-checkpoint.json" in message and fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "field, value",
    [
        ("events", "7"),
        ("events", -1),
        ("events", 2**70),
        ("head", "AB" * 32),
        ("exhibit_high", 1.5),
        ("signature", "x" * 500),
        ("format", "something else"),
    ],
)
def test_wrong_field_values_are_named(key, field, value):
    body = json.loads(_made(key).to_bytes())
    body[field] = value
    with pytest.raises(cp.CheckpointError, match=f"field {field}"):
        cp.parse(json.dumps(body).encode(), "ckpt")


def test_extra_field_is_refused(key):
    body = json.loads(_made(key).to_bytes())
    body["note"] = "trust me"
    with pytest.raises(cp.CheckpointError, match="note"):
        cp.parse(json.dumps(body).encode(), "ckpt")


def test_symlink_is_not_followed(key, tmp_path: Path):
    real = tmp_path / "real.json"
    cp.write_atomic(real, _made(key))
    link = tmp_path / cp.FILE_NAME
    link.symlink_to(real)
    with pytest.raises(cp.CheckpointError, match="cannot be read"):
        cp.read(link)


def test_fifo_is_not_read(tmp_path: Path):
    fifo = tmp_path / cp.FILE_NAME
    os.mkfifo(fifo)
    with pytest.raises(cp.CheckpointError, match="not a regular file"):
        cp.read(fifo)  # a FIFO without a writer must not hang the reader


def test_missing_checkpoint_is_none(tmp_path: Path):
    assert cp.read(tmp_path / cp.FILE_NAME) is None


def test_compare():
    anchor = cp.Head(ARCHIVE, 10, HEAD, 4)
    assert cp.compare(anchor, 10, HEAD, 4).ok
    assert cp.compare(anchor, 12, HEAD, 5).ok  # the log grew after the checkpoint
    cut = cp.compare(anchor, 8, None, 4)
    assert not cut.ok and "truncated" in cut.message and "10 events" in cut.message
    assert "only 8" in cut.message
    rewritten = cp.compare(anchor, 10, "ff" * 32, 4)
    assert not rewritten.ok and "rewritten" in rewritten.message and "#10" in rewritten.message
    lost = cp.compare(anchor, 10, HEAD, 3)
    assert not lost.ok and "up to 4" in lost.message
    assert cp.compare(cp.Head(ARCHIVE, 0, "0" * 64, 0), 0, None, 0).ok
