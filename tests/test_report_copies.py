"""The HTML, Word and CSV copies of a statement: same content, safe text, checkable HTML."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from hostile_corpus import CORPUS
from pypdf import PdfReader
from report_samples import warehouse_assessment

from workerimpact.assessment import Answer, canonical_bytes, new_assessment
from workerimpact.cli import main
from workerimpact.errors import InputError
from workerimpact.jsonfile import JsonDocument
from workerimpact.loader import questionnaire_from_document
from workerimpact.report import export_report
from workerimpact.report.as_csv import safe_cell
from workerimpact.report.as_html import embedded_bytes
from workerimpact.report.copies import compare_copy, export_copy
from workerimpact.report.text import plain
from workerimpact.scoring import score_assessment

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB"]


def hostile_assessment():
    """One questionnaire whose text, options and answers hold the hostile corpus."""
    questions = [
        {"id": f"t{index}", "type": "text", "text": f"Free text {index}: {text[:1500]}"}
        for index, (_, text, _) in enumerate(CORPUS)
    ]
    questions.append(
        {
            "id": "choice",
            "type": "single_choice",
            "text": "Pick <b>one</b> & go",
            "role": "risk",
            "dimension": "dim",
            "required": True,
            "options": [
                {"id": "bad_option", "label": "=Bad <img src=x> option", "score": 3},
                {"id": "good_option", "label": "Good", "score": 0},
            ],
        }
    )
    data = {
        "format": "workerimpact-questionnaire/1",
        "id": "hostile",
        "version": "1.0",
        "title": '<a href="javascript:alert(1)">Hostile</a> & title',
        "dimensions": [{"id": "dim", "title": "<script>alert(1)</script> dimension"}],
        "sections": [{"id": "s1", "title": "<h1>Section</h1>", "questions": questions}],
        "rules": [
            {
                "id": "fires",
                "condition": {"op": "in", "question": "choice", "options": ["bad_option"]},
                "severity": "severe",
                "title": "-Rule <b>title</b>",
                "explanation": "<img src='http://evil.example/a.png'/> explanation",
                "recommendation": "@Recommend & fix",
                "source": "<a href='https://evil.example'>Source</a> §1",
                "dimension": "dim",
                "minimum_level": "severe",
            }
        ],
    }
    questionnaire = questionnaire_from_document(JsonDocument("hostile", "", data), data, ())
    assessment = new_assessment(
        [questionnaire],
        organization='Zoë & <b>Łódź</b> <a href="javascript:alert(1)">Union</a>',
        site="Склад \u202eevil\u202c",
        system="Pick\u200bPace",
        assessor="ЅЕVЕRЕ <i>Assessor</i>",
        role="union",
    )
    answers = {
        f"t{index}": Answer(value=text, comment=text, evidence=FORMULAS[index % len(FORMULAS)])
        for index, (_, text, _) in enumerate(CORPUS)
    }
    answers["choice"] = Answer(value="bad_option", comment="=cmd|' /C calc'!A0")
    assessment.answers = {"hostile": answers}
    return assessment


class _Text(HTMLParser):
    """The visible text of a page and the tags used (scripts' content left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.parts.append(data)


def parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("copies")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        warehouse = warehouse_assessment()
    hostile = hostile_assessment()
    out = {"warehouse": warehouse, "hostile": hostile, "folder": folder}
    for name, assessment in (("warehouse", warehouse), ("hostile", hostile)):
        for kind in ("html", "docx", "csv"):
            out[(name, kind)] = export_copy(assessment, folder / f"{name}.{kind}", kind)
        export_report(assessment, folder / f"{name}.pdf")
    return out


def test_html_embeds_the_canonical_assessment(exported) -> None:
    folder = exported["folder"]
    data, stated = embedded_bytes(folder / "warehouse.html")
    assert data == canonical_bytes(exported["warehouse"])
    assert stated == exported[("warehouse", "html")].fingerprint
    check = compare_copy(folder / "warehouse.html", folder / "warehouse.pdf")
    assert check.ok, check.reasons


def test_html_against_another_statement_fails(exported) -> None:
    folder = exported["folder"]
    check = compare_copy(folder / "warehouse.html", folder / "hostile.pdf")
    assert not check.ok
    assert any("not the same assessment" in reason for reason in check.reasons)


def test_html_with_edited_text_or_data_fails(exported, tmp_path: Path) -> None:
    original = (exported["folder"] / "warehouse.html").read_text(encoding="utf-8")
    edited = tmp_path / "edited.html"
    edited.write_text(original.replace("Northfield", "Southfield"), encoding="utf-8")
    assert "visible text was changed" in " ".join(compare_copy(edited).reasons)
    other = hostile_assessment()
    swapped = tmp_path / "swapped.html"
    export_copy(other, swapped, "html")
    mixed = re.sub(
        r'(<script type="application/octet-stream"[^>]*>)[^<]*(</script>)',
        lambda m: (
            m.group(1)
            + re.search(r'data-encoding="base64"[^>]*>([^<]*)<', swapped.read_text()).group(1)
            + m.group(2)
        ),
        original,
    )
    edited.write_text(mixed, encoding="utf-8")
    reasons = " ".join(compare_copy(edited).reasons)
    assert "does not match its embedded assessment" in reasons


def test_html_without_assessment_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    with pytest.raises(InputError, match="no assessment is embedded"):
        embedded_bytes(page)
    with pytest.raises(InputError, match="no such file"):
        embedded_bytes(tmp_path / "missing.html")


def test_html_is_self_contained_and_escaped(exported) -> None:
    page = parse(exported["folder"] / "hostile.html")
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "iframe", "object", "embed", "link", "b", "i", "font"}
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [
        {
            "type": "application/octet-stream",
            "id": "workerimpact-assessment",
            "data-name": "assessment.json",
            "data-encoding": "base64",
            "data-sha256": exported[("hostile", "html")].fingerprint,
        }
    ]
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links and all(link.startswith("#") for link in links)
    text = re.sub(r"\s+", "", "".join(page.parts))
    for _, _, expected in CORPUS:
        assert re.sub(r"\s+", "", expected) in text
    assert "Pick[U+200B]Pace" in text
    assert "Склад[U+202E]evil[U+202C]" in text


def test_html_has_the_pdf_sections_in_order(exported) -> None:
    folder = exported["folder"]
    page = parse(folder / "warehouse.html")
    html = (folder / "warehouse.html").read_text(encoding="utf-8")
    assert [tag for tag, _ in page.tags].count("h1") == 1
    outline = PdfReader(folder / "warehouse.pdf").outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top[:3] == ["Cover", "Contents", "Summary"]
    sections = [
        re.search(rf'id="{anchor}"', html)
        for anchor in (
            "cover",
            "glossary",
            "summary",
            "serious",
            "unanswered",
            "findings",
            "answers",
            "method",
            "method-fingerprint",
            "sign-off",
            "response",
        )
    ]
    assert all(sections)
    starts = [match.start() for match in sections]
    assert starts == sorted(starts)
    # The findings in the same order as the PDF's outline entries for them.
    pdf_findings = [
        re.sub(r"^(F\d+) .*", r"\1", item.title)
        for group in outline
        if isinstance(group, list)
        for item in group
        if not isinstance(item, list) and re.match(r"F\d+ ", item.title)
    ]
    html_findings = re.findall(r'<h3 id="finding-(F\d+)"', html)
    assert pdf_findings and html_findings == pdf_findings


def test_html_states_every_level_in_words(exported) -> None:
    result = score_assessment(exported["warehouse"])
    html = (exported["folder"] / "warehouse.html").read_text(encoding="utf-8")
    chips = re.findall(r'<span class="level level-(\w+)">([^<]+)</span>', html)
    assert chips
    for kind, word in chips:
        assert word == ("NOT YET ASSESSED" if kind == "none" else kind.upper())
    assert f">{result.overall.level.upper()}</span>" in html
    assert "DRAFT — not a final statement" in html


def test_docx_has_headings_tables_and_says_it_is_editable(exported) -> None:
    document = Document(exported["folder"] / "warehouse.docx")
    first = document.paragraphs[0].text
    assert first.startswith("EDITABLE COPY — this is not the signed statement")
    assert exported[("warehouse", "docx")].fingerprint in first
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Contents",
        "What the levels mean for workers",
        "Summary",
        "Findings",
        "Answers",
        "Method: how the levels were reached",
        "Sign-off",
    ]
    assert any(p.style.name == "Title" for p in document.paragraphs)
    assert len(document.tables) >= 5
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Fact", "Value"]
    assert document.core_properties.title.startswith("AI Workplace Impact Statement")


def test_docx_prints_hostile_text_literally(exported) -> None:
    document = Document(exported["folder"] / "hostile.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    flat = re.sub(r"\s+", "", text)
    for _, _, expected in CORPUS:
        assert re.sub(r"\s+", "", expected) in flat


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_one_row_per_question_and_finding_in_words(exported) -> None:
    folder = exported["folder"]
    assessment = exported["warehouse"]
    result = score_assessment(assessment)
    answers = _rows(folder / "warehouse-answers.csv")
    findings = _rows(folder / "warehouse-findings.csv")
    assert len(answers) == sum(len(q.questions()) for q in assessment.questionnaires)
    assert len(findings) == len(result.findings)
    assert [row["Number"] for row in findings] == [f"F{n}" for n in range(1, len(findings) + 1)]
    assert findings[0]["Severity"] == result.findings[0].severity.upper()
    option_ids = {
        option.id
        for q in assessment.questionnaires
        for question in q.questions()
        for option in question.options
    }
    labels = {
        option.label
        for q in assessment.questionnaires
        for question in q.questions()
        for option in question.options
    }
    choice_answers = [row["Answer"] for row in answers if row["Answer"] in labels]
    assert choice_answers
    assert not {row["Answer"] for row in answers} & (option_ids - labels)
    titles = {plain(q.title) for q in assessment.questionnaires}
    assert {row["Questionnaire"] for row in answers} == titles


def test_csv_neutralises_formulas(exported) -> None:
    folder = exported["folder"]
    answers = _rows(folder / "hostile-answers.csv")
    findings = _rows(folder / "hostile-findings.csv")
    cells = [value for row in answers + findings for value in row.values()]
    assert not [value for value in cells if value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    evidence = {row["Evidence"] for row in answers}
    assert {"'" + formula for formula in FORMULAS[:4]} <= evidence
    assert "    TAB" in evidence  # a tab prints as spaces, as in the PDF
    choice = next(row for row in answers if row["Question"] == "Pick <b>one</b> & go")
    assert choice["Answer"] == "'=Bad <img src=x> option"
    assert choice["Comment"] == "'=cmd|' /C calc'!A0"
    assert findings[0]["Title"] == "'-Rule <b>title</b>"
    assert findings[0]["Recommendation"] == "'@Recommend & fix"
    assert safe_cell("plain") == "plain" and safe_cell("\rx") == "'\rx"
    assert safe_cell("  =1+1") == "'  =1+1"


def test_cli_exports_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.json"
    source.write_bytes(canonical_bytes(hostile_assessment()))
    for kind in ("html", "docx", "csv"):
        assert (
            main(["export", str(source), "-o", str(tmp_path / f"s.{kind}"), "--format", kind]) == 0
        )
    assert (tmp_path / "s-answers.csv").exists() and (tmp_path / "s-findings.csv").exists()
    assert main(["export", str(source), "-o", str(tmp_path / "s.csv"), "--format", "csv"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["export", str(source), "-o", str(tmp_path / "s.pdf")]) == 0
    assert main(["verify", str(tmp_path / "s.html"), "--against", str(tmp_path / "s.pdf")]) == 0
    assert "verified against" in capsys.readouterr().out
    assert main(["extract", str(tmp_path / "s.html"), "-o", str(tmp_path / "back.json")]) == 0
    assert (tmp_path / "back.json").read_bytes() == source.read_bytes()
    other = tmp_path / "other.pdf"
    export_report(warehouse_assessment(), other)
    assert main(["verify", str(tmp_path / "s.html"), "--against", str(other)]) == 1
    assert "not the same assessment" in capsys.readouterr().err


def test_zero_width_and_joiners_are_markers() -> None:
    assert plain("SE\u200dVERE") == "SE[U+200D]VERE"
    assert plain("a\u200bb\u2060c") == "a[U+200B]b[U+2060]c"
    assert plain("\u0645\u200c\u0646") == "\u0645\u200c\u0646"  # Persian needs its ZWNJ
    assert plain("\U0001f468\u200d\U0001f469") == "\U0001f468\u200d\U0001f469"


def test_copies_share_the_pdf_wording(exported) -> None:
    from workerimpact.report.wording import CONTENTS_TITLE, GLOSSARY_TITLE, LEVEL_MEANINGS

    folder = exported["folder"]
    html = (folder / "warehouse.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    document = Document(folder / "warehouse.docx")
    words = " ".join(" ".join(p.text for p in document.paragraphs).split())
    words += " " + " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    scale = "4 (on a scale from 1 “Workers decide” to 5 “The system decides”)"
    for copy in (text, words):
        assert CONTENTS_TITLE in copy and GLOSSARY_TITLE in copy
        for _level, meaning in LEVEL_MEANINGS:
            assert " ".join(meaning.split()) in copy
        assert scale in copy
    # The Summary's most serious findings give their sources, as the PDF's do.
    summary = text[text.index("Most serious findings") : text.index("Findings A finding")]
    assert summary.count("Source:") == 3


def test_cli_export_writes_what_the_file_name_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `-o statement.docx` without --format once wrote a PDF under a .docx name.
    source = tmp_path / "a.json"
    source.write_bytes(canonical_bytes(hostile_assessment()))
    assert main(["export", str(source), "-o", str(tmp_path / "s.docx")]) == 0
    assert (tmp_path / "s.docx").read_bytes()[:2] == b"PK"  # a Word file, not %PDF
    assert main(["export", str(source), "-o", str(tmp_path / "s.HTML")]) == 0
    assert b"<html" in (tmp_path / "s.HTML").read_bytes()[:500].lower()
    assert main(["export", str(source), "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t-answers.csv").exists()
    assert main(["export", str(source), "-o", str(tmp_path / "statement")]) == 0
    assert (tmp_path / "statement").read_bytes()[:5] == b"%PDF-"
    capsys.readouterr()
    code = main(["export", str(source), "-o", str(tmp_path / "x.docx"), "--format", "pdf"])
    err = capsys.readouterr().err
    assert code == 2 and "x.docx ends in .docx, but a PDF file was asked for" in err
    assert not (tmp_path / "x.docx").exists()
    code = main(["export", str(source), "-o", str(tmp_path / "y.docx"), "--language", "es"])
    assert code == 0
    code = main(
        [
            "export",
            str(source),
            "-o",
            str(tmp_path / "x.html"),
            "--format",
            "csv",
            "--language",
            "es",
        ]
    )
    assert code == 2 and "termina en .html" in capsys.readouterr().err
