"""Right-to-left paragraphs wrap in reading order, and shaped text copies out as typed.

Read back as a union steward would: the copied text (pdftotext), the words' places on the
page (pdftotext -bbox) and the page's pixels (pdftoppm).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from report_samples import warehouse_assessment

from workerimpact.report import export_report, verify_report
from workerimpact.report.bidilines import levels
from workerimpact.report.fonts import MACHINE_FONTS

ARABIC_LONG = (
    "يعمل العمال في المستودع رقم 4 منذ عام 2019، ويطالبون بحقوقهم الكاملة في الراحة "
    "والأجر العادل لكل ساعة عمل إضافية. يراقب نظام PickPace سرعة كل عامل كل ساعة، "
    "ويرسل تحذيرا إلى المشرف بعد 3 إنذارات متتالية (دون مراجعة بشرية). تطلب النقابة "
    "وقف الترتيب اليومي للعمال، ونشر قواعد الحساب كاملة، وحق الاعتراض خلال 14 يوما."
)
HEBREW_LONG = (
    "העובדים במחסן מספר 12 עובדים במשמרות של 10 שעות מאז 2019, והמערכת מדרגת אותם "
    "כל שעה לפי מהירות הליקוט. הוועד מבקש הפסקות קבועות, שקיפות מלאה של נוסחת החישוב "
    "וזכות ערעור לפני כל אזהרה בכתב."
)
HINDI = "क्षत्रिय संघ की स्वीकृति"
POINTED_HEBREW = "שָׁלוֹם לַעוֹבְדִים"
LAM_ALEF = "لا للإنذار الآلي"
_RTL_WORD = re.compile(r"[\u05d0-\u05ea\u0621-\u064a]+")


def _words(text: str) -> list[str]:
    """The Arabic and Hebrew words of ``text`` in order (letters only, no points)."""
    text = unicodedata.normalize("NFKC", text)
    bare = "".join(char for char in text if unicodedata.category(char) != "Mn")
    return _RTL_WORD.findall(bare)


def _pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.fail("poppler-utils is missing: run scripts/bootstrap.sh test")
    folder = tmp_path_factory.mktemp("bidi")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        assessment = warehouse_assessment()
    assessment.metadata.purpose = ARABIC_LONG
    assessment.metadata.site = HINDI
    questionnaire = assessment.questionnaires[0]
    answers = assessment.answers[questionnaire.id]
    first, second, third = list(answers.values())[:3]
    first.comment = HEBREW_LONG
    second.comment = POINTED_HEBREW
    third.comment = LAM_ALEF
    path = folder / "bidi.pdf"
    export_report(assessment, path)
    return assessment, path


def _lines(path: Path, paragraph: str) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of ``paragraph`` on page 1 as placed (pdftotext -bbox), line by line from
    the top; each word in reading order (-bbox lists a right-to-left word's letters
    left to right)."""
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        _pdftotext(path, "-bbox", "-f", "1", "-l", "1"),
    )
    ours = set(_words(paragraph))
    placed = []
    for x0, y0, x1, y1, word in boxes:
        found = _words(word[::-1])
        if found and set(found) <= ours:
            placed.append((float(x0), float(y0), float(x1), float(y1), found[0]))
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for box in sorted(placed, key=lambda box: box[1] + box[3]):
        if lines and abs(lines[-1][0][1] + lines[-1][0][3] - box[1] - box[3]) < 6:
            lines[-1].append(box)
        else:
            lines.append([box])
    return lines


def test_long_right_to_left_paragraph_reads_top_line_first_from_the_right(statement) -> None:
    expected = _words(ARABIC_LONG)
    lines = _lines(statement[1], ARABIC_LONG)
    assert len(lines) >= 3, "the Arabic purpose is not on page 1 in several lines"
    # Each line, read from its right end, continues where the line above stopped: the
    # words come top line first (the old code printed the last line first).
    read = [box[4] for line in lines for box in sorted(line, key=lambda box: -box[2])]
    assert read == expected
    # Right-aligned: every line ends at the same right edge, the short last line too.
    rights = [max(box[2] for box in line) for line in lines]
    assert max(rights) - min(rights) <= 1
    assert min(box[0] for box in lines[-1]) > min(box[0] for box in lines[0]) + 40


def test_copied_lines_come_top_to_bottom(statement) -> None:
    expected = _words(ARABIC_LONG)
    copied = [_words(line) for line in _pdftotext(statement[1]).splitlines()]
    copied = [words for words in copied if words and set(words) <= set(expected)]
    # pdftotext gives each line's right-to-left runs in reading order; on a page mostly in
    # English it lists a line's runs left to right. The lines come top to bottom.
    position = 0
    for words in copied:
        chunk = expected[position : position + len(words)]
        assert sorted(chunk) == sorted(words)
        position += len(words)
    assert position == len(expected)


def test_copied_right_to_left_page_is_in_reading_order(tmp_path) -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workerimpact.report.layout import Styles, register_fonts
    from workerimpact.report.text import literal

    register_fonts()
    path = tmp_path / "rtl.pdf"
    # A small page: the paragraphs continue on the next pages (reportlab splits them).
    margins = {f"{side}Margin": 20 for side in ("left", "right", "top", "bottom")}
    SimpleDocTemplate(str(path), pagesize=(300, 100), **margins).build(
        [Paragraph(literal(text), Styles.body) for text in (ARABIC_LONG, HEBREW_LONG)]
    )
    copied = _pdftotext(path)
    assert copied.count("\f") >= 3  # split over pages
    assert _words(copied) == _words(ARABIC_LONG) + _words(HEBREW_LONG)
    flat = re.sub("[\u202a-\u202e]", "", " ".join(copied.split()))
    assert "(دون مراجعة بشرية)" in flat  # brackets as typed, not turned round


def test_pixels_show_the_right_to_left_paragraph_right_aligned(statement, tmp_path) -> None:
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(statement[1]),
         str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    scale = 150 / 72
    inked = []
    for line in _lines(statement[1], ARABIC_LONG):
        top = min(box[1] for box in line) * scale
        bottom = max(box[3] for box in line) * scale
        left = int(min(box[0] for box in line) * scale) - 30
        band = image.crop((left, int(top) + 2, image.width, int(bottom) - 2))
        pixels = band.load()
        columns = [
            x for x in range(band.width) if any(pixels[x, y] < 128 for y in range(band.height))
        ]
        inked.append((left + min(columns), left + max(columns)))
    assert len(inked) >= 3
    rights = [right for _, right in inked]
    assert max(rights) - min(rights) <= 4  # ink of every line ends at one right edge
    assert inked[-1][0] > inked[0][0] + 80  # the short last line hangs from the right


def test_shaped_clusters_copy_out_as_typed(statement) -> None:
    flat = " ".join(_pdftotext(statement[1]).split())
    flat = re.sub("[\u202a-\u202e]", "", flat)
    assert HINDI in flat  # conjuncts: no letters lost to private-use glyph codes
    assert POINTED_HEBREW in flat  # points kept with their letters
    assert LAM_ALEF in flat  # lam-alef as the two letters typed


def test_glyphs_on_the_page_are_joined_forms(statement) -> None:
    from pypdf import PdfReader

    glyphs = "".join(page.extract_text() for page in PdfReader(statement[1]).pages[:2])
    # pypdf reads the glyphs (it does not read /ActualText): Arabic contextual forms.
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in glyphs)


def test_statement_still_verifies(statement) -> None:
    outcome = verify_report(statement[1])
    assert outcome.ok, outcome.reasons


def test_levels_follow_the_bidirectional_algorithm() -> None:
    base, found = levels("abc מחסן 12 (x) def")
    assert base == 0
    assert found == [0] * 4 + [1] * 5 + [2, 2] + [0] * 8
    base, found = levels("מחסן 12 34")
    assert base == 1
    assert found == [1] * 5 + [2, 2, 1, 2, 2]  # a space between numbers is right-to-left


def test_chart_labels_print_every_script_uncut(tmp_path) -> None:
    from reportlab.graphics import renderPDF

    from workerimpact.report.chart import ChartRow, level_chart
    from workerimpact.report.layout import register_fonts
    from workerimpact.results import Score
    from workerimpact.scoring import DEFAULT_BANDS

    def score(value: float, level: str) -> Score:
        return Score(value, level, 0.0, 0.0, 0.0, 0.0, value)  # type: ignore[arg-type]

    register_fonts()
    long_title = (
        "Vigilancia y datos: cómo se recogen, quién los ve y cuánto tiempo se guardan "
        "los registros de cada turno"
    )
    rows = [
        ChartRow("Overall", score(64.0, "high"), DEFAULT_BANDS, 0),
        ChartRow("مراقبة العمال (الكاميرات)", score(40.0, "moderate"), DEFAULT_BANDS, 1),
        ChartRow("ניטור עובדים", score(20.0, "low"), DEFAULT_BANDS, 1),
        ChartRow("拣货速度 监控", score(80.0, "severe"), DEFAULT_BANDS, 2),
        ChartRow("क्षत्रिय संघ", score(10.0, "low"), DEFAULT_BANDS, 2),
        ChartRow(long_title, score(55.0, "high"), DEFAULT_BANDS, 2),
    ]
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(level_chart(rows), str(path))
    copied = _pdftotext(path)
    flat = re.sub("[\u202a-\u202e]", "", " ".join(copied.split()))
    assert "[U+" not in flat  # no markers: each script in a font that has it
    # (On a page mostly left to right, pdftotext puts a bracket ending a right-to-left
    # label at the line's left end, where it is drawn; the words come in reading order.)
    assert "مراقبة العمال" in flat and "الكاميرات" in flat
    assert "ניטור עובדים" in flat
    assert "क्षत्रिय संघ" in flat
    assert "Vigilancia y datos" in flat and "registros de cada turno" in flat  # wrapped
    assert "…" not in flat  # not cut
    if any(Path(path).is_file() for path in MACHINE_FONTS[:2]):
        assert "拣货速度 监控" in flat
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "NotoSansArabic" in fonts and "NotoSansHebrew" in fonts


_EXPORT_AFTER_OTHER_SHAPING = """
import sys
sys.path.insert(0, "tests")
from pathlib import Path
from report_samples import warehouse_assessment
from reportlab.pdfbase.ttfonts import shapeStr
from workerimpact.report import export_report
from workerimpact.report.fonts import fallback_fonts
from workerimpact.report.layout import register_fonts

register_fonts()
fallback_fonts()
# Meet other conjuncts first: reportlab numbers unmapped glyphs in the order it meets them.
shapeStr("ह्र द्ध स्वीकृति त्रि", "WorkerImpactDevanagari", 10)
assessment = warehouse_assessment()
assessment.metadata.site = sys.argv[2]
export_report(assessment, Path(sys.argv[1]))
"""


def test_redraw_does_not_depend_on_what_the_process_drew_before(tmp_path, monkeypatch) -> None:
    import sys

    home = tmp_path / "home"
    monkeypatch.setenv("WORKERIMPACT_HOME", str(home))
    path = tmp_path / "hindi.pdf"
    subprocess.run(
        [sys.executable, "-c", _EXPORT_AFTER_OTHER_SHAPING, str(path), HINDI],
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    # This process met those glyphs in another order (or not at all) and draws the same.
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons
