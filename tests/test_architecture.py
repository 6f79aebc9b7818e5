"""Layers: the core is Qt-free (a ruff banned-api rule), and the linter is clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean_including_the_qt_import_rule() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "app", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_without_qt() -> None:
    code = (
        "import sys, app.models, app.store.opening, app.store.migrate, app.services.case_list, "
        "app.services.demo, app.startup, app.cli; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported by the core'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
