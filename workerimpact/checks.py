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
from workerimpact.i18n import t
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
                    section.show_if, path + ("show_if",), t('section "{id}"', id=section.id)
                )
        self.check_sections_have_questions()
        for path, question in self.parts.questions:
            self.check_question(path, question)
        for path, rule in self.parts.rules:
            owner = t('rule "{id}"', id=rule.id)
            self.check_condition(rule.condition, path + ("condition",), owner)
            if rule.dimension is not None:
                self.check_dimension_reference(rule.dimension, path + ("dimension",))
        for path, adjustment in self.parts.adjustments:
            owner = t('adjustment "{id}"', id=adjustment.id)
            self.check_condition(adjustment.when, path + ("when",), owner)
        in_cycles = check_skip_logic_cycles(self.parts, self.report)
        check_skip_logic_looks_back(self.parts, self.report, in_cycles)
        check_scoring_model(self)
        if len(self.parts.questions) > MAX_QUESTIONS:
            self.report(
                ("sections",),
                t(
                    "the questionnaire has {count} questions; the limit is {limit}",
                    count=len(self.parts.questions),
                    limit=MAX_QUESTIONS,
                ),
            )
        if self.total_nodes > rules.MAX_TOTAL_NODES:
            self.report(
                (),
                t(
                    "the expressions hold {count} operators in all; the limit is {limit}",
                    count=self.total_nodes,
                    limit=rules.MAX_TOTAL_NODES,
                ),
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
                        t(
                            f"the {kind} id {{id}} is already used (first at {{first}}); "
                            f"{kind} ids must be unique",
                            id=quote(item.id),
                            first=first,
                        ),
                    )
                else:
                    seen[item.id] = path
        for path, question in self.parts.questions:
            seen_options: set[str] = set()
            for index, option in enumerate(question.options):
                if option.id in seen_options:
                    self.report(
                        path + ("options", index, "id"),
                        t(
                            "the option id {option} appears twice in question {question}",
                            option=quote(option.id),
                            question=quote(question.id),
                        ),
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
                    t(
                        'dimension "{id}" has no risk or mitigation question; '
                        "give it questions or remove it",
                        id=dimension.id,
                    ),
                )

    def check_sections_have_questions(self) -> None:
        raw_sections = self.raw.get("sections") if isinstance(self.raw, dict) else None
        for path, section in self.parts.sections:
            raw_questions = None
            if isinstance(raw_sections, list):
                raw_questions = raw_sections[path[1]].get("questions")
            if not raw_questions:
                self.report(path, t('section "{id}" has no questions', id=section.id))

    def check_dimension_reference(self, dimension: str, path: JsonPath) -> None:
        if dimension not in self.parts.all_dimension_ids and self.parts.dimensions_complete:
            known = sorted(self.parts.all_dimension_ids)
            listed = ", ".join(quote(item) for item in known[:20])
            hint = self.suggest(dimension, self.parts.all_dimension_ids) or (
                t("; declare it under dimensions")
                if not known
                else t("; known: {names}", names=listed)
            )
            self.report(path, t("unknown dimension {name}{hint}", name=quote(dimension), hint=hint))

    def check_question(self, path: JsonPath, question: Question) -> None:
        label = t('question "{id}"', id=question.id)
        is_choice = question.type in CHOICE_TYPES
        if is_choice and len(question.options) < 2:
            self.report(
                path + ("options",),
                t(
                    "{label} is {type} and needs at least two options",
                    label=label,
                    type=question.type,
                ),
            )
        if not is_choice and question.options:
            self.report(
                path + ("options",),
                t(
                    "{label} is {type}; only choice questions have options",
                    label=label,
                    type=question.type,
                ),
            )
        if question.type == "yes_no" and question.options:
            ids = sorted(option.id for option in question.options)
            if ids != ["no", "yes"]:
                self.report(
                    path + ("options",),
                    t(
                        '{label} is yes_no: its options must be exactly "yes" and "no" '
                        "(found {found}); use single_choice for other answers",
                        label=label,
                        found=", ".join(ids),
                    ),
                )
        if question.scored:
            if not is_choice:
                self.report(
                    path + ("role",),
                    t(
                        "{label} is {type}, which cannot be scored; make it "
                        'role "info" (rules can still read its answer) or a choice question',
                        label=label,
                        type=question.type,
                    ),
                )
            for index, option in enumerate(question.options):
                if option.score is None and not option.special:
                    self.report(
                        path + ("options", index),
                        t(
                            'option "{id}" of {label} needs a "score" because the '
                            "question is a {role} question",
                            id=option.id,
                            label=label,
                            role=question.role,
                        ),
                    )
            if question.dimension is None and self.parts.all_dimension_ids:
                self.report(path, t('{label} is scored and needs a "dimension"', label=label))
        if question.dimension is not None:
            self.check_dimension_reference(question.dimension, path + ("dimension",))
        if question.type != "multiple_choice":
            for index, option in enumerate(question.options):
                if option.exclusive:
                    self.report(
                        path + ("options", index, "exclusive"),
                        t("{label}: only multiple_choice options can be exclusive", label=label),
                    )
        if question.minimum is not None or question.maximum is not None:
            if question.type != "number":
                self.report(
                    path, t("{label}: minimum and maximum apply to number questions", label=label)
                )
            elif (
                question.minimum is not None
                and question.maximum is not None
                and question.minimum > question.maximum
            ):
                self.report(
                    path + ("minimum",), t("{label}: minimum is above maximum", label=label)
                )
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
