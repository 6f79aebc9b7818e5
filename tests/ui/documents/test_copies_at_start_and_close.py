"""The program itself removes copies of opened documents: those a killed program left, when it
starts; its own, when it closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.startup import open_context

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from app.services.documents.open_copies import open_copies_root, run_folder
from app.ui.app import start_gui

left = open_copies_root() / "run-2147483646"  # a program that no longer runs
print("LEFT_BEFORE:" + str((left / "dokument-1.pdf").exists()))
started = start_gui(sys.argv[1], "da")
assert not isinstance(started, int), started
app, window = started
print("LEFT_AFTER_START:" + str(left.exists()))
mine = run_folder() / "dokument-2.pdf"
mine.write_bytes(b"%PDF-1.4")
print("MINE:" + str(mine))
QTimer.singleShot(0, window.close)
QTimer.singleShot(50, app.quit)
app.exec()
print("MINE_AFTER_CLOSE:" + str(mine.exists()))
"""


def test_copies_are_swept_at_start_and_removed_at_close(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    open_context(str(db), login="tester").close()  # migrated beforehand
    homes = {
        f"XDG_{part}_HOME": str(tmp_path / part.lower()) for part in ("DATA", "CONFIG", "STATE", "CACHE")
    }
    cache = Path(homes["XDG_CACHE_HOME"])
    left = cache / "Koordinator" / "open-documents" / "run-2147483646"
    left.mkdir(parents=True)
    (left / "dokument-1.pdf").write_bytes(b"%PDF-1.4")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **homes}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "LEFT_BEFORE:True" in out, out
    assert "LEFT_AFTER_START:False" in out, out
    mine = Path(out.split("MINE:", 1)[1].splitlines()[0])
    assert mine.is_relative_to(cache)
    assert "MINE_AFTER_CLOSE:False" in out, out
    assert not mine.parent.exists()
