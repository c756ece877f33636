"""The command line's other messages in Spanish: questionnaire problems, library, summaries.

English output stays exactly as before (``test_mistakes_corpus.py`` pins it); here the same
mistakes are read back in Spanish with WORKERIMPACT_LANGUAGE=es.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from helpers import EXAMPLE
from mistakes_corpus import EDITS

from workerimpact import checks, jsonsyntax, translations, validation
from workerimpact.cli import main
from workerimpact.locales.es import MESSAGES

_EDITS = {name: (old, new) for name, old, new in EDITS}
TRANSLATED = EXAMPLE.parent / "call-centre-monitoring-translated.json"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def built_messages() -> list[str]:
    """Messages the code builds from a constant before translating (not plain literals)."""
    kinds = ("dimension", "section", "question", "rule", "adjustment")
    return [
        *validation._TYPE_WORDS.values(),
        *(f"{kind} {{id}}" for kind in validation._KIND_OF_LIST.values()),
        *(name for name in jsonsyntax._CHAR_NAMES.values() if len(name) > 1),
        *translations.LANGUAGE_NAMES.values(),
        "level rule {id}",
        *(
            f"the {kind} id {{id}} is already used (first at {{first}}); {kind} ids must be unique"
            for kind in kinds
        ),
        *(
            f"must have {bound} {{limit}} {what}"
            for bound in ("at least", "at most")
            for what in ("items", "characters")
        ),
        *(
            f"{phrase}{file}"
            for phrase in ("a questionnaire", "an assessment", "a mapping")
            for file in ("", " file")
        ),
        *(
            f"must be {words} {{limit}}; found {{value}}"
            for words in ("at least", "more than", "at most", "less than")
        ),
    ]


def test_every_built_message_has_its_spanish_text_with_the_same_placeholders():
    assert checks  # the unique-id kinds above are those checks.py groups
    missing = [message for message in built_messages() if message not in MESSAGES]
    assert not missing, missing
    for message in built_messages():
        assert _fields(message) == _fields(MESSAGES[message]), message


def _mistake(tmp_path: Path, *names: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in names:
        old, new = _EDITS[name]
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "q.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "spanish", "english"),
    [
        (
            "trailing comma in a list",
            "hay una coma después del último elemento; quite esta coma",
            "a comma after the last item (a trailing comma); remove this comma",
        ),
        (
            "required as text",
            'se esperaba true o false, pero hay texto ("yes") (en la pregunta "used_for")',
            'expected true or false, got text ("yes") (in question "used_for")',
        ),
        (
            "rule names a misspelt question",
            'pregunta desconocida "record_calls"; ¿quiso decir "records_calls"?',
            'unknown question "record_calls"; did you mean "records_calls"?',
        ),
        (
            "rule names an unknown option",
            'la pregunta "used_for" no tiene la opción "firing"; sus opciones: "coaching", '
            '"pay", "discipline", "none"',
            'question "used_for" has no option "firing"; its options: "coaching", "pay", '
            '"discipline", "none"',
        ),
        (
            "missing title",
            'falta el campo obligatorio "title"',
            'missing required field "title"',
        ),
    ],
)
def test_validate_gives_a_mistake_in_spanish_and_english_unchanged(
    tmp_path, capsys, monkeypatch, name, spanish, english
):
    path = _mistake(tmp_path, name)
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: línea " in err and spanish in err, err
    assert english not in err and ", column " not in err
    assert "1 problema en 1 archivo" in err
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "en")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert english in err and spanish not in err and f"{path}: line " in err
    assert err.rstrip().endswith("1 problem in 1 file")


def test_language_option_and_locale_choose_the_messages(tmp_path, capsys, monkeypatch):
    path = _mistake(tmp_path, "missing title")
    monkeypatch.delenv("WORKERIMPACT_LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert main(["validate", str(path)]) == 1
    assert 'falta el campo obligatorio "title"' in capsys.readouterr().err
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["validate", str(path)]) == 1
    assert 'missing required field "title"' in capsys.readouterr().err


def test_valid_file_and_error_handler_in_spanish(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert main(["validate", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert ": válido — " in out and " preguntas, " in out and "modelo de puntuación" in out
    assert main(["score", str(tmp_path / "missing.json")]) == 1
    assert "no existe ese archivo" in capsys.readouterr().err
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "empty.json").write_bytes(b"")
    assert main(["validate", str(tmp_path / "folder.json"), str(tmp_path / "empty.json")]) == 1
    err = capsys.readouterr().err
    assert "esto es una carpeta, no un archivo de cuestionario" in err
    assert "el archivo está vacío; un archivo de cuestionario contiene un objeto JSON" in err
    assert "2 problemas en 2 archivos" in err


def test_library_list_in_spanish_and_in_english(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert main(["library", "list"]) == 0
    assert capsys.readouterr().out.strip() == "No hay evaluaciones en la biblioteca."
    from workerimpact.assessment import new_assessment, save_assessment
    from workerimpact.loader import load_questionnaire

    assessment = new_assessment(
        [load_questionnaire(EXAMPLE)], organization="Almacén Sur", system="Rastreador"
    )
    saved = tmp_path / "assessment.json"
    save_assessment(assessment, saved)
    assert main(["library", "import", str(saved)]) == 0
    capsys.readouterr()
    assert main(["library", "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert header.split() == [
        *("ORGANIZACIÓN", "SISTEMA", "DE", "IA", "EVALUADA", "POR", "ESTADO"),
        *("NIVEL", "HECHO", "CAMBIO", "(UTC)", "ID"),
    ]
    assert "Almacén Sur" in row and "borrador" in row
    # The columns stay aligned although the Spanish words are longer.
    assert header.index("ESTADO") == row.index("borrador")
    assert header.index("CAMBIO") == re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", row).start()
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "en")
    assert main(["library", "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert header.startswith("ORGANIZATION            AI SYSTEM               ASSESSED BY")
    assert "UPDATED (UTC)" in header and "draft" in row
    assert header.index("UPDATED") == re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", row).start()


def test_identity_and_trust_messages_in_spanish(capsys, monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert main(["identity", "show"]) == 0
    assert capsys.readouterr().out.startswith("aún no tiene una identidad de firma")
    assert main(["trust", "list"]) == 0
    assert "aún no confía en ningún certificado" in capsys.readouterr().out
    assert main(["trust", "remove", "ab" * 16]) == 1
    assert "ningún certificado de confianza tiene la huella" in capsys.readouterr().err
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "en")
    assert main(["trust", "list"]) == 0
    assert "you trust no certificates yet" in capsys.readouterr().out


def test_a_missing_translation_is_reported_in_spanish(tmp_path, capsys, monkeypatch):
    import json

    data = json.loads(TRANSLATED.read_text(encoding="utf-8"))
    del data["translations"]["es"]["dimension.notice.title"]
    path = tmp_path / "q.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert (
        'la dimensión "notice" no tiene texto en español para su title '
        '(agregue "dimension.notice.title")'
    ) in err, err
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "en")
    assert main(["validate", str(path)]) == 1
    assert (
        'dimension "notice" has no Spanish text for its title (add "dimension.notice.title")'
        in capsys.readouterr().err
    )
