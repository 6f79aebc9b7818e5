"""The plan's goals: overall goals, sub-goals and progression goals, edited in the table or
through the goal dialog, with the chosen goal's progression scores as a chart."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import GoalLevel, GoalStatus
from app.services.cases.case_summary import MemberSummary
from app.services.plan.plan_document import ScorePoint
from app.services.plan.plan_draft import GoalInput, new_goal_key
from app.ui.common.labels import label
from app.ui.common.list_alternative import ListAlternative
from app.ui.plan.member_picker import MembersDelegate
from app.ui.plan.plan_delegates import ChoiceDelegate, IndentedTextDelegate, OptionalDateDelegate
from app.ui.plan.plan_dialogs import GoalDialog
from app.ui.plan.plan_models import GoalColumn, GoalModel
from app.ui.plan.score_chart import ScoreChart


class GoalsTab(QWidget):
    score_asked = Signal(object)  # the GoalInput to record a score for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members: tuple[MemberSummary, ...] = ()
        self.model = GoalModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("goalTable")
        self.view.setAccessibleName(self.tr("Goals"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(GoalColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        # Double-click opens the goal's dialog; F2 or a click on the chosen cell edits in place.
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(GoalColumn.TEXT, IndentedTextDelegate(self.view))
        self.view.setItemDelegateForColumn(
            GoalColumn.CONCERNS, MembersDelegate(self.model.member_choices, self.view)
        )
        self.view.setItemDelegateForColumn(GoalColumn.BY, OptionalDateDelegate(self.view))
        statuses = [(label(s), s.value) for s in GoalStatus]
        self.view.setItemDelegateForColumn(GoalColumn.STATUS, ChoiceDelegate(lambda: statuses, self.view))
        self.view.doubleClicked.connect(lambda _index: self.edit_goal())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_scores())
        self.model.modelReset.connect(self.show_scores)
        self.model.dataChanged.connect(lambda *_: self.show_scores())
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("overall", self.tr("New overall goal"), lambda: self.add_goal(GoalLevel.OVERALL)),
            ("sub", self.tr("New sub-goal"), lambda: self.add_goal(GoalLevel.SUB)),
            ("progression", self.tr("New progression goal"), lambda: self.add_goal(GoalLevel.PROGRESSION)),
            ("edit", self.tr("Change…"), self.edit_goal),
            ("remove", self.tr("Remove"), self.remove_goal),
            ("score", self.tr("Record score…"), self._ask_score),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"goal_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        self.chart = ScoreChart(self)
        self.chart.setObjectName("scoreChart")
        self.chart.setMinimumHeight(170)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.chart_panel = ListAlternative(
            self.chart,
            self.chart.choice,
            [
                self.tr("Date"),
                self.tr("Goal"),
                self.tr("The family"),
                self.tr("Professionals"),
                self.tr("Note"),
            ],
            self.chart.table_rows,
            toggle_text=self.tr("As a table"),
            list_name=self.tr("Progression scores of the chosen goal"),
            scrolled=False,
            parent=self,
        )
        self.chart.content_changed.connect(self.chart_panel.refresh)
        layout.addWidget(self.chart_panel)

    def fill(
        self,
        goals: list[GoalInput],
        scores: dict[str, tuple[ScorePoint, ...]],
        members: tuple[MemberSummary, ...],
        read_only: bool,
    ) -> None:
        self.members = members
        self.model.members = {m.citizen_id: m.first_name or m.name for m in members}
        self.model.full_names = {m.citizen_id: m.name for m in members}
        self.model.scores = scores
        self.set_goals(goals, read_only)
        for button in self.buttons.values():
            button.setEnabled(not read_only)

    def set_goals(self, goals: list[GoalInput], read_only: bool | None = None) -> None:
        """Show ``goals`` (a reload: not an edit), keeping the chosen goal chosen."""
        keep = self.selected_goal()
        self.model.set_rows(goals, self.model.read_only if read_only is None else read_only)
        self.view.resizeRowsToContents()
        if keep is not None:
            self.select(keep.goal_key)

    def set_scores(self, scores: dict[str, tuple[ScorePoint, ...]]) -> None:
        self.model.set_scores(scores)
        self.show_scores()

    def goals(self) -> list[GoalInput]:
        return list(self.model.rows)

    def selected_goal(self) -> GoalInput | None:
        return self.model.row_at(self.view.currentIndex().row())

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_scores(self) -> None:
        goal = self.selected_goal()
        series = self.model.scores.get(goal.goal_key, ()) if goal else ()
        self.chart.set_scores(series, goal.text if goal else "")

    def add_goal(self, level: GoalLevel) -> None:
        parent = self.selected_goal()
        parent_key = None
        goals = self.model.rows
        if level != GoalLevel.OVERALL:
            wanted = GoalLevel.OVERALL if level == GoalLevel.SUB else GoalLevel.SUB
            while parent is not None and parent.level != wanted:
                parent = next((g for g in goals if g.goal_key == parent.parent_key), None)
            if parent is None:
                QMessageBox.information(
                    self,
                    self.tr("Choose a goal first"),
                    self.tr(
                        "Select the overall goal (for a sub-goal) or the sub-goal (for a progression goal) first."
                    ),
                )
                return
            parent_key = parent.goal_key
        draft = GoalInput(new_goal_key(), parent_key, level, "", parent.member_ids if parent else ())
        goal = GoalDialog.edit(self.members, draft, self)
        if goal is None:
            return
        # Children follow their parent: insert after the parent's last descendant.
        index = len(goals)
        if parent_key is not None:
            keys = {parent_key}
            for i, g in enumerate(goals):
                if g.goal_key in keys or g.parent_key in keys:
                    keys.add(g.goal_key)
                    index = i + 1
        self.model.insert(index, goal)
        self.view.resizeRowToContents(index)
        self.select(goal.goal_key)

    def edit_goal(self) -> None:
        goal = self.selected_goal()
        if goal is None or self.model.read_only:
            return
        changed = GoalDialog.edit(self.members, goal, self)
        if changed is not None:
            self.model.change(self.model.row_of(goal.goal_key), changed)

    def remove_goal(self) -> None:
        goal = self.selected_goal()
        if goal is None or self.model.read_only:
            return
        keys = {goal.goal_key}
        for g in self.model.rows:
            if g.parent_key in keys:
                keys.add(g.goal_key)
        text = self.tr("Remove the goal “%1”?").replace("%1", goal.text)
        if len(keys) > 1:
            text += " " + self.tr("%n goal(s) under it will be removed too.", "", len(keys) - 1)
        answer = QMessageBox.question(
            self,
            self.tr("Remove goal"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.remove_rows({row for row, g in enumerate(self.model.rows) if g.goal_key in keys})

    def _ask_score(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            self.score_asked.emit(goal)
