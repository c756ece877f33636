"""Start-up time and memory of the window, against a bare PySide6 QMainWindow.

Each run starts a fresh Python process and times it, from process start until the window's
first paint ("visible"), as the parent sees it. Both programs run the same number of times,
interleaved, on the same machine; the medians and their ratio are reported. Then peak
resident memory is compared: the bare window, against WorkerImpact with an assessment over
the three built-in questionnaires open (it re-opens the last assessment at start-up).

    python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

BARE = r"""
import resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("visible", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Bare")
window.resize(1280, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

APP = r"""
import resource, sys
from ui.app import run
code = run(sys.argv[1:])
print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
sys.exit(code)
"""

CLI = r"""
import resource, sys
from workerimpact.cli import main
code = main([])
print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
sys.exit(code)
"""


def run_once(source: str, env: dict[str, str], mark: str = "visible") -> tuple[float, int]:
    """Seconds from process start to ``mark``, and the process's peak RSS in KB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", source],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=REPOSITORY,
        text=True,
    )
    elapsed = None
    peak = 0
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == mark and elapsed is None:
            elapsed = time.perf_counter() - started
        if line.startswith("maxrss"):
            peak = int(line.split()[1])
    process.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"the program never printed {mark!r} (exit {process.returncode})")
    return elapsed, peak


def prepare_home(home: Path) -> None:
    """A library holding one assessment over the three built-ins, set to re-open."""
    env = {**os.environ, "WORKERIMPACT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    script = r"""
from PySide6.QtCore import QSettings
from workerimpact.assessment import Metadata
from workerimpact.catalog import load_catalog
from workerimpact.session import AssessmentSession
from workerimpact.storage import Library
import os
catalog = load_catalog()
questionnaires = [catalog.get(i).questionnaire for i in catalog.builtin_ids]
with Library.open() as library:
    created = library.create(questionnaires, Metadata(organization="Northwind Logistics",
                                                      system="PickRate Pro"))
    session = AssessmentSession(library, created.id)
    for questionnaire in questionnaires:
        for question in questionnaire.questions()[:8]:
            if question.options and question.type != "multiple_choice":
                session.set_answer(questionnaire.id, question.id, value=question.options[0].id)
settings = QSettings(os.path.join(os.environ["WORKERIMPACT_HOME"], "window.ini"),
                     QSettings.Format.IniFormat)
settings.setValue("session/last_assessment", created.id)
settings.sync()
print(len(questionnaires))
"""
    output = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if output != "3":
        raise SystemExit("the three built-in questionnaires are needed for the memory figure")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    base = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    base["PYTHONPATH"] = str(REPOSITORY)
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        quick = {**base, "WORKERIMPACT_HOME": empty, "WORKERIMPACT_STARTUP_PROBE": "visible"}
        # Warm the file cache so the first measured run is not a cold start.
        run_once(BARE, base)
        run_once(APP, quick)
        bare, app, cli = [], [], []
        for _ in range(options.runs):
            bare.append(run_once(BARE, base)[0])
            app.append(run_once(APP, quick)[0])
            cli.append(run_once(CLI, quick)[0])
        bare_ms = statistics.median(bare) * 1000
        app_ms = statistics.median(app) * 1000
        cli_ms = statistics.median(cli) * 1000
        print(f"runs: {options.runs} each, interleaved; median time to a visible window")
        print(f"  bare QMainWindow:              {bare_ms:7.1f} ms")
        print(f"  WorkerImpact (ui.app.run):     {app_ms:7.1f} ms   ratio {app_ms / bare_ms:.2f}")
        print(f"  WorkerImpact (`workerimpact`): {cli_ms:7.1f} ms   ratio {cli_ms / bare_ms:.2f}")

        prepare_home(Path(full))
        opened = {**base, "WORKERIMPACT_HOME": full, "WORKERIMPACT_STARTUP_PROBE": "ready"}
        bare_peaks = [run_once(BARE, base)[1] for _ in range(3)]
        app_runs = [run_once(APP, opened, mark="ready") for _ in range(3)]
        bare_peak = statistics.median(bare_peaks) / 1024
        app_peak = statistics.median(peak for _, peak in app_runs) / 1024
        ready_ms = statistics.median(seconds for seconds, _ in app_runs) * 1000
        print("peak resident memory (median of 3)")
        print(f"  bare QMainWindow:                          {bare_peak:6.1f} MB")
        print(
            f"  WorkerImpact, three built-ins open:        {app_peak:6.1f} MB"
            f"   delta {app_peak - bare_peak:+.1f} MB"
        )
        print(f"  (that run reached the open assessment in {ready_ms:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
