"""`verify` passes on an untouched statement and fails, with the reason, on each tampering."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from report_samples import warehouse_assessment

from workerimpact.assessment import canonical_bytes, to_json_data
from workerimpact.cli import main
from workerimpact.report import export_report, verify_report
from workerimpact.report.integrity import (
    INFO_GENERATOR,
    INFO_LEVELS,
    parse_levels,
    stated_levels,
)
from workerimpact.scoring import score_assessment


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("verify")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        assessment = warehouse_assessment()
    path = folder / "statement.pdf"
    export_report(assessment, path)
    return assessment, path


def _tamper(source: Path, target: Path, edit: Callable[[PdfWriter], None]) -> Path:
    writer = PdfWriter(clone_from=str(source))
    edit(writer)
    with target.open("wb") as stream:
        writer.write(stream)
    return target


def _replace_attachment(data: bytes) -> Callable[[PdfWriter], None]:
    def edit(writer: PdfWriter) -> None:
        for item in list(writer.attachment_list):
            item.delete()
        if data:
            writer.add_attachment("assessment.json", data)

    return edit


def _append_to_page(index: int, drawing: bytes) -> Callable[[PdfWriter], None]:
    def edit(writer: PdfWriter) -> None:
        page = writer.pages[index]
        stream = DecodedStreamObject()
        stream.set_data(page.get_contents().get_data() + drawing)
        page[NameObject("/Contents")] = writer._add_object(stream)

    return edit


def _reasons(path: Path) -> str:
    outcome = verify_report(path)
    assert not outcome.ok
    assert outcome.reasons
    return " | ".join(outcome.reasons)


def test_untouched_statement_verifies(statement) -> None:
    assessment, path = statement
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons
    assert outcome.fingerprint is not None
    assert canonical_bytes(outcome.assessment) == canonical_bytes(assessment)
    assert "drawn again" in outcome.notes[0]


def test_resave_without_changes_still_verifies(statement, tmp_path: Path) -> None:
    path = _tamper(statement[1], tmp_path / "resaved.pdf", lambda writer: None)
    assert verify_report(path).ok


def test_annotations_keep_it_verifiable(statement, tmp_path: Path) -> None:
    from pypdf.annotations import FreeText

    def comment(writer: PdfWriter) -> None:
        writer.add_annotation(1, FreeText(text="We dispute this level", rect=(50, 50, 250, 90)))

    assert verify_report(_tamper(statement[1], tmp_path / "noted.pdf", comment)).ok


def test_cli_verify_exit_codes(statement, tmp_path: Path, capsys) -> None:
    assert main(["verify", str(statement[1])]) == 0
    assert "verified" in capsys.readouterr().out
    path = _tamper(statement[1], tmp_path / "gone.pdf", _replace_attachment(b""))
    assert main(["verify", str(path)]) == 1
    error = capsys.readouterr().err
    assert "not verified" in error and "no assessment is attached" in error


def test_missing_attachment(statement, tmp_path: Path) -> None:
    path = _tamper(statement[1], tmp_path / "gone.pdf", _replace_attachment(b""))
    assert "no assessment is attached" in _reasons(path)


def test_changed_attachment(statement, tmp_path: Path) -> None:
    assessment, source = statement
    changed = assessment.model_copy(deep=True)
    for questionnaire in changed.questionnaires:
        for question in questionnaire.questions():
            if question.role == "risk" and question.options and question.type != "multiple_choice":
                lowest = min(question.options, key=lambda option: option.score or 0)
                changed.answers[questionnaire.id][question.id].value = lowest.id
    path = _tamper(source, tmp_path / "changed.pdf", _replace_attachment(canonical_bytes(changed)))
    reasons = _reasons(path)
    assert "is not the one whose fingerprint is printed" in reasons
    assert "footer of pages 1, 2" in reasons
    assert "scoring the attached assessment gives" in reasons
    assert "document information does not match" in reasons


def test_non_canonical_attachment(statement, tmp_path: Path) -> None:
    assessment, source = statement
    pretty = json.dumps(to_json_data(assessment), indent=2, ensure_ascii=False).encode()
    path = _tamper(source, tmp_path / "pretty.pdf", _replace_attachment(pretty))
    reasons = _reasons(path)
    assert "not in canonical form" in reasons
    assert "fingerprint" in reasons


def test_attachment_that_is_not_an_assessment(statement, tmp_path: Path) -> None:
    path = _tamper(statement[1], tmp_path / "junk.pdf", _replace_attachment(b'{"format": 1}'))
    assert "not a valid assessment file" in _reasons(path)


def test_visible_text_edited(statement, tmp_path: Path) -> None:
    # White out the cover's level and write another over it, as a PDF editor would.
    cover_up = b"\nq 1 1 1 rg 60 560 140 60 re f 0 0 0 rg BT /F1 20 Tf 70 580 Td (LOW) Tj ET Q\n"
    path = _tamper(statement[1], tmp_path / "edited.pdf", _append_to_page(0, cover_up))
    assert "page 1 was changed" in _reasons(path)


def test_visible_text_edited_in_older_version_report(statement, tmp_path: Path) -> None:
    # A statement made by another version is checked against the digests recorded at export.
    def older(writer: PdfWriter) -> None:
        writer.add_metadata({INFO_GENERATOR: "WorkerImpact 0.0.1 (reportlab 4.0.0)"})

    untouched = _tamper(statement[1], tmp_path / "older.pdf", older)
    outcome = verify_report(untouched)
    assert outcome.ok, outcome.reasons
    assert "recorded at export" in outcome.notes[0]

    def older_and_edited(writer: PdfWriter) -> None:
        older(writer)
        _append_to_page(2, b"\nq 1 1 1 rg 0 0 612 792 re f Q\n")(writer)

    edited = _tamper(statement[1], tmp_path / "older-edited.pdf", older_and_edited)
    assert "page 3 was changed after export" in _reasons(edited)


def test_page_removed(statement, tmp_path: Path) -> None:
    path = _tamper(statement[1], tmp_path / "short.pdf", lambda writer: writer.remove_page(1))
    reasons = _reasons(path)
    assert "the PDF has" in reasons and "pages" in reasons


def test_machine_readable_levels_edited(statement, tmp_path: Path) -> None:
    def lower(writer: PdfWriter) -> None:
        writer.add_metadata({INFO_LEVELS: "overall = low"})

    path = _tamper(statement[1], tmp_path / "levels.pdf", lower)
    reasons = _reasons(path)
    assert "document information states the overall level is LOW" in reasons
    assert "document information does not state the level of the questionnaire “" in reasons
    assert "dimension " not in reasons  # titles, not ids


def test_levels_block_is_read_from_the_last_method_page() -> None:
    pairs = [("overall", "high"), ("questionnaire q", "moderate"), ("dimension q/d", "low")]
    block = (
        "Levels stated in this report (read back by workerimpact verify):\n"
        + "\n".join(f"{key} = {level}" for key, level in pairs)
        + "\nEnd of levels."
    )
    typed_by_assessor = block.replace("high", "low")
    assert parse_levels(typed_by_assessor + "\n...\n" + block) == dict(pairs)
    assert parse_levels("nothing here") is None
    wrapped = block.replace("dimension q/d", "dimension\nq/d")
    assert parse_levels(wrapped) == dict(pairs)


def test_stated_levels_match_scoring(statement) -> None:
    assessment, _ = statement
    result = score_assessment(assessment)
    levels = dict(stated_levels(result))
    assert levels["overall"] == result.overall.level
    for item in result.questionnaires:
        assert levels[f"questionnaire {item.id}"] == item.result.level


def test_not_a_workerimpact_pdf(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    assert "no assessment is attached" in _reasons(path)
