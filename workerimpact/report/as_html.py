"""The statement as one accessible, self-contained HTML file.

Written from the same content as the PDF (``statement.statement_content``), in the same
order: semantic headings, tables with header cells, every level written out in words (its
colour is a second cue only), a table of contents, and styles that reflow at 200% zoom
without scrolling sideways. Nothing is fetched: no scripts, fonts or images, the styles are
inline. Every text is escaped, so nothing typed can become markup.

The assessment travels inside as ``assessment.json``, base64 in a data block (a ``<script>``
element of a non-script type, which browsers never run), byte for byte what the PDF
attaches; ``embedded_bytes`` reads it back and ``workerimpact verify COPY --against
REPORT.pdf`` compares it with a statement.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import unicodedata
from html import escape
from pathlib import Path

from workerimpact.errors import InputError
from workerimpact.i18n import os_reason, t
from workerimpact.report.content import (
    Block,
    Heading,
    Levels,
    Paragraph,
    Run,
    Statement,
    Table,
    WriteIn,
)
from workerimpact.report.wording import CONTENTS_TITLE
from workerimpact.results import level_label

DATA_ID = "workerimpact-assessment"
"""The id of the element holding the embedded assessment."""
MAX_COPY_BYTES = 200_000_000

_STATUS = {
    "draft": "DRAFT — not a final statement; answers and levels may still change",
    "in_review": "IN REVIEW — not a final statement; under review by the parties",
}
_LEVEL_CLASSES = {"low", "moderate", "high", "severe", "none"}

# Colours chosen for at least 4.5:1 contrast of the level word on its fill; the word is
# always there, so the colour never carries the meaning alone.
STYLE = """
:root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#8a8a8a;--shade:#f1f1f1;--focus:#0b57d0}
*{box-sizing:border-box}
html{font-family:"DejaVu Sans","Noto Sans",system-ui,sans-serif;font-size:100%;line-height:1.5;
color:var(--ink);background:#fff}
body{margin:0 auto;padding:1rem;max-width:52rem;overflow-wrap:anywhere}
h1{font-size:1.8rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.45rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
p{margin:.3rem 0}
a{color:var(--focus)}
a:focus,a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{position:static}
.status{border:2px solid #8a6100;background:#fff3cd;padding:.4rem .6rem;font-weight:bold}
.small{font-size:.875rem;color:var(--muted)}
.label{font-weight:bold;margin-top:.6rem}
.indented,.quote{margin-left:1.2rem}
.quote{border-left:3px solid var(--rule);padding-left:.6rem}
.question{font-weight:bold;margin-top:1rem}
.flag{font-weight:bold;color:#a00000;margin-left:1.2rem}
.level{display:inline-block;padding:0 .35rem;border:1px solid var(--ink);border-radius:.2rem;
font-weight:bold;color:#fff;background:#5c5c5c;white-space:nowrap}
.level-low{background:#2e6b31}.level-moderate{background:#f2b600;color:var(--ink)}
.level-high{background:#b33c00}.level-severe{background:#b71c1c}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:.2rem 0}
th,td{border:1px solid var(--rule);padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th,tbody th{background:var(--shade)}
td.blank{height:2.6rem}
.depth-1{padding-left:1.2rem}.depth-2{padding-left:2.4rem;font-weight:normal}
.bar{height:.6rem;border:1px solid var(--ink);background:#fff;margin-top:.2rem}
.bar span{display:block;height:100%;background:var(--ink)}
.write-in{min-height:30rem;border:1px solid var(--ink);
background:repeating-linear-gradient(#fff 0 1.9rem,var(--rule) 1.9rem 2rem)}
nav ol{padding-left:1.4rem}
footer{margin-top:2rem;border-top:1px solid var(--rule);padding-top:.5rem}
@media print{h2{break-before:page}.skip{display:none}a{color:var(--ink)}}
"""


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _run(run: Run) -> str:
    text = escape(run.text, quote=False).replace("\n", "<br>")
    if _has_rtl(run.text):
        text = f"<bdi>{text}</bdi>"
    if run.level is not None:
        kind = run.level if run.level in _LEVEL_CLASSES else "none"
        return f'<span class="level level-{kind}">{text}</span>'
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    return text


def _runs(items: tuple[Run, ...]) -> str:
    return "".join(_run(item) for item in items)


def _heading(block: Heading) -> str:
    tag = "h1" if block.anchor == "cover" else f"h{min(6, block.depth + 1)}"
    chip = ""
    if block.severity is not None:
        chip = _run(Run(block.severity.upper(), bold=True, level=block.severity)) + " "
    return f'<{tag} id="{escape(block.anchor)}">{chip}{escape(block.text, quote=False)}</{tag}>'


def _table(block: Table) -> str:
    head = "".join(f'<th scope="col">{escape(text, quote=False)}</th>' for text in block.header)
    rows = []
    for row in block.rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0 and block.row_headers:
                cells.append(f'<th scope="row">{_runs(cell)}</th>')
            else:
                cells.append(f"<td>{_runs(cell)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    blank = '<td class="blank"></td>' * len(block.header)
    rows += [f"<tr>{blank}</tr>"] * block.blank_rows
    return (
        f"<table><caption>{escape(block.caption, quote=False)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _levels(block: Levels) -> str:
    rows = []
    for row in block.rows:
        label = escape(row.label, quote=False)
        chip = _run(Run(level_label(row.level).upper(), True, level=row.level or "none"))
        if row.score is None:
            score = "—"
        else:
            width = max(0.0, min(100.0, row.score))
            bar = f'<span style="width:{width:.0f}%"></span>'
            score = f'{row.score:.0f}/100<div class="bar" aria-hidden="true">{bar}</div>'
        rows.append(
            f'<tr><th scope="row" class="depth-{row.depth}">{label}</th><td>{chip}</td>'
            f"<td>{score}</td><td>{escape(row.note, quote=False) or t('no')}</td></tr>"
        )
    return (
        f"<table><caption>{escape(block.caption, quote=False)}</caption><thead><tr>"
        f'<th scope="col">{t("Part")}</th><th scope="col">{t("Level")}</th>'
        f'<th scope="col">{t("Score")}</th><th scope="col">{t("Raised by a finding")}</th>'
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return f'<p class="{block.kind}" dir="auto">{_runs(block.runs)}</p>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Levels):
        return _levels(block)
    if isinstance(block, WriteIn):
        aria = escape(t("{label}: space to write", label=block.label))
        return f'<div class="write-in" role="img" aria-label="{aria}"></div>'
    raise TypeError(f"unknown block {block!r}")


def html_document(statement: Statement, canonical: bytes) -> str:
    """The statement as one HTML document, with ``canonical`` (assessment.json) embedded."""
    contents = "".join(
        f'<li><a href="#{escape(anchor)}">{escape(title, quote=False)}</a></li>'
        for title, anchor in statement.contents
    )
    status = _STATUS.get(statement.status)
    status = t(status) if status else status
    banner = f'<p class="status">{escape(status)}</p>' if status else ""
    # The title first, then the table of contents, then the rest in the PDF's order.
    title, *rest = statement.blocks
    body = "\n".join(_block(block) for block in rest)
    data = base64.b64encode(canonical).decode("ascii")
    lines = [data[index : index + 100] for index in range(0, len(data), 100)]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(statement.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(statement.title, quote=False)}</title>\n"
        f'<meta name="author" content="{escape(statement.author)}">\n'
        f'<meta name="description" content="{escape(statement.subject)}">\n'
        f'<meta name="generator" content="{escape(statement.generator)}">\n'
        f'<meta name="workerimpact-fingerprint" content="{statement.fingerprint}">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{t("Skip to the statement")}</a>\n'
        f'<header>{banner}</header>\n<main id="main">\n{_block(title)}\n'
        f'<nav aria-label="{t(CONTENTS_TITLE)}"><h2>{t(CONTENTS_TITLE)}</h2>'
        f"<ol>{contents}</ol></nav>\n"
        f"{body}\n</main>\n"
        '<footer><p class="small">'
        + t(
            "Fingerprint {fingerprint} · {generator} · check with: workerimpact verify "
            "COPY.html --against REPORT.pdf",
            fingerprint=statement.fingerprint[:12],
            generator=escape(statement.generator),
        )
        + "</p></footer>\n"
        f'<script type="application/octet-stream" id="{DATA_ID}" data-name="assessment.json" '
        f'data-encoding="base64" data-sha256="{hashlib.sha256(canonical).hexdigest()}">\n'
        + "\n".join(lines)
        + "\n</script>\n</body>\n</html>\n"
    )


_DATA = re.compile(
    rf'<script type="application/octet-stream" id="{DATA_ID}"[^>]*>([A-Za-z0-9+/=\s]*)</script>'
)
_FINGERPRINT = re.compile(r'<meta name="workerimpact-fingerprint" content="([0-9a-f]{64})">')


_GENERATOR = re.compile(rb'<meta name="generator" content="([^"<>]{1,200})">')


def generator_of(document: bytes) -> str | None:
    """The generator an HTML copy names (WorkerImpact's version), if any."""
    found = _GENERATOR.search(document[:20_000])
    return found.group(1).decode("utf-8", "replace") if found else None


def embedded_bytes(path: Path) -> tuple[bytes, str | None]:
    """The assessment bytes embedded in an HTML copy, and the fingerprint it states.

    Raises ``InputError`` with a clear reason when the file cannot be read or holds no
    assessment.
    """
    path = Path(path)
    display = str(path)
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            raise InputError.single(display, t("the file is larger than any WorkerImpact copy"))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.single(display, t("no such file")) from None
    except IsADirectoryError:
        raise InputError.single(display, t("this is a folder, not an HTML statement")) from None
    except UnicodeDecodeError:
        raise InputError.single(
            display, t("this is not an HTML statement (not UTF-8 text)")
        ) from None
    except OSError as error:
        raise InputError.single(
            display, t("cannot read the file: {error}", error=os_reason(error))
        ) from None
    found = _DATA.findall(text)
    if len(found) != 1:
        raise InputError.single(
            display,
            "no assessment is embedded in this file; only HTML statements exported by "
            "WorkerImpact carry one"
            if not found
            else "the file holds more than one embedded assessment; it was altered",
        )
    try:
        data = base64.b64decode("".join(found[0].split()), validate=True)
    except (binascii.Error, ValueError):
        raise InputError.single(display, t("the embedded assessment is damaged")) from None
    stated = _FINGERPRINT.findall(text)
    return data, stated[0] if len(stated) == 1 else None
