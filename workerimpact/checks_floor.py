"""Meaning checks of the scoring model a questionnaire declares (``scoring.model``).

Model ``findings-floor/2`` brings option kinds ("Don't know", "Not applicable"), a stated
reason for every rule's severity, arithmetic and stage operators, score expressions and
level rules. A file of the default model ``points-share/1`` may not use them (so an old file
keeps scoring exactly as before); these checks say so, and check the new parts' meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workerimpact import rules
from workerimpact.i18n import t
from workerimpact.questionnaire import (
    CHOICE_TYPES,
    MODEL_FINDINGS_FLOOR,
    SPECIAL_KINDS,
    Question,
)

if TYPE_CHECKING:
    from workerimpact.checks import _Checker
    from workerimpact.jsonfile import JsonPath

_FLOOR = f'"model": "{MODEL_FINDINGS_FLOOR}"'


def check_scoring_model(checker: _Checker) -> None:
    """Report what the declared scoring model does not allow, and check its settings."""
    parts = checker.parts
    floor = parts.model == MODEL_FINDINGS_FLOOR
    for path, question in parts.questions:
        _check_kinds(checker, path, question, floor)
    for path, rule in parts.rules:
        if floor and rule.minimum_level is not None:
            checker.report(
                path + ("minimum_level",),
                t(
                    'rule "{id}": in scoring model {model_findings_floor} the '
                    'severity is the floor; remove "minimum_level" (or set the '
                    "severity to it)",
                    id=rule.id,
                    model_findings_floor=MODEL_FINDINGS_FLOOR,
                ),
            )
        if floor and not (rule.severity_reason or "").strip():
            checker.report(
                path,
                t(
                    'rule "{id}" needs a "severity_reason": why this severity, '
                    "in plain words, printed with the finding",
                    id=rule.id,
                ),
            )
    scoring = parts.scoring
    if scoring is None:
        return
    settings = {
        "mitigation_credit": scoring.mitigation_credit,
        "score": scoring.score,
        "dimension_score": scoring.dimension_score,
        "level_rules": scoring.level_rules,
    }
    if not floor:
        for name, value in settings.items():
            if value is not None:
                checker.report(
                    ("scoring", name),
                    t(
                        '"{name}" belongs to scoring model {model_findings_floor}; '
                        'add {floor} under "scoring" to use it',
                        name=name,
                        model_findings_floor=MODEL_FINDINGS_FLOOR,
                        floor=_FLOOR,
                    ),
                )
        return
    for name in ("score", "dimension_score"):
        expression = settings[name]
        if expression is not None:
            check_value(checker, expression, ("scoring", name), f'"{name}"')
    for index, level_rule in enumerate(scoring.level_rules or []):
        checker.check_condition(
            level_rule.when,
            ("scoring", "level_rules", index, "when"),
            t('level rule "{id}"', id=level_rule.id),
        )


def _check_kinds(checker: _Checker, path: JsonPath, question: Question, floor: bool) -> None:
    label = f'question "{question.id}"'
    seen: set[str] = set()
    ordinary = [o.score or 0.0 for o in question.options if not o.special]
    for index, option in enumerate(question.options):
        place = path + ("options", index)
        if option.kind not in SPECIAL_KINDS:
            if option.recommendation is not None or option.finding_severity is not None:
                checker.report(
                    place,
                    t(
                        'option "{id}" of {label}: "recommendation" and '
                        '"finding_severity" belong to a "dont_know" option',
                        id=option.id,
                        label=label,
                    ),
                )
            continue
        if not floor:
            checker.report(
                place + ("kind",),
                t(
                    'option kind "{kind}" needs scoring model '
                    '{model_findings_floor}; add {floor} under "scoring"',
                    kind=option.kind,
                    model_findings_floor=MODEL_FINDINGS_FLOOR,
                    floor=_FLOOR,
                ),
            )
            continue
        if option.kind in seen:
            checker.report(
                place + ("kind",),
                t('{label} has more than one "{kind}" option', label=label, kind=option.kind),
            )
        seen.add(option.kind)
        if question.type not in CHOICE_TYPES or question.type == "yes_no":
            checker.report(
                place + ("kind",),
                t(
                    '{label} is {type}: "{kind}" options belong to '
                    "single_choice, multiple_choice or scale questions",
                    label=label,
                    type=question.type,
                    kind=option.kind,
                ),
            )
        if option.kind == "not_applicable" and option.score is not None:
            checker.report(
                place + ("score",),
                t(
                    'option "{id}" of {label} is "not_applicable": it takes the '
                    'question out of the score, so it has no "score"',
                    id=option.id,
                    label=label,
                ),
            )
        if option.kind == "dont_know" and option.score is not None:
            if question.role == "mitigation" and option.score != 0:
                checker.report(
                    place + ("score",),
                    t(
                        'option "{id}" of {label}: "Don\'t know" gives no protection; '
                        "its score must be 0 or absent",
                        id=option.id,
                        label=label,
                    ),
                )
            if question.role == "risk" and option.score < max(ordinary, default=0.0):
                checker.report(
                    place + ("score",),
                    t(
                        'option "{id}" of {label}: "Don\'t know" never counts as '
                        "safe; its score must be at least {ordinary:g} (the riskiest "
                        "answer) or absent",
                        id=option.id,
                        label=label,
                        ordinary=max(ordinary),
                    ),
                )
        if option.kind != "dont_know" and option.finding_severity is not None:
            checker.report(
                place + ("finding_severity",),
                t(
                    'option "{id}" of {label}: only a "dont_know" option has a finding',
                    id=option.id,
                    label=label,
                ),
            )


def check_value(checker: _Checker, expression: Any, path: JsonPath, owner: str) -> None:
    """Check an expression that must give a number (a score expression)."""
    nodes = list(rules.walk(expression, path))
    if rules.result_type(expression, checker.answer_type) not in ("number", "any"):
        checker.report(path, t("{owner} must give a number (0 to 100)", owner=owner))
    if max(depth for _, _, depth in nodes) > rules.MAX_EXPRESSION_DEPTH:
        checker.report(
            path,
            t(
                "{owner} is nested too deep; the limit is {max_expression_depth}",
                owner=owner,
                max_expression_depth=rules.MAX_EXPRESSION_DEPTH,
            ),
        )
        return
    checker.total_nodes += len(nodes)
    for node, node_path, _ in nodes:
        check = checker._node_checks.get(type(node))
        if check is not None:
            check(checker, node, node_path)


def _check_new_operator(checker: _Checker, node: Any, path: JsonPath) -> None:
    if checker.parts.model != MODEL_FINDINGS_FLOOR:
        checker.report(
            path,
            t(
                'the operator "{op}" needs scoring model '
                '{model_findings_floor}; add {floor} under "scoring"',
                op=node.op,
                model_findings_floor=MODEL_FINDINGS_FLOOR,
                floor=_FLOOR,
            ),
        )
        return
    kind = type(node)
    if kind is rules.ChooseOp:
        if rules.result_type(node.when, checker.answer_type) not in ("boolean", "any"):
            checker.report(path + ("when",), t('"choose" needs a condition in "when"'))
        return
    if kind is rules.DaysSinceOp:
        if rules.result_type(node.of, checker.answer_type) not in ("date", "text", "any"):
            checker.report(path + ("of",), t('"days_since" counts from a date'))
        return
    of = getattr(node, "of", None)
    operands = of if isinstance(of, list) else [] if of is None else [of]
    for index, operand in enumerate(operands):
        if rules.result_type(operand, checker.answer_type) not in ("number", "any"):
            where = path + (("of", index) if isinstance(of, list) else ("of",))
            checker.report(where, t('"{op}" works on numbers; this is not a number', op=node.op))


FLOOR_NODE_CHECKS = {kind: _check_new_operator for kind in rules.NEW_OPERATORS}
"""Checks of the operators only model findings-floor/2 accepts."""
