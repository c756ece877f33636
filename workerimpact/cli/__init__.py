"""The ``workerimpact`` command: everything the window does, without a window.

Exit codes: 0 success, 1 bad input or a fault explained in one clear message per problem
(never a traceback), 2 wrong usage. With no arguments it opens the desktop window.
The subcommands live in ``commands.py``, each group in its own module.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    With no arguments the desktop window opens, without loading the core's commands first:
    start-up time is what a user feels.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        return main_gui([])
    from workerimpact.cli.commands import run

    return run(arguments)


def main_gui(argv: Sequence[str] | None = None) -> int:
    """Open the desktop window (``workerimpact`` with no arguments, or ``workerimpact-gui``)."""
    from workerimpact.cli.launch import launch_window

    return launch_window(list(argv or []))
