"""The questionnaire model: the public file format consultants write.

These pydantic models are the single source of truth for the format: loading validates
against them, ``workerimpact schema questionnaire`` prints the JSON Schema generated from
them, and ``docs/questionnaire-format.md`` describes them for people. Key names are a
public contract; change them only with a new ``format`` marker.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from workerimpact.rules import Expression, IdString, Operand, Role

QUESTIONNAIRE_FORMAT = "workerimpact-questionnaire/1"
"""The format marker every questionnaire file carries."""

LEVELS: tuple[str, ...] = ("low", "moderate", "high", "severe")
"""The four levels, least to most serious."""

Level = Literal["low", "moderate", "high", "severe"]
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

MODEL_POINTS_SHARE = "points-share/1"
"""Today's scoring model: risk as a share of the answered maximum (the default)."""
MODEL_FINDINGS_FLOOR = "findings-floor/2"
"""The scoring model where findings are floors, maxima are fixed and credit is graded."""
ScoringModel = Literal["points-share/1", "findings-floor/2"]

MAX_TEXT = 20_000
"""Longest text allowed in one field of a questionnaire."""
MAX_QUESTIONS = 10_000
MAX_RULES = 20_000
MAX_OPTIONS = 200

Text = Annotated[str, Field(max_length=MAX_TEXT)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]


def level_rank(level: str) -> int:
    """Return 0 for low up to 3 for severe."""
    return LEVELS.index(level)


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


class Bands(_Model):
    """Score thresholds, as a percentage of the maximum, at which each level starts."""

    moderate: Annotated[float, Field(ge=0, le=100)] = 25.0
    high: Annotated[float, Field(ge=0, le=100)] = 50.0
    severe: Annotated[float, Field(ge=0, le=100)] = 75.0
    at_threshold: Literal["upper", "lower"] | None = Field(
        default=None,
        description="Which level a score exactly on a threshold belongs to: 'upper' (the "
        "default: 25 is moderate) or 'lower' (25 is low, as in '26-50%').",
    )

    @model_validator(mode="after")
    def _increasing(self) -> Bands:
        if not self.moderate < self.high < self.severe:
            raise ValueError("bands must increase: moderate < high < severe")
        return self

    def level(self, score: float) -> Level:
        """Return the level a 0-100 score falls in."""
        if self.at_threshold == "lower":
            if score > self.severe:
                return "severe"
            if score > self.high:
                return "high"
            if score > self.moderate:
                return "moderate"
            return "low"
        if score >= self.severe:
            return "severe"
        if score >= self.high:
            return "high"
        if score >= self.moderate:
            return "moderate"
        return "low"

    def describe(self, level: str) -> str:
        """The range of scores a level covers, in words ('25 to under 50')."""
        lower = self.at_threshold == "lower"
        edges = {
            "low": (None, self.moderate),
            "moderate": (self.moderate, self.high),
            "high": (self.high, self.severe),
            "severe": (self.severe, None),
        }[level]
        start, end = edges
        if start is None:
            return f"{end:g} or less" if lower else f"under {end:g}"
        if end is None:
            return f"over {start:g}" if lower else f"{start:g} or more"
        if lower:
            return f"over {start:g} up to {end:g}"
        return f"{start:g} to under {end:g}"


class Adjustment(_Model):
    """A conditional change to a risk score, e.g. mitigation credit."""

    id: IdString
    title: ShortText
    when: Expression
    factor: Annotated[float, Field(ge=0, le=2)] = Field(
        description="The risk score is multiplied by this when the condition holds."
    )
    scope: Literal["all", "questionnaire", "dimensions"] = Field(
        default="all",
        description="Apply to the questionnaire's score, to each dimension's, or to both.",
    )
    source: Text | None = None


def default_adjustments() -> list[Adjustment]:
    """Mitigation credit as in Canada's Algorithmic Impact Assessment."""
    return [
        Adjustment(
            id="mitigation-credit",
            title="Mitigation reaches 80% of its maximum: risk score reduced by 15%",
            when={
                "op": "compare",
                "left": {"op": "percent", "role": "mitigation"},
                "cmp": ">=",
                "right": 80,
            },
            factor=0.85,
            source="Government of Canada, Algorithmic Impact Assessment "
            "(Directive on Automated Decision-Making), scoring",
        )
    ]


class LevelRule(_Model):
    """A conditional change to a level after banding: it may raise, lower or set it."""

    id: IdString
    title: ShortText
    when: Expression
    action: Literal["raise", "lower", "set", "at_least", "at_most"]
    steps: Annotated[int, Field(ge=1, le=3)] | None = Field(
        default=None, description="For 'raise' and 'lower': by how many levels (default 1)."
    )
    level: Level | None = Field(
        default=None, description="For 'set', 'at_least' and 'at_most': the level."
    )
    scope: Literal["all", "questionnaire", "dimensions"] = "questionnaire"
    reason: Text = ""
    source: Text | None = None

    @model_validator(mode="after")
    def _needs_level(self) -> LevelRule:
        if self.action in ("set", "at_least", "at_most") and self.level is None:
            raise ValueError(f"a level rule with action '{self.action}' needs a 'level'")
        if self.action in ("raise", "lower") and self.level is not None:
            raise ValueError(f"a level rule with action '{self.action}' takes 'steps', not 'level'")
        return self

    def apply(self, level: str) -> str:
        """The level after this rule."""
        rank = LEVELS.index(level)
        if self.action == "raise":
            return LEVELS[min(3, rank + (self.steps or 1))]
        if self.action == "lower":
            return LEVELS[max(0, rank - (self.steps or 1))]
        target = LEVELS.index(self.level or "low")
        if self.action == "at_least":
            return LEVELS[max(rank, target)]
        if self.action == "at_most":
            return LEVELS[min(rank, target)]
        return LEVELS[target]


class Scoring(_Model):
    """How answers become scores: the model, level bands and conditional adjustments."""

    model: ScoringModel | None = Field(
        default=None,
        description="The scoring model: 'points-share/1' (the default, as before) or "
        "'findings-floor/2' (findings are floors, fixed maxima, graded mitigation credit).",
    )
    bands: Bands = Bands()
    adjustments: Annotated[list[Adjustment], Field(max_length=100)] = Field(
        default_factory=default_adjustments,
        description="Default: mitigation credit at 80% (points-share/1); none (findings-floor/2).",
    )
    mitigation_credit: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None,
        description="findings-floor/2: share of the risk score taken off at full "
        "mitigation, in proportion to mitigation (default 0.15).",
    )
    score: Operand | None = Field(
        default=None,
        description="findings-floor/2: a numeric expression giving the questionnaire's "
        "0-100 score instead of the default formula.",
    )
    dimension_score: Operand | None = Field(
        default=None,
        description="findings-floor/2: a numeric expression giving each dimension's score "
        "(selections without a dimension mean that dimension).",
    )
    level_rules: Annotated[list[LevelRule], Field(max_length=100)] | None = Field(
        default=None,
        description="findings-floor/2: rules that raise, lower or set a level after banding.",
    )

    @model_validator(mode="before")
    @classmethod
    def _model_defaults(cls, data: Any) -> Any:
        if (
            isinstance(data, dict)
            and data.get("model") == MODEL_FINDINGS_FLOOR
            and "adjustments" not in data
        ):
            data = {**data, "adjustments": []}
        return data

    @property
    def floor_model(self) -> bool:
        """True for the findings-floor/2 model."""
        return self.model == MODEL_FINDINGS_FLOOR

    @property
    def model_name(self) -> str:
        """The model's name, the default included."""
        return self.model or MODEL_POINTS_SHARE

    @property
    def credit(self) -> float:
        """The graded mitigation credit (findings-floor/2)."""
        return 0.15 if self.mitigation_credit is None else self.mitigation_credit


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
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    scoring: Scoring = Scoring()
    dimensions: Annotated[list[Dimension], Field(max_length=200)] = []
    sections: Annotated[list[Section], Field(min_length=1, max_length=1_000)]
    rules: Annotated[list[Rule], Field(max_length=MAX_RULES)] = []

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

    def to_json_data(self) -> dict:
        """Return the questionnaire as JSON data, as it would be written to a file."""
        return self.model_dump(
            mode="json", by_alias=True, exclude_none=True, exclude={"schema_reference"}
        )
