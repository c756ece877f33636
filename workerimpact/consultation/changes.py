"""What changed since the last statement: the joint statement of a later revision lists the
levels, findings and answers that differ from the revision before, and where the measures
recorded for that revision stand now.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from workerimpact.assessment import Assessment
from workerimpact.compare import compare_assessments
from workerimpact.consultation.models import Response, label
from workerimpact.report.layout import Styles
from workerimpact.report.text import inline, literal
from workerimpact.results import describe_score


def change_lines(
    previous: Assessment,
    previous_response: Response | None,
    current: Assessment,
    current_response: Response | None,
) -> list[str]:
    """Plain sentences (markup, user text escaped) saying what changed, in reading order."""
    comparison = compare_assessments(previous, current)
    lines = []
    for row in comparison.levels:
        if row.changed:
            lines.append(
                f"Level of {inline(row.title, 200)}: {describe_score(row.first)} → "
                f"{describe_score(row.second)}."
            )
    lines += [f"No longer found: {inline(f.title, 300)}." for f in comparison.only_first]
    lines += [f"New finding: {inline(f.title, 300)}." for f in comparison.only_second]
    for answer in comparison.answers:
        lines.append(
            f"Answer to “{inline(answer.question, 300)}”: {literal(answer.first, 300)} → "
            f"{literal(answer.second, 300)}."
        )
    now = {m.id: m for _, m in current_response.measures()} if current_response else {}
    for _key, measure in previous_response.measures() if previous_response else []:
        later = now.get(measure.id)
        where = label(later.status) if later else label(measure.status)
        lines.append(f"Measure “{literal(measure.description, 300)}”: {where}.")
    return lines


def changes_story(
    previous: Assessment,
    previous_response: Response | None,
    current: Assessment,
    current_response: Response | None,
) -> list[Flowable]:
    """The joint statement's section on what changed since the previous revision."""
    story: list[Flowable] = [
        Paragraph(f"What changed since revision {previous.metadata.revision}", Styles.h1)
    ]
    lines = change_lines(previous, previous_response, current, current_response)
    story += [Paragraph(line, Styles.body) for line in lines] or [
        Paragraph("Nothing: levels, findings and answers are as they were.", Styles.body)
    ]
    return story
