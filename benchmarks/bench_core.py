"""Core speed and memory: loading, validating and scoring questionnaires of growing size.

Run: .venv/bin/python benchmarks/bench_core.py

For 1,000, 2,000 and 5,000 questions (each with twice as many rules) it prints load+validate
time, full scoring time, rescoring after one changed answer, and the peak resident memory
of a process that loads and scores that size alone; then per-question ratios so growth is
visible, and the time to score the built-in questionnaires. Targets (issue 2): built-ins
scored under 2 ms; 5,000 questions scored under 50 ms and loaded under 300 ms, in a
process peaking under 150 MB; growth no worse than linear.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synthetic import synthetic_answers, synthetic_questionnaire  # noqa: E402

from workerimpact.assessment import Answer, new_assessment  # noqa: E402
from workerimpact.catalog import load_catalog  # noqa: E402
from workerimpact.loader import load_questionnaire  # noqa: E402
from workerimpact.scoring import score_assessment  # noqa: E402

SIZES = (1_000, 2_000, 5_000)


def best_of(function, repeat: int) -> float:
    """The median of ``repeat`` timings of ``function()``, in milliseconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def write_inputs(size: int, folder: Path) -> tuple[Path, Path]:
    """Write a synthetic questionnaire of ``size`` questions and answers to every question."""
    data = synthetic_questionnaire(size)
    questionnaire = folder / f"synthetic-{size}.json"
    questionnaire.write_text(json.dumps(data, indent=1), encoding="utf-8")
    answers = folder / f"answers-{size}.json"
    answers.write_text(json.dumps(synthetic_answers(data)), encoding="utf-8")
    return questionnaire, answers


def measure_size(questionnaire_path: Path, answers_path: Path) -> dict[str, float]:
    """Load, score and rescore one synthetic size in this process (files made elsewhere, so
    the peak memory is that of loading and scoring, not of generating)."""
    load_ms = best_of(lambda: load_questionnaire(questionnaire_path), 5)
    questionnaire = load_questionnaire(questionnaire_path)
    assessment = new_assessment([questionnaire])
    assessment.answers = {
        qid: {key: Answer(**value) for key, value in answers.items()}
        for qid, answers in json.loads(answers_path.read_text(encoding="utf-8")).items()
    }
    score_assessment(assessment)  # compiles the questionnaire once (cached)
    score_ms = best_of(lambda: score_assessment(assessment), 9)
    answers = assessment.answers[questionnaire.id]

    def rescore_after_one_change() -> None:
        answers["q0"] = Answer(value="no" if answers["q0"].value == "yes" else "yes")
        score_assessment(assessment)

    rescore_ms = best_of(rescore_after_one_change, 9)
    import resource

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load_ms": load_ms, "score_ms": score_ms, "rescore_ms": rescore_ms, "peak_mb": peak_mb}


def measure_builtins() -> float:
    """Median time to score a fully answered assessment over the built-in questionnaires."""
    catalog = load_catalog()
    questionnaires = [entry.questionnaire for entry in catalog.entries if entry.builtin]
    assessment = new_assessment(questionnaires)
    for questionnaire in questionnaires:
        answers = {}
        for question in questionnaire.questions():
            if question.options:
                value = (
                    [question.options[0].id]
                    if question.type == "multiple_choice"
                    else question.options[-1].id
                )
                answers[question.id] = Answer(value=value)
        assessment.answers[questionnaire.id] = answers
    score_assessment(assessment)
    return best_of(lambda: score_assessment(assessment), 51)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure_size(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    print(f"Built-in questionnaires, fully answered: scored in {measure_builtins():.2f} ms "
          "(target < 2 ms)")  # fmt: skip
    print()
    print(f"{'questions':>9} {'rules':>6} {'load+validate':>14} {'score':>9} {'rescore':>9} "
          f"{'peak RSS':>9}   per 1,000 questions: load / score")  # fmt: skip
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="workerimpact-bench-"))
    for size in SIZES:
        questionnaire, answers = write_inputs(size, folder)
        # Each size in its own process, so its peak memory is its own.
        output = subprocess.run(
            [sys.executable, __file__, "--measure", str(questionnaire), str(answers)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        row = json.loads(output.strip().splitlines()[-1])
        rows.append((size, row))
        print(
            f"{size:>9,} {2 * size:>6,} {row['load_ms']:>11.0f} ms {row['score_ms']:>6.1f} ms "
            f"{row['rescore_ms']:>6.1f} ms {row['peak_mb']:>6.0f} MB   "
            f"{row['load_ms'] / size * 1000:.0f} ms / {row['score_ms'] / size * 1000:.1f} ms"
        )
    (small, first), (large, last) = rows[0], rows[-1]
    growth = large / small
    print()
    load_growth = last["load_ms"] / first["load_ms"]
    score_growth = last["score_ms"] / first["score_ms"]
    print(
        f"From {small:,} to {large:,} questions (×{growth:.0f}): load ×{load_growth:.1f}, "
        f"score ×{score_growth:.1f} (linear growth would be ×{growth:.1f})"
    )
    print(
        "Targets at 5,000: load < 300 ms, score < 50 ms, peak < 150 MB → "
        f"{'met' if last['load_ms'] < 300 else 'MISSED'}, "
        f"{'met' if last['score_ms'] < 50 else 'MISSED'}, "
        f"{'met' if last['peak_mb'] < 150 else 'MISSED'}"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
