"""The steward's reading of the PDF statement, checked on the pages themselves.

Each test reads an exported statement back as a reader would — text copied out with
pdftotext, page by page, and pages rendered in greyscale with pdftoppm — and checks one
point a union steward raised: sources in a one-page Summary, a watermark that stays out
of copied text, questions never parted from their answers, scale labels, plain-word
levels, word-boundary cuts, a printed contents and glossary, and findings pages that do
not end half empty.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from report_samples import warehouse_assessment

from workerimpact.report import export_report, verify_report
from workerimpact.report.chart import _NOTE_SIZE, _VALUE_WIDTH, _ZONES, _value_text
from workerimpact.report.integrity import LEVELS_END, LEVELS_HEADER
from workerimpact.report.layout import BOLD, FONT, LEVEL_COLORS, register_fonts
from workerimpact.report.wording import GLOSSARY_TITLE, LEVEL_MEANINGS
from workerimpact.scoring import answer_text, score_assessment
from workerimpact.scoring_plan import clip as _clip

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)

PAGE_HEIGHT = 792.0
MARGIN = 54.0


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("steward")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        assessment = warehouse_assessment("draft")
    path = folder / "statement.pdf"
    export_report(assessment, path)
    return assessment, path


@pytest.fixture(scope="module")
def pages(statement) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(statement[1]), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def _starts_with(page: str, heading: str) -> bool:
    """Whether ``heading`` is the first line of the page after the status band."""
    lines = [line for line in page.splitlines() if line.strip() and "not a final" not in line]
    return bool(lines) and lines[0].strip() == heading


def _page_of(pages: list[str], heading: str) -> int:
    """The 1-based number of the page that starts with ``heading``."""
    found = [number for number, page in enumerate(pages, 1) if _starts_with(page, heading)]
    assert len(found) == 1, f"{heading!r} starts {len(found)} pages"
    return found[0]


def test_watermark_letters_are_not_in_the_text(statement, pages) -> None:
    # The band says DRAFT once per page; the big watermark adds no letters at all.
    assert all(page.count("DRAFT") == 1 for page in pages)
    assert all("DRAFT — not a final statement" in page for page in pages)
    for page in pages:
        for line in page.splitlines():
            assert not re.fullmatch(r"\s*[DRAFT]{1,3}\s*", line), f"watermark text: {line!r}"
    # ...but it is still drawn: the middle of an otherwise white page is tinted.
    last = len(pages)
    gray = subprocess.run(
        ["pdftoppm", "-gray", "-r", "20", "-f", str(last), "-l", str(last), str(statement[1])],
        capture_output=True,
        check=True,
    ).stdout
    width, height = (int(value) for value in gray.split(b"\n")[1].split())
    pixels = gray[-width * height :]
    tinted = sum(1 for value in pixels if 200 < value < 250)
    assert tinted > width * height // 50


def test_summary_fits_one_page_and_gives_sources(pages) -> None:
    summary = _page_of(pages, "Summary")
    assert _page_of(pages, "Findings") == summary + 1
    page = pages[summary - 1]
    assert page.count("Source:") == 3
    assert "Required questions not answered" in page
    sources = re.findall(r"Source: *(\S[^\n]*)", page)
    assert len(sources) == 3 and all(len(source) > 10 for source in sources)


def _contents(pages: list[str]) -> str:
    """The text of the contents, which runs over more than one page when findings are many."""
    return "\n".join(pages[_page_of(pages, "Contents") - 1 : _page_of(pages, "Summary") - 1])


def test_printed_contents_give_the_right_pages(statement, pages) -> None:
    first, summary = _page_of(pages, "Contents"), _page_of(pages, "Summary")
    contents = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", "-f", str(first), "-l", str(summary - 1),
         str(statement[1]), "-"],
        capture_output=True, check=True,
    ).stdout.decode("utf-8")  # fmt: skip
    listed = dict(re.findall(r"^ *(Summary|Findings|Answers|Sign-off) +(\d+)$", contents, re.M))
    assert set(listed) == {"Summary", "Findings", "Answers", "Sign-off"}
    for heading, number in listed.items():
        assert _starts_with(pages[int(number) - 1], heading), heading
    assert re.search(r"^ *F1 (SEVERE|HIGH|MODERATE|LOW): ", contents, re.M)


def test_glossary_says_what_each_level_means(pages) -> None:
    page = " ".join(_contents(pages).split())
    assert GLOSSARY_TITLE in page
    for level, meaning in LEVEL_MEANINGS:
        assert (level or "not yet assessed").upper() in page.replace("NOT YET\nASSESSED", "")
        assert " ".join(meaning.split()[:6]) in page


def test_question_and_answer_never_part(pages) -> None:
    answers = _page_of(pages, "Answers")
    method = _page_of(pages, "Method: how the levels were reached")
    for page in pages[answers - 1 : method - 1]:
        starts = list(re.finditer(r"^\d+\.\d+\s", page, re.M))
        assert starts
        after = page[starts[-1].start() :]
        assert re.search(r"Answer:|No answer\.|NOT ANSWERED", after), after[:200]


def test_scale_answers_print_the_scale_labels(statement, pages) -> None:
    text = " ".join("\n".join(pages).split())
    answers = statement[0].answers
    scales = [
        (question, answers[questionnaire.id][question.id].value)
        for questionnaire in statement[0].questionnaires
        for question in questionnaire.questions()
        if question.type == "scale" and question.id in answers.get(questionnaire.id, {})
    ]
    assert scales
    for question, value in scales:
        assert f"Answer: {answer_text(question, value)}" in text
    assert not re.search(r"Answer: \d+ \(\d", text)
    question = next(
        q
        for questionnaire in statement[0].questionnaires
        for q in questionnaire.questions()
        if q.id == "worker_input"
    )
    assert answer_text(question, "2") == "2 — Asked for their views"


def test_levels_block_is_in_plain_words_and_verifies(statement, pages) -> None:
    text = " ".join("\n".join(pages).split())
    block = text[text.rindex(LEVELS_HEADER) : text.rindex(LEVELS_END)]
    result = score_assessment(statement[0])
    assert f"Overall = {result.overall.level.upper()}" in block
    [health] = [item for item in result.questionnaires if item.id == "health-safety"]
    [breaks] = [item for item in health.dimensions if item.id == "breaks"]
    assert f"Health and safety › Breaks and rest = {breaks.result.level.upper()}" in block
    assert "dimension " not in block and "questionnaire " not in block
    assert "worker-surveillance" not in block
    assert verify_report(statement[1]).ok


def test_cut_quotes_end_on_a_whole_word(statement, pages) -> None:
    questions = [
        " ".join(question.text.split())
        for questionnaire in statement[0].questionnaires
        for question in questionnaire.questions()
    ]
    text = " ".join("\n".join(pages).split())
    cuts = re.findall(r"“([^“”]{20,})…”", text)
    assert cuts, "the sample has long questions quoted in rules"
    for cut in cuts:
        full = next(q for q in questions if q.startswith(cut))
        assert full[len(cut)] in " ,;:", f"cut mid-word: {cut!r}"
    assert _clip("one two three four", 12) == "one two…"
    assert _clip("abcdefghijklmnop", 6) == "abcde…"


def test_chart_notes_are_never_cut() -> None:
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    score = SimpleNamespace(level="severe", score=100.0, forced_by=("x",))
    labels = tuple(f"F{number}" for number in range(10, 30))
    for raised_by in ((), ("F1",), ("F1", "F3"), labels):
        value, note = _value_text(score, raised_by)
        assert "…" not in value + note and note.startswith("raised")
        width = pdfmetrics.stringWidth(value, BOLD, 8.5) + 4
        assert width + pdfmetrics.stringWidth(note, FONT, _NOTE_SIZE) <= _VALUE_WIDTH
    assert _value_text(score, ("F1", "F3")) == ("SEVERE  100/100", "raised by F1, F3")
    assert _value_text(score, labels)[1] == "raised by 20 findings"
    some = ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8")
    assert re.fullmatch(r"raised by F1(, F\d)* and \d more", _value_text(score, some)[1])
    moderate = SimpleNamespace(level="moderate", score=100.0, forced_by=("x",))
    assert _value_text(moderate, labels)[1] == "raised by 20 findings"
    assert _value_text(SimpleNamespace(level="low", score=3.0, forced_by=()), ()) == (
        "LOW  3/100",
        "",
    )


def _grey(color) -> float:
    return 0.299 * color.red + 0.587 * color.green + 0.114 * color.blue


def test_greyscale_orders_with_severity() -> None:
    fills = [_grey(LEVEL_COLORS[level]) for level in ("low", "moderate", "high", "severe")]
    assert fills == sorted(fills, reverse=True)
    assert min(a - b for a, b in zip(fills, fills[1:], strict=False)) > 0.08
    from reportlab.lib import colors

    zones = [_grey(colors.HexColor(zone)) for zone in _ZONES]
    assert zones == sorted(zones, reverse=True)


def test_findings_pages_are_filled(statement, pages) -> None:
    findings = _page_of(pages, "Findings")
    answers = _page_of(pages, "Answers")
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(statement[1]), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    bottoms = []
    for page in boxes.split("<page ")[1:]:
        body = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
        body = [y for y in body if y < PAGE_HEIGHT - MARGIN - 20]
        bottoms.append(max(body))
    # Every findings page but the section's last is at most 15% empty.
    for number in range(findings, answers - 1):
        empty = (PAGE_HEIGHT - MARGIN - bottoms[number - 1]) / (PAGE_HEIGHT - 2 * MARGIN)
        assert empty <= 0.15, f"page {number} is {empty:.0%} empty"
