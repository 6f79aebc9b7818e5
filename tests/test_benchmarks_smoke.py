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
        "1 client, superuser (no rules)",
        "1 client, caseworker role (reach views)",
    ], out
    for line in ("ops/s", "p95", "LOST UPDATES: 0", "1 client, superuser (no rules)"):
        assert line in out, out
    # The access designs side by side: the same program queries, no rules / old / new.
    designs = result["designs"]
    assert designs["reached_cases"] == designs["old_reached_cases"] > 0, out
    assert designs["reached_cases"] < designs["cases"], out
    header = "query                       | rule-free ms | old design ms | new design ms | new/rule-free"
    assert header in out, out
    labels = [q["query"] for q in designs["queries"]]
    assert {
        "case list, first page",
        "search CPR prefix 0101",
        "sort by CPR",
        "deadline flags, one page",
    } <= set(labels), out
    for query in designs["queries"]:
        timings = {t["design"]: t for t in query["timings"]}
        assert list(timings) == ["rule-free", "old design", "new design"], out
        assert all(
            t["runs"] >= 1 and t["median_ms"] > 0 and t["statements"] >= 1 for t in timings.values()
        ), out
        assert timings["old design"]["rows"] == timings["new design"]["rows"], query
        assert not timings["new design"]["jit"], query  # the staff roles run with jit = off
    assert "jit=off" in designs["settings"]["new design"], out
