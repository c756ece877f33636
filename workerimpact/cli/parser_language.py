"""The command line's help, usage and argument errors in the language of its messages.

The language is chosen before the parser is built (``--language`` anywhere on the command
line, else WORKERIMPACT_LANGUAGE, else the locale), because the help texts are marked with
``t()`` where the parser is built. argparse's own words ("usage:", "options", "the following
arguments are required") come from its module-level ``_``/``ngettext`` (gettext, which
would need compiled ``.mo`` files and the process locale): while a command is parsed they are
pointed at our catalogue, and put back after. Exit codes are argparse's: 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from workerimpact.i18n import t

ARGPARSE_MESSAGES: tuple[str, ...] = (
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "show program's version number and exit",
    "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s",
    "ambiguous option: %(option)s could match %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "can't open '%(filename)s': %(error)s",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "expected %s argument",
    "expected %s arguments",
    "invalid %(type)s value: %(value)r",
    "%(prog)s: error: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
    "the following arguments are required: %s",
    "one of the arguments %s is required",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "unexpected option string: %s",
)
"""argparse's words a user can meet, translated in the catalogue (the rest are errors in
the program's own parser set-up)."""

_OPTION = "--language"


def language_argument(arguments: Sequence[str]) -> str | None:
    """The value of ``--language`` (or ``--language=VALUE``, or an abbreviation argparse
    accepts such as ``--lang``) on a command line not parsed yet, or None."""
    for position, argument in enumerate(arguments):
        if argument == "--":
            break
        name, equals, value = argument.partition("=")
        if len(name) < len("--lang") or not _OPTION.startswith(name):
            continue
        if equals:
            return value
        if position + 1 < len(arguments):
            return arguments[position + 1]
    return None


def _translated(message: str) -> str:
    return t(message)


def _translated_plural(one: str, many: str, count: int) -> str:
    return t(one if count == 1 else many)


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """Inside the block, argparse's own words follow the current language."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _translated  # type: ignore[attr-defined]
    argparse.ngettext = _translated_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


METAVARS: tuple[str, ...] = (
    "COMMAND", "ACTION", "TEXT", "ID", "FILE", "YYYY-MM-DD", "REPORT.pdf", "MEETING_ID",
    "FILE_OR_ID", "REVIEW.pdf", "REQUEST_ID", "PATH", "MEASURE_ID", "ITEM", "IDENTITY.p12",
    "CONCERN_ID", "BACKUP", "TITLE", "SECTION", "SECOND", "REPORT.pdf_OR_CERTIFICATE",
    "QUESTIONNAIRE_ID", "Q", "NAME", "LANG", "FIRST", "FINDING", "COUNTERSIGNED.pdf",
)  # fmt: skip
"""The placeholders usage lines show (``metavar=``), translated where the parser is built."""


def translate_metavars(parser: argparse.ArgumentParser) -> None:
    """Give every placeholder of ``parser`` and the parsers below it (``FILE``, ``ID``) in
    the current language, as the usage lines and "required" errors show them."""
    for command in (parser, *subcommand_parsers(parser)):
        for action in command._actions:
            if isinstance(action.metavar, str):
                action.metavar = t(action.metavar)
            elif isinstance(action.metavar, tuple):
                action.metavar = tuple(t(name) for name in action.metavar)


def subcommand_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every parser below ``parser`` (subcommands and their actions), depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield child
                yield from subcommand_parsers(child)
