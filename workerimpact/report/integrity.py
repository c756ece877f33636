"""What makes a statement tamper-evident: the attachment, the printed fingerprint, the levels.

Reading and writing the PDF structure is done with pypdf; this module never imports
reportlab, so checking or extracting a report stays light. A finished statement holds:

- ``assessment.json``: the assessment in canonical JSON, as an embedded file;
- on the Method page, ``FINGERPRINT_LABEL`` followed by the 64-digit SHA-256 of that file,
  and a block between ``LEVELS_HEADER`` and ``LEVELS_END`` stating every level;
- on every page, ``Fingerprint`` and the first 12 digits in the footer;
- in the document information dictionary, a machine-readable copy of the fingerprint and
  the levels, the generator's version, and a digest of each page's drawing instructions.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workerimpact.errors import InputError
from workerimpact.scoring import AssessmentResult

ATTACHMENT_NAME = "assessment.json"
"""File name of the embedded assessment."""
FINGERPRINT_LABEL = "SHA-256 fingerprint of the attached assessment:"
"""Printed on the Method page before the full fingerprint."""
LEVELS_HEADER = "Levels stated in this report (read back by workerimpact verify):"
LEVELS_END = "End of levels."
NOT_ASSESSED = "not-assessed"
MAX_REPORT_BYTES = 500_000_000
"""Largest PDF accepted for reading."""

INFO_FINGERPRINT = "/WorkerImpactFingerprint"
INFO_LEVELS = "/WorkerImpactLevels"
INFO_PAGES = "/WorkerImpactPageDigests"
INFO_GENERATOR = "/WorkerImpactGenerator"

_FULL = re.compile(re.escape(FINGERPRINT_LABEL).replace(r"\ ", r"\s+") + r"\s*([0-9a-f]{64})")
_FOOTER = re.compile(r"Fingerprint\s+([0-9a-f]{12})(?![0-9a-f])")
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


_WORD_LINE = re.compile(r"= (LOW|MODERATE|HIGH|SEVERE|NOT YET ASSESSED)(?![A-Za-z])")


def parse_levels(text: str, keys: Iterable[str] = ()) -> dict[str, str] | None:
    """Read a levels block back from page text; None if there is none.

    Takes the last block in the text: the Method page comes after every answer, so text an
    assessor typed cannot stand in for it. Statements name the parts in words ("Health and
    safety › Breaks and rest = HIGH"); their levels are matched, in printing order, to
    ``keys`` (those of ``stated_levels``). Older statements print ids, read as they are.
    """
    flat = " ".join(text.split())
    header = " ".join(LEVELS_HEADER.split())
    start = flat.rfind(header)
    if start < 0:
        return None
    end = flat.find(LEVELS_END, start)
    block = flat[start + len(header) : end if end >= 0 else len(flat)]
    by_id = {key: level for key, level in _LEVEL_LINE.findall(block)}
    if by_id:
        return by_id
    keys = list(keys)
    found = [
        NOT_ASSESSED if word == "NOT YET ASSESSED" else word.lower()
        for word in _WORD_LINE.findall(block)
    ]
    keys += [f"line {index}" for index in range(len(keys) + 1, len(found) + 1)]
    return dict(zip(keys, found, strict=False))


def parse_info_levels(text: str) -> dict[str, str]:
    """Read the machine-readable levels from the document information."""
    return {key: level for key, level in _LEVEL_LINE.findall(" ".join(text.split()))}


def printed_fingerprints(text: str) -> list[str]:
    """Every full fingerprint printed after ``FINGERPRINT_LABEL`` in some page text."""
    return _FULL.findall(" ".join(text.split()))


def footer_fingerprints(text: str) -> list[str]:
    """Every 12-digit footer fingerprint in one page's text."""
    return _FOOTER.findall(text)


# --- the PDF structure (pypdf) -------------------------------------------------------------


def open_pdf(path: Path) -> Any:
    """Open a PDF for reading with pypdf, or raise ``InputError`` saying why it cannot be read."""
    from pypdf import PdfReader

    display = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError.single(display, "no such file") from None
    except OSError as error:
        raise InputError.single(display, f"cannot read the file: {error.strerror}") from None
    if path.is_dir():
        raise InputError.single(display, "this is a folder, not a report PDF")
    if size > MAX_REPORT_BYTES:
        raise InputError.single(display, "the file is larger than any WorkerImpact report")
    try:
        with path.open("rb") as stream:
            start = stream.read(1024)
        data = path.read_bytes()
    except OSError as error:
        raise InputError.single(display, f"cannot read the file: {error.strerror}") from None
    if b"%PDF-" not in start:
        raise InputError.single(display, "this is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError.single(
                display, "the PDF is encrypted; WorkerImpact reports are never encrypted"
            )
        len(reader.pages)
        reader.trailer["/Root"]
    except InputError:
        raise
    except Exception:  # pypdf raises many kinds for damaged files; all mean the same here
        raise InputError.single(
            display, "the PDF is damaged and cannot be read (it may be cut short)"
        ) from None
    return reader


def attachment(reader: Any, display: str) -> bytes | None:
    """The bytes of the embedded ``assessment.json``, or None when there is none."""
    try:
        found = reader.attachments.get(ATTACHMENT_NAME)
    except Exception:  # a damaged name tree
        raise InputError.single(display, "the PDF's list of attached files is damaged") from None
    if not found:
        return None
    if len(found) > 1:
        raise InputError.single(
            display, f"the PDF has {len(found)} attachments named {ATTACHMENT_NAME}; it was altered"
        )
    return bytes(found[0])


def page_texts(reader: Any) -> list[str]:
    """The extracted text of each page (empty for a page whose text cannot be read)."""
    texts = []
    for page in reader.pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # a damaged page: its checks fail, the others still run
            texts.append("")
    return texts


def page_digests(reader: Any) -> list[str]:
    """SHA-256 of each page's drawing instructions and of the forms it draws."""
    from pypdf.generic import IndirectObject

    digests = []
    for page in reader.pages:
        digest = hashlib.sha256()
        try:
            contents = page.get_contents()
            digest.update(contents.get_data() if contents is not None else b"")
            resources = page.get("/Resources")
            resources = resources.get_object() if resources is not None else {}
            forms = resources.get("/XObject")
            forms = forms.get_object() if forms is not None else {}
            for name in sorted(forms):
                form = forms[name]
                form = form.get_object() if isinstance(form, IndirectObject) else form
                if form.get("/Subtype") == "/Form":
                    digest.update(name.encode() + b"\0" + form.get_data())
        except Exception:  # a damaged page gets a digest that matches nothing
            digest.update(b"\0damaged")
        digests.append(digest.hexdigest())
    return digests


def info_value(reader: Any, key: str) -> str | None:
    """A text entry of the document information, if present."""
    try:
        info = reader.metadata
        value = info.get(key) if info is not None else None
    except Exception:
        return None
    return str(value) if value is not None else None


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
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    digests = page_digests(reader)
    writer = PdfWriter(reader, incremental=True)
    embedded = writer.add_attachment(ATTACHMENT_NAME, canonical)
    embedded.subtype = NameObject("/application#2Fjson")
    embedded.description = TextStringObject(
        "The assessment this statement was generated from (canonical JSON)"
    )
    embedded.associated_file_relationship = NameObject("/Source")
    writer.add_metadata(
        {
            INFO_FINGERPRINT: fingerprint,
            INFO_LEVELS: levels_text(levels),
            INFO_PAGES: " ".join(digests),
            INFO_GENERATOR: generator,
        }
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(digests)
