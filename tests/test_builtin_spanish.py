"""The built-in questionnaires carry complete, reviewed Spanish text (issue 14).

Spanish-first readers (warehouse, farm, care and call-centre workers) get every string of
the three built-ins in Spanish. These tests catch what a reviewer would: a missing string,
a string left in English, a number or section cite dropped in translation, an inverted
question mark forgotten, and the view in Spanish drifting from the English one in ids.
Terminology is fixed in docs/translation-es.md.
"""

from __future__ import annotations

import json
import re

import pytest
import textstat
from helpers import REPOSITORY

from workerimpact.loader import load_questionnaire
from workerimpact.questionnaire import localized
from workerimpact.translations import translatables

BUILTINS = sorted((REPOSITORY / "questionnaires").glob("*.json"))

SAME_AS_ENGLISH: dict[str, str] = {
    "No": "the answer 'No' is the same word in Spanish",
    "2": "a bare point on a 1-5 scale: a number, not a word",
    "4": "a bare point on a 1-5 scale: a number, not a word",
}
"""Strings allowed to read the same in Spanish as in English, each with its reason."""

ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|with|workers?|not|is|are|does|yes|don't|none|only|each)\b", re.IGNORECASE
)
"""Common English words that never belong in the Spanish text (catches untranslated bits)."""

SPANISH_EASE_FLOOR = 40.0
SPANISH_EASE_MEDIAN = 65.0
"""Szigriszt-Pazos ease (INFLESZ scale: < 40 very hard, 40-55 somewhat hard, 55-65 normal,
65-80 fairly easy). English aims at grade 9-10; no sentence of 12 words or more may fall into
"very hard", and the typical one must be "fairly easy" (Spanish words run longer, so short
labels are not scored)."""

LEVEL_NAMES = {"Low": "Bajo", "Moderate": "Moderado", "High": "Alto", "Severe": "Grave"}


def spanish_pairs(path) -> list[tuple[str, str, str]]:
    """(key, English, Spanish) for every string of a built-in that needs a translation."""
    data = json.loads(path.read_text("utf-8"))
    spanish = data["translations"]["es"]
    return [
        (item.key.lstrip("."), item.text, spanish.get(item.key.lstrip(".")))
        for item in translatables(data)
        if item.required
    ]


def test_there_are_three_builtins():
    assert [path.stem for path in BUILTINS] == [
        "health-safety",
        "job-quality",
        "worker-surveillance",
    ]


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_every_string_has_spanish_text(path):
    pairs = spanish_pairs(path)
    assert len(pairs) > 400
    missing = [key for key, _, spanish in pairs if not (spanish and spanish.strip())]
    assert missing == []
    data = json.loads(path.read_text("utf-8"))
    required = {key for key, _, _ in pairs}
    assert set(data["translations"]["es"]) == required


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_no_spanish_string_is_left_in_english(path):
    same = [
        (key, english)
        for key, english, spanish in spanish_pairs(path)
        if spanish == english and english not in SAME_AS_ENGLISH
    ]
    assert same == []
    fragments = [
        (key, match.group(0))
        for key, _, spanish in spanish_pairs(path)
        for match in [ENGLISH_WORDS.search(spanish)]
        if match
    ]
    assert fragments == []


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_numbers_cites_and_punctuation_survive_translation(path):
    for key, english, spanish in spanish_pairs(path):
        # Every number of the English (days, §, CFR sections, dates) is in the Spanish.
        assert sorted(re.findall(r"\d+", spanish)) == sorted(re.findall(r"\d+", english)), key
        assert spanish.count("¿") == spanish.count("?"), key
        if english.endswith("?"):
            assert "¿" in spanish and spanish.endswith("?"), key
        if english.endswith("."):
            assert spanish.endswith("."), key


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_level_names_in_the_text_use_the_spanish_level_names(path):
    for key, english, spanish in spanish_pairs(path):
        for name, spanish_name in LEVEL_NAMES.items():
            # Capitalized level names inside a sentence ("It is High, not Severe").
            if re.search(rf"(?<=[a-z,] ){name}\b", english):
                assert re.search(rf"\b{spanish_name}\b", spanish), (key, name)


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_the_spanish_view_has_the_same_questions_options_and_rules(path):
    questionnaire = load_questionnaire(path)
    assert questionnaire.languages == ["en", "es"]
    spanish = localized(questionnaire, "es")
    english_questions = questionnaire.questions()
    spanish_questions = spanish.questions()
    assert [q.id for q in spanish_questions] == [q.id for q in english_questions]
    for english_question, spanish_question in zip(
        english_questions, spanish_questions, strict=True
    ):
        assert spanish_question.text != english_question.text
        assert [o.id for o in spanish_question.options] == [o.id for o in english_question.options]
    assert [r.id for r in spanish.rules] == [r.id for r in questionnaire.rules]
    assert all(s.title != e.title for s, e in zip(spanish.rules, questionnaire.rules, strict=True))


def test_shared_answers_read_the_same_in_all_three_builtins():
    """One English answer, one Spanish answer: "Don't know" is always "No sé"."""
    seen: dict[str, set[str]] = {}
    for path in BUILTINS:
        for key, english, spanish in spanish_pairs(path):
            if key.startswith("option.") and key.endswith(".label"):
                seen.setdefault(english, set()).add(spanish)
    assert seen["Don't know"] == {"No sé"}
    assert seen["Yes"] == {"Sí"}
    assert seen["None of these"] == {"Ninguna de estas opciones"}
    # Only "None" differs, on purpose: Spanish agrees with the noun ("control" vs "voz").
    varying = {english for english, spanish in seen.items() if len(spanish) > 1}
    assert varying == {"None"}


@pytest.mark.parametrize("path", BUILTINS, ids=lambda path: path.stem)
def test_the_spanish_keys_are_in_sorted_order(path):
    """The library keeps a questionnaire as canonical JSON (sorted keys) and gives the
    translations back in that order; a sorted block makes an exported assessment
    byte-identical to the one imported (tests/test_cli_stage.py)."""
    keys = list(json.loads(path.read_text("utf-8"))["translations"]["es"])
    assert keys == sorted(keys)


def test_the_spanish_reads_easily():
    textstat.set_lang("es")
    try:
        scores = {
            (path.stem, key): (textstat.szigriszt_pazos(spanish), spanish)
            for path in BUILTINS
            for key, _, spanish in spanish_pairs(path)
            if len(spanish.split()) >= 12
        }
    finally:
        textstat.set_lang("en_US")
    assert len(scores) > 500
    too_hard = [
        (key, score, text) for key, (score, text) in scores.items() if score < SPANISH_EASE_FLOOR
    ]
    assert too_hard == []
    ordered = sorted(score for score, _ in scores.values())
    assert ordered[len(ordered) // 2] >= SPANISH_EASE_MEDIAN
