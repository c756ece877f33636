"""Whose record an assessment is: the user's own, or one received from the other party.

A received assessment (added from someone else's file or report) is the sender's record:
the window shows it read-only and offers an own copy to work on, so what it exports still
says exactly what the sender said. Plain Python: the library thread calls it.
"""

from __future__ import annotations

OTHER_PARTY = {"employer": "union", "union": "employer"}


def made_by_someone_else(metadata, assessor: str, role: str) -> bool:
    """True when the assessment's assessor (or, when the user's role is known, its role) is
    not the user's (Settings' defaults)."""
    same_person = metadata.assessor.strip().casefold() == assessor.strip().casefold()
    return not same_person or (bool(role) and metadata.role != role)


def likely_role(metadata, role: str) -> str:
    """The role to offer the user: their default, else the other party's of the sender."""
    return role or OTHER_PARTY.get(metadata.role, "employer")


def is_received(library, assessment, assessor: str, role: str) -> bool:
    """True when ``assessment`` entered the library from a file and is someone else's."""
    if not made_by_someone_else(assessment.metadata, assessor, role):
        return False
    history = library.history(assessment.id)
    return bool(history) and history[0].field == "imported"


def _same(first, second) -> bool:
    return (
        first.metadata == second.metadata
        and first.answers == second.answers
        and [q.id for q in first.questionnaires] == [q.id for q in second.questionnaires]
    )


def import_unless_present(library, path, check=None) -> tuple[str, bool]:
    """Add the assessment in a file unless the library holds it unchanged already.

    Returns its id in the library and True when it was there already (someone opening
    the report they exported themselves must not get a second, identical row). ``check``
    (a ``ReceivedCheck``: what verify said of the report) is kept with the record, so its
    banner shows it every time it is opened.
    """
    found = _import_unless_present(library, path)
    if check is not None:
        library.record_received_check(found[0], check)
    return found


def _import_unless_present(library, path) -> tuple[str, bool]:
    from workerimpact.assessment import load_assessment
    from workerimpact.files import is_pdf
    from workerimpact.storage.errors import AssessmentNotFound

    if is_pdf(path):
        from workerimpact.report import embedded_assessment

        carried = embedded_assessment(path)
    else:
        carried = load_assessment(path)
    try:
        present = library.get(carried.id)
    except AssessmentNotFound:
        present = None
    if present is not None and _same(present, carried):
        in_trash = {row.id for row in library.summaries(deleted=True)}
        if present.id not in in_trash:
            return present.id, True
    return library.import_file(path).id, False
