"""The keys folder of an encrypted archive: create, unlock, change, recover, sealed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_desk.core.crypto import archive_keys
from evidence_desk.core.crypto.errors import KeyFileError, TamperedError, WrongPassphrase
from evidence_desk.core.crypto.keys import FAST_TEST_PARAMS


def _create(tmp_path: Path, recovery: bool = True) -> archive_keys.NewKeys:
    return archive_keys.create(
        tmp_path, "first phrase", with_recovery=recovery, params=FAST_TEST_PARAMS
    )


def test_create_unlock_change_and_recover(tmp_path: Path) -> None:
    new = _create(tmp_path)
    assert archive_keys.is_encrypted(tmp_path)
    assert archive_keys.unlock(tmp_path, "first phrase") == new.keys
    assert "<unlocked>" in repr(new.keys) and new.keys.objects.hex() not in repr(new.keys)
    archive_keys.change_passphrase(tmp_path, "first phrase", "second phrase")
    assert archive_keys.unlock(tmp_path, "second phrase") == new.keys
    with pytest.raises(WrongPassphrase):
        archive_keys.unlock(tmp_path, "first phrase")
    with pytest.raises(WrongPassphrase):
        archive_keys.change_passphrase(tmp_path, "first phrase", "x")
    assert archive_keys.unlock(tmp_path, "second phrase") == new.keys  # untouched
    archive_keys.reset_passphrase(tmp_path, new.recovery_key or "", "third phrase")
    assert archive_keys.unlock(tmp_path, "third phrase") == new.keys
    assert archive_keys.unlock_with_recovery(tmp_path, new.recovery_key or "") == new.keys
    with pytest.raises(KeyFileError, match="never replaced"):
        _create(tmp_path)


def test_subkeys_are_distinct(tmp_path: Path) -> None:
    keys = _create(tmp_path, recovery=False).keys
    values = [keys.objects, keys.derived, keys.database, keys.signing, keys.age_identity]
    assert len(set(values)) == 5


def test_sealed_files_are_bound_to_their_name(tmp_path: Path) -> None:
    keys = _create(tmp_path).keys
    secret = tmp_path / archive_keys.SIGNING_KEY
    archive_keys.write_sealed(secret, b"-----BEGIN PRIVATE KEY----- CANARY", keys.signing)
    assert b"CANARY" not in secret.read_bytes()
    assert secret.stat().st_mode & 0o777 == 0o600
    assert archive_keys.read_sealed(secret, keys.signing).endswith(b"CANARY")
    renamed = tmp_path / archive_keys.AGE_IDENTITY
    renamed.write_bytes(secret.read_bytes())
    with pytest.raises(TamperedError):
        archive_keys.read_sealed(renamed, keys.signing)
    with pytest.raises(TamperedError):
        archive_keys.read_sealed(secret, keys.derived)
    with pytest.raises(KeyFileError, match="cannot read"):
        archive_keys.read_sealed(tmp_path / "missing", keys.signing)
