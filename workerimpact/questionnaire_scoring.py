"""The scoring settings of a questionnaire: its model, level bands, adjustments, level rules.

Part of the questionnaire format (``workerimpact.questionnaire`` re-exports every name);
``docs/scoring.md`` explains what each setting does.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workerimpact.i18n import t
from workerimpact.rules import Expression, IdString, Operand

LEVELS: tuple[str, ...] = ("low", "moderate", "high", "severe")
"""The four levels, least to most serious."""

Level = Literal["low", "moderate", "high", "severe"]

MODEL_POINTS_SHARE = "points-share/1"
"""Today's scoring model: risk as a share of the answered maximum (the default)."""
MODEL_FINDINGS_FLOOR = "findings-floor/2"
"""The scoring model where findings are floors, maxima are fixed and credit is graded."""
ScoringModel = Literal["points-share/1", "findings-floor/2"]

Text = Annotated[str, Field(max_length=20_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]


def level_rank(level: str) -> int:
    """Return 0 for low up to 3 for severe."""
    return LEVELS.index(level)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


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
            return t("{end} or less" if lower else "under {end}", end=f"{end:g}")
        if end is None:
            return t("over {start}" if lower else "{start} or more", start=f"{start:g}")
        if lower:
            return t("over {start} up to {end}", start=f"{start:g}", end=f"{end:g}")
        return t("{start} to under {end}", start=f"{start:g}", end=f"{end:g}")


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
