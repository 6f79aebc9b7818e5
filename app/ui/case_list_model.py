"""Item model for the case list: ids and rows fetched a page at a time from SQL.

Sorting, filtering and paging happen in the query (services.case_list); ``data()``
only reads rows already fetched. No QSortFilterProxyModel over Python rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from typing_extensions import override

from app.services.case_list import (
    PAGE_SIZE,
    CaseListQuery,
    CaseRow,
    Scope,
    SortKey,
    count_cases,
    fetch_case_rows,
)
from app.services.clock import now_utc, to_local
from app.services.context import AppContext
from app.ui.formatting import format_date, format_datetime, week_label
from app.ui.labels import label

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[SortKey, ...] = (
    SortKey.NUMBER,
    SortKey.TITLE,
    SortKey.CPR,
    SortKey.COORDINATOR,
    SortKey.MODEL,
    SortKey.STATUS,
    SortKey.NEXT_MEETING,
    SortKey.FOLLOW_UP_DUE,
    SortKey.OPEN_AGREEMENTS,
    SortKey.FLAGS,
)
HEADERS: dict[SortKey, str] = {
    SortKey.NUMBER: QT_TRANSLATE_NOOP("CaseListModel", "Case no."),
    SortKey.TITLE: QT_TRANSLATE_NOOP("CaseListModel", "Family or citizen"),
    SortKey.CPR: QT_TRANSLATE_NOOP("CaseListModel", "CPR"),
    SortKey.COORDINATOR: QT_TRANSLATE_NOOP("CaseListModel", "Coordinator"),
    SortKey.MODEL: QT_TRANSLATE_NOOP("CaseListModel", "Model"),
    SortKey.STATUS: QT_TRANSLATE_NOOP("CaseListModel", "Status"),
    SortKey.NEXT_MEETING: QT_TRANSLATE_NOOP("CaseListModel", "Next meeting"),
    SortKey.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("CaseListModel", "Follow-up due"),
    SortKey.OPEN_AGREEMENTS: QT_TRANSLATE_NOOP("CaseListModel", "Open agreements"),
    SortKey.FLAGS: QT_TRANSLATE_NOOP("CaseListModel", "Flags"),
}
OVERDUE = QColor("#b3261e")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_OTHER_ROLES = frozenset(
    {
        CASE_ID_ROLE,
        SORT_KEY_ROLE,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
FLAG_OVERDUE = QT_TRANSLATE_NOOP("CaseListModel", "Follow-up overdue")
FLAG_TURNING_18 = QT_TRANSLATE_NOOP("CaseListModel", "Turns 18 within 12 months")
CPR_MASKED_TIP = QT_TRANSLATE_NOOP("CaseListModel", "CPR numbers are masked in lists.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseListModel", text)


def flag_texts(row: CaseRow) -> list[str]:
    flags = []
    if row.follow_up_overdue:
        flags.append(_tr(FLAG_OVERDUE))
    if row.turning_18:
        flags.append(_tr(FLAG_TURNING_18))
    return flags


class CaseListModel(QAbstractTableModel):
    """Rows of the case list. Call ``reload()`` after changing the query."""

    reloaded = Signal(int)  # total number of matching cases

    def __init__(
        self,
        context: AppContext,
        parent: Any = None,
        page_size: int = PAGE_SIZE,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._page_size = page_size
        self._clock = clock or now_utc
        now = self._clock()
        self._query = CaseListQuery(
            today=to_local(now).date(), now=now, scope=Scope.MINE, user_id=context.user.id
        )
        self._rows: list[CaseRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # display texts per row, made on first paint
        self._total = 0
        self._overdue_brush = QBrush(OVERDUE)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- query ------------------------------------------------------------------
    @property
    def query(self) -> CaseListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self._query = replace(self._query, search=text)
            self.reload()

    def set_scope(self, scope: Scope) -> None:
        if scope != self._query.scope:
            self._query = replace(self._query, scope=scope)
            self.reload()

    def reload(self) -> None:
        now = self._clock()
        self._query = replace(self._query, today=to_local(now).date(), now=now)
        with self._context.sessions() as session:
            total = count_cases(session, self._query)
            rows = fetch_case_rows(session, self._query, 0, self._page_size)
        self.beginResetModel()
        self._total = total
        self._rows = rows
        self._texts = [None] * len(rows)
        self.endResetModel()
        self.reloaded.emit(total)

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of_case(self, case_id: int) -> int | None:
        for index, row in enumerate(self._rows):
            if row.id == case_id:
                return index
        return None

    # -- Qt model interface -----------------------------------------------------
    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    @override
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        with self._context.sessions() as session:
            more = fetch_case_rows(session, self._query, len(self._rows), self._page_size)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self._texts.extend([None] * len(more))
        self.endInsertRows()

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _tr(HEADERS[COLUMNS[section]])
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._query = replace(
            self._query,
            sort=COLUMNS[column],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.reload()

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called thousands of times per paint: texts are prepared when rows are fetched.
        row_number = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            if not 0 <= row_number < len(self._texts):
                return None
            texts = self._texts[row_number]
            if texts is None:  # formatted the first time the row is painted
                texts = self._texts[row_number] = self._texts_of(self._rows[row_number])
            return texts[index.column()]
        if role not in _OTHER_ROLES or not 0 <= row_number < len(self._rows):
            return None
        row = self._rows[row_number]
        key = COLUMNS[index.column()]
        if role == CASE_ID_ROLE:
            return row.id
        if role == SORT_KEY_ROLE:
            return key.value
        overdue = row.follow_up_overdue
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._overdue_brush if overdue and key in (SortKey.FOLLOW_UP_DUE, SortKey.FLAGS) else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if overdue and key == SortKey.FOLLOW_UP_DUE else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key == SortKey.OPEN_AGREEMENTS else None
        # ToolTipRole
        if key == SortKey.NEXT_MEETING and row.next_meeting is not None:
            return week_label(to_local(row.next_meeting).date())
        if key == SortKey.FOLLOW_UP_DUE and overdue:
            return _tr(FLAG_OVERDUE)
        if key == SortKey.CPR:
            return _tr(CPR_MASKED_TIP)
        return None

    def _texts_of(self, row: CaseRow) -> tuple[str, ...]:
        return tuple(self._display(row, key) for key in COLUMNS)

    @staticmethod
    def _display(row: CaseRow, key: SortKey) -> str:
        match key:
            case SortKey.NUMBER:
                return row.number
            case SortKey.TITLE:
                return row.title
            case SortKey.CPR:
                return row.cpr_masked
            case SortKey.COORDINATOR:
                return row.coordinator
            case SortKey.MODEL:
                return label(row.model)
            case SortKey.STATUS:
                return label(row.status)
            case SortKey.NEXT_MEETING:
                return format_datetime(row.next_meeting)
            case SortKey.FOLLOW_UP_DUE:
                return format_date(row.follow_up_due)
            case SortKey.OPEN_AGREEMENTS:
                return str(row.open_agreements) if row.open_agreements else ""
            case SortKey.FLAGS:
                return "; ".join(flag_texts(row))
        return ""
