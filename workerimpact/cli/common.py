"""What the subcommands share: exit codes, printing problems and JSON, finding assessments."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workerimpact.assessment import Assessment, load_assessment
from workerimpact.errors import InputError, Problem
from workerimpact.files import is_pdf

if TYPE_CHECKING:
    from workerimpact.storage import Library

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

_LIBRARY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")


def report_problems(problems: Iterable[Problem]) -> None:
    """Print each problem on its own line of standard error as ``PATH: where: what``."""
    for problem in problems:
        print(str(problem) if problem.file else f"workerimpact: {problem}", file=sys.stderr)


def print_json(data: Any) -> None:
    """Print JSON data to standard output, readable and UTF-8."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def load_assessment_argument(argument: str) -> Assessment:
    """Load an assessment named on the command line: a file, a report PDF or a library id."""
    path = Path(argument)
    if path.exists():
        if path.is_file() and is_pdf(path):
            from workerimpact.report import embedded_assessment

            return embedded_assessment(path)
        return load_assessment(path)
    if _LIBRARY_ID.match(argument) and not argument.lower().endswith((".json", ".pdf")):
        with open_library(read_only=True) as library:
            return library.get(argument)
    raise InputError.single(argument, "no such file")


def refuse_existing(output: Path, force: bool) -> None:
    """Refuse to overwrite ``output`` unless ``--force`` was given."""
    if output.exists() and not force:
        raise InputError.single(
            str(output), "the file already exists; choose another name or add --force"
        )


def open_library(*, read_only: bool = False) -> Library:
    """Open the library in the data folder, printing on standard error what the user must
    know: a folder just made private, changes that could not be read, a failed backup."""
    from workerimpact.storage import Library

    library = Library.open(read_only=read_only)
    for notice in library.notices:
        print(f"workerimpact: note: {notice}", file=sys.stderr)
    if library.backup_problem:
        print(f"workerimpact: warning: {library.backup_problem}", file=sys.stderr)
    return library
