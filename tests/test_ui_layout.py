"""Questions never scroll sideways: every section of every built-in questionnaire, at
1024×700 and 800×600, fits its column — no horizontal scroll bar, no text cut, every
option visible."""

from __future__ import annotations

import pytest
import ui_helpers
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from ui_helpers import create_assessment, open_assessment

make_window = ui_helpers.make_window

BUILT_INS = ("health-safety", "job-quality", "worker-surveillance")


def _problems(page) -> list[str]:
    """What does not fit in the page's column, in words a failing test can show."""
    viewport = page.viewport()
    width = viewport.width()
    problems = []
    if page.horizontalScrollBar().maximum() > 0:
        problems.append(f"horizontal scroll of {page.horizontalScrollBar().maximum()} px")
    body = page.widget()
    if body.width() > width:
        problems.append(f"the column is {body.width()} px in a {width} px view")
    for card in page.cards.values():
        if card.isHidden():
            continue
        name = card.question.text[:40]
        for widget in card.findChildren(QLabel) + card.findChildren(QAbstractButton):
            if not widget.isVisibleTo(card) or not widget.text():
                continue
            left = widget.mapTo(viewport, QPoint(0, 0)).x()
            right = left + widget.width()
            if left < 0 or right > width:
                problems.append(f"{name}: “{widget.text()[:30]}” spans {left}..{right} of {width}")
            if isinstance(widget, QLabel) and widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(f"{name}: “{widget.text()[:30]}” cut ({needed} px needed)")
            elif widget.hasHeightForWidth():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(f"{name}: option “{widget.text()[:30]}” cut vertically")
            elif widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{name}: “{widget.text()[:30]}” cut at {widget.width()} px")
    return problems


@pytest.mark.parametrize("size", [(1024, 700), (800, 600)])
def test_every_builtin_section_fits_its_column(make_window, qtbot, size):
    window = make_window()
    assessment_id = create_assessment(qtbot, window, BUILT_INS)
    open_assessment(qtbot, window, assessment_id)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    assert window.height() == size[1], "the window cannot be made this small"
    editor = window.assessment_page.editor
    problems = []
    sections = editor.navigator.sections()
    assert len(sections) > 10
    for key in sections:
        editor.show_section(*key)
        page = editor.sections.page
        page.build()
        for card in page.cards.values():
            card.setHidden(False)  # skip logic aside: every question must fit
            card.notes_button.setChecked(True)
        QApplication.processEvents()
        page.widget().layout().activate()
        QApplication.processEvents()
        problems += [f"{key[1]}: {problem}" for problem in _problems(page)]
        if page.viewport().width() < 340:
            problems.append(f"{key[1]}: the question column is only {page.viewport().width()} px")
    assert not problems, "\n".join(problems[:30])


def test_long_section_names_wrap_in_the_tree(make_window, qtbot):
    window = make_window()
    assessment_id = create_assessment(qtbot, window, BUILT_INS)
    open_assessment(qtbot, window, assessment_id)
    window.resize(800, 600)
    QApplication.processEvents()
    navigator = window.assessment_page.editor.navigator
    line = navigator.fontMetrics().height()
    wrapped = 0
    for index in range(navigator.topLevelItemCount()):
        root = navigator.topLevelItem(index)
        for child in range(root.childCount()):
            item = root.child(child)
            room = navigator.columnWidth(0) - 3 * navigator.indentation()
            if navigator.fontMetrics().horizontalAdvance(item.text(0)) > room:
                assert navigator.visualItemRect(item).height() > 1.5 * line, item.text(0)
                wrapped += 1
    assert wrapped > 0  # at 800 px some names do need two lines
