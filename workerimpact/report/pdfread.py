"""Reading a statement's structure with pyHanko's parser (the one the signatures are checked by).

One parser for everything ``verify`` looks at, so what is checked is what the signature
covers: the attached assessment, the document information and a digest of every page.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from typing import Any

from workerimpact.report.integrity import ATTACHMENT_NAME

_SKIP = {"/Parent", "/P", "/StructParents", "/B"}
"""Keys left out of a page's digest: links back up the tree (followed separately)."""
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def open_reader(data: bytes) -> Any:
    """A pyHanko ``PdfFileReader`` over ``data`` (non-strict: real files are untidy)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=False)


def _name_tree(node: Any, depth: int = 0) -> list[tuple[str, Any]]:
    """Every (name, value) pair of a PDF name tree."""
    if depth > 32:
        return []
    node = node.get_object()
    found: list[tuple[str, Any]] = []
    names = node.get("/Names")
    if names is not None:
        names = names.get_object()
        for index in range(0, len(names) - 1, 2):
            found.append((str(names[index]), names.raw_get(index + 1)))
    for kid in node.get("/Kids", ()):
        found += _name_tree(kid, depth + 1)
    return found


def attachments(root: Any) -> list[tuple[str, Any]]:
    """Every embedded file in the document's name tree, as (name, file specification)."""
    names = root.get("/Names")
    if names is None:
        return []
    tree = names.get_object().get("/EmbeddedFiles")
    return [] if tree is None else _name_tree(tree)


def attachment_data(root: Any) -> tuple[bytes | None, list[str]]:
    """The bytes of ``assessment.json`` (None if absent) and the names of all attachments."""
    found = attachments(root)
    data = None
    for name, spec in found:
        if name == ATTACHMENT_NAME and data is None:
            stream = spec.get_object()["/EF"].get_object()["/F"].get_object()
            data = stream.data
    return data, [name for name, _ in found]


def info_entries(resolver: Any) -> dict[str, str]:
    """The document information of one revision, as text (empty when there is none)."""
    from pyhanko.pdf_utils import generic

    trailer = resolver.trailer_view
    if "/Info" not in trailer:
        return {}
    ref = trailer.raw_get("/Info")
    if not isinstance(ref, generic.IndirectObject):
        return {}
    info = resolver.get_object(generic.Reference(ref.idnum, ref.generation, resolver))
    return {str(key): str(value) for key, value in info.items()}


def page_list(root: Any) -> list[Any]:
    """Every page dictionary in order (a page tree at most 64 deep, no loops)."""
    pages: list[Any] = []
    seen: set[int] = set()

    def walk(node: Any, depth: int) -> None:
        node = node.get_object()
        if depth > 64 or id(node) in seen:
            return
        seen.add(id(node))
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node.get("/Kids", ()):
                walk(kid, depth + 1)
        else:
            pages.append(node)

    walk(root["/Pages"], 0)
    return pages


def _feed(digest: Any, value: Any, memo: dict[tuple[int, int], bytes], depth: int = 0) -> None:
    """Add a canonical form of ``value`` (references followed, streams decoded) to ``digest``."""
    from pyhanko.pdf_utils import generic

    if depth > 40:
        digest.update(b"<deep>")
        return
    if isinstance(value, generic.IndirectObject):
        key = (value.idnum, value.generation)
        cached = memo.get(key)
        if cached is None:
            memo[key] = b"<loop>"
            inner = hashlib.sha256()
            _feed(inner, value.get_object(), memo, depth + 1)
            cached = memo[key] = inner.digest()
        digest.update(cached)
        return
    if isinstance(value, generic.StreamObject):
        digest.update(b"stream")
        # The decoded bytes: a program that saves the file again may compress differently.
        skip = ("/Length", "/Filter", "/DecodeParms")
        entries = {key: value.raw_get(key) for key in value.keys() if key not in skip}
        _feed(digest, generic.DictionaryObject(entries), memo, depth + 1)
        digest.update(hashlib.sha256(_decoded(value)).digest())
    elif isinstance(value, generic.DictionaryObject):
        digest.update(b"<<")
        for key in sorted(value.keys()):
            if key in _SKIP:
                continue
            item = value.raw_get(key)
            if key == "/Annots" and value.get("/Type") == "/Page":
                item = _visible_annotations(value)
                if not item:
                    continue
            digest.update(str(key).encode("utf-8", "replace") + b"\0")
            _feed(digest, item, memo, depth + 1)
        digest.update(b">>")
    elif isinstance(value, generic.ArrayObject):
        digest.update(b"[")
        for index in range(len(value)):
            _feed(digest, value.raw_get(index), memo, depth + 1)
        digest.update(b"]")
    else:
        digest.update(repr(value).encode("utf-8", "replace") + b"\0")


def _visible_annotations(page: Any) -> Any:
    """A page's annotations without invisible signature fields (zero-size signature widgets
    show nothing; a signature program adds one to the page it signs)."""
    from pyhanko.pdf_utils import generic

    kept = generic.ArrayObject()
    annotations = page["/Annots"]
    for index in range(len(annotations)):
        raw = annotations.raw_get(index)
        annotation = raw.get_object()
        rect = [float(n) for n in annotation.get("/Rect", (1, 1, 2, 2))]
        invisible = len(rect) == 4 and (rect[2] - rect[0]) * (rect[3] - rect[1]) == 0
        if (
            annotation.get("/FT") == "/Sig"
            and annotation.get("/Subtype") == "/Widget"
            and invisible
        ):
            continue
        kept.append(raw)
    return kept


def _decoded(stream: Any) -> bytes:
    """A stream's decoded bytes; plain deflate (``/FlateDecode`` or ``[/FlateDecode]``, as
    reportlab writes it) is inflated directly, much faster than pyHanko's filter chain."""
    kind = stream.get("/Filter")
    if isinstance(kind, list) and len(kind) == 1:
        kind = kind[0]
    if kind == "/FlateDecode" and "/DecodeParms" not in stream:
        try:
            return zlib.decompress(stream.encoded_data)
        except zlib.error:
            pass  # let pyHanko decide what a damaged stream holds
    return stream.data


def page_digests(root: Any) -> list[str]:
    """A digest of each page: its drawing, boxes, fonts, forms and graphics states.

    Everything that decides what the page shows goes in (references followed, streams
    decoded), so two pages have the same digest only when they print the same.
    """
    memo: dict[tuple[int, int], bytes] = {}
    digests = []
    for page in page_list(root):
        digest = hashlib.sha256()
        try:
            _feed(digest, page, memo)
            parent, depth = page.get("/Parent"), 0
            while parent is not None and depth < 64:
                parent, depth = parent.get_object(), depth + 1
                for key in _INHERITED:
                    if key in parent and key not in page:
                        digest.update(key.encode() + b"\0")
                        _feed(digest, parent.raw_get(key), memo)
                parent = parent.get("/Parent")
        except Exception:  # a damaged page gets a digest that matches nothing
            digest.update(b"\0damaged")
        digests.append(digest.hexdigest())
    return digests
