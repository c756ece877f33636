"""How fast the editor responds: an answer to the live score, and switching sections.

Runs the real window offscreen on a throw-away library:

* answer → live score: from clicking an option until the score panel shows the new result
  (the click goes to the session on the library thread: validate, rescore, save to SQLite
  durably, then back to the window), with the three built-in questionnaires open;
* section switch: from asking for a section until its page is first painted, in a
  200-question questionnaire laid out as 10 sections of 20, and as one section of 200
  (the worst case: the first screenful is built at once, the rest in the next turns).

    python benchmarks/ui_latency.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["WORKERIMPACT_HOME"] = tempfile.mkdtemp(prefix="workerimpact-latency-")

TYPES = ["single_choice", "multiple_choice", "yes_no", "scale", "number", "text", "date"]


def big_questionnaire(identifier: str, sections: int, per_section: int) -> dict:
    questions = []
    for index in range(sections * per_section):
        kind = TYPES[index % len(TYPES)]
        question = {
            "id": f"q{index}",
            "type": kind,
            "text": f"Question {index}: how does the system affect this part of the work?",
            "help": "Guidance for the question.",
            "required": index % 3 == 0,
        }
        if kind in ("single_choice", "multiple_choice", "yes_no", "scale"):
            question["options"] = (
                [{"id": "yes", "label": "Yes", "score": 2}, {"id": "no", "label": "No", "score": 0}]
                if kind == "yes_no"
                else [{"id": f"o{j}", "label": f"Option {j}", "score": j} for j in range(4)]
            )
            question.update(role="risk", dimension="d")
        questions.append(question)
    return {
        "format": "workerimpact-questionnaire/1",
        "id": identifier,
        "version": "1",
        "title": f"Large questionnaire ({sections}×{per_section})",
        "dimensions": [{"id": "d", "title": "Everything"}],
        "sections": [
            {
                "id": f"s{s}",
                "title": f"Section {s}",
                "questions": questions[s * per_section : (s + 1) * per_section],
            }
            for s in range(sections)
        ]
        + (
            [
                {
                    "id": "tail",
                    "title": "Tail",
                    "questions": [{"id": "tail_q", "type": "text", "text": "Anything else?"}],
                }
            ]
            if sections == 1
            else []
        ),
    }


def main() -> int:
    import json

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest

    from workerimpact.catalog import install_questionnaire

    home = Path(os.environ["WORKERIMPACT_HOME"])
    for identifier, sections, per in (("large-10x20", 10, 20), ("large-1x200", 1, 200)):
        path = home / f"{identifier}.json"
        path.write_text(json.dumps(big_questionnaire(identifier, sections, per)))
        install_questionnaire(path)

    from ui.app import application
    from ui.main_window import MainWindow

    application()
    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    window.start()

    from ui.refcount_guard import top_up

    # A tight waiting loop makes many void calls, each of which drops a reference to None
    # on PySide6 6.12 (see ui.refcount_guard): top the reserve up as we go.
    def wait_for(condition, limit: float = 20.0) -> None:
        end = time.perf_counter() + limit
        while not condition():
            QTest.qWait(0)
            top_up()
            if time.perf_counter() > end:
                raise RuntimeError("timed out")

    wait_for(lambda: window.library_page is not None and window.library_page.loaded)

    def create(ids) -> str:
        from workerimpact.assessment import Metadata
        from workerimpact.catalog import resolve_questionnaires

        box = {}
        questionnaires = resolve_questionnaires(ids)
        window.context.run(
            lambda library: library.create(questionnaires, Metadata(system="Bench")).id,
            lambda value: box.setdefault("id", value),
        )
        wait_for(lambda: "id" in box)
        return box["id"]

    def open_(assessment_id: str) -> None:
        window.open_assessment(assessment_id)
        wait_for(
            lambda: (
                window.controller.is_open and window.controller.state.assessment_id == assessment_id
            )
        )

    # --- answer → live score ------------------------------------------------------------
    from workerimpact.catalog import load_catalog

    builtins = load_catalog().builtin_ids
    open_(create(builtins))
    editor = window.assessment_page.editor
    page = editor.sections.page
    card = next(c for c in page.cards.values() if c.question.type in ("single_choice", "yes_no"))
    buttons = list(card.input.buttons.values())
    marks: list[float] = []
    window.controller.result_changed.connect(lambda _result: marks.append(time.perf_counter()))
    score_times = []
    for attempt in range(30):
        before = len(marks)
        started = time.perf_counter()
        buttons[attempt % len(buttons)].click()
        wait_for(lambda before=before: len(marks) > before)
        score_times.append((marks[-1] - started) * 1000)
    score_times.sort()
    print(f"answer → live score (three built-ins, {len(score_times)} answers, saved durably):")
    p95 = score_times[int(len(score_times) * 0.95) - 1]
    print(
        f"  median {statistics.median(score_times):5.1f} ms   p95 {p95:5.1f} ms   "
        f"max {score_times[-1]:5.1f} ms"
    )

    # --- section switch -----------------------------------------------------------------
    class Painted(QObject):
        def __init__(self):
            super().__init__()
            self.at = None

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    for identifier in ("large-10x20", "large-1x200"):
        open_(create([identifier]))
        order = editor.navigator.sections()
        times = []
        for _repeat in range(2):
            for key in order:
                editor.sections.clear()  # measure a first visit: the page is built anew
                QTest.qWait(0)
                started = time.perf_counter()
                editor.show_section(*key)
                current = editor.sections.page
                probe = Painted()
                current.widget().installEventFilter(probe)
                wait_for(lambda probe=probe: probe.at is not None)
                times.append((probe.at - started) * 1000)
                current.widget().removeEventFilter(probe)
                # let the remaining cards of a long section be built before the next switch
                QTest.qWait(50)
        big = [t for t in times]
        print(f"section switch, {identifier} (first visit, until painted, {len(big)} switches):")
        print(f"  median {statistics.median(big):5.1f} ms   max {max(big):5.1f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
