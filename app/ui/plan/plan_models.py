"""The plan's goals and agreements as item models: the editor's content, edited in place.

Each model holds the draft's rows as plain data (``GoalInput``, ``AgreementInput``); the
editor reads them back as they are (no cell is parsed), and ``edited`` says the user changed
something (a reload does not). The edit role carries plain text for the delegates: a
choice's key, an ISO date or "".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from typing_extensions import override

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, ResponsibleKind
from app.services.plan.plan_document import ScorePoint
from app.services.plan.plan_draft import AgreementInput, GoalInput
from app.services.plan.plans import new_agreement_key
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.plan.member_picker import members_key, parse_members
from app.ui.plan.plan_delegates import LEVEL_ROLE

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's stable key (goal key, agreement key)
DEPTH = {GoalLevel.OVERALL: 0, GoalLevel.SUB: 1, GoalLevel.PROGRESSION: 2}
Row = TypeVar("Row", GoalInput, AgreementInput)


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def who_key(kind: ResponsibleKind | None, rid: int | None) -> str:
    """The responsible as one text key ("kind:id"; "" for no one)."""
    return f"{kind.value}:{rid}" if kind is not None and rid is not None else ""


def parse_who(key: str) -> tuple[ResponsibleKind | None, int | None]:
    kind, _, rid = key.partition(":")
    return (ResponsibleKind(kind), int(rid)) if kind and rid else (None, None)


class RowModel(QAbstractTableModel, Generic[Row]):
    """Rows of plain data in a table: counts, headers, flags and the ``edited`` signal."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.read_only = False

    def headers(self) -> list[str]:
        raise NotImplementedError

    def editable_columns(self) -> set[int]:
        return set(range(len(self.headers())))

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return super().headerData(section, orientation, role)

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() in self.editable_columns():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def set_rows(self, rows: list[Row], read_only: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.read_only = read_only
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def insert(self, row: int, value: Row) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, value)
        self.endInsertRows()
        self.edited.emit()

    def remove_rows(self, rows: set[int]) -> None:
        for row in sorted(rows, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
        if rows:
            self.edited.emit()

    def change(self, row: int, value: Row) -> None:
        """Replace one row (the user changed it)."""
        if self.rows[row] == value:
            return
        self.rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()


class GoalColumn(IntEnum):
    TEXT = 0
    CONCERNS = 1
    BY = 2
    STATUS = 3
    SCORE = 4


class GoalModel(RowModel[GoalInput]):
    """The plan's goals, each under its parent (overall → sub-goal → progression goal)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.members: dict[int, str] = {}  # in the family's order: the name shown (first name)
        self.full_names: dict[int, str] = {}  # the name in the tooltip (else the one shown)
        self.scores: dict[str, tuple[ScorePoint, ...]] = {}

    @override
    def headers(self) -> list[str]:
        return [
            self.tr("Goal"),
            self.tr("Concerns"),
            self.tr("By"),
            self.tr("Status"),
            self.tr("Latest score"),
        ]

    @override
    def editable_columns(self) -> set[int]:
        return {GoalColumn.TEXT, GoalColumn.CONCERNS, GoalColumn.BY, GoalColumn.STATUS}

    def set_scores(self, scores: dict[str, tuple[ScorePoint, ...]]) -> None:
        self.scores = scores
        if self.rows:
            self.dataChanged.emit(
                self.index(0, GoalColumn.SCORE), self.index(len(self.rows) - 1, GoalColumn.SCORE)
            )

    def row_of(self, key: str | None) -> int:
        return next((row for row, goal in enumerate(self.rows) if goal.goal_key == key), -1)

    def member_choices(self) -> list[tuple[int, str]]:
        """The members a goal can concern, in the family's order (full names)."""
        return [(cid, self.full_names.get(cid) or name) for cid, name in self.members.items()]

    def concerns(self, goal: GoalInput, names: dict[int, str]) -> str:
        """Whom the goal concerns: "Oliver, Freja" in the family's order; a member no longer
        in the family as "?"."""
        if not goal.member_ids:
            return self.tr("The whole family")
        order = {cid: i for i, cid in enumerate(self.members)}
        ordered = sorted(goal.member_ids, key=lambda c: (order.get(c, len(order)), c))
        return ", ".join(names.get(c) or self.members.get(c) or "?" for c in ordered)

    def _latest(self, goal: GoalInput) -> str:
        series = self.scores.get(goal.goal_key, ())
        if not series:
            return ""
        last = series[-1]
        return (
            self.tr("family %1 · professionals %2")
            .replace("%1", "–" if last.family_score is None else str(last.family_score))
            .replace("%2", "–" if last.professional_score is None else str(last.professional_score))
        )

    def _shown(self, goal: GoalInput, column: int) -> str:
        if column == GoalColumn.TEXT:
            return goal.text
        if column == GoalColumn.CONCERNS:
            return self.concerns(goal, self.members)
        if column == GoalColumn.BY:
            return format_date(goal.target_date)
        if column == GoalColumn.STATUS:
            return label(goal.status)
        return self._latest(goal)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self.row_at(index.row()) if index.isValid() else None
        if goal is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == GoalColumn.CONCERNS:
            return self.concerns(goal, self.full_names)  # the whole list, as the cell may elide it
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._shown(goal, column)
        if role == Qt.ItemDataRole.EditRole:
            values = {
                GoalColumn.TEXT: goal.text,
                GoalColumn.CONCERNS: members_key(goal.member_ids),
                GoalColumn.BY: goal.target_date.isoformat() if goal.target_date else "",
                GoalColumn.STATUS: goal.status.value,
            }
            return values.get(GoalColumn(column), self._latest(goal))
        if role == Qt.ItemDataRole.FontRole and column == GoalColumn.TEXT and goal.level == GoalLevel.OVERALL:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == KEY_ROLE:
            return goal.goal_key
        if role == LEVEL_ROLE:
            return DEPTH[goal.level] if column == GoalColumn.TEXT else 0
        return None

    @override
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        goal = self.row_at(index.row()) if index.isValid() else None
        if goal is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        column, text = index.column(), str(value or "")
        if column == GoalColumn.TEXT:
            if not text.strip():
                return False  # a goal keeps its words: clearing them is refused, not stored
            goal = replace(goal, text=text)
        elif column == GoalColumn.CONCERNS:
            try:
                goal = replace(goal, member_ids=parse_members(text))
            except ValueError:
                return False
        elif column == GoalColumn.BY:
            goal = replace(goal, target_date=_day(text))
        elif column == GoalColumn.STATUS:
            goal = replace(goal, status=GoalStatus(text))
        else:
            return False
        self.change(index.row(), goal)
        return True


class AgreementColumn(IntEnum):
    WHAT = 0
    WHO = 1
    DUE = 2
    STATUS = 3


class AgreementModel(RowModel[AgreementInput]):
    """The plan's agreements: what, who, by when, status. A new row gets its stable key at
    once, so a merge and the minutes know it by the key, not by its place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[tuple[ResponsibleKind, int], str] = {}  # who can be responsible
        self.members: dict[int, str] = {}
        self.coordinator = ""  # the case's coordinator's name
        self.partner = ""  # the case's partner caseworker's name ("" when it has none)
        self.former: dict[str, str] = {}  # who-keys of people no longer in the network: names

    @override
    def headers(self) -> list[str]:
        return [self.tr("What"), self.tr("Who"), self.tr("By when"), self.tr("Status")]

    def who_choices(self) -> list[tuple[str, str]]:
        """Members, then the professionals, then the coordinator and the partner caseworker,
        as the drop-down offers them."""
        choices = [(self.tr("(choose)"), "")]
        choices += [(name, who_key(ResponsibleKind.MEMBER, cid)) for cid, name in self.members.items()]
        professionals = [
            (key, name) for key, name in self.names.items() if key[0] == ResponsibleKind.PROFESSIONAL
        ]
        choices += [(name, who_key(*key)) for key, name in sorted(professionals, key=lambda kv: kv[1])]
        caseworkers = [(k, n) for k, n in self.names.items() if k[0] == ResponsibleKind.COORDINATOR]
        for key, name in caseworkers:
            if name == self.coordinator:
                choices.append((self.tr("%1 (coordinator)").replace("%1", name), who_key(*key)))
        for key, name in caseworkers:
            if self.partner and name == self.partner and name != self.coordinator:
                # "Anna calls the school by Friday": the task made of it is Anna's
                choices.append((self.tr("%1 (partner caseworker)").replace("%1", name), who_key(*key)))
        return choices

    def status_choices(self) -> list[tuple[str, str]]:
        return [(label(status), status.value) for status in AgreementStatus]

    def who_name(self, agreement: AgreementInput) -> str:
        kind, rid = agreement.responsible_kind, agreement.responsible_id
        if kind is None or rid is None:
            return ""
        if kind == ResponsibleKind.MEMBER and rid in self.members:
            return self.members[rid]
        return self.names.get((kind, rid)) or self.former.get(who_key(kind, rid), "?")

    def add(self) -> int:
        """A new, empty agreement at the end; returns its row."""
        row = len(self.rows)
        self.insert(row, AgreementInput("", agreement_key=new_agreement_key()))
        return row

    def agreements(self) -> list[AgreementInput]:
        """The agreements to store: rows with words or someone responsible."""
        return [a for a in self.rows if a.what.strip() or a.responsible_kind]

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        agreement = self.row_at(index.row()) if index.isValid() else None
        if agreement is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = {
                AgreementColumn.WHAT: agreement.what,
                AgreementColumn.WHO: self.who_name(agreement),
                AgreementColumn.DUE: format_date(agreement.due_date),
                AgreementColumn.STATUS: label(agreement.status),
            }
            return shown[AgreementColumn(column)]
        if role == Qt.ItemDataRole.EditRole:
            values = {
                AgreementColumn.WHAT: agreement.what,
                AgreementColumn.WHO: who_key(agreement.responsible_kind, agreement.responsible_id),
                AgreementColumn.DUE: agreement.due_date.isoformat() if agreement.due_date else "",
                AgreementColumn.STATUS: agreement.status.value,
            }
            return values[AgreementColumn(column)]
        if role == KEY_ROLE:
            return agreement.agreement_key
        return None

    @override
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        agreement = self.row_at(index.row()) if index.isValid() else None
        if agreement is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        column, text = index.column(), str(value or "")
        if column == AgreementColumn.WHAT:
            agreement = replace(agreement, what=text)
        elif column == AgreementColumn.WHO:
            kind, rid = parse_who(text)
            agreement = replace(agreement, responsible_kind=kind, responsible_id=rid)
        elif column == AgreementColumn.DUE:
            agreement = replace(agreement, due_date=_day(text))
        elif column == AgreementColumn.STATUS:
            agreement = replace(agreement, status=AgreementStatus(text))
        else:
            return False
        self.change(index.row(), agreement)
        return True
