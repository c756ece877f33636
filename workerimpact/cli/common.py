"""What the subcommands share: exit codes, printing problems and JSON, finding assessments."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workerimpact.assessment import Assessment, load_assessment
from workerimpact.errors import InputError, Problem
from workerimpact.files import is_pdf
from workerimpact.i18n import n, t
from workerimpact.safetext import printable

if TYPE_CHECKING:
    from workerimpact.storage import Library

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

_LIBRARY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")


MAX_PROBLEMS_SHOWN = 100
"""Problems printed per file; the rest are counted ("and 20,000 more")."""

PROBLEM_FORMATS = ("text", "gnu")

_PLACE_PREFIX = re.compile(r"line \d+(?:, column \d+)?(?:, )?")


def problem_path(problem: Problem) -> str:
    """The JSON path part of a problem's place (``sections[0].title``), without the line."""
    return _PLACE_PREFIX.sub("", problem.where, count=1) if problem.line else problem.where


def format_problem(problem: Problem, style: str = "text") -> str:
    """One problem as one safe line: ``PATH: where: what`` or, with ``style="gnu"``, the
    ``PATH:LINE:COL: error: what`` form editors and CI annotations jump to."""
    if style == "gnu":
        place = problem.file or "workerimpact"
        if problem.line is not None:
            place += f":{problem.line}"
            if problem.column is not None:
                place += f":{problem.column}"
        path = problem_path(problem)
        text = f"{place}: {problem.severity}: {problem.message}" + (f" [{path}]" if path else "")
    else:
        message = (
            t("warning: {text}", text=problem.message)
            if problem.severity == "warning"
            else problem.message
        )
        parts = [part for part in (problem.file, place_words(problem.where), message) if part]
        text = ": ".join(parts) if problem.file else "workerimpact: " + ": ".join(parts)
    return printable(text)


_PLACE = re.compile(r"line (\d+)(?:, column (\d+))?")


def place_words(where: str) -> str:
    """A problem's place with "line 3, column 5" in the current language."""
    match = _PLACE.match(where)
    if match is None:
        return where
    line, column = match.groups()
    words = (
        t("line {line}, column {column}", line=line, column=column)
        if column
        else t("line {line}", line=line)
    )
    return words + where[match.end() :]


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem as ``--json`` prints it."""
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "path": problem_path(problem),
        "message": problem.message,
        **({"more": problem.more} if problem.more else {}),
    }


def report_problems(
    problems: Iterable[Problem], style: str = "text", limit: int = MAX_PROBLEMS_SHOWN
) -> None:
    """Print each problem on its own line of standard error, at most ``limit`` per file,
    then how many more there are. Text from files is shown with visible escapes."""
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        count = shown.get(problem.file, 0)
        if count >= limit:
            hidden[problem.file] = hidden.get(problem.file, 0) + 1 + problem.more
            continue
        shown[problem.file] = count + 1
        print(format_problem(problem, style), file=sys.stderr)
    for file, count in hidden.items():
        more = n(
            count, "and {number} more problem", "and {number} more problems", number=f"{count:,}"
        )
        print(printable(f"{file}: {more}" if file else f"workerimpact: {more}"), file=sys.stderr)


def add_language_option(parser: argparse.ArgumentParser, statement: bool = False) -> None:
    """Add ``--language``: the language of the command's messages (and, with
    ``statement``, of the statement written)."""
    what = t(
        "language of the statement and of these messages: en or es (default: the language "
        "chosen with --language before the command or with WORKERIMPACT_LANGUAGE, else en for "
        "the statement; messages also follow the locale)"
        if statement
        else "language of the messages: en or es (default: WORKERIMPACT_LANGUAGE, else the "
        "locale, else en)"
    )
    parser.add_argument("--language", metavar="LANG", type=language_tag, help=what)


def statement_language(options: argparse.Namespace) -> str:
    """The language of a statement a command writes: its own ``--language``, else the one
    the user chose for the command line (``--language`` anywhere, or WORKERIMPACT_LANGUAGE;
    ``chosen_language``, set by ``run``), else English. The locale alone never changes a
    statement: it is a document for others, written in the language asked for."""
    return options.language or getattr(options, "chosen_language", None) or "en"


def chosen_language(arguments: list[str]) -> str | None:
    """The language the user chose for this command line: ``--language`` anywhere on it,
    else WORKERIMPACT_LANGUAGE; None when neither names a language offered."""
    import os

    from workerimpact.cli.parser_language import language_argument
    from workerimpact.i18n import ENVIRONMENT, supported

    for candidate in (language_argument(arguments), os.environ.get(ENVIRONMENT)):
        if candidate and supported(candidate):
            return supported(candidate)
    return None


def language_tag(text: str) -> str:
    """``--language``'s value: a language the statement and messages can be given in."""
    from workerimpact.i18n import LANGUAGES, supported

    found = supported(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            t(
                "{value} is not offered; choose one of: {choices}",
                value=repr(printable(text)[:40]),
                choices=", ".join(LANGUAGES),
            )
        )
    return found


def said(value: str | None) -> str:
    """A consultation choice as the messages read it ("partly" → "partly agree"), in the
    messages' language; "" for none. (Files written keep the English words.)"""
    from workerimpact.consultation.models import label

    words = label(value)
    return t(words) if words else ""


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
    raise InputError.single(argument, t("no such file"))


def refuse_existing(output: Path, force: bool) -> None:
    """Refuse to overwrite ``output`` unless ``--force`` was given."""
    if output.exists() and not force:
        raise InputError.single(
            str(output), t("the file already exists; choose another name or add --force")
        )


def open_library(*, read_only: bool = False) -> Library:
    """Open the library in the data folder, printing on standard error what the user must
    know: a folder just made private, changes that could not be read, a failed backup."""
    from workerimpact.storage import Library

    library = Library.open(read_only=read_only)
    for notice in library.notices:
        print("workerimpact: " + t("note: {notice}", notice=notice), file=sys.stderr)
    if library.backup_problem:
        print(
            "workerimpact: " + t("warning: {text}", text=library.backup_problem),
            file=sys.stderr,
        )
    return library
