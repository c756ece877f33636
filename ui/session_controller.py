"""The open assessment, as the window sees it: a copy of its state and the calls that change it.

The ``AssessmentSession`` itself lives on the library thread: every call to it goes through
``AppContext.run``. The GUI keeps only values the session returned (answers, the latest
``AssessmentResult``, metadata) and signals each change to the views, which re-read what
they need. Nothing here touches a widget.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext

FIELDS = ("value", "comment", "evidence")


@dataclass
class EditorState:
    """What the window knows of the open assessment."""

    assessment_id: str
    metadata: Any
    questionnaires: list
    answers: dict[str, dict[str, Any]]
    result: Any
    read_only: bool
    library_read_only: bool = False
    received: bool = False
    """Someone else's record added from a file: shown read-only (``ui.received``)."""
    received_check: Any = None
    """What verify said of the report a received record came from (``ReceivedCheck``), kept
    in the library; None when none is kept or the record no longer matches it."""
    failed: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    """Edits the core refused or could not save, kept to retry (nothing typed is lost)."""

    def answer(self, questionnaire_id: str, question_id: str):
        return self.answers.get(questionnaire_id, {}).get(question_id)

    def questionnaire(self, questionnaire_id: str):
        for questionnaire in self.questionnaires:
            if questionnaire.id == questionnaire_id:
                return questionnaire
        return None

    def section_of(self, questionnaire_id: str, question_id: str):
        questionnaire = self.questionnaire(questionnaire_id)
        if questionnaire is None:
            return None
        for section in questionnaire.sections:
            if any(question.id == question_id for question in section.questions):
                return section
        return None


def answer_fields(answer) -> dict[str, Any]:
    """An answer (or None) as the three fields ``set_answer`` takes."""
    if answer is None:
        return {"value": None, "comment": "", "evidence": ""}
    return {"value": answer.value, "comment": answer.comment, "evidence": answer.evidence}


def shown(questionnaires) -> list:
    """The questionnaires in the window's language where they have it (answers as written)."""
    from ui.i18n import current_language
    from workerimpact.questionnaire import localized

    language = current_language()
    if language == "en":
        return list(questionnaires)
    views = []
    for questionnaire in questionnaires:
        key = (id(questionnaire), language)
        cached = _VIEWS.get(key)
        if cached is None or cached[0] is not questionnaire:
            if len(_VIEWS) > 64:
                _VIEWS.clear()
            cached = _VIEWS[key] = (questionnaire, localized(questionnaire, language))
        views.append(cached[1])
    return views


_VIEWS: dict[tuple[int, str], tuple[Any, Any]] = {}
"""Each questionnaire's view in the window's language, made once (keeps the original alive,
so its id is not reused)."""


def shown_result(assessment, result):
    """The result scored on the questionnaires as read in the window's language (titles,
    findings and rules in words); the same result in English. Run on the library thread."""
    from ui.i18n import current_language

    if current_language() == "en":
        return result
    from workerimpact.scoring import score_assessment

    views = shown(assessment.questionnaires)
    if all(view is q for view, q in zip(views, assessment.questionnaires, strict=True)):
        return result
    return score_assessment(assessment.model_copy(update={"questionnaires": views}))


def shown_change(assessment, change):
    """``change`` with its result as the window shows it (``shown_result``)."""
    import dataclasses

    result = shown_result(assessment, change.result)
    return change if result is change.result else dataclasses.replace(change, result=result)


def _open_session(library, assessment_id: str, assessor: str, role: str = ""):
    from ui.received import is_received
    from workerimpact.session import AssessmentSession

    session = AssessmentSession(library, assessment_id, assessor=assessor)
    assessment = session.assessment
    received = is_received(library, assessment, assessor, role)
    check = library.received_check(assessment.id) if received else None
    if check is not None and not check.applies_to(assessment):
        check = None
    state = EditorState(
        assessment_id=assessment.id,
        metadata=assessment.metadata,
        questionnaires=shown(assessment.questionnaires),
        answers={qid: dict(answers) for qid, answers in assessment.answers.items()},
        result=shown_result(assessment, session.result),
        read_only=session.read_only or received,
        library_read_only=library.read_only,
        received=received,
        received_check=check,
    )
    return session, state


class SessionController(QObject):
    """Opens an assessment and sends its changes through the session, one at a time."""

    opened = Signal(object)
    """EditorState of the assessment just opened."""
    closed = Signal()
    result_changed = Signal(object)
    """The new AssessmentResult after a change."""
    answer_changed = Signal(str, str, object, str, object, object)
    """questionnaire id, question id, the Answer now (or None), origin ("user", "undo",
    "redo", "retry"), and the fields before and after."""
    answer_failed = Signal(str, str, object, object, str)
    """questionnaire id, question id, the fields not saved, the error, origin."""
    saved = Signal(object)
    """The local time a change was saved."""
    metadata_changed = Signal(object)
    """The assessment's Metadata after a change (status, organization…)."""
    in_flight_changed = Signal(int)
    """How many answer saves are on their way to the library."""

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.session = None
        self.state: EditorState | None = None
        self.assessor = ""
        self.role = ""
        """The user's role from Settings ("" when not set)."""
        self.in_flight = 0

    def _count_in_flight(self, step: int) -> None:
        self.in_flight = max(0, self.in_flight + step)
        self.in_flight_changed.emit(self.in_flight)

    @property
    def is_open(self) -> bool:
        return self.state is not None

    def open(self, assessment_id: str, done=None, failed=None) -> None:
        """Open an assessment on the library thread, then emit ``opened``."""
        assessor, role = self.assessor, self.role

        def finished(value) -> None:
            self.session, self.state = value
            self.opened.emit(self.state)
            if done is not None:
                done(self.state)

        self.context.run(
            lambda library: _open_session(library, assessment_id, assessor, role), finished, failed
        )

    def close(self) -> None:
        """Forget the open assessment (its answers are already saved)."""
        self.session = None
        self.state = None
        self.closed.emit()

    def set_fields(
        self, questionnaire_id: str, question_id: str, fields: dict[str, Any], origin: str = "user"
    ) -> None:
        """Save some fields of an answer (``value``, ``comment``, ``evidence``)."""
        session, state = self.session, self.state
        if session is None or state is None:
            return
        key = (questionnaire_id, question_id)

        def job(_library):
            change = session.set_answer(questionnaire_id, question_id, **fields)
            return shown_change(session.assessment, change)

        def done(change) -> None:
            self._count_in_flight(-1)
            if self.state is not state:
                return  # another assessment was opened meanwhile
            # Read here, not when the edit was asked for: saves run one after another, so
            # an edit queued behind another (typing, then Clear) starts from its result.
            before = answer_fields(state.answer(questionnaire_id, question_id))
            after = change.after if not change.after.is_empty else None
            answers = state.answers.setdefault(questionnaire_id, {})
            if after is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = after
            failed_fields = state.failed.get(key)
            if failed_fields is not None:
                for name in fields:
                    failed_fields.pop(name, None)
                if not failed_fields:
                    del state.failed[key]
            state.result = change.result
            self.answer_changed.emit(
                questionnaire_id, question_id, after, origin, before, answer_fields(after)
            )
            self.result_changed.emit(change.result)
            self.saved.emit(dt.datetime.now())
            self.context.library_changed.emit()

        def failed(error: BaseException) -> None:
            self._count_in_flight(-1)
            if self.state is not state:
                return
            state.failed.setdefault(key, {}).update(fields)
            self.answer_failed.emit(questionnaire_id, question_id, dict(fields), error, origin)

        self._count_in_flight(1)
        self.context.run(job, done, failed)

    def retry(self, questionnaire_id: str, question_id: str) -> None:
        """Try again to save what could not be saved for a question."""
        if self.state is None:
            return
        fields = self.state.failed.get((questionnaire_id, question_id))
        if fields:
            self.set_fields(questionnaire_id, question_id, dict(fields), origin="retry")

    def retry_all(self) -> None:
        """Try again every edit that could not be saved."""
        if self.state is None:
            return
        for questionnaire_id, question_id in list(self.state.failed):
            self.retry(questionnaire_id, question_id)

    def update_metadata(self, fields: dict[str, Any], done=None) -> None:
        """Change organization, site, system, vendor, purpose, assessor or role."""
        session, state = self.session, self.state
        if session is None:
            return

        def finished(assessment) -> None:
            if self.state is state:
                state.metadata = assessment.metadata
                self.metadata_changed.emit(assessment.metadata)
                self.saved.emit(dt.datetime.now())
            if done is not None:
                done(assessment.metadata)

        self.context.run(lambda _library: session.update_metadata(**fields), finished, changes=True)

    def set_status(self, status: str, done=None) -> None:
        """Move the assessment to draft, in review or final."""
        session, state = self.session, self.state
        if session is None:
            return

        def job(_library):
            session.set_status(status)
            return session.assessment.metadata, session.read_only

        def finished(value) -> None:
            metadata, read_only = value
            if self.state is state:
                state.metadata = metadata
                state.read_only = read_only or state.received
                self.metadata_changed.emit(metadata)
                self.saved.emit(dt.datetime.now())
            if done is not None:
                done(metadata)

        self.context.run(job, finished, changes=True)

    def new_revision(self, done) -> None:
        """Copy the assessment into a new draft; ``done(new_id)``."""
        session = self.session
        if session is not None:
            self.context.run(lambda _library: session.new_revision(), done, changes=True)

    def snapshot(self, done) -> None:
        """The assessment and its result as they are saved now (for export)."""
        session = self.session
        if session is not None:
            self.context.run(lambda _library: (session.assessment, session.result), done)
