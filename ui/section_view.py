"""The middle of the editor: one section at a time, a card per question.

Pages are built when a section is first shown and kept (a few of them) so going back and
forth is instant. Skip logic is applied live: a hidden question's card disappears; its
answer is kept by the core but not counted.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.question_card import QuestionCard

PAGES_KEPT = 8


class SectionPage(QScrollArea):
    """The cards of one section, in a scroll area.

    The first screenful of cards is built at once and the rest in small batches on the
    next turns of the event loop, so even a 200-question section appears at once.
    """

    FIRST_BATCH = 16
    BATCH = 24

    def __init__(
        self, questionnaire, section, parent: QWidget | None = None, stage: str | None = None
    ):
        super().__init__(parent)
        self.stage = stage
        self.questionnaire_id = questionnaire.id
        self.section_id = section.id
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Questions wrap to the column's width (ui.wrapping): never scroll sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self._layout.setSpacing(10)
        self.skipped = QLabel(
            self.tr(
                "This section is skipped because of earlier answers. Its answers are kept "
                "but not counted."
            ),
            body,
        )
        self.skipped.setWordWrap(True)
        self.skipped.setVisible(False)
        self._layout.addWidget(self.skipped)
        self._layout.addStretch(1)
        self.cards: dict[str, QuestionCard] = {}
        self._to_build = list(enumerate(section.questions, start=1))
        self._answers: dict = {}
        self._hidden: frozenset[str] = frozenset()
        self._section_shown = True
        self._read_only = False
        self.card_created = None
        """Called with each new card (the view connects its signals)."""
        # The page's own timer: it dies with the page, so no batch runs on a deleted page.
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(lambda: self.build(self.BATCH))
        self.setWidget(body)

    @property
    def section_shown(self) -> bool:
        """False when skip logic hides the whole section."""
        return self._section_shown

    @property
    def complete(self) -> bool:
        """True when every card is built."""
        return not self._to_build

    def build(self, count: int | None = None) -> None:
        """Build ``count`` more cards (all of them with None)."""
        body = self.widget()
        batch = self._to_build if count is None else self._to_build[:count]
        self._to_build = self._to_build[len(batch) :]
        for number, question in batch:
            card = QuestionCard(question, number, body, self.stage)
            card.set_answer(self._answers.get(question.id))
            card.set_read_only(self._read_only)
            card.setVisible(self._section_shown and question.id not in self._hidden)
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards[question.id] = card
            if self.card_created is not None:
                self.card_created(card)
        if self._to_build:
            self._more.start()
        else:
            self._more.stop()

    def apply(self, answers, hidden: frozenset[str], section_shown: bool, read_only: bool) -> None:
        """Show saved answers and hide the questions skip logic hides."""
        self._answers = answers
        self._read_only = read_only
        for question_id, card in self.cards.items():
            card.set_answer(answers.get(question_id))
            card.set_read_only(read_only)
        self.apply_visibility(hidden, section_shown)

    def apply_visibility(self, hidden: frozenset[str], section_shown: bool) -> None:
        """Hide and show cards as skip logic says."""
        self._hidden = hidden
        self._section_shown = section_shown
        for question_id, card in self.cards.items():
            should_hide = not section_shown or question_id in hidden
            if card.isHidden() != should_hide:
                card.setHidden(should_hide)
        self.skipped.setVisible(not section_shown)


class SectionView(QWidget):
    """Shows one section; reports edits as ``answer_edited(qid, question_id, field, value)``."""

    answer_edited = Signal(str, str, str, object)
    answer_cleared = Signal(str, str)
    retry_requested = Signal(str, str)
    navigate = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("section_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.description)
        self.progress = QLabel(self)
        self.progress.setObjectName("section_progress")
        layout.addWidget(self.progress)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("← Previous section"), self)
        self.previous_button.setObjectName("previous_section")
        self.previous_button.clicked.connect(lambda: self.navigate.emit(-1))
        self.next_button = QPushButton(self.tr("Next section →"), self)
        self.next_button.setObjectName("next_section")
        self.next_button.clicked.connect(lambda: self.navigate.emit(1))
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self._pages: OrderedDict[tuple[str, str], SectionPage] = OrderedDict()
        self.read_only = False
        self.stage: str | None = None
        """The assessed system's stage: questions are worded for it."""

    @property
    def page(self) -> SectionPage | None:
        """The page shown now."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionPage) else None

    def card(self, question_id: str) -> QuestionCard | None:
        """The card of a question on the page shown now (built now if it is not yet)."""
        page = self.page
        if page is None:
            return None
        if question_id not in page.cards and not page.complete:
            page.build()
        return page.cards.get(question_id)

    def clear(self) -> None:
        """Drop every page (another assessment is opened)."""
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()

    def show_section(self, questionnaire, section, answers, hidden, progress, read_only) -> None:
        """Show a section with its answers; ``progress`` is its ``SectionProgress``."""
        key = (questionnaire.id, section.id)
        page = self._pages.get(key)
        if page is None:
            page = SectionPage(questionnaire, section, self.stack, self.stage)
            page.card_created = lambda card, qid=questionnaire.id: self._connect(qid, card)
            self.stack.addWidget(page)
            self._pages[key] = page
            while len(self._pages) > PAGES_KEPT:
                _, old = self._pages.popitem(last=False)
                self.stack.removeWidget(old)
                old.deleteLater()
        else:
            self._pages.move_to_end(key)
        shown = progress.shown if progress is not None else True
        page.apply(answers, hidden, shown, read_only)
        if not page.cards:
            page.build(SectionPage.FIRST_BATCH)
        self.stack.setCurrentWidget(page)
        self.heading.setText(section.title)
        self.description.setText(section.description)
        self.description.setVisible(bool(section.description))
        self.update_progress(progress)

    def _connect(self, questionnaire_id: str, card: QuestionCard) -> None:
        card.edited.connect(
            lambda question_id, field, value: self.answer_edited.emit(
                questionnaire_id, question_id, field, value
            )
        )
        card.cleared.connect(
            lambda question_id: self.answer_cleared.emit(questionnaire_id, question_id)
        )
        card.retry_requested.connect(
            lambda question_id: self.retry_requested.emit(questionnaire_id, question_id)
        )

    def update_progress(self, progress) -> None:
        if progress is None:
            self.progress.setText("")
            return
        text = self.tr("%d of %d questions answered") % (progress.answered, progress.questions)
        missing = progress.required - progress.required_answered
        if missing:
            text += " · " + self.tr("%d required still to answer") % missing
        self.progress.setText(text)

    def set_navigation(self, previous_title: str | None, next_title: str | None) -> None:
        self.previous_button.setEnabled(previous_title is not None)
        self.next_button.setEnabled(next_title is not None)
        self.previous_button.setText(
            self.tr("← %s") % previous_title if previous_title else self.tr("← Previous section")
        )
        self.next_button.setText(
            self.tr("%s →") % next_title if next_title else self.tr("Next section →")
        )
        self.previous_button.setAccessibleName(self.tr("Previous section"))
        self.next_button.setAccessibleName(self.tr("Next section"))

    def flush(self) -> None:
        """Save whatever is typed but not yet saved, on every kept page."""
        for page in self._pages.values():
            for card in page.cards.values():
                card.flush()
