"""The results of a search across everything: one row per place found — the case's number
and title, then what matched and the words around it ("journal 03.12: … skolen …"), the
matched words in bold."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from app.services.search.search import SearchHit, Source
from app.ui.common.noop import QT_TRANSLATE_NOOP

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

_CONTEXT = "SearchResults"
# What matched, as the second line names it (small letters: it starts a phrase).
SOURCE_LABELS: dict[Source, str] = {
    Source.CASE: QT_TRANSLATE_NOOP("SearchResults", "case"),
    Source.CPR: QT_TRANSLATE_NOOP("SearchResults", "CPR"),
    Source.PERSON: QT_TRANSLATE_NOOP("SearchResults", "name"),
    Source.ADDRESS: QT_TRANSLATE_NOOP("SearchResults", "address"),
    Source.PROFESSIONAL: QT_TRANSLATE_NOOP("SearchResults", "professional"),
    Source.AGREEMENT: QT_TRANSLATE_NOOP("SearchResults", "agreement"),
    Source.GOAL: QT_TRANSLATE_NOOP("SearchResults", "goal"),
    Source.JOURNAL: QT_TRANSLATE_NOOP("SearchResults", "journal"),
    Source.TASK: QT_TRANSLATE_NOOP("SearchResults", "task"),
    Source.DOCUMENT: QT_TRANSLATE_NOOP("SearchResults", "document"),
}


def source_label(source: Source) -> str:
    return QApplication.translate(_CONTEXT, SOURCE_LABELS[source])


def short_day(day: date, today: date) -> str:
    """03.12 this year, 03.12.2025 another."""
    return f"{day:%d.%m}" if day.year == today.year else f"{day:%d.%m.%Y}"


def heading(hit: SearchHit) -> str:
    return f"{hit.case_number} · {hit.case_title}"


def match_line(hit: SearchHit, today: date) -> str:
    """journal 03.12: … skolen …"""
    label = source_label(hit.source)
    if hit.day is not None:
        label = f"{label} {short_day(hit.day, today)}"
    return f"{label}: {hit.snippet}"


def _marked(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    out, at = [], 0
    for start, end in sorted(marks):
        if start < at:
            continue
        out += [html.escape(text[at:start]), "<b>", html.escape(text[start:end]), "</b>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def row_html(hit: SearchHit, today: date) -> str:
    prefix = match_line(hit, today)[: -len(hit.snippet)] if hit.snippet else match_line(hit, today)
    return (
        f"<div><b>{html.escape(heading(hit))}</b></div>"
        f"<div>{html.escape(prefix)}{_marked(hit.snippet, hit.marks)}</div>"
    )


class HitModel(QAbstractListModel):
    """The results shown, in the service's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.today = date.min

    def show(self, hits: list[SearchHit], today: date) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.today = today
        self.endResetModel()

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{heading(hit)}\n{match_line(hit, self.today)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return match_line(hit, self.today)
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return row_html(hit, self.today)
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a result's two lines as rich text (the matched words in bold)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width()
        document.setTextWidth(width if width > 0 else 480)
        return document

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_free = QStyleOptionViewItem(option)
        text_free.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group))
        painter.save()
        painter.translate(option.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


def no_results_text(criterion: str) -> str:
    return QApplication.translate(
        "SearchResults",
        "No results for '%1' in names, CPR, case numbers, addresses, professionals, agreements, goals, "
        "journal, tasks and document titles",
    ).replace("%1", criterion)


def more_text(shown: int) -> str:
    return QApplication.translate(
        "SearchResults", "The first %1 results. Write more words to find fewer."
    ).replace("%1", str(shown))
