"""Opening the desktop window from the command line.

Kept apart from the commands and free of core imports, so that `workerimpact` with no
arguments reaches the window as fast as a bare Qt program.
"""

from __future__ import annotations

import sys


def launch_window(arguments: list[str]) -> int:
    """Open the desktop window, with a clear message if Qt is not installed."""
    try:
        from ui.app import run
    except ImportError as error:
        if (error.name or "").startswith(("PySide6", "shiboken6")):
            print(
                "workerimpact: the desktop window needs PySide6-Essentials, which is not "
                "installed. Install it with: pip install 'workerimpact[gui]'\n"
                "Every feature is also available as a command: workerimpact --help",
                file=sys.stderr,
            )
            return 1
        raise
    return run(arguments)
