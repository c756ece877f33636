"""The rules language in plain words: any tree rendered as a sentence fragment.

Used for the report's *why* of every finding and for adjustments and level rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workerimpact.i18n import t
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
)

_STAGE_WORDS = {"planned": "planned", "pilot": "in pilot", "in_operation": "in operation"}

# Translated where used.
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
    return ", ".join(labels[:-1]) + f" {t(joiner)} " + labels[-1]


def describe(node: Any, words: Vocabulary, _nested: bool = False) -> str:
    """Render a tree as a plain-language sentence fragment, e.g. for the report's *why*."""
    if isinstance(node, bool):
        return t("yes") if node else t("no")
    if isinstance(node, (int, float)):
        return f"{node:g}"
    if isinstance(node, str):
        return f"“{node}”"
    if isinstance(node, AnswerOp):
        return t("the answer to {question}", question=words.question(node.question))
    if isinstance(node, AnsweredOp):
        return t("{question} is answered", question=words.question(node.question))
    if isinstance(node, InOp):
        labels = [f"“{words.option(node.question, option)}”" for option in node.options]
        question = words.question(node.question)
        if words.multiple(node.question):
            if node.match == "all":
                return t(
                    "{question} includes {options}",
                    question=question,
                    options=_listing(labels, "and"),
                )
            if node.match == "none":
                return t(
                    "{question} is answered without {options}",
                    question=question,
                    options=_listing(labels, "or"),
                )
            return t(
                "{question} includes {options}", question=question, options=_listing(labels, "or")
            )
        if node.match == "none":
            return t(
                "{question} is answered, not {options}",
                question=question,
                options=_listing(labels, "or"),
            )
        return t("{question} is {options}", question=question, options=_listing(labels, "or"))
    if isinstance(node, NotOp) and isinstance(node.of, InOp) and node.of.match == "any":
        labels = [f"“{words.option(node.of.question, option)}”" for option in node.of.options]
        template = (
            "{question} does not include {options}"
            if words.multiple(node.of.question)
            else "{question} is not {options}"
        )
        return t(
            template, question=words.question(node.of.question), options=_listing(labels, "or")
        )
    if isinstance(node, CompareOp):
        left = _compare_side(node.left, node.right, words)
        right = _compare_side(node.right, node.left, words)
        return f"{left} {t(_CMP_WORDS[node.cmp])} {right}"
    if isinstance(node, (AllOp, AnyOp)):
        joiner = f" {t('and')} " if isinstance(node, AllOp) else f" {t('or')} "
        text = joiner.join(describe(child, words, True) for child in node.of)
        return f"({text})" if _nested and len(node.of) > 1 else text
    if isinstance(node, NotOp):
        return t("not ({condition})", condition=describe(node.of, words))
    if isinstance(node, CountOp):
        return t("the number of these that hold: ") + "; ".join(
            describe(child, words) for child in node.of
        )
    if isinstance(node, ChosenCountOp):
        return t(
            "the number of options chosen in {question}", question=words.question(node.question)
        )
    if isinstance(node, SumOp):
        return t("the sum of ") + ", ".join(describe(child, words, True) for child in node.of)
    if isinstance(node, ScoreOp):
        return t("the points of {question}", question=words.question(node.question))
    if isinstance(node, SubOp):
        return f"{describe(node.of[0], words, True)} minus {describe(node.of[1], words, True)}"
    if isinstance(node, MulOp):
        return " times ".join(describe(child, words, True) for child in node.of)
    if isinstance(node, RatioOp):
        return f"{describe(node.of[0], words, True)} divided by {describe(node.of[1], words, True)}"
    if isinstance(node, RoundOp):
        places = f" to {node.digits} decimals" if node.digits else ""
        return f"{describe(node.of, words, True)} rounded{places}"
    if isinstance(node, (MinOp, MaxOp)):
        which = "smallest" if isinstance(node, MinOp) else "largest"
        return f"the {which} of " + ", ".join(describe(child, words, True) for child in node.of)
    if isinstance(node, ChooseOp):
        return (
            f"{describe(node.then, words, True)} if {describe(node.when, words, True)}, "
            f"else {describe(node.otherwise, words, True)}"
        )
    if isinstance(node, StageInOp):
        stages = [t(_STAGE_WORDS[stage]) for stage in node.stages]
        return t("the system is {stages}", stages=_listing(stages, "or"))
    if isinstance(node, StageStartedOp):
        return t("the date the current stage started")
    if isinstance(node, DaysSinceOp):
        return f"days since {describe(node.of, words, True)}"
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
