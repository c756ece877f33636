"""Moving an assessment to a newer version of its built-in questionnaires.

An assessment embeds the questionnaires it was answered against (and the library stores them
by content hash), so an assessment started on 1.0.0 keeps opening, scoring and printing
exactly as it did. Moving it to 2.0.0 is a choice: ``upgrade_assessment`` returns a *new*
assessment (a new revision that names the old one) with the newer questionnaires and every
answer the published mapping can carry over. The old assessment is not changed.

The mapping (``questionnaires/mappings/*.json``, documented in ``docs/questionnaire-upgrades.md``)
lists each question whose meaning changed: why, which new questions take its place, and how
each old answer is carried. Every other question keeps its id and its answer as it is. An
answer that cannot be carried is kept, in words, in the comment of the new question it
belongs to, and listed in ``Upgrade.needs_answer`` so the assessor sees what to answer again.
Nothing is lost: the old revision stays, and the new one holds every old answer either as an
answer or as a comment.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from workerimpact.assessment import (
    Answer,
    Assessment,
    answer_problem,
    is_unanswered,
    now,
)
from workerimpact.errors import InputError
from workerimpact.i18n import t
from workerimpact.jsonfile import read_json_file
from workerimpact.loader import load_questionnaire
from workerimpact.paths import builtin_questionnaires_dir
from workerimpact.questionnaire import Question, Questionnaire
from workerimpact.validation import problems_from_validation_error

MAPPING_FORMAT = "workerimpact-mapping/1"
MAX_MAPPING_BYTES = 1_000_000
"""The format marker of a mapping file."""

Value = StrictStr | list[StrictStr]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class QuestionMapping(_Model):
    """How the answer to one changed question of the older version is carried over."""

    why: Annotated[str, Field(min_length=1)]
    to: list[StrictStr] = Field(
        description="The newer questions that take its place; 'other-questionnaire/question' "
        "names a question of another questionnaire of the same assessment."
    )
    options: dict[StrictStr, dict[StrictStr, Value] | None] = Field(
        default={},
        description="Old option id -> {new question: new answer}; null: needs a new answer.",
    )


class MappingFile(_Model):
    """A published mapping between two versions of the built-in questionnaires."""

    format: Literal["workerimpact-mapping/1"]
    title: str = ""
    from_version: StrictStr
    to_version: StrictStr
    about: str = ""
    questionnaires: dict[StrictStr, dict[StrictStr, QuestionMapping]]


@dataclass(frozen=True)
class NeedsAnswer:
    """A question of the newer version that needs a (new) answer after the move."""

    questionnaire_id: str
    question_id: str
    question_text: str
    reason: str
    old_answer: str = ""


@dataclass(frozen=True)
class Upgrade:
    """The result of moving an assessment: the new revision and what it still needs."""

    assessment: Assessment
    moved: tuple[tuple[str, str, str], ...]
    """(questionnaire id, old version, new version) for each questionnaire moved."""
    carried: int
    needs_answer: tuple[NeedsAnswer, ...] = ()
    new_questions: tuple[NeedsAnswer, ...] = ()


@dataclass
class _Draft:
    """New answers being assembled, per questionnaire, with their notes."""

    values: dict[str, dict[str, Value]] = field(default_factory=dict)
    comments: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    evidence: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    conflicts: set[tuple[str, str]] = field(default_factory=set)
    needs: list[NeedsAnswer] = field(default_factory=list)

    def note(self, questionnaire_id: str, question_id: str, comment: str, evidence: str) -> None:
        if comment:
            self.comments.setdefault(questionnaire_id, {}).setdefault(question_id, [])
            if comment not in self.comments[questionnaire_id][question_id]:
                self.comments[questionnaire_id][question_id].append(comment)
        if evidence:
            self.evidence.setdefault(questionnaire_id, {}).setdefault(question_id, [])
            if evidence not in self.evidence[questionnaire_id][question_id]:
                self.evidence[questionnaire_id][question_id].append(evidence)

    def set(self, questionnaire_id: str, question: Question, value: Value) -> None:
        current = self.values.setdefault(questionnaire_id, {})
        old = current.get(question.id)
        if old is None:
            current[question.id] = value
        elif isinstance(old, list) and isinstance(value, list):
            merged = old + [item for item in value if item not in old]
            # "None of these" cannot stay beside a real choice.
            real = [item for item in merged if not _exclusive(question, item)]
            current[question.id] = real if real and len(real) < len(merged) else merged
        elif old != value:
            self.conflicts.add((questionnaire_id, question.id))


def _exclusive(question: Question, option_id: str) -> bool:
    option = question.option(option_id)
    return option is not None and (option.exclusive or option.special)


def mappings_dir() -> Path:
    """The folder of the published mappings, beside the built-in questionnaires."""
    return builtin_questionnaires_dir() / "mappings"


@cache
def load_mappings(folder: Path | None = None) -> tuple[MappingFile, ...]:
    """Every mapping file in ``folder`` (the built-in mappings by default), validated."""
    folder = folder or mappings_dir()
    found = []
    for path in sorted(folder.glob("*.json")):
        document = read_json_file(path, max_bytes=MAX_MAPPING_BYTES, kind="mapping")
        try:
            found.append(MappingFile.model_validate(document.data))
        except ValidationError as error:
            raise InputError(
                problems_from_validation_error(error, document.data, document)
            ) from None
    return tuple(found)


def _mapping_for(questionnaire_id: str, old: str, new: str) -> dict[str, QuestionMapping] | None:
    for mapping in load_mappings():
        if (mapping.from_version, mapping.to_version) == (old, new):
            return mapping.questionnaires.get(questionnaire_id, {})
    return None


@cache
def _builtin(questionnaire_id: str) -> Questionnaire | None:
    path = builtin_questionnaires_dir() / f"{questionnaire_id}.json"
    return load_questionnaire(path) if path.is_file() else None


def upgrades_available(
    assessment: Assessment, targets: Mapping[str, Questionnaire] | None = None
) -> list[tuple[str, str, str]]:
    """(questionnaire id, its version, newer version) for each questionnaire that can move.

    A questionnaire can move when a newer built-in with the same id exists and a published
    mapping leads from the assessment's version to it.
    """
    return upgrades_for(assessment.questionnaires, targets)


def upgrades_for(
    questionnaires: Iterable[Questionnaire], targets: Mapping[str, Questionnaire] | None = None
) -> list[tuple[str, str, str]]:
    """``upgrades_available`` for a list of questionnaires (what the window holds)."""
    found = []
    for questionnaire in questionnaires:
        target = (targets or {}).get(questionnaire.id) or _builtin(questionnaire.id)
        if target is None or target.version == questionnaire.version:
            continue
        if _mapping_for(questionnaire.id, questionnaire.version, target.version) is not None:
            found.append((questionnaire.id, questionnaire.version, target.version))
    return found


def answer_in_words(question: Question, value: object) -> str:
    """An answer as a person reads it: option labels, not ids."""
    if isinstance(value, list):
        return "; ".join(answer_in_words(question, item) for item in value)
    if isinstance(value, str) and question.option(value) is not None:
        return question.option(value).label
    return str(value)


def upgrade_assessment(
    assessment: Assessment, targets: Mapping[str, Questionnaire] | None = None
) -> Upgrade:
    """Move ``assessment`` to the newer questionnaires; return the new revision.

    ``targets`` (questionnaire id -> newer questionnaire) defaults to the built-ins. Raises
    ``InputError`` when nothing can move. The returned assessment has a new id, revision + 1,
    ``previous_revision`` set to the old id, status draft, and the old stage (none for
    assessments made before stages existed).
    """
    moves = upgrades_available(assessment, targets)
    if not moves:
        raise InputError.single(
            "", t("this assessment already uses the newest questionnaires it can move to")
        )
    newer = {qid: (targets or {}).get(qid) or _builtin(qid) for qid, _old, _new in moves}
    questionnaires = [newer.get(q.id, q) for q in assessment.questionnaires]
    by_id = {q.id: q for q in questionnaires}
    draft = _Draft()
    carried = 0
    for qid, old_version, new_version in moves:
        old = assessment.questionnaire(qid)
        mapping = _mapping_for(qid, old_version, new_version) or {}
        for question_id, answer in assessment.answers.get(qid, {}).items():
            question = old.question(question_id)
            if question is None or answer.is_empty:
                continue
            carried += _carry(draft, qid, question, answer, mapping.get(question_id), by_id)
    answers = {qid: dict(items) for qid, items in assessment.answers.items() if qid not in newer}
    for qid in newer:
        answers[qid] = {}
    _assemble(draft, answers, by_id)
    needs = _needs(draft, answers, by_id)
    metadata = assessment.metadata.model_copy(
        update={
            "status": "draft",
            "revision": assessment.metadata.revision + 1,
            "previous_revision": assessment.id,
            "created": now(),
            "updated": now(),
        }
    )
    upgraded = Assessment(
        id=uuid.uuid4().hex,
        metadata=metadata,
        questionnaires=questionnaires,
        answers={qid: items for qid, items in answers.items() if items},
    )
    new_questions = _new_questions(assessment, moves, by_id, answers)
    hidden = _hidden(upgraded)
    needs = [item for item in needs if (item.questionnaire_id, item.question_id) not in hidden]
    new_questions = [
        item for item in new_questions if (item.questionnaire_id, item.question_id) not in hidden
    ]
    return Upgrade(upgraded, tuple(moves), carried, tuple(needs), tuple(new_questions))


def _hidden(assessment: Assessment) -> set[tuple[str, str]]:
    """Questions the new revision does not show (skip logic, stage): nothing to answer there."""
    from workerimpact.scoring import score_assessment

    result = score_assessment(assessment)
    return {(item.id, question_id) for item in result.questionnaires for question_id in item.hidden}


def _carry(
    draft: _Draft,
    qid: str,
    question: Question,
    answer: Answer,
    mapping: QuestionMapping | None,
    by_id: Mapping[str, Questionnaire],
) -> int:
    """Carry one old answer into the draft; return 1 if it was carried whole."""
    words = answer_in_words(question, answer.value)
    old_note = f"Answer on the earlier version to “{question.text}”: {words}."
    if mapping is None:
        target = by_id[qid].question(question.id)
        if target is not None and answer_problem(target, answer.value) is None:
            if not is_unanswered(answer.value):
                draft.set(qid, target, answer.value)
            draft.note(qid, target.id, answer.comment, answer.evidence)
            return 1
        reason = t("the earlier answer is no longer one of its options")
        if target is None:
            return 0
        draft.needs.append(NeedsAnswer(qid, target.id, target.text, reason, words))
        draft.note(qid, target.id, old_note, answer.evidence)
        return 0
    chosen = answer.value if isinstance(answer.value, list) else [answer.value]
    mapped = [mapping.options.get(option_id) for option_id in chosen]
    whole = all(targets is not None for targets in mapped)
    given: dict[tuple[str, str], Value] = {}
    if whole:
        for targets in mapped:
            for name, value in targets.items():
                place = _place(qid, name)
                old = given.get(place)
                if isinstance(old, list) and isinstance(value, list):
                    given[place] = old + [item for item in value if item not in old]
                else:
                    given.setdefault(place, value)
    for (target_qid, target_id), value in given.items():
        target = _question(by_id, target_qid, target_id)
        if target is None or answer_problem(target, value) is not None:
            continue
        draft.set(target_qid, target, value)
        note = answer.comment
        if value == "not_applicable" and not note:
            note = f"Carried over from the earlier question “{question.text}”: {words}."
        draft.note(target_qid, target.id, note, answer.evidence)
    missing = 0
    for name in mapping.to:
        target_qid, target_id = _place(qid, name)
        target = _question(by_id, target_qid, target_id)
        if target is None or (target_qid, target_id) in given:
            continue
        missing += 1
        draft.needs.append(NeedsAnswer(target_qid, target.id, target.text, mapping.why, words))
        draft.note(target_qid, target.id, old_note, answer.evidence)
    return 1 if whole and not missing else 0


def _question(by_id: Mapping[str, Questionnaire], qid: str, question_id: str) -> Question | None:
    questionnaire = by_id.get(qid)
    return questionnaire.question(question_id) if questionnaire else None


def _place(qid: str, name: str) -> tuple[str, str]:
    if "/" in name:
        other, _, question_id = name.partition("/")
        return other, question_id
    return qid, name


def _assemble(
    draft: _Draft, answers: dict[str, dict[str, Answer]], by_id: Mapping[str, Questionnaire]
) -> None:
    places = set()
    for mapping in (draft.values, draft.comments, draft.evidence):
        places |= {(qid, question_id) for qid, items in mapping.items() for question_id in items}
    for qid, question_id in sorted(places):
        if qid not in answers:
            continue
        existing = answers[qid].get(question_id)
        if existing is not None and not existing.is_empty:
            continue  # an answer the other questionnaire already had wins
        value = draft.values.get(qid, {}).get(question_id)
        if (qid, question_id) in draft.conflicts:
            question = by_id[qid].question(question_id)
            draft.needs.append(
                NeedsAnswer(
                    qid,
                    question_id,
                    question.text,
                    t("earlier answers point to different answers here"),
                    answer_in_words(question, value),
                )
            )
            value = None
        comment = "\n".join(draft.comments.get(qid, {}).get(question_id, []))
        evidence = "\n".join(draft.evidence.get(qid, {}).get(question_id, []))
        answer = Answer(value=value, comment=comment, evidence=evidence)
        if not answer.is_empty:
            answers[qid][question_id] = answer


def _needs(
    draft: _Draft, answers: Mapping[str, Mapping[str, Answer]], by_id: Mapping[str, Questionnaire]
) -> list[NeedsAnswer]:
    seen = set()
    needs = []
    for item in draft.needs:
        answer = answers.get(item.questionnaire_id, {}).get(item.question_id)
        if answer is not None and not is_unanswered(answer.value):
            continue
        key = (item.questionnaire_id, item.question_id)
        if key not in seen:
            seen.add(key)
            needs.append(item)
    return needs


def _new_questions(
    old: Assessment,
    moves: Iterable[tuple[str, str, str]],
    by_id: Mapping[str, Questionnaire],
    answers: Mapping[str, Mapping[str, Answer]],
) -> list[NeedsAnswer]:
    found = []
    for qid, _old, _new in moves:
        before = old.questionnaire(qid)
        for question in by_id[qid].questions():
            if before.question(question.id) is not None or not question.scored:
                continue
            answer = answers.get(qid, {}).get(question.id)
            if answer is not None and not is_unanswered(answer.value):
                continue
            found.append(NeedsAnswer(qid, question.id, question.text, t("a new question")))
    return found


def summary_lines(upgrade: Upgrade, questionnaires: Sequence[Questionnaire]) -> list[str]:
    """The move in words, one line each: what moved, what was carried, what needs answering."""
    titles = {q.id: q.title for q in questionnaires}
    lines = [f"{titles.get(qid, qid)}: {old} → {new}" for qid, old, new in upgrade.moved]
    lines.append(t("{count} earlier answers carried over as they were.", count=upgrade.carried))
    if upgrade.needs_answer:
        count = len(upgrade.needs_answer)
        lines.append(t("{count} questions need a new answer:", count=count))
        lines += [
            f"  • {titles.get(item.questionnaire_id, item.questionnaire_id)} › "
            f"{item.question_text} — {item.reason.rstrip('.')}; "
            + t("earlier answer: {answer}", answer=item.old_answer)
            for item in upgrade.needs_answer
        ]
    if upgrade.new_questions:
        count = len(upgrade.new_questions)
        lines.append(t("{count} new questions to answer.", count=count))
    return lines
