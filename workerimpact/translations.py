"""Questionnaire text in more than one language: the key scheme, its checks, the one-language view.

A questionnaire is written in its source ``language`` and may carry
``"translations": {"es": {KEY: "text", ...}}``. Each KEY names one human-readable string of
the file (``question.notice.text``, ``option.notice.yes.label``, ``rule.r1.explanation``...;
see ``docs/questionnaire-format.md``). The translations are part of the file, so they are
part of its content hash. ``validate`` reports a string missing in a declared language and
a key that names nothing; a valid file is therefore complete in every language it declares,
and ``localized`` gives the questionnaire as read in one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from workerimpact.i18n import t
from workerimpact.jsonfile import JsonPath
from workerimpact.safetext import quote
from workerimpact.validation import Suggester

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
"""A language tag: "en", "es", "es-US", "fr-CA"."""

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "de": "German",
    "it": "Italian",
    "zh": "Chinese",
    "vi": "Vietnamese",
    "tl": "Tagalog",
    "ar": "Arabic",
    "ko": "Korean",
    "ht": "Haitian Creole",
    "ru": "Russian",
    "pl": "Polish",
    "hi": "Hindi",
    "ja": "Japanese",
}

MISSING_LISTED = 25
"""Missing strings listed one by one per language; any more are counted in one problem."""

_SHORT, _QUESTION, _UNIT, _LONG = 500, 2_000, 100, 20_000


def language_name(tag: str) -> str:
    """The language's English name for messages ("Spanish"), or the quoted tag."""
    name = LANGUAGE_NAMES.get(tag.split("-")[0].lower())
    return t(name) if name else quote(tag)


@dataclass(frozen=True, slots=True)
class Translatable:
    """One human-readable string of a questionnaire: its key, place, text and owner."""

    key: str
    path: JsonPath
    text: str
    owner: str
    """The item in words, for messages: 'question "notice"'."""
    field: str
    """The field in words: 'text', 'help', 'text in stage "pilot"'."""
    limit: int
    required: bool = True
    """False for citations (``source``): they may keep the source's own wording."""


def _ident(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _list(node: Any, name: str) -> list[tuple[int, Any]]:
    value = node.get(name) if isinstance(node, dict) else None
    return list(enumerate(value)) if isinstance(value, list) else []


def _fields(
    node: Any,
    path: JsonPath,
    prefix: str,
    owner: str,
    fields: tuple[tuple[str, int], ...],
    optional: tuple[str, ...] = ("source",),
) -> Iterator[Translatable]:
    for name, limit in fields:
        value = node.get(name)
        if isinstance(value, str) and value.strip():
            yield Translatable(
                f"{prefix}.{name}", path + (name,), value, owner, name, limit, name not in optional
            )


def translatables(data: Any) -> Iterator[Translatable]:
    """Every human-readable string of a questionnaire's JSON data, in file order.

    Works on any data, valid or not: parts that are not where they should be are skipped.
    """
    if not isinstance(data, dict):
        return
    yield from _fields(
        data, (), "", t("the questionnaire"), (("title", _SHORT), ("description", _LONG))
    )
    for index, item in _list(data, "dimensions"):
        if (ident := _ident(item)) is not None:
            yield from _fields(
                item,
                ("dimensions", index),
                f"dimension.{ident}",
                t("dimension {id}", id=quote(ident, 40)),
                (("title", _SHORT), ("description", _LONG)),
            )
    for section_index, section in _list(data, "sections"):
        section_path: JsonPath = ("sections", section_index)
        if (ident := _ident(section)) is not None:
            yield from _fields(
                section,
                section_path,
                f"section.{ident}",
                t("section {id}", id=quote(ident, 40)),
                (("title", _SHORT), ("description", _LONG)),
            )
        for index, question in _list(section, "questions"):
            yield from _question(question, section_path + ("questions", index))
    for index, rule in _list(data, "rules"):
        if (ident := _ident(rule)) is not None:
            yield from _fields(
                rule,
                ("rules", index),
                f"rule.{ident}",
                t("rule {id}", id=quote(ident, 40)),
                (("title", _SHORT), ("explanation", _LONG), ("recommendation", _LONG),
                 ("severity_reason", _LONG), ("source", _LONG)),
            )  # fmt: skip
    scoring = data.get("scoring")
    for name, kind, fields in (
        ("adjustments", "adjustment", (("title", _SHORT), ("source", _LONG))),
        ("level_rules", "level_rule", (("title", _SHORT), ("reason", _LONG), ("source", _LONG))),
    ):
        for index, item in _list(scoring, name):
            if (ident := _ident(item)) is not None:
                yield from _fields(
                    item,
                    ("scoring", name, index),
                    f"{kind}.{ident}",
                    t(f"{kind.replace('_', ' ')} {{id}}", id=quote(ident, 40)),
                    fields,
                )


def _question(question: Any, path: JsonPath) -> Iterator[Translatable]:
    ident = _ident(question)
    if ident is None:
        return
    owner = t("question {id}", id=quote(ident, 40))
    prefix = f"question.{ident}"
    yield from _fields(
        question,
        path,
        prefix,
        owner,
        (("text", _QUESTION), ("help", _LONG), ("unit", _UNIT), ("source", _LONG)),
    )
    for name, limit in (("text_by_stage", _QUESTION), ("help_by_stage", _LONG)):
        by_stage = question.get(name)
        if isinstance(by_stage, dict):
            for stage, value in by_stage.items():
                if isinstance(value, str) and value.strip():
                    word = name.removesuffix("_by_stage")
                    yield Translatable(
                        f"{prefix}.{name}.{stage}",
                        path + (name, stage),
                        value,
                        owner,
                        t("{word} in stage {stage}", word=word, stage=quote(stage, 20)),
                        limit,
                    )
    for index, option in _list(question, "options"):
        if (option_id := _ident(option)) is not None:
            yield from _fields(
                option,
                path + ("options", index),
                f"option.{ident}.{option_id}",
                t(
                    "option {option} of question {question}",
                    option=quote(option_id, 40),
                    question=quote(ident, 40),
                ),
                (("label", _SHORT), ("help", _LONG), ("recommendation", _LONG)),
            )


def _key(item: Translatable) -> str:
    return item.key.lstrip(".")


def declared_languages(data: Any) -> list[str]:
    """The languages a questionnaire's data can be read in: its own first."""
    if not isinstance(data, dict):
        return []
    own = data.get("language", "en")
    found = [own] if isinstance(own, str) else []
    translations = data.get("translations")
    if isinstance(translations, dict):
        found += [tag for tag in translations if isinstance(tag, str) and tag not in found]
    return found


def match_language(wanted: str, available: list[str]) -> str | None:
    """The available tag that serves ``wanted``: the same tag, else the same language
    ("es" serves "es-US" and the other way round); None if none does."""
    lowered = {tag.lower(): tag for tag in available}
    if wanted.lower() in lowered:
        return lowered[wanted.lower()]
    base = wanted.split("-")[0].lower()
    for tag in available:
        if tag.split("-")[0].lower() == base:
            return tag
    return None


# --- checks --------------------------------------------------------------------------------


Report = Callable[[JsonPath, str], None]


def check_translations(raw: Any, report: Report) -> None:
    """Report every problem of a questionnaire's translations.

    A string of the file missing in a declared language, a key naming no string (with a
    "did you mean"), a translation longer than its field allows, translations given for
    the file's own language. ``report(path, message)`` receives each problem.
    """
    if not isinstance(raw, dict):
        return
    translations = raw.get("translations")
    if not isinstance(translations, dict):
        return
    own = raw.get("language", "en")
    strings = {_key(item): item for item in translatables(raw)}
    known = sorted(strings)
    suggest = Suggester()
    for tag, texts in translations.items():
        if not isinstance(tag, str) or not isinstance(texts, dict):
            continue
        place: JsonPath = ("translations", tag)
        name = language_name(tag)
        if tag == own:
            report(
                place,
                t(
                    "translations into {name}, the questionnaire's own language "
                    '("language": {own}), are not used: write the text in the fields '
                    "themselves",
                    name=name,
                    own=quote(own),
                ),
            )
            continue
        for key, value in texts.items():
            if not isinstance(key, str):
                continue
            item = strings.get(key)
            if item is None:
                report(
                    place + (key,),
                    t("{key} names no text of this questionnaire", key=quote(key))
                    + suggest(key, known),
                )
            elif isinstance(value, str) and len(value) > item.limit:
                report(
                    place + (key,),
                    t(
                        "the {name} {field} of {owner} has {count} characters; "
                        "at most {limit} are allowed",
                        name=name,
                        field=item.field,
                        owner=item.owner,
                        count=f"{len(value):,}",
                        limit=f"{item.limit:,}",
                    ),
                )
        missing = [item for item in strings.values() if item.required and item.key.lstrip(".")
                   not in texts]  # fmt: skip
        for item in missing[:MISSING_LISTED]:
            report(
                place,
                t(
                    "{owner} has no {name} text for its {field} (add {key})",
                    owner=item.owner,
                    name=name,
                    field=item.field,
                    key=quote(_key(item)),
                ),
            )
        if len(missing) > MISSING_LISTED:
            report(
                place,
                t(
                    "{count} more strings have no {name} text; "
                    'a language given in "translations" needs every string of the file',
                    count=f"{len(missing) - MISSING_LISTED:,}",
                    name=name,
                ),
            )


# --- the one-language view ------------------------------------------------------------------


def translated_data(data: dict, language: str) -> dict:
    """A copy of a questionnaire's JSON data with its strings in ``language``.

    ``language`` must be one of ``translations``' tags. Citations (``source``) not
    translated keep their own wording; every other string must be there (a valid file has
    them all). The copy carries ``language`` and no ``translations``.
    """
    texts = data["translations"][language]
    copy = _deep_copy(data)
    for item in translatables(data):
        value = texts.get(_key(item))
        if value is None:
            if item.required:
                raise KeyError(f"no {language_name(language)} text for {_key(item)}")
            continue
        _set(copy, item.path, value)
    copy["language"] = language
    copy.pop("translations", None)
    return copy


def _deep_copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _deep_copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_deep_copy(value) for value in node]
    return node


def _set(data: Any, path: JsonPath, value: str) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


_TAG = re.compile(LANGUAGE_PATTERN)


def is_language_tag(text: str) -> bool:
    """True for a well-formed language tag ("es", "es-US")."""
    return bool(_TAG.fullmatch(text))
