"""The window in Spanish: the .ts is complete and current, and the choice reaches the window,
the questionnaires and the exported statement."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import ui_helpers
from ui_helpers import card, create_assessment, open_assessment, wait_saved

from ui import i18n
from ui.i18n_scan import all_strings

make_window = ui_helpers.make_window
window = ui_helpers.window

TS = i18n.source("es")
PLACEHOLDERS = re.compile(r"%[sdp%]|\n|<[^>]+>")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


def test_every_spanish_entry_is_translated_with_its_placeholders():
    entries = messages(TS)
    assert len(entries) > 400
    for context, source, translation in entries:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        text = translation.text or ""
        assert text.strip(), f"{where} has no translation"
        assert sorted(PLACEHOLDERS.findall(source)) == sorted(PLACEHOLDERS.findall(text)), where
        assert source.count("&") == text.count("&"), f"{where}: shortcut marks differ"


def test_lupdate_finds_no_string_missing_from_the_ts(tmp_path):
    """A new self.tr string not yet in the .ts comes in as 'unfinished' and fails here."""
    if i18n._tool("pyside6-lupdate") is None:
        pytest.fail("pyside6-lupdate is not installed (PySide6-Essentials ships it)")
    fresh = tmp_path / TS.name
    shutil.copyfile(TS, fresh)
    subprocess.run(i18n.lupdate_command(fresh), check=True, capture_output=True, timeout=120)
    new = [
        f"{context}: {source!r}"
        for context, source, translation in messages(fresh)
        if translation.get("type") == "unfinished"
    ]
    assert not new, "run scripts/update-translations and translate:\n" + "\n".join(new)
    kept = {(context, source) for context, source, _ in messages(fresh)}
    gone = [
        f"{context}: {source!r}"
        for context, source, _ in messages(TS)
        if (context, source) not in kept
    ]
    assert not gone, "run scripts/update-translations to drop:\n" + "\n".join(gone)


def test_strings_lupdate_cannot_see_are_marked_under_their_class():
    translated = {(context, source) for context, source, _ in messages(TS)}
    missing = [
        f"{context}: {text!r}"
        for context, text, _ in all_strings()
        if (context, text) not in translated
    ]
    assert not missing, "run python -m ui.i18n_scan, then scripts/update-translations:\n" + (
        "\n".join(missing)
    )


def test_the_system_choice_follows_the_locale():
    assert i18n.resolve("system", "es_MX") == "es"
    assert i18n.resolve("system", "es_US") == "es"
    assert i18n.resolve("system", "en_US") == "en"
    assert i18n.resolve("system", "de_DE") == "en"
    assert i18n.resolve("es", "en_US") == "es"
    assert i18n.resolve("en", "es_ES") == "en"


def test_the_window_starts_in_the_stored_language(tmp_path):
    """A fresh process (translators are process-wide): stored 'es' gives a Spanish window,
    Qt's own buttons included; the .qm is built into the cache when the package has none."""
    script = """
from PySide6.QtWidgets import QDialogButtonBox
from ui import window_state
window_state.set_value(window_state.LANGUAGE, "es")
from ui.app import application
app = application()
from ui.i18n import current_language
from ui.levels import level_name
from ui.settings_dialog import SettingsDialog
dialog = SettingsDialog("/tmp", [])
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
print(current_language(), level_name("severe"), dialog.windowTitle(), box.buttons()[0].text(),
      sep="|")
"""
    env = dict(os.environ, WORKERIMPACT_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "es|Grave|Configuración|Cancelar"


def test_settings_offer_the_languages_and_store_the_choice(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_HOME", str(tmp_path))
    from ui import window_state
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(str(tmp_path), [])
    qtbot.addWidget(dialog)
    choices = [dialog.language.itemData(row) for row in range(dialog.language.count())]
    assert choices == ["system", "en", "es"]
    assert dialog.language.currentData() == "system"
    dialog.language.setCurrentIndex(2)
    dialog.accept()
    assert window_state.text(window_state.LANGUAGE) == "es"
    assert i18n.chosen() == "es"


def test_questionnaires_show_in_the_window_language(monkeypatch):
    from ui import session_controller
    from workerimpact.catalog import resolve_questionnaires

    builtins = resolve_questionnaires(["worker-surveillance"])
    monkeypatch.setattr(i18n, "_current", "es")
    shown = session_controller.shown(builtins)
    assert shown[0].title != builtins[0].title
    assert shown[0].as_written is builtins[0].as_written
    first = shown[0].sections[0].questions[0]
    assert first.text.startswith("¿") or first.text != builtins[0].sections[0].questions[0].text
    from workerimpact.assessment import new_assessment
    from workerimpact.scoring import score_assessment

    assessment = new_assessment(builtins, organization="Norte", system="Ritmo")
    english = score_assessment(assessment)
    spanish = session_controller.shown_result(assessment, english)
    assert spanish.questionnaires[0].title == shown[0].title != english.questionnaires[0].title
    assert spanish.overall.level == english.overall.level
    monkeypatch.setattr(i18n, "_current", "en")
    assert session_controller.shown(builtins)[0].title == builtins[0].title
    assert session_controller.shown_result(assessment, english) is english


def test_the_export_dialog_chooses_the_statement_language(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from workerimpact.report import verify_report

    assessment_id = create_assessment(qtbot, window, vendor="Tallyworks Inc.")
    open_assessment(qtbot, window, assessment_id)
    card(window, "notice").input.buttons["never"].click()
    wait_saved(qtbot, window)
    target = tmp_path / "declaracion.pdf"
    offered = []

    def save_name(parent, caption, folder, filters, selected=""):
        offered.extend(filters.split(";;"))
        return str(target), next(item for item in offered if "español" in item)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr("ui.signing_dialog.ask_identity_if_missing", lambda *args: False)
    window.export_pdf()
    assert offered == ["PDF, English (*.pdf)", "PDF, español (*.pdf)"]
    assert window.export_language == "es"
    export = window.export_pdf_to(target, ask=False)
    with qtbot.waitSignal(export.finished, timeout=60_000):
        pass
    verification = verify_report(target)
    assert verification.ok, verification.reasons
    from workerimpact.report.pdfread import open_reader

    assert str(open_reader(target.read_bytes()).root.get("/Lang")).startswith("es")


def test_the_system_choice_follows_workerimpact_language_first(monkeypatch):
    # WORKERIMPACT_LANGUAGE=es gave Spanish commands but an English window.
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    assert i18n.resolve("system") == "es"
    assert i18n.resolve("en") == "en"  # a language chosen in Settings wins
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "en_US.UTF-8")
    assert i18n.resolve("system") == "en"
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "de")  # not one the window speaks: the locale
    from PySide6.QtCore import QLocale

    assert i18n.resolve("system") == i18n.resolve("system", QLocale.system().name())
