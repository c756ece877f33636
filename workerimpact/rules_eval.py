"""The interpreter of the rules language: a parsed tree compiled once into closures.

Nothing from a file is executed: each operator maps to a fixed Python function here, and a
tree becomes nested calls of those. ``ScoringData`` is what an expression reads (answers,
points, the stage); ``workerimpact.scoring`` implements it.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from workerimpact.rules import (
    AllOp,
    AnsweredOp,
    AnswerOp,
    AnyOp,
    ChooseOp,
    ChosenCountOp,
    CompareOp,
    CountOp,
    DaysSinceOp,
    InOp,
    MaxOp,
    MaxPointsOp,
    MinOp,
    MulOp,
    NotOp,
    PercentOp,
    PointsOp,
    RatioOp,
    RoundOp,
    ScoreOp,
    StageInOp,
    StageStartedOp,
    SubOp,
    SumOp,
    _Selection,
)


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

    def stage(self) -> str | None:
        """The assessed system's stage ('planned', 'pilot', 'in_operation'), if set."""
        return None

    def stage_started(self) -> str | None:
        """The date (YYYY-MM-DD) the current stage started, if set."""
        return None

    def as_of(self) -> dt.date | None:
        """The date 'days since' counts to (the assessment's last update)."""
        return None


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


def _numbers(parts: tuple[Compiled, ...], context: EvaluationContext) -> list[Any]:
    return [part(context) for part in parts]


def _compile_arithmetic(node: Any) -> Compiled:
    parts = tuple(compile_expression(child) for child in node.of)
    kind = type(node)

    def run(context: EvaluationContext) -> float | None:
        values = _numbers(parts, context)
        if kind in (MinOp, MaxOp):
            known = [value for value in values if _is_number(value)]
            if not known:
                return None
            return min(known) if kind is MinOp else max(known)
        if not all(_is_number(value) for value in values):
            return None
        if kind is SubOp:
            return values[0] - values[1]
        if kind is RatioOp:
            return values[0] / values[1] if values[1] != 0 else None
        product = 1.0
        for value in values:
            product *= value
        return product

    return run


def round_half_away(value: float, digits: int = 0) -> float:
    """Round halves away from zero (2.5 → 3, −2.5 → −3), as people round by hand."""
    scale = 10**digits
    shifted = abs(value) * scale
    # A tiny allowance so 0.285 (stored as 0.28499999…) still rounds as written.
    rounded = math.floor(shifted + 0.5 + 1e-9) / scale
    return math.copysign(rounded, value) if rounded else 0.0


def _compile_round(node: RoundOp) -> Compiled:
    part, digits = compile_expression(node.of), node.digits

    def run(context: EvaluationContext) -> float | None:
        value = part(context)
        return round_half_away(value, digits) if _is_number(value) else None

    return run


def _compile_choose(node: ChooseOp) -> Compiled:
    when = compile_expression(node.when)
    then, otherwise = compile_expression(node.then), compile_expression(node.otherwise)
    return lambda context: then(context) if when(context) else otherwise(context)


def _compile_stage_in(node: StageInOp) -> Compiled:
    stages = frozenset(node.stages)
    return lambda context: context.data.stage() in stages


def _compile_days_since(node: DaysSinceOp) -> Compiled:
    part = compile_expression(node.of)

    def run(context: EvaluationContext) -> int | None:
        value, as_of = part(context), context.data.as_of()
        if not isinstance(value, str) or as_of is None:
            return None
        try:
            start = dt.date.fromisoformat(value)
        except ValueError:
            return None
        return (as_of - start).days

    return run


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
    SubOp: _compile_arithmetic,
    MulOp: _compile_arithmetic,
    RatioOp: _compile_arithmetic,
    MinOp: _compile_arithmetic,
    MaxOp: _compile_arithmetic,
    RoundOp: _compile_round,
    ChooseOp: _compile_choose,
    StageInOp: _compile_stage_in,
    StageStartedOp: lambda node: lambda context: context.data.stage_started(),
    DaysSinceOp: _compile_days_since,
}
