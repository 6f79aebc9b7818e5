"""The case list's SQL at several store sizes: every sort, the searches, "my cases" and the
flags of one page, the program's call next to the same statements on a bare connection.

    python benchmarks/case_list_sql.py [--citizens 1000,10000,100000] [--repeat 5] [--keep]

For each size a SQLite store of N demo citizens is generated (``--keep`` keeps them in
benchmarks/out for the next run: 100,000 citizens take minutes to generate), then each
query is timed through the program's service (a fresh session, the rows turned into the
list's rows) and as the statements it sent, replayed on a raw sqlite3 connection with
SQLite's default settings (the bare-SQL baseline of the same run; the program's connection
has a larger page cache, so it can be the faster). One table shows every size, so growth is visible.

Targets (issue 19), at the largest size: every query <= 50 ms; each program time <= 3x its
bare SQL; from the size before it (10x fewer citizens) each grows by at most 3x. A call
costs the program about 0.6 ms whatever it asks (a session, the statement, the rows made
into the list's rows): in the ratio the bare SQL counts as at least 1 ms, in the growth the
smaller size's time as at least 2 ms, so that fixed cost is not read as growth.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from app.models import Case, User
from app.models.enums import CaseStatus
from app.services.cases import case_summaries
from app.services.cases.case_list import (
    CaseListQuery,
    Scope,
    SortKey,
    fetch_case_rows,
    overdue_deadlines,
    overdue_tasks,
)
from app.services.common.clock import local_today, now_utc
from app.services.common.context import AppContext
from benchmarks.case_list import SqlRecorder, bare_sql_ms, build_store
from benchmarks.verdict import Target, add_arguments, below, finish, holds, ratio_below, stores_folder

LIMIT_MS = 50.0
GROWTH = 3.0
BARE_FLOOR_MS = 1.0  # (see the module's docstring)
GROWTH_FLOOR_MS = 2.0


def queries(context: AppContext) -> dict[str, Callable[[Any], object]]:
    """What a caseworker does to the list, each as a call on a session."""
    now, today = now_utc(), local_today()
    with context.sessions() as session:
        me = session.scalar(select(User.id).where(User.login == "bench"))
        cases = session.query(Case.id).count()
        page = list(
            session.scalars(
                select(Case.id)
                .where(Case.status != CaseStatus.CLOSED)
                .order_by(Case.follow_up_due, Case.id)
                .limit(50)
            )
        )

    def listed(**kwargs: Any) -> Callable[[Any], object]:
        query = CaseListQuery(today, now, **kwargs)
        return lambda session: fetch_case_rows(session, query)

    calls: dict[str, Callable[[Any], object]] = {}
    for key in SortKey:
        calls[f"sort by {key.value}"] = listed(sort=key)
        calls[f"sort by {key.value}, descending"] = listed(sort=key, descending=True)
    # Scrolled halfway down: the next page after the row shown last (keyset paging).
    for key in (SortKey.FOLLOW_UP_DUE, SortKey.CPR, SortKey.COORDINATOR, SortKey.NEXT_MEETING):
        query = CaseListQuery(today, now, sort=key)
        with context.sessions() as session:
            middle = fetch_case_rows(session, query, offset=max(0, cases // 2 - 1), limit=1)  # untimed
        after = middle[-1].after if middle else ()
        calls[f"next page halfway, by {key.value}"] = lambda session, q=query, a=after: fetch_case_rows(
            session, q, after=a
        )
    calls["search a CPR prefix 0101"] = listed(search="0101")
    calls["search a name hansen"] = listed(search="hansen")
    calls["my cases, first page"] = listed(scope=Scope.MINE, user_id=me)
    calls["flags of one page of 50"] = lambda session: (
        overdue_deadlines(session, today, page),
        overdue_tasks(session, today, page),
    )
    return calls


def measure(context: AppContext, db: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Each query's median program time and bare-SQL time (ms)."""
    out: dict[str, tuple[float, float]] = {}
    recorder = SqlRecorder(context)
    try:
        for name, call in queries(context).items():
            with context.sessions() as session:
                call(session)  # warm-up; the statements it sends are the bare baseline
            recorder.take()
            with context.sessions() as session:
                call(session)
            statements = recorder.take()
            samples = []
            for _ in range(repeat):
                with context.sessions() as session:
                    start = time.perf_counter()
                    call(session)
                    samples.append((time.perf_counter() - start) * 1000)
                recorder.take()
            out[name] = (statistics.median(samples), bare_sql_ms(db, statements, repeat))
    finally:
        recorder.close()
    return out


def run(sizes: list[int], repeat: int, folder: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"sizes": sizes, "queries": {}}
    for size in sizes:
        db = folder / f"case_list_sql_{size}.sqlite"
        print(f"Store of {size:,} citizens …", flush=True)
        context = build_store(db, size)
        try:
            with context.sessions.begin() as session:
                case_summaries.move_to(session, local_today())
            with context.sessions() as session:
                figures.setdefault("kept", {})[str(size)] = case_summaries.kept_for(session, local_today())
                figures.setdefault("cases", {})[str(size)] = session.query(Case.id).count()
            for name, (program, bare) in measure(context, db, repeat).items():
                figures["queries"].setdefault(name, {})[str(size)] = {"program_ms": program, "bare_ms": bare}
        finally:
            context.close()
    return figures


def table(figures: dict[str, Any]) -> str:
    sizes = [str(s) for s in figures["sizes"]]
    head = f"{'query':36}" + "".join(f" | {int(s):>9,} citizens: ms (bare)" for s in sizes)
    lines = [head, "-" * len(head)]
    for name, by_size in figures["queries"].items():
        cells = "".join(
            f" | {by_size[s]['program_ms']:>12.1f} ({by_size[s]['bare_ms']:>6.1f}){'':>8}" for s in sizes
        )
        lines.append(f"{name:36}{cells}")
    cases = ", ".join(f"{int(s):,}: {figures['cases'][s]:,} cases" for s in sizes)
    lines.append(f"(cases per size: {cases}; median of the runs; bare = the same statements on sqlite3)")
    return "\n".join(lines)


def targets(figures: dict[str, Any]) -> list[Target]:
    sizes = [str(s) for s in figures["sizes"]]
    largest = sizes[-1]
    out = [
        holds(
            "the kept summaries are today's at every size",
            all(figures["kept"].values()),
            figures["kept"],
            "all True",
        )
    ]
    for name, by_size in figures["queries"].items():
        program, bare = by_size[largest]["program_ms"], by_size[largest]["bare_ms"]
        out.append(below(f"{name} at {int(largest):,}", program, LIMIT_MS))
        out.append(ratio_below(f"{name} / bare SQL", program / max(bare, BARE_FLOOR_MS), 3))
        if len(sizes) > 1:
            before = by_size[sizes[-2]]["program_ms"]
            out.append(
                ratio_below(
                    f"{name} growth {int(sizes[-2]):,} -> {int(largest):,}",
                    program / max(before, GROWTH_FLOOR_MS),
                    GROWTH,
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--citizens", default="1000,10000,100000", help="the store sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the stores in benchmarks/out for reuse")
    add_arguments(parser)
    args = parser.parse_args(argv)
    sizes = sorted({int(part) for part in args.citizens.split(",") if part.strip()})
    with stores_folder(args.keep) as folder:
        figures = run(sizes, args.repeat, folder)
    print()
    print(table(figures))
    print()
    return finish("case_list_sql", targets(figures), figures, args)


if __name__ == "__main__":
    sys.exit(main())
