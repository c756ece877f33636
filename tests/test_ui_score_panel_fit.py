"""The live result on the right never scrolls sideways, provisional badge and all.

After the merges the large badge reads "Severe · 77/100 — provisional" on one line; at
800×600 it pushed the panel wider than its column and a horizontal scroll bar appeared,
cutting the word "provisional" and every dimension's level.
"""

from __future__ import annotations

import pytest
import ui_helpers
from builtin_answers import builtin, scenario
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import create_assessment, open_assessment, run_in_library

make_window = ui_helpers.make_window


def _answer_half_at_worst(library, assessment_id: str) -> None:
    questionnaire = builtin("worker-surveillance")
    answers = list(scenario(questionnaire, worst=True).items())
    for question_id, answer in answers[: len(answers) // 2]:
        library.set_answer(assessment_id, "worker-surveillance", question_id, answer)


@pytest.mark.parametrize("size", [(800, 600), (1024, 700)])
def test_provisional_live_result_fits_its_column(make_window, qtbot, size):
    window = make_window()
    window.resize(1366, 768)
    assessment_id = create_assessment(qtbot, window, ("worker-surveillance",))
    run_in_library(qtbot, window, lambda library: _answer_half_at_worst(library, assessment_id))
    open_assessment(qtbot, window, assessment_id)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    panel = window.assessment_page.editor.score
    QApplication.processEvents()
    panel.widget().layout().activate()
    QApplication.processEvents()
    assert "provisional" in panel.badge.text()
    assert panel.horizontalScrollBar().maximum() == 0
    width = panel.viewport().width()
    assert panel.widget().width() <= width
    for label in panel.widget().findChildren(QLabel):
        if label.isVisibleTo(panel) and label.text():
            if label.wordWrap():
                assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
            else:
                assert label.sizeHint().width() <= label.width() + 1, label.text()
