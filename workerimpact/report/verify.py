"""Checking a statement: signed, unchanged since, and exactly what its assessment gives.

Everything is read with pyHanko's parser, the one that checks the signatures:

1. The signatures (``signatures.check_signatures``): the issuer's signature is intact; the
   revision it covers; every later revision named and described; anything but a further
   signature makes the statement "altered".
2. In the revision the issuer signed: ``assessment.json`` is attached (and nothing else),
   is a valid assessment in canonical form, and its SHA-256 is the fingerprint recorded in
   the document information.
3. Scoring it again gives every level recorded in the document information.
4. Every page is drawn again from the attachment and compared with the signed pages,
   always, whatever version string the file carries. The printed levels and fingerprints
   are on those pages, so no text is read back from the page (text an assessor typed can
   never stand in for a level).

The verdict is "verified", "altered", "re-saved" (the signature no longer covers the file
but the contents still match each other), or "not signed".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workerimpact import __version__
from workerimpact.assessment import assessment_from_bytes, canonical_bytes
from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t
from workerimpact.report import Verification
from workerimpact.report.integrity import (
    ATTACHMENT_NAME,
    INFO_FINGERPRINT,
    INFO_GENERATOR,
    INFO_LEVELS,
    MAX_REPORT_BYTES,
    NOT_ASSESSED,
    parse_info_levels,
    stated_levels,
)
from workerimpact.report.pdfread import attachment_data, info_entries, open_reader, page_digests
from workerimpact.report.signatures import CUT_SHORT, SignatureCheck, check_signatures
from workerimpact.report.text import clip
from workerimpact.results import level_label
from workerimpact.scoring import score_assessment


def _pages(numbers: Sequence[int]) -> str:
    shown = [str(number) for number in numbers[:10]]
    more = t(" and {count} more", count=len(numbers) - 10) if len(numbers) > 10 else ""
    if len(shown) == 1:
        return t("page {number}", number=shown[0])
    if more:
        return t("pages {numbers}", numbers=", ".join(shown)) + more
    return t("pages {numbers} and {last}", numbers=", ".join(shown[:-1]), last=shown[-1])


def _level(level: str | None) -> str:
    if level is None:
        return t("no level")
    return t("not yet assessed") if level == NOT_ASSESSED else level_label(level).upper()


def _describe_key(key: str, names: dict[str, str] | None = None) -> str:
    if key == "overall":
        return t("the overall level")
    if names and key in names:
        return t("the level of {name}", name=names[key])
    kind, _, name = key.partition(" ")
    if kind == "questionnaire":
        return t("the level of questionnaire {name}", name=name)
    return t("the level of dimension {name}", name=name)


def _names(assessment) -> dict[str, str]:
    """Level keys in the reader's words: the titles the statement prints, not ids."""
    names = {}
    for questionnaire in assessment.questionnaires:
        names[f"questionnaire {questionnaire.id}"] = t(
            "the questionnaire “{title}”", title=questionnaire.title
        )
        for dimension in questionnaire.dimensions:
            names[f"dimension {questionnaire.id}/{dimension.id}"] = t(
                "“{dimension}” in “{questionnaire}”",
                dimension=dimension.title,
                questionnaire=questionnaire.title,
            )
    return names


def _compare_levels(
    expected: dict[str, str], stated: dict[str, str], where: str, names: dict[str, str]
) -> list[str]:
    reasons = []
    for key, level in expected.items():
        if key not in stated:
            reasons.append(
                t("{where} does not state {what}", where=where, what=_describe_key(key, names))
            )
        elif stated[key] != level:
            reasons.append(
                t(
                    "{where} states {what} is {stated}, but scoring the attached assessment "
                    "gives {level}",
                    where=where,
                    what=_describe_key(key, names),
                    stated=_level(stated[key]),
                    level=_level(level),
                )
            )
    for key in stated:
        if key not in expected:
            reasons.append(
                t(
                    "{where} states {what}, which the attached assessment does not have",
                    where=where,
                    what=_describe_key(key, names),
                )
            )
    return reasons


_MADE_BY = re.compile(r"WorkerImpact (\S{1,40})")


def made_by_version(made_by: str | None) -> str | None:
    """The WorkerImpact version a statement records as its maker, or None when unreadable."""
    found = _MADE_BY.match(made_by or "")
    return found.group(1) if found else None


def _other_version(made_by: str | None) -> str:
    """Why a redraw may differ without anyone changing the file, in plain words, or ""."""
    from workerimpact.report.render import generator

    if not made_by or made_by == generator():
        return ""
    version = made_by_version(made_by)
    if version is not None and version != __version__:
        return t(
            "This statement was made by WorkerImpact {made} and this is WorkerImpact {this}. "
            "Another version may draw the pages differently, so the difference in the pages "
            "may come from that; check the statement with WorkerImpact {made} as well.",
            made=clip(version, 40),
            this=__version__,
        )
    return t(
        "(the file says it was made by {made_by}; this is {generator}, which may draw "
        "pages differently: check it with that version too)",
        made_by=made_by[:80],
        generator=generator(),
    )


def _compare_pages(actual: list[str], drawn: list[str], made_by: str | None) -> list[str]:
    """Compare the signed pages with those drawn again from the attachment.

    When they differ and the file records another maker, a last reason says so in plain
    words; the pages still count as changed (a signer cannot escape the check by writing
    another version into the file).
    """
    if len(actual) != len(drawn):
        reasons = [
            t(
                "the PDF has {actual} pages, but the attached assessment gives {drawn} when "
                "drawn again",
                actual=len(actual),
                drawn=len(drawn),
            )
        ]
    else:
        different = [
            index + 1 for index, (a, b) in enumerate(zip(actual, drawn, strict=True)) if a != b
        ]
        if not different:
            return []
        one = len(different) == 1
        reasons = [
            t(
                "{pages} was changed: it does not show what the attached assessment gives"
                if one
                else "{pages} were changed: they do not show what the attached assessment gives",
                pages=_pages(different),
            )
        ]
    hint = _other_version(made_by)
    return reasons + [hint] if hint else reasons


def read_report(path: Path) -> bytes:
    """The bytes of a report PDF, or ``InputError`` saying why it cannot be read."""
    display = str(path)
    try:
        if path.is_dir():
            raise InputError.single(display, t("this is a folder, not a report PDF"))
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise InputError.single(display, t("the file is larger than any WorkerImpact report"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(display, t("no such file")) from None
    except OSError as error:
        raise InputError.single(
            display, t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    if b"%PDF-" not in data[:1024]:
        raise InputError.single(display, t("this is not a PDF file"))
    return data


def _language(root: Any) -> str:
    """The language the statement was drawn in (its /Lang); English when none is recorded."""
    from workerimpact.report.language import statement_language

    try:
        value = root.get("/Lang")
    except Exception:  # a damaged catalog: the page comparison will say so
        return "en"
    return statement_language(str(value) if value is not None else None)


def _content_checks(resolver: Any, display: str, outcome: Verification) -> list[str]:
    """Checks 2–4 on one revision of the statement; the reasons it fails."""
    reasons: list[str] = []
    root = resolver.root
    try:
        data, names = attachment_data(root)
    except Exception:  # a damaged name tree or file stream
        return [t("the PDF's list of attached files is damaged")]
    others = [name for name in names if name != ATTACHMENT_NAME]
    if others:
        shown = ", ".join(f"“{clip(name, 60)}”" for name in others[:5])
        reasons.append(
            t("the PDF carries other attached files besides the assessment: {names}", names=shown)
        )
    if names.count(ATTACHMENT_NAME) > 1:
        reasons.append(
            t(
                "the PDF has {count} files named {name}",
                count=names.count(ATTACHMENT_NAME),
                name=ATTACHMENT_NAME,
            )
        )
    if data is None:
        reasons.append(
            t(
                "no assessment is attached ({name} is missing): it was removed, or this PDF is "
                "not a statement exported by WorkerImpact",
                name=ATTACHMENT_NAME,
            )
        )
        return reasons
    fingerprint = hashlib.sha256(data).hexdigest()
    outcome.fingerprint = fingerprint
    info = info_entries(resolver)
    recorded = info.get(INFO_FINGERPRINT)
    if recorded != fingerprint:
        reasons.append(
            t(
                "the attached assessment is not the one the statement was made from (its "
                "fingerprint is not recorded)"
                if recorded is None
                else "the attached assessment is not the one the statement was made from (its "
                "fingerprint differs from the one recorded)"
            )
        )
    try:
        assessment = assessment_from_bytes(data, f"{display} ({ATTACHMENT_NAME})")
    except InputError as error:
        reasons.append(
            t("the attached assessment is not a valid assessment file: ")
            + "; ".join(problem.message for problem in error.problems[:3])
        )
        return reasons
    outcome.assessment = assessment
    if canonical_bytes(assessment) != data:
        reasons.append(
            t(
                "the attached assessment is not in canonical form, so it is not the file the "
                "export attached (it was replaced or edited)"
            )
        )
    result = score_assessment(assessment)
    expected = dict(stated_levels(result))
    recorded_levels = info.get(INFO_LEVELS)
    if recorded_levels is None:
        reasons.append(t("the levels recorded in the document information are missing"))
    else:
        reasons += _compare_levels(
            expected,
            parse_info_levels(recorded_levels),
            t("the document information"),
            _names(assessment),
        )

    from workerimpact.report.render import render

    language = _language(root)
    drawn = page_digests(
        open_reader(render(assessment, result, fingerprint, language=language)).root
    )
    reasons += _compare_pages(page_digests(root), drawn, info.get(INFO_GENERATOR))
    outcome.notes.append(t("every page was drawn again from the attached assessment and compared"))
    return reasons


def verify(path: Path) -> Verification:
    """Run every check on the statement at ``path`` (see the module docstring)."""
    display = str(path)
    data = read_report(path)
    try:
        reader = open_reader(data)
        reader.root  # noqa: B018 - reading the catalog is the check
    except Exception:  # pyHanko raises many kinds for damaged files; all mean the same here
        raise InputError.single(
            display, t("the PDF is damaged and cannot be read (it may be cut short)")
        ) from None
    if reader.encrypted:
        raise InputError.single(
            display, t("the PDF is encrypted; WorkerImpact reports are never encrypted")
        )
    outcome = Verification(ok=False)
    try:
        signatures = check_signatures(data, reader)
    except Exception:  # a structure pyHanko cannot follow: not a signed, intact statement
        signatures = SignatureCheck(
            problems=[t("the signatures or revisions of this PDF are damaged and cannot be read")]
        )
    outcome.signers = signatures.signers
    outcome.updates = signatures.updates
    revision = signatures.content_revision
    if revision is None:
        revision = reader.xrefs.total_revisions - 1
    try:
        resolver = reader.get_historical_resolver(revision)
        content = _content_checks(resolver, display, outcome)
    except InputError:
        raise
    except Exception:  # a damaged object in the pages or the attachment
        content = [t("the PDF is damaged: its pages or attachment cannot be read")]
    outcome.reasons += signatures.problems + content
    if not outcome.reasons:
        outcome.verdict = "verified"
        outcome.ok = True
    elif not signatures.signers:
        outcome.verdict = "not signed"
    elif not signatures.intact and not content and t(CUT_SHORT) not in signatures.problems:
        outcome.verdict = "re-saved"
        outcome.reasons.append(
            t(
                "its pages still match the attached assessment, but the signature no longer "
                "shows who made it or that nothing else changed; ask the sender for the file "
                "exactly as exported"
            )
        )
    else:
        outcome.verdict = "altered"
    return outcome
