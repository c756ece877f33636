"""Guidance for the focused question: what a good answer looks like, and its source."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget


class GuidancePanel(QTextBrowser):
    """Shows a question's ``help`` and ``source`` (and its options' help)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guidance")
        self.setAccessibleName(self.tr("Guidance for the focused question"))
        self.setOpenExternalLinks(True)
        self.show_question(None)

    def show_question(
        self, question, dimension_title: str | None = None, stage: str | None = None
    ) -> None:
        """Show guidance for ``question`` (None: a hint to focus one)."""
        if question is None:
            title = escape(self.tr("Guidance"))
            hint = escape(
                self.tr(
                    "Move to a question to see what a good answer looks like "
                    "and where the question comes from."
                )
            )
            self.setHtml(f"<p><b>{title}</b></p><p>{hint}</p>")
            return
        parts = [f"<p><b>{escape(self.tr('Guidance'))}</b></p>"]
        parts.append(f"<p><i>{escape(question.text_in(stage))}</i></p>")
        if question.help_in(stage):
            parts.append(f"<p>{escape(question.help_in(stage))}</p>")
        else:
            parts.append(f"<p>{escape(self.tr('This question has no guidance.'))}</p>")
        helped = [option for option in question.options if option.help]
        if helped:
            parts.append("<ul>")
            parts += [f"<li><b>{escape(o.label)}</b>: {escape(o.help)}</li>" for o in helped]
            parts.append("</ul>")
        if question.source:
            parts.append(f"<p><b>{escape(self.tr('Source'))}:</b> {escape(question.source)}</p>")
        if question.role != "info" and dimension_title:
            role = (
                self.tr("adds to risk") if question.role == "risk" else self.tr("shows protection")
            )
            counts = self.tr("Counts toward %s (%s).") % (dimension_title, role)
            parts.append(f"<p>{escape(counts)}</p>")
        self.setHtml("".join(parts))
