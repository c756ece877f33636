"""Checking a statement: is it exactly what WorkerImpact exported from the attached assessment?

The checks, each failing with its own reason:

1. ``assessment.json`` is attached, is a valid assessment, and is in canonical form.
2. Its SHA-256 is the fingerprint printed on the Method page, in every page's footer and
   in the document information.
3. Scoring it again gives every level stated in the Method page's levels block and in the
   document information.
4. Every page is unchanged: when this version of WorkerImpact made the statement, each page
   is redrawn from the attachment and compared; otherwise each page is compared with the
   digest recorded at export.

This shows that the PDF is internally consistent and unaltered since export. It is not a
digital signature: whoever exports an edited assessment gets a new, consistent statement
with a different fingerprint, which is why the fingerprint is recorded at sign-off.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

from workerimpact.assessment import assessment_from_bytes, canonical_bytes
from workerimpact.errors import InputError
from workerimpact.report import Verification
from workerimpact.report.integrity import (
    ATTACHMENT_NAME,
    INFO_FINGERPRINT,
    INFO_GENERATOR,
    INFO_LEVELS,
    INFO_PAGES,
    NOT_ASSESSED,
    attachment,
    footer_fingerprints,
    info_value,
    open_pdf,
    page_digests,
    page_texts,
    parse_info_levels,
    parse_levels,
    printed_fingerprints,
    stated_levels,
)
from workerimpact.scoring import score_assessment


def _pages(numbers: Sequence[int]) -> str:
    shown = [str(number) for number in numbers[:10]]
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    if len(shown) == 1:
        return f"page {shown[0]}"
    if more:
        return f"pages {', '.join(shown)}{more}"
    return f"pages {', '.join(shown[:-1])} and {shown[-1]}"


def _level(level: str | None) -> str:
    if level is None:
        return "no level"
    return "not yet assessed" if level == NOT_ASSESSED else level.upper()


def _describe_key(key: str, names: dict[str, str] | None = None) -> str:
    if key == "overall":
        return "the overall level"
    if names and key in names:
        return f"the level of {names[key]}"
    kind, _, name = key.partition(" ")
    return f"the level of {kind} {name}"


def _names(assessment) -> dict[str, str]:
    """Level keys in the reader's words: the titles the statement prints, not ids."""
    names = {}
    for questionnaire in assessment.questionnaires:
        names[f"questionnaire {questionnaire.id}"] = f"the questionnaire “{questionnaire.title}”"
        for dimension in questionnaire.dimensions:
            names[f"dimension {questionnaire.id}/{dimension.id}"] = (
                f"“{dimension.title}” in “{questionnaire.title}”"
            )
    return names


def _compare_levels(
    expected: dict[str, str], stated: dict[str, str], where: str, names: dict[str, str]
) -> list[str]:
    reasons = []
    for key, level in expected.items():
        if key not in stated:
            reasons.append(f"{where} does not state {_describe_key(key, names)}")
        elif stated[key] != level:
            reasons.append(
                f"{where} states {_describe_key(key, names)} is {_level(stated[key])}, but scoring "
                f"the attached assessment gives {_level(level)}"
            )
    for key in stated:
        if key not in expected:
            reasons.append(
                f"{where} states {_describe_key(key, names)}, which the attached assessment "
                "does not have"
            )
    return reasons


def _compare_pages(actual: list[str], reference: list[str], redrawn: bool) -> list[str]:
    """Compare page digests with those drawn again (``redrawn``) or recorded at export."""
    if len(actual) != len(reference):
        source = (
            "the attached assessment gives {count} when drawn again"
            if redrawn
            else "{count} were recorded at export"
        )
        return [f"the PDF has {len(actual)} pages, but " + source.format(count=len(reference))]
    different = [
        index + 1 for index, (a, b) in enumerate(zip(actual, reference, strict=True)) if a != b
    ]
    if not different:
        return []
    one = len(different) == 1
    if redrawn:
        return [
            f"{_pages(different)} {'was' if one else 'were'} changed: "
            f"{'it does' if one else 'they do'} not show what the attached assessment gives"
        ]
    return [f"{_pages(different)} {'was' if one else 'were'} changed after export"]


def verify(path: Path) -> Verification:
    """Run every check on the statement at ``path`` (see the module docstring)."""
    display = str(path)
    reader = open_pdf(path)
    outcome = Verification(ok=False)
    reasons = outcome.reasons
    try:
        data = attachment(reader, display)
    except InputError as error:
        reasons += [problem.message for problem in error.problems]
        return outcome
    texts = page_texts(reader)
    everything = "\n".join(texts)
    if data is None:
        reasons.append(
            f"no assessment is attached ({ATTACHMENT_NAME} is missing): it was removed, or "
            "this PDF is not a statement exported by WorkerImpact"
        )
        return outcome
    fingerprint = hashlib.sha256(data).hexdigest()
    outcome.fingerprint = fingerprint

    printed = printed_fingerprints(everything)
    if not printed:
        reasons.append("no fingerprint is printed on the Method page: the page text was changed")
    elif fingerprint not in printed:
        reasons.append(
            f"the attached assessment (fingerprint {fingerprint[:12]}…) is not the one whose "
            f"fingerprint is printed ({printed[-1][:12]}…): the attachment or the printed "
            "fingerprint was changed"
        )
    wrong = [
        number
        for number, text in enumerate(texts, start=1)
        if fingerprint[:12] not in footer_fingerprints(text)
    ]
    if wrong:
        reasons.append(
            f"the footer of {_pages(wrong)} does not show the attachment's fingerprint "
            f"{fingerprint[:12]}"
        )
    recorded_fingerprint = info_value(reader, INFO_FINGERPRINT)
    if recorded_fingerprint != fingerprint:
        reasons.append(
            "the fingerprint recorded in the document information "
            + ("is missing" if recorded_fingerprint is None else "does not match the attachment")
        )

    try:
        assessment = assessment_from_bytes(data, f"{display} ({ATTACHMENT_NAME})")
    except InputError as error:
        reasons.append(
            "the attached assessment is not a valid assessment file: "
            + "; ".join(problem.message for problem in error.problems[:3])
        )
        return outcome
    outcome.assessment = assessment
    if canonical_bytes(assessment) != data:
        reasons.append(
            "the attached assessment is not in canonical form, so it is not the file the "
            "export attached (it was replaced or edited)"
        )

    result = score_assessment(assessment)
    expected = dict(stated_levels(result))
    stated = parse_levels(everything)
    if stated is None:
        reasons.append("the block of stated levels on the Method page is missing")
    else:
        reasons += _compare_levels(expected, stated, "the Method page", _names(assessment))
    recorded_levels = info_value(reader, INFO_LEVELS)
    if recorded_levels is None:
        reasons.append("the levels recorded in the document information are missing")
    else:
        reasons += _compare_levels(
            expected,
            parse_info_levels(recorded_levels),
            "the document information",
            _names(assessment),
        )

    actual = page_digests(reader)
    made_by = info_value(reader, INFO_GENERATOR)
    from workerimpact.report.render import generator, render

    if made_by == generator():
        from pypdf import PdfReader

        drawn_again = page_digests(PdfReader(io.BytesIO(render(assessment, result, fingerprint))))
        reasons += _compare_pages(actual, drawn_again, redrawn=True)
        outcome.notes.append("every page was drawn again from the attached assessment and compared")
    else:
        recorded = (info_value(reader, INFO_PAGES) or "").split()
        if not recorded:
            reasons.append("the page digests recorded at export are missing")
        else:
            reasons += _compare_pages(actual, recorded, redrawn=False)
        outcome.notes.append(
            f"made by {made_by or 'an unknown version'}; this is {generator()}, so each page "
            "was compared with the digest recorded at export"
        )
    outcome.ok = not reasons
    return outcome
