"""Errors as values for the user: which file, where in it, and what is wrong.

A ``Problem`` is one located complaint. ``InputError`` carries one or more of them up to
the command line or the window, which print them as ``PATH: where: what``; nobody ever
sees a traceback for bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an input: ``file: where: message``."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        parts = [part for part in (self.file, self.where, self.message) if part]
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
