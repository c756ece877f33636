"""Reading stored records with checks: what damage looks like, and stored questionnaires.

SQLite's ``quick_check`` sees pages, not meaning. Each stored record is checked as it is
read; a record that fails gives ``AssessmentDamaged`` for the one assessment it belongs to
(``damaged``), so the rest of the library keeps working. Stored questionnaires are checked
against their key, the SHA-256 of their content, and parsed once per library.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workerimpact.assessment import questionnaire_hash
from workerimpact.i18n import t
from workerimpact.questionnaire import Questionnaire
from workerimpact.storage.errors import AssessmentDamaged

UNREADABLE = (ValueError, TypeError, ValidationError)
"""What parsing a damaged stored value raises (``json.JSONDecodeError`` is a ValueError)."""


def shown(text: Any, limit: int = 80) -> str:
    """Stored text made safe to print: one line, no control characters, at most ``limit``."""
    text = "".join(char if char.isprintable() else f"[U+{ord(char):04X}]" for char in str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def damaged(assessment_id: str, detail: str) -> AssessmentDamaged:
    """The error for an assessment whose stored rows fail their checks."""
    return AssessmentDamaged(
        t(
            'This assessment ("{assessment_id}") is damaged in the '
            "library: {detail}. It was not changed, and it cannot be "
            "opened, scored or exported as it is; the rest of the "
            "library works normally. To take it back from the newest "
            "backup that holds it whole, leaving everything else as it "
            "is: `workerimpact library recover {assessment_id}`. Or "
            "restore a whole backup (in the window, or with "
            "`workerimpact library restore`), or move this assessment to "
            "the trash.",
            assessment_id=shown(assessment_id),
            detail=detail,
        ),
        assessment_id,
    )


class QuestionnaireCache:
    """Stored questionnaires by content hash, each parsed from its row at most once."""

    def __init__(self, path: Path):
        """Start empty; ``path`` is the library file named when a stored one is damaged."""
        self.path = path
        self._parsed: dict[str, Questionnaire] = {}

    def get(
        self, conn: sqlite3.Connection, content_hash: str, assessment_id: str = ""
    ) -> Questionnaire:
        """The questionnaire stored under ``content_hash``, checked against that hash.

        Raises ``AssessmentDamaged`` (naming ``assessment_id``, which uses it) when it is
        missing, unreadable, or its content no longer matches its SHA-256 key: a changed
        score would otherwise change results silently.
        """
        cached = self._parsed.get(content_hash)
        if cached is not None:
            return cached
        row = conn.execute(
            "SELECT content FROM questionnaires WHERE hash = ?", [content_hash]
        ).fetchone()
        if row is None:
            raise damaged(assessment_id, t("a questionnaire it uses is missing"))
        content = row[0]
        try:
            questionnaire = Questionnaire.model_validate(json.loads(content))
        except UNREADABLE:
            raise damaged(assessment_id, t("a questionnaire it uses cannot be read")) from None
        exact = isinstance(content, str) and (
            hashlib.sha256(content.encode("utf-8")).hexdigest() == content_hash
        )
        if not exact and questionnaire_hash(questionnaire) != content_hash:
            raise damaged(
                assessment_id,
                t(
                    'the stored questionnaire "{title}" no longer matches its '
                    "fingerprint (SHA-256), so its questions or scores were "
                    "altered",
                    title=shown(questionnaire.title),
                ),
            )
        self._parsed[content_hash] = questionnaire
        return questionnaire

    def remember(self, content_hash: str, questionnaire: Questionnaire) -> None:
        """Keep a questionnaire just stored, unless one is already kept for that hash."""
        self._parsed.setdefault(content_hash, questionnaire)

    def clear(self) -> None:
        """Forget everything (after stored questionnaires were deleted)."""
        self._parsed.clear()
