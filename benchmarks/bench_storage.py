"""Storage benchmark: prints figures and ratios (a script, not a test).

1. One answer saved durably through ``Library.set_answer``, as a ratio to a bare
   ``sqlite3`` single-row commit with the same settings (WAL, synchronous=FULL) in the
   same folder. Target: median ratio <= 1.5.
2. Listing a library of 10,000 assessments. Target: <= 200 ms.
3. Importing 1,000 assessment files, each in its own durable transaction.

Run: ``.venv/bin/python benchmarks/bench_storage.py [--folder DIR] [--quick]``
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from workerimpact.assessment import (  # noqa: E402
    Answer,
    Metadata,
    new_assessment,
    save_assessment,
)
from workerimpact.catalog import load_catalog, resolve_questionnaires  # noqa: E402
from workerimpact.loader import load_questionnaire  # noqa: E402
from workerimpact.questionnaire import CHOICE_TYPES  # noqa: E402
from workerimpact.scoring import score_assessment  # noqa: E402
from workerimpact.session import AssessmentSession  # noqa: E402
from workerimpact.storage import Library, ScoreSummary  # noqa: E402


def questionnaires():
    """The built-in questionnaires, or the documented example if they are not there yet."""
    ids = load_catalog().builtin_ids
    if ids:
        return resolve_questionnaires(ids)
    return [load_questionnaire(REPOSITORY / "docs" / "examples" / "call-centre-monitoring.json")]


def answered(items) -> dict:
    """An answer for every choice question (first option), with a comment on each."""
    answers = {}
    for questionnaire in items:
        answers[questionnaire.id] = {
            question.id: Answer(
                value=[question.options[-1].id]
                if question.type == "multiple_choice"
                else question.options[0].id,
                comment=f"Kommentar zu {question.id} — ✓",
            )
            for question in questionnaire.questions()
            if question.type in CHOICE_TYPES
        }
    return answers


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_single_answer(folder: Path, rounds: int) -> None:
    bare_path = folder / "bare.sqlite3"
    bare = sqlite3.connect(bare_path, isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT)")
    items = questionnaires()
    library = Library.open(folder / "library")
    assessment = library.create(items, Metadata(organization="Bench"))
    assessment.answers = answered(items)
    summary = ScoreSummary.of(score_assessment(assessment))
    questionnaire = items[0]
    question = next(q for q in questionnaire.questions() if q.type == "single_choice")
    options = [option.id for option in question.options]
    session = AssessmentSession(library, assessment.id)
    bare_times, library_times, session_times = [], [], []
    for number in range(rounds):
        value = options[number % len(options)]
        start = time.perf_counter()
        bare.execute("BEGIN")
        bare.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", ["q", f"{value}{number}"])
        bare.execute("COMMIT")
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        library.set_answer(
            assessment.id,
            questionnaire.id,
            question.id,
            Answer(value=value, comment=f"note {number}"),
            summary=summary,
        )
        library_times.append(time.perf_counter() - start)
        if number % 4 == 0:
            start = time.perf_counter()
            session.set_answer(questionnaire.id, question.id, comment=f"session {number}")
            session_times.append(time.perf_counter() - start)
    bare.close()
    library.close()
    bare_median = statistics.median(bare_times)
    library_median = statistics.median(library_times)
    print(f"1. one durable answer ({rounds} saves, medians)")
    print(f"   bare sqlite3 commit (WAL, FULL)     {milliseconds(bare_median)}")
    print(f"   Library.set_answer                  {milliseconds(library_median)}")
    print(
        f"   ratio                               {library_median / bare_median:.2f}x"
        "  (target <= 1.5)"
    )
    print(
        f"   AssessmentSession.set_answer        {milliseconds(statistics.median(session_times))}"
        f"  (validates and rescores {sum(len(q.questions()) for q in items)} questions too)"
    )


def bench_listing(folder: Path, count: int) -> None:
    items = questionnaires()
    path = folder / "big"
    library = Library.open(path)
    template = new_assessment(items, organization="Template")
    template.answers = answered(items)
    library.import_assessment(template)
    start = time.perf_counter()
    # Fill fast: copy the template's rows in one transaction (the library's own writes are
    # one durable transaction each, which bench 3 measures).
    with library._db.atomic():
        conn = library._db.conn
        columns = [row[1] for row in conn.execute("PRAGMA table_info(assessments)")]
        others = [c for c in columns if c not in ("id", "organization", "search_text")]
        for number in range(count - 1):
            new_id = uuid.uuid4().hex
            organization = f"Organisation {number} Süd"
            conn.execute(
                f"INSERT INTO assessments (id, organization, search_text, {', '.join(others)}) "
                f"SELECT ?, ?, ?, {', '.join(others)} FROM assessments WHERE id = ?",
                [new_id, organization, organization.casefold(), template.id],
            )
            conn.execute(
                "INSERT INTO assessment_questionnaires SELECT ?, position, questionnaire_hash "
                "FROM assessment_questionnaires WHERE assessment_id = ?",
                [new_id, template.id],
            )
            conn.execute(
                "INSERT INTO answers SELECT ?, questionnaire_id, question_id, value, comment, "
                "evidence FROM answers WHERE assessment_id = ?",
                [new_id, template.id],
            )
    fill = time.perf_counter() - start
    timings = []
    for _ in range(15):
        start = time.perf_counter()
        rows = library.summaries()
        timings.append(time.perf_counter() - start)
    search = []
    for _ in range(15):
        start = time.perf_counter()
        found = library.summaries(text="organisation 99")
        search.append(time.perf_counter() - start)
    start = time.perf_counter()
    library.backup()
    backup = time.perf_counter() - start
    library.close()
    size = (path / "library.sqlite3").stat().st_size
    start = time.perf_counter()
    Library.open(path).close()
    reopen = time.perf_counter() - start
    print(
        f"2. a library of {len(rows):,} assessments ({size / 1e6:.0f} MB, filled in {fill:.1f} s)"
    )
    print(
        f"   list all (median of 15)             {milliseconds(statistics.median(timings))}"
        "  (target <= 200 ms)"
    )
    print(
        f"   search, {len(found)} found (median)        {milliseconds(statistics.median(search))}"
    )
    print(f"   open with quick_check               {milliseconds(reopen)}")
    print(f"   backup (copy + integrity_check)     {milliseconds(backup)}")


def bench_import(folder: Path, count: int) -> None:
    items = questionnaires()
    files = folder / "files"
    files.mkdir()
    for number in range(count):
        assessment = new_assessment(items, organization=f"Import {number}")
        assessment.answers = answered(items)
        save_assessment(assessment, files / f"a{number:04}.json")
    library = Library.open(folder / "imports")
    start = time.perf_counter()
    for path in sorted(files.iterdir()):
        library.import_file(path)
    total = time.perf_counter() - start
    library.close()
    print(f"3. importing {count:,} assessment files (each validated, scored, one transaction)")
    print(f"   total {total:.1f} s, {milliseconds(total / count)} per file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="where to work (default: a temporary folder)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    options = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-storage-", dir=options.folder))
    try:
        print(f"SQLite {sqlite3.sqlite_version}, folder {base}")
        bench_single_answer(base, 100 if options.quick else 1000)
        bench_listing(base, 1000 if options.quick else 10_000)
        bench_import(base, 100 if options.quick else 1000)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
