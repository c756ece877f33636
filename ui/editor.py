"""The assessment editor: sections on the left, questions in the middle, guidance and the
live score on the right. It shows the controller's state and sends edits to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.faults import kinds, problems_text
from ui.guidance_panel import GuidancePanel
from ui.navigator import Navigator
from ui.question_card import QuestionCard
from ui.score_panel import ScorePanel
from ui.section_view import SectionView
from ui.session_controller import SessionController


def _scroll_to(page, card) -> None:
    """Scroll a section page so a card shows, with a margin (if both still exist)."""
    try:
        page.ensureWidgetVisible(card, 40, 40)
    except RuntimeError:  # the page was dropped meanwhile
        pass


def _refusal(error: BaseException) -> str:
    """Why the core refused a value, for the card under the question: the card says which
    question, so the problem's place (questionnaire and question ids) is left out."""
    problems = getattr(error, "problems", None)
    if not problems:
        return problems_text(error).lstrip("• ")
    text = "; ".join(problem.message for problem in problems if problem.message).rstrip(".")
    if not text:
        return problems_text(error).lstrip("• ")
    if text.startswith("must "):  # "must be at least 0"
        return QApplication.translate("Editor", "Not saved: the answer %s.") % text
    return QApplication.translate("Editor", "Not saved: %s.") % (text[0].upper() + text[1:])


class Editor(QSplitter):
    """Answer the questions of the open assessment, one section at a time."""

    finding_activated = Signal(str, str)
    fault = Signal(object)
    """A save failed for a reason the user must act on (disk full, read-only…)."""
    message = Signal(str)
    """Something to say in the status bar."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editor")
        self.setChildrenCollapsible(False)
        self.controller = controller

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.find_field = QLineEdit(left)
        self.find_field.setObjectName("find_question")
        self.find_field.setPlaceholderText(self.tr("Find a question…"))
        self.find_field.setAccessibleName(self.tr("Find a question"))
        self.find_field.setClearButtonEnabled(True)
        left_layout.addWidget(self.find_field)
        self.navigator = Navigator(left)
        left_layout.addWidget(self.navigator, 1)
        self.sections = SectionView(self)
        right = QSplitter(Qt.Orientation.Vertical, self)
        self.guidance = GuidancePanel(right)
        self.score = ScorePanel(right)
        right.addWidget(self.guidance)
        right.addWidget(self.score)
        right.setSizes([220, 420])
        self.addWidget(left)
        self.addWidget(self.sections)
        self.addWidget(right)
        # The questions take most of any change of width, the side panels some of it, so
        # at 1024 or 800 pixels the question column is still wide enough to read.
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 4)
        self.setStretchFactor(2, 1)
        self.setSizes([300, 640, 360])

        self.current: tuple[str, str] | None = None
        self._focused: tuple[str, str] | None = None
        self._framed: QuestionCard | None = None
        self._completions: dict[str, tuple[str, str]] = {}

        self.find_field.returnPressed.connect(self._find_first)
        self.navigator.section_chosen.connect(self.show_section)
        self.sections.answer_edited.connect(self._edited)
        self.sections.answer_cleared.connect(self._cleared)
        self.sections.retry_requested.connect(controller.retry)
        self.sections.navigate.connect(self.step_section)
        self.score.finding_activated.connect(self.finding_activated)
        controller.opened.connect(self._opened)
        controller.result_changed.connect(self._result_changed)
        controller.answer_changed.connect(self._answer_changed)
        controller.answer_failed.connect(self._answer_failed)
        controller.metadata_changed.connect(lambda _metadata: self._apply_read_only())
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # --- opening -------------------------------------------------------------------------

    def _opened(self, state) -> None:
        self.sections.clear()
        self.sections.stage = state.metadata.stage
        self.navigator.load(state.questionnaires)
        self.score.load(state.questionnaires)
        self.score.update_result(state.result)
        self.navigator.update_progress(state.result)
        self._build_completer(state)
        self.current = None
        first = state.questionnaires[0]
        self.show_section(first.id, first.sections[0].id)

    def _build_completer(self, state) -> None:
        self._completions = {}
        for questionnaire in state.questionnaires:
            for section in questionnaire.sections:
                for question in section.questions:
                    label = f"{question.text} — {section.title}"
                    self._completions[label] = (questionnaire.id, question.id)
        completer = QCompleter(sorted(self._completions), self.find_field)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._found)
        self.find_field.setCompleter(completer)
        # Results are question texts with their section: wider than the search box.
        popup = completer.popup()
        popup.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        popup.setMinimumWidth(max(self.find_field.width(), min(720, self.window().width() - 60)))

    def _found(self, label: str) -> None:
        target = self._completions.get(label)
        if target:
            QTimer.singleShot(0, lambda: (self.find_field.clear(), self._go_to_found(target)))

    def _go_to_found(self, target: tuple[str, str]) -> None:
        if not self.jump_to(*target):
            card = self.sections.card(target[1])
            text = card.question.text if card is not None else ""
            self.message.emit(
                self.tr("“%s” does not apply because of an earlier answer in this section.")
                % (text if len(text) <= 80 else text[:79] + "…")
            )

    def _find_first(self) -> None:
        text = self.find_field.text().casefold().strip()
        if not text:
            return
        for label, target in self._completions.items():
            if text in label.casefold():
                self.find_field.clear()
                self._go_to_found(target)
                return

    # --- navigation -----------------------------------------------------------------------

    def show_section(self, questionnaire_id: str, section_id: str) -> None:
        """Show a section of the open assessment."""
        state = self.controller.state
        if state is None:
            return
        self.sections.flush()
        questionnaire = state.questionnaire(questionnaire_id)
        section = next((s for s in questionnaire.sections if s.id == section_id), None)
        if section is None:
            return
        self.current = (questionnaire_id, section_id)
        result = state.result.questionnaire(questionnaire_id)
        progress = next((p for p in result.sections if p.id == section_id), None)
        self.sections.show_section(
            questionnaire,
            section,
            state.answers.get(questionnaire_id, {}),
            result.hidden,
            progress,
            state.read_only,
        )
        self._restore_failed_marks()
        self.navigator.select_section(questionnaire_id, section_id)
        order = self.navigator.sections()
        index = order.index(self.current)
        titles = {key: self._section_title(*key) for key in order}
        self.sections.set_navigation(
            titles[order[index - 1]] if index > 0 else None,
            titles[order[index + 1]] if index + 1 < len(order) else None,
        )

    def _section_title(self, questionnaire_id: str, section_id: str) -> str:
        questionnaire = self.controller.state.questionnaire(questionnaire_id)
        return next(s.title for s in questionnaire.sections if s.id == section_id)

    def step_section(self, step: int) -> None:
        """Show the next (+1) or previous (-1) section and focus its first question."""
        order = self.navigator.sections()
        if not order or self.current is None:
            return
        index = order.index(self.current) + step
        if 0 <= index < len(order):
            self.show_section(*order[index])
            self.focus_first_question()

    def focus_first_question(self) -> None:
        page = self.sections.page
        if page is None:
            return
        for card in page.cards.values():
            if not card.isHidden():
                card.focus_input()
                self.sections.page.ensureWidgetVisible(card)
                return

    def jump_to(self, questionnaire_id: str, question_id: str) -> bool:
        """Show a question's section and put the cursor on it; False if it is hidden."""
        state = self.controller.state
        if state is None:
            return False
        section = state.section_of(questionnaire_id, question_id)
        if section is None:
            return False
        if self.current != (questionnaire_id, section.id):
            self.show_section(questionnaire_id, section.id)
        card = self.sections.card(question_id)
        if card is None:
            return False
        page = self.sections.page
        # A page built just now has no geometry yet: lay it out first, then scroll; and
        # again once the event loop has shown it (its cards' heights depend on its width).
        page.widget().layout().activate()
        _scroll_to(page, card)
        QTimer.singleShot(0, page, lambda: _scroll_to(page, card))
        QTimer.singleShot(60, page, lambda: _scroll_to(page, card))
        card.focus_input()
        self._show_guidance(questionnaire_id, card.question)
        return not card.isHidden()

    def next_missing(self) -> bool:
        """Jump to the next required question not yet answered; False if there is none."""
        state = self.controller.state
        if state is None or not state.result.unanswered:
            return False
        # Forward from where the user is (the focused question, else the section shown),
        # wrapping round at the end, as "find next" does.
        position: dict[tuple[str, str], int] = {}
        here = -1.0
        for questionnaire in state.questionnaires:
            for section in questionnaire.sections:
                if self.current == (questionnaire.id, section.id):
                    here = len(position) - 0.5  # before the section's first question
                for question in section.questions:
                    position[(questionnaire.id, question.id)] = len(position)
        if self._focused in position and self._in_current_section(self._focused):
            here = position[self._focused]
        missing = sorted(
            ((u.questionnaire_id, u.question_id) for u in state.result.unanswered),
            key=lambda key: position.get(key, -1),
        )
        target = next((key for key in missing if position.get(key, -1) > here), missing[0])
        return self.jump_to(*target)

    def _in_current_section(self, key: tuple[str, str]) -> bool:
        state = self.controller.state
        section = state.section_of(*key) if state is not None else None
        return section is not None and self.current == (key[0], section.id)

    # --- edits ------------------------------------------------------------------------------

    def _edited(self, questionnaire_id: str, question_id: str, field: str, value) -> None:
        card = self.sections.card(question_id)
        if card is not None:
            card.show_message("")
            card.set_save_state("saving")
        if field in ("comment", "evidence") and value is None:
            value = ""  # an empty note is "", an empty value None
        self.controller.set_fields(questionnaire_id, question_id, {field: value}, "user")

    def _cleared(self, questionnaire_id: str, question_id: str) -> None:
        card = self.sections.card(question_id)
        if card is not None:
            card.show_message("")
            card.set_save_state("saving")
        self.controller.set_fields(questionnaire_id, question_id, {"value": None}, "clear")

    def _answer_changed(self, questionnaire_id, question_id, answer, origin, _before, _after):
        if self.current is None or self.current[0] != questionnaire_id:
            return
        card = self._visible_card(questionnaire_id, question_id)
        if card is None:
            return
        card.set_save_state("")
        card.show_message("")
        if origin in ("undo", "redo"):
            card.set_answer(answer)
        else:
            card.ask_for_reason(answer)

    def _visible_card(self, questionnaire_id: str, question_id: str) -> QuestionCard | None:
        page = self.sections.page
        if page is None or page.questionnaire_id != questionnaire_id:
            return None
        return page.cards.get(question_id)

    def _answer_failed(self, questionnaire_id, question_id, fields, error, origin) -> None:
        card = self._visible_card(questionnaire_id, question_id)
        if "InputError" in kinds(error):
            # The value stays in the widget; say what is wrong with it.
            if card is not None:
                card.set_save_state("")
                card.show_message(_refusal(error))
            return
        if card is not None:
            card.set_save_state("failed")
        self.fault.emit(error)

    def _restore_failed_marks(self) -> None:
        state = self.controller.state
        page = self.sections.page
        if state is None or page is None:
            return
        for (questionnaire_id, question_id), fields in state.failed.items():
            card = page.cards.get(question_id)
            if card is None or page.questionnaire_id != questionnaire_id:
                continue
            card.set_save_state("failed")
            if "value" in fields:
                card.input.set_value(fields["value"])

    def _result_changed(self, result) -> None:
        self.score.update_result(result)
        self.navigator.update_progress(result)
        if self.current is None:
            return
        questionnaire_id, section_id = self.current
        questionnaire_result = result.questionnaire(questionnaire_id)
        progress = next((p for p in questionnaire_result.sections if p.id == section_id), None)
        page = self.sections.page
        if page is not None:
            page.apply_visibility(questionnaire_result.hidden, progress.shown if progress else True)
        self.sections.update_progress(progress)

    def _apply_read_only(self) -> None:
        state = self.controller.state
        if state is None or self.current is None:
            return
        page = self.sections.page
        if page is not None:
            page.apply(
                state.answers.get(page.questionnaire_id, {}),
                state.result.questionnaire(page.questionnaire_id).hidden,
                page.section_shown,
                state.read_only,
            )

    def flush(self) -> None:
        """Save anything typed and not yet saved."""
        self.sections.flush()

    # --- focus and guidance -------------------------------------------------------------------

    def _focus_changed(self, _old, new) -> None:
        widget = new
        while widget is not None and not isinstance(widget, QuestionCard):
            widget = widget.parentWidget()
        if widget is not None or new is not None:
            # The card holding the focus is framed; focus elsewhere (a menu, the tree)
            # leaves no card framed.
            if self._framed is not None and self._framed is not widget:
                try:
                    self._framed.set_current(False)
                except RuntimeError:  # its page was dropped
                    pass
            self._framed = widget
            if widget is not None:
                widget.set_current(True)
        if widget is None or self.controller.state is None:
            return
        page = self.sections.page
        if page is None or widget.question.id not in page.cards:
            return
        self._show_guidance(page.questionnaire_id, widget.question)

    def _show_guidance(self, questionnaire_id: str, question) -> None:
        key = (questionnaire_id, question.id)
        if key == self._focused:
            return
        self._focused = key
        questionnaire = self.controller.state.questionnaire(questionnaire_id)
        dimension = questionnaire.dimension(question.dimension) if question.dimension else None
        self.guidance.show_question(
            question,
            dimension.title if dimension else None,
            self.controller.state.metadata.stage,
        )
