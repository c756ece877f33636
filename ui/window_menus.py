"""The main window's shell: menus, actions and status bar, and which actions are enabled.

A mixin of ``MainWindow``. The actions themselves are declared once in ``ui.actions``;
here they are laid out in menus (with the undo group's Undo and Redo and the theme menu),
and enabled or disabled as the page, the open assessment and the library allow.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QLabel


class WindowMenus:
    """Menus, actions and status bar of the main window (see the module docstring)."""

    def _build_shell(self) -> None:
        """Menus, actions and status bar: built just after the first paint, so the window
        appears as fast as a bare one."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QUndoGroup
        from PySide6.QtWidgets import QProgressBar

        from ui.actions import build_actions

        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.undo_group = QUndoGroup(self)
        self.actions = build_actions(self)
        self._build_menus()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._set_enabled_actions()
        if isinstance(self._saved_state, QByteArray):
            self.restoreState(self._saved_state)

    def _build_menus(self) -> None:
        a = self.actions
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(self._keys("Undo"))
        undo.setObjectName("action_undo")
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(self._keys("Redo"))
        redo.setObjectName("action_redo")
        self.undo_action, self.redo_action = undo, redo
        menus = (
            (
                self.tr("&File"),
                [
                    "new",
                    "import_file",
                    "install_questionnaire",
                    None,
                    "export_pdf",
                    "export_copy",
                    "export_file",
                    "countersign",
                    "export_review",
                    "import_review",
                    "export_joint",
                    None,
                    "close_assessment",
                    "settings",
                    None,
                    "quit",
                ],
            ),
            (self.tr("&Edit"), [undo, redo, None, "find"]),
            (
                self.tr("&View"),
                [
                    "show_library",
                    "show_questions",
                    "show_results",
                    "show_comparison",
                    None,
                    "next_section",
                    "previous_section",
                    "next_missing",
                ],
            ),
            (
                self.tr("&Assessment"),
                [
                    "edit_details",
                    None,
                    "mark_in_review",
                    "mark_final",
                    "mark_draft",
                    "new_revision",
                    "upgrade_questionnaires",
                    "compare",
                    "review_statement",
                    "respond_review",
                    None,
                    "duplicate",
                    "delete",
                    "show_trash",
                    None,
                    "backup_now",
                ],
            ),
            (self.tr("&Help"), ["about"]),
        )
        for title, items in menus:
            menu = self.menuBar().addMenu(title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[item] if isinstance(item, str) else item)
            if title == self.tr("&View"):
                from ui import theme

                menu.addSeparator()
                theme.add_menu(menu)

    @staticmethod
    def _keys(name: str):
        from PySide6.QtGui import QKeySequence

        return QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))

    def _set_enabled_actions(self) -> None:
        from ui.actions import ACTIONS

        if not self.actions:
            return
        loaded = self.context is not None
        open_ = loaded and self.controller is not None and self.controller.is_open
        on_assessment = open_ and self.pages.currentWidget() is self.assessment_page
        read_only = not open_ or self.controller.state.read_only
        on_library = loaded and self.pages.currentWidget() is self.library_page
        library_writable = loaded and not self.context.read_only
        for spec in ACTIONS:
            action = self.actions[spec.id]
            enabled = loaded
            if spec.needs_assessment:
                enabled = on_assessment if spec.id.startswith(("next_", "previous_")) else open_
            if spec.edits:
                enabled = enabled and not read_only
            action.setEnabled(enabled)
        for name in ("duplicate", "delete", "show_trash"):
            self.actions[name].setEnabled(on_library and library_writable)
        self.actions["new"].setEnabled(library_writable)
        self.actions["new_revision"].setEnabled(open_ and library_writable)
        self.actions["upgrade_questionnaires"].setEnabled(
            open_
            and library_writable
            and not self.controller.state.received
            and self._can_upgrade()
        )
        self.actions["compare"].setEnabled(on_library or open_)
        if open_:
            status = self.controller.state.metadata.status
            self.actions["mark_in_review"].setEnabled(not read_only and status != "in_review")
            self.actions["mark_draft"].setEnabled(not read_only and status != "draft")
        self.enable_review_actions(open_)  # ui/review_operations.py

    def _can_upgrade(self) -> bool:
        from workerimpact.upgrade import upgrades_for

        return bool(upgrades_for(self.controller.state.questionnaires))
