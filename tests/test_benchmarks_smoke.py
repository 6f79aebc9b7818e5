"""A small run of each benchmark keeps it working and its verdict honest.

A benchmark ends with a machine-readable verdict (``benchmarks/verdict.py``): exit code 0 when
every judged target is met, 3 when one is missed, 1 when it crashed; ``--json`` writes the
targets and figures. The runs here are tiny and ``--smoke``: time targets hold for the full
size, so they are reported but not judged (these tests are not timed); every other target
(a count that must not grow with N, the page count, the family shown whole) is judged, and a
miss fails the test as a crash does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.verdict import EXIT_MISSED, below, finish, holds

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
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _smoke(tmp_path: Path, script: str, *args: str) -> tuple[str, dict[str, Any]]:
    """A tiny --smoke run: it must end with exit code 0 and a verdict that every judged target is met."""
    verdict_file = tmp_path / "verdict.json"
    out = _run(tmp_path, script, *args, "--smoke", "--json", str(verdict_file))
    verdict = json.loads(verdict_file.read_text(encoding="utf-8"))
    assert verdict["smoke"] is True and verdict["met"] is True, out
    assert "meets the target" in out, out
    for target in verdict["targets"]:
        assert target["judged"] is not target["timing"], target
        assert target["met"] or target["timing"], target
        assert f"target: {target['name']} {target['wanted']}: {target['measured']}" in out, out
    return out, verdict


def _names(verdict: dict[str, Any], timing: bool) -> set[str]:
    return {t["name"] for t in verdict["targets"] if t["timing"] is timing}


def test_case_list_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "case_list.py", "--citizens", "1500", "--repeat", "1")
    for line in (
        "first page (all cases)",
        "search keystroke",
        "data path only",
        "paint of the same",
        "data() calls at first paint",
    ):
        assert line in out, out
    assert _names(verdict, timing=False) == {"data() calls at first paint do not grow with N"}
    assert _names(verdict, timing=True) == {
        "first page (all cases)",
        "first page / (bare SQL + paint)",
        "search keystroke",
        "keystroke / (bare SQL + paint)",
    }
    figures = verdict["figures"]
    assert 0 < figures["big_calls"] <= figures["small_calls"] * 1.1, figures


def test_family_page_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "family_page.py", "--families", "3", "--repeat", "1")
    for line in (
        "8 members, 60 interventions",
        "open: double-click to painted page",
        "bare SQL",
        "data path",
        "network tab first shown",
    ):
        assert line in out, out
    assert _names(verdict, timing=False) == {"the large family shown whole"}
    assert _names(verdict, timing=True) == {"open: double-click to painted page"}
    assert (verdict["figures"]["members"], verdict["figures"]["interventions"]) == (8, 60)


def test_plan_editor_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "plan_editor.py", "--repeat", "1")
    for line in (
        "edit to new preview shown",
        "baseline: the same PDF built directly",
        "longest GUI-thread gap",
    ):
        assert line in out, out
    assert _names(verdict, timing=True) == {
        "edit to new preview shown",
        "longest GUI-thread gap meanwhile",
        "a keystroke on the GUI thread",
    }


def test_plan_pdf_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "plan_pdf.py", "--repeat", "1")
    for line in (
        "plan: 5 pages normal",
        "first export (incl. font registration)",
        "later exports (median of 1)",
        "large print, later exports",
        "baseline: 5 pages of plain paragraphs",
        "ratio later export / baseline",
    ):
        assert line in out, out
    assert _names(verdict, timing=False) == {"the plan's page count"}
    assert _names(verdict, timing=True) == {"first export (incl. font registration)"}
    assert verdict["figures"]["pages"] == 5


def test_my_day_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "my_day.py", "--citizens", "1200", "--repeat", "1")
    for line in (
        '"Min dag", SQLite:',
        "journal entries",
        "day first shown (read, logged)",
        "day read again and painted",
        "data path only (no widgets)",
        "statements per day:",
    ):
        assert line in out, out
    assert _names(verdict, timing=False) == {
        "statements per day do not grow with N",
        "every section has lines to show",
    }
    assert _names(verdict, timing=True) == {
        "day first shown (read, logged, painted)",
        "day read again and painted",
        "data path / bare SQL",
    }
    figures = verdict["figures"]
    assert figures["journal_entries"] >= 10 * figures["citizens"], figures  # and the demo's own notes
    assert figures["small_statements"] == figures["big_statements"] > 0, figures
    assert all(count > 0 for count in figures["lines"].values()), figures


def test_search_everything_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "search_everything.py", "--citizens", "1200", "--entries", "12000")
    for line in ("1200 citizens, 12000 journal entries", "service ms", "statement ms", "bare index ms"):
        assert line in out, out
    kinds = ("common word", "rare word", "name", "CPR prefix")
    assert _names(verdict, timing=True) == {f"search, {kind}" for kind in kinds}
    assert _names(verdict, timing=False) == {
        "a common word fills the page and says there are more",
        "the rare word finds exactly its entries",
        "the name finds its people first",
        "the CPR prefix finds the person's case, masked",
    }
    searches = verdict["figures"]["searches"]
    assert set(searches) == set(kinds)
    for figures in searches.values():
        assert figures["service_ms"] > 0 and figures["statement_ms"] > 0 and figures["bare_ms"] >= 0
    assert searches["CPR prefix"]["term"] == "CPR prefix (birth date)"  # no number in the figures


@pytest.mark.postgres
def test_search_everything_benchmark_on_the_server(tmp_path: Path, postgres_url: str) -> None:
    out, verdict = _smoke(
        tmp_path, "search_everything.py", "--citizens", "600", "--entries", "6000", "--server", postgres_url
    )
    assert "PostgreSQL, as a caseworker of one team of 5" in out and "no reach ms" in out, out
    server = verdict["figures"]["server"]
    assert server["outside_reach"] == 0 and 0 < server["reached_cases"] < verdict["figures"]["cases"]
    assert set(server["searches"]) == {"common word", "rare word", "name", "CPR prefix"}
    assert "the server finds nothing outside reach" in _names(verdict, timing=False)


@pytest.mark.postgres
def test_audit_server_benchmark_writes_through_the_servers_writer(tmp_path: Path, postgres_url: str) -> None:
    out, verdict = _smoke(tmp_path, "audit_server.py", "--server", postgres_url)
    figures = verdict["figures"]
    assert figures["written_by_login"] == figures["writes"] > 0, out
    assert set(figures["write_ms"]) == set(figures["bare_ms"]) == {"300", "3000"}
    assert "write an entry (ms): the program" in out


# -- the verdict itself ----------------------------------------------------------------------


def _finish(tmp_path: Path, smoke: bool, *targets: Any) -> tuple[int, dict[str, Any]]:
    args = argparse.Namespace(smoke=smoke, json=tmp_path / "verdict.json")
    code = finish("probe", list(targets), {"figure": 1.0}, args)
    return code, json.loads(args.json.read_text(encoding="utf-8"))


def test_a_missed_target_is_exit_code_3_and_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, verdict = _finish(tmp_path, False, below("open", 200, 150), holds("pages", True, 5, 5))
    assert code == EXIT_MISSED and verdict["met"] is False
    assert "MISSES THE TARGET: open" in capsys.readouterr().out
    code, verdict = _finish(tmp_path, False, below("open", 100, 150), holds("pages", True, 5, 5))
    assert code == 0 and verdict["met"] is True


def test_a_smoke_run_judges_every_target_but_the_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, verdict = _finish(tmp_path, True, below("open", 200, 150), holds("pages", True, 5, 5))
    assert code == 0 and verdict["met"] is True
    assert "MISSED (not judged in a smoke run)" in capsys.readouterr().out
    code, verdict = _finish(tmp_path, True, below("open", 100, 150), holds("pages", False, 6, 5))
    assert code == EXIT_MISSED and verdict["met"] is False
    assert "MISSES THE TARGET: pages" in capsys.readouterr().out


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


def test_startup_benchmark_runs_and_reports(tmp_path: Path) -> None:
    out, verdict = _smoke(
        tmp_path, "startup.py", "--repeat", "1", "--families", "2", "--frozen", str(tmp_path / "not-built")
    )
    for line in (
        "baseline: a bare PySide6 window",
        "floor: the bare window",
        "the program from source",
        "ms to the window",
    ):
        assert line in out, out
    assert _names(verdict, timing=True) == {"the program from source / a bare window"}
    assert _names(verdict, timing=False) == {"every program showed its window"}


def test_case_list_sql_benchmark_runs_at_two_sizes(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "case_list_sql.py", "--citizens", "200,800", "--repeat", "1")
    figures = verdict["figures"]
    assert figures["sizes"] == [200, 800]
    assert all(figures["kept"].values()), figures["kept"]
    for name in (
        "sort by cpr",
        "sort by next_meeting, descending",
        "search a CPR prefix 0101",
        "flags of one page of 50",
    ):
        assert name in out, out
        for size in ("200", "800"):
            timing = figures["queries"][name][size]
            assert timing["program_ms"] > 0 and timing["bare_ms"] > 0, (name, size, timing)
    assert _names(verdict, timing=False) == {"the kept summaries are today's at every size"}
    assert "sort by flags growth 200 -> 800" in _names(verdict, timing=True)


def test_audit_log_benchmark_runs_at_two_sizes(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "audit_log.py")
    runs = verdict["figures"]["runs"]
    assert [r["entries"] for r in runs] == [300, 100_000]
    for run in runs:
        assert run["write_ms"] > 0 and run["bare_write_ms"] > 0
        assert run["verify_s"] > 0 and run["verify_mib"] > 0  # verify-audit found the chain whole
        assert set(run["viewer"]) == {
            "everyone, 30 days",
            "one caseworker, 30 days",
            "one caseworker, a year",
            "one citizen, a year",
        }
    assert runs[-1]["viewer"]["everyone, 30 days"]["rows"] > 0
    assert "| write an entry (ms): program / bare |" in out, out
    assert _names(verdict, timing=False) >= {
        "viewer: one citizen, a year at 100,000 reads the log through ix_audit_events_citizen_id"
    }


def test_demo_generator_benchmark_runs_at_two_sizes(tmp_path: Path) -> None:
    out, verdict = _smoke(tmp_path, "demo_generator.py", "--citizens", "200,600")
    by_size = verdict["figures"]["by_size"]
    assert set(by_size) == {"200", "600"}
    for figures in by_size.values():
        assert figures["program_s"] > 0 and figures["bare_s"] > 0
        assert figures["rows"] > 0 and figures["foreign_key_faults"] == 0 and figures["indexes_whole"]
    assert by_size["600"]["rows"] > by_size["200"]["rows"]
    assert "| bare copy (s) |" in out, out
    assert _names(verdict, timing=False) == {
        f"the store of {n} is whole (foreign keys, search indexes, today's summaries)" for n in (200, 600)
    }
