"""What signing costs and how long verifying takes (issue 9).

Run: .venv/bin/python benchmarks/bench_signing.py

For a fully answered assessment over the built-in questionnaires and a 1,000-question
synthetic one: the export with its signature, the signature alone (``sign_pdf`` on the
finished, unsigned statement: what signing adds to an export), and ``verify_report`` on the
signed file and on a countersigned copy (pyHanko validation, every revision described,
every page redrawn and compared). Targets: signing adds at most 150 ms to the built-ins
export; verifying the built-ins statement takes at most 1 s and the 1,000-question one at
most 5 s.
"""

from __future__ import annotations

import hashlib
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

from workerimpact.assessment import Assessment, canonical_bytes  # noqa: E402
from workerimpact.report import countersign_report, export_report, verify_report  # noqa: E402
from workerimpact.report.integrity import finish_pdf, stated_levels  # noqa: E402
from workerimpact.report.render import generator, render  # noqa: E402
from workerimpact.scoring import score_assessment  # noqa: E402
from workerimpact.signing.identity import new_identity  # noqa: E402
from workerimpact.signing.sign import ISSUE_REASON, ISSUER_FIELD, sign_pdf  # noqa: E402


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timings of ``function()``, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def measure(name: str, assessment: Assessment, repeat: int, folder: Path) -> dict[str, float]:
    """Time export, signing alone and verify for one assessment; print a line."""
    identity = new_identity("Dana Reyes", "Northwind Logistics", "HR lead")
    path = folder / f"{name}.pdf"
    export_report(assessment, path, identity=identity)  # warm up
    exported = median_seconds(lambda: export_report(assessment, path, identity=identity), repeat)
    canonical = canonical_bytes(assessment)
    fingerprint = hashlib.sha256(canonical).hexdigest()
    result = score_assessment(assessment)
    unsigned, pages = finish_pdf(
        render(assessment, result, fingerprint),
        canonical,
        fingerprint,
        stated_levels(result),
        generator(),
    )
    signing = median_seconds(
        lambda: sign_pdf(unsigned, identity, ISSUER_FIELD, ISSUE_REASON), repeat
    )
    verified = median_seconds(lambda: verify_report(path), max(1, repeat // 2))
    assert verify_report(path).ok
    countersigned = folder / f"{name}-countersigned.pdf"
    countersign_report(path, countersigned, identity=new_identity("Sam Ortiz", "Local 12"))
    verified_both = median_seconds(lambda: verify_report(countersigned), max(1, repeat // 2))
    assert verify_report(countersigned).ok
    print(
        f"{name:<28} {pages:>6}  {exported * 1000:>9.0f}  {signing * 1000:>9.0f}  "
        f"{verified * 1000:>9.0f}  {verified_both * 1000:>12.0f}"
    )
    return {"export": exported, "signing": signing, "verify": max(verified, verified_both)}


def main() -> int:
    """Run the benchmark and check the targets; exit 1 if one is missed."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.environ["WORKERIMPACT_HOME"] = str(folder / "home")
        print(
            f"{'assessment':<28} {'pages':>6}  {'export ms':>9}  {'signing ms':>9}  "
            f"{'verify ms':>9}  {'countersigned':>12}"
        )
        builtin = measure("built-ins, fully answered", warehouse_assessment(), 7, folder)
        big = measure("synthetic, 1,000 questions", synthetic_assessment(1_000), 3, folder)
    missed = []
    if builtin["signing"] > 0.150:
        missed.append("signing adds at most 150 ms to the built-ins export")
    if builtin["verify"] > 1.0:
        missed.append("built-ins verify at most 1 s")
    if big["verify"] > 5.0:
        missed.append("1,000-question verify at most 5 s")
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
