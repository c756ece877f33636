"""The employer's response and action plan: an answer and measures for each finding and
each concern the representatives added, the decision and the next review date. Every
change is saved as soon as it is made.
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

from ui.review_common import ResponseData, combo, line, parse_date, vertical_scroll
from ui.review_dialog import SEVERITY_CHOICES
from workerimpact.consultation.models import (
    ItemResponse,
    Measure,
    Response,
    build,
    label,
)
from workerimpact.errors import InputError

STATUS_CHOICES = [(value, label(value).capitalize()) for value in
                  ("planned", "in_progress", "done", "dropped")]  # fmt: skip
DECISION_CHOICES = [(None, "Not decided yet"), ("go_ahead", "Go ahead"),
                    ("go_ahead_with_conditions", "Go ahead with conditions"),
                    ("do_not_go_ahead", "Do not go ahead")]  # fmt: skip


class ResponseDialog(QDialog):
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
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(vertical_scroll(self.body), 1)
        outer.addWidget(self.problem)
        outer.addWidget(buttons)
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
        self.layout_.addWidget(self._decision_box())
        self.layout_.addStretch(1)

    def _item_box(self, key: str, title: str, position: str) -> QGroupBox:
        item = self.response.items.get(key, ItemResponse())
        box = QGroupBox(title)
        form = QFormLayout(box)
        said = QLabel(self.tr("Workers' representatives: %s") % position)
        said.setWordWrap(True)
        form.addRow(said)
        answer = line(item.response, self.tr("Your response"))
        form.addRow(self.tr("Your response"), answer)
        answer.textEdited.connect(lambda text: self._set_answer(key, text))  # saved as typed
        measures = QVBoxLayout()
        form.addRow(self.tr("Measures"), measures)
        for measure in item.measures:
            measures.addWidget(self._measure_row(key, measure))
        new = QHBoxLayout()
        description = line("", self.tr("New measure"))
        owner = line("", self.tr("Owner"))
        due = line("", "YYYY-MM-DD", self.tr("Due date"))
        expected = combo([(None, "Level once done?"), *SEVERITY_CHOICES], None)
        expected.setAccessibleName(self.tr("Level expected once done"))
        add = QPushButton(self.tr("Add measure"))
        add.setAutoDefault(False)  # Enter in "New measure" adds once, not also through a button
        for widget in (description, owner, due, expected, add):
            new.addWidget(widget, 2 if widget is description else 1)
        form.addRow("", new)
        fields = {"description": description, "owner": owner, "due": due, "expected": expected}
        add.clicked.connect(lambda: self.add_measure(key))
        description.returnPressed.connect(lambda: self.add_measure(key))
        self.item_widgets[key] = {"answer": answer, "measures": measures, **fields}
        return box

    def _measure_row(self, key: str, measure: Measure) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        due = measure.due.isoformat() if measure.due else self.tr("no due date")
        overdue = measure.overdue(dt.date.today())
        text = QLabel(
            f"{measure.description} — {measure.owner or self.tr('no owner')}, {due}"
            + (self.tr("  (OVERDUE)") if overdue else "")
        )
        text.setWordWrap(True)
        status = combo(STATUS_CHOICES, measure.status)
        status.setAccessibleName(self.tr("Status of: %s") % measure.description)
        reason = line(measure.dropped_reason, self.tr("Why dropped"))
        reason.setVisible(measure.status == "dropped")
        layout.addWidget(text, 3)
        layout.addWidget(status, 1)
        layout.addWidget(reason, 2)

        def store() -> None:
            reason.setVisible(status.currentData() == "dropped")
            if status.currentData() == "dropped" and not reason.text().strip():
                self.problem.setText(
                    self.tr("Say why the measure was dropped, then leave the field.")
                )
                reason.setFocus()
                return
            self._replace(key, measure.id, status.currentData(), reason.text())

        status.currentIndexChanged.connect(store)
        reason.editingFinished.connect(store)
        return row

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decision"))
        form = QFormLayout(box)
        self.decision = combo(DECISION_CHOICES, self.response.decision)
        self.decision_note = line(self.response.decision_note, self.tr("About the decision"))
        self.next_review = line(
            str(self.response.next_review or ""), "YYYY-MM-DD", self.tr("Next review")
        )
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("About it"), self.decision_note)
        form.addRow(self.tr("Next review"), self.next_review)
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
        widgets = self.item_widgets[key]

        def add() -> None:
            if not widgets["description"].text().strip():
                raise InputError.single("", "describe the measure first")
            try:
                due = parse_date(widgets["due"].text())
            except ValueError:
                raise InputError.single("", "write the due date as YYYY-MM-DD") from None
            measure = build(
                Measure,
                description=widgets["description"].text(),
                owner=widgets["owner"].text(),
                due=due,
                expected_level=widgets["expected"].currentData(),
            )
            self.response.items.setdefault(key, ItemResponse()).measures.append(measure)
            widgets["measures"].addWidget(self._measure_row(key, measure))

        if self._change(add):
            for name in ("description", "owner", "due"):
                widgets[name].clear()
            widgets["description"].setFocus()

    def _replace(self, key: str, measure_id: str, status: str, reason: str) -> None:
        item = self.response.items[key]

        def change() -> None:
            for index, measure in enumerate(item.measures):
                if measure.id == measure_id:
                    fields = measure.model_dump()
                    fields.update(status=status, dropped_reason=reason)
                    item.measures[index] = build(Measure, **fields)

        self._change(change)

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
        return True
