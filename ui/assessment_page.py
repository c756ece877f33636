"""An open assessment: its title and status, a read-only banner when final, and three tabs —
Questions (the editor), Results, and Comparison with another assessment. Owns the undo
stack of answers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.compare_view import CompareView
from ui.editor import Editor
from ui.levels import role_short_name, status_name
from ui.results_view import ResultsView
from ui.session_controller import SessionController
from ui.undo import AnswerCommand

TYPED = {"number", "text", "date"}


class ReadOnlyBanner(QFrame):
    """Says why the assessment cannot be edited, and offers a new revision."""

    new_revision = Signal()
    own_copy = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(22)
        )
        layout.addWidget(icon)
        self.text = QLabel(self)
        self.text.setObjectName("banner_text")
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.button = QPushButton(self.tr("Start a new &revision"), self)
        self.button.setObjectName("start_revision")
        self.button.clicked.connect(self.new_revision)
        layout.addWidget(self.button)
        self.own_copy_button = QPushButton(self.tr("Work on my own &copy…"), self)
        self.own_copy_button.setObjectName("work_on_own_copy")
        self.own_copy_button.clicked.connect(self.own_copy)
        layout.addWidget(self.own_copy_button)

    def show_for(self, state) -> None:
        if state is None or not state.read_only:
            self.setVisible(False)
            return
        self.own_copy_button.setVisible(False)
        if state.received:
            metadata = state.metadata
            self.text.setText(
                self.tr(
                    "Received: this is the record of %s (%s), as they sent it. It is "
                    "read-only so it stays exactly as they made it. To answer as yourself, "
                    "work on your own copy."
                )
                % (metadata.assessor or self.tr("the other party"), role_short_name(metadata.role))
            )
            check = state.received_check
            if check is not None:
                self.text.setText(self.text.text() + "\n" + self._checked(check))
            self.button.setVisible(False)
            self.own_copy_button.setVisible(True)
        elif state.metadata.status == "final":
            self.text.setText(
                self.tr(
                    "This assessment is final and read-only. To change answers, start a "
                    "new revision: a draft copy that keeps this one as it is."
                )
            )
            self.button.setVisible(True)
        else:
            self.text.setText(
                self.tr(
                    "The library is read-only: answers cannot be saved. You can read and "
                    "export this assessment."
                )
            )
            self.button.setVisible(False)
        self.text.setAccessibleName(self.text.text())
        self.setVisible(True)

    def _checked(self, check) -> str:
        """What verify said of the report when it was opened (kept in the library)."""
        from ui.verify_words import signer_lines

        day = check.checked.astimezone().strftime("%Y-%m-%d")
        if check.verified:
            who = "; ".join(
                line.removeprefix("• ") for line in signer_lines(check.signers).splitlines()
            )
            return self.tr("Checked on %s: the report was unaltered, %s.") % (day, who)
        verdict = {
            "re-saved": self.tr("it was re-saved"),
            "not signed": self.tr("it is not signed"),
        }.get(check.verdict, self.tr("it was altered"))
        return self.tr(
            "Checked on %s: the report did not verify (%s); its assessment was added anyway."
        ) % (day, verdict)


class AssessmentPage(QWidget):
    """Shows the open assessment; its undo stack joins the window's undo group."""

    new_revision_requested = Signal()
    own_copy_requested = Signal()
    upgrade_requested = Signal()
    compare_requested = Signal()
    """The user asks to choose an assessment to compare the open one with."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessment_page")
        self.controller = controller
        self.undo_stack = QUndoStack(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("assessment_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title, 1)
        self.status = QLabel(self)
        self.status.setObjectName("assessment_status")
        header.addWidget(self.status)
        layout.addLayout(header)
        self.banner = ReadOnlyBanner(self)
        self.banner.setVisible(False)
        self.banner.new_revision.connect(self.new_revision_requested)
        self.banner.own_copy.connect(self.own_copy_requested)
        layout.addWidget(self.banner)
        from ui.upgrade_banner import UpgradeBanner

        self.upgrade_banner = UpgradeBanner(self)
        self.upgrade_banner.upgrade.connect(self.upgrade_requested)
        layout.addWidget(self.upgrade_banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("assessment_tabs")
        self.editor = Editor(controller, self.tabs)
        self.results = ResultsView(self.tabs)
        self.compare = CompareView(controller, self.tabs)
        self.tabs.addTab(self.editor, self.tr("&Questions"))
        self.tabs.addTab(self.results, self.tr("Res&ults"))
        self.tabs.addTab(self.compare, self.tr("Com&parison"))
        layout.addWidget(self.tabs, 1)
        self._results_stale = True

        controller.opened.connect(self._opened)
        controller.answer_changed.connect(self._answer_changed)
        controller.result_changed.connect(self._result_changed)
        controller.metadata_changed.connect(self._metadata_changed)
        self.editor.finding_activated.connect(self.show_finding)
        self.results.question_activated.connect(self.show_question)
        self.compare.question_activated.connect(self.show_question)
        self.compare.choose_requested.connect(self.compare_requested)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _opened(self, state) -> None:
        self.undo_stack.clear()
        self._metadata_changed(state.metadata)
        self._results_stale = True
        self.tabs.setCurrentWidget(self.editor)

    def _metadata_changed(self, metadata) -> None:
        state = self.controller.state
        parts = [part for part in (metadata.organization, metadata.site) if part]
        system = metadata.system + (f" ({metadata.vendor})" if metadata.vendor else "")
        self.title.setText(" — ".join([", ".join(parts), system] if parts else [system]))
        status = status_name(metadata.status)
        if metadata.revision > 1:
            status += self.tr(" · revision %d") % metadata.revision
        if metadata.stage:
            # The stage decides which questions are asked: keep it in view.
            from workerimpact.assessment import STAGE_LABELS

            # Translated where the stage fields translate it (one Spanish word for both).
            label = STAGE_LABELS.get(metadata.stage, metadata.stage)
            status += " · " + QCoreApplication.translate("StageFields", label)
        self.status.setText(status)
        self.status.setAccessibleName(self.tr("Status: %s") % status)
        self.banner.show_for(state)
        self.upgrade_banner.show_for(state)
        if state is not None and state.read_only:
            self.undo_stack.clear()

    def _answer_changed(self, questionnaire_id, question_id, _answer, origin, before, after):
        if origin in ("undo", "redo"):
            self.show_question(questionnaire_id, question_id)
            return
        if before == after:
            return
        state = self.controller.state
        question = state.questionnaire(questionnaire_id).question(question_id)
        changed = [name for name in after if before.get(name) != after.get(name)]
        typed = None
        if origin == "clear":
            typed = None  # a clear is its own undo step
        elif len(changed) == 1 and (changed[0] != "value" or question.type in TYPED):
            typed = changed[0]
        self.undo_stack.push(
            AnswerCommand(
                self.controller,
                questionnaire_id,
                question_id,
                before,
                after,
                question_text=question.text,
                typed_field=typed,
            )
        )

    def _result_changed(self, result) -> None:
        self._results_stale = True
        if self.tabs.currentWidget() is self.results:
            self._render_results()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.results and self._results_stale:
            self._render_results()
        elif self.tabs.currentWidget() is self.compare:
            self.editor.flush()  # the comparison reads what is saved
            self.compare.refresh_if_stale()

    def _render_results(self) -> None:
        state = self.controller.state
        if state is not None:
            self.results.show_result(state.result, state)
            self._results_stale = False

    def show_results(self) -> None:
        self.tabs.setCurrentWidget(self.results)
        self.results.browser.setFocus()

    def show_questions(self) -> None:
        self.tabs.setCurrentWidget(self.editor)

    def show_comparison(self) -> None:
        self.tabs.setCurrentWidget(self.compare)
        self.compare.browser.setFocus()

    def compare_with(self, other_id: str) -> None:
        """Show the Comparison tab, comparing the open assessment with ``other_id``."""
        self.editor.flush()
        self.show_comparison()
        self.compare.compare_with(other_id)

    def show_finding(self, questionnaire_id: str, finding_id: str) -> None:
        self.show_results()
        self.results.scroll_to_finding(questionnaire_id, finding_id)

    def show_question(self, questionnaire_id: str, question_id: str) -> None:
        self.tabs.setCurrentWidget(self.editor)
        self.editor.jump_to(questionnaire_id, question_id)
