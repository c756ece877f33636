"""Spanish (US Spanish, "usted") text of the statement's fixed wording and of the command line.

The catalogue is data, kept in ``es.json`` beside this module: keys are the English text
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

MESSAGES: dict[str, str] = json.loads(
    resources.files(__package__).joinpath("es.json").read_text(encoding="utf-8")
)
