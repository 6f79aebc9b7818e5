"""Start-up: heavy modules stay unloaded until the first window is shown; the family, plan
and calendar pages are made when first needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.startup import open_context

SCRIPT = """
import sys
from app.ui.app import start_gui
started = start_gui(sys.argv[1], "da")
assert not isinstance(started, int), started
app, window = started
app.processEvents()
assert window.isVisible()
loaded = sorted(m for m in ("reportlab", "psycopg", "alembic", "keyring") if m in sys.modules)
print("LOADED:" + ",".join(loaded))
print("TITLE:" + window.windowTitle())
PAGES = {"family": "app.ui.family.family_page", "plan": "app.ui.plan.plan_page",
         "calendar": "app.ui.calendar.calendar_page"}
ON_DEMAND = ("icalendar", "app.ui.cases.new_case_dialog", "app.ui.team.absence_dialog",
             "app.services.documents.documents")  # dialogs and services of later actions
print("PAGES:" + ",".join(sorted(m for m in (*PAGES.values(), *ON_DEMAND) if m in sys.modules)))
from app.ui.navigation import PAGE_CALENDAR
window.nav.setCurrentRow(PAGE_CALENDAR)  # made when first shown, in its place
assert window.stack.currentWidget() is window.calendar and window.stack.indexOf(window.calendar) == PAGE_CALENDAR
assert window.stack.count() == 5
print("AFTER:" + ",".join(sorted(m for m in PAGES.values() if m in sys.modules)))
"""


def test_heavy_modules_are_not_imported_before_the_first_window(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    open_context(str(db), login="tester").close()  # migrated beforehand
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED:\n" in result.stdout, result.stdout
    assert "TITLE:Koordinator" in result.stdout
    assert "PAGES:\n" in result.stdout, result.stdout  # none of them before the first window
    assert "AFTER:app.ui.calendar.calendar_page\n" in result.stdout, result.stdout
