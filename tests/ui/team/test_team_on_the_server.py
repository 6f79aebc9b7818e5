"""Issue 16's "done when", through whole main windows on a real PostgreSQL server, each with
its own caseworker's login:

* Anna hands Lise's case to Ali (another team) with a note from the family page; Ali, opening
  the case, meets the note first; Anna's login reads the case (and changes nothing) during the
  read-only period, and nothing of it afterwards;
* Ali covers Bo's cases for a week: he sees them in his case list during the week, and not
  after it.
"""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models import Case
from app.services.common.clock import local_today
from app.ui.main_window import MainWindow
from app.ui.team.absence_dialog import NewAbsenceDialog
from app.ui.team.edit_case_dialog import EditCaseDialog
from tests.ui.lane_helpers import exec_saving, ready, save, wait_for
from tests.ui.team.team_helpers import lise

pytestmark = pytest.mark.postgres

NOTE = "Mor er lovet svar fra skolen om støttetimer inden fredag. Netværksmøde 15.12 kl. 10."


def _admin(store, sql: str, **params: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    return store.admin_sql(sql, **params)  # type: ignore[no-any-return]


def _window(qtbot, context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _listed(qtbot, window: MainWindow) -> set[int]:  # type: ignore[no-untyped-def]
    """The ids in the window's case list (all within reach), read afresh."""
    cases = window.cases
    cases.scope.setCurrentIndex(cases.scope.findData("all"))
    cases.model.reload()
    qtbot.waitUntil(lambda: cases.model.query.scope == "all" and not cases.model.busy, timeout=10_000)
    return {cases.model.row_at(r).id for r in range(cases.model.rowCount())}


def _psql_count(store, who: str, sql: str, *params: object) -> int:  # type: ignore[no-untyped-def]
    with store.psql(who) as conn:
        return int(conn.execute(sql, params).fetchone()[0])


def test_a_hand_over_and_a_weeks_cover_on_the_server(  # type: ignore[no-untyped-def]
    shared_store, open_store_context, qtbot, settings, monkeypatch, danish
) -> None:
    _admin(shared_store, "UPDATE users SET team = 'C' WHERE login = :l", l=shared_store.logins["ali"])
    anna_ctx = open_store_context(shared_store.url_for("anna"))
    ali_ctx = open_store_context(shared_store.url_for("ali"))
    bo_ctx = open_store_context(shared_store.url_for("bo"))
    case_id = lise(anna_ctx)
    family_id = _admin(shared_store, "SELECT family_id FROM cases WHERE id = :c", c=case_id)[0][0]
    anna, ali = _window(qtbot, anna_ctx, settings), _window(qtbot, ali_ctx, settings)
    assert case_id not in _listed(qtbot, ali)

    # Anna: the family page's "Ret sag…", a new coordinator, the note, a week's reading.
    def hand_to_ali(dialog: QDialog) -> None:
        assert isinstance(dialog, EditCaseDialog)
        dialog.coordinator.setCurrentIndex(dialog.coordinator.findData(ali_ctx.user.id))
        dialog.note.setPlainText(NOTE)
        dialog.read_only_days.setValue(7)
        wait_for(lambda: dialog.hand_over_box.isVisibleTo(dialog))

    def run(dialog: EditCaseDialog) -> int:
        result = exec_saving(dialog, hand_to_ali)
        shown = {k: e.text() for k, e in dialog.errors.items() if e.isVisibleTo(dialog)}
        assert result == int(QDialog.DialogCode.Accepted), (shown, dialog.summary.text())
        return result

    monkeypatch.setattr(EditCaseDialog, "exec", run)
    anna.open_case(case_id)
    qtbot.waitUntil(lambda: anna.team_bar.isEnabled(), timeout=10_000)
    anna.team_bar.edit_button.click()
    assert _admin(shared_store, "SELECT coordinator_id FROM cases WHERE id = :c", c=case_id) == [
        (ali_ctx.user.id,)
    ]

    # Ali opens the case: the note comes first; read, it does not come again.
    ali.open_case(case_id)
    qtbot.waitUntil(lambda: ali.team_bar.note_dialog is not None, timeout=10_000)
    shown = ali.team_bar.note_dialog
    assert shown.text.toPlainText() == NOTE  # type: ignore[union-attr]
    assert shown.from_label.text() == anna_ctx.user.full_name  # type: ignore[union-attr]
    shown.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: (
            _admin(
                shared_store, "SELECT seen_at IS NOT NULL FROM case_hand_overs WHERE case_id = :c", c=case_id
            )
            == [(True,)]
        ),
        timeout=10_000,
    )
    ali.open_case(case_id)
    ali.lanes.wait(10_000)
    qtbot.wait(50)
    assert ali.team_bar.note_dialog is None

    # The read-only week: Anna's login reads the case, and changes nothing of it.
    assert case_id in _listed(qtbot, anna)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _psql_count(
            shared_store,
            "anna",
            "UPDATE cases SET follow_up_interval_days = 7 WHERE id = %s RETURNING 1",
            case_id,
        )
    # ... and after it, nothing at all: not the case, its family, its people or its plan. Her
    # open family page says so when it next reads the case.
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, message: told.append(message))
    _admin(
        shared_store,
        "UPDATE case_hand_overs SET read_only_until = :d WHERE case_id = :c",
        d=local_today() - timedelta(days=1),
        c=case_id,
    )
    assert case_id not in _listed(qtbot, anna)
    anna.family.reload()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "overdraget til et andet team" in told[0]
    with anna_ctx.sessions() as session:
        assert session.get(Case, case_id) is None
    for sql in (
        "SELECT count(*) FROM cases WHERE id = %s",
        "SELECT count(*) FROM family_members WHERE family_id = %s",
        "SELECT count(*) FROM plan_versions WHERE case_id = %s",
        "SELECT count(*) FROM case_hand_overs WHERE case_id = %s",
    ):
        param = family_id if "family_id" in sql else case_id
        assert _psql_count(shared_store, "anna", sql, param) == 0, sql
    assert case_id in _listed(qtbot, ali)

    # Bo plans a week away with Ali as his deputy; Ali sees Bo's cases for that week only.
    bo_cases = set(shared_store.cases["B"])
    before = _listed(qtbot, ali)
    assert not before & bo_cases
    dialog = NewAbsenceDialog(bo_ctx, ali.lanes)
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.deputy.setCurrentIndex(dialog.deputy.findData(ali_ctx.user.id))
    end = local_today() + timedelta(days=6)
    dialog.ends_on.setDate(dialog.ends_on.date().addDays(6))
    assert save(dialog)
    assert _admin(shared_store, "SELECT ends_on FROM absences") == [(end,)]
    assert _listed(qtbot, ali) == before | bo_cases
    _admin(shared_store, "UPDATE absences SET starts_on = starts_on - 8, ends_on = ends_on - 8")
    assert _listed(qtbot, ali) == before
    _quiet(qtbot, anna, ali)


def _quiet(qtbot, *windows: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Let the change notices of the last steps arrive and the reads they start finish, so no
    window is still reading when the test's logins are dropped."""
    for _ in range(3):
        qtbot.wait(200)
        for window in windows:
            window.lanes.wait(10_000)
