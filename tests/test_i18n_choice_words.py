"""Every choice word of the consultation (positions, verdicts, opinions, statuses,
decisions, severities) reads the same in Spanish in the window and in the core (PDF, CLI)."""

from __future__ import annotations

import re
from pathlib import Path

from workerimpact.consultation.models import LABELS
from workerimpact.i18n import language, t

WINDOW = Path(__file__).resolve().parent.parent / "ui" / "i18n" / "workerimpact_es.ts"
SEVERITIES = ("low", "moderate", "high", "severe")
MORE = ("not given yet",)


def _window_words() -> list[tuple[str, str]]:
    text = WINDOW.read_text(encoding="utf-8")
    found = re.findall(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>", text)
    return [(source, translation) for source, translation in found]


def test_each_choice_word_reads_the_same_in_the_window_and_the_core():
    words = {*LABELS.values(), *SEVERITIES, *MORE}
    checked = set()
    mismatched = []
    with language("es"):
        core = {word: t(word) for word in words}
    for source, translation in _window_words():
        word = source.lower()
        if word in words:
            checked.add(word)
            if translation.lower() != core[word].lower():
                mismatched.append((source, translation, core[word]))
    assert not mismatched
    assert {"partly agree", "refused", "planned", "done", "dropped", "low"} <= checked
