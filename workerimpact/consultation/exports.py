"""Plain exports of the consultation: CSV of the plan and findings, iCalendar of due dates.

CSV files are UTF-8 with a byte order mark (spreadsheets then read accents right), CRLF
line ends, and every cell that a spreadsheet would take for a formula (starting with = + -
@, a tab or a carriage return) is prefixed with an apostrophe. The calendar is RFC 5545:
CRLF lines folded at 75 octets, text escaped, one event with its own UID per due date.

Merge note: branch iss14 adds ``workerimpact/report/as_csv.py`` with its own neutraliser;
``neutralise`` here is deliberately small so the two can be merged into one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workerimpact.assessment import Assessment
from workerimpact.consultation.carried import EarlierItem, answer_words
from workerimpact.consultation.models import (
    CONCERN_PREFIX,
    FINDING_PREFIX,
    Response,
    Review,
    label,
)
from workerimpact.scoring import AssessmentResult

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file's bytes: UTF-8 with BOM, CRLF, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def item_titles(
    result: AssessmentResult | None,
    review: Review | None,
    response: Response | None = None,
    earlier: Sequence[EarlierItem] = (),
) -> dict[str, str]:
    """The title of every finding and added concern, by the response's item key; the
    points from earlier revisions (``earlier_items``) are named with their revision, and
    a key found nowhere is said in words, never shown as an id."""
    titles: dict[str, str] = {}
    if result is not None:
        for finding in result.findings:
            titles[f"{FINDING_PREFIX}{finding.questionnaire_id}/{finding.id}"] = finding.title
    if review is not None:
        for concern in review.concerns:
            titles[f"{CONCERN_PREFIX}{concern.id}"] = f"Added concern: {concern.title}"
    for item in earlier:
        titles.setdefault(item.key, item.heading())
    for key in response.items if response else ():
        titles.setdefault(key, _unnamed(key))
    return titles


def _unnamed(key: str) -> str:
    if key.startswith(CONCERN_PREFIX):
        return "A concern the representatives added (its review is not in this library)"
    return "A finding of an earlier revision (not in this library)"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def plan_rows(response: Response, titles: dict[str, str], today: dt.date) -> list[list[str]]:
    """One row per measure, soonest due first: item, measure, owner, due, status, reason,
    expected level, overdue."""
    return [
        [
            titles.get(key, key),
            measure.description,
            measure.owner,
            _date(measure.due),
            label(measure.status),
            measure.dropped_reason,
            label(measure.expected_level) or "",
            "overdue" if measure.overdue(today) else "",
        ]
        for key, measure in sorted(
            response.measures(), key=lambda pair: (pair[1].due or dt.date.max, pair[0])
        )
    ]


PLAN_HEADER = (
    "Finding or concern",
    "Measure",
    "Owner",
    "Due",
    "Status",
    "Reason dropped",
    "Level expected once done",
    "Overdue",
)
FINDINGS_HEADER = (
    "Finding or concern",
    "Severity",
    "Representatives' position",
    "Representatives' comment",
    "Proposed measure",
    "Employer's response",
    "Measures",
)


def plan_csv(response: Response, titles: dict[str, str], today: dt.date | None = None) -> bytes:
    """The action plan as CSV bytes."""
    return csv_bytes(PLAN_HEADER, plan_rows(response, titles, today or dt.date.today()))


def findings_csv(
    result: AssessmentResult,
    review: Review | None,
    response: Response | None,
    earlier: Sequence[EarlierItem] = (),
) -> bytes:
    """Each finding and added concern with both parties' positions, as CSV bytes (and the
    points from earlier revisions the response still answers)."""
    rows = []
    for finding in result.findings:
        key = f"{finding.questionnaire_id}/{finding.id}"
        position = review.findings.get(key) if review else None
        item = response.items.get(FINDING_PREFIX + key) if response else None
        rows.append(
            [
                finding.title,
                finding.severity,
                label(position.position) if position else "",
                position.comment if position else "",
                position.proposed_measure if position else "",
                answer_words(item),
                "; ".join(m.description for m in item.measures) if item else "",
            ]
        )
    for concern in review.concerns if review else ():
        item = response.items.get(CONCERN_PREFIX + concern.id) if response else None
        rows.append(
            [
                f"Added concern: {concern.title}",
                concern.severity,
                "added by the representatives",
                concern.description,
                "",
                answer_words(item),
                "; ".join(m.description for m in item.measures) if item else "",
            ]
        )
    for point in earlier:
        item = response.items.get(point.key) if response else None
        rows.append(
            [
                point.heading(),
                point.severity or "",
                "",
                point.description,
                "",
                answer_words(item),
                "; ".join(m.description for m in item.measures) if item else "",
            ]
        )
    return csv_bytes(FINDINGS_HEADER, rows)


# --- iCalendar (RFC 5545) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueDate:
    """One date to put in a calendar."""

    uid: str
    day: dt.date
    summary: str
    description: str


def ics_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in text if ch >= " " or ch == "\t")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without cutting a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def due_dates(
    responses: Iterable[Response], names: dict[str, str], titles: dict[str, dict[str, str]]
) -> list[DueDate]:
    """Every open measure's due date and every next review date, as calendar entries.

    ``names`` gives each assessment a human name (its system); ``titles`` the titles of
    each assessment's findings and concerns (from ``item_titles``).
    """
    entries = []
    for response in responses:
        name = names.get(response.assessment_id, response.assessment_id)
        known = titles.get(response.assessment_id, {})
        for key, measure in response.measures():
            if measure.due is None or measure.status in ("done", "dropped"):
                continue
            entries.append(
                DueDate(
                    f"measure-{response.assessment_id}-{measure.id}@workerimpact",
                    measure.due,
                    f"Measure due: {measure.description[:120]}",
                    f"{name} — {known.get(key, key)}. Owner: {measure.owner or 'not named'}. "
                    f"Status: {label(measure.status)}.",
                )
            )
        if response.next_review:
            entries.append(
                DueDate(
                    f"review-{response.assessment_id}@workerimpact",
                    response.next_review,
                    f"Impact assessment review due: {name}",
                    f"Decision: {label(response.decision) or 'not taken'}.",
                )
            )
    return sorted(entries, key=lambda entry: (entry.day, entry.uid))


def ics_bytes(entries: Iterable[DueDate], stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file of all-day events, one per entry."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//WorkerImpact//Consultation due dates//EN",
        "CALSCALE:GREGORIAN",
    ]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ics_escape(entry.uid)}",
            f"DTSTAMP:{stamp.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{entry.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(entry.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{ics_escape(entry.summary)}",
            f"DESCRIPTION:{ics_escape(entry.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def assessment_name(assessment: Assessment) -> str:
    """How an assessment is named in exports: its system and organization."""
    meta = assessment.metadata
    parts = [part for part in (meta.system, meta.organization) if part.strip()]
    return " — ".join(parts) or assessment.id
