"""How an assessment's fields sit in the library's columns, and how values become text.

The column lists (which ``assessments`` columns hold ``Metadata``, which a user may
edit, the parts of an answer), the shape of a history change, and the small conversions
both the reading (``workerimpact.storage.rows``) and the writing
(``workerimpact.storage.row_writes``) of rows share: times as stored, JSON as stored, the
search column.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from workerimpact.assessment import Metadata
from workerimpact.i18n import t
from workerimpact.storage.checked import UNREADABLE, damaged
from workerimpact.storage.schema import search_text

METADATA_FIELDS = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "status",
    "created", "updated", "revision", "previous_revision", "stage", "stage_started",
)  # fmt: skip
"""The ``assessments`` columns that hold ``Metadata`` fields, named as in the model."""
EDITABLE_FIELDS = (
    "organization", "site", "system", "vendor", "purpose", "assessor", "role", "stage",
    "stage_started",
)  # fmt: skip
"""The metadata a user may change with ``Library.update_metadata``."""
ANSWER_FIELDS = ("value", "comment", "evidence")
"""The parts of an answer, each recorded separately in the history."""
SEARCHED_FIELDS = ("organization", "site", "system", "vendor", "purpose", "assessor")

Change = tuple[str | None, str | None, str, Any, Any]
"""One history entry to record: questionnaire id, question id, field, old value, new value."""


def iso(moment: dt.datetime) -> str:
    """The exact text pydantic writes for a datetime in the portable file."""
    return Metadata(updated=moment).model_dump(mode="json")["updated"]


def now_key() -> str:
    """The current UTC time as a sort key finer than a second (metadata times are whole)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def json_text(value: Any) -> str:
    """A value as the JSON text the tables store (non-ASCII kept as is)."""
    return json.dumps(value, ensure_ascii=False)


def search_column(assessment_id: str, metadata: dict[str, Any], titles: list[str]) -> str:
    """The text the list's search matches: the id, the searched metadata and the titles."""
    return search_text([assessment_id, *(metadata[name] for name in SEARCHED_FIELDS), *titles])


def stored_json(text: Any, assessment_id: str, what: str) -> Any:
    """Parse stored JSON text; ``AssessmentDamaged`` naming ``what`` when it cannot be read."""
    try:
        return json.loads(text)
    except UNREADABLE:
        raise damaged(assessment_id, t("{what} cannot be read", what=what)) from None
