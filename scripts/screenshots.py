"""Take the window's screenshots for the docs: library, editor, results, install errors,
the own-copy offer and a comparison.

Runs offscreen on a throw-away data folder filled with realistic data: a warehouse
pick-rate tracker from a named vendor, assessed over the three built-in questionnaires and
answered partly by HR, and the union steward's own copy of it, answered differently.
Writes ``docs/images/ui-*.png``.

    python scripts/screenshots.py [--dark]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUTPUT = REPOSITORY / "docs" / "images"

TEXTS = {
    "text": "Supervisors see a live leaderboard of pick rates on the floor screens.",
    "number": 140,
    "date": "2024-02-05",
}


def _answer_for(question, index: int):
    if question.type == "multiple_choice":
        plain = [o.id for o in question.options if not o.exclusive]
        return plain[: 1 + index % 2] or [question.options[0].id]
    if question.options:
        count = len(question.options)
        return question.options[(index * 2 + 1) % count].id
    if question.type == "number":
        low = question.minimum if question.minimum is not None else 0
        high = question.maximum if question.maximum is not None else 10_000
        return max(low, min(high, TEXTS["number"]))
    return TEXTS[question.type]


UNION_ANSWERS = {
    "worker-surveillance": {
        "monitoring_hours": (
            "breaks",
            "Scanners stay logged in through lunch; supervisors see idle time on breaks.",
        ),
        "monitoring_detail": ("real_time", "The floor screens update every minute per picker."),
        "notice_given": (
            "posted",
            "A notice went up in the break room two weeks after go-live. Nothing in writing.",
        ),
        "used_for": (["coaching", "discipline"], "Three write-ups in May cited pick rate."),
        "human_review": ("1", "Write-ups are printed straight from the dashboard."),
    },
    "job-quality": {
        "sets_pay": ("yes", "The night-shift bonus has followed pick rate since April."),
        "pay_explained": ("no", "Payslips show one bonus figure, with no breakdown."),
    },
}
"""What the union steward answers differently on their own copy (value, comment)."""


def union_copy(library, original_id: str) -> str:
    """The steward's own copy of HR's assessment, answered differently; returns its id."""
    from workerimpact.errors import InputError
    from workerimpact.session import AssessmentSession

    revision = library.new_revision(original_id)
    metadata = revision.metadata.model_copy(
        update={"assessor": "Sam Rivera, union steward", "role": "union"}
    )
    library.update_metadata(revision.id, metadata)
    session = AssessmentSession(library, revision.id, assessor="Sam Rivera, union steward")
    for questionnaire_id, answers in UNION_ANSWERS.items():
        for question_id, (value, comment) in answers.items():
            try:
                session.set_answer(questionnaire_id, question_id, value=value, comment=comment)
            except InputError:
                pass
    return revision.id


def fill_library(home: Path) -> tuple[str, str, Path]:
    """Create the assessments shown; return the ids of HR's assessment and the union's
    copy, and HR's assessment as a file (to be opened as the union receives it)."""
    from workerimpact.assessment import Metadata
    from workerimpact.catalog import install_questionnaire, load_catalog
    from workerimpact.errors import InputError
    from workerimpact.session import AssessmentSession
    from workerimpact.storage import Library

    install_questionnaire(REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json")
    catalog = load_catalog()
    builtins = [catalog.get(i).questionnaire for i in catalog.builtin_ids]
    with Library.open() as library:
        others = [
            (
                "Contoso Health",
                "Riverside clinic",
                "ShiftWise scheduler",
                "Rostra Ltd",
                "in_review",
            ),
            ("Fabrikam Contact", "Leeds call centre", "CallScore analytics", "Voxmetric", "final"),
        ]
        for organization, site, system, vendor, status in others:
            chosen = (
                builtins[:2]
                if status == "in_review"
                else [catalog.get("call-centre-monitoring").questionnaire]
            )
            created = library.create(
                chosen,
                Metadata(
                    organization=organization,
                    site=site,
                    system=system,
                    vendor=vendor,
                    assessor="J. Okafor",
                    role="joint",
                ),
            )
            session = AssessmentSession(library, created.id)
            for number, question in enumerate(chosen[0].questions()[:6]):
                try:
                    session.set_answer(
                        chosen[0].id, question.id, value=_answer_for(question, number)
                    )
                except InputError:
                    pass
            session.set_status(status)
        main = library.create(
            builtins,
            Metadata(
                organization="Northwind Logistics",
                site="Reno fulfilment centre",
                system="PickRate Pro (warehouse pick-rate tracker)",
                vendor="Tallyworks Inc.",
                purpose="Tracks each picker's items per hour against a target and flags "
                "workers below it to supervisors.",
                assessor="Dana Whitfield, HR lead",
                role="employer",
            ),
        )
        session = AssessmentSession(library, main.id)
        for questionnaire in builtins[:2]:
            questions = questionnaire.questions()
            for number, question in enumerate(questions[: max(4, len(questions) * 2 // 3)]):
                if question.id in session.result.questionnaire(questionnaire.id).hidden:
                    continue
                try:
                    session.set_answer(
                        questionnaire.id, question.id, value=_answer_for(question, number)
                    )
                except InputError:
                    pass
        union_id = union_copy(library, main.id)
        sent = home / "northwind-hr.json"
        library.export_file(main.id, sent)
        return main.id, union_id, sent


def broken_questionnaire(folder: Path) -> Path:
    data = json.loads(
        (REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json").read_text(
            encoding="utf-8"
        )
    )
    data["id"] = "client-monitoring"
    question = data["sections"][0]["questions"][0]
    question["requird"] = question.pop("required")
    data["rules"][0]["condition"]["of"][1]["question"] = "writen_notice"
    data["sections"][1]["questions"][0]["show_if"] = {
        "op": "in",
        "question": "human_review",
        "options": ["3"],
    }
    data["sections"][1]["questions"][1]["show_if"] = {
        "op": "in",
        "question": "used_for",
        "options": ["pay"],
    }
    path = folder / "client-monitoring.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="workerimpact-shots-"))
    os.environ["WORKERIMPACT_HOME"] = str(home)
    assessment_id, union_id, sent = fill_library(home)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    app.setStyle("Fusion")
    from ui import theme, window_state

    # The window's own palettes (View → Theme), the ones the contrast test checks.
    window_state.set_value(theme.THEME, "dark" if options.dark else "light")
    # The screenshots are taken as the union steward, so HR's file reads as received.
    window_state.set_value(window_state.DEFAULT_ASSESSOR, "Sam Rivera, union steward")
    window_state.set_value(window_state.DEFAULT_ROLE, "union")
    suffix = "-dark" if options.dark else ""
    options.output.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(condition, limit: int = 10_000) -> None:
        waited = 0
        while not condition() and waited < limit:
            settle(50)
            waited += 50

    def save(widget, name: str) -> None:
        path = options.output / f"ui-{name}{suffix}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    window = MainWindow()
    window.resize(1366, 740)  # a 1366x768 laptop screen, less the title bar
    window.show()
    window.start()
    wait_for(lambda: window.library_page is not None and window.library_page.loaded)
    # Again now the window has started: it fits itself to the (small) offscreen screen.
    window.resize(1366, 740)
    settle()
    save(window, "library")

    window.open_assessment(assessment_id)
    wait_for(lambda: window.controller.is_open)
    editor = window.assessment_page.editor
    order = editor.navigator.sections()
    editor.show_section(*order[1])
    settle()
    page = editor.sections.page
    cards = [c for c in page.cards.values() if not c.isHidden()]
    if cards:
        cards[0].focus_input()
        if len(cards) > 1:
            cards[1].notes_button.setChecked(True)
    settle()
    save(window, "editor")

    window.show_results()
    settle()
    save(window, "results")

    # The same section on an 800x600 screen: options wrap, nothing scrolls sideways.
    window.show_questions()
    window.resize(800, 570)
    settle(500)
    save(window, "editor-800")
    window.resize(1366, 740)
    settle()

    # HR's statement as the union receives it: read-only, marked as HR's record.
    received = []
    window.context.run(lambda library: library.import_file(sent).id, received.append)
    wait_for(lambda: bool(received))
    window.open_assessment(received[0])
    wait_for(lambda: window.controller.is_open and window.controller.state.received)
    settle()
    save(window, "received")

    from ui.install_dialog import ProblemsDialog
    from workerimpact.catalog import install_questionnaire
    from workerimpact.errors import InputError

    try:
        install_questionnaire(broken_questionnaire(home))
    except InputError as error:
        dialog = ProblemsDialog(home / "client-monitoring.json", error.problems, window)
        dialog.show()
        settle()
        save(dialog, "install-error")
        dialog.close()

    from ui.own_copy_dialog import OwnCopyDialog

    offer = OwnCopyDialog(window.controller.state.metadata, "", "union", window)
    offer.name.setText("Sam Rivera, union steward")
    offer.role_box.setCurrentIndex(offer.role_box.findData("union"))
    offer.show()
    settle()
    save(offer, "own-copy")
    offer.close()

    window.compare_assessments(union_id, assessment_id)
    view = window.assessment_page.compare
    wait_for(lambda: view.comparison is not None)
    settle()
    save(window, "compare")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
