"""What makes verify's redraw quicker changes nothing it compares: streams deflated only (no
ASCII85), word widths kept, a paragraph's lines broken once per width. Statements drawn the
old way (ASCII85) still verify. No timings here: benchmarks/bench_signing.py measures."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from report_samples import warehouse_assessment

from workerimpact.assessment import canonical_bytes
from workerimpact.report import export_report, verify_report
from workerimpact.report.pdfread import open_reader, page_digests, page_list
from workerimpact.report.render import render
from workerimpact.scoring import score_assessment


@pytest.fixture(scope="module")
def drawn():
    assessment = warehouse_assessment()
    result = score_assessment(assessment)
    fingerprint = hashlib.sha256(canonical_bytes(assessment)).hexdigest()
    return assessment, result, fingerprint, render(assessment, result, fingerprint)


def test_page_streams_are_deflated_only(drawn) -> None:
    root = open_reader(drawn[3]).root
    for page in page_list(root):
        contents = page["/Contents"]
        streams = contents if isinstance(contents, list) else [contents]
        for stream in streams:
            assert list(stream.get_object().get("/Filter")) == ["/FlateDecode"]
    assert b"/ASCII85Decode" not in drawn[3]


def test_the_kept_widths_and_lines_draw_the_same_bytes(drawn, monkeypatch) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import paragraph

    assessment, result, fingerprint, cached = drawn
    assert getattr(paragraph.stringWidth, "workerimpact", False), "widths are kept"
    monkeypatch.setattr(paragraph, "stringWidth", pdfmetrics.stringWidth)
    monkeypatch.setattr(paragraph.Paragraph, "_broken_lines", None, raising=False)
    original = paragraph.Paragraph.breakLines

    def afresh(self, width):
        self.__dict__.pop("_broken_lines", None)  # nothing kept: every break from scratch
        return original(self, width)

    monkeypatch.setattr(paragraph.Paragraph, "breakLines", afresh)
    assert render(assessment, result, fingerprint) == cached
    assert render(assessment, result, fingerprint, language="es") != cached


def test_a_paragraph_wrapped_again_at_the_same_width_is_broken_once(drawn) -> None:
    from reportlab.platypus import Paragraph, paragraph

    from workerimpact.report.layout import Styles

    text = "Pick-rate targets are shown on the handheld scanners; " * 8
    item = Paragraph(text, Styles.body)
    first = item.wrap(300, 1000)
    lines = item.blPara
    assert lines is not None
    assert item.wrap(300, 1000) == first
    assert item.blPara is lines  # kept, not broken again
    assert item.wrap(200, 1000)[1] > first[1]  # another width breaks afresh
    assert item.wrap(300, 1000) == first
    assert getattr(paragraph.Paragraph.breakLines, "__name__", "") == "shaped_break_lines"


def test_a_statement_drawn_with_ascii85_still_verifies(tmp_path: Path, monkeypatch) -> None:
    # Statements exported before 0.2.0 carry ASCII85 streams; verify compares what the
    # streams decode to, so their redraw (deflated only) still matches.
    from reportlab import rl_config

    from workerimpact.report import layout

    build = layout.StatementDocument.build

    def with_ascii85(self, story, **options):
        monkeypatch.setattr(rl_config, "useA85", 1)
        return build(self, story, **options)

    monkeypatch.setenv("WORKERIMPACT_HOME", str(tmp_path / "home"))
    path = tmp_path / "old-style.pdf"
    with monkeypatch.context() as patch:
        patch.setattr(layout.StatementDocument, "build", with_ascii85)
        export_report(warehouse_assessment(), path)
    assert b"/ASCII85Decode" in path.read_bytes()
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons
    assert page_digests(open_reader(path.read_bytes()).root)
