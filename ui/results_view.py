"""Results: the levels with a chart, the findings and why they fired, what to do, and the
required questions still unanswered. Every quoted answer links back to its question."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ui.level_widgets import ScoreBar
from ui.levels import level_fill, level_name, score_words, text_on

LINK_SCHEME = "question"


def question_link(questionnaire_id: str, question_id: str) -> str:
    """The in-window link to a question."""
    return f"{LINK_SCHEME}:{questionnaire_id}/{question_id}"


def question_of_link(url: QUrl) -> tuple[str, str] | None:
    """The questionnaire and question ids of an in-window link, or None for another link."""
    if url.scheme() != LINK_SCHEME:
        return None
    questionnaire_id, _, question_id = url.path().partition("/")
    if questionnaire_id and question_id:
        return questionnaire_id, question_id
    return None


def level_chip(level: str | None, text: str | None = None) -> str:
    """A level (or ``text``) in HTML, on its level's fill: the colour never stands alone."""
    fill = level_fill(level)
    ink = text_on(fill)
    words = escape(text or level_name(level))
    return (
        f'<span style="background-color:{fill.name()}; color:{ink.name()};">'
        f"&nbsp;{words}&nbsp;</span>"
    )


class ResultsChart(QWidget):
    """A bar per questionnaire and one for the overall result, each with its level named."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results_chart")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(6)

    def show_result(self, result) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        rows = [(self.tr("Overall"), result.overall, True)]
        rows += [(q.title, q.result, False) for q in result.questionnaires]
        for row, (title, score, bold) in enumerate(rows):
            label = QLabel(title, self)
            if bold:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            bar = ScoreBar(self)
            bar.setMinimumHeight(16)
            bar.set_score(score.level, score.score)
            bar.setAccessibleName(f"{title}: {score_words(score.level, score.score)}")
            words = QLabel(score_words(score.level, score.score), self)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(words, row, 2)


class ResultsView(QWidget):
    """Emits ``question_activated(questionnaire_id, question_id)`` when a link is followed."""

    question_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results")
        layout = QVBoxLayout(self)
        self.chart = ResultsChart(self)
        layout.addWidget(self.chart)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("results_text")
        self.browser.setAccessibleName(self.tr("Findings, recommendations and missing answers"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        layout.addWidget(self.browser, 1)
        self._anchors: dict[tuple[str, str], str] = {}

    def show_result(self, result, state=None) -> None:
        """Render an ``AssessmentResult``."""
        self.chart.show_result(result)
        self.browser.setHtml(self.render(result))

    def scroll_to_finding(self, questionnaire_id: str, finding_id: str) -> None:
        self.browser.scrollToAnchor(f"finding-{questionnaire_id}-{finding_id}")

    def render(self, result) -> str:
        tr = self.tr
        parts: list[str] = []
        overall = result.overall
        parts.append(f"<h2>{escape(tr('Overall result'))}: {level_chip(overall.level)}</h2>")
        summary = tr("%d of %d shown questions answered.") % (result.answered, result.shown)
        if overall.score is not None:
            summary = tr("Score %s out of 100. ") % f"{overall.score:.0f}" + summary
        if overall.forced_by:
            summary += " " + tr("Raised to this level by the findings: %s.") % "; ".join(
                finding.title for finding in overall.forced_by
            )
        progress = result.progress
        if progress.provisional:
            summary += " " + tr(
                "Every level is provisional: %d of %d questions the levels rest on are answered."
            ) % (progress.answered, progress.expected)
        parts.append(f"<p>{escape(summary)}</p>")
        if overall.reasons:
            parts.append(f"<p><b>{escape(tr('How'))}:</b> {escape(overall.explanation())}.</p>")

        parts.append(f"<h3>{escape(tr('Levels by questionnaire and dimension'))}</h3>")
        parts.append('<table cellspacing="0" cellpadding="3">')
        for questionnaire in result.questionnaires:
            score = questionnaire.result
            parts.append(
                f"<tr><td><b>{escape(questionnaire.title)}</b>&nbsp;&nbsp;</td>"
                f"<td>{level_chip(score.level, score_words(score.level, score.score))}</td></tr>"
            )
            for dimension in questionnaire.dimensions:
                item = dimension.result
                parts.append(
                    f"<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;{escape(dimension.title)}</td>"
                    f"<td>{level_chip(item.level, score_words(item.level, item.score))}</td></tr>"
                )
        parts.append("</table>")

        parts.append(f"<h3>{escape(tr('Findings (%d)') % len(result.findings))}</h3>")
        if not result.findings:
            parts.append(f"<p>{escape(tr('No rule has fired on the answers given so far.'))}</p>")
        for finding in result.findings:
            anchor = f"finding-{finding.questionnaire_id}-{finding.id}"
            parts.append(
                f'<a name="{escape(anchor)}"></a><h4>{level_chip(finding.severity)} '
                f"{escape(finding.title)}</h4>"
            )
            parts.append(f"<p>{escape(finding.explanation)}</p>")
            if finding.severity_reason:
                parts.append(
                    f"<p><b>{escape(tr('Why this severity'))}:</b> "
                    f"{escape(finding.severity_reason)}</p>"
                )
            if finding.because:
                parts.append(f"<p><b>{escape(tr('Why'))}:</b> {escape(finding.rule)}</p><ul>")
                for citation in finding.because:
                    link = question_link(citation.questionnaire_id, citation.question_id)
                    parts.append(
                        f'<li><a href="{escape(link)}">{escape(citation.question)}</a> '
                        f"→ <b>{escape(citation.answer)}</b></li>"
                    )
                parts.append("</ul>")
            parts.append(
                f"<p><b>{escape(tr('What to do'))}:</b> {escape(finding.recommendation)}</p>"
            )
            parts.append(f"<p><small>{escape(tr('Source'))}: {escape(finding.source)}</small></p>")

        recommendations = [f for f in result.findings]
        if recommendations:
            parts.append(f"<h3>{escape(tr('Recommendations, most serious first'))}</h3><ol>")
            for finding in recommendations:
                parts.append(f"<li>{escape(finding.recommendation)}</li>")
            parts.append("</ol>")

        parts.append(
            f"<h3>{escape(tr('Required questions not answered (%d)') % len(result.unanswered))}"
            "</h3>"
        )
        if not result.unanswered:
            parts.append(f"<p>{escape(tr('Every required question shown is answered.'))}</p>")
        else:
            parts.append("<ul>")
            for item in result.unanswered:
                link = question_link(item.questionnaire_id, item.question_id)
                parts.append(
                    f'<li>{escape(item.section)}: <a href="{escape(link)}">'
                    f"{escape(item.question)}</a></li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    def _link(self, url: QUrl) -> None:
        question = question_of_link(url)
        if question is not None:
            self.question_activated.emit(*question)
