"""Shared test set-up: offscreen Qt, and no test ever touches the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("EVIDENCE_DESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("EVIDENCE_DESK_ARCHIVE", str(home / "default-archive"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config-xdg"))


@pytest.fixture
def archive(tmp_path: Path):
    from evidence_desk.services.archive.archive import create_archive

    arch = create_archive(tmp_path / "archive", "Test archive")
    yield arch
    arch.close()


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypted archives made in the test derive their keys with the cheap test parameters
    (the real Argon2id costs a second each); modules that make many use it for every test:
    ``pytestmark = pytest.mark.usefixtures("fast_kdf")``."""
    from evidence_desk.core.crypto import keys

    monkeypatch.setattr(keys, "DEFAULT_PARAMS", keys.FAST_TEST_PARAMS)
