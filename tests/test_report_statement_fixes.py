"""Statement details fixed with signing (issue 9): dates, fonts, the attachment, long comments."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_samples import warehouse_assessment

from workerimpact.report import embedded_assessment, export_report
from workerimpact.report.text import collapse_blank_lines, literal


def _with_comment(comment: str):
    assessment = warehouse_assessment()
    questionnaire = assessment.questionnaires[0]
    first = questionnaire.questions()[0]
    assessment.answers[questionnaire.id][first.id].comment = comment
    return assessment


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fixes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        path = folder / "statement.pdf"
        export_report(warehouse_assessment(), path)
    return path


def test_dates_are_real(plain: Path) -> None:
    info = PdfReader(plain).metadata
    today = datetime.datetime.now(datetime.UTC).year
    assert str(info["/CreationDate"]).startswith(f"D:{today}")
    assert str(info["/ModDate"]).startswith(f"D:{today}")


def test_no_helvetica(plain: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(plain)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts


def test_attachment_is_compressed_with_its_mime_type_once(plain: Path) -> None:
    data = plain.read_bytes()
    assert b"/Subtype /application#2Fjson" in data
    assert b"#232F" not in data
    [spec] = PdfReader(plain).attachment_list
    stream = spec.pdf_object["/EF"]["/F"].get_object()
    assert stream["/Filter"] == "/FlateDecode"
    assert stream["/Params"]["/Size"] == len(stream.get_data())


def _pages_without_comment(tmp_path: Path) -> int:
    return export_report(_with_comment("short"), tmp_path / "short.pdf").pages


def test_a_megabyte_comment_stays_small(tmp_path: Path) -> None:
    comment = "The target rises every week. " * 36_000  # about 1 MB
    path = tmp_path / "big.pdf"
    info = export_report(_with_comment(comment), path)
    assert path.stat().st_size < 1_000_000
    assert info.pages <= _pages_without_comment(tmp_path) + 3  # capped at 6,000 characters
    assert embedded_assessment(path).answers  # the full text is in the attachment


def test_twenty_thousand_newlines_collapse(tmp_path: Path) -> None:
    path = tmp_path / "newlines.pdf"
    info = export_report(_with_comment("First line" + "\n" * 20_000 + "last line"), path)
    assert info.pages <= _pages_without_comment(tmp_path) + 1  # one blank line, not 20,000
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "First line" in text and "last line" in text


def test_long_comments_are_capped_with_a_note() -> None:
    assert collapse_blank_lines("a\n\n\n\n\nb\n\n") == "a\n\nb"
    many_lines = "\n".join(f"line {n}" for n in range(500))
    markup = literal(many_lines, where="comment")
    assert markup.count("<br/>") == 79
    assert "not printed; the full text is in the assessment file attached" in markup
