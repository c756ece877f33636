"""Every menu action, declared once (Picard-style registry), with its shortcut.

The window builds QActions from ``ACTIONS`` and connects each to the method of the same
name as its ``handler``; nothing else in the window creates actions, so a shortcut lives in
exactly one place. Standard shortcuts come from ``QKeySequence.StandardKey`` where Qt has
one, so they follow each platform's convention.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey


class ActionSpec:
    """One action: its id, label, handler method, shortcut and tip.

    A plain class rather than a dataclass: generating a dataclass compiles code at import,
    which costs start-up time.
    """

    __slots__ = (
        "edits",
        "handler",
        "id",
        "needs_assessment",
        "shortcut",
        "standard_key",
        "text",
        "tip",
    )

    def __init__(
        self,
        id: str,  # noqa: A002 - the action's id
        text: str,
        handler: str,
        standard_key: QKeySequence.StandardKey | None = None,
        *,
        shortcut: str = "",
        tip: str = "",
        needs_assessment: bool = False,
        edits: bool = False,
    ):
        self.id = id
        self.text = text
        self.handler = handler
        self.standard_key = standard_key
        self.shortcut = shortcut
        self.tip = tip
        self.needs_assessment = needs_assessment
        """Enabled only while an assessment is open."""
        self.edits = edits
        """Disabled while the open assessment is read-only (final)."""


ACTIONS_CONTEXT = ""
"""Where ``pyside6-lupdate -tr-function-alias QT_TR_NOOP+=_t`` files module-level strings."""


def _t(text: str) -> str:
    # Marks a string for translation; translated when the action is built.
    return text


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new",
        _t("&New assessment…"),
        "new_assessment",
        StandardKey.New,
        tip=_t("Start an assessment from questionnaires"),
    ),
    ActionSpec(
        "import_file",
        _t("&Open file…"),
        "import_file",
        StandardKey.Open,
        tip=_t("Open an assessment file or a report PDF (it is added to the library)"),
    ),
    ActionSpec(
        "install_questionnaire",
        _t("&Install questionnaire…"),
        "install_questionnaire",
        tip=_t("Check a custom questionnaire file and offer it in New assessment"),
    ),
    ActionSpec(
        "export_pdf",
        _t("&Export PDF report…"),
        "export_pdf",
        shortcut="Ctrl+E",
        tip=_t("Write the impact statement as a PDF"),
        needs_assessment=True,
    ),
    ActionSpec(
        "export_copy",
        _t("Export as &web page, Word or spreadsheet…"),
        "export_copy",
        tip=_t(
            "Write the statement as an accessible web page, an editable Word copy, or "
            "spreadsheets of the answers and findings"
        ),
        needs_assessment=True,
    ),
    ActionSpec(
        "export_file",
        _t("Export assessment &file…"),
        "export_file",
        shortcut="Ctrl+Shift+E",
        tip=_t("Save the assessment as a portable JSON file"),
        needs_assessment=True,
    ),
    ActionSpec(
        "countersign",
        _t("Coun&tersign a statement…"),
        "countersign_statement",
        tip=_t("Add your signature to a statement you received, acknowledging receipt"),
    ),
    ActionSpec(
        "close_assessment",
        _t("&Close assessment"),
        "close_assessment",
        StandardKey.Close,
        tip=_t("Back to the library"),
        needs_assessment=True,
    ),
    ActionSpec(
        "settings", _t("&Settings…"), "show_settings", StandardKey.Preferences, shortcut="Ctrl+,"
    ),
    ActionSpec("quit", _t("&Quit"), "close", StandardKey.Quit, shortcut="Ctrl+Q"),
    ActionSpec(
        "find",
        _t("&Find…"),
        "find",
        StandardKey.Find,
        tip=_t("Search the library, or find a question in the open assessment"),
    ),
    ActionSpec("show_library", _t("&Library"), "show_library", shortcut="Ctrl+1"),
    ActionSpec(
        "show_questions",
        _t("&Questions"),
        "show_questions",
        shortcut="Ctrl+2",
        needs_assessment=True,
    ),
    ActionSpec(
        "show_results", _t("&Results"), "show_results", shortcut="Ctrl+3", needs_assessment=True
    ),
    ActionSpec(
        "show_comparison",
        _t("&Comparison"),
        "show_comparison",
        shortcut="Ctrl+4",
        needs_assessment=True,
    ),
    ActionSpec(
        "next_section",
        _t("&Next section"),
        "next_section",
        shortcut="Ctrl+PgDown",
        needs_assessment=True,
    ),
    ActionSpec(
        "previous_section",
        _t("&Previous section"),
        "previous_section",
        shortcut="Ctrl+PgUp",
        needs_assessment=True,
    ),
    ActionSpec(
        "next_missing",
        _t("Next &unanswered required question"),
        "next_missing",
        shortcut="Ctrl+J",
        needs_assessment=True,
    ),
    ActionSpec(
        "edit_details",
        _t("Assessment d&etails…"),
        "edit_details",
        shortcut="Ctrl+Shift+D",
        needs_assessment=True,
        edits=True,
    ),
    ActionSpec(
        "mark_in_review",
        _t("Mark as in &review"),
        "mark_in_review",
        needs_assessment=True,
        edits=True,
    ),
    ActionSpec(
        "mark_final", _t("Mark as &final…"), "mark_final", needs_assessment=True, edits=True
    ),
    ActionSpec("mark_draft", _t("Back to &draft"), "mark_draft", needs_assessment=True, edits=True),
    ActionSpec(
        "new_revision",
        _t("Start a new re&vision"),
        "new_revision",
        needs_assessment=True,
        tip=_t("Copy this assessment into a new draft that can be edited"),
    ),
    ActionSpec(
        "upgrade_questionnaires",
        _t("Move to &newer questionnaires…"),
        "upgrade_questionnaires",
        needs_assessment=True,
        tip=_t("Start a new revision on the newer built-in questionnaires, carrying answers over"),
    ),
    ActionSpec(
        "compare",
        _t("Com&pare with…"),
        "compare_with",
        tip=_t("Compare with another assessment: levels, findings and answers that differ"),
    ),
    ActionSpec(
        "duplicate",
        _t("D&uplicate as new revision"),
        "duplicate_selected",
        shortcut="Ctrl+D",
        tip=_t("Copy the selected assessment into a new draft"),
    ),
    ActionSpec(
        "delete",
        _t("De&lete"),
        "delete_selected",
        StandardKey.Delete,
        tip=_t("Move the selected assessment to the trash (can be undone)"),
    ),
    ActionSpec(
        "show_trash",
        _t("Show &trash"),
        "toggle_trash",
        tip=_t("Show deleted assessments, to restore them"),
    ),
    ActionSpec(
        "backup_now", _t("&Back up now"), "backup_now", tip=_t("Save a copy of the whole library")
    ),
    # The consultation (issue 13): ui/review_operations.py.
    ActionSpec(
        "review_statement",
        _t("Review as &workers' representatives…"),
        "review_statement",
        shortcut="Ctrl+Shift+V",
        needs_assessment=True,
        tip=_t("Your position on each finding, concerns it missed, your opinion"),
    ),
    ActionSpec(
        "export_review",
        _t("Export re&view file…"),
        "export_review_file",
        needs_assessment=True,
        tip=_t("The review as a PDF with the review attached, for the employer"),
    ),
    ActionSpec(
        "import_review",
        _t("Import &review file…"),
        "import_review_file",
        tip=_t("Attach the workers' representatives' review file to its assessment"),
    ),
    ActionSpec(
        "respond_review",
        _t("Response and &action plan…"),
        "respond_to_review",
        shortcut="Ctrl+Shift+P",
        needs_assessment=True,
        tip=_t("Answer each finding and concern with measures; decide; set the next review"),
    ),
    ActionSpec(
        "export_joint",
        _t("Export &joint statement…"),
        "export_joint_statement",
        needs_assessment=True,
        tip=_t("Both parties' positions, the measures and the decision, to be signed by both"),
    ),
    ActionSpec("about", _t("&About WorkerImpact"), "show_about"),
)


def build_actions(window: QObject) -> dict[str, QAction]:
    """Create every action on ``window`` and connect it to the window's handler method."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(QCoreApplication.translate(ACTIONS_CONTEXT, spec.text), window)
        action.setObjectName(f"action_{spec.id}")
        shortcuts: list[QKeySequence] = []
        if spec.standard_key is not None:
            shortcuts = QKeySequence.keyBindings(spec.standard_key)
        if not shortcuts and spec.shortcut:
            shortcuts = [QKeySequence(spec.shortcut)]
        if shortcuts:
            action.setShortcuts(shortcuts)
        if spec.tip:
            tip = QCoreApplication.translate(ACTIONS_CONTEXT, spec.tip)
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(getattr(window, spec.handler))
        actions[spec.id] = action
    return actions


def spec(action_id: str) -> ActionSpec:
    """The declaration of one action."""
    for item in ACTIONS:
        if item.id == action_id:
            return item
    raise KeyError(action_id)
