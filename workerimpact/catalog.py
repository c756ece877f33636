"""The questionnaires a user can start an assessment from: built-in and installed ones.

Built-in questionnaires ship with the program; custom ones are installed by copying a valid
file into ``<data folder>/questionnaires/``. Ids are unique across both: an installed file
may replace an older installed version of itself, never a built-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workerimpact.errors import InputError, Problem
from workerimpact.files import atomic_write
from workerimpact.i18n import os_reason, t
from workerimpact.jsonfile import read_json_file
from workerimpact.loader import (
    MAX_QUESTIONNAIRE_BYTES,
    check_questionnaire_file,
    load_questionnaire,
)
from workerimpact.paths import builtin_questionnaires_dir, installed_questionnaires_dir
from workerimpact.questionnaire import Questionnaire
from workerimpact.safetext import quote


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """A questionnaire available to new assessments."""

    id: str
    version: str
    title: str
    path: Path
    builtin: bool
    questionnaire: Questionnaire
    warnings: tuple[Problem, ...] = ()

    def to_json_data(self) -> dict[str, str | bool]:
        """The entry as ``workerimpact questionnaires --json`` prints it."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "path": str(self.path),
            "builtin": self.builtin,
        }


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every questionnaire found, and the problems of files that could not be used."""

    entries: tuple[CatalogEntry, ...]
    problems: tuple[Problem, ...]

    def get(self, questionnaire_id: str) -> CatalogEntry | None:
        """The entry with that id, if any."""
        for entry in self.entries:
            if entry.id == questionnaire_id:
                return entry
        return None

    @property
    def builtin_ids(self) -> list[str]:
        """Ids of the built-in questionnaires, in catalog order."""
        return [entry.id for entry in self.entries if entry.builtin]


def _scan(folder: Path, builtin: bool) -> tuple[list[CatalogEntry], list[Problem]]:
    entries: list[CatalogEntry] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return entries, problems
    for path in sorted(folder.glob("*.json")):
        try:
            questionnaire = load_questionnaire(path)
        except InputError as error:
            problems += error.problems
            continue
        entries.append(
            CatalogEntry(
                questionnaire.id,
                questionnaire.version,
                questionnaire.title,
                path.resolve(),
                builtin,
                questionnaire,
            )
        )
    return entries, problems


_BUILTIN_ORDER = ("worker-surveillance", "job-quality", "health-safety")


def load_catalog() -> Catalog:
    """Find the built-in and installed questionnaires.

    Broken installed files are reported in ``problems`` rather than hiding the others; an
    installed file that reuses a built-in id is refused the same way.
    """
    builtin, problems = _scan(builtin_questionnaires_dir(), builtin=True)
    builtin.sort(key=lambda e: (_BUILTIN_ORDER.index(e.id) if e.id in _BUILTIN_ORDER else 99, e.id))
    installed, installed_problems = _scan(installed_questionnaires_dir(), builtin=False)
    problems += installed_problems
    taken = {entry.id for entry in builtin}
    entries = list(builtin)
    for entry in installed:
        if entry.id in taken:
            problems.append(
                Problem(
                    str(entry.path),
                    "id",
                    t(
                        'the id "{id}" is already used by another questionnaire; '
                        "this file is ignored",
                        id=entry.id,
                    ),
                )
            )
            continue
        taken.add(entry.id)
        entries.append(entry)
    return Catalog(tuple(entries), tuple(problems))


def install_questionnaire(path: str | Path) -> CatalogEntry:
    """Validate a questionnaire file and install it for new assessments.

    Raises ``InputError`` with every problem if the file is not valid, or if its id belongs
    to a built-in questionnaire. Installing a file whose id is already installed replaces
    the installed one (a new version).
    """
    questionnaire, problems = check_questionnaire_file(path)
    if questionnaire is None:
        raise InputError(problems)
    catalog = load_catalog()
    existing = catalog.get(questionnaire.id)
    if existing is not None and existing.builtin:
        document = read_json_file(path, max_bytes=MAX_QUESTIONNAIRE_BYTES, kind="questionnaire")
        raise InputError(
            [
                document.problem(
                    ("id",),
                    t(
                        'the id "{id}" belongs to a built-in questionnaire; '
                        "give your questionnaire its own id",
                        id=questionnaire.id,
                    ),
                )
            ]
        )
    folder = installed_questionnaires_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = existing.path if existing is not None else folder / f"{questionnaire.id}.json"
        atomic_write(target, Path(path).read_bytes())
    except OSError as error:
        reason = os_reason(error)
        raise InputError.single(
            str(folder),
            t(
                "cannot install the questionnaire here ({reason}); the data folder must be a "
                "folder you can write to: check WORKERIMPACT_HOME or free the path",
                reason=reason,
            ),
        ) from None
    return CatalogEntry(
        questionnaire.id, questionnaire.version, questionnaire.title, target.resolve(), False,
        questionnaire, tuple(problems),
    )  # fmt: skip


def resolve_questionnaires(ids: list[str]) -> list[Questionnaire]:
    """Return the catalog questionnaires with these ids, or raise ``InputError`` naming
    the unknown ones and the ids that exist."""
    catalog = load_catalog()
    found = []
    problems = []
    known = [entry.id for entry in catalog.entries]
    for questionnaire_id in ids:
        entry = catalog.get(questionnaire_id)
        if entry is None and (
            questionnaire_id.lower().endswith(".json") or Path(questionnaire_id).is_file()
        ):
            shown = quote(questionnaire_id)
            problems.append(
                Problem(
                    "",
                    "",
                    t(
                        "{shown} is a questionnaire file, not a questionnaire id: install it "
                        "first with: workerimpact install {shown}, then name its id here",
                        shown=shown,
                    ),
                )
            )
        elif entry is None:
            problems.append(
                Problem(
                    "",
                    "",
                    t(
                        'no questionnaire "{id}"; available: {names}',
                        id=questionnaire_id,
                        names=", ".join(known),
                    ),
                )
            )
        else:
            found.append(entry.questionnaire)
    if problems:
        raise InputError(problems)
    return found
