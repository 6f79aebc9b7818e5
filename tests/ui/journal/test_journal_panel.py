"""The journal tab: a phone note written through the panel and listed, changed while open,
corrected once locked (the correction under its note, marked), filtered by person, read-only
for a closed case, opened at a note, and wired into the family page by the main window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import delete, select, update

from app.models import AuditEvent, Case, JournalEntry, User
from app.models.enums import CaseStatus, JournalKind
from app.services.cases.case_summary import case_summary
from app.services.common.clock import FixedClock, clock_in_use, now_utc
from app.services.common.context import AppContext
from app.services.journal.journal import JournalInput, write_entry
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.journal.entry_dialog import JournalEntryDialog, Mode
from app.ui.journal.journal_panel import JournalPanel
from tests.ui.family.family_pages import case_titled
from tests.ui.lane_helpers import exec_saving, save, wait_for

LISE = "Familien Holm Jensen"


def _ref(context: AppContext, case_id: int) -> CaseRef:
    with context.sessions() as session:
        summary = case_summary(session, case_id)
    return CaseRef(
        summary.id,
        summary.number,
        summary.title,
        tuple((m.citizen_id, m.name) for m in summary.members),
        summary.status == CaseStatus.CLOSED,
    )


def _panel(qtbot, context: AppContext, lanes: StoreLanes, case: CaseRef) -> JournalPanel:  # type: ignore[no-untyped-def]
    panel = JournalPanel(context, lanes)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.show_case(case)
    return panel


def _rows(panel: JournalPanel) -> list[tuple[int, list[str]]]:
    """(depth, column texts) of every row, in order."""
    rows = []
    for i in range(panel.entries.topLevelItemCount()):
        top = panel.entries.topLevelItem(i)
        rows.append((0, [top.text(c) for c in range(4)]))
        rows += [(1, [top.child(j).text(c) for c in range(4)]) for j in range(top.childCount())]
    return rows


def _note(context: AppContext, case_id: int, text: str, members: tuple[int, ...] = (), **kw) -> int:  # type: ignore[no-untyped-def]
    data = JournalInput(JournalKind.HOME_VISIT, now_utc() - timedelta(hours=1), "Hjemmebesøg", text, members)
    with context.sessions.begin() as session:
        return write_entry(session, case_id, data, **kw)


@pytest.fixture
def lise(demo_context: AppContext) -> CaseRef:
    """Lise's case, and a store with no journal notes yet (the demo writes notes of its own)."""
    case_id = case_titled(demo_context, LISE)
    with demo_context.sessions.begin() as session:
        session.execute(delete(JournalEntry))
    return _ref(demo_context, case_id)


def test_a_phone_note_is_written_through_the_panel_and_listed(  # type: ignore[no-untyped-def]
    qtbot, demo_context, lanes, lise, danish, monkeypatch
) -> None:
    panel = _panel(qtbot, demo_context, lanes, lise)
    assert _rows(panel) == [] and panel.empty.isVisible() and not panel.edit_button.isEnabled()
    mother_id, mother = lise.members[0]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, JournalEntryDialog) and dialog.mode == Mode.NEW
        dialog.kind.setCurrentIndex(dialog.kind.findData(JournalKind.PHONE))
        dialog.subject.setText("Telefon med skolen")
        dialog.text.setPlainText("Skolen ringede: Lise har været glad i ugen.\nNy samtale efter jul.")
        dialog.members.item(0).setCheckState(Qt.CheckState.Checked)

    monkeypatch.setattr(JournalEntryDialog, "exec", lambda self: exec_saving(self, fill))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.new_button.click()
    [(depth, row)] = _rows(panel)
    with demo_context.sessions() as session:
        me = session.scalar(select(User.full_name).where(User.login == "tester"))  # as the demo named her
    assert depth == 0 and row[1:] == ["Telefon", me, "Telefon med skolen"]
    assert panel.selected_entry() is not None  # the new note is chosen and read
    shown = panel.reader.toPlainText()
    assert "Lise har været glad i ugen." in shown and "Ny samtale efter jul." in shown and mother in shown
    assert panel.edit_button.isEnabled() and not panel.correct_button.isEnabled()
    with demo_context.sessions() as session:
        entry = session.scalars(select(JournalEntry)).one()
        assert (entry.kind, entry.subject, [m.citizen_id for m in entry.members]) == (
            JournalKind.PHONE,
            "Telefon med skolen",
            [mother_id],
        )


def test_a_note_is_changed_while_open_and_corrected_once_locked(  # type: ignore[no-untyped-def]
    qtbot, demo_context, lanes, lise, danish, monkeypatch
) -> None:
    entry_id = _note(demo_context, lise.case_id, "Familien var hjemme.")
    panel = _panel(qtbot, demo_context, lanes, lise)
    panel.focus_item(entry_id)
    assert panel.selected_id() == entry_id

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, JournalEntryDialog) and dialog.mode == Mode.EDIT
        dialog.text.setPlainText("Familien var hjemme, også far.")

    monkeypatch.setattr(JournalEntryDialog, "exec", lambda self: exec_saving(self, change))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.edit_button.click()
    assert "også far" in panel.reader.toPlainText() and len(_rows(panel)) == 1

    with clock_in_use(FixedClock(now_utc() + timedelta(hours=25), ticking=True)):
        with qtbot.waitSignal(panel.loaded, timeout=20_000):
            panel.reload()
        panel.focus_item(entry_id)
        assert not panel.edit_button.isEnabled() and panel.correct_button.isEnabled()
        assert "låst" in panel.edit_button.toolTip() and "24 timer" in panel.edit_button.toolTip()

        def correct(dialog: QDialog) -> None:
            assert isinstance(dialog, JournalEntryDialog) and dialog.mode == Mode.CORRECT
            assert dialog.text.toPlainText() == "Familien var hjemme, også far."  # to correct from
            dialog.text.setPlainText("Far var der ikke; det var morfar.")

        monkeypatch.setattr(JournalEntryDialog, "exec", lambda self: exec_saving(self, correct))
        with qtbot.waitSignal(panel.loaded, timeout=20_000):
            panel.correct_button.click()
        rows = _rows(panel)
        assert [(depth, row[1]) for depth, row in rows] == [(0, "Hjemmebesøg"), (1, "Rettelse")]
        assert panel.selected_entry().corrects_id == entry_id  # type: ignore[union-attr]
        assert "morfar" in panel.reader.toPlainText() and "Retter" in panel.reader.toPlainText()
        # a correction written just now is open in its turn; the note itself stays locked
        assert panel.edit_button.isEnabled() and not panel.correct_button.isEnabled()


def test_a_note_that_locks_while_it_is_changed_can_be_kept_as_a_correction(  # type: ignore[no-untyped-def]
    qtbot, demo_context, lanes, lise, monkeypatch
) -> None:
    entry_id = _note(demo_context, lise.case_id, "Første udgave.")
    panel = _panel(qtbot, demo_context, lanes, lise)
    panel.focus_item(entry_id)
    entry = panel.selected_entry()
    assert entry is not None
    dialog = JournalEntryDialog(demo_context, lanes, lise, panel.view.links, entry, Mode.EDIT)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Anden udgave, skrevet for langsomt.")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with clock_in_use(FixedClock(now_utc() + timedelta(days=2), ticking=True)):
        assert save(dialog)
    assert dialog.mode == Mode.CORRECT
    with demo_context.sessions() as session:
        rows = session.execute(select(JournalEntry.id, JournalEntry.text, JournalEntry.corrects_id)).all()
    assert sorted(rows) == [
        (entry_id, "Første udgave.", None),
        (dialog.stored_id, "Anden udgave, skrevet for langsomt.", entry_id),
    ]


def test_notes_are_filtered_by_person_and_each_read_is_logged(qtbot, demo_context, lanes, lise) -> None:  # type: ignore[no-untyped-def]
    (first, _name1), (second, _name2) = lise.members[:2]
    about_first = _note(demo_context, lise.case_id, "Om den første.", (first,))
    about_second = _note(demo_context, lise.case_id, "Om den anden.", (second,))
    panel = _panel(qtbot, demo_context, lanes, lise)
    assert {panel.entries.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) for i in range(2)} == {
        about_first,
        about_second,
    }
    panel.filter.setCurrentIndex(panel.filter.findData(second))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.filter.activated.emit(panel.filter.currentIndex())
    # the one note shown is chosen and read at once
    assert [r[1][3] for r in _rows(panel)] == ["Hjemmebesøg"] and panel.selected_id() == about_second
    assert panel.view is not None and [e.id for e in panel.view.entries] == [about_second]
    # opened at a note the person chosen hides: everyone's notes are shown again
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.focus_item(about_first)
    assert panel.selected_id() == about_first and panel.filter.currentData() is None
    with demo_context.sessions() as session:
        reads = session.execute(
            select(AuditEvent.case_id, AuditEvent.citizen_id)
            .where(AuditEvent.object_type == "journal")
            .order_by(AuditEvent.id)
        ).all()
    assert reads == [(lise.case_id, None), (lise.case_id, second), (lise.case_id, None)]


def test_a_closed_case_shows_its_journal_and_changes_nothing(qtbot, demo_context, lanes, lise) -> None:  # type: ignore[no-untyped-def]
    entry_id = _note(demo_context, lise.case_id, "Skrevet mens sagen var åben.")
    with demo_context.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == lise.case_id).values(status=CaseStatus.CLOSED))
    panel = _panel(qtbot, demo_context, lanes, _ref(demo_context, lise.case_id))
    panel.focus_item(entry_id)
    assert panel.selected_id() == entry_id and "åben" in panel.reader.toPlainText()
    for button in (panel.new_button, panel.edit_button, panel.correct_button):
        assert not button.isEnabled() and "closed" in button.toolTip()


def test_every_input_of_the_note_dialog_is_named_by_its_label(qtbot, demo_context, lanes, lise) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, demo_context, lanes, lise)
    assert panel.view is not None
    dialog = JournalEntryDialog(demo_context, lanes, lise, panel.view.links)
    qtbot.addWidget(dialog)
    inputs = [dialog.kind, dialog.occurred, dialog.members, dialog.link, dialog.subject, dialog.text]
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert all(widget in buddies for widget in inputs)
    # what the note can be about: the case's meetings, interventions and agreements
    offered = [dialog.link.itemData(i) for i in range(dialog.link.count())]
    assert offered[0] == "" and len(offered) == 1 + sum(
        len(group)
        for group in (panel.view.links.meetings, panel.view.links.interventions, panel.view.links.agreements)
    )
    assert any(key.startswith("meeting:") for key in offered) and any(
        key.startswith("agreement:") for key in offered
    )


def test_the_main_window_puts_the_journal_on_the_family_page(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import MainWindow

    case_id = case_titled(demo_context, LISE)
    entry_id = _note(demo_context, case_id, "Set fra hovedvinduet.")
    window = MainWindow(demo_context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    family = window.family
    index = family.tabs.indexOf(window.journal)
    assert index >= 0 and family.tabs.tabText(index) == "Journal"
    with qtbot.waitSignal(family.loaded, timeout=20_000):
        window.open_case(case_id)
    with qtbot.waitSignal(window.journal.loaded, timeout=20_000):
        family.show_panel(window.journal, entry_id)
    wait_for(lambda: window.journal.selected_id() == entry_id)
    assert "hovedvinduet" in window.journal.reader.toPlainText()


def test_the_plan_links_to_the_case_journal(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import PAGE_FAMILY, PAGE_PLAN, MainWindow

    case_id = case_titled(demo_context, LISE)
    window = MainWindow(demo_context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.family.loaded, timeout=20_000):
        window.open_case(case_id)
    with qtbot.waitSignal(window.plan.loaded, timeout=20_000):
        window.nav.setCurrentRow(PAGE_PLAN)
    button = window.plan.header.journal_button
    assert button.text() == "Sagens journal" and button.isVisible()
    with qtbot.waitSignal(window.journal.loaded, timeout=20_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == PAGE_FAMILY
    assert window.family.tabs.currentWidget() is window.journal
