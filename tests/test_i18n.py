"""The statement in Spanish: the message catalogue, a Spanish export read back, verify."""

from __future__ import annotations

import ast
import string
import subprocess
from pathlib import Path

import pytest
from helpers import REPOSITORY, assessment_with

from workerimpact.assessment import STAGE_LABELS, Answer
from workerimpact.i18n import language, t
from workerimpact.loader import load_questionnaire
from workerimpact.locales.es import MESSAGES
from workerimpact.report import as_csv, as_docx, export_report, parts, verify_report, wording
from workerimpact.report import method_content as method_text
from workerimpact.report.integrity import FINGERPRINT_LABEL, LEVELS_END, LEVELS_HEADER
from workerimpact.report.signatures import CUT_SHORT
from workerimpact.signing.sign import COUNTERSIGN_REASON, ISSUE_REASON

TRANSLATED = REPOSITORY / "docs" / "examples" / "call-centre-monitoring-translated.json"
COMMENT = "Nobody told us anything before the recording started. <b>Not</b> even HR knew."


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def marked_messages() -> dict[str, str]:
    """Every message the code marks with t("...") or n(count, "...", "..."), and where
    (``_change("...")`` in report/revisions.py marks a change translated when shown)."""
    found: dict[str, str] = {}
    for path in sorted((REPOSITORY / "workerimpact").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "n", "_change")
            ):
                arguments = node.args[1:3] if node.func.id == "n" else node.args[:1]
                for argument in arguments:
                    for message in _literals(argument):
                        found.setdefault(message, path.name)
    return found


def constant_messages() -> list[str]:
    """Fixed text kept in constants and translated where it is printed."""
    return [
        *parts.ROLE_WORDS.values(),
        *parts.STATUS_WORDS.values(),
        parts.NOT_STATED,
        *STAGE_LABELS.values(),
        wording.CONTENTS_TITLE,
        wording.GLOSSARY_TITLE,
        wording.GLOSSARY_INTRO,
        wording.GLOSSARY_RAISED,
        *(meaning for _level, meaning in wording.LEVEL_MEANINGS),
        *method_text.STEPS,
        *method_text.STEPS_FLOOR,
        *method_text.BAND_HEADER,
        *method_text.CONTRIBUTION_HEADER,
        *method_text.SIGNATURE_HEADER,
        method_text.RESPONSE_NOTE,
        FINGERPRINT_LABEL,
        LEVELS_HEADER,
        LEVELS_END,
        *as_csv._KINDS.values(),
        *as_csv.ANSWER_COLUMNS,
        *as_csv.FINDING_COLUMNS,
        as_docx.EDITABLE_NOTICE,
        *("employer", "union", "joint", "consultant", "draft", "in review", "final"),
        ISSUE_REASON,
        CUT_SHORT,
        COUNTERSIGN_REASON,
        "verified",
        "altered",
        "re-saved",
        "not signed",
        "Low",
        "Moderate",
        "High",
        "Severe",
    ]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_marked_message_has_its_spanish_text_with_the_same_placeholders():
    messages = marked_messages()
    assert len(messages) > 100  # the scan finds the statement's text
    missing = [m for m in [*messages, *constant_messages()] if m not in MESSAGES]
    assert not missing, missing
    for english, spanish in MESSAGES.items():
        assert _fields(english) == _fields(spanish), english
        assert spanish.strip(), english
        assert spanish.count("<b>") == english.count("<b>"), english


def test_messages_follow_the_language_in_force():
    assert t("Summary") == "Summary"
    with language("es"):
        assert t("Summary") == "Resumen"
        assert t("Page {page} of ", page=3) == "Página 3 de "
        with language("fr"):  # not offered: English
            assert t("Summary") == "Summary"
    assert t("Summary") == "Summary"


@pytest.fixture(scope="module")
def spanish_statement(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("spanish")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        questionnaire = load_questionnaire(TRANSLATED)
        assessment = assessment_with(
            questionnaire,
            records_calls="yes",
            written_notice="no",
            workers_affected=120,
            used_for=["discipline"],
            human_review="1",
        )
        assessment.answers[questionnaire.id]["written_notice"] = Answer(
            value="no", comment=COMMENT, evidence="Email from the site manager, 3 May"
        )
        path = folder / "declaracion.pdf"
        export_report(assessment, path, language="es")
        verification = verify_report(path)
    assert verification.ok, verification.reasons
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return path, " ".join(text.split())


def test_a_spanish_statement_has_spanish_headings_and_questions(spanish_statement):
    _path, text = spanish_statement
    for heading in ("Resumen", "Hallazgos", "Respuestas", "Método", "Firmas", "Contenido"):
        assert heading in text, heading
    assert "Qué significan los niveles para los trabajadores" in text
    assert "Nivel general: GRAVE" in text
    # The questionnaire's own text, from its Spanish translation.
    assert "¿La herramienta graba o transcribe las llamadas de los trabajadores?" in text
    assert "Se graban las llamadas sin avisar a los trabajadores" in text
    assert (
        "a “¿La herramienta graba o transcribe las llamadas de los trabajadores?” se respondió “Sí”"
        in text
    )
    # No English fixed text left on the pages.
    for english in ("Summary", "Findings", "Recommendation", "Overall level", "Page 1 of"):
        assert english not in text, english


def test_the_assessors_own_words_are_kept_as_written(spanish_statement):
    _path, text = spanish_statement
    assert "Comentario: " + COMMENT in text
    assert "Evidencia: Email from the site manager, 3 May" in text


def test_a_spanish_statement_records_its_language_and_verifies(spanish_statement, tmp_path):
    path, _text = spanish_statement
    data = path.read_bytes()
    assert b"/Lang (es)" in data
    assert verify_report(path).ok
    # Claiming another language no longer matches the signed pages.
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(data.replace(b"/Lang (es)", b"/Lang (en)", 1))
    outcome = verify_report(altered)
    assert not outcome.ok


def test_the_copies_are_in_spanish_too_and_the_html_copy_checks(spanish_statement, tmp_path):
    from docx import Document

    from workerimpact.report.copies import compare_copy, export_copy

    path, _text = spanish_statement
    from workerimpact.report import embedded_assessment

    assessment = embedded_assessment(path)
    html = tmp_path / "copia.html"
    export_copy(assessment, html, "html", language="es")
    page = html.read_text("utf-8")
    assert '<html lang="es">' in page
    assert "Resumen" in page and "Qué significan los niveles para los trabajadores" in page
    assert "¿La herramienta graba o transcribe las llamadas de los trabajadores?" in page
    assert "Nobody told us anything before the recording started." in page
    check = compare_copy(html, path)
    assert check.ok, check.reasons
    docx = tmp_path / "copia.docx"
    export_copy(assessment, docx, "docx", language="es")
    text = "\n".join(paragraph.text for paragraph in Document(str(docx)).paragraphs)
    assert "COPIA EDITABLE" in text and "Hallazgos" in text
    (answers, findings) = export_copy(
        assessment, tmp_path / "datos.csv", "csv", language="es"
    ).paths
    header = answers.read_text("utf-8-sig").splitlines()[0]
    assert header.startswith("Cuestionario,Sección,Número,Pregunta")
    assert "Se graban las llamadas sin avisar a los trabajadores" in findings.read_text("utf-8-sig")


def _cli(*arguments: str, env: dict[str, str] | None = None, capsys=None) -> tuple[int, str, str]:
    from workerimpact.cli import main

    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_speaks_spanish_when_asked(
    spanish_statement, tmp_path, capsys, monkeypatch
):
    from workerimpact.assessment import save_assessment
    from workerimpact.report import embedded_assessment

    path, _text = spanish_statement
    assessment_file = tmp_path / "evaluacion.json"
    save_assessment(embedded_assessment(path), assessment_file)
    monkeypatch.delenv("WORKERIMPACT_LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    code, out, _err = _cli("verify", str(path), "--language", "es", capsys=capsys)
    assert code == 0 and "verificado — huella digital" in out
    code, out, _err = _cli("verify", str(path), capsys=capsys)
    assert code == 0 and "verified — fingerprint" in out  # English by default

    output = tmp_path / "otra.pdf"
    code, out, _err = _cli(
        "export", str(assessment_file), "-o", str(output), "--language", "es", capsys=capsys
    )
    assert code == 0 and "páginas, huella digital" in out
    assert b"/Lang (es)" in output.read_bytes()

    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    code, out, _err = _cli("score", str(assessment_file), capsys=capsys)
    assert code == 0
    assert "General: Grave" in out and "Hallazgos (2):" in out
    assert "¿La herramienta graba o transcribe las llamadas de los trabajadores?" in out
    code, out, _err = _cli("compare", str(assessment_file), str(assessment_file), capsys=capsys)
    assert code == 0 and "Preguntas con respuestas distintas (0):" in out

    monkeypatch.delenv("WORKERIMPACT_LANGUAGE")
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    code, out, _err = _cli("score", str(assessment_file), capsys=capsys)
    assert "General: Grave" in out  # from the locale


def test_an_unknown_language_is_a_usage_error(tmp_path, capsys):
    from workerimpact.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["export", "x.json", "-o", str(tmp_path / "x.pdf"), "--language", "klingon"])
    assert exit_info.value.code == 2
    assert "is not offered; choose one of: en, es" in capsys.readouterr().err


def test_verify_says_why_in_spanish(spanish_statement, tmp_path, capsys):
    path, _text = spanish_statement
    altered = tmp_path / "alterada.pdf"
    altered.write_bytes(path.read_bytes().replace(b"/Lang (es)", b"/Lang (en)", 1))
    code, _out, err = _cli("verify", str(altered), "--language", "es", capsys=capsys)
    assert code == 1
    assert "la firma ya no coincide con el archivo" in err
    assert "no verificado (" in err
