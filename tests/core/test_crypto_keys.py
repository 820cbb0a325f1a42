"""Master key wrapping: passphrase, passphrase change, recovery key, key file validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.core.crypto.errors import KeyFileError, WrongPassphrase
from evidence_desk.core.crypto.keys import (
    FAST_TEST_PARAMS,
    SUBKEY_PURPOSES,
    Argon2Params,
    KeyFile,
    change_passphrase,
    create_keys,
    parse_recovery_key,
    read_keyfile,
    subkey,
    unlock,
    unlock_with_recovery,
    write_keyfile,
)


def _created(with_recovery: bool = False):
    return create_keys("correct horse", with_recovery=with_recovery, params=FAST_TEST_PARAMS)


def test_unlock_returns_the_master_key_and_wrong_passphrase_is_clear(tmp_path: Path) -> None:
    created = _created()
    path = tmp_path / "keys.json"
    write_keyfile(path, created.keyfile)
    loaded = read_keyfile(path)
    assert unlock(loaded, "correct horse") == created.master_key
    with pytest.raises(WrongPassphrase, match="passphrase is wrong"):
        unlock(loaded, "correct horsE")
    with pytest.raises(WrongPassphrase, match="empty"):
        unlock(loaded, "")
    assert path.stat().st_mode & 0o777 == 0o600
    assert created.master_key.hex() not in path.read_text()


def test_passphrase_change_keeps_the_master_key(tmp_path: Path) -> None:
    created = _created(with_recovery=True)
    changed = change_passphrase(created.keyfile, "correct horse", "новая фраза")
    assert unlock(changed, "новая фраза") == created.master_key
    with pytest.raises(WrongPassphrase):
        unlock(changed, "correct horse")
    assert changed.salt != created.keyfile.salt
    assert unlock_with_recovery(changed, created.recovery_key or "") == created.master_key
    with pytest.raises(WrongPassphrase):
        change_passphrase(created.keyfile, "wrong", "x")


def test_recovery_key_opens_and_is_forgiving_about_format() -> None:
    created = _created(with_recovery=True)
    text = created.recovery_key
    assert text is not None and len(text.split("-")) == 13
    sloppy = text.lower().replace("-", " ")
    assert unlock_with_recovery(created.keyfile, sloppy) == created.master_key
    other = _created(with_recovery=True).recovery_key or ""
    with pytest.raises(WrongPassphrase, match="recovery key is wrong"):
        unlock_with_recovery(created.keyfile, other)
    with pytest.raises(WrongPassphrase, match="not valid"):
        parse_recovery_key("1111-0000")
    with pytest.raises(WrongPassphrase, match="without a recovery key"):
        unlock_with_recovery(_created().keyfile, text)


def test_subkeys_differ_per_purpose_and_are_stable() -> None:
    master = bytes(32)
    keys = {p: subkey(master, p) for p in SUBKEY_PURPOSES}
    assert len(set(keys.values())) == len(SUBKEY_PURPOSES)
    assert subkey(master, "objects") == keys["objects"]
    assert subkey(bytes([1]) + bytes(31), "objects") != keys["objects"]
    with pytest.raises(ValueError):
        subkey(master, "nonsense")


def _doc() -> dict:
    return json.loads(_created(with_recovery=True).keyfile.to_json())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other"), "field format"),
        (lambda d: d.update(version=2), "field version"),
        (lambda d: d["kdf"].update(name="scrypt"), "field kdf"),
        (lambda d: d["kdf"].update(memory_kib=1024), "memory"),
        (lambda d: d["kdf"].update(memory_kib=2**30), "memory"),
        (lambda d: d["kdf"].update(time_cost=0), "time cost"),
        (lambda d: d["kdf"].update(parallelism="4"), "kdf.parallelism"),
        (lambda d: d["kdf"].update(salt="short"), "kdf.salt"),
        (lambda d: d["passphrase"].update(nonce="AAAA"), "passphrase.nonce"),
        (lambda d: d.update(passphrase=None), "field passphrase"),
        (lambda d: d["recovery"].update(ciphertext=7), "recovery.ciphertext"),
    ],
)
def test_hostile_key_files_are_refused_with_the_field_named(mutate, message: str) -> None:
    doc = _doc()
    mutate(doc)
    with pytest.raises(KeyFileError, match=message):
        KeyFile.from_json(json.dumps(doc), "keys.json")


def test_unreadable_key_files(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="cannot read"):
        read_keyfile(tmp_path / "missing.json")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 100_000)
    with pytest.raises(KeyFileError, match="larger"):
        read_keyfile(big)
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff\xfe")
    with pytest.raises(KeyFileError, match="UTF-8"):
        read_keyfile(garbage)
    garbage.write_text("[1, 2")
    with pytest.raises(KeyFileError, match="not JSON"):
        read_keyfile(garbage)


def test_default_parameters_are_within_bounds() -> None:
    Argon2Params().check()
    with pytest.raises(KeyFileError):
        create_keys("x", params=Argon2Params(memory_kib=1))


def test_passphrase_is_compared_after_unicode_normalisation() -> None:
    created = create_keys("Алматы йол", params=FAST_TEST_PARAMS)  # precomposed й
    decomposed = "Алматы и\u0306ол"  # и + combining breve, as some keyboards send it
    assert decomposed != "Алматы йол"
    assert unlock(created.keyfile, decomposed) == created.master_key
