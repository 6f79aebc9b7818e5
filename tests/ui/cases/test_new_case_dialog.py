"""The new-case dialog: messages next to fields, nothing stored half-way, good input saved."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import app.ui.cases.new_case_dialog as dialog_module
from app.models import AuditEvent, Case, Citizen, Family, FamilyMember
from app.services.common.context import AppContext
from app.services.team.caseload import ABOVE_LIMIT, set_caseload_settings
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.common.background import StoreLanes
from tests.ui.lane_helpers import ready, save, wait_for


def _counts(context: AppContext) -> tuple[int, ...]:
    with context.sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(m)) for m in (Case, Citizen, Family, FamilyMember)
        )


def _dialog(qtbot, context: AppContext) -> NewCaseDialog:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    dialog = NewCaseDialog(context, lanes)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    ready(dialog)  # the caseworkers are read on the store lane
    return dialog


def test_bad_input_gets_messages_and_stores_nothing(qtbot, sqlite_context, danish) -> None:  # type: ignore[no-untyped-def]
    before = _counts(sqlite_context)
    dialog = _dialog(qtbot, sqlite_context)
    parent = dialog.members[0]
    qtbot.keyClicks(parent.first_name, "Lise")
    qtbot.keyClicks(parent.last_name, "Holm")
    qtbot.keyClicks(parent.cpr, "310299-1234")  # 31 February
    child = dialog.members[1]
    qtbot.keyClicks(child.first_name, "Emil")
    qtbot.keyClicks(child.cpr, "12ab")
    assert not save(dialog)
    assert dialog.isVisible() and dialog.created_case_id is None
    assert _counts(sqlite_context) == before
    assert parent.errors["cpr"].isVisible()
    assert "rigtig fødselsdato" in parent.errors["cpr"].text()
    assert child.errors["cpr"].isVisible() and "10 cifre" in child.errors["cpr"].text()
    assert dialog.family_name_error.isVisible() and dialog.family_name_error.text() == "Skal udfyldes."
    summary = dialog.summary.text()
    assert summary.startswith("Før sagen kan oprettes, mangler:")
    assert "familiens navn" in summary and "CPR-nummer på person 1" in summary
    # The typing is kept.
    assert parent.first_name.text() == "Lise" and child.cpr.text() == "12ab"


def test_errors_appear_only_for_touched_fields_until_save(qtbot, sqlite_context) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, sqlite_context)
    assert not dialog.members[0].errors["cpr"].isVisible()
    assert dialog.summary.text()  # but the summary beside the button says what is missing
    qtbot.keyClicks(dialog.members[0].cpr, "99")
    assert dialog.members[0].errors["cpr"].isVisible()
    assert not dialog.members[1].errors["cpr"].isVisible()


def test_good_family_is_saved(qtbot, sqlite_context) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, sqlite_context)
    qtbot.keyClicks(dialog.family_name, "Familien Østergaard")
    parent, child = dialog.members
    qtbot.keyClicks(parent.first_name, "Åse")
    qtbot.keyClicks(parent.last_name, "Østergaard")
    qtbot.keyClicks(parent.cpr, "0505851234")
    qtbot.keyClicks(child.first_name, "Mikkel")
    qtbot.keyClicks(child.cpr, "120315-4321")
    assert save(dialog), dialog.summary.text()
    assert dialog.created_case_id is not None
    with sqlite_context.sessions() as session:
        case = session.get(Case, dialog.created_case_id)
        assert case.title == "Familien Østergaard"
        names = [m.citizen.full_name for m in case.family.members]
        assert names == ["Åse Østergaard", "Mikkel Østergaard"]  # last name copied to the child row
        assert case.family.members[0].custody


def test_single_citizen_and_soft_mod11_note(qtbot, sqlite_context) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, sqlite_context)
    dialog.single_radio.setChecked(True)
    assert len(dialog.members) == 1 and not dialog.family_name.isVisible()
    person = dialog.members[0]
    qtbot.keyClicks(person.first_name, "Karl")
    qtbot.keyClicks(person.last_name, "Nyborg")
    qtbot.keyClicks(person.cpr, "010107-4003")  # valid, fails modulus 11 (issued since 2007)
    assert person.errors["cpr"].isVisible()  # a soft note, shown at once
    assert save(dialog)
    with sqlite_context.sessions() as session:
        case = session.get(Case, dialog.created_case_id)
        assert case.family_id is None and case.citizen.cpr == "0101074003"


def test_database_failure_keeps_typing_and_stores_nothing(
    qtbot,
    sqlite_context,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    real_create = dialog_module.create_assigned_case

    def failing(session, data, today, reason):  # type: ignore[no-untyped-def]
        real_create(session, data, today, reason)  # rows are written in the transaction …
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))  # … then the store fails

    monkeypatch.setattr(dialog_module, "create_assigned_case", failing)
    before = _counts(sqlite_context)
    dialog = _dialog(qtbot, sqlite_context)
    dialog.single_radio.setChecked(True)
    person = dialog.members[0]
    for widget, text in (
        (person.first_name, "Karl"),
        (person.last_name, "Nyborg"),
        (person.cpr, "050585-1234"),
    ):
        qtbot.keyClicks(widget, text)
    assert not save(dialog)
    assert dialog.isVisible() and person.first_name.text() == "Karl"
    assert dialog.summary.text()
    assert _counts(sqlite_context) == before


def test_the_default_follow_up_interval_comes_from_the_settings(qtbot, sqlite_context, settings) -> None:  # type: ignore[no-untyped-def]
    from app.ui.settings.preferences_dialog import PreferencesDialog

    preferences = PreferencesDialog(settings)
    qtbot.addWidget(preferences)
    preferences.follow_up.setValue(12)
    preferences.accept()
    lanes = StoreLanes()
    dialog = NewCaseDialog(sqlite_context, lanes, None, settings)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    assert dialog.interval.value() == 12
    assert dialog.case_input().follow_up_interval_days == 84


# -- the caseload beside the coordinator: before → after against the team's limit ----------------


def _fill_family(qtbot, dialog: NewCaseDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.family_name, f"Familien {name}")
    parent, child = dialog.members
    qtbot.keyClicks(parent.first_name, "Åse")
    qtbot.keyClicks(parent.last_name, name)
    qtbot.keyClicks(parent.cpr, "0505851234")
    qtbot.keyClicks(child.first_name, "Mikkel")
    qtbot.keyClicks(child.cpr, "120315-4321")


def _above_limit_entries(context: AppContext) -> list[dict[str, str]]:
    with context.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == ABOVE_LIMIT))
        return [{**json.loads(r.details), "case": r.case_id} for r in rows]


@pytest.mark.parametrize(
    ("limit", "family_weight", "shown", "above"),
    [
        ("30", "1.5", "0 → 1,5 af 30", False),
        ("1.5", "1.5", "0 → 1,5 af 1,5", False),  # at the limit is within it
        ("1", "1.5", "0 → 1,5 af 1", True),
        ("2", "2.5", "0 → 2,5 af 2", True),
    ],
)
def test_the_caseload_is_shown_and_above_the_limit_a_reason_is_required_and_logged(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, danish, limit: str, family_weight: str, shown: str, above: bool
) -> None:
    with sqlite_context.sessions.begin() as session:
        set_caseload_settings(session, limit=Decimal(limit), family_weight=Decimal(family_weight))
    dialog = _dialog(qtbot, sqlite_context)
    assert dialog.caseload.summary.text() == f"Sagsbelastning {shown}"
    assert dialog.caseload.reason.isVisibleTo(dialog) is above
    _fill_family(qtbot, dialog, "Østergaard")
    if above:
        before = _counts(sqlite_context)
        assert not save(dialog)  # no reason: nothing stored
        assert _counts(sqlite_context) == before
        assert dialog.caseload.reason_error.isVisible()
        assert "begrundelse" in dialog.summary.text()
        qtbot.keyClicks(dialog.caseload.reason, "  Kender familien fra før  ")
    assert save(dialog), dialog.summary.text()
    entries = _above_limit_entries(sqlite_context)
    if above:
        [entry] = entries
        assert entry["case"] == dialog.created_case_id
        assert entry["reason"] == "Kender familien fra før"
        assert (entry["before"], entry["after"], entry["limit"]) == ("0", family_weight, limit)
        assert entry["user_id"] == sqlite_context.user.id
    else:
        assert entries == []


def test_a_single_citizen_weighs_less_and_the_choice_of_coordinator_counts(
    qtbot, sqlite_context, danish
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        set_caseload_settings(session, limit=Decimal(1))
    dialog = _dialog(qtbot, sqlite_context)
    assert dialog.caseload.check is not None and dialog.caseload.check.above_limit  # a family: 1,5
    dialog.single_radio.setChecked(True)
    assert dialog.caseload.summary.text() == "Sagsbelastning 0 → 1 af 1"
    assert not dialog.caseload.reason.isVisibleTo(dialog)


def test_the_service_checks_again_when_the_case_is_stored(qtbot, sqlite_context, danish) -> None:  # type: ignore[no-untyped-def]
    """The limit lowered while the dialog was open: the store refuses without a reason."""
    dialog = _dialog(qtbot, sqlite_context)
    _fill_family(qtbot, dialog, "Holm")
    with sqlite_context.sessions.begin() as session:
        set_caseload_settings(session, limit=Decimal(1))
    before = _counts(sqlite_context)
    assert not save(dialog)
    assert _counts(sqlite_context) == before
    wait_for(lambda: dialog.caseload.reason.isVisibleTo(dialog))  # the loads are read again
    qtbot.keyClicks(dialog.caseload.reason, "Akut")
    assert save(dialog), dialog.summary.text()
    assert [e["reason"] for e in _above_limit_entries(sqlite_context)] == ["Akut"]
