"""What a statement carries besides its pages: the attachment, the fingerprint, the levels.

Written with pypdf before the statement is signed (``finish_pdf``); ``open_pdf`` and
``attachment`` read the attachment back for ``extract`` and imports (``verify`` reads
everything with pyHanko instead, see ``pdfread``). This module never imports reportlab.
A finished statement holds:

- ``assessment.json``: the assessment in canonical JSON, as a compressed embedded file;
- on the Method page, ``FINGERPRINT_LABEL`` followed by the 64-digit SHA-256 of that file,
  and a block between ``LEVELS_HEADER`` and ``LEVELS_END`` stating every level;
- on every page, ``Fingerprint`` and the first 12 digits in the footer;
- in the document information dictionary, a machine-readable copy of the fingerprint and
  the levels, the generator's version, and the real creation date.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t
from workerimpact.scoring import AssessmentResult

ATTACHMENT_NAME = "assessment.json"
"""File name of the embedded assessment."""
FINGERPRINT_LABEL = "SHA-256 fingerprint of the attached assessment:"
"""Printed on the Method page before the full fingerprint."""
LEVELS_HEADER = "Levels stated in this report (checked by workerimpact verify):"
LEVELS_END = "End of levels."
NOT_ASSESSED = "not-assessed"
MAX_REPORT_BYTES = 500_000_000
"""Largest PDF accepted for reading."""

INFO_FINGERPRINT = "/WorkerImpactFingerprint"
INFO_LEVELS = "/WorkerImpactLevels"
INFO_GENERATOR = "/WorkerImpactGenerator"

_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
_LEVEL_LINE = re.compile(
    rf"(overall|questionnaire {_ID}|dimension {_ID}/{_ID}) = "
    rf"(low|moderate|high|severe|{NOT_ASSESSED})(?![a-z-])"
)


def stated_levels(result: AssessmentResult) -> list[tuple[str, str]]:
    """Every level a statement states, as (key, level) pairs in printing order."""
    pairs = [("overall", result.overall.level or NOT_ASSESSED)]
    for item in result.questionnaires:
        pairs.append((f"questionnaire {item.id}", item.result.level or NOT_ASSESSED))
        pairs += [
            (f"dimension {item.id}/{dimension.id}", dimension.result.level or NOT_ASSESSED)
            for dimension in item.dimensions
        ]
    return pairs


def levels_text(pairs: Iterable[tuple[str, str]]) -> str:
    """The levels as one line for the document information: ``key = level; ...``."""
    return "; ".join(f"{key} = {level}" for key, level in pairs)


def parse_info_levels(text: str) -> dict[str, str]:
    """Read the machine-readable levels from the document information."""
    return {key: level for key, level in _LEVEL_LINE.findall(" ".join(text.split()))}


# --- the PDF structure (pypdf) -------------------------------------------------------------


def open_pdf(path: Path) -> Any:
    """Open a PDF for reading with pypdf, or raise ``InputError`` saying why it cannot be read."""
    from pypdf import PdfReader

    display = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError.single(display, t("no such file")) from None
    except OSError as error:
        raise InputError.single(
            display, t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    if path.is_dir():
        raise InputError.single(display, t("this is a folder, not a report PDF"))
    if size > MAX_REPORT_BYTES:
        raise InputError.single(display, t("the file is larger than any WorkerImpact report"))
    try:
        with path.open("rb") as stream:
            start = stream.read(1024)
        data = path.read_bytes()
    except OSError as error:
        raise InputError.single(
            display, t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    if b"%PDF-" not in start:
        raise InputError.single(display, t("this is not a PDF file"))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError.single(
                display, t("the PDF is encrypted; WorkerImpact reports are never encrypted")
            )
        len(reader.pages)
        reader.trailer["/Root"]
    except InputError:
        raise
    except Exception:  # pypdf raises many kinds for damaged files; all mean the same here
        raise InputError.single(
            display, t("the PDF is damaged and cannot be read (it may be cut short)")
        ) from None
    return reader


def attachment(reader: Any, display: str) -> bytes | None:
    """The bytes of the embedded ``assessment.json``, or None when there is none."""
    try:
        found = reader.attachments.get(ATTACHMENT_NAME)
    except Exception:  # a damaged name tree
        raise InputError.single(display, t("the PDF's list of attached files is damaged")) from None
    if not found:
        return None
    if len(found) > 1:
        raise InputError.single(
            display,
            t(
                "the PDF has {count} attachments named {name}; it was altered",
                count=len(found),
                name=ATTACHMENT_NAME,
            ),
        )
    return bytes(found[0])


def finish_pdf(
    pdf: bytes,
    canonical: bytes,
    fingerprint: str,
    levels: list[tuple[str, str]],
    generator: str,
) -> tuple[bytes, int]:
    """Attach the assessment and the machine-readable record to a rendered statement.

    Returns the finished PDF and its number of pages.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    writer = PdfWriter(reader, incremental=True)
    embedded = writer.add_attachment(ATTACHMENT_NAME, canonical)
    # The assessment compresses well (a long comment is mostly repetition): store it
    # deflated, with its size, under its real MIME type.
    stream = embedded._embedded_file
    compressed = stream.flate_encode()
    compressed[NameObject("/Params")] = DictionaryObject(
        {NameObject("/Size"): NumberObject(len(canonical))}
    )
    reference = embedded.pdf_object["/EF"].raw_get("/F")
    writer._replace_object(reference, compressed)
    embedded.subtype = NameObject("/application/json")
    embedded.description = TextStringObject(
        "The assessment this statement was generated from (canonical JSON)"
    )
    embedded.associated_file_relationship = NameObject("/Source")
    now = pdf_date(datetime.datetime.now(datetime.UTC))
    writer.add_metadata(
        {
            "/CreationDate": now,
            "/ModDate": now,
            INFO_FINGERPRINT: fingerprint,
            INFO_LEVELS: levels_text(levels),
            INFO_GENERATOR: generator,
        }
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), pages


def pdf_date(moment: datetime.datetime) -> str:
    """A date in the PDF format, ``D:YYYYMMDDHHmmSS+00'00'`` (UTC)."""
    return moment.astimezone(datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
