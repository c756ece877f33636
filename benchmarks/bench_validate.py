"""Validation speed on broken files: every problem found in time that grows with the file.

Run: .venv/bin/python benchmarks/bench_validate.py

Each case builds a hostile or broken questionnaire at growing sizes, runs
``workerimpact validate`` on it in this process (stderr captured and counted) and prints
the best of three times, the bytes of stderr, and the time per megabyte, so growth is
visible: a ratio that stays flat from one size to the next is linear. Target (issue 12):
any file up to the 16 MB size cap validates in under 2 s, with at most 100 problems
printed per file.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synthetic import synthetic_questionnaire  # noqa: E402

from workerimpact.cli import main  # noqa: E402

EXAMPLE = HERE.parent / "docs" / "examples" / "call-centre-monitoring.json"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def misspelt_rules(count: int) -> str:
    """``count`` questions and ``count`` rules each naming a misspelt question."""
    data = synthetic_questionnaire(count, rules=0)
    rule = copy.deepcopy(example()["rules"][0])
    rules = []
    for index in range(count):
        item = copy.deepcopy(rule)
        item["id"] = f"r{index}"
        item["dimension"] = "d0"
        item["condition"] = {"op": "answered", "question": f"qq{index}"}
        rules.append(item)
    data["rules"] = rules
    return json.dumps(data, indent=1)


def skip_loops(count: int) -> str:
    """``count`` questions whose skip logic forms one big loop and many small ones."""
    data = synthetic_questionnaire(count, rules=0)
    questions = [q for section in data["sections"] for q in section["questions"]]
    for index, question in enumerate(questions):
        following = questions[(index + 1) % len(questions)]["id"]
        question["show_if"] = {"op": "answered", "question": following}
    return json.dumps(data, indent=1)


def zeros(count: int) -> str:
    """A list of ``count`` zeros where the sections should be."""
    data = example()
    data["sections"] = [0] * count
    return json.dumps(data, separators=(",", ":"))


def unknown_keys(count: int) -> str:
    """``count`` unknown keys at the top level."""
    data = example()
    data.update({f"unknown_{index}": index for index in range(count)})
    return json.dumps(data, indent=1)


def every_question_wrong(count: int) -> str:
    """``count`` questions, each with a misspelt field and a misspelt type."""
    data = synthetic_questionnaire(count, rules=0)
    for section in data["sections"]:
        for question in section["questions"]:
            question["reqired"] = question.pop("required")
            question["type"] = question["type"].replace("_", "-")
    return json.dumps(data, indent=1)


def forward_skip_logic(count: int) -> str:
    """``count`` questions, each shown on the answer to the last one."""
    data = synthetic_questionnaire(count, rules=0)
    questions = [q for section in data["sections"] for q in section["questions"]]
    for question in questions[:-1]:
        question["show_if"] = {"op": "answered", "question": questions[-1]["id"]}
    return json.dumps(data, indent=1)


def valid_large(count: int) -> str:
    """A valid questionnaire of ``count`` questions (twice as many rules)."""
    return json.dumps(synthetic_questionnaire(count), indent=1)


CASES: list[tuple[str, Callable[[int], str], tuple[int, ...]]] = [
    ("rules naming misspelt questions", misspelt_rules, (500, 1_000, 2_000, 4_000)),
    ("skip logic loops", skip_loops, (1_000, 2_500, 5_000)),
    ("list of zeros as sections", zeros, (1_000_000, 3_500_000, 7_900_000)),
    ("unknown keys", unknown_keys, (20_000, 80_000, 600_000)),
    ("every question misspelt", every_question_wrong, (1_000, 2_500, 5_000)),
    ("skip logic reading the last question", forward_skip_logic, (1_000, 2_500, 5_000)),
    ("valid questionnaire", valid_large, (1_000, 2_500, 5_000, 9_000)),
]


def run(text: str, folder: Path, repeat: int = 3) -> tuple[float, int, int]:
    """Validate ``text`` as a file ``repeat`` times; the best time (the machine may be
    shared), the bytes printed on stderr and the exit code."""
    path = folder / "q.json"
    path.write_text(text, encoding="utf-8")
    best = float("inf")
    for _ in range(repeat):
        err = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["validate", str(path)])
        best = min(best, time.perf_counter() - start)
    return best, len(err.getvalue().encode()), code


def main_benchmark() -> None:
    worst = 0.0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for title, build, sizes in CASES:
            print(f"\n{title}")
            print(f"  {'size':>10} {'MB':>7} {'seconds':>8} {'s per MB':>9} {'stderr':>9} exit")
            for size in sizes:
                text = build(size)
                megabytes = len(text.encode()) / 1e6
                seconds, stderr_bytes, code = run(text, folder)
                worst = max(worst, seconds)
                print(
                    f"  {size:>10,} {megabytes:>7.2f} {seconds:>8.2f} "
                    f"{seconds / megabytes:>9.3f} {stderr_bytes:>9,} {code}"
                )
    print(f"\nslowest validation: {worst:.2f} s (target: under 2 s up to the 16 MB cap)")


if __name__ == "__main__":
    main_benchmark()
