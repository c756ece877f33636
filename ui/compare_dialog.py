"""Choosing what to compare an assessment with: the other assessments in the library, the
most likely counterpart first (the one it was made from, a revision of it, then the same
organization and system).

``load_candidates`` runs on the library thread; ``rank`` is plain Python; ``CompareDialog``
only shows the list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.levels import role_short_name, status_name

ORIGINAL = "original"
"""The assessment this one was made from (its previous revision)."""
MADE_FROM_THIS = "made_from_this"
"""A revision made from this assessment (an own copy, next year's revision)."""
SAME_CHAIN = "same_chain"
"""An earlier or later revision further along the same chain."""
SAME_SYSTEM = "same_system"
"""Another assessment of the same organization and system."""
_RANKS = {ORIGINAL: 0, MADE_FROM_THIS: 1, SAME_CHAIN: 2, SAME_SYSTEM: 3, "": 4}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One assessment of the library, as the dialog lists it."""

    id: str
    organization: str
    site: str
    system: str
    vendor: str
    assessor: str
    role: str
    status: str
    revision: int
    updated: dt.datetime
    previous_revision: str | None
    link: str = ""


def load_candidates(library, assessment_id: str) -> tuple[Candidate, list[Candidate]]:
    """The assessment and every other one in the library, most likely counterpart first.

    Runs on the library thread.
    """
    everyone = [
        Candidate(
            row.id,
            row.organization,
            row.site,
            row.system,
            row.vendor,
            row.assessor,
            row.role,
            row.status,
            row.revision,
            row.updated,
            row.previous_revision,
        )
        for row in library.summaries()
    ]
    current = next((item for item in everyone if item.id == assessment_id), None)
    if current is None:
        metadata = library.metadata(assessment_id)
        current = Candidate(
            assessment_id,
            metadata.organization,
            metadata.site,
            metadata.system,
            metadata.vendor,
            metadata.assessor,
            metadata.role,
            metadata.status,
            metadata.revision,
            metadata.updated,
            metadata.previous_revision,
        )
    return current, rank(current, [item for item in everyone if item.id != assessment_id])


def _chain_up(start: str | None, parents: dict[str, str | None]) -> list[str]:
    """Ids from ``start`` back through each previous revision (stops at a loop or a gap)."""
    chain: list[str] = []
    while start and start not in chain:
        chain.append(start)
        start = parents.get(start)
    return chain


def _same(first: str, second: str) -> bool:
    return first.strip().casefold() == second.strip().casefold()


def rank(current: Candidate, others: list[Candidate]) -> list[Candidate]:
    """``others`` with their link to ``current``, most likely counterpart first, then the
    most recently changed."""
    parents = {item.id: item.previous_revision for item in others}
    parents[current.id] = current.previous_revision
    ancestors = _chain_up(current.previous_revision, parents)
    linked = []
    for item in others:
        above = _chain_up(item.previous_revision, parents)
        if item.id == current.previous_revision:
            link = ORIGINAL
        elif item.previous_revision == current.id:
            link = MADE_FROM_THIS
        elif item.id in ancestors or current.id in above:
            link = SAME_CHAIN
        elif _same(item.organization, current.organization) and _same(item.system, current.system):
            link = SAME_SYSTEM
        else:
            link = ""
        linked.append(replace(item, link=link))
    linked.sort(key=lambda item: (_RANKS[item.link], -item.updated.timestamp()))
    return linked


class CompareDialog(QDialog):
    """Lists the other assessments; ``chosen_id()`` is the one picked."""

    def __init__(
        self, current: Candidate, candidates: list[Candidate], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(self.tr("Compare with…"))
        self.resize(1060, 420)
        self.candidates = list(candidates)
        layout = QVBoxLayout(self)
        who = self.person(current)
        intro = QLabel(
            self.tr("Compare “%s” (%s, revision %d) with:")
            % (
                current.system or current.organization or self.tr("this assessment"),
                who,
                current.revision,
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Assessments in the library:"), self)
        layout.addWidget(label)
        self.list = QTreeWidget(self)
        self.list.setObjectName("compare_candidates")
        self.list.setAccessibleName(self.tr("Assessments to compare with"))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [
                self.tr("Organization"),
                self.tr("AI system"),
                self.tr("Assessor"),
                self.tr("Status"),
                self.tr("Last change"),
                self.tr("Link"),
            ]
        )
        label.setBuddy(self.list)
        for candidate in self.candidates:
            texts = [
                f"{candidate.organization} — {candidate.site}"
                if candidate.site
                else candidate.organization,
                f"{candidate.system} ({candidate.vendor})"
                if candidate.vendor
                else candidate.system,
                self.person(candidate),
                self.status(candidate),
                candidate.updated.astimezone().strftime("%Y-%m-%d %H:%M"),
                self.link_text(candidate.link),
            ]
            item = QTreeWidgetItem(texts)
            for column, text in enumerate(texts):
                item.setToolTip(column, text)
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.id)
            self.list.addTopLevelItem(item)
        for column, width in enumerate((190, 210, 240, 100, 125)):
            self.list.setColumnWidth(column, width)
        self.list.itemActivated.connect(lambda _item, _column: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.compare_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.compare_button.setText(self.tr("&Compare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setFocus()

    def person(self, candidate: Candidate) -> str:
        name = candidate.assessor or self.tr("unnamed assessor")
        return f"{name} ({role_short_name(candidate.role)})"

    def status(self, candidate: Candidate) -> str:
        text = status_name(candidate.status)
        return text + (self.tr(" · rev. %d") % candidate.revision if candidate.revision > 1 else "")

    def link_text(self, link: str) -> str:
        texts = {
            ORIGINAL: self.tr("Original of this one"),
            MADE_FROM_THIS: self.tr("Made from this one"),
            SAME_CHAIN: self.tr("Same revision chain"),
            SAME_SYSTEM: self.tr("Same system"),
        }
        return texts.get(link, "")

    def select(self, assessment_id: str) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == assessment_id:
                self.list.setCurrentItem(item)
                return

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
