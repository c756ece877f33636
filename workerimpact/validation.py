"""Turning pydantic's validation errors into located, plain-language problems.

Pydantic reports a location as a tuple that mixes data keys with union tags; this module
walks the raw data alongside it to recover the path a user sees in their file, looks up the
line, and rewrites the message ("unknown field "reqired"; did you mean "required"?").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from workerimpact.errors import Problem
from workerimpact.jsonfile import JsonDocument, JsonPath
from workerimpact.rules import OPERATORS

_KIND_OF_LIST = {
    "sections": "section",
    "questions": "question",
    "options": "option",
    "rules": "rule",
    "dimensions": "dimension",
    "adjustments": "adjustment",
}


def suggest(word: str, candidates: Iterable[str]) -> str:
    """Return ' Did you mean "x"?' for the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f'; did you mean "{matches[0]}"?' if matches else ""


def describe_value(value: Any) -> str:
    """Name the JSON type of a value for messages: 'text', 'a number', 'a list'..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
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
                label = f'{kind} "{node["id"]}"'
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


def _message(error: dict, raw: Any, path: JsonPath, models: dict[str, type[BaseModel]]) -> str:
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        field = str(path[-1]) if path else "?"
        parent = _model_for(path[:-1], raw, models)
        return f'unknown field "{field}"' + suggest(field, _field_names(parent))
    if kind == "missing":
        return f'missing required field "{path[-1]}"' if path else "missing required field"
    if kind == "union_tag_invalid":
        tag = context.get("tag", "")
        return f'unknown operator "{tag}"' + (
            suggest(str(tag), OPERATORS) or "; expected one of: " + ", ".join(OPERATORS)
        )
    if kind == "union_tag_not_found":
        return 'an expression needs an "op" field naming its operator'
    if kind == "literal_error":
        return f"{_short(value)} is not allowed; expected {context.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return (
            f"{_short(value)} is not a valid id or code: use letters, digits, '_', '-' or '.', "
            "starting with a letter or digit, at most 64 characters"
            if "A-Za-z0-9" in str(context.get("pattern", ""))
            else f"{_short(value)} does not have the expected form"
        )
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {describe_value(value)}"
    if kind in ("too_short", "too_long"):
        what = "items" if isinstance(value, (list, dict)) else "characters"
        limit = context.get("min_length" if kind == "too_short" else "max_length")
        if kind == "too_short" and limit == 1:
            return "must not be empty"
        bound = "at least" if kind == "too_short" else "at most"
        return f"must have {bound} {limit:,} {what}"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind in ("finite_number",):
        return "must be a finite number"
    return error["msg"][0].lower() + error["msg"][1:]


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


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
    for path, items in grouped.items():
        type_errors = [item for item in items if item["type"] in _TYPE_WORDS]
        if len(type_errors) > 1:
            wanted = sorted({_TYPE_WORDS[item["type"]] for item in type_errors})
            got = describe_value(_value_at(raw, path))
            messages = [f"expected {' or '.join(wanted)}, got {got}"]
            items = [item for item in items if item not in type_errors]
        else:
            messages = []
        messages += [_message(item, raw, path, models) for item in items]
        label = context_label(raw, path)
        for message in dict.fromkeys(messages):
            text = f"{message} (in {label})" if label else message
            problems.append(Problem(document.path, document.where(base_path + path), text))
    return problems
