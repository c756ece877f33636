"""The review file's and joint statement's footer prints a system's name in any script
(laid out like the statement's footer, a font per script), never as missing-glyph markers."""

from __future__ import annotations

import subprocess

from consultation_helpers import two_findings
from pypdf import PdfReader

from workerimpact.assessment import fingerprint
from workerimpact.consultation import Review
from workerimpact.consultation.exchange import export_joint, export_review
from workerimpact.report.layout import MARGIN
from workerimpact.signing.identity import new_identity

NAME = "نظام المراقبة निगरानी"
"""A system named in Arabic and Hindi (Devanagari)."""


def _footer_fonts(path) -> dict[str, set[str]]:
    """Each script's characters drawn in the footer band of page 1, with their fonts."""
    found: dict[str, set[str]] = {"arabic": set(), "devanagari": set()}

    def visit(text, _cm, tm, font, _size):
        if not text.strip() or font is None or tm[5] > MARGIN:
            return
        name = str(font.get("/BaseFont", ""))
        if any("\u0600" <= c <= "\u06ff" for c in text):
            found["arabic"].add(name)
        if any("\u0900" <= c <= "\u097f" for c in text):
            found["devanagari"].add(name)

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return found


def test_the_footer_prints_names_in_every_script(tmp_path, data_home):
    assessment = two_findings()
    assessment.metadata.system = NAME
    review = Review(assessment_id=assessment.id, fingerprint=fingerprint(assessment))
    identity = new_identity("Ana Ruiz", "Local 9")
    for name, export in (("review.pdf", export_review), ("joint.pdf", None)):
        path = tmp_path / name
        if export is not None:
            export(review, assessment, path, identity=identity)
        else:
            export_joint(assessment, review, None, path, identity=identity)
        fonts = _footer_fonts(path)
        assert fonts["arabic"] and all("Arabic" in font for font in fonts["arabic"]), fonts
        assert fonts["devanagari"] and all("Devanagari" in f for f in fonts["devanagari"]), fonts
        text = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True
        ).stdout
        assert "निगरानी" in text and "المراقبة" in text
