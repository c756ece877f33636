"""Find the window's translatable strings by reading the code (not used at run time).

``pyside6-lupdate`` misses two kinds of ``tr`` call: those inside f-strings, and those made
through a local alias (``tr = self.tr``), which it files under no class. Qt still looks
them up under the class at run time, so ``ui/i18n_marks.py`` lists them for lupdate with
their class as context. ``python -m ui.i18n_scan`` rewrites that file;
``tests/test_ui_translations.py`` checks every string found here is translated.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).parent
MARKS = UI / "i18n_marks.py"


def _is_tr(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr == "tr"
    return isinstance(func, ast.Name) and func.id == "tr"


def _literal(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant):
        value = call.args[0].value
        return value if isinstance(value, str) else None
    return None


def class_strings(path: Path) -> list[tuple[str, str, bool]]:
    """(class, text, lupdate_sees_it) for each ``tr("literal")`` inside a class of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str, bool]] = []
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        hidden: set[int] = set()
        for node in ast.walk(cls):
            if isinstance(node, ast.JoinedStr):
                hidden.update(id(inner) for inner in ast.walk(node) if isinstance(inner, ast.Call))
        for node in ast.walk(cls):
            if isinstance(node, ast.Call) and _is_tr(node):
                text = _literal(node)
                if text is None:
                    continue
                seen = isinstance(node.func, ast.Attribute) and id(node) not in hidden
                if isinstance(node.func, ast.Attribute) and not _on_self(node.func):
                    seen = False
                found.append((cls.name, text, seen))
    return found


HELPERS = {
    "faults.py": ("_tr", "Faults"),
    "review_common.py": ("_tr", "ResponseData"),
    "review_dialog.py": ("choice", "ReviewChoices"),
    "review_response.py": ("choice", "ReviewChoices"),
}
"""Modules whose own helper translates under a fixed context: file -> (helper, context)."""


def helper_strings(path: Path) -> list[tuple[str, str, bool]]:
    """(context, text, False) for each ``helper("literal")`` in a module of ``HELPERS``."""
    if path.name not in HELPERS:
        return []
    name, context = HELPERS[path.name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (context, text, False)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == name
        and (text := _literal(node)) is not None
    ]


def _on_self(func: ast.Attribute) -> bool:
    return isinstance(func.value, ast.Name) and func.value.id == "self"


def all_strings() -> list[tuple[str, str, bool]]:
    """Every ``tr`` literal in ``ui/*.py`` with its class (duplicates removed, ordered)."""
    seen: dict[tuple[str, str], bool] = {}
    for path in sorted(UI.glob("*.py")):
        if path.name == MARKS.name:
            continue
        for context, text, visible in class_strings(path) + helper_strings(path):
            seen[(context, text)] = seen.get((context, text), False) or visible
    found = [(context, text, visible) for (context, text), visible in seen.items()]
    return found + [(context, text, False) for context, text in dynamic_strings()]


def dynamic_strings() -> list[tuple[str, str]]:
    """Strings the window translates from a variable: the core's stage names."""
    from workerimpact.assessment import STAGE_LABELS

    return [("StageFields", label) for label in STAGE_LABELS.values()]


def marks_source() -> str:
    """The text of ``ui/i18n_marks.py``."""
    lines = [
        "# ruff: noqa: E501",
        '"""Strings ``pyside6-lupdate`` cannot see where they are used (in f-strings or',
        "through ``tr = self.tr``), listed with their class. Made by ``python -m",
        'ui.i18n_scan``: do not edit by hand. Never imported at run time."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MARKS = (",
    ]
    for context, text, visible in all_strings():
        if not visible:
            lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
    lines.append(")")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    MARKS.write_text(marks_source(), encoding="utf-8")
