"""Every script prints in the PDF: shaped, in reading direction, never a silent box."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from report_samples import warehouse_assessment

from workerimpact.assessment import canonical_bytes
from workerimpact.cli import main
from workerimpact.report import export_report, verify_report
from workerimpact.report.fonts import MACHINE_FONTS, font_markup, unprintable
from workerimpact.report.scripts import lookalikes, mixed_script_words, unprintable_fields

ARABIC = "العمال يعملون في المستودع"
HEBREW = "העובדים עובדים במחסן"
HINDI = "कर्मचारी गोदाम में काम करते हैं"
CJK = "拣货速度"
TAMIL = "தமிழ்"  # no shipped font, and none installed for the tests
HAS_MACHINE_FONT = any(Path(path).is_file() for path in MACHINE_FONTS[:2])


def _text(path: Path) -> str:
    output = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", output.stdout)


def _fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run scripts/bootstrap.sh test")
    folder = tmp_path_factory.mktemp("scripts")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        assessment = warehouse_assessment()
    meta = assessment.metadata
    meta.organization = "Acme ЅЕVЕRЕ Ltd"
    meta.site = "مستودع الرياض 4"
    meta.system = f"PickPace {CJK}"
    meta.vendor = HEBREW
    meta.assessor = "राम कुमार"
    meta.purpose = f"Arabic: {ARABIC}. Hebrew: {HEBREW}. Hindi: {HINDI}. Tamil: {TAMIL}."
    path = folder / "scripts.pdf"
    export_report(assessment, path)
    return assessment, path


def test_fonts_for_each_script_are_embedded(statement) -> None:
    fonts = _fonts(statement[1])
    for name in ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "DejaVuSans"):
        assert name in fonts
    if HAS_MACHINE_FONT:
        assert "DroidSansFallback" in fonts


def test_right_to_left_text_reads_in_order(statement) -> None:
    text = _text(statement[1])
    assert HEBREW in text  # copied out in reading order, not reversed
    assert unicodedata.normalize("NFKC", ARABIC) in text
    # Joined, not isolated: the glyphs drawn (read by pypdf, which ignores /ActualText)
    # are Arabic contextual (presentation) forms; the copied text is the letters typed.
    from pypdf import PdfReader

    glyphs = "".join(page.extract_text() for page in PdfReader(statement[1]).pages[:1])
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in glyphs)


def test_other_scripts_print_and_unprintable_ones_are_named(statement) -> None:
    assessment, path = statement
    text = _text(path)
    assert "राम कुमार" in text
    if HAS_MACHINE_FONT:
        assert CJK in text
    assert "[U+0BA4][U+0BAE][U+0BBF][U+0BB4][U+0BCD]" in text
    sentences = unprintable_fields(assessment)
    assert len(sentences) == 1 and sentences[0].startswith("Purpose holds characters")
    assert "U+0BA4" in sentences[0]
    flat = " ".join(text.split())
    assert "Purpose holds characters no font on this machine can print (U+0BA4" in flat


def test_statement_with_every_script_still_verifies(statement) -> None:
    outcome = verify_report(statement[1])
    assert outcome.ok, outcome.reasons


def test_lookalike_letters_are_flagged(statement) -> None:
    assessment, path = statement
    assert mixed_script_words("ЅЕVЕRЕ") == [("ЅЕVЕRЕ", ("Cyrillic", "Latin"))]
    assert mixed_script_words("Склад SEVERE Ωμέγα") == []
    assert lookalikes(assessment) == [
        "Organization “ЅЕVЕRЕ” mixes Cyrillic and Latin letters that look alike: it may not "
        "be what it seems"
    ]
    flat = " ".join(_text(path).split())
    assert "mixes Cyrillic and Latin letters that look alike" in flat


def test_cli_export_names_the_fields(statement, tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.json"
    source.write_bytes(canonical_bytes(statement[0]))
    assert main(["export", str(source), "-o", str(tmp_path / "s.pdf")]) == 0
    err = capsys.readouterr().err
    assert "note: Organization “ЅЕVЕRЕ” mixes Cyrillic and Latin" in err
    assert "note: Purpose holds characters no font on this machine can print" in err


def test_markup_switches_fonts_and_orders_words() -> None:
    assert font_markup("plain <b>") == "plain &lt;b&gt;"
    assert font_markup("abc مستودع 4") == (  # logical order: lines are ordered once broken
        'abc <font face="WorkerImpactArabic">مستودع </font>4'
    )
    assert '<font face="WorkerImpactHebrew">' in font_markup(HEBREW)
    assert font_markup("a\U0001fae8b") == "a[U+1FAE8]b"
    assert unprintable("x\U0001fae8") == ["U+1FAE8"]


def test_footer_prints_the_names_in_their_scripts(statement) -> None:
    # The footer is drawn outside paragraphs; it used one font and showed markers.
    footer = _text_of_page(statement[1], 2).strip().splitlines()
    line = next(text for text in footer if "Page 2 of" in text)
    assert "[U+" not in line
    if HAS_MACHINE_FONT:
        assert f"PickPace {CJK}" in line


def _text_of_page(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
