"""The day the need was noticed (BL § 20, stk. 3) through the intervention dialog: refused
next to its field when it comes after the start, stored when it does not, shown again when
the intervention is opened, and the investigation's deadline on the family page counts from
it (without it, the line says it counts from the start)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from app.models import Intervention
from app.services.common.clock import local_today
from app.services.family.transition import add_months
from app.ui.family.intervention_dialog import InterventionDialog
from tests.ui.family.test_family_page import _page, _reload, _texts
from tests.ui.lane_helpers import ready, save

pytestmark = pytest.mark.any_day


def _bfu_dialog(qtbot, context, page, start: date) -> InterventionDialog:  # type: ignore[no-untyped-def]
    son = next(m for m in page.analysis.overview.members if m.first_name == "Malthe")
    dialog = InterventionDialog(context, page.lanes, page.analysis.overview, None, son.citizen_id)
    qtbot.addWidget(dialog)
    ready(dialog)
    qtbot.keyClicks(dialog.title_edit, "Børnefaglig undersøgelse")
    qtbot.keyClicks(dialog.law.search, "BL 20")
    assert dialog.law.results.count() >= 1
    dialog.law.results.setCurrentRow(0)
    dialog.start.setDate(QDate(start.year, start.month, start.day))
    return dialog


def test_the_day_noticed_is_checked_stored_and_counted_from(
    qtbot, sqlite_context, settings, family_case
) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    noticed = add_months(today, -4) + timedelta(days=10)  # due in ten days: on the page's list
    start = noticed + timedelta(days=6)
    page = _page(qtbot, sqlite_context, settings, family_case)
    dialog = _bfu_dialog(qtbot, sqlite_context, page, start)
    dialog.noticed.check.setChecked(True)
    dialog.noticed.edit.setDate(QDate(start.year, start.month, start.day).addDays(1))  # after the start
    assert not save(dialog)
    assert dialog.errors["noticed_on"].isVisibleTo(dialog)
    assert "on or before the start" in dialog.errors["noticed_on"].text()
    with sqlite_context.sessions() as s:
        assert s.scalar(select(func.count(Intervention.id)).where(Intervention.case_id == family_case)) == 0
    dialog.noticed.edit.setDate(QDate(noticed.year, noticed.month, noticed.day))
    assert save(dialog), dialog.summary.text()
    with sqlite_context.sessions() as s:
        stored = s.scalar(select(Intervention.noticed_on).where(Intervention.case_id == family_case))
    assert stored == noticed
    _reload(qtbot, page)
    due = add_months(noticed, 4)
    lines = [t for t in _texts(page.warnings) if "undersøgelse" in t.lower() or "investigation" in t.lower()]
    assert len(lines) == 1 and due.strftime("%d.%m.%Y") in lines[0], lines
    assert "counted from the start" not in lines[0]
    info = next(i for i in page.analysis.overview.interventions if i.title == "Børnefaglig undersøgelse")
    again = InterventionDialog(sqlite_context, page.lanes, page.analysis.overview, info, None)
    qtbot.addWidget(again)
    ready(again)
    assert again.noticed.value() == noticed


def test_without_the_day_noticed_the_line_says_it_counts_from_the_start(  # type: ignore[no-untyped-def]
    qtbot,
    sqlite_context,
    settings,
    family_case,
) -> None:
    today = local_today()
    page = _page(qtbot, sqlite_context, settings, family_case)
    dialog = _bfu_dialog(qtbot, sqlite_context, page, add_months(today, -4) + timedelta(days=5))
    assert save(dialog), dialog.summary.text()
    _reload(qtbot, page)
    lines = [t for t in _texts(page.warnings) if "investigation" in t.lower()]
    assert len(lines) == 1 and "counted from the start: record when the need was noticed" in lines[0], lines
