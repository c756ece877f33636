"""Checks of skip logic: loops, and conditions that read questions asked later.

A question (or section) is shown when its ``show_if`` holds. The condition may only read
answers given before it is reached; a loop (A shown if B, B shown if A) or a forward
reference cannot be decided in reading order. Part of the meaning checks
(``workerimpact.checks``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workerimpact import rules
from workerimpact.i18n import t
from workerimpact.jsonfile import JsonPath
from workerimpact.parts import QuestionnaireParts
from workerimpact.safetext import quote

Report = Callable[[JsonPath, str], None]
"""Records a problem at a path in the questionnaire."""


def check_skip_logic_looks_back(
    parts: QuestionnaireParts, report: Report, in_cycles: set[str]
) -> None:
    """Skip logic may only read questions asked before: when a question or section is
    reached, a later question has no answer yet, so its condition would be decided by
    an answer given afterwards (and change what was already shown)."""
    order = {question.id: index for index, (_, question) in enumerate(parts.questions)}
    first_of_section: dict[int, int] = {}
    own_of_section: dict[int, set[str]] = {}
    for index, (path, question) in enumerate(parts.questions):
        first_of_section.setdefault(path[1], index)
        own_of_section.setdefault(path[1], set()).add(question.id)
    owners: list[tuple[str, JsonPath, Any, int, set[str], str]] = []
    for path, section in parts.sections:
        if section.show_if is not None:
            owners.append(
                (
                    f"section:{section.id}",
                    path + ("show_if",),
                    section.show_if,
                    first_of_section.get(path[1], len(order)),
                    own_of_section.get(path[1], set()),
                    t("section {id}", id=quote(section.id)),
                )
            )
    for index, (path, question) in enumerate(parts.questions):
        if question.show_if is not None:
            owners.append(
                (
                    f"question:{question.id}",
                    path + ("show_if",),
                    question.show_if,
                    index,
                    {question.id},
                    t("question {id}", id=quote(question.id)),
                )
            )
    for key, path, condition, first, own, label in owners:
        if key in in_cycles:
            continue  # already reported as a loop
        later = [
            referenced
            for referenced in sorted(rules.referenced_questions(condition))
            if referenced not in own and order.get(referenced, -1) >= first
        ]
        if later:
            named = ", ".join(quote(item) for item in later[:5])
            report(
                path,
                t(
                    "the skip logic of {label} reads {named}, asked later in the "
                    "questionnaire; skip logic can only read questions asked before it "
                    "(a later answer is not known yet). Move the question earlier or change "
                    "the condition",
                    label=label,
                    named=named,
                ),
            )


def check_skip_logic_cycles(parts: QuestionnaireParts, report: Report) -> set[str]:
    """Report each loop in skip logic once; return the questions and sections in loops."""
    # Nodes are questions and sections: a question depends on its section's condition
    # and on the questions its own condition reads.
    depends: dict[str, list[str]] = {}
    place: dict[str, JsonPath] = {}
    for path, section in parts.sections:
        key = f"section:{section.id}"
        place[key] = path + ("show_if",)
        depends[key] = (
            [f"question:{q}" for q in sorted(rules.referenced_questions(section.show_if))]
            if section.show_if is not None
            else []
        )
    section_ids = {path[1]: section.id for path, section in parts.sections}
    for path, question in parts.questions:
        key = f"question:{question.id}"
        place[key] = path + ("show_if",)
        edges = []
        if path[1] in section_ids:
            edges.append(f"section:{section_ids[path[1]]}")
        if question.show_if is not None:
            edges += [f"question:{q}" for q in sorted(rules.referenced_questions(question.show_if))]
        depends[key] = edges
    reported: set[frozenset[str]] = set()
    in_cycles: set[str] = set()
    for cycle in _cycles(depends):
        if frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        in_cycles.update(cycle)
        loop = [name.replace(":", " ") for name in cycle + [cycle[0]]]
        if len(loop) > 8:  # a loop through thousands of questions: its ends suffice
            loop = loop[:4] + [t("… ({count} more) …", count=f"{len(loop) - 7:,}")] + loop[-3:]
        report(place[cycle[0]], t("skip logic loops back on itself: {loop}", loop=" → ".join(loop)))
    return in_cycles


_MAX_CYCLES = 200
"""Loops reported at most per file: one is enough to start fixing, 200 shows the scale."""


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Find cycles with an iterative depth-first search (one per back edge)."""
    white, grey, black = 0, 1, 2
    color = dict.fromkeys(graph, white)
    found: list[list[str]] = []
    for start in graph:
        if color[start] != white:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[str] = []
        color[start] = grey
        trail.append(start)
        while stack:
            node, index = stack[-1]
            edges = graph.get(node, [])
            if index < len(edges):
                stack[-1] = (node, index + 1)
                target = edges[index]
                if target not in graph:
                    continue
                if color[target] == grey:
                    if len(found) < _MAX_CYCLES:
                        found.append(trail[trail.index(target) :])
                elif color[target] == white:
                    color[target] = grey
                    trail.append(target)
                    stack.append((target, 0))
            else:
                color[node] = black
                trail.pop()
                stack.pop()
    return found
