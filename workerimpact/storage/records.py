"""Plain values the library hands out: list rows, history entries, backups, score summaries.

They are frozen dataclasses, safe to pass between the worker thread and the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workerimpact.scoring import AssessmentResult


@dataclass(frozen=True, slots=True)
class ScoreSummary:
    """What the library keeps of a score to list and filter assessments without rescoring."""

    level: str | None
    score: float | None
    answered: int
    shown: int
    required_unanswered: int
    level_questions: int | None = None
    level_answered: int | None = None

    @classmethod
    def of(cls, result: AssessmentResult) -> ScoreSummary:
        """The summary of a scoring result."""
        return cls(
            level=result.overall.level,
            score=result.overall.score,
            answered=result.answered,
            shown=result.shown,
            required_unanswered=len(result.unanswered),
            level_questions=result.progress.expected,
            level_answered=result.progress.answered,
        )


@dataclass(frozen=True, slots=True)
class AssessmentSummary:
    """One row of the library's list: who assessed what, where it stands, how far along."""

    id: str
    organization: str
    site: str
    system: str
    vendor: str
    assessor: str
    role: str
    questionnaires: tuple[str, ...]
    status: str
    level: str | None
    score: float | None
    answered: int
    shown: int
    required_unanswered: int
    created: dt.datetime
    updated: dt.datetime
    revision: int
    previous_revision: str | None
    deleted: bool
    level_questions: int | None = None
    level_answered: int | None = None

    @property
    def provisional(self) -> bool:
        """True while the level may still change as questions are answered.

        A row scored before this was recorded falls back to "not every question shown is
        answered"."""
        if self.level_questions is None or self.level_answered is None:
            return self.answered < self.shown
        return self.level_answered < self.level_questions

    @property
    def progress(self) -> int:
        """Shown questions answered, as a whole percentage (100 only when all are)."""
        if self.shown <= 0:
            return 0
        return self.answered * 100 // self.shown

    def to_json_data(self) -> dict[str, Any]:
        """The row as JSON data (what ``workerimpact library list --json`` prints)."""
        return {
            "id": self.id,
            "organization": self.organization,
            "site": self.site,
            "system": self.system,
            "vendor": self.vendor,
            "assessor": self.assessor,
            "role": self.role,
            "questionnaires": list(self.questionnaires),
            "status": self.status,
            "level": self.level,
            "provisional": self.provisional,
            "score": self.score,
            "progress": self.progress,
            "answered": self.answered,
            "shown": self.shown,
            "required_unanswered": self.required_unanswered,
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat(),
            "revision": self.revision,
            "previous_revision": self.previous_revision,
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change: when, by whom, which field of which answer, old and new value.

    ``field`` is ``value``, ``comment`` or ``evidence`` for an answer (with its
    questionnaire and question ids), ``status`` or ``metadata.<name>`` for the assessment,
    or ``created`` / ``imported`` for how the assessment entered the library.
    """

    at: dt.datetime
    assessor: str
    questionnaire_id: str | None
    question_id: str | None
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup copy of the library in ``<data folder>/backups/``."""

    path: Path
    created: dt.datetime
    size: int
