"""The subcommands: the argument parser, and running one command with clean errors.

Exit codes: 0 success, 1 bad input or a fault explained in one clear message per problem
(never a traceback), 2 wrong usage. Each group of subcommands lives in its own module and
registers itself here.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

from workerimpact import __version__
from workerimpact.cli import (
    assessments,
    library,
    plan,
    questionnaires,
    reports,
    review,
    signing,
    upgrade,
    window,
)
from workerimpact.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    add_language_option,
    chosen_language,
    report_problems,
)
from workerimpact.cli.parser_language import (
    argparse_words,
    language_argument,
    subcommand_parsers,
    translate_metavars,
)
from workerimpact.errors import InputError, WorkerImpactError
from workerimpact.i18n import language, language_from_environment, os_reason, t
from workerimpact.safetext import printable

COMMAND_GROUPS = (
    questionnaires,
    assessments,
    reports,
    signing,
    library,
    review,
    plan,
    upgrade,
    window,
)
"""Modules that add subcommands; each has ``register(subparsers)``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand, its help in the current language (build
    it inside ``argparse_words()`` for argparse's own words too)."""
    parser = argparse.ArgumentParser(
        prog="workerimpact",
        description=t(
            "Assess how an AI system at work affects workers: surveillance, job "
            "quality, health and safety (EO 14110 Sec. 2(c)). Run without arguments to open "
            "the desktop window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"WorkerImpact {__version__}",
        help=t("show program's version number and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    # Every command takes --language (the messages' language), before or after its name.
    for command in (parser, *subcommand_parsers(parser)):
        if "--language" not in command._option_string_actions:
            add_language_option(command)
    translate_metavars(parser)
    return parser


def run(arguments: list[str]) -> int:
    """Parse and run one command in the messages' language; return the exit code."""
    chosen = language_from_environment(language_argument(arguments))
    # The help, argparse's errors and the error handler all speak the chosen language.
    with language(chosen):
        with argparse_words():
            parser = build_parser()
            options = parser.parse_args(arguments)
            if options.command is None:
                parser.print_help()
                return EXIT_OK
        # A statement follows a language the user chose, wherever it was given on the line
        # (a subcommand's own --language default would otherwise hide one given before it).
        options.chosen_language = chosen_language(arguments)
        return _run_handler(options)


def _run_handler(options: argparse.Namespace) -> int:
    """Run the chosen subcommand; turn every expected failure into a message and a code."""
    try:
        return options.handler(options)
    except InputError as error:
        report_problems(error.problems)
        return EXIT_INPUT
    except WorkerImpactError as error:
        print(printable(f"workerimpact: {error}"), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into a program that stopped reading (e.g. `| head`).
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:  # a safety net: the core turns the ones it expects into sentences
        where = f" ({error.filename})" if error.filename else ""
        print(f"workerimpact: {os_reason(error)}{where}", file=sys.stderr)
        return EXIT_INPUT
    except sqlite3.Error as error:
        message = t("the library reported an error: {error}", error=error)
        print(f"workerimpact: {message}", file=sys.stderr)
        return EXIT_INPUT
