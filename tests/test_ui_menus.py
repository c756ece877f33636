"""Every menu can be driven by its Alt letters: no two entries of a menu share one."""

from __future__ import annotations

import re

import ui_helpers

make_window = ui_helpers.make_window


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match.group(1).lower() if match else None


def test_no_menu_repeats_an_alt_letter(make_window) -> None:
    window = make_window()
    bar = window.menuBar()
    titles = [_mnemonic(action.text()) for action in bar.actions()]
    assert len(titles) == len(set(titles)), titles
    for top in bar.actions():
        menu = top.menu()
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = _mnemonic(action.text())
            assert letter is not None, f"{action.text()!r} in {top.text()!r} has no Alt letter"
            assert letter not in letters, (
                f"{action.text()!r} and {letters[letter]!r} in {top.text()!r} share Alt+{letter}"
            )
            letters[letter] = action.text()
