"""Opening the family screen in a test: a page on its own store lanes, shown, with a case read."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from sqlalchemy import select

from app.models import Case
from app.services.common.context import AppContext
from app.ui.common.background import StoreLanes
from app.ui.family.family_page import FamilyPage


def case_titled(context: AppContext, title: str) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == title)))


def open_family_page(qtbot, context: AppContext, settings: QSettings, case_id: int, tab: int) -> FamilyPage:  # type: ignore[no-untyped-def]
    """The family screen at 1366 x 800 with the case read and the tab ``tab`` shown."""
    page = FamilyPage(context, settings, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1366, 800)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    page.tabs.setCurrentIndex(tab)
    return page
