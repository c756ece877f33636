"""The PDF's Method page and the copies' Method section read one content source
(report/method_content.py): the copies now follow the scoring model the statement was scored
with, in the statement's language, and say what the PDF says."""

from __future__ import annotations

import hashlib
import re
from xml.sax.saxutils import unescape

import pytest
from report_samples import synthetic_assessment, warehouse_assessment

from workerimpact.assessment import canonical_bytes
from workerimpact.i18n import language, t
from workerimpact.questionnaire import MODEL_FINDINGS_FLOOR
from workerimpact.report import method_content
from workerimpact.report.content import Heading, Paragraph, Table, text_of
from workerimpact.report.statement import statement_content
from workerimpact.scoring import score_assessment


def _method(assessment, lang: str = "en"):
    result = score_assessment(assessment)
    fingerprint = hashlib.sha256(canonical_bytes(assessment)).hexdigest()
    with language(lang):
        blocks = statement_content(assessment, result, fingerprint).blocks
        start = next(
            i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "method"
        )
        end = next(
            i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "sign-off"
        )
        steps = (
            method_content.STEPS_FLOOR
            if result.model == MODEL_FINDINGS_FLOOR
            else method_content.STEPS
        )
        expected = [re.sub(r"</?[bi]>", "", unescape(t(step))) for step in steps]
    return result, blocks[start:end], expected


def _paragraphs(blocks) -> list[str]:
    return [text_of(block.runs) for block in blocks if isinstance(block, Paragraph)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_copies_explain_the_findings_floor_model_as_the_pdf_does(lang) -> None:
    result, blocks, expected = _method(warehouse_assessment(), lang)
    assert result.model == MODEL_FINDINGS_FLOOR
    texts = _paragraphs(blocks)
    for number, step in enumerate(expected, start=1):
        assert f"{number}. {step}" in texts
    bands = next(block for block in blocks if isinstance(block, Table))
    titles = [text_of(row[0]) for row in bands.rows]
    assert t("Overall (default bands)") not in titles  # the floor model has no pooled bands
    if lang == "es":
        assert any(text.startswith("1. Preguntas que se saltan y etapa.") for text in texts)


def test_the_copies_follow_the_weighted_model_and_name_each_model() -> None:
    result, blocks, expected = _method(synthetic_assessment(60))
    assert result.model != MODEL_FINDINGS_FLOOR
    texts = _paragraphs(blocks)
    assert [f"{n}. {step}" for n, step in enumerate(expected, 1)] == [
        text for text in texts if re.match(r"\d\. ", text)
    ]
    assert any("Scoring model:" in text for text in texts)
    bands = next(block for block in blocks if isinstance(block, Table))
    assert text_of(bands.rows[0][0]) == "Overall (default bands)"


def test_the_pdf_and_the_copies_say_the_same_in_the_method_section() -> None:
    from reportlab.platypus import Paragraph as Drawn

    from workerimpact.report.layout import register_fonts
    from workerimpact.report.method import method
    from workerimpact.report.parts import Context

    register_fonts()

    assessment = warehouse_assessment()
    result, blocks, _ = _method(assessment)
    fingerprint = hashlib.sha256(canonical_bytes(assessment)).hexdigest()
    drawn = [
        " ".join(
            unescape(re.sub(r"<br/>", " ", re.sub(r"</?(b|i|font[^>]*)>", "", f.text))).split()
        )
        for f in method(Context(assessment, result, fingerprint))
        if isinstance(f, Drawn)
    ]
    copied = [" ".join(text.split()) for text in _paragraphs(blocks)]
    # Every step, every questionnaire's line and every score's origin reads the same.
    shared = [text for text in copied if text in drawn]
    # Only the fingerprint section is worded for its medium (the PDF's footer, a copy's
    # `verify COPY --against`) and the copy's levels block frames a table.
    assert len(shared) == len(copied) - 4, set(copied) - set(drawn)
    assert any(text.startswith("Overall. ") for text in shared)
