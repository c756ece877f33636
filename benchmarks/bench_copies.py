"""Speed of the statement's copies and of the PDF with every script.

Run: .venv/bin/python benchmarks/bench_copies.py

Times ``export_copy`` for the HTML, Word and CSV copies of the fully answered built-ins
and of a 1,000-question synthetic assessment (target: at most 1 s each for the
built-ins), then the PDF of the built-ins with answers in Arabic, Hebrew, Devanagari,
Greek, Cyrillic and CJK (shaped by HarfBuzz) against a bare reportlab document of the same
paragraphs (target: at most 1.5x, as benchmarks/bench_report.py for Latin text).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from bench_report import bare_document, median_seconds  # noqa: E402
from report_samples import synthetic_assessment, warehouse_assessment  # noqa: E402

from workerimpact.assessment import Assessment  # noqa: E402
from workerimpact.report import export_report  # noqa: E402
from workerimpact.report.copies import FORMATS, export_copy  # noqa: E402
from workerimpact.scoring import score_assessment  # noqa: E402

SCRIPTS = (
    "العمال يعملون في المستودع ويُراقَبون طوال الوردية.",
    "העובדים עובדים במחסן ומנוטרים לאורך כל המשמרת.",
    "कर्मचारी गोदाम में काम करते हैं और पूरी पाली में निगरानी होती है।",
    "Οι εργαζόμενοι παρακολουθούνται σε όλη τη βάρδια.",
    "Работников склада отслеживают всю смену.",
    "仓库工人整个班次都受到监控。",
)


def every_script() -> Assessment:
    """The fully answered built-ins with names and every comment in another script."""
    assessment = warehouse_assessment()
    meta = assessment.metadata
    meta.organization, meta.site, meta.vendor = SCRIPTS[4], SCRIPTS[0][:20], SCRIPTS[1][:20]
    for answers in assessment.answers.values():
        for index, answer in enumerate(answers.values()):
            answer.comment = SCRIPTS[index % len(SCRIPTS)]
    return assessment


def main() -> int:
    """Run the benchmarks; exit 1 if a target is missed."""
    missed = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        print(f"{'assessment':<28} {'format':>6}  {'export ms':>9}")
        for name, assessment, repeat in (
            ("built-ins, fully answered", warehouse_assessment(), 5),
            ("synthetic, 1,000 questions", synthetic_assessment(1_000), 3),
        ):
            result = score_assessment(assessment)
            for kind in FORMATS:
                path = folder / f"copy.{kind}"
                export_copy(assessment, path, kind, result=result)  # warm up
                seconds = median_seconds(
                    lambda a=assessment, p=path, k=kind, r=result: export_copy(a, p, k, result=r),
                    repeat,
                )
                print(f"{name:<28} {kind:>6}  {seconds * 1000:>9.0f}")
                if name.startswith("built-ins") and seconds > 1.0:
                    missed.append(f"{kind} of the built-ins at most 1 s")
        assessment = every_script()
        path = folder / "scripts.pdf"
        export_report(assessment, path)
        exported = median_seconds(lambda: export_report(assessment, path), 5)
        bare = median_seconds(bare_document(assessment), 5)
        print(
            f"PDF, every script: export {exported * 1000:.0f} ms, bare reportlab "
            f"{bare * 1000:.0f} ms, ratio {exported / bare:.2f}x"
        )
        if exported / bare > 1.5:
            missed.append("every-script PDF ratio at most 1.5x")
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
