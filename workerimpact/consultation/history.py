"""What changed between two states of a review or a response: one change per field.

The library keeps a history of the consultation as it keeps one of the answers: each time
a review or a response is saved, ``review_changes`` / ``response_changes`` compare the
stored state with the new one, and every field that differs becomes one entry (who, when,
which entry, old and new value), written in the same transaction as the record.

An entry is named by its ``item`` (a stable key: ``finding:<questionnaire/finding>``,
``section:<questionnaire/section>``, ``concern:<id>``, ``request:<id>``, ``meeting:<id>``,
``opinion``, ``reviewers`` in a review; the item keys of the response
(``finding:…``/``concern:…``), ``measure:<id>``, ``meeting:<id>``, ``decision``,
``responder`` in a response) and, for people, by its words as they were when the change
was made (the finding's or section's title, the concern's or measure's text…).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from workerimpact.consultation.models import FINDING_PREFIX, Response, Review, label
from workerimpact.i18n import t

REVIEW = "review"
RESPONSE = "response"
REMOVED = "removed"
"""The field of the one entry that says a concern, request, measure or meeting was removed."""

Namer = Callable[[str], str]
"""Names an item key in words (a finding's or section's title); the key when unknown."""


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one entry that differs between two states of a record."""

    item: str
    entry: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ConsultationEntry:
    """One recorded change to a review or a response, as the library gives it back."""

    at: dt.datetime
    who: str
    record: str
    """``review`` or ``response``."""
    record_id: str
    item: str
    entry: str
    field: str
    old: Any
    new: Any

    def kind(self) -> str:
        """What the entry is: finding, section, concern, request, meeting, measure, opinion,
        decision, reviewers or responder."""
        return self.item.split(":", 1)[0]


_FIELD_WORDS = {
    "position": "position",
    "comment": "comment",
    "proposed_measure": "proposed measure",
    "verdict": "verdict",
    "title": "concern",
    "description": "description",
    "severity": "how serious",
    "questions": "related questions",
    "conditions": "conditions",
    "asked_on": "asked on",
    "given_on": "given on",
    "request": "information asked for",
    "status": "status",
    "answered_on": "answered on",
    "note": "note",
    "held_on": "held on",
    "attendees": "who attended",
    "discussed": "what was discussed",
    "response": "response",
    "owner": "owner",
    "due": "due",
    "dropped_reason": "reason dropped",
    "expected_level": "level expected once done",
    "decision": "decision",
    "decision_note": "note on the decision",
    "next_review": "next review",
    "reviewers": "reviewers",
    "responder": "responder",
    REMOVED: "removed",
}
_KIND_WORDS = {
    "finding": "Finding",
    "section": "Section",
    "concern": "Added concern",
    "request": "Information requested",
    "meeting": "Meeting",
    "measure": "Measure",
    "opinion": "Overall opinion",
    "decision": "Decision",
    "reviewers": "Reviewers",
    "responder": "Responder",
}
_CHOICES = {"position", "verdict", "severity", "status", "decision", "expected_level"}


def field_words(field: str) -> str:
    """A field's name in plain words ("proposed_measure" → "proposed measure")."""
    return _FIELD_WORDS.get(field, field.replace("_", " "))


def kind_words(kind: str) -> str:
    """What kind of entry it is, in words ("request" → "Information requested")."""
    return _KIND_WORDS.get(kind, kind.capitalize())


def value_words(field: str, value: Any) -> str:
    """A recorded value in words: a choice by its label, a list joined, empty as "(empty)"."""
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    if field in _CHOICES and isinstance(value, str):
        return label(value)
    return str(value)


def _dump(model: BaseModel | None) -> dict[str, Any]:
    return {} if model is None else model.model_dump(mode="json")


def _fields(
    item: str, entry: str, old: dict[str, Any], new: dict[str, Any], skip: Iterable[str] = ()
) -> list[Change]:
    """One change per field that differs; a field absent on one side counts as empty."""
    left_out = {"id", *skip}
    names = [name for name in new if name not in left_out]
    names += [name for name in old if name not in left_out and name not in new]
    return [
        Change(item, entry, name, old.get(name), new.get(name))
        for name in names
        if _differs(old.get(name), new.get(name))
    ]


def _differs(old: Any, new: Any) -> bool:
    empty = (None, "", [])
    if old in empty and new in empty:
        return False
    return old != new


def _listed(
    prefix: str,
    old: list[BaseModel],
    new: list[BaseModel],
    words: Callable[[dict[str, Any]], str],
) -> list[Change]:
    """Changes to a list of entries with ids: added, changed field by field, or removed."""
    before = {item.id: _dump(item) for item in old}  # type: ignore[attr-defined]
    after = {item.id: _dump(item) for item in new}  # type: ignore[attr-defined]
    changes = []
    for key, data in after.items():
        changes += _fields(f"{prefix}:{key}", words(data), before.get(key, {}), data)
    for key, data in before.items():
        if key not in after:
            changes.append(Change(f"{prefix}:{key}", words(data), REMOVED, words(data), None))
    return changes


def _meeting_words(data: dict[str, Any]) -> str:
    return f"meeting of {data.get('held_on', '')}"


def review_changes(old: Review | None, new: Review, name: Namer) -> list[Change]:
    """Every field of ``new`` that differs from ``old`` (None: a review just started)."""
    changes = []
    if _differs(old.reviewers if old else "", new.reviewers):
        changes.append(
            Change(
                "reviewers", "reviewers", "reviewers", old.reviewers if old else "", new.reviewers
            )
        )
    before_findings = old.findings if old else {}
    for key in [*new.findings, *(k for k in before_findings if k not in new.findings)]:
        item = f"{FINDING_PREFIX}{key}"
        changes += _fields(
            item, name(item), _dump(before_findings.get(key)), _dump(new.findings.get(key))
        )
    before_sections = old.sections if old else {}
    for key in [*new.sections, *(k for k in before_sections if k not in new.sections)]:
        item = f"section:{key}"
        changes += _fields(
            item, name(item), _dump(before_sections.get(key)), _dump(new.sections.get(key))
        )
    changes += _listed(
        "concern", old.concerns if old else [], new.concerns, lambda data: data["title"]
    )
    changes += _fields(
        "opinion", "overall opinion", _dump(old.opinion if old else None), _dump(new.opinion)
    )
    changes += _listed(
        "request", old.information if old else [], new.information, lambda d: d["request"]
    )
    changes += _listed("meeting", old.meetings if old else [], new.meetings, _meeting_words)
    return changes


def response_changes(old: Response | None, new: Response, name: Namer) -> list[Change]:
    """Every field of ``new`` that differs from ``old`` (None: a response just started)."""
    changes = []
    if _differs(old.responder if old else "", new.responder):
        changes.append(
            Change(
                "responder", "responder", "responder", old.responder if old else "", new.responder
            )
        )
    before_items = old.items if old else {}
    for key in [*new.items, *(k for k in before_items if k not in new.items)]:
        changes += _fields(
            key,
            name(key),
            _dump(before_items.get(key)),
            _dump(new.items.get(key)),
            skip=("measures",),
        )
    changes += _listed(
        "measure",
        [measure for _, measure in old.measures()] if old else [],
        [measure for _, measure in new.measures()],
        lambda data: data["description"],
    )
    decision_fields = {"decision", "decision_note", "next_review"}
    changes += _fields(
        "decision",
        "decision",
        old.model_dump(mode="json", include=decision_fields) if old else {},
        new.model_dump(mode="json", include=decision_fields),
    )
    changes += _listed("meeting", old.meetings if old else [], new.meetings, _meeting_words)
    return changes


def signed_by(signers: Iterable[Any]) -> str:
    """Who signed a received file, for its history entries ("Ana Ruiz, Local 9")."""
    return "; ".join(
        ", ".join(part for part in (signer.name, signer.organization) if part)
        for signer in signers
        if signer.intact
    )


def describe(entry: ConsultationEntry) -> str:
    """One entry as a line of plain words in the messages' language (the command line's
    ``history``); the entry's own words (titles, comments) are kept as written."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = entry.who or t("not named")
    kind = kind_in_language(entry.kind())
    what = f"{kind}: {entry.entry}" if entry.entry else kind
    if entry.kind() in ("opinion", "decision", "reviewers", "responder"):
        what = kind
    if entry.field == REMOVED:
        return t("{when}  {who} — {what}: removed", when=when, who=who, what=what)
    return t(
        "{when}  {who} — {what}: {field}: {before} → {after}",
        when=when,
        who=who,
        what=what,
        field=field_in_language(entry.field),
        before=value_in_language(entry.field, entry.old),
        after=value_in_language(entry.field, entry.new),
    )


def kind_in_language(kind: str) -> str:
    """What kind of entry it is, in the messages' language ("Información pedida")."""
    return t(kind_words(kind))


def field_in_language(field: str) -> str:
    """A field's name in the messages' language ("medida propuesta")."""
    return t(field_words(field))


def value_in_language(field: str, value: Any) -> str:
    """A recorded value in the messages' language: a choice or level by its label, empty
    said so; the parties' own words as they wrote them."""
    words = value_words(field, value)
    if field in _CHOICES or words == "(empty)":
        return t(words)
    return words
