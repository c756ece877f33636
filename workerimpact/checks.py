"""The meaning checks of a questionnaire, run after its structure has been parsed.

Duplicate ids; rules, skip logic and adjustments naming questions, options or dimensions
that do not exist; operators given the wrong kind of value; loops in skip logic; choice
questions without options; scored questions without scores; expressions over the size caps.
The checks of expressions and their operators are in ``workerimpact.checks_expressions``,
those of the scoring model in ``workerimpact.checks_floor``. The checks work on
``QuestionnaireParts`` (``workerimpact.parts``), each part with its
place in the file, so they also run on the parts of a file whose structure is broken
elsewhere.
"""

from __future__ import annotations

from typing import Any

from workerimpact import rules
from workerimpact.checks_expressions import NODE_CHECKS, UNPLACED, ExpressionChecks
from workerimpact.checks_floor import FLOOR_NODE_CHECKS, check_scoring_model
from workerimpact.errors import Problem
from workerimpact.i18n import t
from workerimpact.jsonfile import JsonDocument, JsonPath
from workerimpact.parts import QuestionnaireParts
from workerimpact.questionnaire import CHOICE_TYPES, MAX_QUESTIONS, Question
from workerimpact.safetext import quote
from workerimpact.skiplogic import check_skip_logic_cycles, check_skip_logic_looks_back
from workerimpact.validation import Suggester

__all__ = ["UNPLACED", "check_meaning"]


# --- meaning checks ------------------------------------------------------------------------


class _Checker(ExpressionChecks):
    """Every meaning check of one questionnaire's parts; ``run`` returns the problems."""

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


_Checker._node_checks = {**NODE_CHECKS, **FLOOR_NODE_CHECKS}


def check_meaning(
    parts: QuestionnaireParts, document: JsonDocument, base_path: JsonPath, raw: Any
) -> list[Problem]:
    """Every meaning problem of the parts, located in ``document`` under ``base_path``."""
    return _Checker(parts, document, base_path, raw).run()
