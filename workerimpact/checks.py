"""The meaning checks of a questionnaire, run after its structure has been parsed.

Duplicate ids; rules, skip logic and adjustments naming questions, options or dimensions
that do not exist; operators given the wrong kind of value; loops in skip logic; choice
questions without options; scored questions without scores; expressions over the size caps.
The checks work on ``QuestionnaireParts`` (``workerimpact.parts``), each part with its
place in the file, so they also run on the parts of a file whose structure is broken
elsewhere.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from workerimpact import rules
from workerimpact.checks_floor import FLOOR_NODE_CHECKS, check_scoring_model
from workerimpact.errors import Problem
from workerimpact.jsonfile import JsonDocument, JsonPath
from workerimpact.parts import QuestionnaireParts
from workerimpact.questionnaire import (
    CHOICE_TYPES,
    MAX_QUESTIONS,
    Question,
)
from workerimpact.safetext import quote
from workerimpact.skiplogic import check_skip_logic_cycles, check_skip_logic_looks_back
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


# --- meaning checks ------------------------------------------------------------------------


_CONDITIONS = frozenset(
    {rules.AnsweredOp, rules.InOp, rules.CompareOp, rules.AllOp, rules.AnyOp, rules.NotOp}
)
"""Operators whose value is true or false."""


class _Unplaced(tuple):
    """A path that stays itself when extended: checking without saying where."""

    def __add__(self, other: object) -> _Unplaced:
        return self


UNPLACED = _Unplaced()


class _Checker:
    def __init__(
        self, parts: QuestionnaireParts, document: JsonDocument, base_path: JsonPath, raw: Any
    ):
        self.parts = parts
        self.document = document
        self.base_path = base_path
        self.raw = raw
        self.problems: list[Problem] = []
        self.unplaced_problem = False
        self.questions: dict[str, Question] = {}
        for _, question in parts.questions:  # with a duplicate id, the first one counts
            self.questions.setdefault(question.id, question)
        self.choice_options = {
            question.id: frozenset(option.id for option in question.options)
            for question in self.questions.values()
            if question.type in CHOICE_TYPES
        }
        self.total_nodes = 0
        self.suggest = Suggester()

    def report(self, path: JsonPath, message: str, severity: str = "error") -> None:
        if path is UNPLACED:
            self.unplaced_problem = True
            return
        self.problems.append(self.document.problem(self.base_path + path, message, severity))

    def run(self) -> list[Problem]:
        self.check_unique_ids()
        self.check_dimensions()
        for path, section in self.parts.sections:
            if section.show_if is not None:
                self.check_condition(
                    section.show_if, path + ("show_if",), f'section "{section.id}"'
                )
        self.check_sections_have_questions()
        for path, question in self.parts.questions:
            self.check_question(path, question)
        for path, rule in self.parts.rules:
            self.check_condition(rule.condition, path + ("condition",), f'rule "{rule.id}"')
            if rule.dimension is not None:
                self.check_dimension_reference(rule.dimension, path + ("dimension",))
        for path, adjustment in self.parts.adjustments:
            self.check_condition(adjustment.when, path + ("when",), f'adjustment "{adjustment.id}"')
        in_cycles = check_skip_logic_cycles(self.parts, self.report)
        check_skip_logic_looks_back(self.parts, self.report, in_cycles)
        check_scoring_model(self)
        if len(self.parts.questions) > MAX_QUESTIONS:
            self.report(
                ("sections",),
                f"the questionnaire has {len(self.parts.questions)} questions; "
                f"the limit is {MAX_QUESTIONS}",
            )
        if self.total_nodes > rules.MAX_TOTAL_NODES:
            self.report(
                (),
                f"the expressions hold {self.total_nodes} operators in all; the limit is "
                f"{rules.MAX_TOTAL_NODES}",
            )
        return self.problems

    def check_unique_ids(self) -> None:
        groups: list[tuple[str, list[tuple[JsonPath, Any]]]] = [
            ("dimension", self.parts.dimensions),
            ("section", self.parts.sections),
            ("question", self.parts.questions),
            ("rule", self.parts.rules),
            ("adjustment", self.parts.adjustments),
        ]
        for kind, items in groups:
            seen: dict[str, JsonPath] = {}
            for path, item in items:
                if item.id in seen:
                    first = self.document.where(self.base_path + seen[item.id])
                    self.report(
                        path + ("id",),
                        f"the {kind} id {quote(item.id)} is already used (first at {first}); "
                        f"{kind} ids must be unique",
                    )
                else:
                    seen[item.id] = path
        for path, question in self.parts.questions:
            seen_options: set[str] = set()
            for index, option in enumerate(question.options):
                if option.id in seen_options:
                    self.report(
                        path + ("options", index, "id"),
                        f"the option id {quote(option.id)} appears twice in question "
                        f"{quote(question.id)}",
                    )
                seen_options.add(option.id)

    def check_dimensions(self) -> None:
        if (
            len(self.parts.questions) < len(self.parts.all_question_ids)
            or self.parts.repaired
            or not self.parts.questions_complete
        ):
            return  # some questions did not parse (or only repaired); their dimensions are unknown
        scored = {q.dimension for _, q in self.parts.questions if q.scored and q.dimension}
        for path, dimension in self.parts.dimensions:
            if dimension.id not in scored:
                self.report(
                    path,
                    f'dimension "{dimension.id}" has no risk or mitigation question; '
                    "give it questions or remove it",
                )

    def check_sections_have_questions(self) -> None:
        raw_sections = self.raw.get("sections") if isinstance(self.raw, dict) else None
        for path, section in self.parts.sections:
            raw_questions = None
            if isinstance(raw_sections, list):
                raw_questions = raw_sections[path[1]].get("questions")
            if not raw_questions:
                self.report(path, f'section "{section.id}" has no questions')

    def check_dimension_reference(self, dimension: str, path: JsonPath) -> None:
        if dimension not in self.parts.all_dimension_ids and self.parts.dimensions_complete:
            known = sorted(self.parts.all_dimension_ids)
            listed = ", ".join(quote(item) for item in known[:20])
            hint = self.suggest(dimension, self.parts.all_dimension_ids) or (
                "; declare it under dimensions" if not known else f"; known: {listed}"
            )
            self.report(path, f"unknown dimension {quote(dimension)}{hint}")

    def check_question(self, path: JsonPath, question: Question) -> None:
        label = f'question "{question.id}"'
        is_choice = question.type in CHOICE_TYPES
        if is_choice and len(question.options) < 2:
            self.report(
                path + ("options",),
                f"{label} is {question.type} and needs at least two options",
            )
        if not is_choice and question.options:
            self.report(
                path + ("options",),
                f"{label} is {question.type}; only choice questions have options",
            )
        if question.type == "yes_no" and question.options:
            ids = sorted(option.id for option in question.options)
            if ids != ["no", "yes"]:
                self.report(
                    path + ("options",),
                    f'{label} is yes_no: its options must be exactly "yes" and "no" '
                    f"(found {', '.join(ids)}); use single_choice for other answers",
                )
        if question.scored:
            if not is_choice:
                self.report(
                    path + ("role",),
                    f"{label} is {question.type}, which cannot be scored; make it "
                    'role "info" (rules can still read its answer) or a choice question',
                )
            for index, option in enumerate(question.options):
                if option.score is None and not option.special:
                    self.report(
                        path + ("options", index),
                        f'option "{option.id}" of {label} needs a "score" because the '
                        f"question is a {question.role} question",
                    )
            if question.dimension is None and self.parts.all_dimension_ids:
                self.report(path, f'{label} is scored and needs a "dimension"')
        if question.dimension is not None:
            self.check_dimension_reference(question.dimension, path + ("dimension",))
        if question.type != "multiple_choice":
            for index, option in enumerate(question.options):
                if option.exclusive:
                    self.report(
                        path + ("options", index, "exclusive"),
                        f"{label}: only multiple_choice options can be exclusive",
                    )
        if question.minimum is not None or question.maximum is not None:
            if question.type != "number":
                self.report(path, f"{label}: minimum and maximum apply to number questions")
            elif (
                question.minimum is not None
                and question.maximum is not None
                and question.minimum > question.maximum
            ):
                self.report(path + ("minimum",), f"{label}: minimum is above maximum")
        if question.show_if is not None:
            self.check_condition(question.show_if, path + ("show_if",), label)

    # expressions

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
                f"the condition of {owner} is nested {depth} levels deep; the limit is "
                f"{rules.MAX_EXPRESSION_DEPTH}",
            )
            return
        if len(nodes) > rules.MAX_EXPRESSION_NODES:
            self.report(
                path,
                f"the condition of {owner} has {len(nodes)} parts; the limit is "
                f"{rules.MAX_EXPRESSION_NODES}",
            )
            return
        if rules.result_type(expression, self.answer_type) not in ("boolean", "any"):
            self.report(path, f"the condition of {owner} must be true or false, not a value")
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
                    f"unknown question {quote(question_id)}"
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
                f'"in" needs a choice question; "{question.id}" is {question.type} (use "compare")',
            )
            return
        known = self.choice_options[question.id]
        for index, option in enumerate(node.options):
            if option not in known:
                ordered = tuple(item.id for item in question.options)
                listed = ", ".join(quote(item) for item in ordered[:20])
                self.report(
                    path + ("options", index),
                    f"question {quote(question.id)} has no option {quote(option)}"
                    + (self.suggest(option, known) or f"; its options: {listed}"),
                )
        if (
            node.match == "all"
            and question.type != "multiple_choice"
            and len(set(node.options)) > 1
        ):
            self.report(
                path + ("match",),
                f"this can never be true: question {quote(question.id)} takes one answer, so "
                f"it cannot have all of {', '.join(quote(item) for item in node.options[:5])}; "
                'use "match": "any"',
                "warning",
            )

    def check_chosen_count(self, node: rules.ChosenCountOp, path: JsonPath) -> None:
        question = self.check_question_reference(node.question, path)
        if question is not None and question.type not in CHOICE_TYPES:
            self.report(
                path, f'"chosen_count" needs a choice question; "{question.id}" is {question.type}'
            )

    def check_score(self, node: rules.ScoreOp, path: JsonPath) -> None:
        question = self.check_question_reference(node.question, path)
        if question is not None and not question.scored:
            self.report(path, f'"score" needs a scored question; "{question.id}" is info')

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
                    where, f'"{node.op}" combines conditions; this is {kind}, not a condition'
                )

    def check_sum(self, node: rules.SumOp, path: JsonPath) -> None:
        for index, operand in enumerate(node.of):
            if rules.result_type(operand, self.answer_type) not in ("number", "any"):
                self.report(path + ("of", index), '"sum" adds numbers; this is not a number')

    def check_compare(self, node: rules.CompareOp, path: JsonPath) -> None:
        left = rules.result_type(node.left, self.answer_type)
        right = rules.result_type(node.right, self.answer_type)
        if "options" in (left, right):
            self.report(path, 'a multiple-choice answer is a set; use "in" to test its options')
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
                        f"question {quote(other.question)} has no option {quote(literal)}"
                        + self.suggest(literal, known),
                    )
                return
            if other_type == "date":
                try:
                    dt.date.fromisoformat(literal)
                except ValueError:
                    self.report(path + (side,), f"{quote(literal)} is not a date; write YYYY-MM-DD")
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
                    hint = f"; write the number without quotes: {literal.strip()}"
            self.report(path, f"this compares {left} with {right}, which never match{hint}")
        if left == "boolean" and right == "boolean" and node.cmp not in ("==", "!="):
            self.report(path, 'true/false values can only be compared with "==" or "!="')


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


_Checker._node_checks = {
    rules.AnswerOp: _Checker.check_reference,
    rules.AnsweredOp: _Checker.check_reference,
    rules.InOp: _Checker.check_in,
    rules.ChosenCountOp: _Checker.check_chosen_count,
    rules.ScoreOp: _Checker.check_score,
    rules.PointsOp: _Checker.check_selection,
    rules.MaxPointsOp: _Checker.check_selection,
    rules.PercentOp: _Checker.check_selection,
    rules.AllOp: _Checker.check_combination,
    rules.AnyOp: _Checker.check_combination,
    rules.NotOp: _Checker.check_combination,
    rules.CountOp: _Checker.check_combination,
    rules.SumOp: _Checker.check_sum,
    rules.CompareOp: _Checker.check_compare,
    **FLOOR_NODE_CHECKS,
}


def check_meaning(
    parts: QuestionnaireParts, document: JsonDocument, base_path: JsonPath, raw: Any
) -> list[Problem]:
    """Every meaning problem of the parts, located in ``document`` under ``base_path``."""
    return _Checker(parts, document, base_path, raw).run()
