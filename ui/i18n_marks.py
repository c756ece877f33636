# ruff: noqa: E501
"""Strings ``pyside6-lupdate`` cannot see where they are used (in f-strings or
through ``tr = self.tr``), listed with their class. Made by ``python -m
ui.i18n_scan``: do not edit by hand. Never imported at run time."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MARKS = (
    QT_TRANSLATE_NOOP("CompareView", "Levels (%d of %d differ)"),
    QT_TRANSLATE_NOOP("CompareView", "Findings only in this assessment (%d)"),
    QT_TRANSLATE_NOOP("CompareView", "Findings only in the other assessment, %s (%d)"),
    QT_TRANSLATE_NOOP("CompareView", "Findings in both (%d)"),
    QT_TRANSLATE_NOOP("CompareView", "Questions answered differently (%d)"),
    QT_TRANSLATE_NOOP("CompareView", "Used by only one of the two, so not compared: %s"),
    QT_TRANSLATE_NOOP("CompareView", "This assessment"),
    QT_TRANSLATE_NOOP("CompareView", "Compared with"),
    QT_TRANSLATE_NOOP("CompareView", "Part"),
    QT_TRANSLATE_NOOP("CompareView", "Overall"),
    QT_TRANSLATE_NOOP("CompareView", "Revision %d · %s"),
    QT_TRANSLATE_NOOP("CompareView", "Last change %s"),
    QT_TRANSLATE_NOOP("CompareView", "%d finding in only one"),
    QT_TRANSLATE_NOOP("CompareView", "%d findings in only one"),
    QT_TRANSLATE_NOOP("CompareView", "%d question answered differently"),
    QT_TRANSLATE_NOOP("CompareView", "%d questions answered differently"),
    QT_TRANSLATE_NOOP("CompareView", "Same"),
    QT_TRANSLATE_NOOP("CompareView", "Comment"),
    QT_TRANSLATE_NOOP("CompareView", "Difference"),
    QT_TRANSLATE_NOOP("CompareView", "Question"),
    QT_TRANSLATE_NOOP("CompareView", "None."),
    QT_TRANSLATE_NOOP("CompareView", "Differs"),
    QT_TRANSLATE_NOOP("CompareView", "Every question is answered the same way."),
    QT_TRANSLATE_NOOP("CompareView", "Each question opens in this assessment."),
    QT_TRANSLATE_NOOP("CompareView", "Go to:"),
    QT_TRANSLATE_NOOP("Faults", "Something went wrong"),
    QT_TRANSLATE_NOOP(
        "Faults",
        "Your answers saved so far are safe. If it happens again, please report it with the details below.",
    ),
    QT_TRANSLATE_NOOP("Faults", "The file or value could not be used"),
    QT_TRANSLATE_NOOP(
        "Faults", "Correct each problem listed (its place comes first), then try again."
    ),
    QT_TRANSLATE_NOOP("Faults", "The library is in use"),
    QT_TRANSLATE_NOOP(
        "Faults", "Another WorkerImpact window, or another program, has the library open."
    ),
    QT_TRANSLATE_NOOP(
        "Faults", "Close the other window and choose Retry, or open the library read-only."
    ),
    QT_TRANSLATE_NOOP(
        "Faults",
        "Free some space (empty the trash, remove old backups or other files), then choose Retry. What you typed is still in the window.",
    ),
    QT_TRANSLATE_NOOP("Faults", "This assessment is damaged"),
    QT_TRANSLATE_NOOP(
        "Faults",
        "Choose a backup below to restore the library as it was then (the current library is kept in backups/replaced/), or cancel to keep working with the other assessments.",
    ),
    QT_TRANSLATE_NOOP("Faults", "The library file is damaged"),
    QT_TRANSLATE_NOOP("Faults", "WorkerImpact cannot read its library safely."),
    QT_TRANSLATE_NOOP(
        "Faults",
        "Restore one of the backups listed below. Nothing is overwritten until you choose one.",
    ),
    QT_TRANSLATE_NOOP("Faults", "The library is from a newer WorkerImpact"),
    QT_TRANSLATE_NOOP(
        "Faults", "It was written by a newer version of WorkerImpact, which this one cannot read."
    ),
    QT_TRANSLATE_NOOP("Faults", "Update WorkerImpact to open it. Nothing has been changed."),
    QT_TRANSLATE_NOOP("Faults", "The library is read-only"),
    QT_TRANSLATE_NOOP(
        "Faults",
        "You can still read and export assessments. To edit, make the data folder writable (Settings shows where it is) and restart WorkerImpact.",
    ),
    QT_TRANSLATE_NOOP("Faults", "This assessment is final"),
    QT_TRANSLATE_NOOP("Faults", "A final assessment cannot be changed."),
    QT_TRANSLATE_NOOP(
        "Faults", "Choose Assessment → Start a new revision to continue from a copy."
    ),
    QT_TRANSLATE_NOOP("Faults", "The assessment is not in the library"),
    QT_TRANSLATE_NOOP("Faults", "It may have been deleted."),
    QT_TRANSLATE_NOOP("Faults", "Look in the trash (Assessment → Show trash) to restore it."),
    QT_TRANSLATE_NOOP("Faults", "A file could not be read or written"),
    QT_TRANSLATE_NOOP(
        "Faults", "Check the file exists, that you may read it, and that the disk has space."
    ),
    QT_TRANSLATE_NOOP("Faults", "The disk is full"),
    QT_TRANSLATE_NOOP("Faults", "Disk problem"),
    QT_TRANSLATE_NOOP(
        "Faults", "The last change could not be saved because there is no space left."
    ),
    QT_TRANSLATE_NOOP("Faults", "Changes cannot be saved: %s"),
    QT_TRANSLATE_NOOP("GuidancePanel", "This question has no guidance."),
    QT_TRANSLATE_NOOP("GuidancePanel", "Source"),
    QT_TRANSLATE_NOOP("ResultsView", "%d of %d shown questions answered."),
    QT_TRANSLATE_NOOP("ResultsView", "Score %s out of 100. "),
    QT_TRANSLATE_NOOP("ResultsView", "Raised to this level by the findings: %s."),
    QT_TRANSLATE_NOOP(
        "ResultsView",
        "Every level is provisional: %d of %d questions the levels rest on are answered.",
    ),
    QT_TRANSLATE_NOOP("ResultsView", "Overall result"),
    QT_TRANSLATE_NOOP("ResultsView", "Levels by questionnaire and dimension"),
    QT_TRANSLATE_NOOP("ResultsView", "How"),
    QT_TRANSLATE_NOOP("ResultsView", "Findings (%d)"),
    QT_TRANSLATE_NOOP("ResultsView", "No rule has fired on the answers given so far."),
    QT_TRANSLATE_NOOP("ResultsView", "What to do"),
    QT_TRANSLATE_NOOP("ResultsView", "Source"),
    QT_TRANSLATE_NOOP("ResultsView", "Recommendations, most serious first"),
    QT_TRANSLATE_NOOP("ResultsView", "Required questions not answered (%d)"),
    QT_TRANSLATE_NOOP("ResultsView", "Every required question shown is answered."),
    QT_TRANSLATE_NOOP("ResultsView", "Why this severity"),
    QT_TRANSLATE_NOOP("ResultsView", "Why"),
    QT_TRANSLATE_NOOP("ResponseData", "No position yet"),
    QT_TRANSLATE_NOOP("ResponseData", "its measures were carried over from the revision before"),
    QT_TRANSLATE_NOOP("ResponseData", "Agree"),
    QT_TRANSLATE_NOOP("ResponseData", "Partly agree"),
    QT_TRANSLATE_NOOP("ResponseData", "Disagree"),
    QT_TRANSLATE_NOOP("ResponseData", "No longer found in this revision"),
    QT_TRANSLATE_NOOP(
        "ResponseData",
        "No review from the workers' representatives is attached yet: you can still plan measures for the findings. Attach their review file with File → Import review file…",
    ),
    QT_TRANSLATE_NOOP("ResponseData", "A concern they added"),
    QT_TRANSLATE_NOOP("ResponseData", "Added by the representatives: %s"),
    QT_TRANSLATE_NOOP("StageFields", "Planned (not yet in use)"),
    QT_TRANSLATE_NOOP("StageFields", "Pilot"),
    QT_TRANSLATE_NOOP("StageFields", "In operation"),
)
