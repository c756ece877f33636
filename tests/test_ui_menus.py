"""Every menu can be driven by its Alt letters: no two entries of a menu share one."""

from __future__ import annotations

import ui_helpers

make_window = ui_helpers.make_window
language = ui_helpers.language
mnemonic = ui_helpers.mnemonic


def test_no_menu_repeats_an_alt_letter(language, make_window) -> None:
    window = make_window()
    bar = window.menuBar()
    titles = [mnemonic(action.text()) for action in bar.actions()]
    assert len(titles) == len(set(titles)), titles
    for top in bar.actions():
        menu = top.menu()
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = mnemonic(action.text())
            assert letter is not None, f"{action.text()!r} in {top.text()!r} has no Alt letter"
            assert letter not in letters, (
                f"{action.text()!r} and {letters[letter]!r} in {top.text()!r} share Alt+{letter}"
            )
            letters[letter] = action.text()


def test_tabs_and_banner_buttons_do_not_share_a_menu_title_letter(
    language, make_window, qtbot
) -> None:
    """Alt+E opened the Edit menu, never the R&esults tab; a final assessment's banner
    button (Start a new &revision) must not take a tab's letter either."""
    from PySide6.QtWidgets import QAbstractButton
    from ui_helpers import create_assessment, open_assessment, run_in_library

    window = make_window()
    assessment_id = create_assessment(qtbot, window, ("job-quality",))
    run_in_library(qtbot, window, lambda library: library.set_status(assessment_id, "final"))
    open_assessment(qtbot, window, assessment_id)
    page = window.assessment_page
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [page.tabs.tabText(index) for index in range(page.tabs.count())]
    for banner in (page.banner, page.upgrade_banner):
        texts += [
            button.text()
            for button in banner.findChildren(QAbstractButton)
            if button.isVisibleTo(window)
        ]
    assert page.banner.button.isVisibleTo(window)
    letters = [mnemonic(text) for text in texts if mnemonic(text)]
    assert len(letters) == len(set(letters)), " | ".join(t for t in texts if mnemonic(t))


def test_library_buttons_do_not_share_a_menu_title_letter(language, make_window) -> None:
    """Alt+V opened the View menu, never "Duplicate as new re&vision" (seen in the window)."""
    window = make_window()
    page = window.library_page
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [
        button.text()
        for button in (
            page.new_button,
            page.open_button,
            page.import_button,
            page.revision_button,
            page.compare_button,
            page.delete_button,
        )
    ]
    assert any(("uplicate" if language == "en" else "uplicar") in text for text in texts), texts
    letters = [mnemonic(text) for text in texts if mnemonic(text)]
    assert len(letters) == len(set(letters)), " | ".join(t for t in texts if mnemonic(t))
