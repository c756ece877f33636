"""What the review and response windows share: reading their data, and small form pieces.

``load_review_data`` and ``load_response_data`` run on the library thread and return plain
values; the dialogs never touch the library themselves: they hand each changed record to
a ``save`` callback, which the window runs on the library thread (saved on entry).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QScrollArea, QWidget

from ui.levels import level_name
from workerimpact.consultation.carried import earlier_items
from workerimpact.consultation.models import Response, Review
from workerimpact.scoring import score_assessment


def _position(value: str | None) -> str:
    if value == "agree":
        return _tr("Agree")
    if value == "partly":
        return _tr("Partly agree")
    if value == "disagree":
        return _tr("Disagree")
    return _tr("No position yet")


def _tr(text: str) -> str:
    """Window text of the response form (translatable from any thread)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ResponseData", text)


@dataclass
class ReviewData:
    """The review being written, and the statement's findings and sections by key."""

    review: Review
    findings: list[tuple[str, str, str, str]]
    """(key, title, severity, explanation) of each finding."""
    sections: list[tuple[str, str]]
    """(key, title) of each section."""


@dataclass
class ResponseData:
    """The employer's response, the review it answers and the items to answer."""

    response: Response
    review: Review | None
    items: list[tuple[str, str, str]] = field(default_factory=list)
    """(key, title, the representatives' position in words) of each finding and concern."""
    notes: list[str] = field(default_factory=list)
    not_theirs: set[str] = field(default_factory=set)
    """Keys of items whose line is not the representatives' words (a finding no longer
    found), shown without "Workers' representatives:"."""


def _in_window_language(assessment: Any) -> tuple[Any, Any]:
    """The assessment read in the window's language (its questionnaires' translations, where
    they have one) and its result scored in that language (findings and rules in words)."""
    from ui.i18n import current_language
    from workerimpact.i18n import language
    from workerimpact.report.language import in_language

    tag = current_language()
    with language(tag):
        return in_language(assessment, score_assessment(assessment), tag)


def _findings(assessment: Any) -> list[tuple[str, str, str, str]]:
    _, result = _in_window_language(assessment)
    return [
        (f"{f.questionnaire_id}/{f.id}", f.title, f.severity, f.explanation)
        for f in result.findings
    ]


def load_review_data(library: Any, assessment_id: str) -> ReviewData:
    """On the library thread: the (started) review of an assessment and what it reviews."""
    review = library.start_review(assessment_id)
    assessment = library.get(assessment_id)
    shown, _ = _in_window_language(assessment)
    sections = [
        (f"{q.id}/{section.id}", f"{q.title} › {section.title}")
        for q in shown.questionnaires
        for section in q.sections
    ]
    return ReviewData(review, _findings(assessment), sections)


def load_response_data(library: Any, assessment_id: str) -> ResponseData:
    """On the library thread: the response (new if none), and every item it answers."""
    from workerimpact.consultation.models import new_response

    assessment = library.get(assessment_id)
    received = library.reviews(assessment_id, received=True)
    review = received[0] if received else None
    response = library.response(assessment_id) or new_response(review, assessment_id)
    data = ResponseData(response, review)
    for key, title, severity, _ in _findings(assessment):
        position = review.findings.get(key) if review else None
        words = _position(position.position if position else None)
        if position and position.comment:
            words += f": {position.comment}"
        data.items.append((f"finding:{key}", f"[{level_name(severity)}] {title}", words))
    for concern in review.concerns if review else []:
        data.items.append(
            (
                f"concern:{concern.id}",
                f"[{level_name(concern.severity)}] "
                + _tr("Added by the representatives: %s") % concern.title,
                concern.description or _tr("A concern they added"),
            )
        )
    from ui.i18n import current_language
    from workerimpact.i18n import language

    with language(current_language()):  # the earlier points' headings in the window's words
        earlier = earlier_items(library, assessment, review, response)
    carried = _tr("its measures were carried over from the revision before")
    for point in earlier:
        level = f"[{level_name(point.severity)}] " if point.severity else ""
        if point.kind == "concern":
            about = point.description or _tr("A concern they added")
        else:  # said as a fact, not as the representatives' words
            about = _tr("No longer found in this revision")
            data.not_theirs.add(point.key)
        data.items.append((point.key, level + point.heading(), f"{about} — {carried}"))
    if review is None:
        data.notes.append(
            _tr(
                "No review from the workers' representatives is attached yet: you can still "
                "plan measures for the findings. Attach their review file with File → Import "
                "review file…"
            )
        )
    return data


def combo(choices: list[tuple[str | None, str]], current: str | None) -> QComboBox:
    """A combo box of (value, words) choices with ``current`` selected."""
    from PySide6.QtCore import QCoreApplication

    box = QComboBox()
    for value, words in choices:  # the review's and response's choices, in the window's words
        box.addItem(QCoreApplication.translate("ReviewChoices", words), value)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


def line(text: str, placeholder: str = "", accessible: str = "") -> QLineEdit:
    """A one-line text field, named for screen readers."""
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible or placeholder)
    return edit


def parse_date(text: str) -> dt.date | None:
    """A YYYY-MM-DD date typed by the user; None for empty. Raises ``ValueError``."""
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


def vertical_scroll(widget: QWidget) -> QScrollArea:
    """A scroll area that never scrolls sideways."""
    from PySide6.QtCore import Qt

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area
