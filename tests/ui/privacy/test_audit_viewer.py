"""The audit viewer: filter by user, period and citizen; export CSV (itself logged, no full
CPR number); a tampered entry is named by "Check the chain"; viewing logs no lookup."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import func, select, text

from app.models import AuditEvent, Case, Citizen, FamilyMember
from app.services.cases.case_list import CaseListQuery, count_cases
from app.services.common import audit
from app.services.common.clock import local_today, now_utc
from app.services.family.family_analysis import load_family_analysis
from app.services.family.family_warnings import DEFAULT_SETTINGS
from app.ui.common.background import StoreLanes
from app.ui.privacy.audit_viewer import SUGGESTED_FILE_NAME, AuditViewer

FULL_CPR = re.compile(r"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")
DANISH = {"Opened case": "Åbnede sag", "Search": "Søgning", "Exported": "Eksporterede"}


class _AuditDanish(QTranslator):
    """Stands in for the Danish catalogue: proves the labels go through self.tr."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        if context == "AuditViewer" and source in DANISH:
            return DANISH[source]
        return None  # a null QString: not translated here

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def audit_danish(qapp: QApplication) -> Iterator[None]:
    translator = _AuditDanish()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def lookups(demo_context):  # type: ignore[no-untyped-def]
    """Two family cases opened and one search, as "tester"; (case a, case b, a member of a)."""
    with demo_context.sessions() as s:
        families = list(s.scalars(select(Case).where(Case.family_id.is_not(None)).order_by(Case.id)))
        a, b = families[0], families[1]
        member = s.scalar(
            select(Citizen)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id == a.family_id)
            .order_by(Citizen.id)
            .limit(1)
        )
        assert member is not None and member.cpr
        b_member_ids = set(
            s.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == b.family_id))
        )
        assert member.id not in b_member_ids  # the two families share no one
        today = local_today()
        load_family_analysis(s, a.id, today, DEFAULT_SETTINGS)
        load_family_analysis(s, b.id, today, DEFAULT_SETTINGS)
        count_cases(s, CaseListQuery(today=today, now=now_utc(), search="Hansen"))
        return (a.id, a.number), (b.id, b.number), (member.id, member.cpr, member.first_name)


def _count(context) -> int:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _search(qtbot, viewer: AuditViewer) -> None:  # type: ignore[no-untyped-def]
    viewer.search_button.click()
    assert viewer.busy
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)


def _column(viewer: AuditViewer, column: int) -> list[str]:
    return [viewer.model.item(r, column).text() for r in range(viewer.model.rowCount())]


def test_filter_export_and_check_the_chain(  # type: ignore[no-untyped-def]
    qtbot, demo_context, lookups, audit_danish, tmp_path, monkeypatch
) -> None:
    (_a_id, a_number), (_b_id, b_number), (member_id, member_cpr, member_name) = lookups
    lanes = StoreLanes()
    viewer = AuditViewer(demo_context, lanes)
    lanes.setParent(viewer)
    qtbot.addWidget(viewer)
    # the user combo: "all" first, then the caseworkers (tester among them), read on the lane
    assert viewer.user.itemData(0) == ""
    qtbot.waitUntil(lambda: viewer.user.count() > 1, timeout=10_000)
    index = viewer.user.findData("tester")
    assert index > 0
    today = local_today()
    assert viewer.date_from.date() == QDate(today - timedelta(days=30))
    assert viewer.date_to.date() == QDate(today)

    before = _count(demo_context)
    viewer.user.setCurrentIndex(index)
    _search(qtbot, viewer)
    assert _count(demo_context) == before  # viewing is not a lookup
    actions = _column(viewer, 3)
    assert actions.count("Åbnede sag") == 2
    assert "Søgning" in actions
    assert set(_column(viewer, 1)) == {"tester"}
    search_row = actions.index("Søgning")
    assert _column(viewer, 6)[search_row] == "Hansen"
    assert {a_number, b_number} <= set(_column(viewer, 4))
    stamp = _column(viewer, 0)[0]
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4} \d{2}\.\d{2}", stamp)
    datetime.strptime(stamp, "%d.%m.%Y %H.%M")

    # a period before today: nothing
    viewer.date_from.setDate(QDate(today - timedelta(days=60)))
    viewer.date_to.setDate(QDate(today - timedelta(days=31)))
    _search(qtbot, viewer)
    assert viewer.model.rowCount() == 0
    assert not viewer.export_button.isEnabled()
    viewer.date_from.setDate(QDate(today - timedelta(days=30)))
    viewer.date_to.setDate(QDate(today))

    # one citizen, found by CPR number: only entries about them (case a, not case b)
    viewer.citizen.setText(f"{member_cpr[:6]}-{member_cpr[6:]}")
    _search(qtbot, viewer)
    assert _count(demo_context) == before
    assert viewer.model.rowCount() >= 1
    assert "Åbnede sag" in _column(viewer, 3)
    cases = set(_column(viewer, 4))
    assert a_number in cases and b_number not in cases
    assert "Søgning" not in _column(viewer, 3)
    with demo_context.sessions() as s:
        own = {
            e.id for e in audit.find_entries(s, audit.EntryFilter(citizen_id=member_id, user_login="tester"))
        }
    assert {r.id for r in viewer.rows} == own
    # ... and by name (first name alone may match others; entries about them stay the member's too)
    viewer.citizen.setText(member_name.upper())
    _search(qtbot, viewer)
    assert a_number in set(_column(viewer, 4))
    viewer.citizen.setText("Ingen Sådan Borger")
    _search(qtbot, viewer)
    assert viewer.model.rowCount() == 0
    assert viewer.status.text() == "No citizen matches the search."

    # export the citizen's rows: a fixed suggested name, the rows, no full CPR; logged
    viewer.citizen.setText(member_cpr)
    _search(qtbot, viewer)
    shown = [r.id for r in viewer.rows]
    target = tmp_path / "ud.csv"
    asked: list[str] = []

    def save_name(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    viewer.export_button.click()
    assert asked == [SUGGESTED_FILE_NAME]
    assert viewer.busy  # written on the store lane
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert viewer.status.text() == f"{len(shown)} entries exported."
    content = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(content.splitlines(), delimiter=";"))
    assert rows[0] == list(audit.CSV_COLUMNS)
    assert [int(r[0]) for r in rows[1:]] == shown
    assert member_cpr not in content and member_cpr[6:] not in content.replace(member_cpr[:6], "")
    assert not FULL_CPR.search(content)
    with demo_context.sessions() as s:
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
        assert last is not None
        assert (last.action, last.user_login, last.citizen_id) == (audit.EXPORT, "tester", member_id)
        assert f'"rows": {len(shown)}' in last.details
        assert member_cpr not in last.details

    # the chain: whole, then one entry changed in the store
    viewer.check_button.click()
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert viewer.chain_status.text() == f"The chain is whole: {_count(demo_context)} entries checked."
    victim = shown[0]
    with demo_context.sessions.begin() as s:
        s.execute(text("UPDATE audit_events SET department = 'Ændret' WHERE id = :id"), {"id": victim})
    viewer.check_button.click()
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert f"Entry {victim} was changed" in viewer.chain_status.text()
    assert viewer.chain_status.text().startswith("The chain is broken.")


def test_open_for_shows_the_last_30_days(qtbot, demo_context, lookups) -> None:  # type: ignore[no-untyped-def]
    before = _count(demo_context)
    lanes = StoreLanes()
    AuditViewer.open_for(demo_context, lanes, None)
    viewer = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditViewer) and w.isVisible())
    lanes.setParent(viewer)
    qtbot.addWidget(viewer)
    assert viewer.isVisible()
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert viewer.model.rowCount() >= 3
    assert "Opened case" in _column(viewer, 3)  # the English source without a translation
    assert _count(demo_context) == before


def test_a_failed_export_says_so_and_logs_nothing(
    qtbot, demo_context, lookups, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    viewer = AuditViewer(demo_context, lanes)
    lanes.setParent(viewer)
    qtbot.addWidget(viewer)
    _search(qtbot, viewer)
    assert viewer.rows
    before = _count(demo_context)
    missing = tmp_path / "no such folder" / "ud.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(missing), "CSV files (*.csv)"))
    )
    viewer.export_button.click()
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert viewer.status.text() == "The export failed."
    assert not missing.exists()
    assert _count(demo_context) == before  # the export's log entry was rolled back with it
    assert viewer.export_button.isEnabled()  # the caseworker can try again


@pytest.mark.parametrize("shown", [1, 2, 3])
def test_a_long_result_shows_the_newest_and_says_so(qtbot, demo_context, lookups, monkeypatch, shown) -> None:  # type: ignore[no-untyped-def]
    from app.services.privacy import audit_search

    monkeypatch.setattr(audit_search, "VIEWER_ROWS", shown)
    lanes = StoreLanes()
    viewer = AuditViewer(demo_context, lanes)
    lanes.setParent(viewer)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.user.count() > 1, timeout=10_000)
    viewer.user.setCurrentIndex(viewer.user.findData("tester"))
    _search(qtbot, viewer)
    with demo_context.sessions() as s:
        newest = list(
            s.scalars(
                select(AuditEvent.id)
                .where(AuditEvent.user_login == "tester")
                .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
                .limit(shown)
            )
        )
    assert len(newest) == shown  # tester has more entries than are shown
    assert [r.id for r in viewer.rows] == newest[::-1]
    assert viewer.model.rowCount() == shown
    assert viewer.status.text().startswith(f"The newest {shown} entries are shown; older ones match too.")
    assert viewer.export_button.isEnabled()  # the export writes them all
