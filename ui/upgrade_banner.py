"""The offer to move an assessment made on older built-in questionnaires to the current ones.

Shown above the tabs when the open assessment can be edited and a published mapping carries
its answers to a newer built-in version (``workerimpact.upgrade.upgrades_for``); the button
runs Assessment → Move to newer questionnaires…, which asks before it makes a new revision.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class UpgradeBanner(QFrame):
    """Says the assessment is on older questionnaires and offers to move it."""

    upgrade = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("upgrade_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self)
        self.text.setObjectName("upgrade_text")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.button = QPushButton(self)
        self.button.setObjectName("upgrade_button")
        self.button.clicked.connect(self.upgrade)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_for(self, state) -> None:
        """Visible for the user's own assessment (not a received record) when a newer
        built-in version can take its answers; a final one is moved as a new revision too."""
        moves = []
        if state is not None and not state.received:
            from workerimpact.upgrade import upgrades_for

            moves = upgrades_for(state.questionnaires)
        if not moves:
            self.setVisible(False)
            return
        old = ", ".join(sorted({old for _qid, old, _new in moves}))
        new = ", ".join(sorted({new for _qid, _old, new in moves}))
        self.text.setText(
            self.tr(
                "These answers are on the %s built-in questionnaires. Version %s asks about "
                "the system's stage and lets you answer “Don't know” or “Not applicable”. "
                "Moving makes a new revision and carries your answers over; this one stays "
                "as it is."
            )
            % (old, new)
        )
        self.text.setAccessibleName(self.text.text())
        self.button.setText(self.tr("&Move to %s…") % new)
        self.setVisible(True)
