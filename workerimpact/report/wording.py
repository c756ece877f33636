"""Fixed wording every copy of the statement shares: the contents title and the glossary.

The PDF (``render.py`` and its parts) and the HTML, Word and spreadsheet copies (from
``statement.py``) print these same sentences, so a reader comparing copies finds the same
words.
"""

from __future__ import annotations

CONTENTS_TITLE = "Contents"

GLOSSARY_TITLE = "What the levels mean for workers"
GLOSSARY_INTRO = "Every score is placed in one of four levels. What each means, in plain words:"
LEVEL_MEANINGS: tuple[tuple[str | None, str], ...] = (
    (
        "low",
        "Little risk to workers from the system as it is used now. Keep checking: a change "
        "in how it is used can raise the level.",
    ),
    (
        "moderate",
        "Some risk to workers. Things should be improved, but not urgently: follow the "
        "recommendations and check again at the next review.",
    ),
    (
        "high",
        "Serious risk to workers' pay, rights, privacy, health or jobs. The employer should "
        "act on the recommendations, with workers' representatives, before relying on the "
        "system any further.",
    ),
    (
        "severe",
        "Risk of grave or lasting harm to workers, or of breaking their legal rights. What "
        "causes it should stop or change now, before the system is used further.",
    ),
    (
        None,
        "Not yet assessed: too few scored answers to give a level. It says nothing about "
        "the risk either way.",
    ),
)
"""(level, what it means for workers), lowest first; None is 'not yet assessed'."""
GLOSSARY_RAISED = (
    "Raised by a finding: some answers matter so much that, on their own, they set a "
    "minimum level whatever the score. The level then says which finding raised it."
)

SCOPE_WORDS = {"all": "all", "questionnaire": "questionnaire", "dimensions": "dimensions"}
"""What an adjustment applies to, in words (translated where printed)."""
ROLE_NAMES = {"risk": "risk", "mitigation": "mitigation", "info": ""}
"""A question's role as printed beside its points (translated where printed)."""
