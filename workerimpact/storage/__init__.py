"""The local assessment library: durable storage that never loses an answer.

Assessments, their answers and every change to them live in one SQLite file in the data
folder (``workerimpact.paths.data_dir()``), with rolling backups beside it. The core, the
window and the command line all go through ``Library``; ``docs/storage.md`` explains the
design, the durability guarantees and what the user sees when something goes wrong.
"""

from workerimpact.storage.errors import (
    AssessmentDamaged,
    AssessmentFinal,
    AssessmentNotFound,
    LibraryCorrupt,
    LibraryError,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    StorageFull,
)
from workerimpact.storage.library import Library
from workerimpact.storage.records import (
    AssessmentSummary,
    BackupInfo,
    HistoryEntry,
    ScoreSummary,
)

__all__ = [
    "AssessmentDamaged",
    "AssessmentFinal",
    "AssessmentNotFound",
    "AssessmentSummary",
    "BackupInfo",
    "HistoryEntry",
    "Library",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryLocked",
    "LibraryReadOnly",
    "LibraryTooNew",
    "ScoreSummary",
    "StorageFull",
]
