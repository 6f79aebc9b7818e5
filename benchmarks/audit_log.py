"""The audit log as it grows: writing an entry, checking the whole chain, and the viewer's
searches, at 1,000 to 10,000,000 entries (issue 19 item 5).

    python benchmarks/audit_log.py [--entries 1000,100000,1000000,10000000] [--repeat 50] [--keep]

For each size a SQLite store is made and filled with a valid hash chain of N entries spread
over five years (300 caseworkers; opening cases and citizens, searches, changes, prints and
logins in the demo's proportions), written straight into the table (``--keep`` keeps the
stores in benchmarks/out: 10 million entries take a few minutes to make and 4 GB of disk).
Then, for each size:

* **write**: one entry through the program (``audit.record`` in a transaction of its own,
  committed, as a caseworker's lookup does) next to the bare chained append on a raw sqlite3
  connection (read the last hash, hash the entry, insert, commit). Medians of ``--repeat``.
* **verify**: ``koordinator verify-audit`` on the store in a process of its own: its wall
  time and its peak memory (the process's maximum resident set), next to a bare walk that
  reads every row with sqlite3 and hashes it (the same canonical text) in one process.
* **viewer**: the audit viewer's three searches (everyone, the last 30 days; one caseworker,
  the last 30 days; one citizen, the last year), each as the viewer's worker runs it, and
  the query plans of the statements it sent: each must find its rows through an index.

Targets: a write at the largest size within 1.5x of the smallest (it may not grow with the
log; a write is floored at 1 ms so that disk noise is not read as growth) and within 3x of
the bare append; verify-audit at the largest size within 10 minutes and 3x the bare walk,
its peak memory within 1.25x of the smallest size's; each viewer search under 500 ms and
through an index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from app.services.common import audit
from app.services.common.clock import local_today, now_utc
from app.services.common.context import AppContext
from app.services.privacy.audit_search import ViewerQuery, load_rows, local_day_start
from app.startup import open_context
from app.store import audit_log
from benchmarks.verdict import Target, add_arguments, below, finish, holds, ratio_below, stores_folder

ROOT = Path(__file__).resolve().parents[1]
SMOKE_SIZES = (300, 100_000)
PLANS_FROM = (
    100_000  # from this size each search must use its own index (SQLite guesses a range at 1/64 of the rows)
)
DEFAULT_SIZES = (1_000, 100_000, 1_000_000, 10_000_000)
CASEWORKERS = 300
YEARS = 5
WRITE_GROWTH = 1.5
WRITE_BARE = 3.0
WRITE_FLOOR_MS = 1.0
VERIFY_LIMIT_S = 600.0
VERIFY_BARE = 3.0
MEMORY_GROWTH = 1.25
VIEWER_LIMIT_MS = 500.0

# The demo's mix of what is logged (out of 100).
ACTION_MIX = (
    (audit.OPEN_CASE, 38),
    (audit.OPEN_CITIZEN, 14),
    (audit.SEARCH, 20),
    (audit.CHANGE, 18),
    (audit.CREATE, 4),
    (audit.PRINT, 3),
    (audit.LOGIN, 3),
)
_COLUMNS = ("id", *audit_log.HASHED_FIELDS, "hash")
_INSERT = f"INSERT INTO audit_events ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy keeps a DATETIME in SQLite


def login(number: int) -> str:
    return f"sagsbehandler{number:03d}"


def citizens_for(entries: int) -> int:
    """How many citizens a log of this size speaks of (about 100 entries each)."""
    return max(10, entries // 100)


def _entry(rng: random.Random, actions: list[str], citizens: int) -> dict[str, Any]:
    action = rng.choice(actions)
    worker = rng.randrange(CASEWORKERS)
    citizen = rng.randrange(1, citizens + 1)
    fields: dict[str, Any] = {
        "user_login": login(worker),
        "action": action,
        "object_type": "",
        "object_id": None,
        "citizen_id": None,
        "case_id": None,
        "department": f"Team {worker % 30 + 1}",
        "purpose": "",
        "search_term": "",
        "details": "",
    }
    if action == audit.SEARCH:
        fields["search_term"] = rng.choice(("hansen", "0101", "skole", "jensen", "nielsen"))
    elif action == audit.LOGIN:
        fields["object_type"] = "user"
    else:
        fields.update(object_type="case", object_id=citizen, citizen_id=citizen, case_id=citizen)
        if action == audit.CHANGE:
            fields["details"] = json.dumps({"fields": {"text": {"after": "…", "before": "…"}}})
    return fields


def fill(path: Path, entries: int) -> None:
    """Bring the store's log up to ``entries`` entries, a valid chain (indexes made after)."""
    conn = sqlite3.connect(path)
    have, last_id, last_hash = conn.execute(
        "SELECT count(*), max(id), (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) FROM audit_events"
    ).fetchone()
    if have >= entries:
        conn.close()
        return
    indexes = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' "
            "AND sql IS NOT NULL"
        )
    ]
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    rng = random.Random(entries)
    actions = [action for action, weight in ACTION_MIX for _ in range(weight)]
    citizens = citizens_for(entries)
    count = entries - have
    start = now_utc() - timedelta(days=365 * YEARS)
    step = timedelta(days=365 * YEARS) / count
    prev, next_id = last_hash or "", (last_id or 0) + 1
    batch: list[tuple[Any, ...]] = []
    for i in range(count):
        fields = _entry(rng, actions, citizens)
        moment = start + step * i
        fields["occurred_at"] = audit_log.format_time(moment)
        fields["prev_hash"] = prev
        prev = audit_log.entry_hash(fields)
        fields.update(id=next_id + i, occurred_at=moment.strftime(_STORED), hash=prev)
        batch.append(tuple(fields[c] for c in _COLUMNS))
        if len(batch) == 50_000:
            conn.executemany(_INSERT, batch)
            batch.clear()
    conn.executemany(_INSERT, batch)
    conn.commit()
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def program_write_ms(context: AppContext, repeat: int) -> float:
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        with context.sessions.begin() as session:
            audit.record(session, audit.OPEN_CASE, object_type="case", object_id=i, citizen_id=i, case_id=i)
        times.append(time.perf_counter() - started)
    return _median_ms(times)


def bare_write_ms(path: Path, repeat: int) -> float:
    """The least a chained append does: the last hash, the new entry's hash, insert, commit."""
    conn = sqlite3.connect(path)
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        last_id, prev = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        moment = now_utc()
        fields: dict[str, Any] = {
            "id": last_id + 1,
            "occurred_at": audit_log.format_time(moment),
            "user_login": "bench",
            "action": audit.OPEN_CASE,
            "object_type": "case",
            "object_id": i,
            "citizen_id": i,
            "case_id": i,
            "department": "",
            "purpose": "",
            "search_term": "",
            "details": "",
            "prev_hash": prev,
        }
        fields["hash"] = audit_log.entry_hash(fields)
        fields["occurred_at"] = moment.strftime(_STORED)
        conn.execute(_INSERT, tuple(fields[c] for c in _COLUMNS))
        conn.commit()
        times.append(time.perf_counter() - started)
    conn.close()
    return _median_ms(times)


_PEAK = (
    "\nfor line in open('/proc/self/status'):\n"
    "    if line.startswith('VmHWM:'):\n"
    "        print('peak kB', line.split()[1])\n"
)


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident MiB and the output of one Python program (``-c`` code,
    which ends by printing its own peak: a child's rusage would count the parent's memory
    copied by the fork)."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"{command[3:]} exited with {result.returncode}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    peak = [line for line in result.stdout.splitlines() if line.startswith("peak kB ")]
    return seconds, int(peak[-1].split()[-1]) / 1024, result.stdout


_BARE_WALK = (
    """
import hashlib, sqlite3, sys
names = {fields!r}
conn = sqlite3.connect(sys.argv[1])
cursor = conn.execute("SELECT hash, " + ", ".join(names) + " FROM audit_events ORDER BY id")
prev, count = "", 0
for row in cursor:
    parts = []
    for value in row[1:]:
        shown = "" if value is None else str(value)
        parts.append(f"{{len(shown)}}:{{shown}};")
    if hashlib.sha256("".join(parts).encode()).hexdigest() == row[0]:
        count += 1
print(count)
"""
    + _PEAK
)


def verify(path: Path, home: Path) -> dict[str, float]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(home), XDG_DATA_HOME=str(home), XDG_STATE_HOME=str(home))
    program = [
        sys.executable,
        "-c",
        "import sys; from app.cli import main; code = main(sys.argv[1:])" + _PEAK + "sys.exit(code)",
        "verify-audit",
        "--db",
        str(path),
    ]
    seconds, peak, output = _run_measured(program, env)
    if "the chain is whole" not in output:
        raise RuntimeError(f"verify-audit did not find the chain whole: {output[-2000:]}")
    walk = _BARE_WALK.format(fields=audit_log.HASHED_FIELDS)
    bare_seconds, bare_peak, _out = _run_measured([sys.executable, "-c", walk, str(path)], env)
    return {"verify_s": seconds, "verify_mib": peak, "bare_walk_s": bare_seconds, "bare_walk_mib": bare_peak}


class PlanRecorder:
    """The statements a call sent, to read how SQLite runs them."""

    def __init__(self, context: AppContext) -> None:
        self.engine = context.engine
        self.statements: list[tuple[str, tuple[Any, ...]]] = []
        event.listen(self.engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        self.statements.append((statement, tuple(parameters)))

    def plan(self, path: Path) -> list[str]:
        """How SQLite reads audit_events for the statements sent (EXPLAIN QUERY PLAN)."""
        conn = sqlite3.connect(path)
        found = []
        for statement, parameters in self.statements:
            if "FROM audit_events" not in statement:
                continue
            for row in conn.execute("EXPLAIN QUERY PLAN " + statement, parameters):
                if "audit_events" in str(row[-1]):
                    found.append(str(row[-1]))
        conn.close()
        return sorted(set(found))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def viewer_searches(citizens: int) -> dict[str, tuple[ViewerQuery, str]]:
    """The viewer's searches, each with the index it should read the log through."""
    today = local_today()
    month = local_day_start(today - timedelta(days=30))
    year = local_day_start(today - timedelta(days=365))
    end = local_day_start(today + timedelta(days=1))
    return {
        "everyone, 30 days": (ViewerQuery(None, "", month, end), "ix_audit_events_occurred_at"),
        "one caseworker, 30 days": (ViewerQuery(None, login(7), month, end), "ix_audit_events_user_time"),
        "one caseworker, a year": (ViewerQuery(None, login(7), year, end), "ix_audit_events_user_time"),
        "one citizen, a year": (ViewerQuery((citizens // 2,), "", year, end), "ix_audit_events_citizen_id"),
    }


def viewer(context: AppContext, path: Path, citizens: int, repeat: int) -> dict[str, dict[str, Any]]:
    figures: dict[str, dict[str, Any]] = {}
    for name, (query, index) in viewer_searches(citizens).items():
        recorder = PlanRecorder(context)
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            with context.sessions() as session:
                rows = len(load_rows(session, query).rows)
            times.append(time.perf_counter() - started)
        recorder.close()
        figures[name] = {"ms": _median_ms(times), "rows": rows, "plan": recorder.plan(path), "index": index}
    return figures


def measure(size: int, repeat: int, folder: Path) -> dict[str, Any]:
    path = folder / f"audit{size}.db"
    started = time.perf_counter()
    context = open_context(str(path), login="bench")
    context.engine.dispose()
    fill(path, size)
    made_s = time.perf_counter() - started
    context = open_context(str(path), login="bench")
    try:
        program = program_write_ms(context, repeat)
        bare = bare_write_ms(path, repeat)
        searches = viewer(context, path, citizens_for(size), max(3, repeat // 10))
    finally:
        context.engine.dispose()
    figures: dict[str, Any] = {"entries": size, "made_s": made_s, "write_ms": program, "bare_write_ms": bare}
    figures.update(verify(path, folder / "home"))
    figures["viewer"] = searches
    return figures


def print_table(runs: list[dict[str, Any]]) -> None:
    sizes = [r["entries"] for r in runs]
    print("| measure | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))

    def line(label: str, cells: list[str]) -> None:
        print(f"| {label} | " + " | ".join(cells) + " |")

    line(
        "write an entry (ms): program / bare",
        [f"{r['write_ms']:.2f} / {r['bare_write_ms']:.2f}" for r in runs],
    )
    line(
        "verify-audit (s): program / bare walk",
        [f"{r['verify_s']:.1f} / {r['bare_walk_s']:.1f}" for r in runs],
    )
    line("verify-audit peak memory (MiB)", [f"{r['verify_mib']:.0f}" for r in runs])
    for name in runs[0]["viewer"]:
        line(
            f"viewer: {name} (ms, rows)",
            [f"{r['viewer'][name]['ms']:.1f} ({r['viewer'][name]['rows']:,})" for r in runs],
        )
    line("made in (s)", [f"{r['made_s']:.0f}" for r in runs])


def targets(runs: list[dict[str, Any]]) -> list[Target]:
    first, last = runs[0], runs[-1]
    size = f"{last['entries']:,}"
    found = [
        ratio_below(
            f"write at {size} vs at {first['entries']:,}",
            max(last["write_ms"], WRITE_FLOOR_MS) / max(first["write_ms"], WRITE_FLOOR_MS),
            WRITE_GROWTH,
        ),
        ratio_below(
            f"write at {size} vs the bare append", last["write_ms"] / last["bare_write_ms"], WRITE_BARE
        ),
        below(f"verify-audit at {size}", last["verify_s"] * 1000, VERIFY_LIMIT_S * 1000),
        ratio_below(
            f"verify-audit at {size} vs the bare walk", last["verify_s"] / last["bare_walk_s"], VERIFY_BARE
        ),
        holds(
            f"verify-audit's peak memory at {size} vs at {first['entries']:,}",
            last["verify_mib"] <= first["verify_mib"] * MEMORY_GROWTH,
            f"{last['verify_mib']:.0f} MiB vs {first['verify_mib']:.0f} MiB",
            f"<= {MEMORY_GROWTH}x",
        ),
    ]
    for name, figures in last["viewer"].items():
        found.append(below(f"viewer: {name} at {size}", figures["ms"], VIEWER_LIMIT_MS))
    for run in runs:
        for name, figures in run["viewer"].items():
            whole = [line for line in figures["plan"] if line.startswith("SCAN audit_events")]
            if (
                run["entries"] < PLANS_FROM
            ):  # any index will do: the planner rightly reads a small log by time
                wanted, met = "an index", not whole
            else:
                wanted = figures["index"]
                met = not whole and any(f"USING INDEX {wanted} " in line for line in figures["plan"])
            found.append(
                holds(
                    f"viewer: {name} at {run['entries']:,} reads the log through {wanted}",
                    met,
                    "; ".join(figures["plan"]),
                    wanted,
                )
            )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", default=",".join(str(n) for n in DEFAULT_SIZES))
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the stores in benchmarks/out for reuse")
    add_arguments(parser)
    args = parser.parse_args(argv)
    sizes = SMOKE_SIZES if args.smoke else tuple(int(n) for n in args.entries.split(","))
    repeat = 5 if args.smoke else args.repeat
    runs = []
    with stores_folder(args.keep) as folder:
        for size in sizes:
            runs.append(measure(size, repeat, folder))
            print(f"{size:,} entries measured", flush=True)
    print_table(runs)
    return finish("audit_log", targets(runs), {"runs": runs}, args)


if __name__ == "__main__":
    sys.exit(main())
