"""The review file and the joint statement are signed, and an altered one is refused.

Signed by the party who exports them (PAdES, pyHanko), checked like the statement: the
signature intact and covering the file, nothing after it but a further signature, and the
attached record matching its recorded fingerprint. Poppler's ``pdfsig`` agrees when present.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from consultation_helpers import two_findings
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from workerimpact.assessment import fingerprint
from workerimpact.cli import main
from workerimpact.consultation import FindingPosition, Review
from workerimpact.consultation.exchange import (
    INFO_RECORD,
    embedded_review,
    export_joint,
    export_review,
)
from workerimpact.consultation.models import record_bytes
from workerimpact.consultation.signed import verify_exchange
from workerimpact.errors import InputError
from workerimpact.signing.identity import new_identity


def _review(assessment) -> Review:
    review = Review(
        assessment_id=assessment.id, fingerprint=fingerprint(assessment), reviewers="Works council"
    )
    review.findings["x"] = FindingPosition(position="disagree", comment="Nobody was told")
    return review


@pytest.fixture
def review_file(tmp_path, data_home):
    assessment = two_findings()
    review = _review(assessment)
    path = tmp_path / "review.pdf"
    info = export_review(review, assessment, path, identity=new_identity("Ana Ruiz", "Local 9"))
    assert "Ana Ruiz" in info.signed_by
    return review, path


def _pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(InputError) as error:
        embedded_review(path)
    message = str(error.value.problems[0].message)
    assert "altered" in message or "not signed" in message, message
    for word in words:
        assert word in message, message
    return message


def test_the_review_file_is_signed_and_verifies(review_file, capsys):
    review, path = review_file
    outcome = verify_exchange(path)
    assert outcome.ok, outcome.reasons
    assert outcome.what() == "review file of the workers' representatives"
    assert [s.name for s in outcome.signers] == ["Ana Ruiz"]
    assert "unknown certificate" in outcome.signers[0].describe()
    assert embedded_review(path) == review
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert "this is a review file of the workers' representatives" in out
    assert "signed by an unknown certificate (it names Ana Ruiz, Local 9)" in out
    if shutil.which("pdfsig"):
        report = _pdfsig(path)
        assert "Signature is Valid" in report and "Total document signed" in report


def test_an_edited_attachment_with_its_hash_recomputed_is_refused(review_file, tmp_path):
    review, path = review_file
    review.findings["x"] = FindingPosition(position="agree", comment="All fine")
    forged = record_bytes(review)

    def edit(writer: PdfWriter) -> None:
        names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
        stream = names[1].get_object()["/EF"]["/F"].get_object()
        stream.set_data(forged)
        writer.add_metadata({INFO_RECORD: hashlib.sha256(forged).hexdigest()})

    # Saved as an update after the signature, as a PDF editor saves…
    writer = PdfWriter(str(path), incremental=True)
    edit(writer)
    appended = tmp_path / "appended.pdf"
    with appended.open("wb") as stream:
        writer.write(stream)
    assert verify_exchange(appended).verdict == "altered"
    _refused(appended, "changed after it was signed")
    # …and saved as a whole new file, which breaks the signature.
    writer = PdfWriter(clone_from=str(path))
    edit(writer)
    rewritten = tmp_path / "rewritten.pdf"
    with rewritten.open("wb") as stream:
        writer.write(stream)
    _refused(rewritten, "no longer matches the file")


def test_a_page_edited_in_an_update_is_refused(review_file, tmp_path, capsys):
    _, path = review_file
    writer = PdfWriter(str(path), incremental=True)
    page = writer.pages[0]
    stream = DecodedStreamObject()
    stream.set_data(page.get_contents().get_data() + b"\nq 1 1 1 rg 0 0 600 300 re f Q\n")
    page[NameObject("/Contents")] = writer._add_object(stream)
    edited = tmp_path / "edited.pdf"
    with edited.open("wb") as out:
        writer.write(out)
    message = _refused(edited, "page 1")
    assert "review file" in message
    assert main(["verify", str(edited)]) == 1
    assert "not verified (altered)" in capsys.readouterr().err
    if shutil.which("pdfsig"):
        assert "Total document signed" not in _pdfsig(edited)


def test_an_unsigned_review_file_is_refused(tmp_path, data_home):
    from workerimpact.consultation import exchange, pdf

    review = _review(two_findings())
    drawn = exchange._attach(
        pdf.render([], "Review", "Review"), "review.json", record_bytes(review), "The review"
    )[0]
    path = tmp_path / "unsigned.pdf"
    path.write_bytes(drawn)
    _refused(path, "not signed")


def test_the_joint_statement_is_signed_by_both_parties(tmp_path, monkeypatch, capsys):
    assessment = two_findings()
    review = _review(assessment)
    joint = tmp_path / "joint.pdf"
    employer, union = tmp_path / "employer", tmp_path / "union"
    employer.mkdir()
    union.mkdir()
    monkeypatch.setenv("WORKERIMPACT_HOME", str(employer))
    assert main(["identity", "create", "--name", "Dana Reyes", "--organization", "Northwind"]) == 0
    info = export_joint(assessment, review, None, joint)
    assert "Dana Reyes" in info.signed_by

    monkeypatch.setenv("WORKERIMPACT_HOME", str(union))
    assert main(["identity", "create", "--name", "Ana Ruiz", "--organization", "Local 9"]) == 0
    both = tmp_path / "both.pdf"
    capsys.readouterr()
    assert main(["countersign", str(joint), "-o", str(both)]) == 0
    outcome = verify_exchange(both)
    assert outcome.ok, outcome.reasons
    assert outcome.what() == "joint statement"
    assert [s.name for s in outcome.signers] == ["Dana Reyes", "Ana Ruiz"]
    assert "joint statement" in outcome.signers[1].reason
    assert outcome.signers[1].trusted  # one's own certificate is trusted
    assert main(["verify", str(both)]) == 0
    out = capsys.readouterr().out
    assert "this is a joint statement" in out
    assert "Dana Reyes, Northwind" in out and "Ana Ruiz, Local 9 (trusted)" in out
    if shutil.which("pdfsig"):
        report = _pdfsig(both)
        assert report.count("Signature is Valid") == 2 and "Total document signed" in report
    # A review file is not countersigned; an altered joint statement cannot be.
    review_path = tmp_path / "review.pdf"
    export_review(review, assessment, review_path)
    assert main(["countersign", str(review_path), "-o", str(tmp_path / "no.pdf")]) == 1
    assert "only the representatives sign" in capsys.readouterr().err
    data = both.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[:-2000])
    assert main(["countersign", str(tmp_path / "cut.pdf"), "-o", str(tmp_path / "no.pdf")]) == 1


def test_an_altered_review_file_is_explained_in_spanish(review_file, tmp_path, capsys):
    """The reasons name the review file (not "the statement"), in the messages' language."""
    _, path = review_file
    writer = PdfWriter(str(path), incremental=True)
    writer.add_metadata({"/Title": "Otra cosa"})
    edited = tmp_path / "editada.pdf"
    with edited.open("wb") as out:
        writer.write(out)
    assert main(["verify", str(edited), "--language", "es"]) == 1
    said = capsys.readouterr()
    err = " ".join(said.err.split())
    assert "esto es un archivo de revisión de los representantes de los trabajadores" in said.out
    assert "actualización 1 después de la primera firma" in err
    assert "alterado: el archivo de revisión se cambió después de firmarlo (actualización 1)" in err
    assert "no verificado (alterado)" in err
    appended = tmp_path / "agregada.pdf"
    appended.write_bytes(path.read_bytes() + b"\n% appended\n")
    assert main(["--language", "es", "verify", str(appended)]) == 1
    err += " ".join(capsys.readouterr().err.split())
    assert "se cambió la información del documento (Title)" in err
    for english in (
        "the statement",
        "the review file",
        "after it was signed",
        "bytes were added",
        "the document information",
    ):
        assert english not in err, english
    with pytest.raises(InputError) as error:
        from workerimpact.i18n import language

        with language("es"):
            embedded_review(edited)
    message = str(error.value.problems[0].message)
    assert message.startswith("este archivo de revisión no se usa (alterado): el archivo de")
    assert "Pida a quien lo envió el archivo tal como se exportó." in message


def test_what_an_update_changed_reads_whole_in_either_language():
    from workerimpact.i18n import language
    from workerimpact.report.revisions import _change, _page_of

    where = _change("page {number}", number=3)
    link = _change(
        "a web link ({target}){page}", target="x.test", page=_change(" on {where}", where=where)
    )
    added = _change("{thing} was added", thing=link)
    assert added.text == "a web link (x.test) on page 3 was added"
    with language("es"):
        assert added.words() == "se añadió un enlace web (x.test) en la página 3"
    assert _page_of([], None).words() == ""
