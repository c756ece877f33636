"""Text a reader could misread: look-alike letters from other scripts, characters no font prints.

A name such as "ЅЕVЕRЕ" (Cyrillic Ѕ and Е around a Latin V) looks exactly like "SEVERE".
``lookalikes`` finds words that mix Latin, Greek and Cyrillic letters in names, titles and
option labels, so the statement can flag them; ``unprintable_fields`` says which field holds
a character no font on this machine can print (the PDF shows it as a ``[U+…]`` marker).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from workerimpact.assessment import Assessment

_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
_WORD = re.compile(r"\w+")


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for script in _SCRIPTS:
        if name.startswith(script):
            return script.capitalize()
    return None


def mixed_script_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Words mixing Latin, Greek and Cyrillic letters, with the scripts they mix."""
    if text.isascii():
        return []
    found = []
    for word in _WORD.findall(text):
        scripts = {_script(char) for char in word} - {None}
        if len(scripts) > 1:
            found.append((word, tuple(sorted(scripts))))  # type: ignore[arg-type]
    return found


def names(assessment: Assessment) -> Iterator[tuple[str, str]]:
    """(what it is, text) for every name and title a reader relies on to recognise things."""
    meta = assessment.metadata
    yield from (
        ("Organization", meta.organization),
        ("Site", meta.site),
        ("AI system", meta.system),
        ("Vendor", meta.vendor),
        ("Assessed by", meta.assessor),
    )
    for questionnaire in assessment.questionnaires:
        yield "Questionnaire title", questionnaire.title
        for dimension in questionnaire.dimensions:
            yield f"Dimension of {questionnaire.title}", dimension.title
        for rule in questionnaire.rules:
            yield f"Finding title in {questionnaire.title}", rule.title
        for question in questionnaire.questions():
            for option in question.options:
                yield f"Option of “{question.text[:80]}”", option.label


def lookalikes(assessment: Assessment) -> list[str]:
    """One sentence per name or title holding words that mix look-alike scripts."""
    sentences = []
    for label, text in names(assessment):
        for word, scripts in mixed_script_words(text):
            sentences.append(
                f"{label} “{word}” mixes {' and '.join(scripts)} letters that look alike: "
                "it may not be what it seems"
            )
    return sentences


def fields(assessment: Assessment) -> Iterator[tuple[str, str]]:
    """(field, text) for every text the statement prints from the assessment."""
    yield from names(assessment)
    yield "Purpose", assessment.metadata.purpose
    for questionnaire in assessment.questionnaires:
        given = assessment.answers.get(questionnaire.id, {})
        for section in questionnaire.sections:
            yield f"Section title in {questionnaire.title}", section.title
            for question in section.questions:
                yield "Question", question.text
                answer = given.get(question.id)
                if answer is None:
                    continue
                where = f"“{question.text[:80]}”"
                if isinstance(answer.value, str) and not question.options:
                    yield f"The answer to {where}", answer.value
                yield f"The comment on {where}", answer.comment
                yield f"The evidence note on {where}", answer.evidence
        for rule in questionnaire.rules:
            for part in (rule.explanation, rule.recommendation, rule.source or ""):
                yield f"Finding “{rule.title[:80]}”", part


def unprintable_fields(assessment: Assessment) -> list[str]:
    """One sentence per field holding characters no font on this machine prints."""
    from workerimpact.report.fonts import unprintable
    from workerimpact.report.text import plain

    sentences = []
    for field, text in fields(assessment):
        missing = unprintable(plain(text)) if text else []
        if missing:
            shown = ", ".join(missing[:5])
            if len(missing) > 5:
                shown += f" and {len(missing) - 5} more"
            sentences.append(
                f"{plain(field)} holds characters no font on this machine can print ({shown}); "
                "the PDF shows them as [U+…] markers"
            )
    return sentences
