"""Start the desktop window: ``run(arguments)``, called by ``workerimpact`` with no command.

Start-up is kept lean on purpose: this module and the window shell import only Qt, and the
core (pydantic, storage, questionnaires) is loaded on a worker thread after the window is
visible. ``arguments`` may name one file to open: an assessment file or a report PDF.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

STARTUP_PROBE = "WORKERIMPACT_STARTUP_PROBE"
"""When set, print a line when the window is first painted (and, for ``ready``, when the
library is shown), then quit. ``benchmarks/bench_startup.py`` uses it."""


class _FirstPaint(QObject):
    """Prints ``visible`` on the first paint of a window (the start-up benchmark's mark)."""

    def __init__(self, window, quit_after: bool):
        super().__init__(window)
        self._quit_after = quit_after
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("visible", flush=True)
            if self._quit_after:
                QTimer.singleShot(0, QApplication.instance().quit)
        return False


def application() -> QApplication:
    """The QApplication, created with WorkerImpact's names and icon if it does not exist."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("WorkerImpact")
    app.setOrganizationName("WorkerImpact")
    app.setDesktopFileName("workerimpact")
    if not getattr(app, "_workerimpact_language", None):
        from ui.i18n import install

        app._workerimpact_language = install(app)
    return app


def run(arguments: list[str]) -> int:
    """Open the main window (and the file named in ``arguments``, if any); return the exit
    code when the window closes."""
    app = application()
    probe = os.environ.get(STARTUP_PROBE, "")
    path = arguments[0] if arguments else None
    # A window already running for this data folder takes the file (part of the start-up
    # the benchmark measures; the check costs a fraction of a millisecond when none runs).
    from ui.single_instance import InstanceServer, hand_over  # no QtNetwork until used

    if hand_over(path):
        return 0
    from ui.main_window import MainWindow

    window = MainWindow(open_path=path)
    if probe:
        _FirstPaint(window, quit_after=probe == "visible")
        if probe == "ready":
            window.ready.connect(lambda: (print("ready", flush=True), app.quit()))
    else:
        # Listening starts after the first paint (QtNetwork stays off the start-up path).
        window.listen_for_launches = lambda: InstanceServer(window.receive_launch, parent=window)
    window.show()  # the window starts loading the library after its first paint
    return app.exec()
