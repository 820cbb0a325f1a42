"""The background runner: throttled progress, batched items, cancel, errors."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest
import shiboken6

from evidence_desk.gui.shell.tasks import TaskRunner, error_text
from evidence_desk.services.archive.errors import EvidenceDeskError


@dataclass
class State:
    done: int


def _busy(n: int, *, progress, cancelled, on_item) -> int:
    state = State(0)
    gui_thread = threading.main_thread()
    assert threading.current_thread() is not gui_thread
    for i in range(n):
        if cancelled():
            return state.done
        state.done = i + 1
        on_item(i)
        progress(state)
        time.sleep(0.0002)
    return state.done


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()
    shiboken6.delete(r)  # on the GUI thread, never from the garbage collector in a worker


def test_progress_is_throttled_and_the_last_state_arrives(qtbot, runner):
    seen: list[int] = []
    items: list[int] = []
    task = runner.submit(_busy, 3000, progress=True, cancellable=True, on_item=True)
    task.progressed.connect(lambda s: seen.append(s.done))
    task.items.connect(items.extend)
    with qtbot.waitSignal(task.succeeded, timeout=30_000) as done:
        pass
    assert done.args == [3000]
    assert seen[-1] == 3000
    assert items == list(range(3000)), "every item arrives, in order, batched"
    assert len(seen) < 3000 / 10, f"{len(seen)} progress signals for 3000 updates"
    assert seen == sorted(seen), "progress states are copies, not the live object"


def test_cancel_stops_the_work(qtbot, runner):
    task = runner.submit(_busy, 10_000_000, progress=True, cancellable=True, on_item=True)
    qtbot.waitSignal(task.progressed, timeout=10_000).wait()
    task.cancel()
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as done:
        pass
    assert done.args[0] < 10_000_000


def test_errors_reach_the_gui_thread_as_messages(qtbot, runner):
    def fails() -> None:
        raise EvidenceDeskError("no archive at /nowhere")

    task = runner.submit(fails)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        pass
    assert error_text(failed.args[0]) == "no archive at /nowhere"
    assert error_text(FileNotFoundError(2, "No such file", "/x")) == "No such file: /x"
