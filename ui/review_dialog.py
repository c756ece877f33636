"""“Review as workers' representatives”: a position on each finding and section, concerns
the assessment missed, and the overall opinion with its dates. Every change is saved as
soon as it is made (a choice at once, a text when you leave its field).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.levels import level_name
from ui.review_common import ReviewData, combo, line, parse_date, vertical_scroll
from ui.review_history import add_history_button
from ui.review_items import Column, EntryDialog, ItemList
from workerimpact.consultation.history import REVIEW
from workerimpact.consultation.models import (
    Concern,
    FindingPosition,
    InformationRequest,
    Meeting,
    Opinion,
    Review,
    SectionPosition,
    build,
)
from workerimpact.errors import InputError

choice = partial(QT_TRANSLATE_NOOP, "ReviewChoices")
"""Marks a choice's words (``ui.i18n_scan`` lists them); ``combo`` translates them."""
POSITION_CHOICES = [(None, choice("No position yet")), ("agree", choice("Agree")),
                    ("partly", choice("Partly agree")),
                    ("disagree", choice("Disagree"))]  # fmt: skip
VERDICT_CHOICES = [(None, choice("Not reviewed")), ("acceptable", choice("Acceptable")),
                   ("to_be_improved", choice("To be improved"))]  # fmt: skip
OPINION_CHOICES = [(None, choice("Not given yet")), ("favourable", choice("Favourable")),
                   ("with_conditions", choice("Favourable with conditions")),
                   ("unfavourable", choice("Unfavourable"))]  # fmt: skip
REQUEST_CHOICES = [("requested", choice("Requested")), ("supplied", choice("Supplied")),
                   ("partly_supplied", choice("Partly supplied")),
                   ("refused", choice("Refused"))]  # fmt: skip
SEVERITY_CHOICES = [("low", choice("Low")), ("moderate", choice("Moderate")),
                    ("high", choice("High")), ("severe", choice("Severe"))]  # fmt: skip


def meeting_columns(widget: QWidget) -> list[Column]:
    """The fields of a meeting, for the review's and the response's lists."""
    return [
        Column("held_on", QCoreApplication.translate("Meetings", "Held on"), "date"),
        Column("attendees", QCoreApplication.translate("Meetings", "Who attended"), stretch=2),
        Column(
            "discussed", QCoreApplication.translate("Meetings", "What was discussed"), stretch=3
        ),
    ]


def meetings_box(
    widget: QWidget, records: Callable[[], list], change: Callable[[], None]
) -> tuple[QGroupBox, ItemList]:
    """The "Consultation meetings" list of the review's and the response's forms."""
    box = QGroupBox(QCoreApplication.translate("Meetings", "Consultation meetings"))
    layout = QVBoxLayout(box)
    meetings = ItemList(
        records,
        Meeting,
        meeting_columns(widget),
        change,
        QCoreApplication.translate("Meetings", "Add &meeting"),
        defaults=lambda: {"held_on": dt.date.today()},
    )
    layout.addWidget(meetings)
    return box, meetings


class ReviewDialog(EntryDialog):
    """The review form; ``save(review)`` is called with a copy after every change."""

    def __init__(self, data: ReviewData, save: Callable[[Review], None], parent=None):
        super().__init__(parent)
        self.setObjectName("review_dialog")
        self.setWindowTitle(self.tr("Review as workers' representatives"))
        self.review = data.review
        self._save = save
        self.problem = QLabel("")
        self.problem.setObjectName("review_problem")
        self.problem.setWordWrap(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Say for each finding whether you agree, and why. Everything is saved as you "
                "go. When you are done, export the review file (File → Export review file…) "
                "and give it to the employer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._reviewers_box())
        self.position_boxes = {}
        for key, title, severity, explanation in data.findings:
            layout.addWidget(
                self._finding_box(key, f"[{level_name(severity)}] {title}", explanation)
            )
        if not data.findings:
            layout.addWidget(QLabel(self.tr("The statement has no findings.")))
        sections = QGroupBox(self.tr("Sections"))
        form = QFormLayout(sections)
        # Long section names (and Spanish ones) put their verdict and comment below them
        # rather than squeezing the comment box to a few letters.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, title in data.sections:
            form.addRow(title, self._section_row(key))
        layout.addWidget(sections)
        layout.addWidget(self._concerns_box())
        layout.addWidget(self._requests_box())
        layout.addWidget(self._meetings_box())
        layout.addWidget(self._opinion_box())
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.history_button = add_history_button(
            self, buttons, REVIEW, lambda: (self.review.assessment_id, self.review.id)
        )
        outer = QVBoxLayout(self)
        outer.addWidget(vertical_scroll(body), 1)
        outer.addWidget(self.problem)
        outer.addWidget(buttons)
        self.keep_buttons_off_enter()
        self.resize(760, 640)
        if self.position_boxes:
            next(iter(self.position_boxes.values()))[0].setFocus()

    # --- the parts of the form -----------------------------------------------------------

    def _reviewers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who reviewed"))
        form = QFormLayout(box)
        self.reviewers = line(
            self.review.reviewers,
            self.tr("e.g. Works council: Sam Okafor, Lee Chan"),
            self.tr("Reviewers' names"),
        )
        form.addRow(self.tr("Reviewers' &names"), self.reviewers)

        def store(text: str) -> None:
            def change() -> None:
                self.review.reviewers = build(
                    Review, **{**self.review.model_dump(), "reviewers": text}
                ).reviewers

            self._change(change)

        self.reviewers.textEdited.connect(store)  # saved as typed, like the other fields
        return box

    def _finding_box(self, key: str, title: str, explanation: str) -> QGroupBox:
        current = self.review.findings.get(key, FindingPosition())
        box = QGroupBox(title)
        form = QFormLayout(box)
        about = QLabel(explanation)
        about.setWordWrap(True)
        form.addRow(about)
        position = combo(POSITION_CHOICES, current.position)
        position.setAccessibleName(self.tr("Your position on: %s") % title)
        comment = line(current.comment, self.tr("Why (your comment)"))
        measure = line(current.proposed_measure, self.tr("The measure you propose"))
        form.addRow(self.tr("Your position"), position)
        form.addRow(self.tr("Comment"), comment)
        form.addRow(self.tr("Proposed measure"), measure)

        def store() -> None:
            self._change(
                lambda: self.review.findings.__setitem__(
                    key,
                    build(
                        FindingPosition,
                        position=position.currentData(),
                        comment=comment.text(),
                        proposed_measure=measure.text(),
                    ),
                )
            )

        position.currentIndexChanged.connect(store)
        comment.textEdited.connect(store)  # saved as typed: nothing lost on a crash
        measure.textEdited.connect(store)
        self.position_boxes[key] = (position, comment, measure)
        return box

    def _section_row(self, key: str) -> QWidget:
        current = self.review.sections.get(key, SectionPosition())
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        verdict = combo(VERDICT_CHOICES, current.verdict)
        comment = line(current.comment, self.tr("Comment"))
        # Room for a few words of comment; a row without it goes below its section's name.
        comment.setMinimumWidth(comment.fontMetrics().averageCharWidth() * 24)
        layout.addWidget(verdict)
        layout.addWidget(comment, 1)

        def store() -> None:
            self._change(
                lambda: self.review.sections.__setitem__(
                    key,
                    build(SectionPosition, verdict=verdict.currentData(), comment=comment.text()),
                )
            )

        verdict.currentIndexChanged.connect(store)
        comment.textEdited.connect(store)
        return row

    def _concerns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Concerns the assessment missed"))
        layout = QVBoxLayout(box)
        self.concerns = ItemList(
            lambda: self.review.concerns,
            Concern,
            [
                Column("title", self.tr("A concern to add"), stretch=3),
                Column("severity", self.tr("How serious"), "choice", tuple(SEVERITY_CHOICES)),
                Column("description", self.tr("What it is about"), stretch=3),
            ],
            self._change,
            self.tr("&Add concern"),
        )
        layout.addWidget(self.concerns)
        self.concern_title = self.concerns.add_fields["title"]
        self.concern_severity = self.concerns.add_fields["severity"]
        return box

    def add_concern(self) -> None:
        """Add the typed concern (saved at once)."""
        self.concerns.add()

    def _requests_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Information requested from the employer"))
        layout = QVBoxLayout(box)

        def answered(fields: dict) -> None:
            if fields["status"] != "requested" and not fields["answered_on"]:
                fields["answered_on"] = dt.date.today()

        self.requests = ItemList(
            lambda: self.review.information,
            InformationRequest,
            [
                Column("request", self.tr("Information to ask for"), stretch=3),
                Column("status", self.tr("Where it stands"), "choice", tuple(REQUEST_CHOICES)),
                Column("asked_on", self.tr("Asked on"), "date"),
                Column("answered_on", self.tr("Answered on"), "date"),
            ],
            self._change,
            self.tr("Add &request"),
            defaults=lambda: {"asked_on": dt.date.today()},
            adjust=answered,
        )
        layout.addWidget(self.requests)
        self.request_text = self.requests.add_fields["request"]
        return box

    @property
    def request_boxes(self) -> dict:
        """The status choice of each request, by its id."""
        return {key: row["status"] for key, row in self.requests.rows.items()}

    def add_request(self) -> None:
        """Add the information typed as asked for today (saved at once)."""
        self.requests.add()

    def _meetings_box(self) -> QGroupBox:
        box, self.meetings = meetings_box(self, lambda: self.review.meetings, self._change)
        return box

    def _opinion_box(self) -> QGroupBox:
        opinion = self.review.opinion
        box = QGroupBox(self.tr("Your overall opinion"))
        form = QFormLayout(box)
        self.opinion = combo(OPINION_CHOICES, opinion.verdict)
        self.conditions = line(opinion.conditions, self.tr("Your conditions, if any"))
        self.asked_on = line(str(opinion.asked_on or ""), "YYYY-MM-DD", self.tr("Asked for on"))
        self.given_on = line(str(opinion.given_on or ""), "YYYY-MM-DD", self.tr("Given on"))
        form.addRow(self.tr("&Opinion"), self.opinion)
        form.addRow(self.tr("&Conditions"), self.conditions)
        form.addRow(self.tr("As&ked for on"), self.asked_on)
        form.addRow(self.tr("&Given on"), self.given_on)
        self.opinion.currentIndexChanged.connect(self._store_opinion)
        self.conditions.textEdited.connect(self._store_opinion)
        for edit in (self.asked_on, self.given_on):  # a date is checked once it is typed
            edit.editingFinished.connect(self._store_opinion)
        return box

    def _store_opinion(self) -> None:
        def store() -> None:
            try:
                asked, given = parse_date(self.asked_on.text()), parse_date(self.given_on.text())
            except ValueError:
                raise InputError.single("", "write dates as YYYY-MM-DD, e.g. 2026-11-30") from None
            self.review.opinion = build(
                Opinion,
                verdict=self.opinion.currentData(),
                conditions=self.conditions.text(),
                asked_on=asked,
                given_on=given,
            )

        self._change(store)

    # --- saving ---------------------------------------------------------------------------

    def _change(self, change: Callable[[], None]) -> bool:
        try:
            change()
        except InputError as error:
            self.problem.setText(
                self.tr("Not saved: %s") % "; ".join(p.message for p in error.problems)
            )
            return False
        self.problem.setText("")
        self._save(self.review.model_copy(deep=True))
        return True
