"""How levels look (a color always paired with the written level, readable light or dark),
and how levels, statuses and roles are named.

The four fills are mid-tones that keep contrast against both light and dark window
backgrounds; text drawn on a fill picks black or white by the fill's luminance.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

LEVEL_ORDER = ("low", "moderate", "high", "severe")

_FILLS = {
    "low": QColor("#3f9b5f"),
    "moderate": QColor("#e0b000"),
    "high": QColor("#e8772e"),
    "severe": QColor("#c93a2e"),
}


def level_fill(level: str | None) -> QColor:
    """The fill color of a level (a neutral grey when there is none yet)."""
    return QColor(_FILLS.get(level or "", QColor("#8a8f98")))


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#000000") if luminance > 0.45 else QColor("#ffffff")


def level_name(level: str | None) -> str:
    """The level written out for people, translated."""
    names = {
        "low": QCoreApplication.translate("Levels", "Low"),
        "moderate": QCoreApplication.translate("Levels", "Moderate"),
        "high": QCoreApplication.translate("Levels", "High"),
        "severe": QCoreApplication.translate("Levels", "Severe"),
    }
    return names.get(level or "", QCoreApplication.translate("Levels", "Not yet assessed"))


def status_name(status: str) -> str:
    """An assessment status for people."""
    names = {
        "draft": QCoreApplication.translate("Levels", "Draft"),
        "in_review": QCoreApplication.translate("Levels", "In review"),
        "final": QCoreApplication.translate("Levels", "Final"),
    }
    return names.get(status, status)


def score_words(level: str | None, score: float | None) -> str:
    """``High · 62/100`` (or the level alone when there is no number)."""
    if score is None:
        return level_name(level)
    return f"{level_name(level)} · {score:.0f}/100"


ROLES = ("employer", "union", "joint", "consultant")


def role_name(role: str) -> str:
    """A role as the new-assessment form offers it ("Union or worker representative")."""
    names = {
        "employer": QCoreApplication.translate("Metadata", "Employer (management, HR)"),
        "union": QCoreApplication.translate("Metadata", "Union or worker representative"),
        "joint": QCoreApplication.translate("Metadata", "Joint (employer and union together)"),
        "consultant": QCoreApplication.translate("Metadata", "Consultant"),
    }
    return names.get(role, role)


def role_short_name(role: str) -> str:
    """A role in one word, for headings and lists ("Union")."""
    names = {
        "employer": QCoreApplication.translate("Metadata", "Employer"),
        "union": QCoreApplication.translate("Metadata", "Union"),
        "joint": QCoreApplication.translate("Metadata", "Joint"),
        "consultant": QCoreApplication.translate("Metadata", "Consultant"),
    }
    return names.get(role, role)
