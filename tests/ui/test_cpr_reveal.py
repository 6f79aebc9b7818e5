"""CPR protection in the program's windows: the full number only through the deliberate
"Show CPR number" action in the case list, logged, and never in a window title."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy import select

from app.models import AuditEvent, Citizen
from app.services.common import audit
from app.services.common.cpr import cpr_holders
from app.services.demo.demo import generate_demo

TODAY = date(2025, 6, 11)
CPR_SHAPE = re.compile(r"\d{6}-?\d{4}")


def test_window_titles_never_hold_a_cpr_number(qtbot, tmp_path: Path, sqlite_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

    from app.ui.main_window import MainWindow

    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=3, seed=3, today=TODAY, my_login="tester")
        cprs = [c for c in session.scalars(select(Citizen.cpr)) if c]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sqlite_context, settings, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles: list[str] = []

    def collect() -> None:
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, QWidget))

    page = window.cases
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=3000)
    for row in range(min(page.model.rowCount(), 3)):
        with qtbot.waitSignal(window.family.loaded, timeout=20_000):
            page._open_index(page.model.index(row, 0))
        for nav in range(window.nav.count()):
            window.nav.setCurrentRow(nav)
            qtbot.wait(10)
            collect()
    # The deliberate reveal: the number is in the dialog's text, never in its title.
    window.nav.setCurrentRow(0)
    page.table.selectRow(0)
    assert page.reveal_action.isEnabled()
    # Whose number: the caseworker picks the last person of the case when there are several.
    with sqlite_context.sessions() as session:
        people = cpr_holders(session, page.selected_case_id())
    person = people[-1]
    asked: list[list[str]] = []

    def choose(_parent, _title, _label, labels, *_args):  # type: ignore[no-untyped-def]
        asked.append(list(labels))
        return labels[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    page.reveal_action.trigger()
    qtbot.waitUntil(lambda: page.reveal_dialog is not None, timeout=20_000)
    dialog = page.reveal_dialog
    assert dialog is not None
    assert len(asked) == (1 if len(people) > 1 else 0)
    assert person.name in dialog.name_label.text()
    qtbot.waitExposed(dialog)
    collect()
    shown = dialog.number_label.text()
    assert re.fullmatch(r"\d{6}-\d{4}", shown)
    assert shown[7:] not in dialog.windowTitle()
    dialog.close()
    for title in titles:
        assert not CPR_SHAPE.search(title), title
        assert not any(cpr[:6] in title for cpr in cprs), title
    with sqlite_context.sessions() as session:
        reveals = session.scalars(select(AuditEvent).where(AuditEvent.action == audit.CPR_REVEAL)).all()
    assert [e.citizen_id for e in reveals] == [person.citizen_id]
