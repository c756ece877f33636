"""The window's export of the statement's copies: web page, Word and spreadsheets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ui_helpers
from ui_helpers import card, create_assessment, open_assessment, wait_saved

REPOSITORY = Path(__file__).resolve().parent.parent

make_window = ui_helpers.make_window
window = ui_helpers.window


def test_export_menu_offers_the_copies(window) -> None:
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "Export as &web page, Word or spreadsheet…" in texts
    assert (
        texts.index("Export as &web page, Word or spreadsheet…")
        == texts.index("&Export PDF report…") + 1
    )


def test_each_copy_is_written_in_the_background(window, qtbot, tmp_path) -> None:
    from docx import Document

    from workerimpact.report.copies import compare_copy

    assessment_id = create_assessment(qtbot, window, vendor="Tallyworks Inc.")
    open_assessment(qtbot, window, assessment_id)
    card(window, "tracked").input.buttons["yes"].click()
    card(window, "notice").input.buttons["never"].click()
    wait_saved(qtbot, window)
    for kind in ("html", "docx", "csv"):
        target = tmp_path / f"copy.{kind}"
        export = window.export_copy_to(target, kind)
        with qtbot.waitSignal(export.finished, timeout=60_000) as blocker:
            pass
        assert all(path.is_file() for path in blocker.args[0].paths)
        assert "Exported" in window.statusBar().currentMessage()
    assert compare_copy(tmp_path / "copy.html").ok
    assert Document(tmp_path / "copy.docx").paragraphs[0].text.startswith("EDITABLE COPY")
    answers = (tmp_path / "copy-answers.csv").read_text(encoding="utf-8-sig")
    row = (
        "Were workers told in writing before tracking started?,yes,"
        "protection (can lower the score),answered,No,"
    )
    assert row in answers
    assert not window.progress.isVisible()


SCRIPT = r"""
import json, sys
sys.path.insert(0, "tests")
from ui.prewarm import CORE, COPY_WRITING, prewarm
prewarm(CORE)
from report_samples import warehouse_assessment
assessment = warehouse_assessment()
prewarm(COPY_WRITING)
before = set(sys.modules)
from workerimpact.report.copies import export_copy
for kind in ("html", "docx", "csv"):
    export_copy(assessment, sys.argv[1] + "/copy." + kind, kind)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_copy_export_imports_nothing_after_prewarm(tmp_path) -> None:
    """Work on the background pool must not import anything for the first time (ui.prewarm)."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"}
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert output.returncode == 0, output.stderr
    assert json.loads(output.stdout.strip().splitlines()[-1]) == []


def test_the_suggested_file_name_keeps_the_words_readable():
    # "Almacén del Norte" was suggested as "almac-n-del-norte-…".
    from types import SimpleNamespace

    from ui.export import suggested_name

    def name(organization: str, system: str) -> str:
        return suggested_name(SimpleNamespace(organization=organization, system=system))

    assert name("Almacén del Norte", "Rastreador de ritmo").startswith(
        "almacen-del-norte-rastreador-de-ritmo-"
    )
    assert name("Ñandú & Cía.", "Señal").startswith("nandu-cia-senal-")
    assert name("مستودع الشمال", "नियंत्रण").startswith("مستودع-الشمال-नियंत्रण-")
    assert name("", "").startswith("assessment-")
