"""Import, on the GUI thread, the modules that work on other threads will need.

PySide6 replaces ``__import__`` with a hook that reads each new module's source; run on a
worker thread while the GUI thread runs Python, it can corrupt memory and crash the
process. So nothing is imported for the first time on a worker: the core is imported here
just after the window is first painted, the report writer just before an export, and the
PDF reader just before a report is opened. ``tests/test_ui_prewarm.py`` checks these lists
cover what the work imports.
"""

from __future__ import annotations

import importlib

CORE = (
    "workerimpact.assessment",
    "workerimpact.catalog",
    "workerimpact.scoring",
    "workerimpact.storage",
    "workerimpact.session",
    "workerimpact.report",
    "platformdirs",
    "_strptime",
    "fcntl",
)
"""What opening the library, answering, importing a JSON file and backups use."""

PDF_READING = (
    "pypdf",
    "pypdf.filters",
    "pypdf._codecs._codecs",
    "workerimpact.report.integrity",
    "workerimpact.report.verify",
    "workerimpact.report.signatures",
    "workerimpact.report.revisions",
    "workerimpact.signing.trust",
    "pyhanko.pdf_utils.reader",
    "pyhanko.sign.validation",
    "pyhanko.pdf_utils.filters",
    "pyhanko_certvalidator",
    "cryptography.hazmat.backends.openssl.backend",
    "encodings.charmap",
    "encodings.utf_16_be",
    "encodings.cp1252",
    "encodings.mac_roman",
)
"""What verifying a report and taking its assessment out of it use."""

PDF_WRITING = PDF_READING + (
    "workerimpact.report.render",
    "workerimpact.report.fonts",
    "workerimpact.report.bidilines",
    "workerimpact.report.actualtext",
    "bidi",
    "bidi.mirror",
    "uharfbuzz",
    "workerimpact.signing.sign",
    "pyhanko.sign.signers",
    "pyhanko.pdf_utils.incremental_writer",
    "pyhanko.pdf_utils.metadata.xmp_xml",
    "lxml.etree",
    "lxml._elementpath",
    "gzip",
    "getpass",
    "pwd",
    "termios",
    "tzdata.zoneinfo",
    "encodings.ascii",
    "encodings.utf_16_le",
    "reportlab.graphics.renderPDF",
    "reportlab.graphics.renderbase",
    "xml.dom.minidom",
    "xml.dom.expatbuilder",
    "stringprep",
    "subprocess",
)
"""What exporting a report uses (reportlab is only ever loaded here, at export)."""

COPY_WRITING = (
    "workerimpact.report.copies",
    "workerimpact.report.cover",
    "workerimpact.report.statement",
    "workerimpact.report.statement_answers",
    "workerimpact.report.statement_method",
    "workerimpact.report.as_html",
    "workerimpact.report.as_docx",
    "workerimpact.report.as_csv",
    "encodings.cp437",
    "encodings.utf_8_sig",
    "gzip",
)
"""What exporting the HTML, Word and CSV copies uses (python-docx is loaded here)."""

COMPARING = ("workerimpact.compare",)
"""What comparing two assessments uses (its other imports are in ``CORE``)."""

_done: set[str] = set()


def prewarm(modules: tuple[str, ...]) -> None:
    """Import ``modules`` now (on the calling thread, which must be the GUI thread)."""
    for name in modules:
        if name in _done:
            continue
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # optional on this platform (fcntl) or not installed; work will say so
        _done.add(name)
