"""The rules language: conditions and numbers written as data, and their interpreter.

A rule is a small typed tree of operators (``{"op": "in", "question": "notice",
"options": ["no"]}``), parsed by pydantic as a union discriminated on ``op``. Nothing in it is
ever executed as code: ``compile_expression`` turns a tree into nested Python closures once,
and scoring calls them. Caps on depth and size are checked when a questionnaire is loaded;
because the language has no loops or recursion, the number of steps an evaluation takes is
bounded by the number of nodes, so the size caps are also step caps.

Every evaluation can record which answers it read (``EvaluationContext.trace``), so a finding
can quote the answers that made it fire, and ``describe`` renders any tree in plain words.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
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

for _model in (CompareOp, AllOp, AnyOp, NotOp, CountOp, SumOp):
    _model.model_rebuild()

# --- walking ------------------------------------------------------------------------------


_LIST_OPERATORS = frozenset({AllOp, AnyOp, CountOp, SumOp})
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
        elif kind is NotOp:
            push((current.of, current_path + ("of",), depth + 1))
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


# --- evaluation ---------------------------------------------------------------------------


class ScoringData:
    """What an expression reads while a questionnaire is scored; implemented by scoring."""

    def value(self, question_id: str) -> Any:  # pragma: no cover - interface
        """The answer of a shown, answered question, else None (lists are tuples)."""
        raise NotImplementedError

    def points(self, question_id: str) -> float:  # pragma: no cover - interface
        """The points a shown, answered question gives (weight included)."""
        raise NotImplementedError

    def selection(
        self, role: str, dimension: str | None, questions: tuple[str, ...] | None
    ) -> tuple[float, float, tuple[str, ...]]:  # pragma: no cover - interface
        """(points, maximum, ids of answered questions that gave points) of a selection."""
        raise NotImplementedError


@dataclass
class EvaluationContext:
    """The state one evaluation runs in.

    ``scope_dimension`` is the dimension a selection without its own ``dimension`` means
    (None: the whole questionnaire). ``trace``, when a set, collects the ids of the
    questions whose answers decided the result.
    """

    data: ScoringData
    scope_dimension: str | None = None
    trace: set[str] | None = field(default=None)


Compiled = Callable[[EvaluationContext], Any]

_COMPARATORS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compare(left: Any, cmp: str, right: Any) -> bool:
    if left is None or right is None:
        return False
    if _is_number(left) and _is_number(right):
        return _COMPARATORS[cmp](left, right)
    if type(left) is type(right) and isinstance(left, (str, bool)):
        if isinstance(left, bool) and cmp not in ("==", "!="):
            return False
        return _COMPARATORS[cmp](left, right)
    return cmp == "!="


def _chosen(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, (tuple, list)):
        return frozenset(value)
    return frozenset((value,))


def _cite(context: EvaluationContext, question_id: str) -> None:
    if context.trace is not None and context.data.value(question_id) is not None:
        context.trace.add(question_id)


def compile_expression(node: Any) -> Compiled:
    """Turn a parsed tree (or a literal) into a function of an ``EvaluationContext``."""
    if not isinstance(node, BaseModel):
        constant = node
        return lambda context: constant
    compiler = _COMPILERS[type(node)]
    return compiler(node)


def _compile_answer(node: AnswerOp) -> Compiled:
    question = node.question

    def run(context: EvaluationContext) -> Any:
        _cite(context, question)
        return context.data.value(question)

    return run


def _compile_answered(node: AnsweredOp) -> Compiled:
    question = node.question

    def run(context: EvaluationContext) -> bool:
        _cite(context, question)
        return context.data.value(question) is not None

    return run


def _compile_in(node: InOp) -> Compiled:
    question, options, match = node.question, frozenset(node.options), node.match

    def run(context: EvaluationContext) -> bool:
        value = context.data.value(question)
        if value is None:
            return False
        _cite(context, question)
        chosen = _chosen(value)
        if match == "any":
            return not chosen.isdisjoint(options)
        if match == "all":
            return options <= chosen
        return chosen.isdisjoint(options)

    return run


def _compile_compare(node: CompareOp) -> Compiled:
    left, right, cmp = compile_expression(node.left), compile_expression(node.right), node.cmp

    def run(context: EvaluationContext) -> bool:
        return _compare(left(context), cmp, right(context))

    return run


def _compile_all(node: AllOp) -> Compiled:
    parts = tuple(compile_expression(child) for child in node.of)

    def run(context: EvaluationContext) -> bool:
        return all(part(context) for part in parts)

    return run


def _traced_truths(parts: tuple[Compiled, ...], context: EvaluationContext) -> int:
    """Evaluate every part, keeping citations only from the parts that are true."""
    outer = context.trace
    true_count = 0
    for part in parts:
        context.trace = set() if outer is not None else None
        if part(context):
            true_count += 1
            if outer is not None:
                outer |= context.trace
    context.trace = outer
    return true_count


def _compile_any(node: AnyOp) -> Compiled:
    parts = tuple(compile_expression(child) for child in node.of)

    def run(context: EvaluationContext) -> bool:
        if context.trace is None:
            return any(part(context) for part in parts)
        return _traced_truths(parts, context) > 0

    return run


def _compile_not(node: NotOp) -> Compiled:
    part = compile_expression(node.of)
    return lambda context: not part(context)


def _compile_count(node: CountOp) -> Compiled:
    parts = tuple(compile_expression(child) for child in node.of)

    def run(context: EvaluationContext) -> int:
        if context.trace is None:
            return sum(1 for part in parts if part(context))
        return _traced_truths(parts, context)

    return run


def _compile_chosen_count(node: ChosenCountOp) -> Compiled:
    question = node.question

    def run(context: EvaluationContext) -> int:
        _cite(context, question)
        return len(_chosen(context.data.value(question)))

    return run


def _compile_sum(node: SumOp) -> Compiled:
    parts = tuple(compile_expression(child) for child in node.of)

    def run(context: EvaluationContext) -> float:
        total = 0.0
        for part in parts:
            value = part(context)
            if _is_number(value):
                total += value
        return total

    return run


def _compile_score(node: ScoreOp) -> Compiled:
    question = node.question

    def run(context: EvaluationContext) -> float:
        _cite(context, question)
        return context.data.points(question)

    return run


def _compile_selection(node: _Selection, pick: Callable[[float, float], float]) -> Compiled:
    role, dimension = node.role, node.dimension
    questions = tuple(node.questions) if node.questions else None

    def run(context: EvaluationContext) -> float:
        scope = dimension if dimension is not None or questions else context.scope_dimension
        points, maximum, contributors = context.data.selection(role, scope, questions)
        if context.trace is not None:
            context.trace.update(contributors)
        return pick(points, maximum)

    return run


def _percent(points: float, maximum: float) -> float:
    return 100.0 * points / maximum if maximum > 0 else 0.0


_COMPILERS: dict[type, Callable[[Any], Compiled]] = {
    AnswerOp: _compile_answer,
    AnsweredOp: _compile_answered,
    InOp: _compile_in,
    CompareOp: _compile_compare,
    AllOp: _compile_all,
    AnyOp: _compile_any,
    NotOp: _compile_not,
    CountOp: _compile_count,
    ChosenCountOp: _compile_chosen_count,
    SumOp: _compile_sum,
    ScoreOp: _compile_score,
    PointsOp: lambda node: _compile_selection(node, lambda points, maximum: points),
    MaxPointsOp: lambda node: _compile_selection(node, lambda points, maximum: maximum),
    PercentOp: lambda node: _compile_selection(node, _percent),
}


# --- static types -------------------------------------------------------------------------

ValueType = Literal["boolean", "number", "text", "date", "option", "options", "any"]

_BOOLEAN_OPS = (AnsweredOp, InOp, CompareOp, AllOp, AnyOp, NotOp)
_NUMBER_OPS = (CountOp, ChosenCountOp, SumOp, ScoreOp, PointsOp, MaxPointsOp, PercentOp)


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
    return "any"


# --- plain words --------------------------------------------------------------------------

_CMP_WORDS = {"==": "is", "!=": "is not", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}


@dataclass(frozen=True)
class Vocabulary:
    """How to name questions, options and dimensions when describing a rule in words."""

    question: Callable[[str], str]
    option: Callable[[str, str], str]
    dimension: Callable[[str], str]
    multiple: Callable[[str], bool] = lambda question_id: False
    """True for a question whose answer is a set of options (multiple choice)."""


def _listing(labels: list[str], joiner: str) -> str:
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + f" {joiner} " + labels[-1]


def describe(node: Any, words: Vocabulary, _nested: bool = False) -> str:
    """Render a tree as a plain-language sentence fragment, e.g. for the report's *why*."""
    if isinstance(node, bool):
        return "yes" if node else "no"
    if isinstance(node, (int, float)):
        return f"{node:g}"
    if isinstance(node, str):
        return f"“{node}”"
    if isinstance(node, AnswerOp):
        return f"the answer to {words.question(node.question)}"
    if isinstance(node, AnsweredOp):
        return f"{words.question(node.question)} is answered"
    if isinstance(node, InOp):
        labels = [f"“{words.option(node.question, option)}”" for option in node.options]
        question = words.question(node.question)
        if words.multiple(node.question):
            if node.match == "all":
                return f"{question} includes {_listing(labels, 'and')}"
            if node.match == "none":
                return f"{question} is answered without {_listing(labels, 'or')}"
            return f"{question} includes {_listing(labels, 'or')}"
        if node.match == "none":
            return f"{question} is answered, not {_listing(labels, 'or')}"
        return f"{question} is {_listing(labels, 'or')}"
    if isinstance(node, NotOp) and isinstance(node.of, InOp) and node.of.match == "any":
        labels = [f"“{words.option(node.of.question, option)}”" for option in node.of.options]
        verb = "does not include" if words.multiple(node.of.question) else "is not"
        return f"{words.question(node.of.question)} {verb} {_listing(labels, 'or')}"
    if isinstance(node, CompareOp):
        left = _compare_side(node.left, node.right, words)
        right = _compare_side(node.right, node.left, words)
        return f"{left} {_CMP_WORDS[node.cmp]} {right}"
    if isinstance(node, (AllOp, AnyOp)):
        joiner = " and " if isinstance(node, AllOp) else " or "
        text = joiner.join(describe(child, words, True) for child in node.of)
        return f"({text})" if _nested and len(node.of) > 1 else text
    if isinstance(node, NotOp):
        return f"not ({describe(node.of, words)})"
    if isinstance(node, CountOp):
        return "the number of these that hold: " + "; ".join(
            describe(child, words) for child in node.of
        )
    if isinstance(node, ChosenCountOp):
        return f"the number of options chosen in {words.question(node.question)}"
    if isinstance(node, SumOp):
        return "the sum of " + ", ".join(describe(child, words, True) for child in node.of)
    if isinstance(node, ScoreOp):
        return f"the points of {words.question(node.question)}"
    if isinstance(node, (PointsOp, MaxPointsOp, PercentOp)):
        where = (
            f"in {words.dimension(node.dimension)}"
            if node.dimension
            else "in the selected questions"
            if node.questions
            else "in the part being scored"
        )
        what = {
            PointsOp: f"{node.role} points",
            MaxPointsOp: f"the maximum {node.role} points",
            PercentOp: f"{node.role} points as % of their maximum",
        }[type(node)]
        return f"{what} {where}"
    return "?"


def _compare_side(side: Any, other: Any, words: Vocabulary) -> str:
    # A literal option id compared with a choice answer reads better as its label.
    if isinstance(side, str) and isinstance(other, AnswerOp):
        return f"“{words.option(other.question, side)}”"
    return describe(side, words, True)
