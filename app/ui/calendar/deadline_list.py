"""The calendar's deadlines, grouped and counted: "Over tid (3)", "Denne uge (2)", "Senere (5)"
(app.services.cases.deadline_groups). Only the overdue group's heading is marked as late; the
lines read in the normal text colour, so the list is not a wall of red."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget
from typing_extensions import override

from app.services.cases.deadline_groups import DueGroup, group_deadlines
from app.services.cases.deadlines import Deadline
from app.ui.common.colours import Tone, tone
from app.ui.common.formatting import format_date
from app.ui.common.labels import deadline_title
from app.ui.common.noop import QT_TRANSLATE_NOOP

GROUP_TITLES = {
    DueGroup.OVERDUE: QT_TRANSLATE_NOOP("DeadlineList", "Overdue (%1)"),
    DueGroup.THIS_WEEK: QT_TRANSLATE_NOOP("DeadlineList", "This week (%1)"),
    DueGroup.LATER: QT_TRANSLATE_NOOP("DeadlineList", "Later (%1)"),
}
COLLAPSE_ABOVE = 8  # a longer overdue group starts folded: its heading says how many


def line_text(deadline: Deadline) -> str:
    """Two lines: when and which case, then what (a narrow list cuts the second, never the date)."""
    what = f"{deadline_title(deadline)} ({deadline.detail})" if deadline.detail else deadline_title(deadline)
    return f"{format_date(deadline.due)} · {deadline.case_number}\n{what}"


class DeadlineList(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineList")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setIndentation(12)
        # One column as wide as the list: a long line wraps instead of being cut.
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width (wrapped lines)

    def show_deadlines(self, deadlines: Sequence[Deadline], today: date) -> None:
        self.clear()
        groups = group_deadlines(deadlines, today)
        for group in groups:
            title = QCoreApplication.translate("DeadlineList", GROUP_TITLES[group.group])
            heading = QTreeWidgetItem(self, [title.replace("%1", str(len(group.deadlines)))])
            heading.setData(0, Qt.ItemDataRole.UserRole, group.group.value)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            if group.group == DueGroup.OVERDUE:
                heading.setForeground(0, QBrush(self._late()))
            for deadline in group.deadlines:
                text = line_text(deadline)
                line = QTreeWidgetItem(heading, [text])
                line.setToolTip(
                    0, f"{text}\n{deadline.source or deadline.law_reference}".strip()
                )  # all of it
            heading.setExpanded(group.group != DueGroup.OVERDUE or len(group.deadlines) <= COLLAPSE_ABOVE)
        if not groups:
            empty = QTreeWidgetItem(self, [self.tr("No deadlines in the next 30 days.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _late(self) -> QColor:
        return tone(Tone.ERROR, self.palette().color(QPalette.ColorRole.Base))
