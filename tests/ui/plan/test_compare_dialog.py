"""Comparing two plan versions side by side, and choosing them from the history list."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.models.enums import GoalLevel, GoalStatus, MeetingKind, PlanState, Relation
from app.services.plan.plan_document import (
    SECTIONS,
    GoalView,
    PlanDocument,
    PlanVersionView,
    VersionSummary,
)
from app.services.plan.plans import compare_versions
from app.ui.common.labels import label
from app.ui.plan.compare_dialog import (
    CompareDialog,
    HistoryDialog,
    compare_html,
    count_changes,
    heading_tops,
    meeting_text,
    section_title,
    version_heading,
)
from tests.factories import holm_member


def version(id: int, number: int, state: PlanState = PlanState.APPROVED, **sections: str) -> PlanVersionView:
    texts = {name: "" for name in SECTIONS} | sections
    return PlanVersionView(
        id=id,
        number=number,
        state=state,
        approved_on=date(2026, 11, 12) if state == PlanState.APPROVED else None,
        meeting_id=None,
        meeting_label="",
        participants="",
        sections=tuple((name, texts[name]) for name in SECTIONS),
        member_sections=(),
        goals=(),
        agreements=(),
        offer_comments=(),
        row_version=1,
    )


OLD = version(
    11,
    1,
    summary="Lise bor med Oliver og Emma.",
    resources="Mormor hjælper om <b>søndagen</b>.",
    closing="Planen slutter til sommer.",
)
NEW = replace(
    version(12, 2, PlanState.DRAFT),
    sections=(
        ("summary", "Lise bor med Oliver og Emma i Køge."),
        ("family_views", ""),
        ("resources", "Mormor hjælper om <b>lørdagen</b>."),
        ("barriers", ""),
        ("sequencing", ""),
        ("follow_up", ""),
        ("closing", "Planen slutter til sommer."),
    ),
    member_sections=((2, "Oliver vil gerne spille fodbold."),),
    goals=(
        GoalView("g1", None, GoalLevel.OVERALL, "Oliver går i skole hver dag", (), None, GoalStatus.OPEN),
    ),
)


def document(history: tuple[VersionSummary, ...] = ()) -> PlanDocument:
    return PlanDocument(
        case_id=1,
        case_number="2026-0001",
        family_name="Familien Holm",
        is_family=True,
        coordinator_name="Karen",
        coordinator_phone="",
        coordinator_email="",
        partner_name="",
        partner_phone="",
        members=(holm_member(1, "Lise", Relation.PARENT), holm_member(2, "Oliver")),
        plan=NEW,
        offers=(),
        next_meeting=None,
        history=history,
        read_only=False,
    )


def marked(html_text: str, style_word: str) -> list[str]:
    """The texts of the spans whose style holds ``style_word``."""
    return re.findall(rf'<span style="[^"]*{style_word}[^"]*">([^<]*)</span>', html_text)


# -- the HTML -------------------------------------------------------------------------------


def test_removed_words_are_marked_only_on_the_old_side_and_added_only_on_the_new() -> None:
    changes = compare_versions(OLD, NEW)
    old_html, new_html = compare_html(changes, "old"), compare_html(changes, "new")
    assert marked(old_html, "line-through") == ["Emma.", "&lt;b&gt;søndagen&lt;/b&gt;."]
    assert marked(old_html, "underline") == []
    assert marked(new_html, "underline") == [
        "Emma i Køge.",
        "&lt;b&gt;lørdagen&lt;/b&gt;.",
        "Oliver vil gerne spille fodbold.",
        "Oliver går i skole hver dag (open)",
    ]
    assert marked(new_html, "line-through") == []
    assert "Køge" not in old_html and "søndagen" not in new_html


def test_user_text_is_escaped() -> None:
    changes = compare_versions(OLD, NEW)
    for side in ("old", "new"):
        text = compare_html(changes, side)
        assert "<b>" not in text and "&lt;b&gt;" in text


def test_unchanged_sections_are_dimmed_or_left_out() -> None:
    changes = compare_versions(OLD, NEW)
    everything = compare_html(changes, "new")
    only = compare_html(changes, "new", only_changes=True)
    assert "Planen slutter til sommer." in everything and "When the plan ends" in everything
    assert "Planen slutter til sommer." not in only and "When the plan ends" not in only
    assert "In our own words" not in everything  # empty in both versions: nothing to show
    assert "The situation now" in only
    nothing = compare_versions(OLD, OLD)
    assert "No changes." in compare_html(nothing, "old", only_changes=True)
    with pytest.raises(ValueError):
        compare_html(nothing, "left")


def test_titles_and_counts() -> None:
    names = {2: "Oliver Holm"}.get
    assert section_title("summary") == "The situation now"
    assert section_title("member:2", lambda c: names(c) or "") == "About Oliver Holm"
    assert section_title("goal:g1") == "Goal"
    assert section_title("agreement:0") == "Agreement 1"
    # summary (one replacement), resources (one), a new member section, a new goal.
    assert count_changes(compare_versions(OLD, NEW)) == 4
    assert count_changes(compare_versions(OLD, OLD)) == 0
    assert version_heading(OLD) == "Version 1 – approved 12.11.2026"
    assert version_heading(NEW) == "Draft (version 2)"
    network = label(MeetingKind.NETWORK)
    assert meeting_text("network|2026-11-12T13:00:00+01:00") == f"{network} 12.11.2026"
    assert meeting_text("kaffemøde|2026-11-12T13:00:00+01:00") == "kaffemøde 12.11.2026"
    assert meeting_text("") == ""


# -- the dialog -----------------------------------------------------------------------------


def test_the_dialog_shows_both_versions_and_toggles_unchanged_sections(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CompareDialog(OLD, NEW, document())
    qtbot.addWidget(dialog)
    assert dialog.only_changes.isChecked()
    assert dialog.old_header.text() == "Version 1 – approved 12.11.2026"
    assert dialog.new_header.text() == "Draft (version 2)"
    assert dialog.count_label.text().startswith("4 change")
    right = dialog.new_browser.toPlainText()
    assert "About Oliver Holm" in right and "Køge" in right
    assert "Planen slutter til sommer." not in right
    assert "Planen slutter til sommer." not in dialog.old_browser.toPlainText()

    dialog.only_changes.setChecked(False)
    assert "Planen slutter til sommer." in dialog.new_browser.toPlainText()
    assert "Planen slutter til sommer." in dialog.old_browser.toPlainText()
    dialog.only_changes.setChecked(True)
    assert "Planen slutter til sommer." not in dialog.new_browser.toPlainText()


def test_the_panes_scroll_together(qtbot) -> None:  # type: ignore[no-untyped-def]
    long_old = replace(OLD, sections=tuple((n, "Ord " * 400) for n in SECTIONS))
    long_new = replace(
        NEW, sections=tuple((n, "Ord " * 300 + "nyt " * (100 + 60 * i)) for i, n in enumerate(SECTIONS))
    )
    dialog = CompareDialog(long_old, long_new, document())
    qtbot.addWidget(dialog)
    dialog.resize(700, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    left, right = dialog.old_browser.verticalScrollBar(), dialog.new_browser.verticalScrollBar()
    assert left.maximum() > 0 and right.maximum() > 0
    left.setValue(left.maximum() // 2)
    assert right.value() > 0
    # A section's heading at the top on one side brings its twin to the top on the other.
    left_tops, right_tops = heading_tops(dialog.old_browser), heading_tops(dialog.new_browser)
    assert len(left_tops) == len(right_tops) > 3 and left_tops[3] != right_tops[3]
    left.setValue(round(left_tops[3]))
    assert abs(right.value() - right_tops[3]) <= 1
    right.setValue(0)
    assert left.value() == 0
    right.setValue(right.maximum())
    assert left.value() == left.maximum()


# -- the history ----------------------------------------------------------------------------

HISTORY = (
    VersionSummary(
        11, 1, PlanState.APPROVED, date(2026, 9, 3), "start|2026-09-03T09:00:00+02:00", "Lise, Karen"
    ),
    VersionSummary(12, 2, PlanState.APPROVED, date(2026, 11, 12), "network|2026-11-12T13:00:00+01:00", ""),
    VersionSummary(13, 3, PlanState.DRAFT, None, "", ""),
)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str]]:
    """Compare dialogs that would have opened: (left id, right id, left header)."""
    seen: list[tuple[int, int, str]] = []

    def fake_exec(self: CompareDialog) -> int:
        seen.append((self.old.id, self.new.id, self.old_header.text()))
        return 0

    monkeypatch.setattr(CompareDialog, "exec", fake_exec)
    return seen


def history_dialog(qtbot, loaded: list[int]) -> HistoryDialog:  # type: ignore[no-untyped-def]
    views = {
        11: replace(OLD, id=11, number=1),
        12: replace(OLD, id=12, number=2),
        13: replace(NEW, id=13, number=3),
    }

    def load(version_id: int) -> PlanVersionView:
        loaded.append(version_id)
        return views[version_id]

    dialog = HistoryDialog(document(HISTORY), load)
    qtbot.addWidget(dialog)
    return dialog


def test_history_lists_the_versions_newest_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = history_dialog(qtbot, [])
    table = dialog.table
    rows = [[table.topLevelItem(r).text(c) for c in range(4)] for r in range(table.topLevelItemCount())]
    assert rows == [
        ["3", "Draft", "", ""],
        ["2", "Approved", "12.11.2026", f"{label(MeetingKind.NETWORK)} 12.11.2026"],
        ["1", "Approved", "03.09.2026", f"{label(MeetingKind.START)} 03.09.2026"],
    ]
    assert "Lise, Karen" in table.topLevelItem(2).toolTip(3)
    assert table.topLevelItem(1).toolTip(0) == ""


def test_compare_is_enabled_only_for_a_valid_choice(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    loaded: list[int] = []
    dialog = history_dialog(qtbot, loaded)
    button = dialog.compare_button
    assert not button.isEnabled()  # nothing chosen
    dialog.select_versions(13)
    assert not button.isEnabled()  # the newest alone: nothing newer to compare with
    dialog.select_versions(11, 12, 13)
    assert not button.isEnabled()
    dialog.select_versions(12)
    assert button.isEnabled()  # one: with the newest
    dialog.select_versions(13, 11)
    assert button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert loaded == [11, 13]
    assert opened == [(11, 13, "Version 1 – approved 12.11.2026")]

    dialog.select_versions(12)
    dialog.compare_selected()
    assert loaded[2:] == [12, 13] and opened[-1][:2] == (12, 13)


def test_selecting_rows_by_mouse_enables_compare(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    dialog = history_dialog(qtbot, [])
    table = dialog.table
    table.setCurrentItem(table.topLevelItem(1))  # version 2
    assert dialog.compare_button.isEnabled()
    assert dialog.choice_label.text() == "Compare Version 2 – approved 12.11.2026 with Draft (version 3)"


def test_double_click_compares_with_the_newest(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    loaded: list[int] = []
    dialog = history_dialog(qtbot, loaded)
    table = dialog.table
    table.itemDoubleClicked.emit(table.topLevelItem(2), 0)  # version 1
    assert loaded == [11, 13] and opened[-1][:2] == (11, 13)
    table.itemDoubleClicked.emit(table.topLevelItem(0), 0)  # the newest: with the one before
    assert loaded[2:] == [12, 13] and opened[-1][:2] == (12, 13)
