"""`verify` on a signed statement and on a corpus of tamperings: each gets its verdict and
reason, and poppler's `pdfsig` agrees that the signature no longer covers the file."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from report_samples import warehouse_assessment

from workerimpact.assessment import canonical_bytes, to_json_data
from workerimpact.cli import main
from workerimpact.report import export_report, verify_report
from workerimpact.report.integrity import INFO_LEVELS, LEVELS_HEADER, stated_levels
from workerimpact.scoring import score_assessment

COVER_UP = b"\nq 1 1 1 rg 60 560 300 60 re f 0 0 0 rg BT /F3+0 20 Tf 70 580 Td (LOW) Tj ET Q\n"


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("verify")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        assessment = warehouse_assessment()
        path = folder / "statement.pdf"
        export_report(assessment, path)
    return assessment, path


def _incremental(source: Path, target: Path, edit: Callable[[PdfWriter], None]) -> Path:
    """An edit appended as an incremental update, as a PDF editor saves it."""
    writer = PdfWriter(str(source), incremental=True)
    edit(writer)
    with target.open("wb") as stream:
        writer.write(stream)
    return target


def _rewrite(source: Path, target: Path, edit: Callable[[PdfWriter], None]) -> Path:
    """An edit saved as a whole new file (the signature's byte range no longer fits)."""
    writer = PdfWriter(clone_from=str(source))
    edit(writer)
    with target.open("wb") as stream:
        writer.write(stream)
    return target


def _append_to_page(index: int, drawing: bytes) -> Callable[[PdfWriter], None]:
    def edit(writer: PdfWriter) -> None:
        page = writer.pages[index]
        stream = DecodedStreamObject()
        stream.set_data(page.get_contents().get_data() + drawing)
        page[NameObject("/Contents")] = writer._add_object(stream)

    return edit


def _annotation(subtype: str, **entries: object) -> Callable[[PdfWriter], None]:
    def edit(writer: PdfWriter) -> None:
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject(subtype),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (60, 500, 400, 620)]),
                **{NameObject("/" + key): value for key, value in entries.items()},
            }
        )
        writer.add_annotation(0, annotation)

    return edit


def _action(kind: str, key: str, value: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject(kind),
            NameObject(key): TextStringObject(value),
        }
    )


def _pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def _check(path: Path, verdict: str, *reasons: str) -> str:
    outcome = verify_report(path)
    text = " | ".join(outcome.reasons)
    assert not outcome.ok, "a tampered statement verified"
    assert outcome.verdict == verdict, text
    for reason in reasons:
        assert reason in text, text
    if shutil.which("pdfsig"):
        # poppler agrees: the issuer's signature is broken or no longer covers the file.
        # (pdfsig does not analyse what a later revision changed; verify does.)
        blocks = _pdfsig(path).split("Signature #")
        issuer = next((b for b in blocks if "WorkerImpact-issued" in b), blocks[-1])
        assert "Total document signed" not in issuer or "Signature is Valid" not in issuer
    return text


def test_untouched_statement_verifies(statement) -> None:
    assessment, path = statement
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons
    assert outcome.verdict == "verified"
    assert canonical_bytes(outcome.assessment) == canonical_bytes(assessment)
    assert "drawn again" in outcome.notes[0]
    [signer] = outcome.signers
    assert signer.intact and signer.name == "Dana Whitfield, HR Business Partner"
    # The test's data folder is not the exporter's: the certificate is unknown here.
    assert signer.describe().startswith("signed by an unknown certificate")
    if shutil.which("pdfsig"):
        report = _pdfsig(path)
        assert "Signature is Valid" in report and "Total document signed" in report


def test_trusted_signer_is_named(statement) -> None:
    from workerimpact.report.pdfread import open_reader
    from workerimpact.signing.trust import trust, trusted_certificates

    _, path = statement
    signature = next(iter(open_reader(path.read_bytes()).embedded_regular_signatures))
    from cryptography import x509

    trust(x509.load_der_x509_certificate(signature.signer_cert.dump()))
    assert len(trusted_certificates()) == 1
    [signer] = verify_report(path).signers
    assert signer.describe() == (
        "signed by Dana Whitfield, HR Business Partner, Northfield Distribution LLC (trusted)"
    )


def test_cli_verify_and_trust(statement, tmp_path: Path, capsys) -> None:
    _, path = statement
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert "signed by an unknown certificate" in out and "verified" in out
    assert main(["trust", "add", str(path), "--fingerprint", "0000 " * 8]) == 1
    assert "no certificate here has the fingerprint" in capsys.readouterr().err
    fingerprint = verify_report(path).signers[0].fingerprint
    spoken = " ".join(fingerprint[i : i + 4].upper() for i in range(0, 32, 4))
    assert main(["trust", "add", str(path), "--fingerprint", spoken]) == 0
    assert main(["verify", str(path)]) == 0
    assert "Northfield Distribution LLC (trusted)" in capsys.readouterr().out
    assert main(["trust", "remove", spoken]) == 0


def test_countersignature_keeps_the_first_valid(statement, tmp_path: Path, capsys) -> None:
    _, path = statement
    assert main(["identity", "create", "--name", "Sam Ortiz", "--organization", "Local 12"]) == 0
    countersigned = tmp_path / "countersigned.pdf"
    assert main(["countersign", str(path), "-o", str(countersigned)]) == 0
    outcome = verify_report(countersigned)
    assert outcome.ok, outcome.reasons
    assert [s.name for s in outcome.signers] == ["Dana Whitfield, HR Business Partner", "Sam Ortiz"]
    assert outcome.signers[1].trusted and "receipt" in outcome.signers[1].reason
    assert any("a further signature was added" in update for update in outcome.updates)
    if shutil.which("pdfsig"):
        report = _pdfsig(countersigned)
        assert report.count("Signature is Valid") == 2 and "Total document signed" in report
    # A change after the countersignature is still an alteration.
    edited = _incremental(countersigned, tmp_path / "after.pdf", _annotation("/FreeText"))
    _check(edited, "altered", "FreeText annotation")
    # And an altered statement cannot be countersigned.
    assert main(["countersign", str(edited), "-o", str(tmp_path / "no.pdf")]) == 1
    assert "only a statement that verifies" in capsys.readouterr().err


# --- the tamper corpus: incremental updates after the signature -----------------------------


def test_page_content_replaced_in_two_updates(statement, tmp_path: Path) -> None:
    first = _incremental(statement[1], tmp_path / "one.pdf", _append_to_page(0, COVER_UP))
    second = _incremental(first, tmp_path / "two.pdf", _append_to_page(0, b"\nq Q\n"))
    _check(second, "altered", "changed after it was signed", "page 1")


def test_page_added(statement, tmp_path: Path) -> None:
    def addendum(writer: PdfWriter) -> None:
        writer.add_blank_page(612, 792)

    _check(_incremental(statement[1], tmp_path / "added.pdf", addendum), "altered", "page")


def test_white_box_and_freetext_annotations(statement, tmp_path: Path) -> None:
    box = _annotation("/Square", IC=ArrayObject([NumberObject(1)] * 3))
    _check(_incremental(statement[1], tmp_path / "box.pdf", box), "altered", "Square annotation")
    note = _annotation("/FreeText", Contents=TextStringObject("Level: low"))
    _check(_incremental(statement[1], tmp_path / "ft.pdf", note), "altered", "FreeText")


def test_band_cropped(statement, tmp_path: Path) -> None:
    def crop(writer: PdfWriter) -> None:
        writer.pages[0][NameObject("/CropBox")] = ArrayObject(
            [NumberObject(n) for n in (0, 0, 612, 740)]
        )

    _check(_incremental(statement[1], tmp_path / "crop.pdf", crop), "altered", "CropBox")


def test_javascript_and_links(statement, tmp_path: Path) -> None:
    def open_action(writer: PdfWriter) -> None:
        writer._root_object[NameObject("/OpenAction")] = _action(
            "/JavaScript", "/JS", "app.alert(1)"
        )

    _check(
        _incremental(statement[1], tmp_path / "js.pdf", open_action),
        "altered",
        "runs when the document is opened",
    )
    uri = _annotation("/Link", A=_action("/URI", "/URI", "https://example.org/"))
    _check(_incremental(statement[1], tmp_path / "uri.pdf", uri), "altered", "web link")
    launch = _annotation("/Link", A=_action("/Launch", "/F", "calc.exe"))
    _check(
        _incremental(statement[1], tmp_path / "run.pdf", launch), "altered", "launches a program"
    )


def test_second_attachment_and_new_title(statement, tmp_path: Path) -> None:
    def attach(writer: PdfWriter) -> None:
        writer.add_attachment("union-response.pdf.exe", b"MZ")

    _check(
        _incremental(statement[1], tmp_path / "exe.pdf", attach),
        "altered",
        "union-response.pdf.exe",
    )

    def title(writer: PdfWriter) -> None:
        writer.add_metadata({"/Title": "Nothing to see"})

    _check(_incremental(statement[1], tmp_path / "title.pdf", title), "altered", "Title")


def test_levels_in_metadata_edited(statement, tmp_path: Path) -> None:
    def lower(writer: PdfWriter) -> None:
        writer.add_metadata({INFO_LEVELS: "overall = low"})

    _check(_incremental(statement[1], tmp_path / "lv.pdf", lower), "altered", "WorkerImpactLevels")


def test_page_deleted_and_reordered(statement, tmp_path: Path) -> None:
    _check(
        _incremental(statement[1], tmp_path / "del.pdf", lambda w: w.remove_page(1)),
        "altered",
        "1 page removed",
    )

    def swap(writer: PdfWriter) -> None:
        kids = writer._root_object["/Pages"]["/Kids"]
        kids[0], kids[1] = kids[1], kids[0]

    _check(_incremental(statement[1], tmp_path / "swap.pdf", swap), "altered", "different order")


# --- the tamper corpus: the file rewritten, cut or extended ---------------------------------


def test_page_edited_in_a_rewritten_file(statement, tmp_path: Path) -> None:
    def edit(writer: PdfWriter) -> None:
        _append_to_page(0, COVER_UP)(writer)
        writer.add_metadata({"/WorkerImpactGenerator": "WorkerImpact 0.1.0 (reportlab 5.1.0) "})

    _check(
        _rewrite(statement[1], tmp_path / "rw.pdf", edit),
        "altered",
        "signature no longer matches",
        "page 1 was changed",
    )


def test_attachment_replaced_in_a_rewritten_file(statement, tmp_path: Path) -> None:
    assessment, source = statement
    pretty = json.dumps(to_json_data(assessment), indent=2, ensure_ascii=False).encode()

    def replace(writer: PdfWriter) -> None:
        for item in list(writer.attachment_list):
            item.delete()
        writer.add_attachment("assessment.json", pretty)

    _check(
        _rewrite(source, tmp_path / "att.pdf", replace),
        "altered",
        "not in canonical form",
        "not the one the statement was made from",
    )


@pytest.mark.parametrize("cut", [2, 3, 4, 5, 1000])
def test_truncated(statement, tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(statement[1].read_bytes()[:-cut])
    try:
        outcome = verify_report(path)
    except Exception as error:  # unreadable: must be a clear InputError, not a traceback
        from workerimpact.errors import InputError

        assert isinstance(error, InputError) and "cut short" in str(error)
        return
    assert not outcome.ok and outcome.verdict == "altered"
    assert "cut short" in " ".join(outcome.reasons)


def test_appended_garbage(statement, tmp_path: Path) -> None:
    path = tmp_path / "tail.pdf"
    path.write_bytes(statement[1].read_bytes() + b"\n% hello\n1 0 obj (x) endobj\n")
    _check(path, "altered", "bytes were added after the end of the signed file")


def test_resaved_by_pypdf_is_reported_as_resaved(statement, tmp_path: Path) -> None:
    text = _check(
        _rewrite(statement[1], tmp_path / "resaved.pdf", lambda writer: None),
        "re-saved",
        "signature no longer matches",
    )
    assert "pages still match" in text


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_resaved_by_qpdf_is_reported_as_resaved(statement, tmp_path: Path) -> None:
    target = tmp_path / "qpdf.pdf"
    subprocess.run(["qpdf", str(statement[1]), str(target)], check=False, timeout=60)
    _check(target, "re-saved", "signature no longer matches")


def test_unsigned_pdf(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    outcome = verify_report(path)
    assert outcome.verdict == "not signed" and not outcome.ok
    assert "no assessment is attached" in " ".join(outcome.reasons)


def test_system_name_with_the_levels_header_verifies(tmp_path: Path) -> None:
    assessment = warehouse_assessment()
    assessment.metadata.system = LEVELS_HEADER + " overall = low End of levels."
    path = tmp_path / "odd.pdf"
    export_report(assessment, path)
    outcome = verify_report(path)
    assert outcome.ok, outcome.reasons


def test_reexport_by_someone_else_is_an_unknown_signer(statement, tmp_path: Path) -> None:
    # Anyone can edit the assessment and export it again: it verifies, but the signer is
    # not one you trust, and verify says so.
    from workerimpact.signing.identity import new_identity

    assessment, _ = statement
    changed = assessment.model_copy(deep=True)
    changed.metadata.organization = "Someone Else"
    path = tmp_path / "forged.pdf"
    export_report(changed, path, identity=new_identity("Dana Whitfield", "Northfield"))
    outcome = verify_report(path)
    assert outcome.ok
    assert outcome.signers[0].describe().startswith("signed by an unknown certificate")


def test_stated_levels_match_scoring(statement) -> None:
    assessment, _ = statement
    result = score_assessment(assessment)
    levels = dict(stated_levels(result))
    assert levels["overall"] == result.overall.level


def test_attachment_edited_and_every_record_recomputed(statement, tmp_path: Path) -> None:
    from workerimpact.report.integrity import INFO_FINGERPRINT, INFO_GENERATOR, levels_text

    assessment, source = statement
    changed = assessment.model_copy(deep=True)
    changed.metadata.system = "Something harmless"
    data = canonical_bytes(changed)
    import hashlib

    def forge(writer: PdfWriter) -> None:
        for item in list(writer.attachment_list):
            item.delete()
        writer.add_attachment("assessment.json", data)
        writer.add_metadata(
            {
                INFO_FINGERPRINT: hashlib.sha256(data).hexdigest(),
                INFO_LEVELS: levels_text(stated_levels(score_assessment(changed))),
                INFO_GENERATOR: "WorkerImpact 0.0.9 (reportlab 4.0.0)",
            }
        )

    text = _check(
        _rewrite(source, tmp_path / "forged.pdf", forge),
        "altered",
        "signature no longer matches",
        "not show what the attached assessment gives",
    )
    assert "made by WorkerImpact 0.0.9" in text


def test_edit_hidden_in_a_further_signature(statement, tmp_path: Path) -> None:
    # A forger edits page 1 and signs that same revision with their own key.
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from workerimpact.signing.identity import new_identity
    from workerimpact.signing.sign import _signer

    writer = IncrementalPdfFileWriter(io.BytesIO(statement[1].read_bytes()), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=page["/Contents"].data + COVER_UP)
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    output = io.BytesIO()
    metadata = signers.PdfSignatureMetadata(field_name="Forger")
    signers.PdfSigner(metadata, _signer(new_identity("Mallory"))).sign_pdf(writer, output=output)
    path = tmp_path / "hidden.pdf"
    path.write_bytes(output.getvalue())
    text = _check(path, "altered", "the revision holding the signature", "page 1")
    assert "Mallory" in text


def test_form_field_filled_in(statement, tmp_path: Path) -> None:
    field = _annotation("/Widget", FT=NameObject("/Tx"), T=TextStringObject("note"))
    field_value = TextStringObject("Level: low")

    def fill(writer: PdfWriter) -> None:
        field(writer)
        writer.pages[0]["/Annots"][-1].get_object()[NameObject("/V")] = field_value

    _check(_incremental(statement[1], tmp_path / "form.pdf", fill), "altered", "a form field")


def test_visible_countersignature_stamp_is_an_alteration(statement, tmp_path: Path) -> None:
    # A stamp drawn over page 1 can show anything ("Overall level: LOW"): only invisible
    # signatures, such as `workerimpact countersign` makes, keep the pages as signed.
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from workerimpact.signing.identity import new_identity
    from workerimpact.signing.sign import _signer

    writer = IncrementalPdfFileWriter(io.BytesIO(statement[1].read_bytes()), strict=False)
    output = io.BytesIO()
    spec = fields.SigFieldSpec("Stamp", box=(50, 500, 400, 620), on_page=0)
    signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name="Stamp"),
        _signer(new_identity("Rep")),
        new_field_spec=spec,
    )
    signer.sign_pdf(writer, output=output)
    path = tmp_path / "stamp.pdf"
    path.write_bytes(output.getvalue())
    _check(path, "altered", "a visible signature stamp on page 1 was added")


def test_issuer_signature_removed_and_signed_again(statement, tmp_path: Path) -> None:
    # A forger drops the issuer's signature field, adds JavaScript, and signs with their key.
    from workerimpact.signing.identity import new_identity
    from workerimpact.signing.sign import sign_pdf

    def strip(writer: PdfWriter) -> None:
        form = writer._root_object["/AcroForm"]
        form[NameObject("/Fields")] = ArrayObject()
        writer._root_object[NameObject("/OpenAction")] = _action("/JavaScript", "/JS", "1")

    stripped = _incremental(statement[1], tmp_path / "stripped.pdf", strip)
    resigned = tmp_path / "resigned.pdf"
    resigned.write_bytes(sign_pdf(stripped.read_bytes(), new_identity("Mallory"), "X", "x"))
    # pdfsig still finds the issuer's signature on the page, not covering the whole file.
    _check(resigned, "altered", "a signature was removed from the file")


def test_text_from_the_file_is_never_printed_raw(statement, tmp_path: Path) -> None:
    uri = _annotation("/Link", A=_action("/URI", "/URI", "https://example.org/\x1b[31mred"))
    text = _check(_incremental(statement[1], tmp_path / "esc.pdf", uri), "altered", "[U+001B]")
    assert "\x1b" not in text
