"""The plan editor's plain-language panel measures the family's paper, not the last field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.plan.lix import lix
from app.services.plan.readability import GOALS, read_plan
from app.ui.plan.lix_meter import DEBOUNCE_MS
from app.ui.plan.plan_reading import PART_ROLE
from tests.ui.plan.test_plan_page import _lise, _page

HARD = (
    "Den koordinerende sagsbehandler iværksætter i samarbejde med de involverede forvaltninger "
    "en helhedsorienteret indsats med henblik på understøttelse af familiens samlede "
    "funktionsniveau, herunder beskæftigelsesrettede foranstaltninger."
)
EASY = "Vi ses snart. Ring til mig."


def _rows(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    tree = page.reading.parts
    return {
        tree.topLevelItem(i).data(0, PART_ROLE): tree.topLevelItem(i).text(1)
        for i in range(tree.topLevelItemCount())
    }


def test_the_panel_shows_the_whole_plan_and_each_part(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    qtbot.waitUntil(lambda: page.reading.reading is not None, timeout=5000)
    members = {m.citizen_id: m.name for m in page.doc.members}
    expected = read_plan(page.collect_draft(), list(members))
    assert page.reading.score_label.text() == str(expected.whole.score)
    assert _rows(page) == {p.key: str(p.result.score) for p in expected.parts}

    # The summary gets hard text, the closing easy text, and the caseworker ends in the
    # closing: the panel still says the summary is the hard part, and what the field is.
    page.section_edits["summary"].setPlainText(HARD)
    page.section_edits["closing"].setPlainText(EASY)
    page.section_edits["closing"].setFocus()
    qtbot.waitUntil(lambda: _rows(page).get("summary") == str(lix(HARD).score), timeout=5000)
    assert _rows(page)["closing"] == str(lix(EASY).score)
    assert page.reading.hardest_label.text().count(str(lix(HARD).score)) == 1
    qtbot.waitUntil(lambda: page.lix.score_label.text() == str(lix(EASY).score), timeout=DEBOUNCE_MS * 8)
    assert page.lix.subject_label.text() == page.section_edits["closing"].accessibleName() != ""
    whole = read_plan(page.collect_draft(), list(members)).whole.score
    assert page.reading.score_label.text() == str(whole)


def test_activating_a_part_goes_to_it(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    qtbot.waitUntil(lambda: page.reading.parts.topLevelItemCount() > 2, timeout=5000)
    tree = page.reading.parts
    items = {
        tree.topLevelItem(i).data(0, PART_ROLE): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }

    # A part without an editor of its own: its tab shows and the meter measures the part.
    tree.setCurrentItem(items[GOALS])
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert page.tabs.currentWidget() is page.goals
    goals_text = next(p.text for p in page.reading.reading.parts if p.key == GOALS)
    assert page.lix.score_label.text() == str(lix(goals_text).score)
    assert page.lix.subject_label.text() == items[GOALS].text(0)

    # A text section: its editor gets the focus and the meter follows it.
    tree.setCurrentItem(items["summary"])
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert page.tabs.currentWidget() is page.sections
    assert QApplication.focusWidget() is page.section_edits["summary"]
    summary = page.section_edits["summary"].toPlainText()
    qtbot.waitUntil(lambda: page.lix.score_label.text() == str(lix(summary).score), timeout=DEBOUNCE_MS * 8)
