"""Counting things in sentences: "1 level differs", "6 levels differ".

Each caller passes both forms through ``tr`` itself, so both are translatable; only English
ships, so the choice between them is English's (one, or more than one).
"""

from __future__ import annotations


def counted(count: int, one: str, many: str) -> str:
    """``one`` when ``count`` is 1, else ``many``; ``%d`` in either becomes the count."""
    text = one if count == 1 else many
    return text % count if "%d" in text else text
