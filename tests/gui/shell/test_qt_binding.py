"""Guards against Qt binding regressions that would crash a long session.

PySide6 6.12.0 on CPython 3.11 dropped a reference to ``None`` on every call of
a C++ method returning ``void``; the interpreter aborted ("deallocating None")
after about 100,000 such calls — a few minutes of scrolling a large catalogue.
pyproject.toml therefore excludes that release; this test catches any other.
"""

import sys

from PySide6.QtWidgets import QWidget


def test_void_methods_keep_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.update()
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 1_000
