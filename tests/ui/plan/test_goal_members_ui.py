"""Choosing whom a goal concerns with the keyboard: a check box per member under "The whole
family", in the goals table's cell and in the goal dialog; the cell shows "Oliver, Freja"
on one line, the tooltip every full name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem

from app.models.enums import GoalLevel, Relation
from app.services.plan.plan_draft import GoalInput
from app.ui.plan.goals_tab import GoalsTab
from app.ui.plan.member_picker import MemberPicker, MembersDelegate, members_key, parse_members
from app.ui.plan.plan_dialogs import GoalDialog
from app.ui.plan.plan_models import GoalColumn
from tests.factories import make_member

MEMBERS = (
    make_member(11, "Lise", "Holm Jensen", relation=Relation.PARENT),
    make_member(12, "Oliver", "Holm Jensen", relation=Relation.CHILD),
    make_member(13, "Freja", "Holm Jensen", relation=Relation.CHILD),
    make_member(14, "Emil", "Holm Jensen", relation=Relation.CHILD),
)
CHOICES = [(m.citizen_id, m.name) for m in MEMBERS]


def _checked(picker: MemberPicker) -> list[str]:
    return [
        picker.item(row).text()
        for row in range(picker.count())
        if picker.item(row).checkState() == Qt.CheckState.Checked
    ]


def _press(widget, *keys: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        QTest.keyClick(widget, key)


def test_the_picker_checks_members_or_the_whole_family_with_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = MemberPicker(CHOICES)
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    assert picker.accessibleName() == "Whom the goal concerns" and picker.accessibleDescription()
    assert _checked(picker) == ["The whole family"] and picker.chosen() == ()
    _press(picker, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Space)  # Oliver
    assert picker.chosen() == (12,) and _checked(picker) == ["Oliver Holm Jensen"]
    _press(picker, Qt.Key.Key_Down, Qt.Key.Key_Space)  # and Freja
    assert picker.chosen() == (12, 13)
    _press(picker, Qt.Key.Key_Space)  # Freja off again
    assert picker.chosen() == (12,)
    _press(picker, Qt.Key.Key_Up, Qt.Key.Key_Space)  # the last member off: the whole family
    assert picker.chosen() == () and _checked(picker) == ["The whole family"]
    _press(picker, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Home, Qt.Key.Key_Space)
    assert picker.chosen() == () and _checked(picker) == ["The whole family"]  # it clears the members
    _press(picker, Qt.Key.Key_Space)  # the whole family cannot be unchecked alone
    assert _checked(picker) == ["The whole family"]


@pytest.mark.parametrize("members", [(), (12,), (12, 13), (11, 12, 13, 14), (13, 99)])
def test_the_picker_shows_and_gives_back_any_set(qtbot, members: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    picker = MemberPicker(CHOICES)
    qtbot.addWidget(picker)
    picker.set_chosen(members)
    assert picker.chosen() == members  # 99: no longer in the family, kept (shown as "?")
    assert parse_members(members_key(members)) == members
    assert picker.fitting_height() >= picker.count() * picker.sizeHintForRow(0)


def _tab(qtbot, goals: list[GoalInput]) -> GoalsTab:  # type: ignore[no-untyped-def]
    tab = GoalsTab()
    qtbot.addWidget(tab)
    tab.resize(900, 400)
    tab.fill(goals, {}, MEMBERS, read_only=False)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_the_concerns_cell_is_edited_with_the_keyboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    goals = [
        GoalInput("g1", None, GoalLevel.OVERALL, "Børnene trives i skolen", (12,)),
        GoalInput("g2", "g1", GoalLevel.SUB, "Ro om morgenen"),
    ]
    tab = _tab(qtbot, goals)
    model, view = tab.model, tab.view
    assert model.index(0, GoalColumn.CONCERNS).data() == "Oliver"
    assert model.index(1, GoalColumn.CONCERNS).data() == "The whole family"
    cell = model.index(0, GoalColumn.CONCERNS)
    view.setFocus()
    view.selectionModel().setCurrentIndex(cell, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    edited: list[bool] = []
    model.edited.connect(lambda: edited.append(True))
    QTest.keyClick(view, Qt.Key.Key_F2)
    picker = view.findChild(MemberPicker)
    assert picker is not None and picker.isVisible()
    assert picker.chosen() == (12,) and picker.currentItem().text() == "Oliver Holm Jensen"
    assert picker.height() >= picker.fitting_height() - 1  # every member shows, not the row's height
    view.grab().save(str(tmp_path / "cell_editor.png"))
    # Freja too (the list starts at the whole family: Lise, Oliver, Freja are below it)
    _press(picker, Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Space)
    QTest.keyClick(picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rows[0].member_ids == (12, 13))
    assert edited
    assert cell.data() == "Oliver, Freja"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Oliver Holm Jensen, Freja Holm Jensen"
    assert cell.data(Qt.ItemDataRole.EditRole) == "12,13"
    # Escape leaves the goal as it was.
    QTest.keyClick(view, Qt.Key.Key_F2)
    picker = view.findChild(MemberPicker)
    assert picker is not None
    _press(picker, Qt.Key.Key_Home, Qt.Key.Key_Space, Qt.Key.Key_Escape)
    assert model.rows[0].member_ids == (12, 13)


def test_a_long_list_of_names_is_elided_on_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, [GoalInput("g1", None, GoalLevel.OVERALL, "Alle", (11, 12, 13, 14))])
    cell = tab.model.index(0, GoalColumn.CONCERNS)
    assert cell.data() == "Lise, Oliver, Freja, Emil"
    delegate = tab.view.itemDelegateForColumn(GoalColumn.CONCERNS)
    assert isinstance(delegate, MembersDelegate)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, cell)
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    assert option.textElideMode == Qt.TextElideMode.ElideRight
    assert option.text == "Lise, Oliver, Freja, Emil"


def test_a_member_no_longer_in_the_family_shows_as_a_question_mark(qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, [GoalInput("g1", None, GoalLevel.OVERALL, "Mål", (12, 99))])
    assert tab.model.index(0, GoalColumn.CONCERNS).data() == "Oliver, ?"


def test_a_new_sub_goal_concerns_its_parents_members(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, [GoalInput("g1", None, GoalLevel.OVERALL, "Børnene trives", (12, 13))])
    tab.select("g1")
    shown: list[tuple[int, ...]] = []

    def edit(members, goal, parent=None):  # type: ignore[no-untyped-def]
        shown.append(goal.member_ids)
        return GoalInput(goal.goal_key, goal.parent_key, goal.level, "Ro om morgenen", goal.member_ids)

    monkeypatch.setattr(GoalDialog, "edit", staticmethod(edit))
    tab.add_goal(GoalLevel.SUB)
    assert shown == [(12, 13)] and tab.model.rows[1].member_ids == (12, 13)


def test_the_goal_dialog_chooses_members_with_the_keyboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    goal = GoalInput("g1", None, GoalLevel.OVERALL, "Børnene trives i skolen", (12,))
    dialog = GoalDialog(MEMBERS, goal)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.members
    assert picker.chosen() == (12,) and picker.accessibleName() == "Whom the goal concerns"
    picker.setFocus()
    _press(picker, Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Space)
    _press(picker, Qt.Key.Key_Down, Qt.Key.Key_Space)
    dialog.grab().save(str(tmp_path / "goal_dialog.png"))
    dialog.store()
    assert dialog.result_goal is not None
    assert dialog.result_goal.member_ids == (12, 13, 14)
    assert dialog.result_goal.text == goal.text


def test_comparing_versions_shows_a_change_of_whom_a_goal_concerns(qtbot) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from app.models.enums import GoalStatus
    from app.services.plan.plan_document import GoalView
    from app.ui.plan.compare_dialog import CompareDialog
    from tests.ui.plan.test_compare_dialog import NEW, document

    def plan_with(members: tuple[int, ...]):  # type: ignore[no-untyped-def]
        return (GoalView("g1", None, GoalLevel.OVERALL, "Børnene trives", members, None, GoalStatus.OPEN),)

    old = replace(NEW, id=11, number=1, goals=plan_with((2,)))
    new = replace(NEW, goals=plan_with((1, 2)))
    dialog = CompareDialog(old, new, document())
    qtbot.addWidget(dialog)
    (change,) = [c for c in dialog.changes if c.name == "goal:g1"]
    assert change.changed
    assert change.old.endswith("Oliver Holm)") and change.new.endswith("Lise Holm, Oliver Holm)")
    same = CompareDialog(old, replace(new, goals=plan_with((2,))), document())
    qtbot.addWidget(same)
    assert not [c for c in same.changes if c.name == "goal:g1" and c.changed]
