"""What scoring says about an assessment: scores, levels, findings, progress and why.

Plain frozen values, made by ``workerimpact.scoring`` and read by the window, the command
line and the report. ``AssessmentResult.to_json_data`` is the shape `workerimpact score
--json` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, overload

from workerimpact.i18n import t
from workerimpact.questionnaire import LEVELS, Level


@dataclass(frozen=True, slots=True)
class Citation:
    """An answer quoted as the reason for a score or a finding."""

    questionnaire_id: str
    question_id: str
    question: str
    answer: str
    points: float | None = None


class Citations(Sequence[Citation]):
    """Citations made the first time they are read.

    Every score and finding can say why, but most results (a live score after each
    answer) are shown without being explained, so the quoting waits until asked for.
    """

    __slots__ = ("_make", "_items")

    def __init__(self, make: Callable[[], tuple[Citation, ...]]):
        self._make: Callable[[], tuple[Citation, ...]] | None = make
        self._items: tuple[Citation, ...] | None = None

    def _resolved(self) -> tuple[Citation, ...]:
        if self._items is None:
            make = self._make
            self._items = make() if make is not None else ()
            self._make = None
        return self._items

    @overload
    def __getitem__(self, index: int) -> Citation: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Citation, ...]: ...
    def __getitem__(self, index: int | slice) -> Citation | tuple[Citation, ...]:
        return self._resolved()[index]

    def __len__(self) -> int:
        return len(self._resolved())

    def __iter__(self) -> Iterator[Citation]:
        return iter(self._resolved())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Citations):
            return self._resolved() == other._resolved()
        if isinstance(other, tuple):
            return self._resolved() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._resolved())

    def __repr__(self) -> str:
        return f"Citations({self._resolved()!r})"


NO_CITATIONS = Citations(tuple)


@dataclass(frozen=True, slots=True)
class AppliedAdjustment:
    """An adjustment whose condition held, and the factor it applied."""

    id: str
    title: str
    factor: float
    source: str | None


@dataclass(frozen=True, slots=True)
class LevelChange:
    """A level rule that changed a level after banding (it may raise or lower it)."""

    id: str
    title: str
    before: Level
    after: Level
    reason: str


@dataclass(frozen=True, slots=True)
class Score:
    """A 0-100 score and its level, with everything needed to explain it.

    ``score`` and ``level`` are None when nothing scored has been answered yet (and no
    finding forces a level).
    """

    score: float | None
    level: Level | None
    risk_points: float
    risk_maximum: float
    mitigation_points: float
    mitigation_maximum: float
    raw_score: float | None
    adjustments: tuple[AppliedAdjustment, ...] = ()
    banded_level: Level | None = None
    forced_by: tuple[Finding, ...] = ()
    contributions: Citations = NO_CITATIONS
    reasons: tuple[str, ...] = ()
    """How the level came about before findings' floors, step by step in words (scoring
    model findings-floor/2; empty for points-share/1, whose steps the numbers show)."""
    level_changes: tuple[LevelChange, ...] = ()

    def explanation(self) -> str:
        """The whole reason for the level in words, floors included, e.g. '… raised to
        High by finding “…”'."""
        parts = list(self.reasons)
        if self.forced_by and self.level is not None:
            deciding = [f for f in self.forced_by if f.severity == self.level]
            titles = ", ".join(f"“{finding.title}”" for finding in deciding)
            parts.append(
                t(
                    "raised to {level} by findings {titles}"
                    if len(deciding) > 1
                    else "raised to {level} by finding {titles}",
                    level=level_label(self.level),
                    titles=titles,
                )
            )
        return "; ".join(parts)

    @property
    def mitigation_percent(self) -> float | None:
        """Mitigation points as a percentage of their maximum."""
        if self.mitigation_maximum <= 0:
            return None
        return 100.0 * self.mitigation_points / self.mitigation_maximum


@dataclass(frozen=True, slots=True)
class DimensionResult:
    """The score of one dimension of one questionnaire."""

    questionnaire_id: str
    id: str
    title: str
    result: Score


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """How far a section has been answered."""

    id: str
    title: str
    shown: bool
    questions: int
    answered: int
    required: int
    required_answered: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired, with its advice and the answers that made it fire."""

    questionnaire_id: str
    id: str
    severity: Level
    title: str
    explanation: str
    recommendation: str
    source: str
    rule: str
    dimension: str | None
    minimum_level: Level | None
    because: Citations
    severity_reason: str | None = None
    floors: tuple[str, ...] = ()
    """Further dimensions the finding is a floor for, besides ``dimension``."""

    def concerns(self, dimension_id: str) -> bool:
        """True when the finding is a floor for this dimension."""
        return self.dimension == dimension_id or dimension_id in self.floors


@dataclass(frozen=True, slots=True)
class Unanswered:
    """A required, shown question that has no answer yet."""

    questionnaire_id: str
    section_id: str
    section: str
    question_id: str
    question: str


@dataclass(frozen=True, slots=True)
class Progress:
    """How much of what the levels rest on is answered.

    ``expected`` counts the shown questions that are required or scored; a "Not applicable"
    answer counts as answered once it has a reason. While ``answered < expected`` every
    level is provisional.
    """

    expected: int
    answered: int
    needs_reason: tuple[str, ...] = ()

    @property
    def provisional(self) -> bool:
        """True while levels may still change as questions are answered."""
        return self.answered < self.expected

    def describe(self) -> str:
        """'Provisional: 31 of 40 answered' or 'Complete: 40 of 40 answered'."""
        state = t("Provisional") if self.provisional else t("Complete")
        return t(
            "{state}: {answered} of {expected} answered",
            state=state,
            answered=self.answered,
            expected=self.expected,
        )


def combined_progress(parts: Sequence[Progress | None]) -> Progress:
    """The progress of several questionnaires together."""
    known = [part for part in parts if part is not None]
    return Progress(
        sum(part.expected for part in known),
        sum(part.answered for part in known),
        tuple(item for part in known for item in part.needs_reason),
    )


@dataclass(frozen=True, slots=True)
class QuestionnaireResult:
    """Scores, findings and progress of one questionnaire."""

    id: str
    version: str
    title: str
    result: Score
    dimensions: tuple[DimensionResult, ...]
    sections: tuple[SectionProgress, ...]
    findings: tuple[Finding, ...]
    unanswered: tuple[Unanswered, ...]
    hidden: frozenset[str]
    model: str = "points-share/1"
    progress: Progress | None = None


@dataclass(frozen=True, slots=True)
class AssessmentResult:
    """Everything scoring says about an assessment."""

    overall: Score
    questionnaires: tuple[QuestionnaireResult, ...]
    findings: tuple[Finding, ...]
    unanswered: tuple[Unanswered, ...]
    answered: int
    shown: int
    model: str = "points-share/1"
    stage: str | None = None

    @property
    def progress(self) -> Progress:
        """How much of what the levels rest on is answered, over every questionnaire."""
        return combined_progress([item.progress for item in self.questionnaires])

    @property
    def provisional(self) -> bool:
        """True while any level may still change as questions are answered."""
        return self.progress.provisional

    @property
    def dimensions(self) -> list[DimensionResult]:
        """Every dimension of every questionnaire, in order."""
        return [dimension for item in self.questionnaires for dimension in item.dimensions]

    def questionnaire(self, questionnaire_id: str) -> QuestionnaireResult | None:
        """The result of one questionnaire."""
        for item in self.questionnaires:
            if item.id == questionnaire_id:
                return item
        return None

    def to_json_data(self) -> dict[str, Any]:
        """The result as JSON data (the shape ``workerimpact score --json`` prints)."""
        progress = self.progress
        return {
            "model": self.model,
            "stage": self.stage,
            "provisional": progress.provisional,
            "overall": _score_json(self.overall),
            "questionnaires": [
                {
                    "id": item.id,
                    "version": item.version,
                    "title": item.title,
                    "model": item.model,
                    "provisional": item.progress.provisional if item.progress else False,
                    **_score_json(item.result),
                }
                for item in self.questionnaires
            ],
            "dimensions": [
                {
                    "questionnaire": item.questionnaire_id,
                    "id": item.id,
                    "title": item.title,
                    **_score_json(item.result),
                }
                for item in self.dimensions
            ],
            "findings": [
                {
                    "questionnaire": finding.questionnaire_id,
                    "id": finding.id,
                    "severity": finding.severity,
                    "title": finding.title,
                    "explanation": finding.explanation,
                    "recommendation": finding.recommendation,
                    "source": finding.source,
                    "rule": finding.rule,
                    "minimum_level": finding.minimum_level,
                    "severity_reason": finding.severity_reason,
                    "because": [_citation_json(citation) for citation in finding.because],
                }
                for finding in self.findings
            ],
            "unanswered": [
                {
                    "questionnaire": item.questionnaire_id,
                    "section": item.section_id,
                    "question": item.question_id,
                    "text": item.question,
                }
                for item in self.unanswered
            ],
            "progress": {
                "answered": self.answered,
                "shown": self.shown,
                "expected": progress.expected,
                "expected_answered": progress.answered,
                "needs_reason": list(progress.needs_reason),
                "text": progress.describe(),
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _score_json(score: Score) -> dict[str, Any]:
    return {
        "level": score.level,
        "score": _round(score.score),
        "raw_score": _round(score.raw_score),
        "risk_points": score.risk_points,
        "risk_maximum": score.risk_maximum,
        "mitigation_points": score.mitigation_points,
        "mitigation_maximum": score.mitigation_maximum,
        "adjustments": [asdict(item) for item in score.adjustments],
        "forced_by": [
            {"questionnaire": finding.questionnaire_id, "id": finding.id}
            for finding in score.forced_by
        ],
        "because": [_citation_json(citation) for citation in score.contributions],
        "explanation": score.explanation(),
    }


def _citation_json(citation: Citation) -> dict[str, Any]:
    data = {
        "questionnaire": citation.questionnaire_id,
        "question": citation.question_id,
        "text": citation.question,
        "answer": citation.answer,
    }
    if citation.points is not None:
        data["points"] = citation.points
    return data


def level_label(level: str | None) -> str:
    """Capitalized level for display; 'Not yet assessed' for None."""
    return t(level.capitalize()) if level in LEVELS else t("Not yet assessed")


def describe_score(score: Score | None) -> str:
    """'High (57/100)', 'Not yet assessed', or '—' for a part an assessment does not have."""
    if score is None:
        return "—"
    if score.score is None:
        return level_label(score.level)
    return f"{level_label(score.level)} ({score.score:.0f}/100)"
