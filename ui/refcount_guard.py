"""Keep ``None`` alive despite a reference-counting bug in some PySide6 builds.

PySide6 6.12 (the version this project is tested with) returns ``None`` from every
wrapped ``void`` C++ method without taking a reference to it, so each such call
(``setText``, ``setVisible``, ``QTimer.singleShot``…) drops one reference to ``None``. After
some tens of thousands of calls ``None``'s count reaches zero and the interpreter aborts
("Fatal Python error: none_dealloc"). This guard detects the bug at start-up and, while
the window runs, keeps a reserve of references to ``None`` topped up. With a fixed PySide6
it detects nothing and does nothing.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer

RESERVE = 200_000
"""References added at a time (1.6 MB)."""
LOW = 100_000
"""Top up when ``None`` has fewer references than this."""
INTERVAL_MS = 500

_reserve: list[list[None]] = []


def void_calls_drop_none() -> bool:
    """True when calling a wrapped void method drops a reference to ``None``."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


def top_up() -> None:
    """Add references to ``None`` when its count runs low.

    Each reserve is made immortal (one extra reference no one drops), so it is not freed
    at exit either: freeing it would give back references the bug has already spent.
    """
    import ctypes

    while sys.getrefcount(None) < LOW:
        chunk = [None] * RESERVE
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))
        _reserve.append(chunk)


class RefcountGuard(QObject):
    """Tops up ``None``'s references every half second, if this PySide6 needs it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.active = void_calls_drop_none()
        if self.active:
            top_up()
            self._timer = QTimer(self)
            self._timer.setInterval(INTERVAL_MS)
            self._timer.timeout.connect(top_up)
            self._timer.start()
