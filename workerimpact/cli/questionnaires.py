"""Subcommands about questionnaires: list, validate, install, and print the JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workerimpact.catalog import install_questionnaire, load_catalog
from workerimpact.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    PROBLEM_FORMATS,
    print_json,
    problem_json,
    report_problems,
)
from workerimpact.errors import InputError, Problem
from workerimpact.i18n import current_language, n, t
from workerimpact.loader import check_questionnaire_file
from workerimpact.questionnaire import (
    MODEL_FINDINGS_FLOOR,
    MODEL_POINTS_SHARE,
    Questionnaire,
    localized,
)
from workerimpact.safetext import printable
from workerimpact.schema import SCHEMA_NAMES, json_schema


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=PROBLEM_FORMATS,
        default="text",
        help=t(
            "how problems are printed: text (PATH: line N, column C, where: what) or gnu "
            "(PATH:LINE:COL: error: what, for editors and CI)"
        ),
    )
    parser.add_argument(
        "--json", action="store_true", help=t("print the result and every problem as JSON")
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the questionnaire subcommands."""
    listing = subparsers.add_parser(
        "questionnaires", help=t("list built-in and installed questionnaires")
    )
    listing.add_argument("--json", action="store_true", help=t("print a JSON list"))
    listing.set_defaults(handler=list_questionnaires)

    validate = subparsers.add_parser(
        "validate",
        help=t("check questionnaire files; every problem on stderr as PATH: where: what"),
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help=t("questionnaire files"))
    _add_output_options(validate)
    validate.set_defaults(handler=validate_files)

    install = subparsers.add_parser(
        "install", help=t("validate a questionnaire file and install it for new assessments")
    )
    install.add_argument("path", metavar="PATH", help=t("questionnaire file"))
    _add_output_options(install)
    install.set_defaults(handler=install_file)

    schema = subparsers.add_parser("schema", help=t("print the JSON Schema of a file format"))
    schema.add_argument("name", choices=SCHEMA_NAMES, help=t("which format"))
    schema.set_defaults(handler=print_schema)


def list_questionnaires(options: argparse.Namespace) -> int:
    """List the questionnaires new assessments can use."""
    catalog = load_catalog()
    if options.json:
        print_json([entry.to_json_data() for entry in catalog.entries])
    else:
        width = max((len(entry.id) for entry in catalog.entries), default=2)
        for entry in catalog.entries:
            origin = t("built-in") if entry.builtin else t("installed")
            shown = localized(entry.questionnaire, current_language()).title
            version, title = printable(entry.version), printable(shown)
            print(f"{entry.id:<{width}}  {version:<8}  {title}  ({origin})")
            print(f"{'':<{width}}  {printable(str(entry.path))}")
    if catalog.problems:
        print(t("Some installed questionnaires could not be used:"), file=sys.stderr)
        report_problems(catalog.problems)
    return EXIT_OK


def model_words(questionnaire: Questionnaire) -> str:
    """The scoring model a questionnaire uses, named for people."""
    if questionnaire.scoring.floor_model:
        return t("{model} (findings set floors for levels)", model=MODEL_FINDINGS_FLOOR)
    return t("{model} (the default: share of answered points)", model=MODEL_POINTS_SHARE)


def validate_files(options: argparse.Namespace) -> int:
    """Validate each file; report every problem of every file (at most 100 each printed).

    Warnings are printed but do not fail a file. Exit 1 if any file has an error.
    """
    problems: list[Problem] = []
    results = []
    for path in options.paths:
        questionnaire, found = check_questionnaire_file(path)
        problems += found
        result: dict = {"file": path, "valid": questionnaire is not None}
        if questionnaire is not None:
            count = len(questionnaire.questions())
            result.update(
                id=questionnaire.id,
                version=questionnaire.version,
                questions=count,
                rules=len(questionnaire.rules),
                scoring_model=(
                    MODEL_FINDINGS_FLOOR
                    if questionnaire.scoring.floor_model
                    else MODEL_POINTS_SHARE
                ),
            )
            if not options.json:
                print(
                    printable(
                        t(
                            "{path}: valid — {id} {version}, {questions}, {rules}, "
                            "scoring model {model}",
                            path=path,
                            id=questionnaire.id,
                            version=questionnaire.version,
                            questions=n(count, "{count} question", "{count} questions"),
                            rules=n(len(questionnaire.rules), "{count} rule", "{count} rules"),
                            model=model_words(questionnaire),
                        )
                    )
                )
        result["problems"] = [problem_json(problem) for problem in found]
        results.append(result)
    failed = any(not result["valid"] for result in results)
    if options.json:
        print_json({"valid": not failed, "files": results})
        return EXIT_INPUT if failed else EXIT_OK
    if problems:
        report_problems(problems, options.format)
        errors = [problem for problem in problems if problem.severity == "error"]
        warnings = len(problems) - len(errors)
        files = len({problem.file for problem in errors})
        total = len(errors) + sum(problem.more for problem in errors)
        parts = []
        if errors:
            parts.append(
                n(total, "{count} problem", "{count} problems")
                + " "
                + n(files, "in {count} file", "in {count} files")
            )
        if warnings:
            parts.append(n(warnings, "{count} warning", "{count} warnings"))
        print("; ".join(parts), file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def install_file(options: argparse.Namespace) -> int:
    """Install a custom questionnaire into the data folder."""
    try:
        entry = install_questionnaire(Path(options.path))
    except InputError as error:
        if options.json:
            print_json(
                {
                    "installed": False,
                    "problems": [problem_json(problem) for problem in error.problems],
                }
            )
        else:
            report_problems(error.problems, options.format)
        return EXIT_INPUT
    if options.json:
        print_json(
            {
                "installed": True,
                "id": entry.id,
                "version": entry.version,
                "path": str(entry.path),
                "problems": [problem_json(problem) for problem in entry.warnings],
            }
        )
    else:
        report_problems(entry.warnings, options.format)
        installed = t(
            "installed {id} {version} ({title}) as {path}",
            id=entry.id,
            version=entry.version,
            title=entry.title,
            path=entry.path,
        )
        print(printable(installed))
    return EXIT_OK


def print_schema(options: argparse.Namespace) -> int:
    """Print a JSON Schema generated from the models."""
    print_json(json_schema(options.name))
    return EXIT_OK
