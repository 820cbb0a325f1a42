"""The PySide6 desktop application (the only layer that imports Qt).

Importing this package applies one interpreter-wide guard, see
``_pin_singletons``.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40


def _pin_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on Python < 3.12.

    With PySide6 6.12.0 on CPython 3.11, every call of a ``void`` C++ method
    (``QPainter.save``, ``QWidget.update``, ``setEnabled``…) returns ``None``
    without taking a reference, so ``None``'s reference count falls by one per
    call until the interpreter aborts with "deallocating None" — within
    minutes of scrolling a large catalogue. CPython 3.12 made these objects
    immortal; adding 2**40 references does the same here (they are never
    freed anyway), and is harmless where the bug is fixed.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        if refcount.value < _PIN:
            refcount.value += _PIN


_pin_singletons()
