"""Turning pydantic's validation errors into located, plain-language problems.

Pydantic reports a location as a tuple that mixes data keys with union tags; this module
walks the raw data alongside it to recover the path a user sees in their file, looks up the
line, and rewrites the message ("unknown field "reqired"; did you mean "required"?").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from workerimpact.errors import Problem
from workerimpact.i18n import t
from workerimpact.jsonfile import JsonDocument, JsonPath
from workerimpact.rules import OPERATORS
from workerimpact.safetext import quote

_KIND_OF_LIST = {
    "sections": "section",
    "questions": "question",
    "options": "option",
    "rules": "rule",
    "dimensions": "dimension",
    "adjustments": "adjustment",
}


SUGGESTION_CUTOFF = 0.75
"""How alike a word and a name must be (difflib ratio) for a "did you mean"; at 0.6,
"notice" suggested "voice"."""


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word``, if one is alike enough to suggest."""
    if len(word) > 200:
        return None
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SUGGESTION_CUTOFF)
    return matches[0] if matches else None


def suggest(word: str, candidates: Iterable[str]) -> str:
    """Return '; did you mean "x"?' for the closest candidate, or an empty string."""
    match = closest(word, candidates)
    return t("; did you mean {name}?", name=quote(match)) if match is not None else ""


class Suggester:
    """``suggest`` for many words against a few large lists of names, in bounded time.

    Each distinct word is looked up once; after a budget of comparisons (enough for the
    problems anyone reads) no more suggestions are made, so a file naming thousands of
    misspelt questions is still checked in linear time.
    """

    def __init__(self, budget: int = 100_000) -> None:
        self._budget = budget
        self._cache: dict[tuple[int, str], str] = {}

    def __call__(self, word: str, candidates: Sequence[str] | set[str] | frozenset[str]) -> str:
        """Like ``suggest``; ``candidates`` must not change between calls."""
        key = (id(candidates), word)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if self._budget <= 0:
            return ""
        self._budget -= len(candidates)
        hint = suggest(word, candidates)
        self._cache[key] = hint
        return hint


def describe_value(value: Any) -> str:
    """Name the JSON type of a value for messages: 'text', 'a number', 'a list'..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return t("a number")
    if isinstance(value, str):
        return t("text")
    if isinstance(value, list):
        return t("a list")
    if isinstance(value, dict):
        return t("an object")
    return type(value).__name__


def context_label(raw: Any, path: Sequence[str | int]) -> str:
    """Name the innermost item with an id along a path: 'question "notice"'."""
    label = ""
    node = raw
    previous: str | int | None = None
    for part in path:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            kind = _KIND_OF_LIST.get(previous) if isinstance(previous, str) else None
            if kind and isinstance(node, dict) and isinstance(node.get("id"), str):
                label = t(f"{kind} {{id}}", id=quote(node["id"], 40))
        else:
            break
        previous = part
    return label


def _data_path(raw: Any, location: Sequence[str | int], error_type: str) -> JsonPath:
    """Drop the union tags pydantic adds to a location, keeping only real data keys."""
    path: list[str | int] = []
    node = raw
    last = len(location) - 1
    for index, part in enumerate(location):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif index == last and error_type == "missing":
            path.append(part)
        # Anything else is a union tag ('compare', 'literal', 'str'...) and not in the data.
    return tuple(path)


def _value_at(raw: Any, path: JsonPath) -> Any:
    node = raw
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    names = []
    for name, info in model.model_fields.items():
        names.append(info.alias or name)
    return names


_TYPE_WORDS = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


DETAILED_PROBLEMS = 1_000
"""Structural problems worked out in full (line, column, suggestion) per file; any more
are counted in one summary, so a file of 600,000 mistakes is still checked in seconds."""


def _message(
    error: dict,
    raw: Any,
    path: JsonPath,
    models: dict[str, type[BaseModel]],
) -> str:
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        field = str(path[-1]) if path else "?"
        parent = _model_for(path[:-1], raw, models)
        return t("unknown field {name}", name=quote(field)) + suggest(field, _field_names(parent))
    if kind == "missing":
        return (
            t('missing required field "{name}"', name=path[-1])
            if path
            else t("missing required field")
        )
    if kind == "union_tag_invalid":
        tag = _value_at(raw, path + ("op",))
        tag = tag if isinstance(tag, str) else context.get("tag", "")
        return t("unknown operator {name}", name=quote(tag)) + (
            suggest(str(tag), OPERATORS)
            or t("; expected one of: {names}", names=", ".join(OPERATORS))
        )
    if kind == "union_tag_not_found":
        return t('an expression needs an "op" field naming its operator')
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        hint = suggest(value, allowed) if isinstance(value, str) else ""
        listed = ", ".join(quote(item) for item in allowed)
        if hint:
            return t(
                "{value} is not allowed{hint} (allowed: {names})",
                value=quote(value),
                hint=hint,
                names=listed,
            )
        return t(
            "{value} is not allowed; expected one of: {names}", value=quote(value), names=listed
        )
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        if pattern.startswith("^[a-z]{2,3}"):
            fixed = value.replace("_", "-") if isinstance(value, str) else ""
            fixed = "-".join([fixed.split("-")[0].lower(), *fixed.split("-")[1:]])
            hint = (
                t("did you mean {name}? ", name=quote(fixed))
                if re.fullmatch(pattern, fixed)
                else ""
            )
            return t(
                "{value} is not a language tag; {hint}write a tag such as "
                '"en", "fr" or "en-US" (the language in lower case, then "-" and a region)',
                value=quote(value),
                hint=hint,
            )
        return (
            t(
                "{value} is not a valid id or code: use letters, digits, '_', '-' or '.', "
                "starting with a letter or digit, at most 64 characters",
                value=quote(value),
            )
            if "A-Za-z0-9" in pattern
            else t("{value} does not have the expected form", value=quote(value))
        )
    if kind in _TYPE_WORDS:
        message = t(
            "expected {wanted}, got {got} ({value})",
            wanted=t(_TYPE_WORDS[kind]),
            got=describe_value(value),
            value=quote(value, 40),
        )
        if (
            kind == "string_type"
            and isinstance(value, (int, float))
            and not isinstance(value, bool)
        ):
            message += t("; write it in double quotes: {value}", value=quote(str(value)))
        elif kind in ("model_type", "model_attributes_type", "dict_type") and path[-1:] in (
            ("show_if",),
            ("condition",),
            ("when",),
        ):
            message += t(
                "; a condition is an object such as {example}",
                example='{"op": "in", "question": "…", "options": ["…"]}',
            )
        return message
    if kind in ("string_too_short", "string_too_long"):
        limit = context.get("min_length" if kind == "string_too_short" else "max_length")
        if kind == "string_too_short" and limit == 1:
            return t("must not be empty")
        return t(
            "must have at least {limit} characters; this has {length}"
            if kind == "string_too_short"
            else "must have at most {limit} characters; this has {length}",
            limit=f"{limit:,}",
            length=f"{len(value):,}",
        )
    if kind in ("too_short", "too_long"):
        what = "items" if isinstance(value, (list, dict)) else "characters"
        limit = context.get("min_length" if kind == "too_short" else "max_length")
        if kind == "too_short" and limit == 1:
            return t("must not be empty")
        bound = "at least" if kind == "too_short" else "at most"
        return t(f"must have {bound} {{limit}} {what}", limit=f"{limit:,}")
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind in ("finite_number",):
        return t("must be a finite number")
    bounds = {
        "greater_than_equal": ("ge", "at least"),
        "greater_than": ("gt", "more than"),
        "less_than_equal": ("le", "at most"),
        "less_than": ("lt", "less than"),
    }
    if kind in bounds:
        key, words = bounds[kind]
        limit = context.get(key)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return t(
            f"must be {words} {{limit}}; found {{value}}",
            limit=quote(limit),
            value=quote(value, 40),
        )
    return error["msg"][0].lower() + error["msg"][1:]


def _model_for(
    path: JsonPath, raw: Any, models: dict[str, type[BaseModel]]
) -> type[BaseModel] | None:
    """Guess which model an object at ``path`` is, for field-name suggestions."""
    node = _value_at(raw, path)
    if isinstance(node, dict) and isinstance(node.get("op"), str):
        return models.get("op:" + node["op"])
    names = [part for part in path if isinstance(part, str)]
    if not names:
        return models.get("")
    if isinstance(path[-1], int):
        return models.get(names[-1])
    return models.get(names[-1]) or models.get("expression")


def problems_from_validation_error(
    error: ValidationError,
    raw: Any,
    document: JsonDocument,
    base_path: JsonPath = (),
    models: dict[str, type[BaseModel]] | None = None,
) -> list[Problem]:
    """Translate a pydantic error into one located problem per place in the data.

    ``raw`` is the data that was validated, found at ``base_path`` in ``document``.
    ``models`` maps a list or field name ('questions', 'scoring', 'op:compare') to its
    model, for suggesting near field names.
    """
    models = models or {}
    grouped: dict[JsonPath, list[dict]] = {}
    for item in error.errors(include_url=False):
        path = _data_path(raw, item["loc"], item["type"])
        grouped.setdefault(path, []).append(item)
    problems: list[Problem] = []
    for count, (path, items) in enumerate(grouped.items()):
        if count >= DETAILED_PROBLEMS:
            rest = sum(len(items) for items in list(grouped.values())[count:])
            problems.append(
                Problem(
                    document.path,
                    "",
                    t(
                        "{count} more problems of the same kinds are not listed one by one; "
                        "fix those listed and validate again",
                        count=f"{rest:,}",
                    ),
                    more=rest - 1,
                )
            )
            break
        type_errors = [item for item in items if item["type"] in _TYPE_WORDS]
        if len(type_errors) > 1:
            wanted = sorted({_TYPE_WORDS[item["type"]] for item in type_errors})
            got = describe_value(_value_at(raw, path))
            messages = [
                t("expected {wanted}, got {got}", wanted=t(" or ").join(map(t, wanted)), got=got)
            ]
            items = [item for item in items if item not in type_errors]
        else:
            messages = []
        messages += [_message(item, raw, path, models) for item in items]
        label = context_label(raw, path)
        for message in dict.fromkeys(messages):
            text = t("{text} (in {label})", text=message, label=label) if label else message
            problems.append(document.problem(base_path + path, text))
    return problems
