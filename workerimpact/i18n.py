"""The fixed text of the statement and of the command line, in the reader's language.

One small message catalogue per language, as a plain dict module
(``workerimpact/locales/es.json``): the English text is the key, as in gettext, so the
code reads in English and a missing translation falls back to it. A dict module rather
than gettext ``.po``/``.mo`` files: the core never imports Qt and needs no build step,
the catalogue is reviewed in ordinary diffs, and a test checks that every marked message
has its translation with the same ``{placeholders}``. (The window uses Qt's own ``.ts``
files.)

The language is a context value, set around one export or one command
(``with language("es"): ...``), so drawing code marks its text with ``t("...")`` without
passing the language through every function.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from contextvars import ContextVar
from importlib import import_module

SOURCE_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "es")
"""The languages the statement's fixed text and the command line can be read in."""
LANGUAGE_NAMES = {"en": "English", "es": "español"}

ENVIRONMENT = "WORKERIMPACT_LANGUAGE"
"""Environment variable choosing the command line's language when --language is not given."""

_current: ContextVar[str | None] = ContextVar("workerimpact_language", default=None)
_default = SOURCE_LANGUAGE
_catalogues: dict[str, dict[str, str]] = {}


def catalogue(tag: str) -> dict[str, str]:
    """The messages of a language: English text to its translation (empty for English)."""
    if tag == SOURCE_LANGUAGE or tag not in LANGUAGES:
        return {}
    if tag not in _catalogues:
        _catalogues[tag] = import_module(f"workerimpact.locales.{tag}").MESSAGES
    return _catalogues[tag]


def current_language() -> str:
    """The language fixed text is given in now: the one set around the current export or
    command, else the process's default (see ``set_default_language``)."""
    return _current.get() or _default


def set_default_language(tag: str | None) -> str:
    """Make ``tag`` the language of fixed text outside any ``language()`` block, in every
    thread (the window sets its own language here, so the core's messages it shows read
    in it); return the language now in force by default."""
    global _default
    _default = supported(tag) or SOURCE_LANGUAGE
    return _default


@contextlib.contextmanager
def language(tag: str) -> Iterator[str]:
    """Give fixed text in ``tag`` (one of ``LANGUAGES``) inside the block."""
    token = _current.set(supported(tag) or SOURCE_LANGUAGE)
    try:
        yield current_language()
    finally:
        _current.reset(token)


def supported(tag: str | None) -> str | None:
    """The supported language serving ``tag`` ("es-US" gives "es"), or None."""
    if not tag:
        return None
    base = tag.replace("_", "-").split("-")[0].split(".")[0].lower()
    return base if base in LANGUAGES else None


def t(message: str, /, **values: object) -> str:
    """``message`` in the current language, with ``{name}`` placeholders filled."""
    text = catalogue(current_language()).get(message, message)
    return text.format(**values) if values else text


SYSTEM_REASONS = (
    "No such file or directory", "Permission denied", "Is a directory", "Not a directory",
    "No space left on device", "Read-only file system", "File exists", "Disk quota exceeded",
    "Input/output error", "Too many levels of symbolic links", "Operation not permitted",
    "File name too long", "Directory not empty", "Device or resource busy", "File too large",
)  # fmt: skip
"""The system's sentences (``strerror``) for the file errors users meet, translated in the
catalogue; any other is shown as the system gives it."""


def os_reason(error: OSError) -> str:
    """Why the system refused a file operation, in the current language: the system's own
    sentence ("No such file or directory") translated where the catalogue has it."""
    return t(error.strerror) if error.strerror else str(error)


def n(count: int, one: str, many: str, /, **values: object) -> str:
    """``one`` or ``many`` by ``count``, translated, ``{count}`` and ``values`` filled."""
    return t(one if count == 1 else many, count=count, **values)


def language_from_environment(explicit: str | None = None) -> str:
    """The command line's language: ``--language``, else WORKERIMPACT_LANGUAGE, else the
    locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    for candidate in (
        explicit,
        os.environ.get(ENVIRONMENT),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if candidate:
            found = supported(candidate)
            if found is not None or candidate is explicit:
                return found or SOURCE_LANGUAGE
            if candidate not in ("C", "POSIX", "C.UTF-8"):
                return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


_MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """A date as the statement prints it: '2025-03-01' in English (as always), '1 de marzo
    de 2025' in Spanish (a bare ISO date reads as a code to many Spanish readers)."""
    if current_language() == "es":
        return f"{day.day} de {_MONTHS_ES[day.month - 1]} de {day.year}"
    return day.isoformat()
