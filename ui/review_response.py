"""The employer's response and action plan: an answer and measures for each finding and
each concern the representatives added, the decision and the next review date. Every
change is saved as soon as it is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.review_common import ResponseData, combo, line, parse_date, vertical_scroll
from ui.review_dialog import SEVERITY_CHOICES, choice, meetings_box
from ui.review_history import add_history_button
from ui.review_items import Column, EntryDialog, ItemList
from workerimpact.consultation.history import RESPONSE
from workerimpact.consultation.models import (
    ItemResponse,
    Measure,
    Response,
    build,
)
from workerimpact.errors import InputError

STATUS_CHOICES = [("planned", choice("Planned")), ("in_progress", choice("In progress")),
                  ("done", choice("Done")), ("dropped", choice("Dropped"))]  # fmt: skip
DECISION_CHOICES = [(None, choice("Not decided yet")), ("go_ahead", choice("Go ahead")),
                    ("go_ahead_with_conditions", choice("Go ahead with conditions")),
                    ("do_not_go_ahead", choice("Do not go ahead"))]  # fmt: skip


class ResponseDialog(EntryDialog):
    """The response form; ``save(response)`` is called with a copy after every change."""

    def __init__(self, data: ResponseData, save: Callable[[Response], None], parent=None):
        super().__init__(parent)
        self.setObjectName("response_dialog")
        self.setWindowTitle(self.tr("Employer's response and action plan"))
        self.data = data
        self.response = data.response
        self._save = save
        self.problem = QLabel("")
        self.problem.setObjectName("response_problem")
        self.problem.setWordWrap(True)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        self.item_widgets: dict[str, dict] = {}
        self.overdue_labels: dict[str, QLabel] = {}
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.history_button = add_history_button(
            self, buttons, RESPONSE, lambda: (self.response.assessment_id, None)
        )
        outer = QVBoxLayout(self)
        outer.addWidget(vertical_scroll(self.body), 1)
        outer.addWidget(self.problem)
        outer.addWidget(buttons)
        self.keep_buttons_off_enter()
        self.resize(820, 660)
        if self.item_widgets:
            next(iter(self.item_widgets.values()))["answer"].setFocus()

    def _fill(self) -> None:
        for note in self.data.notes:
            text = QLabel(note)
            text.setWordWrap(True)
            self.layout_.addWidget(text)
        for key, title, position in self.data.items:
            self.layout_.addWidget(self._item_box(key, title, position))
        self.layout_.addWidget(self._meetings_box())
        self.layout_.addWidget(self._decision_box())
        self.layout_.addStretch(1)

    def _item_box(self, key: str, title: str, position: str) -> QGroupBox:
        item = self.response.items.get(key, ItemResponse())
        box = QGroupBox(title)
        form = QFormLayout(box)
        theirs = key not in self.data.not_theirs
        said = QLabel(self.tr("Workers' representatives: %s") % position if theirs else position)
        said.setWordWrap(True)
        form.addRow(said)
        answer = line(item.response, self.tr("Your response"))
        form.addRow(self.tr("Your response"), answer)
        carried = QLabel(
            self.tr(
                "This is your answer given in revision %s; it stands until you write a new one."
            )
            % item.answered_in
        )
        carried.setObjectName("carried_answer")
        carried.setWordWrap(True)
        form.addRow("", carried)
        carried.setVisible(item.answered_in is not None and bool(item.response))
        answer.textEdited.connect(lambda text: self._set_answer(key, text))  # saved as typed
        answer.textEdited.connect(lambda _text: carried.hide())  # now written for this one
        measures = ItemList(
            lambda: self.response.items.setdefault(key, ItemResponse()).measures,
            Measure,
            [
                Column("description", self.tr("New measure"), stretch=3),
                Column("owner", self.tr("Owner")),
                Column("due", self.tr("Due date"), "date"),
                Column("status", self.tr("Status"), "choice", tuple(STATUS_CHOICES), new_line=True),
                Column("dropped_reason", self.tr("Why dropped"), stretch=2),
                Column(
                    "expected_level",
                    self.tr("Level expected once done"),
                    "choice",
                    ((None, self.tr("Level once done?")), *SEVERITY_CHOICES),
                ),
            ],  # fmt: skip
            self._change,
            self.tr("Add measure"),
        )
        form.addRow(self.tr("Measures"), measures)
        late = QLabel()
        late.setWordWrap(True)
        form.addRow("", late)
        self.overdue_labels[key] = late
        self._show_overdue(key)
        self.item_widgets[key] = {
            "answer": answer,
            "carried": carried,
            "measures": measures,
            **measures.add_fields,
        }
        return box

    def _meetings_box(self) -> QGroupBox:
        box, self.meetings = meetings_box(self, lambda: self.response.meetings, self._change)
        return box

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decision"))
        form = QFormLayout(box)
        self.decision = combo(DECISION_CHOICES, self.response.decision)
        self.decision_note = line(self.response.decision_note, self.tr("About the decision"))
        self.next_review = line(
            str(self.response.next_review or ""), "YYYY-MM-DD", self.tr("Next review")
        )
        form.addRow(self.tr("&Decision"), self.decision)
        form.addRow(self.tr("&About it"), self.decision_note)
        form.addRow(self.tr("&Next review"), self.next_review)
        self.decision.currentIndexChanged.connect(self._store_decision)
        self.decision_note.textEdited.connect(self._store_decision)
        self.next_review.editingFinished.connect(self._store_decision)
        return box

    # --- changes --------------------------------------------------------------------------

    def _set_answer(self, key: str, text: str) -> None:
        current = self.response.items.get(key, ItemResponse())
        self._change(
            lambda: self.response.items.__setitem__(
                key, build(ItemResponse, response=text, measures=current.measures)
            )
        )

    def add_measure(self, key: str) -> None:
        """Add the measure typed for an item (saved at once)."""
        self.item_widgets[key]["measures"].add()

    def _store_decision(self) -> None:
        def store() -> None:
            try:
                next_review = parse_date(self.next_review.text())
            except ValueError:
                raise InputError.single("", "write the next review date as YYYY-MM-DD") from None
            self.response.decision = self.decision.currentData()
            self.response.decision_note = self.decision_note.text()
            self.response.next_review = next_review

        self._change(store)

    def _change(self, change: Callable[[], None]) -> bool:
        try:
            change()
        except InputError as error:
            self.problem.setText(
                self.tr("Not saved: %s") % "; ".join(p.message for p in error.problems)
            )
            return False
        self.problem.setText("")
        self._save(self.response.model_copy(deep=True))
        for key in self.overdue_labels:  # a due date or a status just changed
            self._show_overdue(key)
        return True

    def _show_overdue(self, key: str) -> None:
        """The measures of one item that are overdue today, said under them (or nothing)."""
        item = self.response.items.get(key)
        measures = item.measures if item is not None else []
        overdue = [m.description for m in measures if m.overdue(dt.date.today())]
        label = self.overdue_labels[key]
        label.setText(self.tr("Overdue: %s") % "; ".join(overdue) if overdue else "")
        label.setVisible(bool(overdue))
