"""What changed since the last statement: the joint statement of a later revision lists the
levels, findings and answers that differ from the revision before, and where the measures
recorded for that revision stand now.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from workerimpact.assessment import Assessment
from workerimpact.compare import compare_assessments
from workerimpact.consultation.models import Response, label
from workerimpact.i18n import t
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
        if row.changed and row.kind == "overall":
            lines.append(
                t(
                    "Overall level: {before} → {after}.",
                    before=describe_score(row.first),
                    after=describe_score(row.second),
                )
            )
        elif row.changed:
            lines.append(
                t(
                    "Level of {part}: {before} → {after}.",
                    part=inline(row.title, 200),
                    before=describe_score(row.first),
                    after=describe_score(row.second),
                )
            )
    lines += [
        t("No longer found: {title}.", title=inline(f.title, 300)) for f in comparison.only_first
    ]
    lines += [
        t("New finding: {title}.", title=inline(f.title, 300)) for f in comparison.only_second
    ]
    for answer in comparison.answers:
        lines.append(
            t(
                "Answer to “{question}”: {before} → {after}.",
                question=inline(answer.question, 300),
                before=literal(answer.first, 300),
                after=literal(answer.second, 300),
            )
        )
    now = {m.id: m for _, m in current_response.measures()} if current_response else {}
    for _key, measure in previous_response.measures() if previous_response else []:
        later = now.get(measure.id)
        where = t(label(later.status if later else measure.status))
        lines.append(
            t(
                "Measure “{measure}”: {status}.",
                measure=literal(measure.description, 300),
                status=where,
            )
        )
    return lines


def changes_story(
    previous: Assessment,
    previous_response: Response | None,
    current: Assessment,
    current_response: Response | None,
) -> list[Flowable]:
    """The joint statement's section on what changed since the previous revision."""
    story: list[Flowable] = [
        Paragraph(
            t(
                "What changed since revision {revision}",
                revision=previous.metadata.revision,
            ),
            Styles.h1,
        )
    ]
    lines = change_lines(previous, previous_response, current, current_response)
    story += [Paragraph(line, Styles.body) for line in lines] or [
        Paragraph(t("Nothing: levels, findings and answers are as they were."), Styles.body)
    ]
    return story
