"""A small run of the benchmarks keeps them working (timings are not asserted here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, script: str, *args: str) -> str:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path)
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_case_list_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out = _run(tmp_path, "case_list.py", "--citizens", "1500", "--repeat", "1")
    for line in (
        "first page (all cases)",
        "search keystroke",
        "data path only",
        "paint of the same",
        "data() calls at first paint",
    ):
        assert line in out, out
    assert "does not grow" in out, out


def test_family_page_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out = _run(tmp_path, "family_page.py", "--families", "3", "--repeat", "1")
    for line in (
        "8 members, 60 interventions",
        "open: double-click to painted page",
        "bare SQL",
        "data path",
        "network tab first shown",
    ):
        assert line in out, out


def test_plan_editor_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out = _run(tmp_path, "plan_editor.py", "--repeat", "1")
    for line in (
        "edit to new preview shown",
        "baseline: the same PDF built directly",
        "longest GUI-thread gap",
    ):
        assert line in out, out
