"""What an incremental update changed, in words: each revision compared with the one before.

A PDF edited after it was signed keeps the signed bytes and appends a revision holding the
new and replaced objects. Each revision is read with pyHanko and every object it adds or
replaces is described: a signature, an annotation, a page, an attachment, JavaScript, a
form fill, the document information, or a replaced drawing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workerimpact.i18n import t
from workerimpact.report.pdfread import attachments, page_list

_PAGES_MOVED = re.compile(r"\d+ pages? (added|removed)$|the pages were put in a different order$")
_PAGE_TREE = re.compile(r"the list of pages was changed$|page \d+ was added$")
_SIGNATURE_INFO_KEYS = {"/ModDate", "/Producer"}
"""Document information a signing program may update in the signature's own revision."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change a revision makes; ``signature`` when it is part of adding a signature.

    ``template`` is the English message (a key of the translation catalogue) and ``values``
    fill its ``{names}``; a value may itself be a ``Change`` (a thing inside a sentence).
    ``text`` is the English sentence, ``words()`` the one in the messages' language.
    """

    template: str
    signature: bool = False
    values: tuple[tuple[str, Any], ...] = ()

    @property
    def text(self) -> str:
        """The change in English (what the checks below compare)."""
        return self.template.format(
            **{k: v.text if isinstance(v, Change) else v for k, v in self.values}
        )

    def words(self) -> str:
        """The change in the messages' language."""
        return t(
            self.template,
            **{k: v.words() if isinstance(v, Change) else v for k, v in self.values},
        )


def _change(template: str, signature: bool = False, **values: Any) -> Change:
    return Change(template, signature, tuple(values.items()))


_NOWHERE = Change("")
"""No page named: an empty phrase."""


def _name(value: Any) -> str:
    """A name or text from the file, safe to print (control characters made visible)."""
    from workerimpact.report.text import clip

    return clip(str(value).lstrip("/"), 80) if value is not None else ""


def _shallow(value: Any) -> Any:
    """A comparable form of a PDF value that does not follow references."""
    from pyhanko.pdf_utils import generic

    if isinstance(value, generic.IndirectObject):
        return ("ref", value.idnum, value.generation)
    if isinstance(value, generic.StreamObject):
        return ("stream", value.encoded_data)
    if isinstance(value, generic.DictionaryObject):
        return ("dict", tuple(sorted((str(k), _shallow(value.raw_get(k))) for k in value.keys())))
    if isinstance(value, generic.ArrayObject):
        return ("array", tuple(_shallow(value.raw_get(i)) for i in range(len(value))))
    return ("value", repr(value))


def _changed_keys(old: Any, new: Any) -> list[str]:
    keys = set(old.keys()) | set(new.keys())
    return sorted(
        str(key)
        for key in keys
        if (key in old) != (key in new)
        or (key in old and _shallow(old.raw_get(key)) != _shallow(new.raw_get(key)))
    )


def _is_signature_field(obj: Any) -> bool:
    field = obj
    for _ in range(8):
        if field.get("/FT") == "/Sig":
            return True
        parent = field.get("/Parent")
        if parent is None:
            return False
        field = parent.get_object()
    return False


def _visible(annotation: Any) -> bool:
    """True when an annotation has an area on the page and is not hidden."""
    try:
        rect = [float(n) for n in annotation.get("/Rect", ())]
        flags = int(annotation.get("/F", 0))
    except (TypeError, ValueError):
        return True
    hidden = flags & 0b10 or flags & 0b100000  # Hidden, NoView
    return len(rect) == 4 and (rect[2] - rect[0]) * (rect[3] - rect[1]) != 0 and not hidden


def _annotation(obj: Any, page: Change) -> Change:
    subtype = obj.get("/Subtype")
    if subtype == "/Widget" and _is_signature_field(obj):
        if _visible(obj):
            # Its appearance is drawn over the page: it could show anything.
            return _change("a visible signature stamp{page}", page=page)
        return _change("a signature field", signature=True)
    if subtype == "/Widget" or "/FT" in obj:
        return _change("a form field{page}", page=page)
    action = obj.get("/A")
    if action is not None:
        action = action.get_object()
        kind = action.get("/S")
        if kind == "/JavaScript":
            return _change("a link that runs JavaScript{page}", page=page)
        if kind == "/Launch":
            return _change("a link that launches a program{page}", page=page)
        if kind == "/URI":
            return _change(
                "a web link ({target}){page}", target=_name(action.get("/URI")), page=page
            )
        return _change("a link ({kind}){page}", kind=_name(kind), page=page)
    if not _name(subtype):
        return _change("a new annotation (a note or mark drawn over the page){page}", page=page)
    return _change(
        "a {kind} annotation (a note or mark drawn over the page){page}",
        kind=_name(subtype),
        page=page,
    )


def _annotation_changes(previous: Any, page: Any, where: Change) -> list[Change]:
    """The annotations a page gained or lost."""
    before_list = list(previous.get("/Annots", ()) or ())
    after_list = list(page.get("/Annots", ()) or ())
    before = {_shallow(item) for item in _raw_items(previous, "/Annots")}
    found = []
    for raw, annotation in zip(_raw_items(page, "/Annots"), after_list, strict=False):
        if _shallow(raw) not in before:
            change = _annotation(annotation.get_object(), _change(" on {where}", where=where))
            found.append(_change("{thing} was added", change.signature, thing=change))
    if len(after_list) < len(before_list):
        found.append(_change("an annotation was removed from {where}", where=where))
    return found


def _raw_items(obj: Any, key: str) -> list[Any]:
    if key not in obj:
        return []
    array = obj[key]
    if not isinstance(array, list):
        return []
    return [array.raw_get(i) for i in range(len(array))]


def _page_of(pages: list[Any], ref: Any) -> Change:
    for number, page in enumerate(pages, start=1):
        for annotation in page.get("/Annots", ()) or ():
            if getattr(annotation, "idnum", None) == ref.idnum:
                return _change(" on page {number}", number=number)
    return _NOWHERE


def _content_pages(pages: list[Any]) -> dict[int, int]:
    """Object number of every content stream and form → the first page that draws it."""
    found: dict[int, int] = {}
    for number, page in enumerate(pages, start=1):
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        items = []
        if contents is not None:
            resolved = contents.get_object()
            items = (
                list(resolved.raw_get(i) for i in range(len(resolved)))
                if isinstance(resolved, list)
                else [contents]
            )
        for item in items:
            if hasattr(item, "idnum"):
                found.setdefault(item.idnum, number)
    return found


def describe_revision(reader: Any, revision: int) -> list[Change]:
    """Every change ``revision`` makes to the revision before it, in words."""
    from pyhanko.pdf_utils import generic

    xrefs = reader.xrefs
    old = reader.get_historical_resolver(revision - 1)
    new = reader.get_historical_resolver(revision)
    old_trailer, new_trailer = old.trailer_view, new.trailer_view
    old_pages, new_pages = page_list(old.root), page_list(new.root)
    root_ref = new_trailer.raw_get("/Root")
    info_ref = new_trailer.raw_get("/Info") if "/Info" in new_trailer else None
    changes: list[Change] = []

    if len(new_pages) > len(old_pages):
        extra = len(new_pages) - len(old_pages)
        changes.append(_change("{count} pages added" if extra > 1 else "1 page added", count=extra))
    elif len(new_pages) < len(old_pages):
        gone = len(old_pages) - len(new_pages)
        changes.append(
            _change("{count} pages removed" if gone > 1 else "1 page removed", count=gone)
        )
    else:
        old_order = [page.container_ref.idnum for page in old_pages]
        new_order = [page.container_ref.idnum for page in new_pages]
        if sorted(old_order) == sorted(new_order) and old_order != new_order:
            changes.append(_change("the pages were put in a different order"))

    if _shallow(root_ref) != _shallow(old_trailer.raw_get("/Root")):
        changes.append(_change("the document catalog was replaced"))

    drawn = _content_pages(new_pages)
    page_numbers = {page.container_ref.idnum: n for n, page in enumerate(new_pages, start=1)}
    for ref in sorted(xrefs.explicit_refs_in_revision(revision), key=lambda r: r.idnum):
        try:
            introduced = xrefs.get_introducing_revision(ref)
        except KeyError:
            introduced = revision
        replaced = introduced < revision
        obj = new.get_object(generic.Reference(ref.idnum, ref.generation, new))
        changes += _describe_object(
            obj, ref, replaced, old, root_ref, info_ref, new_pages, drawn, page_numbers
        )
    freed = xrefs.refs_freed_in_revision(revision)
    if freed:
        count = len(freed)
        changes.append(
            _change("{count} objects deleted" if count > 1 else "1 object deleted", count=count)
        )
    if any(_PAGES_MOVED.match(change.text) for change in changes):
        # The count or order already says it; the page tree's own edits add nothing.
        changes = [change for change in changes if not _PAGE_TREE.match(change.text)]
    # Keep each description once, in order.
    unique: dict[tuple[str, bool], Change] = {}
    for change in changes:
        unique.setdefault((change.text, change.signature), change)
    return list(unique.values())


def _describe_object(
    obj: Any,
    ref: Any,
    replaced: bool,
    old: Any,
    root_ref: Any,
    info_ref: Any,
    pages: list[Any],
    drawn: dict[int, int],
    page_numbers: dict[int, int],
) -> list[Change]:
    from pyhanko.pdf_utils import generic

    if not isinstance(obj, generic.DictionaryObject):
        return [_change("an object of the document was replaced")] if replaced else []
    kind = obj.get("/Type")
    previous = None
    if replaced:
        try:
            previous = old.get_object(generic.Reference(ref.idnum, ref.generation, old))
        except Exception:  # not readable in the earlier revision: treat as new
            previous = None
    if kind in ("/XRef", "/ObjStm"):
        return []
    if getattr(root_ref, "idnum", None) == ref.idnum:
        return _describe_catalog(obj, previous)
    if info_ref is not None and getattr(info_ref, "idnum", None) == ref.idnum:
        if previous is None:
            return [_change("the document information (title, author, dates) was replaced")]
        keys = set(_changed_keys(previous, obj))
        if keys <= _SIGNATURE_INFO_KEYS:
            return [_change("the modification date", signature=True)]
        shown = ", ".join(sorted(_name(key) for key in keys))
        return [_change("the document information was changed ({keys})", keys=shown)]
    if kind == "/Sig" or ("/ByteRange" in obj and "/Contents" in obj):
        return [_change("a signature", signature=True)]
    if "/JS" in obj or obj.get("/S") == "/JavaScript":
        return [_change("JavaScript")]
    if kind == "/Page" or "/Contents" in obj and "/MediaBox" in obj:
        number = page_numbers.get(ref.idnum)
        where = _change("page {number}", number=number) if number else _change("a page")
        if previous is None:
            return [_change("{where} was added", where=where)]
        keys = _changed_keys(previous, obj)
        found = []
        if "/Annots" in keys:
            found += _annotation_changes(previous, obj, where)
        if "/Contents" in keys:
            found.append(_change("the drawing of {where} was replaced", where=where))
        others = [_name(key) for key in keys if key not in ("/Annots", "/Contents")]
        if others:
            found.append(
                _change("{where} was changed ({keys})", where=where, keys=", ".join(others))
            )
        return found
    if kind == "/Pages" or "/Kids" in obj and "/Count" in obj:
        return [_change("the list of pages was changed")] if replaced else []
    if kind == "/Annot" or ("/Rect" in obj and "/Subtype" in obj):
        change = _annotation(obj, _page_of(pages, ref))
        if replaced and not change.signature:
            return [_change("{thing}, already in the file, was changed", thing=change)]
        return [_change("{thing} was added", change.signature, thing=change)]
    if "/FT" in obj:
        if _is_signature_field(obj):
            return [_change("a signature field", signature=True)]
        return [_change("a form field was filled in" if replaced else "a form field was added")]
    if "/Fields" in obj:
        fields = [field.get_object() for field in obj.get("/Fields", ())]
        before = len(previous.get("/Fields", ())) if previous is not None else 0
        added = fields[before:]
        if all(_is_signature_field(field) for field in added):
            return [_change("the form's signature list", signature=True)]
        return [_change("form fields were added")]
    if kind == "/EmbeddedFile":
        return [_change("the contents of an attached file were replaced")] if replaced else []
    if "/Limits" in obj or ("/Names" in obj and kind is None):
        return [_change("the document's name tree (attachments, scripts, links) was changed")]
    if kind == "/Filespec" or "/EF" in obj:
        name = _name(obj.get("/UF") or obj.get("/F")) if kind == "/Filespec" else ""
        if name:
            template = (
                "an attached file “{name}” was replaced"
                if replaced
                else "an attached file “{name}” was added"
            )
            return [_change(template, name=name)]
        return [
            _change("an attached file was replaced" if replaced else "an attached file was added")
        ]
    if kind == "/Metadata":
        return [_change("the document's XMP metadata was changed", signature=True)]
    if isinstance(obj, generic.StreamObject):
        if not replaced:
            return []  # a new stream shows through whatever refers to it
        page = drawn.get(ref.idnum)
        if page is not None:
            return [
                _change(
                    "the drawing of {where} was replaced",
                    where=_change("page {number}", number=page),
                )
            ]
        return [_change("a drawing, font or image already in the document was replaced")]
    if replaced:
        return [_change("an object already in the document was replaced")]
    return []


def _describe_catalog(obj: Any, previous: Any) -> list[Change]:
    if previous is None:
        return [_change("the document catalog was replaced")]
    found = []
    for key in _changed_keys(previous, obj):
        if key == "/AcroForm":
            found.append(_change("the form's signature list", signature=True))
        elif key == "/Names":
            before = {name for name, _ in attachments(previous)}
            after = {name for name, _ in attachments(obj)}
            for name in sorted(after - before):
                found.append(_change("an attached file “{name}” was added", name=_name(name)))
            for name in sorted(before - after):
                found.append(_change("the attached file “{name}” was removed", name=_name(name)))
            if before == after:
                found.append(_change("the document's list of named things was changed"))
        elif key in ("/OpenAction", "/AA"):
            found.append(_change("an action that runs when the document is opened was added"))
        elif key == "/Metadata":
            found.append(_change("the document's XMP metadata was changed", signature=True))
        elif key == "/DSS":
            found.append(_change("validation data for the signatures", signature=True))
        elif key in ("/Extensions", "/Version"):
            found.append(
                _change("the PDF version declared ({key})", signature=True, key=key.lstrip("/"))
            )
        elif key == "/Pages":
            found.append(_change("the list of pages was replaced"))
        else:
            found.append(_change("the document catalog was changed ({key})", key=_name(key)))
    return found
