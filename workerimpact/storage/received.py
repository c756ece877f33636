"""What verify said of the report a received assessment was added from, kept in the library.

The window checks a report PDF before adding the assessment it carries; the outcome (the
verdict, who signed it, the signer's certificate fingerprint, when it was checked) is kept
with the received record, so it is shown every time the record is opened, not only in the
session the PDF was opened in, and ``library list --json`` can print it. The check also
keeps the fingerprint of the attached assessment: it stands for the record only while the
library still holds that same assessment.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workerimpact.assessment import Assessment


@dataclass(frozen=True, slots=True)
class CheckedSigner:
    """One signature as verify found it."""

    name: str
    organization: str
    fingerprint: str
    trusted: bool
    intact: bool

    def describe(self) -> str:
        """In verify's words: ``signed by Dana Reyes, Northwind Logistics (trusted)``."""
        from workerimpact.report.signatures import Signer

        return Signer(
            name=self.name,
            organization=self.organization,
            role="",
            fingerprint=self.fingerprint,
            trusted=self.trusted,
            intact=self.intact,
            revision=0,
            reason="",
            signed_at=None,
        ).describe()

    def to_json_data(self) -> dict[str, Any]:
        """The signer as plain JSON data."""
        return {
            "name": self.name,
            "organization": self.organization,
            "fingerprint": self.fingerprint,
            "trusted": self.trusted,
            "intact": self.intact,
        }


@dataclass(frozen=True, slots=True)
class ReceivedCheck:
    """The outcome of verifying a received report: ``verdict`` ("verified", "altered",
    "re-saved", "not signed"), the signers in signing order (the issuer first), when it was
    checked (UTC) and the SHA-256 of the assessment the report carried."""

    verdict: str
    checked: dt.datetime
    assessment_fingerprint: str
    signers: tuple[CheckedSigner, ...] = field(default_factory=tuple)

    @property
    def verified(self) -> bool:
        """True when the report passed every check."""
        return self.verdict == "verified"

    @property
    def signer(self) -> str:
        """The issuer's name as the certificate states it ('' when unsigned)."""
        return self.signers[0].name if self.signers else ""

    @property
    def organization(self) -> str:
        """The issuer's organization as the certificate states it."""
        return self.signers[0].organization if self.signers else ""

    @property
    def fingerprint(self) -> str:
        """The issuer's certificate fingerprint (SHA-256, hex)."""
        return self.signers[0].fingerprint if self.signers else ""

    @classmethod
    def of(cls, verification: Any, when: dt.datetime | None = None) -> ReceivedCheck:
        """The check to keep from a ``workerimpact.report.Verification``."""
        return cls(
            verdict=verification.verdict,
            checked=(when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0),
            assessment_fingerprint=verification.fingerprint or "",
            signers=tuple(
                CheckedSigner(
                    name=signer.name,
                    organization=signer.organization,
                    fingerprint=signer.fingerprint,
                    trusted=bool(signer.trusted),
                    intact=bool(signer.intact),
                )
                for signer in verification.signers
            ),
        )

    def applies_to(self, assessment: Assessment) -> bool:
        """True while ``assessment`` is still the one the checked report carried."""
        from workerimpact.assessment import fingerprint

        return fingerprint(assessment) == self.assessment_fingerprint

    def to_json_data(self) -> dict[str, Any]:
        """The check as plain JSON data (``library list --json``)."""
        return {
            "verdict": self.verdict,
            "signer": self.signer,
            "organization": self.organization,
            "fingerprint": self.fingerprint,
            "checked": self.checked.isoformat(),
            "assessment_fingerprint": self.assessment_fingerprint,
            "signers": [signer.to_json_data() for signer in self.signers],
        }


_COLUMNS = "verdict, checked, assessment_fingerprint, signers"


def _check(verdict: str, checked: str, fingerprint: str, signers: str) -> ReceivedCheck:
    try:
        listed = json.loads(signers)
        people = tuple(
            CheckedSigner(
                name=str(item.get("name", "")),
                organization=str(item.get("organization", "")),
                fingerprint=str(item.get("fingerprint", "")),
                trusted=bool(item.get("trusted", False)),
                intact=bool(item.get("intact", False)),
            )
            for item in listed
            if isinstance(item, dict)
        )
    except (ValueError, TypeError, AttributeError):  # a damaged row: no signer to show
        people = ()
    try:
        moment = dt.datetime.fromisoformat(checked)
    except ValueError:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return ReceivedCheck(verdict, moment, fingerprint, people)


class ReceivedCheckStore:
    """Received checks in the library (mixed into ``Library``)."""

    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def record_received_check(self, assessment_id: str, check: ReceivedCheck) -> None:
        """Keep ``check`` with the assessment (replacing an earlier check of it)."""
        from workerimpact.storage import rows

        signers = json.dumps([signer.to_json_data() for signer in check.signers])
        with self._writing() as conn:
            rows.state(conn, assessment_id)  # raises AssessmentNotFound
            conn.execute(
                "INSERT OR REPLACE INTO received_checks (assessment_id, verdict, signer, "
                "organization, fingerprint, checked, assessment_fingerprint, signers) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    assessment_id,
                    check.verdict,
                    check.signer,
                    check.organization,
                    check.fingerprint,
                    check.checked.isoformat(),
                    check.assessment_fingerprint,
                    signers,
                ],
            )

    def received_check(self, assessment_id: str) -> ReceivedCheck | None:
        """The kept check of the report an assessment was added from, if there is one."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM received_checks WHERE assessment_id = ?",
                [assessment_id],
            ).fetchone()
        return _check(*row) if row else None

    def received_checks(self) -> dict[str, ReceivedCheck]:
        """Every kept check, by assessment id."""
        with self._reading() as conn:
            found = conn.execute(f"SELECT assessment_id, {_COLUMNS} FROM received_checks")
            return {row[0]: _check(*row[1:]) for row in found.fetchall()}
