"""Editing a case from the family page: cadence, partner, status steps, the consequences shown
before saving, hand-over with its note, the caseload limit, and a colleague's save first."""

from __future__ import annotations

from decimal import Decimal
from itertools import product

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update

from app.models import Case, CaseHandOver
from app.models.enums import CaseStatus
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import Problem, ValidationError
from app.services.team.case_edit import NEXT_STATUS, CaseEdit, save_case_change
from app.services.team.caseload import set_caseload_settings
from app.ui.common.background import StoreLanes
from app.ui.common.labels import problem_text
from app.ui.team.edit_case_dialog import EditCaseDialog
from tests.ui.lane_helpers import ready, save, wait_for
from tests.ui.team.team_helpers import actions, case_row, lise, user_id


def _dialog(qtbot, context: AppContext, case_id: int) -> EditCaseDialog:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    dialog = EditCaseDialog(context, lanes, case_id)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    ready(dialog)
    settle(dialog)
    return dialog


def settle(dialog: EditCaseDialog) -> None:
    """Wait for the debounced preview of what saving will do."""
    wait_for(lambda: not dialog.previewing and dialog.preview is not None)


def _choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_opens_with_the_case_as_stored(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    stored = case_row(demo_context, case_id)
    dialog = _dialog(qtbot, demo_context, case_id)
    assert dialog.coordinator.currentData() == stored.coordinator_id
    assert dialog.partner.currentData() == stored.partner_id
    assert dialog.interval.value() == stored.follow_up_interval_days
    assert dialog.status.currentData() == stored.status
    assert dialog.hand_over_box.isHidden()
    assert dialog.consequences.text() == "Intet ændres endnu."


@pytest.mark.parametrize("days", [0, 1, 6, 366, 999])
def test_a_cadence_out_of_range_is_shown_and_nothing_saved(qtbot, demo_context, danish, days: int) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    before = case_row(demo_context, case_id)
    dialog = _dialog(qtbot, demo_context, case_id)
    dialog.interval.setValue(days)
    settle(dialog)
    assert not save(dialog)
    error = dialog.errors["follow_up_interval_days"]
    assert error.isVisibleTo(dialog) and error.text() == problem_text(Problem.INTERVAL_RANGE)
    after = case_row(demo_context, case_id)
    assert (after.version, after.follow_up_interval_days) == (before.version, before.follow_up_interval_days)


def test_a_new_cadence_shows_the_follow_up_moved_then_saves_and_logs(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    before = case_row(demo_context, case_id)
    dialog = _dialog(qtbot, demo_context, case_id)
    new_days = 14 if before.follow_up_interval_days != 14 else 21
    dialog.interval.setValue(new_days)
    settle(dialog)
    assert "næste opfølgning" in dialog.consequences.text()
    logged = len(actions(demo_context, case_id))
    assert save(dialog)
    after = case_row(demo_context, case_id)
    assert after.follow_up_interval_days == new_days and after.version > before.version
    assert (
        len(actions(demo_context, case_id)) > logged and "change" in actions(demo_context, case_id)[logged:]
    )


def test_the_partner_cannot_be_the_coordinator(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    before = case_row(demo_context, case_id)
    dialog = _dialog(qtbot, demo_context, case_id)
    _choose(dialog.partner, before.coordinator_id)
    settle(dialog)
    assert not save(dialog)
    assert dialog.errors["partner"].text() == problem_text(Problem.SAME_PARTNER)
    assert case_row(demo_context, case_id).version == before.version


def test_a_new_partner_shows_who_reaches_the_case(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    _choose(dialog.partner, None)
    settle(dialog)
    assert "Kasper Holm ikke længere når sagen" in dialog.consequences.text()
    assert save(dialog)
    assert case_row(demo_context, case_id).partner_id is None


def test_closing_without_a_period_set_says_the_case_is_kept(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    """The municipality has set no retention period (the program's own rules): closing says
    the case is kept until one is set, not that a period starts."""
    dialog = _dialog(qtbot, demo_context, lise(demo_context))
    _choose(dialog.status, CaseStatus.CLOSED)
    settle(dialog)
    assert "ikke fastsat en opbevaringstid" in dialog.consequences.text()
    assert "opbevaringsperioden (" not in dialog.consequences.text()


def test_closing_needs_a_reason_and_shows_the_retention_clock(
    qtbot, demo_context, danish, municipal_retention
) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    _choose(dialog.status, CaseStatus.CLOSED)
    settle(dialog)
    assert "opbevaringsperiode" in dialog.consequences.text()
    assert not save(dialog)
    assert dialog.errors["reason"].isVisibleTo(dialog)
    assert case_row(demo_context, case_id).status == CaseStatus.ACTIVE
    dialog.reason.setPlainText("Familien klarer sig selv.")
    assert save(dialog)
    assert case_row(demo_context, case_id).status == CaseStatus.CLOSED


def test_hand_over_needs_a_note_then_saves_it_with_the_new_coordinator(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    mette = user_id(demo_context, "mette.dahl")
    before = case_row(demo_context, case_id)
    dialog = _dialog(qtbot, demo_context, case_id)
    _choose(dialog.coordinator, mette)
    settle(dialog)
    assert dialog.hand_over_box.isVisibleTo(dialog)
    assert "Mette Dahl" in dialog.caseload.text()
    assert not save(dialog)
    assert dialog.errors["note"].isVisibleTo(dialog)
    assert case_row(demo_context, case_id).coordinator_id == before.coordinator_id
    dialog.note.setPlainText("Mor venter svar om bolig; møde med skolen 3. juni.")
    dialog.read_only_days.setValue(14)
    settle(dialog)
    assert save(dialog)
    after = case_row(demo_context, case_id)
    assert after.coordinator_id == mette
    with demo_context.sessions() as session:
        row = session.scalar(select(CaseHandOver).where(CaseHandOver.case_id == case_id))
        assert row is not None and row.note.startswith("Mor venter")
        assert row.read_only_until is not None and (row.read_only_until - local_today()).days == 14
    assert "hand_over" in actions(demo_context, case_id)


def test_hand_over_above_the_limit_needs_a_reason_and_is_logged(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    with demo_context.sessions.begin() as session:
        set_caseload_settings(session, limit=Decimal(1))
    case_id = lise(demo_context)
    mette = user_id(demo_context, "mette.dahl")
    dialog = _dialog(qtbot, demo_context, case_id)
    _choose(dialog.coordinator, mette)
    dialog.note.setPlainText("Alt står i planen.")
    settle(dialog)
    assert dialog.preview is not None and dialog.preview.caseload is not None
    assert dialog.preview.caseload.above_limit
    assert not save(dialog)
    assert dialog.errors["reason"].isVisibleTo(dialog)
    assert case_row(demo_context, case_id).coordinator_id != mette
    dialog.reason.setPlainText("Mette kender familien fra før.")
    assert save(dialog)
    assert case_row(demo_context, case_id).coordinator_id == mette
    assert "caseload_above_limit" in actions(demo_context, case_id)


def test_a_colleague_saving_first_is_said_and_nothing_is_saved(
    qtbot, demo_context, danish, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    with demo_context.sessions.begin() as session:  # the colleague's save
        session.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(follow_up_interval_days=35, version=Case.version + 1)
        )
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _text, *a: warned.append(title))
    dialog.interval.setValue(49)
    settle(dialog)
    assert not save(dialog)
    assert warned == ["Ændret af en kollega"]
    assert case_row(demo_context, case_id).follow_up_interval_days == 35
    assert dialog.interval.value() == 49  # what was typed is kept


@pytest.mark.parametrize("now", list(CaseStatus))
def test_the_status_offers_only_the_allowed_steps(qtbot, demo_context, danish, now: CaseStatus) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    with demo_context.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == case_id).values(status=now))
    dialog = _dialog(qtbot, demo_context, case_id)
    offered = {dialog.status.itemData(i) for i in range(dialog.status.count())}
    assert offered == {now} | NEXT_STATUS[now]
    if now == CaseStatus.CLOSED:
        assert dialog.status.itemText(dialog.status.findData(CaseStatus.ACTIVE)) == "Genåbn (aktiv)"


@pytest.mark.parametrize(("now", "wanted"), list(product(CaseStatus, CaseStatus)))
def test_every_status_step_is_saved_or_refused_as_next_status_says(
    demo_context, now: CaseStatus, wanted: CaseStatus
) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    with demo_context.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == case_id).values(status=now))
    stored = case_row(demo_context, case_id)
    edit = CaseEdit(stored.partner_id, stored.model, stored.follow_up_interval_days, wanted, "Årsag")
    allowed = wanted == now or wanted in NEXT_STATUS[now]
    with demo_context.sessions.begin() as session:
        if allowed:
            save_case_change(session, case_id, stored.version, edit, None, local_today())
        else:
            with pytest.raises(ValidationError) as refused:
                save_case_change(session, case_id, stored.version, edit, None, local_today())
            assert [p.field for p in refused.value.problems] == ["status"]
    assert case_row(demo_context, case_id).status == (wanted if allowed else now)
