"""The library's welcome when it is empty: what the tool does, in three lines, and buttons
to start an assessment or open a file (``ui.library_view.LibraryPage`` shows it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRun(QWidget):
    """What the tool does, in three lines, and a button to start."""

    start = Signal()
    open_file = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_run")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to WorkerImpact"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        lines = QLabel(
            "<p>"
            + "<br>".join(
                [
                    self.tr(
                        "1. Answer questionnaires on how an AI system at work affects "
                        "workers: surveillance, job quality, health and safety."
                    ),
                    self.tr(
                        "2. See the risk level and the findings update as you answer, "
                        "each explained by the answers behind it."
                    ),
                    self.tr(
                        "3. Export a tamper-evident PDF impact statement to share with "
                        "management, the union or a regulator."
                    ),
                ]
            )
            + "</p>",
            self,
        )
        lines.setObjectName("first_run_text")
        lines.setWordWrap(True)
        lines.setMaximumWidth(640)
        # A word-wrapped label given an alignment in a box layout is sized from a guessed
        # width and clipped; centred between stretches it gets its height for its width.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(lines, 4)
        centred.addStretch(1)
        layout.addLayout(centred)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("&Start an assessment"), self)
        self.start_button.setObjectName("start_assessment")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(self.start_button)
        open_button = QPushButton(self.tr("&Open a file…"), self)
        open_button.setToolTip(self.tr("An assessment file or a WorkerImpact report PDF"))
        open_button.clicked.connect(self.open_file)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        note = QLabel(
            self.tr("Everything stays on this computer. Answers are saved as you give them."),
            self,
        )
        note.setObjectName("first_run_note")
        # Quieter than the lines above, yet readable (a disabled label was 1.6:1).
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
