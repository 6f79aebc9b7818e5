"""Start-up: heavy modules stay unloaded until the first window is shown."""

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
