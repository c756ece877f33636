"""One open assessment: its model in memory, its latest score, and the library that keeps it.

The window edits an assessment through an ``AssessmentSession``: each change is validated,
rescored in memory, saved durably through the library, and only then applied to the
in-memory model, so what the window shows is always what is on disk. Each call returns a
value describing the change (``AnswerChange``) for the views and the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError

from workerimpact.assessment import Answer, Assessment, Metadata, answer_problem
from workerimpact.errors import InputError, Problem
from workerimpact.scoring import AssessmentResult, score_assessment
from workerimpact.storage import AssessmentFinal, Library, LibraryReadOnly, ScoreSummary
from workerimpact.validation import suggest


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()
"""Marks an answer field that ``set_answer`` leaves as it is."""

_EDITABLE = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "stage",
    "stage_started",
)  # fmt: skip


@dataclass(frozen=True)
class AnswerChange:
    """What one ``set_answer`` did: the answer before and after, and the new result."""

    questionnaire_id: str
    question_id: str
    before: Answer | None
    after: Answer
    result: AssessmentResult


def _input_error(error: ValidationError, where: str) -> InputError:
    return InputError(
        Problem("", where, f"{'.'.join(map(str, item['loc']))}: {item['msg']}")
        for item in error.errors(include_url=False)
    )


class AssessmentSession:
    """One open assessment: its in-memory model, its latest score, and the library that keeps it."""

    def __init__(self, library: Library, assessment_id: str, *, assessor: str = ""):
        """Load ``assessment_id`` from ``library`` and score it; changes are recorded as
        made by ``assessor`` (the assessment's own assessor when empty)."""
        self.library: Library = library
        self.assessor: str = assessor
        self.assessment: Assessment = library.get(assessment_id)
        self.result: AssessmentResult = score_assessment(self.assessment)

    @property
    def id(self) -> str:
        """The assessment's id."""
        return self.assessment.id

    @property
    def read_only(self) -> bool:
        """True when the assessment is final or the library cannot be written."""
        return self.library.read_only or self.assessment.metadata.status == "final"

    def _check_editable(self) -> None:
        if self.library.read_only:
            raise LibraryReadOnly(
                f"The change was not saved: the library is read-only "
                f"({self.library.read_only_reason})."
            )
        if self.assessment.metadata.status == "final":
            raise AssessmentFinal(
                "This assessment is final and can no longer be changed. Start a new revision "
                "of it to make changes; the final one is kept as it is."
            )

    def set_answer(
        self,
        questionnaire_id: str,
        question_id: str,
        *,
        value: Any = UNSET,
        comment: Any = UNSET,
        evidence: Any = UNSET,
    ) -> AnswerChange:
        """Change an answer's value, comment or evidence (the fields given), save it, rescore.

        Returns after the change is on disk. Raises ``InputError`` for a value the question
        does not accept; if saving fails, the in-memory assessment and result are unchanged.
        """
        self._check_editable()
        where = f"{questionnaire_id} › {question_id}"
        questionnaire = self.assessment.questionnaire(questionnaire_id)
        if questionnaire is None:
            known = [item.id for item in self.assessment.questionnaires]
            raise InputError.single(
                "",
                f'this assessment does not use questionnaire "{questionnaire_id}"'
                + suggest(questionnaire_id, known),
            )
        question = questionnaire.question(question_id)
        if question is None:
            known = [item.id for item in questionnaire.questions()]
            raise InputError.single(
                "",
                f'questionnaire "{questionnaire_id}" has no question "{question_id}"'
                + suggest(question_id, known),
            )
        before = self.assessment.answer(questionnaire_id, question_id)
        fields = (before or Answer()).model_dump()
        for name, given in (("value", value), ("comment", comment), ("evidence", evidence)):
            if given is not UNSET:
                fields[name] = given
        try:
            after = Answer.model_validate(fields)
        except ValidationError as error:
            raise _input_error(error, where) from None
        problem = answer_problem(question, after.value)
        if problem:
            raise InputError.single("", problem, where=where)
        answers = dict(self.assessment.answers)
        section = dict(answers.get(questionnaire_id, {}))
        if after.is_empty:
            section.pop(question_id, None)
        else:
            section[question_id] = after
        if section:
            answers[questionnaire_id] = section
        else:
            answers.pop(questionnaire_id, None)
        candidate = self.assessment.model_copy(update={"answers": answers})
        result = score_assessment(candidate)
        updated = self.library.set_answer(
            self.assessment.id,
            questionnaire_id,
            question_id,
            after,
            assessor=self.assessor,
            summary=ScoreSummary.of(result),
        )
        candidate.metadata = self.assessment.metadata.model_copy(update={"updated": updated})
        self.assessment = candidate
        self.result = result
        return AnswerChange(questionnaire_id, question_id, before, after, result)

    def update_metadata(self, **fields: Any) -> Assessment:
        """Change metadata fields (organization, site, system, vendor, purpose, assessor,
        role), save them, and return the updated assessment."""
        self._check_editable()
        unknown = [name for name in fields if name not in _EDITABLE]
        if unknown:
            hint = "; change the status with set_status" if "status" in unknown else ""
            raise InputError.single(
                "", f'"{unknown[0]}" cannot be changed here; editable: {", ".join(_EDITABLE)}{hint}'
            )
        data = self.assessment.metadata.model_dump()
        data.update(fields)
        try:
            metadata = Metadata.model_validate(data)
        except ValidationError as error:
            raise _input_error(error, "metadata") from None
        self.library.update_metadata(self.assessment.id, metadata, assessor=self.assessor)
        self.assessment = self.assessment.model_copy(
            update={"metadata": self.library.metadata(self.assessment.id)}
        )
        # The stage decides which questions are asked and the dates rules count from.
        self.result = score_assessment(self.assessment)
        return self.assessment

    def set_status(self, status: str) -> None:
        """Move the assessment to ``draft``, ``in_review`` or ``final`` and save it."""
        self.library.set_status(self.assessment.id, status, assessor=self.assessor)
        self.assessment = self.assessment.model_copy(
            update={"metadata": self.library.metadata(self.assessment.id)}
        )

    def new_revision(self) -> str:
        """Start a new draft revision of this assessment in the library; return its id."""
        return self.library.new_revision(self.assessment.id).id
