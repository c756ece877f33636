"""Questionnaire translations: the key scheme, its checks in validate, the one-language view."""

from __future__ import annotations

import copy
import json

import pytest
from helpers import REPOSITORY, questionnaire_from

from workerimpact.assessment import questionnaire_hash
from workerimpact.errors import InputError
from workerimpact.loader import load_questionnaire
from workerimpact.questionnaire import localized

TRANSLATED = REPOSITORY / "docs" / "examples" / "call-centre-monitoring-translated.json"


def translated_data() -> dict:
    return json.loads(TRANSLATED.read_text("utf-8"))


def problems_of(data) -> list[str]:
    with pytest.raises(InputError) as excinfo:
        questionnaire_from(data)
    return [str(problem) for problem in excinfo.value.problems]


def test_the_example_with_three_languages_loads_and_reads_in_each():
    questionnaire = load_questionnaire(TRANSLATED)
    assert questionnaire.languages == ["en", "es", "fr"]
    spanish = localized(questionnaire, "es")
    french = localized(questionnaire, "fr")
    question = spanish.question("records_calls")
    assert question.text.startswith("¿La herramienta graba")
    assert [option.label for option in question.options] == ["Sí", "No"]
    assert french.question("records_calls").text.startswith("L'outil enregistre")
    assert spanish.rules[0].title == "Se graban las llamadas sin avisar a los trabajadores"
    assert spanish.language == "es" and spanish.translations is None
    # Citations not translated keep their own wording; ids and scores are unchanged.
    assert spanish.question("records_calls").source == "NLRB GC 23-02 (2022)"
    assert [q.id for q in spanish.questions()] == [q.id for q in questionnaire.questions()]
    assert spanish.scoring == questionnaire.scoring.model_copy(
        update={"adjustments": spanish.scoring.adjustments}
    )
    # The view has the content hash of the file as written, translations included.
    assert questionnaire_hash(spanish) == questionnaire_hash(questionnaire)
    assert localized(spanish, "en") is questionnaire
    assert localized(questionnaire, "es-US").language == "es"
    assert localized(questionnaire, "de") is questionnaire


def test_translations_are_part_of_the_content_hash():
    data = translated_data()
    before = questionnaire_hash(questionnaire_from(data))
    data["translations"]["es"]["option.records_calls.no.label"] = "No, nunca"
    assert questionnaire_hash(questionnaire_from(data)) != before


def test_a_file_without_translations_keeps_its_bytes_and_hash():
    data = translated_data()
    del data["translations"]
    assert "translations" not in questionnaire_from(data).to_json_data()


def test_a_string_missing_in_a_declared_language_is_reported():
    data = translated_data()
    del data["translations"]["es"]["question.written_notice.help"]
    (problem,) = problems_of(data)
    assert 'question "written_notice" has no Spanish text for its help' in problem
    assert '"question.written_notice.help"' in problem
    assert "translations.es" in problem and "line " in problem


def test_an_unknown_key_is_reported_with_a_suggestion():
    data = translated_data()
    texts = data["translations"]["fr"]
    texts["question.record_calls.text"] = texts.pop("question.records_calls.text")
    problems = problems_of(data)
    assert any(
        '"question.record_calls.text" names no text of this questionnaire; '
        'did you mean "question.records_calls.text"?' in problem
        for problem in problems
    ), problems
    assert any("has no French text for its text" in problem for problem in problems)


def test_a_bad_language_tag_is_reported():
    data = translated_data()
    data["translations"]["es_MX"] = data["translations"].pop("es")
    problems = problems_of(data)
    assert any(
        '"es_MX" is not a language tag; did you mean "es-MX"?' in problem for problem in problems
    ), problems


def test_translations_into_the_own_language_and_empty_texts_are_reported():
    data = translated_data()
    data["translations"]["en"] = {"title": "Again"}
    data["translations"]["es"]["title"] = ""
    problems = problems_of(data)
    assert any("English, the questionnaire's own language" in p for p in problems), problems
    assert any("translations.es.title" in p and "must not be empty" in p for p in problems)


def test_a_translation_longer_than_its_field_is_reported():
    data = translated_data()
    data["translations"]["es"]["option.records_calls.yes.label"] = "Sí" * 300
    (problem,) = problems_of(data)
    assert 'the Spanish label of option "yes" of question "records_calls"' in problem
    assert "at most 500" in problem


def test_a_language_with_no_strings_is_summarized_not_listed_in_full():
    data = translated_data()
    data["translations"]["pt"] = {}
    problems = problems_of(data)
    assert len(problems) == 26
    assert "more strings have no Portuguese text" in problems[-1] or any(
        "more strings have no Portuguese text" in p for p in problems
    )


def test_broken_structure_elsewhere_still_checks_translations():
    data = copy.deepcopy(translated_data())
    data["sections"][0]["questions"][0]["type"] = "yes-no"
    del data["translations"]["es"]["title"]
    problems = problems_of(data)
    assert any("the questionnaire has no Spanish text for its title" in p for p in problems)


def test_translations_come_back_in_sorted_order_whatever_the_files_order():
    data = translated_data()
    data["translations"] = {
        tag: dict(reversed(list(texts.items())))
        for tag, texts in reversed(list(data["translations"].items()))
    }
    written = questionnaire_from(data).to_json_data()["translations"]
    assert list(written) == ["es", "fr"]
    assert list(written["es"]) == sorted(written["es"])
