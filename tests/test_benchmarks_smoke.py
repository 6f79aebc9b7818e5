"""A small run of the benchmarks keeps them working (timings are not asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.postgres
def test_shared_store_load_benchmark_runs_and_loses_no_update(tmp_path: Path, postgres_url: str) -> None:
    figures = tmp_path / "load.json"
    out = _run(
        tmp_path,
        "shared_store_load.py",
        *("--clients", "4", "--teams", "2", "--seconds", "3", "--baseline-seconds", "1"),
        *("--families", "20", "--server", postgres_url, "--json", str(figures)),
    )
    result = json.loads(figures.read_text(encoding="utf-8"))
    assert result["lost_updates"] == 0 and result["phantom_updates"] == 0, out
    assert result["reach_ok"] and result["versions_match"], out
    load = result["load"]
    assert load["clients"] == 4 and load["operations"] > 0 and load["per_second"] > 0, out
    assert load["saves"] > 0 and not load["errors"], out
    assert {k["kind"] for k in load["kinds"] if k["count"] and k["p95_ms"] > 0} >= {
        "case list",
        "plan edit",
    }, out
    assert [b["label"] for b in result["baselines"]] == [
        "1 client, superuser (no RLS)",
        "1 client, caseworker role (RLS)",
    ], out
    for line in ("ops/s", "p95", "LOST UPDATES: 0", "1 client, superuser (no RLS)"):
        assert line in out, out
