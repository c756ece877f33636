"""Storage soak: SIGKILL a writing process many times and count acknowledged answers found.

The same harness as ``tests/test_storage_kill.py`` (``tests/fixtures/storage/kill_writer.py``),
run for longer: each round starts a writer that saves answers and imports assessments as
fast as it can, kills it at a random moment, reopens the library and checks that every
save acknowledged before the kill is there and that ``PRAGMA integrity_check`` passes.

Run: ``.venv/bin/python benchmarks/storage_soak.py [--rounds 300] [--seed N] [--folder DIR]``
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
HARNESS = REPOSITORY / "tests" / "fixtures" / "storage" / "kill_writer.py"
sys.path.insert(0, str(REPOSITORY))


def load_harness():
    """Import the kill harness from the test fixtures."""
    spec = importlib.util.spec_from_file_location("kill_writer", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_writer"] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--longest", type=float, default=1.0, help="longest run before a kill (s)")
    parser.add_argument("--folder", type=Path, help="where to work (default: a temporary folder)")
    options = parser.parse_args()
    harness = load_harness()
    seed = options.seed if options.seed is not None else random.randrange(1_000_000)
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="storage-soak-", dir=options.folder))
    print(f"seed {seed}, folder {folder}")
    rounds = []
    counts: dict[str, int] = {}
    failures = 0
    start = time.monotonic()
    try:
        for number in range(1, options.rounds + 1):
            rounds.append(harness.kill_round(folder, rng, longest=options.longest))
            counts = harness.check(folder, rounds)
            if counts["lost"] or counts["integrity_failures"]:
                failures += 1
                print(f"round {number}: FAILED {counts}")
            if number % 25 == 0 or number == options.rounds:
                print(
                    f"round {number:>4}: {counts['acked']:>7,} answers acknowledged, "
                    f"{counts['found']:>7,} found, {counts['lost']} lost; "
                    f"{counts['imports_found']:,}/{counts['imports_acked']:,} imports whole; "
                    f"integrity failures {counts['integrity_failures']}; "
                    f"{time.monotonic() - start:.0f} s",
                    flush=True,
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("PASS" if not failures else f"FAIL in {failures} rounds")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
