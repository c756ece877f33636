"""“Review as workers' representatives”: a position on each finding and section, concerns
the assessment missed, and the overall opinion with its dates. Every change is saved as
soon as it is made (a choice at once, a text when you leave its field).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.review_common import ReviewData, combo, line, parse_date, vertical_scroll
from workerimpact.consultation.models import (
    Concern,
    FindingPosition,
    InformationRequest,
    Opinion,
    Review,
    SectionPosition,
    build,
    label,
)
from workerimpact.errors import InputError

POSITION_CHOICES = [(None, "No position yet"), ("agree", "Agree"), ("partly", "Partly agree"),
                    ("disagree", "Disagree")]  # fmt: skip
VERDICT_CHOICES = [(None, "Not reviewed"), ("acceptable", "Acceptable"),
                   ("to_be_improved", "To be improved")]  # fmt: skip
OPINION_CHOICES = [(None, "Not given yet"), ("favourable", "Favourable"),
                   ("with_conditions", "Favourable with conditions"),
                   ("unfavourable", "Unfavourable")]  # fmt: skip
REQUEST_CHOICES = [(value, label(value).capitalize()) for value in
                   ("requested", "supplied", "partly_supplied", "refused")]  # fmt: skip
SEVERITY_CHOICES = [(value, label(value).capitalize()) for value in
                    ("low", "moderate", "high", "severe")]  # fmt: skip


class ReviewDialog(QDialog):
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
        self.position_boxes = {}
        for key, title, severity, explanation in data.findings:
            layout.addWidget(self._finding_box(key, f"[{severity}] {title}", explanation))
        if not data.findings:
            layout.addWidget(QLabel(self.tr("The statement has no findings.")))
        sections = QGroupBox(self.tr("Sections"))
        form = QFormLayout(sections)
        for key, title in data.sections:
            form.addRow(title, self._section_row(key))
        layout.addWidget(sections)
        layout.addWidget(self._concerns_box())
        layout.addWidget(self._requests_box())
        layout.addWidget(self._opinion_box())
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(vertical_scroll(body), 1)
        outer.addWidget(self.problem)
        outer.addWidget(buttons)
        self.resize(760, 640)
        if self.position_boxes:
            next(iter(self.position_boxes.values()))[0].setFocus()

    # --- the parts of the form -----------------------------------------------------------

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
        self.concern_list = QLabel(self._concern_text())
        self.concern_list.setWordWrap(True)
        layout.addWidget(self.concern_list)
        row = QHBoxLayout()
        self.concern_title = line("", self.tr("A concern to add"))
        self.concern_severity = combo(SEVERITY_CHOICES, "moderate")
        self.concern_severity.setAccessibleName(self.tr("How serious"))
        add = QPushButton(self.tr("&Add concern"))
        add.setAutoDefault(False)  # Enter in the text adds once, not also through the button
        add.clicked.connect(self.add_concern)
        self.concern_title.returnPressed.connect(self.add_concern)
        row.addWidget(self.concern_title, 1)
        row.addWidget(self.concern_severity)
        row.addWidget(add)
        layout.addLayout(row)
        return box

    def _concern_text(self) -> str:
        if not self.review.concerns:
            return self.tr("None added yet.")
        return "\n".join(
            f"• [{label(concern.severity)}] {concern.title}" for concern in self.review.concerns
        )

    def add_concern(self) -> None:
        """Add the typed concern (saved at once)."""
        title = self.concern_title.text().strip()
        if not title:
            self.problem.setText(self.tr("Type the concern first, then add it."))
            return

        def add() -> None:
            self.review.concerns.append(
                build(Concern, title=title, severity=self.concern_severity.currentData())
            )

        if self._change(add):
            self.concern_title.clear()
            self.concern_list.setText(self._concern_text())

    def _requests_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Information requested from the employer"))
        self.requests_layout = QVBoxLayout(box)
        self.request_boxes = {}
        for request in self.review.information:
            self.requests_layout.addWidget(self._request_row(request))
        row = QHBoxLayout()
        self.request_text = line("", self.tr("Information to ask for"))
        add = QPushButton(self.tr("Add &request"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_request)
        self.request_text.returnPressed.connect(self.add_request)
        row.addWidget(self.request_text, 1)
        row.addWidget(add)
        self.requests_layout.addLayout(row)
        return box

    def _request_row(self, request: InformationRequest) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        asked = f" ({self.tr('asked')} {request.asked_on})" if request.asked_on else ""
        text = QLabel(request.request + asked)
        text.setWordWrap(True)
        status = combo(REQUEST_CHOICES, request.status)
        status.setAccessibleName(self.tr("Where this request stands: %s") % request.request)
        layout.addWidget(text, 3)
        layout.addWidget(status, 1)

        def store() -> None:
            def change() -> None:
                for index, item in enumerate(self.review.information):
                    if item.id == request.id:
                        fields = item.model_dump()
                        fields["status"] = status.currentData()
                        if status.currentData() != "requested" and not item.answered_on:
                            fields["answered_on"] = dt.date.today()
                        self.review.information[index] = build(InformationRequest, **fields)

            self._change(change)

        status.currentIndexChanged.connect(store)
        self.request_boxes[request.id] = status
        return row

    def add_request(self) -> None:
        """Add the information typed as asked for today (saved at once)."""
        text = self.request_text.text().strip()
        if not text:
            self.problem.setText(self.tr("Type what you ask for first, then add it."))
            return
        made: list[InformationRequest] = []

        def add() -> None:
            made.append(build(InformationRequest, request=text, asked_on=dt.date.today()))
            self.review.information.append(made[0])

        if self._change(add):
            self.request_text.clear()
            self.requests_layout.insertWidget(
                self.requests_layout.count() - 1, self._request_row(made[0])
            )

    def _opinion_box(self) -> QGroupBox:
        opinion = self.review.opinion
        box = QGroupBox(self.tr("Your overall opinion"))
        form = QFormLayout(box)
        self.opinion = combo(OPINION_CHOICES, opinion.verdict)
        self.conditions = line(opinion.conditions, self.tr("Your conditions, if any"))
        self.asked_on = line(str(opinion.asked_on or ""), "YYYY-MM-DD", self.tr("Asked for on"))
        self.given_on = line(str(opinion.given_on or ""), "YYYY-MM-DD", self.tr("Given on"))
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("Conditions"), self.conditions)
        form.addRow(self.tr("Asked for on"), self.asked_on)
        form.addRow(self.tr("Given on"), self.given_on)
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
