"""What the window's worker threads run must import nothing new (see ``ui.prewarm``):
a first import on a worker thread can crash PySide6."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys
from ui.prewarm import COMPARING, CORE, PDF_READING, PDF_WRITING, prewarm

prewarm(CORE)
before = set(sys.modules)
from workerimpact.assessment import Metadata, save_assessment
from workerimpact.catalog import install_questionnaire, load_catalog
from workerimpact.session import AssessmentSession
from workerimpact.storage import Library

catalog = load_catalog()
questionnaires = [catalog.get(i).questionnaire for i in catalog.builtin_ids]
library = Library.open()
created = library.create(questionnaires, Metadata(system="PickRate Pro"))
session = AssessmentSession(library, created.id)
for questionnaire in questionnaires:
    for question in questionnaire.questions()[:5]:
        if question.options and question.type != "multiple_choice":
            session.set_answer(questionnaire.id, question.id, value=question.options[0].id)
try:
    session.set_answer(questionnaires[0].id, questionnaires[0].questions()[0].id, value=5)
except Exception:
    pass
library.summaries(); library.backup(); library.backups(); library.history(created.id)
save_assessment(library.get(created.id), "a.json")
library.import_file("a.json")
install_questionnaire(sys.argv[1])
session.set_status("final"); library.new_revision(created.id)
library.delete(created.id); library.restore_deleted(created.id)
core = sorted(set(sys.modules) - before)

prewarm(COMPARING)
before = set(sys.modules)
from workerimpact.compare import compare_assessments
revision = library.new_revision(created.id)
compare_assessments(library.get(created.id), library.get(revision.id))
comparing = sorted(set(sys.modules) - before)

prewarm(PDF_WRITING)
before = set(sys.modules)
from workerimpact.report import embedded_assessment, export_report, verify_report
export_report(session.assessment, "r.pdf", result=session.result, progress=lambda d, t: None)
writing = sorted(set(sys.modules) - before)
before = set(sys.modules)
verify_report("r.pdf"); embedded_assessment("r.pdf"); library.import_file("r.pdf")
reading = sorted(set(sys.modules) - before)
print(json.dumps({"core": core, "comparing": comparing, "writing": writing, "reading": reading}))
"""


def test_worker_work_imports_nothing_after_prewarm(tmp_path, data_home):
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"}
    example = REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json"
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(example)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert output.returncode == 0, output.stderr
    imported = json.loads(output.stdout.strip().splitlines()[-1])
    assert imported == {"core": [], "comparing": [], "writing": [], "reading": []}
