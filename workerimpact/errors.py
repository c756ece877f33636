"""Errors as values for the user: which file, where in it, and what is wrong.

A ``Problem`` is one located complaint. ``InputError`` carries one or more of them up to
the command line or the window, which print them as ``PATH: where: what`` (or, for
editors, ``PATH:LINE:COL: error: what``); nobody ever sees a traceback for bad input.
A problem's text may quote a file's content: show it through ``workerimpact.safetext``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

_PLACE = re.compile(r"line (\d+)(?:, column (\d+))?")


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an input: ``file: where: message``.

    ``where`` is the place in words (``line 12, column 5, sections[0].title``); ``line``
    and ``column`` are the same place as numbers (1-based), read from ``where`` when not
    given. A ``warning`` does not stop a file from being used. A problem with ``more``
    summarizes that many others, counted but not worked out one by one.
    """

    file: str
    where: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"
    more: int = 0
    """For a summary that stands for this many further problems not listed one by one."""

    def __post_init__(self) -> None:
        if self.line is None and self.where:
            match = _PLACE.match(self.where)
            if match:
                object.__setattr__(self, "line", int(match.group(1)))
                if match.group(2):
                    object.__setattr__(self, "column", int(match.group(2)))

    def __str__(self) -> str:
        from workerimpact.i18n import t

        message = (
            t("warning: {text}", text=self.message) if self.severity == "warning" else self.message
        )
        parts = [part for part in (self.file, self.where, message) if part]
        return ": ".join(parts)


class WorkerImpactError(Exception):
    """Base class of every error the core reports to a user."""


class InputError(WorkerImpactError):
    """Bad input: a file or value that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, file: str, message: str, where: str = "") -> InputError:
        """Build an error holding one problem."""
        return cls([Problem(file, where, message)])
