"""The questionnaire model: the public file format consultants write.

These pydantic models are the single source of truth for the format: loading validates
against them, ``workerimpact schema questionnaire`` prints the JSON Schema generated from
them, and ``docs/questionnaire-format.md`` describes them for people. Key names are a
public contract; change them only with a new ``format`` marker.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from workerimpact.questionnaire_scoring import (
    LEVELS,
    MODEL_FINDINGS_FLOOR,
    MODEL_POINTS_SHARE,
    Adjustment,
    Bands,
    Level,
    LevelRule,
    Scoring,
    ScoringModel,
    default_adjustments,
    level_rank,
)
from workerimpact.rules import Expression, IdString, Role
from workerimpact.translations import LANGUAGE_PATTERN, match_language, translated_data

__all__ = [
    "LEVELS",
    "MODEL_FINDINGS_FLOOR",
    "MODEL_POINTS_SHARE",
    "Adjustment",
    "Bands",
    "Dimension",
    "Level",
    "LevelRule",
    "Option",
    "Question",
    "Questionnaire",
    "Rule",
    "Scoring",
    "ScoringModel",
    "Section",
    "default_adjustments",
    "level_rank",
    "localized",
]

QUESTIONNAIRE_FORMAT = "workerimpact-questionnaire/1"
"""The format marker every questionnaire file carries."""

QuestionType = Literal[
    "single_choice", "multiple_choice", "yes_no", "scale", "number", "text", "date"
]
CHOICE_TYPES: frozenset[str] = frozenset({"single_choice", "multiple_choice", "yes_no", "scale"})
"""Question types whose answers are option ids and which can carry scores."""

STAGES: tuple[str, ...] = ("planned", "pilot", "in_operation")
"""The stages of an assessed system, earliest first."""
Stage = Literal["planned", "pilot", "in_operation"]
OptionKind = Literal["answer", "dont_know", "not_applicable"]
SPECIAL_KINDS: frozenset[str] = frozenset({"dont_know", "not_applicable"})


MAX_TEXT = 20_000
"""Longest text allowed in one field of a questionnaire."""
MAX_QUESTIONS = 10_000
MAX_RULES = 20_000
MAX_OPTIONS = 200

Text = Annotated[str, Field(max_length=MAX_TEXT)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN, max_length=35)]
TranslationKey = Annotated[str, Field(min_length=1, max_length=300)]
TranslatedText = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
MAX_LANGUAGES = 50


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Option(_Model):
    """One answer a choice question offers."""

    id: IdString
    label: ShortText
    score: Annotated[float, Field(ge=0, le=1_000)] | None = Field(
        default=None,
        description="Points this answer gives. Required on every option of a scored question. "
        "For risk questions more points mean more risk; for mitigation questions, more "
        "protection.",
    )
    help: Text = ""
    exclusive: bool = Field(
        default=False,
        description="In a multiple-choice question, this option (such as 'None of these') "
        "cannot be combined with others.",
    )
    kind: OptionKind | None = Field(
        default=None,
        description="'dont_know': scored as risk and reported as a 'find out' finding; "
        "'not_applicable': takes the question out of score and maximum (a reason is asked "
        "for); 'answer' (the default): an ordinary answer. Model findings-floor/2 only.",
    )
    recommendation: Text | None = Field(
        default=None, description="For a 'dont_know' option: how to find out the answer."
    )
    finding_severity: Level | None = Field(
        default=None,
        description="For a 'dont_know' option: the severity of its 'find out' finding "
        "(default moderate).",
    )

    @property
    def special(self) -> bool:
        """True for 'Don't know' and 'Not applicable' options (always exclusive)."""
        return self.kind in SPECIAL_KINDS


class Question(_Model):
    """One question, with its guidance, its place in the scoring and its source."""

    id: IdString
    type: QuestionType
    text: Annotated[str, Field(min_length=1, max_length=2_000)]
    help: Text = Field(default="", description="Guidance: what a good answer looks like.")
    required: bool = False
    show_if: Expression | None = Field(
        default=None, description="Skip logic: the question is shown only when this holds."
    )
    dimension: IdString | None = None
    role: Role = Field(
        default="info",
        description="risk: its points add to risk; mitigation: its points show protection; "
        "info: not scored.",
    )
    weight: Annotated[float, Field(gt=0, le=100)] = 1.0
    source: Text | None = Field(default=None, description="Citation: source name and section.")
    options: Annotated[list[Option], Field(max_length=MAX_OPTIONS)] = []
    minimum: float | None = Field(default=None, description="Lowest number accepted.")
    maximum: float | None = Field(default=None, description="Highest number accepted.")
    unit: Annotated[str, Field(max_length=100)] = ""
    stages: Annotated[list[Stage], Field(min_length=1, max_length=3)] | None = Field(
        default=None,
        description="Shown only in these stages of the assessed system (and when no stage is set).",
    )
    text_by_stage: dict[Stage, Annotated[str, Field(min_length=1, max_length=2_000)]] | None = (
        Field(default=None, description="The question's text in a given stage, if different.")
    )
    help_by_stage: dict[Stage, Text] | None = Field(
        default=None, description="The guidance in a given stage, if different."
    )

    def text_in(self, stage: str | None) -> str:
        """The question's text as asked in a stage."""
        if stage and self.text_by_stage and stage in self.text_by_stage:
            return self.text_by_stage[stage]  # type: ignore[index]
        return self.text

    def help_in(self, stage: str | None) -> str:
        """The guidance as given in a stage."""
        if stage and self.help_by_stage and stage in self.help_by_stage:
            return self.help_by_stage[stage]  # type: ignore[index]
        return self.help

    def option_of_kind(self, kind: str) -> Option | None:
        """The option of a special kind ('dont_know', 'not_applicable'), if offered."""
        for option in self.options:
            if option.kind == kind:
                return option
        return None

    @property
    def scored(self) -> bool:
        """True when the question's answers give risk or mitigation points."""
        return self.role != "info"

    _options_by_id: dict[str, Option] | None = PrivateAttr(default=None)

    def option(self, option_id: str) -> Option | None:
        """Return the option with that id, if the question has it."""
        if self._options_by_id is None:
            self._options_by_id = {option.id: option for option in self.options}
        return self._options_by_id.get(option_id)


class Section(_Model):
    """A page of questions shown together."""

    id: IdString
    title: ShortText
    description: Text = ""
    show_if: Expression | None = Field(
        default=None, description="Skip logic for the whole section."
    )
    stages: Annotated[list[Stage], Field(min_length=1, max_length=3)] | None = Field(
        default=None, description="Shown only in these stages (and when no stage is set)."
    )
    questions: Annotated[list[Question], Field(max_length=MAX_QUESTIONS)] = []


class Dimension(_Model):
    """A theme scored on its own, such as transparency or work pace."""

    id: IdString
    title: ShortText
    description: Text = ""


class Rule(_Model):
    """A finding: when its condition holds, it is reported with its severity and advice."""

    id: IdString
    condition: Expression
    severity: Level
    title: ShortText
    explanation: Text = Field(min_length=1, description="What was found and why it matters.")
    recommendation: Text = Field(min_length=1)
    source: Text = Field(min_length=1)
    dimension: IdString | None = Field(
        default=None, description="The dimension the finding concerns, if one."
    )
    minimum_level: Level | None = Field(
        default=None,
        description="When the finding fires, its dimension, its questionnaire and the overall "
        "result are at least this level (model points-share/1; in findings-floor/2 the "
        "severity is the floor).",
    )
    severity_reason: Text | None = Field(
        default=None,
        description="Why this severity, in plain words; printed with the finding. Required "
        "in model findings-floor/2.",
    )


class Questionnaire(_Model):
    """A questionnaire file: sections of questions, dimensions, rules and scoring settings."""

    schema_reference: str | None = Field(
        default=None, alias="$schema", description="Path or URL of the JSON Schema, for editors."
    )
    format: Literal["workerimpact-questionnaire/1"] = Field(
        description="Format marker: always 'workerimpact-questionnaire/1' for this version."
    )
    id: IdString
    version: Annotated[str, Field(min_length=1, max_length=50)]
    title: ShortText
    description: Text = ""
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] = "en"
    scoring: Scoring = Scoring()
    dimensions: Annotated[list[Dimension], Field(max_length=200)] = []
    sections: Annotated[list[Section], Field(min_length=1, max_length=1_000)]
    rules: Annotated[list[Rule], Field(max_length=MAX_RULES)] = []
    translations: (
        Annotated[
            dict[LanguageTag, dict[TranslationKey, TranslatedText]], Field(max_length=MAX_LANGUAGES)
        ]
        | None
    ) = Field(
        default=None,
        description="The questionnaire's text in other languages: for each language tag "
        "(such as 'es'), every string of the file under its key ('title', "
        "'question.<id>.text', 'option.<question id>.<option id>.label'...; see "
        "docs/questionnaire-format.md). A language given here needs every string.",
    )

    @field_validator("translations")
    @classmethod
    def _in_sorted_order(
        cls, value: dict[str, dict[str, str]] | None
    ) -> dict[str, dict[str, str]] | None:
        # Kept in sorted order, as the library's canonical JSON gives them back, so a file's
        # translations round-trip through the library to the same bytes in any key order.
        if value is None:
            return None
        return {tag: dict(sorted(value[tag].items())) for tag in sorted(value)}

    # Set on a one-language view (``localized``): the questionnaire as written.
    _as_written: Questionnaire | None = PrivateAttr(default=None)
    _index: dict[str, Question] | None = PrivateAttr(default=None)
    # Scoring compiles a questionnaire once and keeps the result here (see scoring.plan).
    _plan: Any = PrivateAttr(default=None)

    def questions(self) -> list[Question]:
        """Return every question in order."""
        return [question for section in self.sections for question in section.questions]

    def question(self, question_id: str) -> Question | None:
        """Return the question with that id, if any."""
        if self._index is None:
            self._index = {question.id: question for question in self.questions()}
        return self._index.get(question_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        """Return the dimension with that id, if any."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        return None

    @property
    def languages(self) -> list[str]:
        """The languages the questionnaire can be read in, its own first."""
        return [self.language, *[tag for tag in self.translations or {} if tag != self.language]]

    @property
    def as_written(self) -> Questionnaire:
        """The questionnaire as written in its file (itself, unless a one-language view):
        what its content hash is computed over."""
        return self._as_written or self

    def to_json_data(self) -> dict:
        """Return the questionnaire as JSON data, as it would be written to a file."""
        return self.model_dump(
            mode="json", by_alias=True, exclude_none=True, exclude={"schema_reference"}
        )


def localized(questionnaire: Questionnaire, language: str) -> Questionnaire:
    """The questionnaire read in ``language``: every string in that language.

    ``language`` is matched to the file's own language or one of its translations ("es"
    serves "es-US"); a language the file does not have gives the questionnaire as written
    (check ``questionnaire.languages`` first to tell the reader). Ids, scores and rules are
    unchanged, so answers, scores and findings are the same in every language. The view's
    ``as_written`` is the original, whose content hash stays the questionnaire's.
    """
    original = questionnaire.as_written
    tag = match_language(language, original.languages)
    if tag is None or tag == original.language:
        return original
    view = Questionnaire.model_validate(translated_data(original.to_json_data(), tag))
    view._as_written = original
    return view
