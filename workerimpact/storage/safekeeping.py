"""The library's backups as ``Library`` calls see them: made, listed, restored, used.

``BackupStore`` is mixed into ``Library``: a checked backup on request, one on opening
when the newest is older than ``BACKUP_INTERVAL``, restoring a backup in place of the
library, and recovering one damaged assessment from the newest backup holding it whole.
The backup files themselves are ``workerimpact.storage.backups``'s.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from workerimpact.i18n import t
from workerimpact.paths import data_dir
from workerimpact.storage import backups as backup_files
from workerimpact.storage import rows
from workerimpact.storage.errors import AssessmentDamaged, AssessmentNotFound, LibraryError
from workerimpact.storage.records import BackupInfo

if TYPE_CHECKING:
    from workerimpact.assessment import Assessment
    from workerimpact.storage.checked import QuestionnaireCache


class BackupStore:
    """Backups and recovery of the library (mixed into ``Library``)."""

    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _count(self) -> int: ...
        def get(self, assessment_id: str) -> Assessment: ...

        folder: Path
        backup_problem: str | None
        _questionnaires: QuestionnaireCache

    def backup(self) -> BackupInfo:
        """Make a checked backup now (the newest ``KEEP_BACKUPS`` are kept)."""
        return self._backup("manual")

    def backups(self) -> list[BackupInfo]:
        """The library's backups, newest first."""
        return backup_files.list_backups(self.folder)

    @staticmethod
    def restore_backup(backup: Path, folder: Path | None = None) -> None:
        """Put a backup in place of the library, which must not be open anywhere.

        The current library file is first copied to ``backups/replaced/``.
        """
        backup_files.restore_backup(Path(backup), Path(folder) if folder else data_dir())

    def recover(self, assessment_id: str, backup: Path | None = None) -> Path:
        """Put back a damaged assessment as the newest backup holding it whole has it.

        Only that assessment changes (its answers and history as of the backup, plus a
        ``recovered`` history entry naming the backup); ``backup`` picks a backup. Returns
        the backup used; ``LibraryError`` says why when none holds it whole.
        """
        from workerimpact.storage.recovery import find_whole_copy, put_back

        try:
            self.get(assessment_id)
        except (AssessmentNotFound, AssessmentDamaged):
            pass
        else:
            raise LibraryError(
                t(
                    "This assessment is not damaged, so nothing was recovered. "
                    "Its history shows every change; to go back to an earlier "
                    "state of the whole library, restore a backup."
                )
            )
        copy = find_whole_copy(self.folder, assessment_id, backup)
        with self._writing() as conn:
            put_back(conn, copy, assessment_id)
            self._questionnaires.clear()
            rows.load(conn, assessment_id, self._questionnaires)  # whole, or roll back
        return copy.backup

    def _backup(self, reason: str) -> BackupInfo:
        with self._reading() as conn:
            return backup_files.make_backup(conn, self.folder, reason)

    def _automatic_backup(self) -> None:
        newest = backup_files.newest_usable(self.folder)
        # A newest backup "from the future" means the clock was changed: make a fresh one.
        due = newest is None or not (
            dt.timedelta(0)
            <= dt.datetime.now(dt.UTC) - newest.created
            < backup_files.BACKUP_INTERVAL
        )
        if due and self._count():
            try:
                self._backup("auto")
            except LibraryError as error:
                self.backup_problem = str(error)
