"""Emoji made of several characters print as one picture or as one named marker, never as
a row of unrelated pieces (report/emoji.py)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from report_samples import warehouse_assessment

from workerimpact.report import export_report
from workerimpact.report.emoji import drawn_as_one, marker
from workerimpact.report.fonts import font_markup, unprintable
from workerimpact.report.scripts import unprintable_fields

MECHANIC = "\U0001f469\u200d\U0001f527"  # woman + ZWJ + wrench: one emoji, "woman mechanic"
FLAG = "\U0001f1fa\U0001f1f8"  # regional indicators U and S: the US flag
THUMB_TONE = "\U0001f44d\U0001f3fd"  # thumbs up, medium skin tone
THUMB = "\U0001f44d"


def test_sequences_the_fonts_cannot_form_become_one_marker() -> None:
    markup = font_markup(f"Team {MECHANIC} at {FLAG} site {THUMB_TONE} ok")
    assert "[U+1F469 U+200D U+1F527]" in markup
    assert "[U+1F1FA U+1F1F8]" in markup
    assert "[U+1F44D U+1F3FD]" in markup
    assert "\U0001f527" not in markup  # no lone wrench beside a lone woman
    assert unprintable(f"{MECHANIC} {FLAG}") == ["U+1F469 U+200D U+1F527", "U+1F1FA U+1F1F8"]
    assert marker(FLAG) == "[U+1F1FA U+1F1F8]"
    assert not drawn_as_one(FLAG, None)


def test_statement_prints_single_emoji_and_names_the_field_of_a_sequence(tmp_path) -> None:
    from workerimpact.report.fonts import font_for

    if font_for(THUMB) is None:
        pytest.skip("no emoji font on this machine (scripts/bootstrap.sh installs fonts-symbola)")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run scripts/bootstrap.sh test")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(tmp_path / "home"))
        assessment = warehouse_assessment()
    answer = next(iter(assessment.answers[assessment.questionnaires[0].id].values()))
    answer.comment = f"Shift leads reply {THUMB} or {THUMB_TONE}; the {MECHANIC} was told."
    path = tmp_path / "emoji.pdf"
    export_report(assessment, path)
    copied = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = unicodedata.normalize("NFC", " ".join(copied.split()))
    assert f"Shift leads reply {THUMB} or [U+1F44D U+1F3FD]; the [U+1F469 U+200D U+1F527]" in flat
    # The single emoji is drawn (in black and white) and copies out as itself: a character
    # beyond U+FFFF once copied out as another (U+1F44D as U+1F44, a Greek letter).
    assert "\u1f44" not in flat
    sentences = unprintable_fields(assessment)
    assert any(
        sentence.startswith("The comment on")
        and "U+1F44D U+1F3FD" in sentence
        and "U+1F469 U+200D U+1F527" in sentence
        for sentence in sentences
    ), sentences
    assert "can print (U+1F44D U+1F3FD, U+1F469 U+200D U+1F527)" in flat  # on the cover
