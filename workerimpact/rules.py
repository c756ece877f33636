"""The rules language: conditions and numbers written as data, and their interpreter.

A rule is a small typed tree of operators (``{"op": "in", "question": "notice",
"options": ["no"]}``), parsed by pydantic as a union discriminated on ``op``. Nothing in it is
ever executed as code: ``compile_expression`` (``workerimpact.rules_eval``) turns a tree into
nested Python closures once, and scoring calls them; ``describe``
(``workerimpact.rules_words``) renders a tree in plain words. This module holds the
operators themselves, walking a tree and its static types. Caps on depth and size are
checked when a questionnaire is loaded; because the language has no loops or recursion,
the number of steps an evaluation takes is bounded by the number of nodes, so the size caps
are also step caps.

Every evaluation can record which answers it read (``EvaluationContext.trace``), so a finding
can quote the answers that made it fire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
)

MAX_EXPRESSION_DEPTH = 32
"""Deepest nesting of operators in one expression."""
MAX_EXPRESSION_NODES = 1_000
"""Most operators and literals in one expression."""
MAX_TOTAL_NODES = 250_000
"""Most operators and literals in all expressions of one questionnaire (the step cap)."""

IdString = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$",
        description="An identifier: letters, digits, '_', '-' or '.', at most 64 characters.",
    ),
]

Role = Literal["risk", "mitigation", "info"]
StageName = Literal["planned", "pilot", "in_operation"]
ScoredRole = Literal["risk", "mitigation"]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class AnswerOp(_Node):
    """The answer to a question: an option id, a list of option ids, a number, text or a date."""

    op: Literal["answer"]
    question: IdString


class AnsweredOp(_Node):
    """True when the question is shown and has an answer."""

    op: Literal["answered"]
    question: IdString


class InOp(_Node):
    """True when the chosen option(s) match a set: any of them, all of them, or none."""

    op: Literal["in"]
    question: IdString
    options: list[IdString] = Field(min_length=1)
    match: Literal["any", "all", "none"] = "any"


class CompareOp(_Node):
    """Compare two numbers, texts or dates; false if either side is unanswered."""

    op: Literal["compare"]
    left: Operand
    cmp: Literal["==", "!=", "<", "<=", ">", ">="]
    right: Operand


class AllOp(_Node):
    """True when every condition is true."""

    op: Literal["all"]
    of: list[Expression] = Field(min_length=1)


class AnyOp(_Node):
    """True when at least one condition is true."""

    op: Literal["any"]
    of: list[Expression] = Field(min_length=1)


class NotOp(_Node):
    """True when the condition is false."""

    op: Literal["not"]
    of: Expression


class CountOp(_Node):
    """The number of conditions that are true."""

    op: Literal["count"]
    of: list[Expression] = Field(min_length=1)


class ChosenCountOp(_Node):
    """The number of options chosen in a question (0 when unanswered)."""

    op: Literal["chosen_count"]
    question: IdString


class SumOp(_Node):
    """The sum of numbers (unanswered counts as 0)."""

    op: Literal["sum"]
    of: list[Operand] = Field(min_length=1)


class ScoreOp(_Node):
    """The points a question's answer gives, weight included (0 when unanswered)."""

    op: Literal["score"]
    question: IdString


class _Selection(_Node):
    role: ScoredRole = "risk"
    dimension: IdString | None = None
    questions: list[IdString] | None = None


class PointsOp(_Selection):
    """Points given by the answered questions of a role, in a dimension or a list of questions.

    Without ``dimension`` or ``questions`` the selection is the scope being scored: the whole
    questionnaire, or the dimension when an adjustment is applied to each dimension.
    """

    op: Literal["points"]


class MaxPointsOp(_Selection):
    """The most points the answered questions of the selection could give."""

    op: Literal["max_points"]


class PercentOp(_Selection):
    """Points as a percentage (0-100) of their maximum; 0 when nothing is answered."""

    op: Literal["percent"]


class SubOp(_Node):
    """The first number minus the second (unknown if either is unanswered)."""

    op: Literal["sub"]
    of: list[Operand] = Field(min_length=2, max_length=2)


class MulOp(_Node):
    """The product of numbers (unknown if any is unanswered)."""

    op: Literal["mul"]
    of: list[Operand] = Field(min_length=1)


class RatioOp(_Node):
    """The first number divided by the second (unknown if either is unanswered or the
    second is 0)."""

    op: Literal["ratio"]
    of: list[Operand] = Field(min_length=2, max_length=2)


class RoundOp(_Node):
    """A number rounded to ``digits`` decimals, halves away from zero (2.5 gives 3)."""

    op: Literal["round"]
    of: Operand
    digits: Annotated[StrictInt, Field(ge=0, le=6)] = 0


class MinOp(_Node):
    """The smallest of the known numbers (unknown if none is known)."""

    op: Literal["min"]
    of: list[Operand] = Field(min_length=1)


class MaxOp(_Node):
    """The largest of the known numbers (unknown if none is known)."""

    op: Literal["max"]
    of: list[Operand] = Field(min_length=1)


class ChooseOp(_Node):
    """``then`` when the condition holds, else ``otherwise``."""

    op: Literal["choose"]
    when: Expression
    then: Operand
    otherwise: Operand


class StageInOp(_Node):
    """True when the assessed system is in one of these stages (false when none is set)."""

    op: Literal["stage_in"]
    stages: list[StageName] = Field(min_length=1, max_length=3)


class StageStartedOp(_Node):
    """The date the system's current stage started (YYYY-MM-DD), unknown if not set."""

    op: Literal["stage_started"]


class DaysSinceOp(_Node):
    """Whole days from a date to the assessment's as-of date (unknown without a date)."""

    op: Literal["days_since"]
    of: Operand


EXPRESSION_MODELS: tuple[type[BaseModel], ...] = (
    AnswerOp,
    AnsweredOp,
    InOp,
    CompareOp,
    AllOp,
    AnyOp,
    NotOp,
    CountOp,
    ChosenCountOp,
    SumOp,
    ScoreOp,
    PointsOp,
    MaxPointsOp,
    PercentOp,
    SubOp,
    MulOp,
    RatioOp,
    RoundOp,
    MinOp,
    MaxOp,
    ChooseOp,
    StageInOp,
    StageStartedOp,
    DaysSinceOp,
)
"""Every operator model, in the order the documentation lists them."""

OPERATORS: tuple[str, ...] = tuple(
    model.model_fields["op"].annotation.__args__[0] for model in EXPRESSION_MODELS
)
"""The names of every operator."""

Expression = Annotated[Union[EXPRESSION_MODELS], Field(discriminator="op")]  # noqa: UP007
"""Any operator of the rules language."""

LiteralValue = StrictBool | StrictFloat | StrictStr


def _operand_kind(value: Any) -> str:
    return "expression" if isinstance(value, (dict, BaseModel)) else "literal"


Operand = Annotated[
    Annotated[Expression, Tag("expression")] | Annotated[LiteralValue, Tag("literal")],
    Discriminator(_operand_kind),
]
"""An expression, or a literal number, text (option id or ISO date) or boolean."""

for _model in (
    CompareOp,
    AllOp,
    AnyOp,
    NotOp,
    CountOp,
    SumOp,
    SubOp,
    MulOp,
    RatioOp,
    RoundOp,
    MinOp,
    MaxOp,
    ChooseOp,
    DaysSinceOp,
):
    _model.model_rebuild()

NEW_OPERATORS: frozenset[type] = frozenset(
    {SubOp, MulOp, RatioOp, RoundOp, MinOp, MaxOp, ChooseOp, StageInOp, StageStartedOp, DaysSinceOp}
)
"""Operators accepted only in questionnaires of scoring model findings-floor/2."""

# --- walking ------------------------------------------------------------------------------


_LIST_OPERATORS = frozenset({AllOp, AnyOp, CountOp, SumOp, SubOp, MulOp, RatioOp, MinOp, MaxOp})
_SINGLE_OPERATORS = frozenset({NotOp, RoundOp, DaysSinceOp})
_QUESTION_OPERATORS = frozenset({AnswerOp, AnsweredOp, InOp, ChosenCountOp, ScoreOp})
_SELECTIONS = frozenset({PointsOp, MaxPointsOp, PercentOp})


def walk(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[Any, tuple, int]]:
    """Yield every node and literal of a tree with its JSON path relative to the root and
    its depth (the root is at depth 1), parents before children.

    A ``path`` whose ``+`` returns itself (``checks.UNPLACED``) skips building paths."""
    stack = [(node, path, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        current, current_path, depth = pop()
        yield current, current_path, depth
        kind = type(current)
        if kind is CompareOp:
            push((current.right, current_path + ("right",), depth + 1))
            push((current.left, current_path + ("left",), depth + 1))
        elif kind in _SINGLE_OPERATORS:
            push((current.of, current_path + ("of",), depth + 1))
        elif kind is ChooseOp:
            push((current.otherwise, current_path + ("otherwise",), depth + 1))
            push((current.then, current_path + ("then",), depth + 1))
            push((current.when, current_path + ("when",), depth + 1))
        elif kind in _LIST_OPERATORS:
            for index in range(len(current.of) - 1, -1, -1):
                push((current.of[index], current_path + ("of", index), depth + 1))


def referenced_questions(node: Any) -> set[str]:
    """Return the ids of every question a tree names directly (selections included)."""
    found: set[str] = set()
    for current, _, _ in walk(node):
        kind = type(current)
        if kind in _QUESTION_OPERATORS:
            found.add(current.question)
        elif kind in _SELECTIONS and current.questions:
            found.update(current.questions)
    return found


# --- static types -------------------------------------------------------------------------

ValueType = Literal["boolean", "number", "text", "date", "option", "options", "any"]

_BOOLEAN_OPS = (AnsweredOp, InOp, CompareOp, AllOp, AnyOp, NotOp, StageInOp)
_NUMBER_OPS = (
    CountOp,
    ChosenCountOp,
    SumOp,
    ScoreOp,
    PointsOp,
    MaxPointsOp,
    PercentOp,
    SubOp,
    MulOp,
    RatioOp,
    RoundOp,
    MinOp,
    MaxOp,
    DaysSinceOp,
)


def result_type(node: Any, answer_type: Callable[[str], ValueType]) -> ValueType:
    """The type of value a node gives; ``answer_type`` maps a question id to its value type."""
    if isinstance(node, bool):
        return "boolean"
    if isinstance(node, (int, float)):
        return "number"
    if isinstance(node, str):
        return "text"
    if isinstance(node, _BOOLEAN_OPS):
        return "boolean"
    if isinstance(node, _NUMBER_OPS):
        return "number"
    if isinstance(node, AnswerOp):
        return answer_type(node.question)
    if isinstance(node, StageStartedOp):
        return "date"
    if isinstance(node, ChooseOp):
        then = result_type(node.then, answer_type)
        otherwise = result_type(node.otherwise, answer_type)
        return then if then == otherwise else "any"
    return "any"


# The interpreter and the plain-words renderer live in their own modules; they are
# re-exported here so ``workerimpact.rules`` stays the one place to import the language from.
from workerimpact.rules_eval import (  # noqa: E402
    Compiled,
    EvaluationContext,
    ScoringData,
    compile_expression,
)
from workerimpact.rules_words import Vocabulary, describe  # noqa: E402

__all__ = [
    "EXPRESSION_MODELS",
    "OPERATORS",
    "Compiled",
    "EvaluationContext",
    "Expression",
    "IdString",
    "Operand",
    "ScoringData",
    "Vocabulary",
    "compile_expression",
    "describe",
    "referenced_questions",
    "result_type",
    "walk",
]
