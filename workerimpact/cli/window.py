"""``workerimpact open FILE``: open an assessment file or a report PDF in the desktop window.

The file is added to the library (a report PDF is checked first) and opened in the editor.
This module only parses the command; the window itself lives in the ``ui`` package.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workerimpact.cli.launch import launch_window
from workerimpact.errors import InputError
from workerimpact.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``open`` subcommand."""
    command = subparsers.add_parser(
        "open",
        help=t("open an assessment file or a report PDF in the desktop window"),
        description=t(
            "Open an assessment file (.json) or a WorkerImpact report PDF in the "
            "desktop window. It is added to the library as a copy you can work from; a report "
            "is first checked for changes since it was exported."
        ),
    )
    command.add_argument("file", metavar="FILE", help=t("assessment file or report PDF"))
    command.set_defaults(handler=open_command)


def open_command(options: argparse.Namespace) -> int:
    """Check the file exists, then open the window on it."""
    path = Path(options.file)
    if not path.is_file():
        raise InputError.single(str(path), t("no such file"))
    return launch_window([str(path.resolve())])
