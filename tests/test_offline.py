"""The application never opens a network connection.

Every way Python code reaches the network goes through ``socket``; these
tests make any such attempt fail loudly while the whole archive life cycle runs.
"""

from __future__ import annotations

import socket

import pytest

from evidence_desk.services.catalogue.items import list_items, set_tags
from evidence_desk.services.catalogue.verify import verify
from evidence_desk.services.intake.ingest import Provenance, ingest
from tests.media import make_jpeg, make_mp4, make_pdf


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):
        def _refuse(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise NetworkUsed(f"network use: {name}{args!r}")

        return _refuse

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_ingest_tag_verify_offline(no_network, archive, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    make_jpeg(src / "photo.jpg")
    make_mp4(src / "clip.mp4")
    make_pdf(src / "report.pdf")
    report = ingest(archive, [src], provenance=Provenance(received_from="A-17", method="USB"))
    assert len(report.new) == 3 and not report.failed
    set_tags(archive, ["ED-1"], add=["Алматы"])
    assert verify(archive).ok
    assert len(list_items(archive)) == 3
    assert no_network == []
