"""The library's list gives questionnaire titles in the reader's language: the stored
questionnaire's own Spanish title (from its ``translations``), the stored title otherwise."""

from __future__ import annotations

import json

from helpers import assessment_with, example_data, questionnaire_from

from workerimpact.assessment import Metadata
from workerimpact.catalog import load_catalog
from workerimpact.cli import main
from workerimpact.storage import Library

SPANISH = {
    "Health and safety": "Seguridad y salud",
    "Job quality, pay and job security": "Calidad del empleo, pago y seguridad en el empleo",
    "Worker surveillance and data": "Vigilancia de los trabajadores y sus datos",
}


def _library_with_builtins() -> None:
    catalog = load_catalog()
    questionnaires = [catalog.get(item).questionnaire for item in catalog.builtin_ids]
    with Library.open() as library:
        library.create(questionnaires, Metadata(organization="Acme"))


def test_summaries_give_the_spanish_titles_of_the_stored_questionnaires():
    _library_with_builtins()
    with Library.open(read_only=True) as library:
        english = library.summaries()[0].questionnaires
        spanish = library.summaries(language="es")[0].questionnaires
        again = library.summaries(language="es")[0].questionnaires  # from the cache
    assert set(english) == set(SPANISH)
    assert spanish == tuple(SPANISH[title] for title in english)
    assert again == spanish


def test_a_questionnaire_without_spanish_keeps_its_stored_title():
    data = example_data()
    data.pop("translations", None)
    questionnaire = questionnaire_from(data)
    with Library.open() as library:
        library.import_assessment(assessment_with(questionnaire))
        (row,) = library.summaries(language="es")
    assert row.questionnaires == (questionnaire.title,)


def test_library_list_json_in_spanish_and_english(capsys, monkeypatch):
    _library_with_builtins()
    assert main(["library", "list", "--json", "--language", "es"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert set(row["questionnaires"]) == set(SPANISH.values())
    monkeypatch.setenv("LANG", "C")
    assert main(["library", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert set(row["questionnaires"]) == set(SPANISH)
