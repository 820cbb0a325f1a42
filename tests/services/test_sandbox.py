"""The decoder sandbox: a crash, a hang or an exception costs one call, never the caller."""

from __future__ import annotations

import ctypes
import io
import os
import time

import pytest
from PIL import Image

from evidence_desk.core.preview_decode import decode_for_preview
from evidence_desk.services.sandbox import DecodeSandbox, SandboxFailure


def _segfault() -> None:
    ctypes.string_at(0)  # dereferences NULL: SIGSEGV in the worker


def _hang() -> None:
    time.sleep(60)


def _boom() -> None:
    raise ValueError("bad header")


def _pid() -> int:
    return os.getpid()


@pytest.fixture
def sandbox():
    box = DecodeSandbox(timeout_s=10)
    yield box
    box.close()


def _tiff() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(buf, "TIFF")
    return buf.getvalue()


def test_decodes_in_another_process(sandbox):
    assert sandbox.run(_pid) != os.getpid()
    result = sandbox.run(decode_for_preview, _tiff(), 3000)
    assert result.image is not None
    assert (result.image.width, result.image.height, result.image.mode) == (64, 48, "RGB")
    assert result.image.pixels[:3] == bytes((200, 10, 10))


def test_a_crash_costs_one_call_and_the_next_call_works(sandbox):
    first = sandbox.run(_pid)
    with pytest.raises(SandboxFailure, match="crashed"):
        sandbox.run(_segfault)
    second = sandbox.run(_pid)
    assert second != first  # a fresh worker
    assert sandbox.run(decode_for_preview, _tiff(), 3000).image is not None


def test_a_hang_is_killed_after_the_timeout(sandbox):
    started = time.monotonic()
    with pytest.raises(SandboxFailure, match="no answer"):
        sandbox.run(_hang, timeout_s=1)
    assert time.monotonic() - started < 10
    assert sandbox.run(_pid) > 0


def test_an_exception_is_reported_and_the_worker_kept(sandbox):
    pid = sandbox.run(_pid)
    with pytest.raises(SandboxFailure, match="ValueError: bad header"):
        sandbox.run(_boom)
    assert sandbox.run(_pid) == pid


@pytest.mark.parametrize(
    "data",
    [b"", b"II*\x00" + b"\x00" * 20, b"\x89PNG\r\n\x1a\n" + os.urandom(200), os.urandom(4096)],
)
def test_garbage_gives_a_reason_not_an_exception(data):
    result = decode_for_preview(data)
    assert result.image is None and result.reason
