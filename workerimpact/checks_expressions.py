"""The meaning checks of a questionnaire's expressions: conditions, rules and adjustments.

Each operator is checked for what it names (questions, options, dimensions that exist) and
for the kind of value it is given (a condition is true or false; "sum" adds numbers;
"compare" needs two values that can match); sizes over the caps are refused. Mixed into the
checker of ``workerimpact.checks``, which walks the questionnaire and calls
``check_condition`` on every condition it meets.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workerimpact import rules
from workerimpact.i18n import t
from workerimpact.jsonfile import JsonPath
from workerimpact.questionnaire import CHOICE_TYPES, Question
from workerimpact.safetext import quote

if TYPE_CHECKING:
    from workerimpact.parts import QuestionnaireParts
    from workerimpact.validation import Suggester

_ANSWER_TYPES: dict[str, rules.ValueType] = {
    "single_choice": "option",
    "yes_no": "option",
    "scale": "option",
    "multiple_choice": "options",
    "number": "number",
    "text": "text",
    "date": "date",
}


_CONDITIONS = frozenset(
    {rules.AnsweredOp, rules.InOp, rules.CompareOp, rules.AllOp, rules.AnyOp, rules.NotOp}
)
"""Operators whose value is true or false."""


class _Unplaced(tuple):
    """A path that stays itself when extended: checking without saying where."""

    def __add__(self, other: object) -> _Unplaced:
        return self


UNPLACED = _Unplaced()


class ExpressionChecks:
    """The checks of conditions and their operators (mixed into the questionnaire checker)."""

    if TYPE_CHECKING:
        parts: QuestionnaireParts
        questions: dict[str, Question]
        choice_options: dict[str, frozenset[str]]
        total_nodes: int
        unplaced_problem: bool
        suggest: Suggester
        _node_checks: dict[type, Callable[..., None]]

        def report(self, path: JsonPath, message: str, severity: str = "error") -> None: ...
        def check_dimension_reference(self, dimension: str, path: JsonPath) -> None: ...

    def answer_type(self, question_id: str) -> rules.ValueType:
        question = self.questions.get(question_id)
        return _ANSWER_TYPES[question.type] if question else "any"

    def check_condition(self, expression: Any, path: JsonPath, owner: str) -> None:
        # Most conditions are fine, so check them first without building a path for every
        # node; only a condition with a problem is walked again to say where.
        self.unplaced_problem = False
        self._check_condition(expression, UNPLACED, owner)
        if self.unplaced_problem:
            self._check_condition(expression, path, owner)

    def _check_condition(self, expression: Any, path: JsonPath, owner: str) -> None:
        nodes = list(rules.walk(expression, path))
        depth = max(node_depth for _, _, node_depth in nodes)
        if path is UNPLACED:
            self.total_nodes += len(nodes)
        if depth > rules.MAX_EXPRESSION_DEPTH:
            self.report(
                path,
                t(
                    "the condition of {owner} is nested {depth} levels deep; the limit is {limit}",
                    owner=owner,
                    depth=depth,
                    limit=rules.MAX_EXPRESSION_DEPTH,
                ),
            )
            return
        if len(nodes) > rules.MAX_EXPRESSION_NODES:
            self.report(
                path,
                t(
                    "the condition of {owner} has {count} parts; the limit is {limit}",
                    owner=owner,
                    count=len(nodes),
                    limit=rules.MAX_EXPRESSION_NODES,
                ),
            )
            return
        if rules.result_type(expression, self.answer_type) not in ("boolean", "any"):
            self.report(
                path, t("the condition of {owner} must be true or false, not a value", owner=owner)
            )
        fast = path is UNPLACED
        choice_options, questions = self.choice_options, self.questions
        for node, node_path, _ in nodes:
            kind = type(node)
            # The common cases that pass, decided inline; anything else gets the full check.
            if fast:
                if kind is rules.InOp:
                    known = choice_options.get(node.question)
                    if known is not None and node.match != "all" and known.issuperset(node.options):
                        continue
                elif kind is rules.AnsweredOp or kind is rules.AnswerOp:
                    if node.question in questions:
                        continue
                elif kind is rules.AllOp or kind is rules.AnyOp:
                    if all(type(operand) in _CONDITIONS for operand in node.of):
                        continue
                elif kind is rules.NotOp and type(node.of) in _CONDITIONS:
                    continue
            check = self._node_checks.get(kind)
            if check is not None:
                check(self, node, node_path)

    def check_question_reference(self, question_id: str, path: JsonPath) -> Question | None:
        question = self.questions.get(question_id)
        if (
            question is None
            and question_id not in self.parts.all_question_ids
            and self.parts.questions_complete
        ):
            if path is UNPLACED:
                self.unplaced_problem = True  # the suggestion is worked out once, when placed
            else:
                self.report(
                    path + ("question",),
                    t("unknown question {name}", name=quote(question_id))
                    + self.suggest(question_id, self.parts.all_question_ids),
                )
        return question

    def check_reference(self, node: Any, path: JsonPath) -> Question | None:
        return self.check_question_reference(node.question, path)

    def check_in(self, node: rules.InOp, path: JsonPath) -> None:
        question = self.check_question_reference(node.question, path)
        if question is None:
            return
        if question.type not in CHOICE_TYPES:
            self.report(
                path,
                t(
                    '"in" needs a choice question; "{id}" is {type} (use "compare")',
                    id=question.id,
                    type=question.type,
                ),
            )
            return
        known = self.choice_options[question.id]
        for index, option in enumerate(node.options):
            if option not in known:
                ordered = tuple(item.id for item in question.options)
                listed = ", ".join(quote(item) for item in ordered[:20])
                self.report(
                    path + ("options", index),
                    t(
                        "question {question} has no option {option}",
                        question=quote(question.id),
                        option=quote(option),
                    )
                    + (self.suggest(option, known) or t("; its options: {names}", names=listed)),
                )
        if (
            node.match == "all"
            and question.type != "multiple_choice"
            and len(set(node.options)) > 1
        ):
            self.report(
                path + ("match",),
                t(
                    "this can never be true: question {question} takes one answer, so "
                    'it cannot have all of {options}; use "match": "any"',
                    question=quote(question.id),
                    options=", ".join(quote(item) for item in node.options[:5]),
                ),
                "warning",
            )

    def check_chosen_count(self, node: rules.ChosenCountOp, path: JsonPath) -> None:
        question = self.check_question_reference(node.question, path)
        if question is not None and question.type not in CHOICE_TYPES:
            self.report(
                path,
                t(
                    '"chosen_count" needs a choice question; "{id}" is {type}',
                    id=question.id,
                    type=question.type,
                ),
            )

    def check_score(self, node: rules.ScoreOp, path: JsonPath) -> None:
        question = self.check_question_reference(node.question, path)
        if question is not None and not question.scored:
            self.report(path, t('"score" needs a scored question; "{id}" is info', id=question.id))

    def check_selection(self, node: Any, path: JsonPath) -> None:
        if node.dimension is not None:
            self.check_dimension_reference(node.dimension, path + ("dimension",))
        for index, selected in enumerate(node.questions or []):
            self.check_question_reference(selected, path + ("questions", index))

    def check_combination(self, node: Any, path: JsonPath) -> None:
        operands = node.of if isinstance(node.of, list) else [node.of]
        for index, operand in enumerate(operands):
            kind = rules.result_type(operand, self.answer_type)
            if kind not in ("boolean", "any"):
                where = path + (("of", index) if isinstance(node.of, list) else ("of",))
                self.report(
                    where,
                    t(
                        '"{op}" combines conditions; this is {kind}, not a condition',
                        op=node.op,
                        kind=kind,
                    ),
                )

    def check_sum(self, node: rules.SumOp, path: JsonPath) -> None:
        for index, operand in enumerate(node.of):
            if rules.result_type(operand, self.answer_type) not in ("number", "any"):
                self.report(path + ("of", index), t('"sum" adds numbers; this is not a number'))

    def check_compare(self, node: rules.CompareOp, path: JsonPath) -> None:
        left = rules.result_type(node.left, self.answer_type)
        right = rules.result_type(node.right, self.answer_type)
        if "options" in (left, right):
            self.report(path, t('a multiple-choice answer is a set; use "in" to test its options'))
            return
        for side, other, side_type, other_type in (
            ("right", node.left, right, left),
            ("left", node.right, left, right),
        ):
            literal = node.right if side == "right" else node.left
            if side_type != "text" or not isinstance(literal, str):
                continue
            if other_type == "option" and isinstance(other, rules.AnswerOp):
                known = self.choice_options.get(other.question, frozenset())
                if literal not in known:
                    self.report(
                        path + (side,),
                        t(
                            "question {question} has no option {option}",
                            question=quote(other.question),
                            option=quote(literal),
                        )
                        + self.suggest(literal, known),
                    )
                return
            if other_type == "date":
                try:
                    dt.date.fromisoformat(literal)
                except ValueError:
                    self.report(
                        path + (side,),
                        t("{value} is not a date; write YYYY-MM-DD", value=quote(literal)),
                    )
                return
        comparable = {
            frozenset({"number"}),
            frozenset({"text"}),
            frozenset({"option"}),
            frozenset({"option", "text"}),
            frozenset({"date"}),
            frozenset({"date", "text"}),
            frozenset({"boolean"}),
        }
        kinds = frozenset({left, right})
        if "any" not in kinds and kinds not in comparable:
            hint = ""
            if kinds == frozenset({"number", "text"}):
                literal = node.right if right == "text" else node.left
                if isinstance(literal, str) and _is_number(literal):
                    hint = t("; write the number without quotes: {number}", number=literal.strip())
            self.report(
                path,
                t(
                    "this compares {left} with {right}, which never match{hint}",
                    left=left,
                    right=right,
                    hint=hint,
                ),
            )
        if left == "boolean" and right == "boolean" and node.cmp not in ("==", "!="):
            self.report(path, t('true/false values can only be compared with "==" or "!="'))


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


NODE_CHECKS: dict[type, Callable[..., None]] = {
    rules.AnswerOp: ExpressionChecks.check_reference,
    rules.AnsweredOp: ExpressionChecks.check_reference,
    rules.InOp: ExpressionChecks.check_in,
    rules.ChosenCountOp: ExpressionChecks.check_chosen_count,
    rules.ScoreOp: ExpressionChecks.check_score,
    rules.PointsOp: ExpressionChecks.check_selection,
    rules.MaxPointsOp: ExpressionChecks.check_selection,
    rules.PercentOp: ExpressionChecks.check_selection,
    rules.AllOp: ExpressionChecks.check_combination,
    rules.AnyOp: ExpressionChecks.check_combination,
    rules.NotOp: ExpressionChecks.check_combination,
    rules.CountOp: ExpressionChecks.check_combination,
    rules.SumOp: ExpressionChecks.check_sum,
    rules.CompareOp: ExpressionChecks.check_compare,
}
"""The check of each operator, by its type (``workerimpact.checks_floor`` adds its own)."""
