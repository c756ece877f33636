"""Subcommands about the assessment library: list, import, export, back up, restore.

``workerimpact library restore`` with no argument only lists the backups (newest first,
numbered); it never replaces the library unless told which backup to use: ``latest``, a
number from that list, a backup's file name, or a path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workerimpact.assessment import STATUSES
from workerimpact.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    open_library,
    print_json,
    refuse_existing,
    report_problems,
)
from workerimpact.errors import InputError, Problem
from workerimpact.i18n import current_language, n, t
from workerimpact.jsonfile import describe_size
from workerimpact.paths import data_dir
from workerimpact.questionnaire import LEVELS
from workerimpact.safetext import printable
from workerimpact.storage import BackupInfo, LibraryError
from workerimpact.storage.backups import check_backup, list_backups, restore_backup
from workerimpact.storage.checked import shown
from workerimpact.storage.consultation import Flags
from workerimpact.storage.records import AssessmentSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``workerimpact library`` and its actions."""
    library = subparsers.add_parser(
        "library",
        help=t("the assessment library: list, import, export, back up, restore"),
        description=t(
            "The assessments kept in the data folder (set WORKERIMPACT_HOME to use "
            "another). Every answer saved there is on disk as soon as it is given."
        ),
    )
    actions = library.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=t("list assessments, most recently changed first"))
    listing.add_argument("--json", action="store_true", help=t("print a JSON list"))
    listing.add_argument("--search", default="", metavar="TEXT", help=t("only those matching TEXT"))
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--level", choices=LEVELS)
    listing.add_argument("--trash", action="store_true", help=t("list the trash instead"))
    listing.set_defaults(handler=list_command)

    imports = actions.add_parser(
        "import", help=t("add assessment files or report PDFs; prints the new ids")
    )
    imports.add_argument("files", nargs="+", metavar="FILE")
    imports.set_defaults(handler=import_command)

    export = actions.add_parser("export", help=t("write an assessment as a portable file"))
    export.add_argument("id", metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=t("file to write"))
    export.add_argument("--force", action="store_true", help=t("overwrite FILE if it exists"))
    export.set_defaults(handler=export_command)

    backup = actions.add_parser("backup", help=t("make a checked backup of the library now"))
    backup.set_defaults(handler=backup_command)

    recover = actions.add_parser(
        "recover",
        help=t("take one damaged assessment back from a backup, changing nothing else"),
        description=t(
            "Replace a damaged assessment with its copy in the newest backup that "
            "holds it whole (or in BACKUP: a number from `library restore`, a file name or a "
            "path). Every other assessment stays as it is."
        ),
    )
    recover.add_argument("id", metavar="ID")
    recover.add_argument("backup", nargs="?", metavar="BACKUP")
    recover.set_defaults(handler=recover_command)

    restore = actions.add_parser(
        "restore",
        help=t("list backups, or put one back in place of the library"),
        description=t(
            "With no argument, list the backups. With one (latest, a number from the "
            "list, a file name or a path), replace the library with that backup; the current "
            "library is first copied to backups/replaced/. WorkerImpact must not be open."
        ),
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP")
    restore.set_defaults(handler=restore_command)


def _clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, safe to print (see ``printable``)."""
    text = printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _widths() -> tuple[int, int]:
    """The STATUS and DONE columns' widths: as in English, wider where the words are."""
    status = max(9, *(len(t(word)) for word in ("STATUS", "DAMAGED", "draft", "in review")))
    return status, max(4, len(t("DONE")))


def _row(summary: AssessmentSummary) -> str:
    status_width, done_width = _widths()
    word = summary.status.replace("_", " ")
    status = (
        t("DAMAGED")
        if summary.damaged
        else _clip(t(word) if t(word) != word else summary.status, status_width)
    )
    level = (t(summary.level) if summary.level else "-") + (
        "*" if summary.level and summary.provisional else ""
    )
    role = t(summary.role) if summary.role else summary.role
    assessed_by = summary.assessor + (f" ({role})" if summary.assessor else role)
    return (
        f"{_clip(summary.organization, 22):<22}  {_clip(summary.system, 22):<22}  "
        f"{_clip(assessed_by, 24):<24}  {status:<{status_width}}  {level:<9}  "
        f"{summary.progress:>{done_width - 1}}%  {summary.updated.strftime('%Y-%m-%d %H:%M')}  "
        f"{summary.id}"
    )


def list_command(options: argparse.Namespace) -> int:
    """Print the library's assessments: who assessed what, where it stands, and the id the
    other commands take."""
    with open_library(read_only=True) as library:
        rows = library.summaries(
            text=options.search,
            status=options.status,
            level=options.level,
            deleted=options.trash,
            language=current_language(),
        )
        flags = library.consultation_flags()
        checks = library.received_checks()
    if options.json:
        print_json(
            [
                _with_flags(row.to_json_data(), flags.get(row.id))
                | {"received_check": checks[row.id].to_json_data() if row.id in checks else None}
                for row in rows
            ]
        )
        return EXIT_OK
    if not rows:
        print(t("The trash is empty.") if options.trash else t("No assessments in the library."))
        return EXIT_OK
    print(
        f"{t('ORGANIZATION'):<22}  {t('AI SYSTEM'):<22}  {t('ASSESSED BY'):<24}  "
        f"{t('STATUS'):<{_widths()[0]}}  {t('LEVEL'):<9}  {t('DONE'):>{_widths()[1]}}  "
        f"{t('UPDATED (UTC)'):<16}  ID"
    )
    for row in rows:
        print(_row(row) + _flag_text(flags.get(row.id)))
    if any(row.level and row.provisional for row in rows):
        print(t("* provisional: not every question the level rests on is answered yet"))
    return EXIT_OK


def _with_flags(data: dict, flags: Flags | None) -> dict:
    """A list row with the action plan's flags (issue 13): overdue measures, review due."""
    data.update(
        flags.to_json_data()
        if flags
        else {"overdue_measures": 0, "review_due": False, "next_review": None}
    )
    return data


def _flag_text(flags: Flags | None) -> str:
    if flags is None:
        return ""
    overdue = flags.overdue_measures
    parts = [n(overdue, "{count} measure overdue", "{count} measures overdue")] if overdue else []
    parts += [t("review due")] if flags.review_due else []
    return f"  ({', '.join(parts)})" if parts else ""


def import_command(options: argparse.Namespace) -> int:
    """Import each file; print each new id; report every file that could not be used."""
    problems: list[Problem] = []
    with open_library() as library:
        for name in options.files:
            try:
                assessment = library.import_file(Path(name))
            except InputError as error:
                problems += error.problems
                continue
            print(assessment.id)
    if problems:
        report_problems(problems)
        return EXIT_INPUT
    return EXIT_OK


def export_command(options: argparse.Namespace) -> int:
    """Write one assessment as a portable assessment file."""
    output = Path(options.output)
    refuse_existing(output, options.force)
    with open_library(read_only=True) as library:
        library.export_file(options.id, output)
    print(t("wrote {path}", path=output))
    return EXIT_OK


def backup_command(options: argparse.Namespace) -> int:
    """Make a backup now."""
    with open_library() as library:
        backup = library.backup()
    print(t("backed up to {path} ({size})", path=backup.path, size=describe_size(backup.size)))
    return EXIT_OK


def _describe(number: int, backup: BackupInfo) -> str:
    when = backup.created.strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"{number:>3}  {when}  {describe_size(backup.size):>9}  {backup.path.name}"


def _choose(argument: str, backups: list[BackupInfo], folder: Path) -> Path:
    if argument == "latest":
        if not backups:
            raise LibraryError(
                t("There are no backups in {folder} to restore.", folder=folder / "backups")
            )
        for backup in backups:
            try:
                check_backup(backup.path)
            except LibraryError as error:
                skipping = t("skipping {name}: {error}", name=backup.path.name, error=error)
                print(f"workerimpact: {skipping}", file=sys.stderr)
                continue
            return backup.path
        raise LibraryError(
            t(
                "None of the {count} backups in {folder} can be used: each is damaged or from "
                "a newer WorkerImpact. The library was not changed.",
                count=len(backups),
                folder=folder / "backups",
            )
        )
    if argument.isdigit():
        index = int(argument)
        if not 1 <= index <= len(backups):
            raise LibraryError(
                t(
                    "There is no backup number {number}; run `workerimpact library restore` "
                    "to list them.",
                    number=argument,
                )
            )
        return backups[index - 1].path
    path = Path(argument)
    if not path.exists() and (folder / "backups" / argument).exists():
        path = folder / "backups" / argument
    return path


def recover_command(options: argparse.Namespace) -> int:
    """Take one assessment back from a backup."""
    folder = data_dir()
    chosen = _choose(options.backup, list_backups(folder), folder) if options.backup else None
    with open_library() as library:
        used = library.recover(options.id, chosen)
    print(t("recovered {id} from {name}", id=shown(options.id), name=used.name))
    return EXIT_OK


def restore_command(options: argparse.Namespace) -> int:
    """List the backups, or restore the one named."""
    folder = data_dir()
    backups = list_backups(folder)
    if options.backup is None:
        if not backups:
            print(t("No backups yet in {folder}.", folder=folder / "backups"))
            return EXIT_OK
        print(t("Backups in {folder} (newest first):", folder=folder / "backups"))
        for number, backup in enumerate(backups, start=1):
            print(_describe(number, backup))
        advice = t(
            "To replace the library with one: workerimpact library restore latest "
            "(or a number above). The current library is kept in backups/replaced/."
        )
        print(f"\n{advice}", file=sys.stderr)
        return EXIT_OK
    chosen = _choose(options.backup, backups, folder)
    safety = restore_backup(chosen, folder)
    print(t("restored {name}", name=chosen.name))
    if safety is not None:
        print(t("the library it replaced was kept as {path}", path=safety))
    return EXIT_OK
