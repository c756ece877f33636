"""The Comparison tab: the open assessment against another in the library.

Levels side by side (a changed row says so in words), findings only in one or in both, and
the questions answered differently with both answers and comments; each question links to
it in the open assessment. It renders what ``workerimpact.compare.compare_assessments``
returns: both assessments are read on the library thread, compared on the background pool.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui.levels import role_name, role_short_name, score_words, status_name
from ui.results_view import level_chip, question_link, question_of_link
from ui.session_controller import SessionController
from ui.wording import counted


def _local_time(moment: str) -> str:
    """An ISO time from the core as local 'YYYY-MM-DD HH:MM' (as the library lists it)."""
    try:
        return dt.datetime.fromisoformat(moment).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return moment


class CompareView(QWidget):
    """Emits ``question_activated`` for a question link, ``choose_requested`` for the button,
    and ``compared(Comparison)`` once a comparison is shown."""

    question_activated = Signal(str, str)
    choose_requested = Signal()
    compared = Signal(object)

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparison")
        self.controller = controller
        self.this_id: str | None = None
        self.other_id: str | None = None
        self.comparison = None
        self.stale = False
        self._run = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("comparison_status")
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.choose_button = QPushButton(self.tr("Compare &with…"), self)
        self.choose_button.setObjectName("compare_choose")
        self.choose_button.setToolTip(self.tr("Choose the assessment to compare this one with"))
        self.choose_button.clicked.connect(self.choose_requested)
        bar.addWidget(self.choose_button)
        layout.addLayout(bar)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("comparison_text")
        self.browser.setAccessibleName(self.tr("Comparison of the two assessments"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        layout.addWidget(self.browser, 1)
        controller.opened.connect(self._opened)
        controller.result_changed.connect(self._changed)
        controller.metadata_changed.connect(self._changed)
        self.clear()

    # --- running ---------------------------------------------------------------------------

    def clear(self) -> None:
        """No comparison: say what the tab is for."""
        self._run += 1
        self.other_id = self.comparison = None
        self.stale = False
        self.status.setText(self.tr("Compare this assessment with another one in the library."))
        self.browser.setHtml(
            "<p>"
            + escape(
                self.tr(
                    "See, side by side, where two assessments of the same system differ: the "
                    "levels, the findings only one of them has, and every question answered "
                    "differently, with both answers and comments."
                )
            )
            + "</p><p>"
            + escape(
                self.tr(
                    "A union representative can work on their own copy of management's "
                    "assessment (it is offered when you open their report or file) and "
                    "compare the two here."
                )
            )
            + "</p>"
        )

    def compare_with(self, other_id: str) -> None:
        """Compare the open assessment with ``other_id`` (in the background)."""
        state = self.controller.state
        if state is None:
            return
        self.this_id, self.other_id = state.assessment_id, other_id
        self.refresh()

    def refresh_if_stale(self) -> None:
        if self.stale and self.other_id is not None:
            self.refresh()

    def refresh(self) -> None:
        """Read both assessments on the library thread and compare them off the GUI thread."""
        from ui.prewarm import COMPARING, prewarm

        if self.this_id is None or self.other_id is None:
            return
        prewarm(COMPARING)  # on this (GUI) thread: see ui.prewarm
        self._run += 1
        run, this_id, other_id = self._run, self.this_id, self.other_id
        context = self.controller.context
        self.stale = False
        self.status.setText(self.tr("Comparing…"))
        context.message.emit(self.tr("Comparing…"))

        def compare(pair):
            from workerimpact.compare import compare_assessments

            return compare_assessments(*pair)

        def loaded(pair) -> None:
            if run == self._run:
                context.tasks.background(lambda: compare(pair), shown, failed)

        def shown(comparison) -> None:
            if run == self._run:
                self.show_comparison(comparison)

        def failed(error: BaseException) -> None:
            if run == self._run:
                self.clear()
                context.fault.emit(error, None)

        context.run(lambda library: (library.get(this_id), library.get(other_id)), loaded, failed)

    def _opened(self, state) -> None:
        if state.assessment_id != self.this_id:
            self.this_id = None
            self.clear()

    def _changed(self, _value) -> None:
        if self.other_id is not None:
            self.stale = True
            if self.isVisible():
                self.refresh()

    def _link(self, url: QUrl) -> None:
        question = question_of_link(url)
        if question is not None:
            self.question_activated.emit(*question)
        elif not url.scheme() and url.fragment():
            self.browser.scrollToAnchor(url.fragment())

    # --- rendering -------------------------------------------------------------------------

    def show_comparison(self, comparison) -> None:
        self.comparison = comparison
        changed = sum(1 for row in comparison.levels if row.changed)
        self.status.setText(
            self.tr("Compared with %s.") % self.person(comparison.second)
            + " "
            + counted(changed, self.tr("%d level differs"), self.tr("%d levels differ"))
            + ", "
            + counted(
                len(comparison.answers),
                self.tr("%d answer differs."),
                self.tr("%d answers differ."),
            )
        )
        self.controller.context.message.emit(self.tr("Comparison ready."))
        self.browser.setHtml(self.render(comparison))
        self.compared.emit(comparison)

    def person(self, side) -> str:
        """'Dana Whitfield (Employer)'."""
        name = side.assessor or self.tr("Unnamed assessor")
        return f"{name} ({role_short_name(side.role)})"

    def _side_cell(self, heading: str, side) -> str:
        tr = self.tr
        lines = [
            f"<small>{escape(heading)}</small>",
            f"<b>{escape(side.assessor or tr('Unnamed assessor'))}</b>",
            escape(role_name(side.role)),
            escape(tr("Revision %d · %s") % (side.revision, status_name(side.status))),
            escape(tr("Last change %s") % _local_time(side.updated)),
        ]
        if side.organization:
            lines.append(escape(side.organization))
        return f'<td valign="top" width="50%">{"<br>".join(lines)}</td>'

    def _heading_row(self, first: str, comparison) -> str:
        return (
            f'<tr><th align="left">{escape(first)}</th>'
            f'<th align="left">{escape(self.person(comparison.first))}</th>'
            f'<th align="left">{escape(self.person(comparison.second))}</th>'
        )

    def _level(self, score) -> str:
        if score is None:
            return escape(self.tr("not in this version"))
        return level_chip(score.level, score_words(score.level, score.score))

    def _answer(self, text: str, comment: str) -> str:
        from workerimpact.compare import NOT_ANSWERED, NOT_ASKED, NOT_SHOWN

        words = {
            NOT_SHOWN: self.tr("(does not apply: an earlier answer leaves it out)"),
            NOT_ANSWERED: self.tr("(no answer)"),
            NOT_ASKED: self.tr("(not in this version of the questionnaire)"),
        }
        cell = escape(words.get(text, text))
        if comment:
            cell += f"<br><i>{escape(self.tr('Comment'))}: “{escape(comment)}”</i>"
        return f'<td valign="top" width="30%">{cell}</td>'

    def _findings(self, heading: str, findings) -> str:
        parts = [f"<h3>{escape(heading)}</h3>"]
        if not findings:
            return parts[0] + f"<p>{escape(self.tr('None.'))}</p>"
        parts.append("<ul>")
        for finding in findings:
            parts.append(f"<li>{level_chip(finding.severity)} {escape(finding.title)}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def render(self, comparison) -> str:
        tr = self.tr
        shade = self.palette().color(QPalette.ColorRole.AlternateBase).name()
        parts: list[str] = ['<table width="100%" cellspacing="0" cellpadding="4"><tr>']
        parts.append(self._side_cell(tr("This assessment"), comparison.first))
        parts.append(self._side_cell(tr("Compared with"), comparison.second))
        parts.append("</tr></table>")

        changed = sum(1 for row in comparison.levels if row.changed)
        findings = len(comparison.only_first) + len(comparison.only_second)
        jumps = (
            ("levels", counted(changed, tr("%d level differs"), tr("%d levels differ"))),
            (
                "findings",
                counted(findings, tr("%d finding in only one"), tr("%d findings in only one")),
            ),
            (
                "answers",
                counted(
                    len(comparison.answers),
                    tr("%d question answered differently"),
                    tr("%d questions answered differently"),
                ),
            ),
        )
        parts.append(
            f"<p>{escape(tr('Go to:'))} "
            + " · ".join(f'<a href="#{name}">{escape(text)}</a>' for name, text in jumps)
            + "</p>"
        )
        heading = tr("Levels (%d of %d differ)") % (changed, len(comparison.levels))
        parts.append(f'<a name="levels"></a><h3>{escape(heading)}</h3>')
        parts.append('<table cellspacing="0" cellpadding="4">')
        parts.append(self._heading_row(tr("Part"), comparison))
        parts.append(f'<th align="left">{escape(tr("Difference"))}</th></tr>')
        for row in comparison.levels:
            title = tr("Overall") if row.kind == "overall" else row.title
            title = escape(title)
            if row.kind == "dimension":
                title = "&nbsp;&nbsp;&nbsp;&nbsp;" + title
            else:
                title = f"<b>{title}</b>"
            marked = f' bgcolor="{shade}"' if row.changed else ""
            verdict = f"<b>{escape(tr('Differs'))}</b>" if row.changed else escape(tr("Same"))
            parts.append(
                f"<tr{marked}><td>{title}</td><td>{self._level(row.first)}</td>"
                f"<td>{self._level(row.second)}</td><td>{verdict}</td></tr>"
            )
        parts.append("</table>")

        only_first, only_second = comparison.only_first, comparison.only_second
        heading = tr("Findings only in this assessment (%d)") % len(only_first)
        parts.append('<a name="findings"></a>' + self._findings(heading, only_first))
        heading = tr("Findings only in the other assessment, %s (%d)") % (
            self.person(comparison.second),
            len(only_second),
        )
        parts.append(self._findings(heading, only_second))
        heading = tr("Findings in both (%d)") % len(comparison.in_both)
        parts.append(self._findings(heading, comparison.in_both))

        heading = tr("Questions answered differently (%d)") % len(comparison.answers)
        parts.append(f'<a name="answers"></a><h3>{escape(heading)}</h3>')
        if not comparison.answers:
            parts.append(f"<p>{escape(tr('Every question is answered the same way.'))}</p>")
        else:
            parts.append(f"<p>{escape(tr('Each question opens in this assessment.'))}</p>")
            parts.append('<table width="100%" cellspacing="0" cellpadding="4">')
            parts.append(self._heading_row(tr("Question"), comparison) + "</tr>")
            state = self.controller.state
            for number, item in enumerate(comparison.answers):
                questionnaire = state.questionnaire(item.questionnaire_id) if state else None
                where = f"{questionnaire.title if questionnaire else item.questionnaire_id} › "
                link = question_link(item.questionnaire_id, item.question_id)
                marked = f' bgcolor="{shade}"' if number % 2 else ""
                parts.append(
                    f'<tr{marked}><td valign="top" width="40%"><small>'
                    f"{escape(where + item.section)}</small><br>"
                    f'<a href="{escape(link)}">{escape(item.question)}</a></td>'
                    f"{self._answer(item.first, item.first_comment)}"
                    f"{self._answer(item.second, item.second_comment)}</tr>"
                )
            parts.append("</table>")
        if comparison.unmatched:
            note = tr("Used by only one of the two, so not compared: %s")
            parts.append(f"<p>{escape(note % '; '.join(comparison.unmatched))}</p>")
        return "".join(parts)
