"""A process killed at any moment loses no answer whose save had returned.

A writer subprocess saves answers as fast as it can and acknowledges each one; it is
SIGKILLed at random moments, and after every kill the reopened library must hold every
acknowledged answer and pass ``PRAGMA integrity_check``. ``benchmarks/storage_soak.py``
runs the same harness for much longer.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent / "fixtures" / "storage" / "kill_writer.py"
ROUNDS = 12


def load_harness():
    spec = importlib.util.spec_from_file_location("kill_writer", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_writer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_writer_loses_no_acknowledged_answer(data_home):
    harness = load_harness()
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    rounds = []
    for number in range(ROUNDS):
        rounds.append(harness.kill_round(data_home, rng))
        counts = harness.check(data_home, rounds)
        assert counts["lost"] == 0, f"seed {seed}, round {number}: {counts}"
        assert counts["integrity_failures"] == 0, f"seed {seed}, round {number}: {counts}"
    assert counts["acked"] == counts["found"] > 0, counts
    assert counts["imports_found"] == counts["imports_acked"]
