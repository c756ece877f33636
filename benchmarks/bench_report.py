"""PDF export speed: the full statement against a bare reportlab document of the same content.

Run: .venv/bin/python benchmarks/bench_report.py

For a fully answered assessment over the built-in questionnaires (also with an Arabic,
Hebrew and Hindi comment on every answer) and for a 1,000-question
synthetic one, it times ``export_report`` (canonical JSON and fingerprint, scoring, layout
with page decorations and outline, attachment and page digests with pypdf, atomic write)
and a bare reportlab ``SimpleDocTemplate`` built from the same paragraphs and tables (no
chart, no page decorations, no outline, no attachment), and prints the ratio. It also
times ``verify_report`` on the exported file. Targets (issue 4): ratio at most 1.5x, and
under 1 s for the built-ins.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from report_samples import synthetic_assessment, warehouse_assessment  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from workerimpact.assessment import Assessment, fingerprint  # noqa: E402
from workerimpact.report import export_report, verify_report  # noqa: E402
from workerimpact.report.layout import register_fonts  # noqa: E402
from workerimpact.report.parts import Context  # noqa: E402
from workerimpact.report.render import build_story  # noqa: E402
from workerimpact.scoring import score_assessment  # noqa: E402


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timings of ``function()``, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def bare_document(assessment: Assessment) -> Callable[[], bytes]:
    """A plain reportlab document of the statement's paragraphs and tables."""
    result = score_assessment(assessment)
    print_fingerprint = fingerprint(assessment)

    def build() -> bytes:
        story = [
            item
            for item in build_story(Context(assessment, result, print_fingerprint))
            if not isinstance(item, Drawing)
        ]
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer).build(story)
        return buffer.getvalue()

    return build


def measure(name: str, assessment: Assessment, repeat: int, folder: Path) -> dict[str, float]:
    """Time export, bare document and verify for one assessment; print a line."""
    register_fonts()
    path = folder / f"{name}.pdf"
    export_report(assessment, path)  # warm up: fonts, compiled questionnaires
    exported = median_seconds(lambda: export_report(assessment, path), repeat)
    bare = median_seconds(bare_document(assessment), repeat)
    verified = median_seconds(lambda: verify_report(path), max(1, repeat // 2))
    pages = export_report(assessment, path).pages
    questions = sum(len(item.questions()) for item in assessment.questionnaires)
    print(
        f"{name:<28} {questions:>6} {pages:>6}  {exported * 1000:>8.0f}  {bare * 1000:>8.0f}  "
        f"{exported / bare:>5.2f}x  {verified * 1000:>8.0f}"
    )
    return {"export": exported, "bare": bare, "verify": verified, "pages": pages}


def _scripts_assessment() -> Assessment:
    """The built-ins with an Arabic, English and Hindi comment on every answer: shaping,
    bidi line by line and /ActualText spans on every answer (report/bidilines.py)."""
    assessment = warehouse_assessment()
    comment = (
        "يعمل العمال في المستودع رقم 4 منذ عام 2019، ويطالبون بحقوقهم الكاملة في الراحة "
        "والأجر العادل لكل ساعة عمل إضافية. يراقب نظام PickPace سرعة كل عامل كل ساعة. "
        "क्षत्रिय संघ की स्वीकृति; העובדים במחסן מספר 12."
    )
    for answers in assessment.answers.values():
        for answer in answers.values():
            answer.comment = comment
    return assessment


def main() -> int:
    """Run the benchmark and check the targets; exit 1 if one is missed."""
    print(
        f"{'assessment':<28} {'quest.':>6} {'pages':>6}  {'export ms':>8}  {'bare ms':>8}  "
        f"{'ratio':>6}  {'verify ms':>8}"
    )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        # Exports are signed: the signing identity goes in a throwaway data folder.
        os.environ["WORKERIMPACT_HOME"] = str(folder / "home")
        builtin = measure("built-ins, fully answered", warehouse_assessment(), 7, folder)
        big = measure("synthetic, 1,000 questions", synthetic_assessment(1_000), 3, folder)
        scripts = measure("built-ins, comments RTL+hi", _scripts_assessment(), 5, folder)
    missed = []
    if builtin["export"] >= 1.0:
        missed.append("built-ins export under 1 s")
    for name, figures in (("built-ins", builtin), ("1,000 questions", big), ("scripts", scripts)):
        if figures["export"] / figures["bare"] > 1.5:
            missed.append(f"{name} ratio at most 1.5x")
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
