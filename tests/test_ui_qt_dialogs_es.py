"""Qt's own dialogs in Spanish: the file dialog's labels, with US Spanish "archivo".

Qt's Spanish (qtbase_es.qm) leaves "Look in:" and "Files of type:" in English and says
"fichero"; ``ui/i18n/qtbase_overrides_es.ts`` gives our wording, asked before Qt's own.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from ui import i18n


@pytest.fixture
def spanish(qapp):
    from ui.app import application

    application()
    assert i18n.install(QApplication.instance(), "es") == "es"
    yield
    i18n.remove(QApplication.instance())


def test_the_file_dialog_speaks_us_spanish(spanish, qtbot):
    dialog = QFileDialog(None, "Abrir")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Buscar en:", "&Nombre de archivo:", "Archivos de &tipo:"} <= labels
    assert not any("fichero" in text.lower() for text in labels)
    assert not any(text in labels for text in ("&Look in:", "Files of &type:", "File &name:"))
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert {button.text() for button in buttons} == {"&Abrir", "Cancelar"}


def test_qt_strings_asked_of_our_overrides_first(spanish):
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "%1 already exists.\nDo you want to replace it?") == (
        "El archivo %1 ya existe.\n¿Desea reemplazarlo?"
    )
    assert translate("QFileDialog", "All Files (*)") == "Todos los archivos (*)"
    # Qt's own Spanish still answers what we do not override.
    assert translate("QFileDialog", "Detail View") == "Vista detallada"


def test_english_window_has_no_overrides(qapp):
    from ui.app import application

    application()
    i18n.remove(QApplication.instance())
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def test_core_messages_follow_the_window_language_in_every_thread(spanish):
    import threading

    from workerimpact.i18n import language, t

    english = "No assessments in the library."
    seen: list[str] = []
    worker = threading.Thread(target=lambda: seen.append(t(english)))
    worker.start()
    worker.join()
    assert t(english) == seen[0] == "No hay evaluaciones en la biblioteca."
    with language("en"):  # an export in English from a Spanish window
        assert t(english) == english
    i18n.remove(QApplication.instance())
    assert t(english) == english
