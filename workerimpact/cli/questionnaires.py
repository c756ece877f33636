"""Subcommands about questionnaires: list, validate, install, and print the JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workerimpact.catalog import install_questionnaire, load_catalog
from workerimpact.cli.common import EXIT_INPUT, EXIT_OK, print_json, report_problems
from workerimpact.errors import InputError, Problem
from workerimpact.loader import load_questionnaire
from workerimpact.questionnaire import MODEL_FINDINGS_FLOOR, MODEL_POINTS_SHARE, Questionnaire
from workerimpact.schema import SCHEMA_NAMES, json_schema


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the questionnaire subcommands."""
    listing = subparsers.add_parser(
        "questionnaires", help="list built-in and installed questionnaires"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(handler=list_questionnaires)

    validate = subparsers.add_parser(
        "validate", help="check questionnaire files; every problem on stderr as PATH: where: what"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="questionnaire files")
    validate.set_defaults(handler=validate_files)

    install = subparsers.add_parser(
        "install", help="validate a questionnaire file and install it for new assessments"
    )
    install.add_argument("path", metavar="PATH", help="questionnaire file")
    install.set_defaults(handler=install_file)

    schema = subparsers.add_parser("schema", help="print the JSON Schema of a file format")
    schema.add_argument("name", choices=SCHEMA_NAMES, help="which format")
    schema.set_defaults(handler=print_schema)


def list_questionnaires(options: argparse.Namespace) -> int:
    """List the questionnaires new assessments can use."""
    catalog = load_catalog()
    if options.json:
        print_json([entry.to_json_data() for entry in catalog.entries])
    else:
        width = max((len(entry.id) for entry in catalog.entries), default=2)
        for entry in catalog.entries:
            origin = "built-in" if entry.builtin else "installed"
            print(f"{entry.id:<{width}}  {entry.version:<8}  {entry.title}  ({origin})")
            print(f"{'':<{width}}  {entry.path}")
    if catalog.problems:
        print("Some installed questionnaires could not be used:", file=sys.stderr)
        report_problems(catalog.problems)
    return EXIT_OK


def model_words(questionnaire: Questionnaire) -> str:
    """The scoring model a questionnaire uses, named for people."""
    if questionnaire.scoring.floor_model:
        return f"{MODEL_FINDINGS_FLOOR} (findings set floors for levels)"
    return f"{MODEL_POINTS_SHARE} (the default: share of answered points)"


def validate_files(options: argparse.Namespace) -> int:
    """Validate each file; report every problem of every file."""
    problems: list[Problem] = []
    for path in options.paths:
        try:
            questionnaire = load_questionnaire(path)
        except InputError as error:
            problems += error.problems
            continue
        count = len(questionnaire.questions())
        print(
            f"{path}: valid — {questionnaire.id} {questionnaire.version}, {count} questions, "
            f"{len(questionnaire.rules)} rules, scoring model {model_words(questionnaire)}"
        )
    if problems:
        report_problems(problems)
        files = len({problem.file for problem in problems})
        print(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}",
            file=sys.stderr,
        )
        return EXIT_INPUT
    return EXIT_OK


def install_file(options: argparse.Namespace) -> int:
    """Install a custom questionnaire into the data folder."""
    entry = install_questionnaire(Path(options.path))
    print(f"installed {entry.id} {entry.version} ({entry.title}) as {entry.path}")
    return EXIT_OK


def print_schema(options: argparse.Namespace) -> int:
    """Print a JSON Schema generated from the models."""
    print_json(json_schema(options.name))
    return EXIT_OK
