"""Assessments: who assessed which AI system, against which questionnaires, with which answers.

The portable assessment file embeds the full questionnaires it was answered against, so it
stands alone on another machine. Its canonical form (``canonical_bytes``) is what the
fingerprint printed in reports is computed over; see ``docs/assessment-format.md``.

This module reads and validates that file, writes it and computes its fingerprint; the
models themselves live in ``workerimpact.assessment_model`` and are re-exported here, so
``from workerimpact.assessment import Assessment`` keeps working.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workerimpact.assessment_model import (
    ASSESSMENT_FORMAT,
    ASSESSOR_ROLES,
    MAX_ANSWER_TEXT,
    OPTIONAL_METADATA,
    STAGE_LABELS,
    STATUSES,
    Answer,
    AnswerValue,
    Assessment,
    AssessorRole,
    LongText,
    Metadata,
    MetaText,
    Status,
    answer_problem,
    is_unanswered,
    new_assessment,
    now,
    ordered_answers,
)
from workerimpact.errors import InputError, Problem
from workerimpact.files import atomic_write
from workerimpact.i18n import t
from workerimpact.jsonfile import (
    JsonDocument,
    canonical_json,
    collection_paused,
    nesting_problem,
    parse_json_bytes,
    pretty_json,
    read_json_file,
)
from workerimpact.loader import questionnaire_from_document
from workerimpact.questionnaire import QUESTIONNAIRE_FORMAT, Questionnaire
from workerimpact.safetext import quote
from workerimpact.validation import problems_from_validation_error, suggest

__all__ = [
    "ASSESSMENT_FORMAT",
    "ASSESSOR_ROLES",
    "MAX_ANSWER_TEXT",
    "MAX_ASSESSMENT_BYTES",
    "OPTIONAL_METADATA",
    "STAGE_LABELS",
    "STATUSES",
    "Answer",
    "AnswerValue",
    "Assessment",
    "AssessorRole",
    "LongText",
    "MetaText",
    "Metadata",
    "Status",
    "answer_problem",
    "assessment_from_bytes",
    "assessment_from_document",
    "canonical_bytes",
    "fingerprint",
    "is_unanswered",
    "load_assessment",
    "new_assessment",
    "now",
    "ordered_answers",
    "questionnaire_hash",
    "save_assessment",
    "to_json_data",
]

MAX_ASSESSMENT_BYTES = 50_000_000
"""Largest assessment file accepted (50 MB)."""


def _answer_problems(assessment: Assessment, document: JsonDocument) -> list[Problem]:
    problems: list[Problem] = []
    known = {questionnaire.id: questionnaire for questionnaire in assessment.questionnaires}
    for questionnaire_id, answers in assessment.answers.items():
        questionnaire = known.get(questionnaire_id)
        if questionnaire is None:
            problems.append(
                Problem(
                    document.path,
                    document.where(("answers", questionnaire_id)),
                    t(
                        "answers are given for questionnaire {questionnaire_id}, "
                        "which the assessment does not include",
                        questionnaire_id=quote(questionnaire_id),
                    )
                    + suggest(questionnaire_id, known),
                )
            )
            continue
        for question_id, answer in answers.items():
            where = document.where(("answers", questionnaire_id, question_id))
            question = questionnaire.question(question_id)
            if question is None:
                ids = [item.id for item in questionnaire.questions()]
                problems.append(
                    Problem(
                        document.path,
                        where,
                        t(
                            'questionnaire "{questionnaire_id}" has no question {question_id}',
                            questionnaire_id=questionnaire_id,
                            question_id=quote(question_id),
                        )
                        + suggest(question_id, ids),
                    )
                )
                continue
            problem = answer_problem(question, answer.value)
            if problem:
                problems.append(
                    Problem(
                        document.path,
                        document.where(("answers", questionnaire_id, question_id, "value")),
                        f'{problem} (question "{question_id}")',
                    )
                )
    return problems


# --- reading and writing -------------------------------------------------------------------


def load_assessment(path: str | Path) -> Assessment:
    """Read and validate an assessment file, or raise ``InputError`` with every problem."""
    with collection_paused(keep=True):
        document = read_json_file(path, max_bytes=MAX_ASSESSMENT_BYTES, kind="assessment")
        return assessment_from_document(document)


def assessment_from_bytes(raw: bytes, display: str) -> Assessment:
    """Parse and validate assessment JSON held in memory (e.g. a PDF attachment)."""
    with collection_paused(keep=True):
        document = parse_json_bytes(
            raw, display=display, max_bytes=MAX_ASSESSMENT_BYTES, kind="assessment"
        )
        return assessment_from_document(document)


def assessment_from_document(document: JsonDocument) -> Assessment:
    """Validate parsed assessment JSON, embedded questionnaires included."""
    with collection_paused():
        try:
            return _validate(document)
        except InputError:
            too_deep = nesting_problem(document)
            if too_deep is not None:
                raise InputError([too_deep]) from None
            raise


def _validate(document: JsonDocument) -> Assessment:
    raw = document.data
    if not isinstance(raw, dict):
        raise InputError.single(document.path, t("an assessment file holds a JSON object"))
    marker = raw.get("format")
    if marker != ASSESSMENT_FORMAT:
        if isinstance(marker, str) and marker.startswith("workerimpact-assessment/"):
            message = t(
                'this assessment uses the newer format "{marker}"; update WorkerImpact',
                marker=marker,
            )
        elif marker == QUESTIONNAIRE_FORMAT or "sections" in raw:
            message = t(
                "this looks like a questionnaire, not an assessment; install "
                "it (`workerimpact install`) and start an assessment from it "
                "(`workerimpact new`)"
            )
        elif marker is None:
            message = t('not an assessment file: it has no "format" marker')
        else:
            message = t(
                "not an assessment file (its format is {marker}); assessment "
                'files say "format": "{assessment_format}"',
                marker=quote(marker),
                assessment_format=ASSESSMENT_FORMAT,
            )
        where = document.where(("format",)) if "format" in raw else ""
        raise InputError.single(document.path, message, where=where)
    problems: list[Problem] = []
    questionnaires: list[Questionnaire] = []
    raw_questionnaires = raw.get("questionnaires")
    if not isinstance(raw_questionnaires, list) or not raw_questionnaires:
        problems.append(
            Problem(
                document.path,
                document.where(("questionnaires",)),
                t("an assessment must embed the questionnaires it uses (a non-empty list)"),
            )
        )
        raw_questionnaires = []
    for index, item in enumerate(raw_questionnaires):
        try:
            questionnaires.append(
                questionnaire_from_document(document, item, ("questionnaires", index))
            )
        except InputError as error:
            problems += error.problems
    ids = [questionnaire.id for questionnaire in questionnaires]
    for index, questionnaire_id in enumerate(ids):
        if questionnaire_id in ids[:index]:
            problems.append(
                Problem(
                    document.path,
                    document.where(("questionnaires", index)),
                    t(
                        'questionnaire "{questionnaire_id}" is embedded twice',
                        questionnaire_id=questionnaire_id,
                    ),
                )
            )
    envelope = {key: value for key, value in raw.items() if key != "questionnaires"}
    try:
        assessment = Assessment.model_validate(envelope)
    except ValidationError as error:
        problems += problems_from_validation_error(error, envelope, document)
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    assessment.questionnaires = questionnaires
    problems = _answer_problems(assessment, document)
    if problems:
        raise InputError(problems)
    return assessment


def to_json_data(assessment: Assessment) -> dict[str, Any]:
    """The assessment as JSON data in its portable form."""
    data = assessment.model_dump(
        mode="json", by_alias=True, exclude={"schema_reference", "questionnaires"}
    )
    data["questionnaires"] = [item.to_json_data() for item in assessment.questionnaires]
    # Written only when set, so an assessment made before stages existed keeps its bytes
    # (and its fingerprint).
    for name in OPTIONAL_METADATA:
        if data["metadata"].get(name) is None:
            data["metadata"].pop(name, None)
    return data


def canonical_bytes(assessment: Assessment) -> bytes:
    """The canonical serialization: sorted keys, UTF-8, no whitespace, no duplicate keys."""
    return canonical_json(to_json_data(assessment))


def fingerprint(assessment: Assessment) -> str:
    """SHA-256 of the canonical serialization, as 64 lowercase hex digits."""
    return hashlib.sha256(canonical_bytes(assessment)).hexdigest()


def questionnaire_hash(questionnaire: Questionnaire) -> str:
    """SHA-256 of a questionnaire's canonical serialization (its content hash).

    Translations are part of the file, so they are part of the hash; a one-language view
    (``questionnaire.localized``) has the hash of the questionnaire as written.
    """
    data = questionnaire.as_written.to_json_data()
    return hashlib.sha256(canonical_json(data)).hexdigest()


def save_assessment(assessment: Assessment, path: str | Path) -> None:
    """Write the portable assessment file atomically."""
    atomic_write(path, pretty_json(to_json_data(assessment)).encode("utf-8"))
