"""Hostile and unusual text is printed literally: never markup, never a crash, never a link."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile_corpus import CORPUS, PWNED_MARKER
from pypdf import PdfReader

from workerimpact.assessment import Answer, new_assessment
from workerimpact.jsonfile import JsonDocument
from workerimpact.loader import questionnaire_from_document
from workerimpact.report import export_report, verify_report

_PAGE_FURNITURE = re.compile(
    r"^(DRAFT.*|AI Workplace Impact Statement ·.*|Fingerprint [0-9a-f]{12} ·.*|Page \d+ of.*|\d+)$"
)
MEGABYTE_COMMENT = "Pickers report the target rises every week. " * 23_000


def _flatten(pages: list[str]) -> str:
    """All page text without headers and footers, and without any whitespace."""
    kept = [
        line
        for text in pages
        for line in text.splitlines()
        if not _PAGE_FURNITURE.match(line.strip())
    ]
    return re.sub(r"\s+", "", "".join(kept))


def _hostile_questionnaire():
    questions = [
        {"id": f"t{index}", "type": "text", "text": f"Free text {index}: {text[:1500]}"}
        for index, (_, text, _) in enumerate(CORPUS)
    ]
    questions.append(
        {
            "id": "choice",
            "type": "single_choice",
            "text": 'Pick <b>one</b> & <a href="javascript:x">go</a>',
            "role": "risk",
            "dimension": "dim",
            "required": True,
            "options": [
                {"id": "bad", "label": '<font color="red">Bad</font> & <img src="x"/>', "score": 3},
                {"id": "good", "label": "Good", "score": 0},
            ],
        }
    )
    questions.append(
        {"id": "unanswered", "type": "text", "text": "<i>Left</i> empty", "required": True}
    )
    data = {
        "format": "workerimpact-questionnaire/1",
        "id": "hostile",
        "version": "1.0<b>",
        "title": '<font size="60">Hostile</font> & <a href="javascript:alert(1)">title</a>',
        "dimensions": [{"id": "dim", "title": "<onDraw name='x'/> dimension"}],
        "sections": [{"id": "s1", "title": "<para>Section</para> & more", "questions": questions}],
        "rules": [
            {
                "id": "fires",
                "condition": {"op": "in", "question": "choice", "options": ["bad"]},
                "severity": "severe",
                "title": '<a href="javascript:alert(2)">Rule title</a> & <b>bold</b>',
                "explanation": "<img src='http://evil.example/a.png'/> explanation",
                "recommendation": "<font color=red>Recommend</font> & fix",
                "source": "<a href='https://evil.example'>Source</a> §1",
                "dimension": "dim",
                "minimum_level": "severe",
            }
        ],
    }
    return questionnaire_from_document(JsonDocument("hostile", "", data), data, ())


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    assessment = new_assessment(
        [_hostile_questionnaire()],
        organization='Zoë Ñúñez & <b>Łódź</b> <a href="javascript:alert(1)">Union</a>',
        site="Склад №4 \u202eevil\u202c",
        system="<font size=80>PickPace</font>",
        vendor="<img src='file:///etc/passwd'/>",
        purpose="Ranks pickers & flags < 85% of target.\x07",
        assessor="Ærøskøbing <i>Assessor</i>",
        role="union",
        status="final",
    )
    answers = {
        f"t{index}": Answer(value=text, comment=text, evidence=f"evidence: {text}")
        for index, (_, text, _) in enumerate(CORPUS)
    }
    answers["choice"] = Answer(value="bad", comment=MEGABYTE_COMMENT)
    assessment.answers = {"hostile": answers}
    path = folder / "hostile.pdf"
    export_report(assessment, path)
    return path


@pytest.fixture(scope="module")
def pypdf_text(hostile_report: Path) -> str:
    return _flatten([page.extract_text() for page in PdfReader(hostile_report).pages])


@pytest.mark.parametrize(("name", "text", "expected"), CORPUS, ids=[item[0] for item in CORPUS])
def test_corpus_entry_is_printed_literally(
    pypdf_text: str, name: str, text: str, expected: str
) -> None:
    needle = re.sub(r"\s+", "", expected)
    # As an answer, a comment and an evidence note: at least three times.
    assert pypdf_text.count(needle) >= 3, name


def test_markup_in_questionnaire_and_metadata_is_literal(pypdf_text: str) -> None:
    for literal in (
        '<fontsize="60">Hostile</font>&<ahref="javascript:alert(1)">title</a>',
        "<onDrawname='x'/>dimension",
        '<ahref="javascript:alert(2)">Ruletitle</a>&<b>bold</b>',
        "<imgsrc='http://evil.example/a.png'/>explanation",
        "<fontcolor=red>Recommend</font>&fix",
        "<ahref='https://evil.example'>Source</a>§1",
        'ZoëÑúñez&<b>Łódź</b><ahref="javascript:alert(1)">Union</a>',
        "<fontsize=80>PickPace</font>",
        "Склад№4[U+202E]evil[U+202C]",
        "Ranks pickers & flags < 85% of target.[U+0007]".replace(" ", ""),
        '<fontcolor="red">Bad</font>&<imgsrc="x"/>',
    ):
        assert literal in pypdf_text, literal


def test_megabyte_comment_is_cut_with_a_note(pypdf_text: str, hostile_report: Path) -> None:
    assert "Pickersreportthetargetriseseveryweek." in pypdf_text
    assert "morecharactersofthiscommentarenotprinted" in pypdf_text
    assert hostile_report.stat().st_size < 5_000_000


def test_no_links_images_or_execution(hostile_report: Path) -> None:
    reader = PdfReader(hostile_report)
    for page in reader.pages:
        # The only annotation is the issuer's signature field (an invisible widget).
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            assert annotation["/Subtype"] == "/Widget" and annotation["/FT"] == "/Sig"
            assert "/A" not in annotation and "/AA" not in annotation
        resources = page["/Resources"].get_object()
        xobjects = resources.get("/XObject")
        for item in xobjects.get_object().values() if xobjects else []:
            assert item.get_object().get("/Subtype") != "/Image"
    raw = hostile_report.read_bytes()
    assert b"/JavaScript" not in raw and b"/URI" not in raw and b"/Launch" not in raw
    assert not list(Path("/tmp").glob(PWNED_MARKER))
    assert not Path(PWNED_MARKER).exists()


def test_hostile_report_verifies(hostile_report: Path) -> None:
    outcome = verify_report(hostile_report)
    assert outcome.ok, outcome.reasons


def test_required_unanswered_is_flagged(pypdf_text: str) -> None:
    assert "<i>Left</i>empty" in pypdf_text
    assert "NOTANSWERED—thisquestionisrequired" in pypdf_text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdftotext_reads_the_same(hostile_report: Path) -> None:
    output = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(hostile_report), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    text = _flatten(output.split("\f"))
    for _, _, expected in CORPUS:
        assert re.sub(r"\s+", "", expected) in text, expected[:60]
    assert "ZoëÑúñez&<b>Łódź</b>" in text
