"""The main window's navigation: a page per line, each with an icon and, where it helps, a
count from the caseworker's day — "Min dag · 3 over tid", "Sager · 34", "Kalender · 2 i dag".

The counts come from "Min dag" (app.services.day.my_day.MyDay), read at the start and again
whenever the day page reads; before that the lines show their names only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.services.day.my_day import MyDay
from app.ui.common.design import SPACE_S, icon
from app.ui.common.noop import QT_TRANSLATE_NOOP

PAGE_DAY, PAGE_CASES, PAGE_FAMILY, PAGE_PLAN, PAGE_CALENDAR = range(5)
PAGES = (
    (QT_TRANSLATE_NOOP("MainWindow", "My day"), "sun", ""),
    (QT_TRANSLATE_NOOP("MainWindow", "Cases"), "briefcase", ""),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Family"),
        "users",
        QT_TRANSLATE_NOOP("MainWindow", "Open a case first."),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Plan"),
        "file-text",
        QT_TRANSLATE_NOOP("MainWindow", "Open a case first."),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "Calendar"), "calendar", ""),
)
NAME_ROLE = Qt.ItemDataRole.UserRole


def overdue_count(day: MyDay) -> int:
    """Tasks, deadlines and agreements of the caseworker's day that are past their date."""
    lines = (
        [t.overdue for t in day.tasks]
        + [d.overdue for d in day.deadlines]
        + [a.overdue for a in day.agreements]
    )
    return sum(1 for late in lines if late)


class Navigation(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(20, 20))
        self.setSpacing(2)
        self.setFixedWidth(190)
        for name, icon_name, tip in PAGES:
            text = QCoreApplication.translate("MainWindow", name)
            item = QListWidgetItem(icon(icon_name, self), text, self)
            item.setData(NAME_ROLE, text)
            item.setToolTip(QCoreApplication.translate("MainWindow", tip) if tip else "")
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 2 * SPACE_S))
        self.setAccessibleName(self.tr("Navigation"))

    def _count(self, row: int, count: str, spoken: str) -> None:
        item = self.item(row)
        name = str(item.data(NAME_ROLE))
        item.setText(f"{name} · {count}" if count else name)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {spoken}" if spoken else name)

    def show_counts(self, day: MyDay) -> None:
        """The day's figures beside the pages they belong to."""
        late = overdue_count(day)
        shown = self.tr("%1 overdue").replace("%1", str(late)) if late else ""
        self._count(PAGE_DAY, shown, self.tr("%n overdue", "", late) if late else "")
        self.item(PAGE_DAY).setToolTip(
            self.tr("%n task(s), deadline(s) or agreement(s) past their date", "", late) if late else ""
        )
        cases = day.caseload.coordinating + day.caseload.partner
        self._count(PAGE_CASES, str(cases), self.tr("%n open case(s)", "", cases))
        today = len(day.meetings_today)
        shown = self.tr("%1 today").replace("%1", str(today)) if today else ""
        self._count(PAGE_CALENDAR, shown, self.tr("%n meeting(s) today", "", today) if today else "")
