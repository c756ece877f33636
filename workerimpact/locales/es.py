"""Spanish (US Spanish, "usted") text of the statement's fixed wording and of the command line.

The catalogue is data, kept in ``es.json`` beside this module (and in ``es-<part>.json``
files beside it, one per part of the program, so that parts can grow without editing one
file; a key defined twice is an error): keys are the English text
exactly as the code marks it (``t("...")``); ``{names}`` are filled in after translation and
must be kept; ``<b>`` and ``<i>`` are the statement's bold and italic; quoted ids, field
names and JSON words stay in straight double quotes (they are what a consultant types).
``tests/test_i18n.py`` checks that every marked message is there with the same
placeholders. Write plain words a worker reads first time; no literal translations; the
terms are in docs/translation-es.md.
"""

from __future__ import annotations

import json
from importlib import resources


def _load() -> dict[str, str]:
    folder = resources.files(__package__)
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name == "es.json"
        or (entry.name.startswith("es-") and entry.name.endswith(".json"))
    )
    messages: dict[str, str] = {}
    for name in names:
        part = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        twice = sorted(set(part) & set(messages))
        if twice:
            raise RuntimeError(f"{name} repeats messages already translated: {twice[:3]}")
        messages.update(part)
    return messages


MESSAGES: dict[str, str] = _load()
