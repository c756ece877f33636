"""Typing without a pause is saved as it goes: the window, killed while someone types one
key every 0.1 s, loses at most the last second of typing (plus the time a loaded machine
takes to write it)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import install_all_types

WRITER = Path(__file__).resolve().parent / "fixtures" / "ui" / "typing_writer.py"


def _writer_text() -> str:
    spec = importlib.util.spec_from_file_location("typing_writer", WRITER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TEXT


TYPED_BEFORE_KILL = 60  # 6 s of typing without a pause
SLACK_S = 2.5
"""Beyond the promised second: the library thread's write on a busy shared machine."""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_kill_while_typing_loses_at_most_the_last_second(tmp_path, data_home):
    install_all_types(tmp_path)
    process = subprocess.Popen(
        [sys.executable, str(WRITER)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assessment_id = None
    times: list[float] = []
    try:
        for line in process.stdout:
            words = line.split()
            if words[:1] == ["open"]:
                assessment_id = words[1]
            elif words[:1] == ["typed"]:
                times.append(float(words[2]))
                if len(times) >= TYPED_BEFORE_KILL:
                    break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert assessment_id is not None and len(times) == TYPED_BEFORE_KILL
    killed_at = times[-1]
    text = _writer_text()
    typed = "".join(text[index % len(text)] for index in range(len(times)))

    from workerimpact.storage import Library

    library = Library.open()
    try:
        answer = library.get(assessment_id).answers.get("all-types", {}).get("notes")
    finally:
        library.close()
    saved = answer.value if answer is not None else ""
    due = sum(1 for moment in times if moment <= killed_at - 1.0 - SLACK_S)
    assert typed.startswith(saved)
    assert len(saved) >= due > 0, f"{len(saved)} of {len(typed)} characters saved"
