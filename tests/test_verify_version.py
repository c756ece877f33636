"""A statement made by another WorkerImpact version: verify says so in plain words when the
redraw differs, and still fails it (the signature and revision checks decide "altered")."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from report_samples import REPOSITORY, warehouse_assessment

import workerimpact
from workerimpact.cli import main
from workerimpact.report import export_report, render, verify_report
from workerimpact.report.integrity import INFO_GENERATOR
from workerimpact.report.pdfread import info_entries, open_reader

OLD = "0.1.0"


@pytest.fixture(scope="module")
def old_statement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A statement whose recorded version is patched to 0.1.0 before it is signed."""
    from workerimpact.report import cover, statement

    folder = tmp_path_factory.mktemp("old-version")
    path = folder / "statement.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        for module in (render, cover, statement):
            patch.setattr(module, "__version__", OLD)
        export_report(warehouse_assessment(), path)
    return path


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "workerimpact/__init__.py"
    assert workerimpact.__version__ == "0.2.0"


def test_the_statement_records_the_version_that_made_it(old_statement: Path) -> None:
    made_by = info_entries(open_reader(old_statement.read_bytes()))[INFO_GENERATOR]
    assert made_by.startswith(f"WorkerImpact {OLD} (")


def test_another_version_is_named_in_plain_words(old_statement: Path) -> None:
    outcome = verify_report(old_statement)
    assert not outcome.ok
    assert outcome.verdict == "altered"
    text = " | ".join(outcome.reasons)
    assert (
        f"This statement was made by WorkerImpact {OLD} and this is WorkerImpact "
        f"{workerimpact.__version__}." in text
    ), text
    assert "the difference in the pages may come from that" in text
    # Only the pages differ: the signature covers the file and nothing was added after it.
    assert "signature" not in text.lower(), text
    assert not outcome.updates


def test_tampering_with_an_old_statement_is_still_named(
    old_statement: Path, tmp_path: Path
) -> None:
    writer = PdfWriter(str(old_statement), incremental=True)
    page = writer.pages[0]
    stream = DecodedStreamObject()
    stream.set_data(page.get_contents().get_data() + b"\nq 0 0 0 rg 60 560 300 60 re f Q\n")
    page[NameObject("/Contents")] = writer._add_object(stream)
    edited = tmp_path / "edited.pdf"
    with edited.open("wb") as output:
        writer.write(output)
    outcome = verify_report(edited)
    text = " | ".join(outcome.reasons)
    assert not outcome.ok
    assert outcome.verdict == "altered"
    assert outcome.updates, "the added revision is named"
    assert "changed after it was signed" in text, text


def test_the_same_version_gives_no_version_hint(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKERIMPACT_HOME", str(tmp_path / "home"))
    path = tmp_path / "statement.pdf"
    export_report(warehouse_assessment(), path)
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons
    assert not any("was made by WorkerImpact" in reason for reason in outcome.reasons)


def test_the_command_line_prints_the_hint(old_statement: Path, capsys) -> None:
    assert main(["verify", str(old_statement)]) == 1
    error = capsys.readouterr().err
    assert f"made by WorkerImpact {OLD} and this is WorkerImpact" in error
    assert "not verified (altered)" in error
