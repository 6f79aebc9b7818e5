"""The demo data generator at several store sizes, next to a bare copy of the same rows.

    python benchmarks/demo_generator.py [--citizens 1000,10000,100000]

For each size a new SQLite store gets N demo citizens, as the other benchmarks make their
stores (``benchmarks/case_list.build_store``: households of the demo's kinds, with their
cases, plans, meetings, journals and tasks). The baseline of the same run: the rows it made,
copied table by table into an empty store of the same schema by a bare ``sqlite3``
connection (``INSERT … SELECT``, the search indexes filled after the copy as the generator
fills them) — what the store itself costs to take these rows, with no Python making them.

Target (issue 19): 100,000 citizens in under a minute on this 2-core machine. At every size
the store made must be whole: its foreign keys hold, every search index matches its table,
and the kept case-list summaries are today's.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.cases import case_summaries
from app.services.common.clock import local_today
from app.startup import open_context
from app.store import search_sql
from benchmarks.case_list import build_store
from benchmarks.verdict import Target, add_arguments, below, finish, holds, stores_folder

LIMIT_S = {100_000: 60.0}  # seconds, by store size (issue 19)


def generate(folder: Path, size: int) -> tuple[float, dict[str, Any]]:
    """Seconds to generate the store of ``size`` citizens, and what the store holds."""
    db = folder / f"generated_{size}.sqlite"
    start = time.perf_counter()
    context = build_store(db, size)
    seconds = time.perf_counter() - start
    try:
        with context.sessions() as session:
            kept = case_summaries.kept_for(session, local_today())
    finally:
        context.close()
    return seconds, {"kept": kept, **whole(db)}


def whole(db: Path) -> dict[str, Any]:
    """Foreign keys, search indexes and row counts of a store."""
    connection = sqlite3.connect(db)
    try:
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        for fill in search_sql.sqlite_bulk_fills():
            index = fill.index
            connection.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        rows = sum(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables(connection))
    except sqlite3.DatabaseError as error:  # an index that does not match its table
        return {"foreign_key_faults": -1, "indexes_whole": False, "rows": 0, "error": str(error)}
    finally:
        connection.close()
    return {"foreign_key_faults": len(broken), "indexes_whole": True, "rows": rows}


def tables(connection: sqlite3.Connection) -> list[str]:
    """The store's own tables with rows the generator makes, parents before children."""
    names = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_%' AND name NOT LIKE 'case_list_trigram%' "
            "AND name NOT IN ('alembic_version') AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    children: dict[str, set[str]] = {n: set() for n in names}
    for name in names:
        for row in connection.execute(f"PRAGMA foreign_key_list({name})"):
            if row[2] in children and row[2] != name:
                children[name].add(row[2])
    ordered: list[str] = []
    while children:
        ready = sorted(n for n, parents in children.items() if not parents - set(ordered))
        ordered += ready
        for n in ready:
            del children[n]
    return ordered


def bare_copy(folder: Path, size: int) -> float:
    """Seconds for sqlite3 to copy the generated rows into an empty store of the same schema."""
    source = folder / f"generated_{size}.sqlite"
    target = folder / f"bare_{size}.sqlite"
    open_context(str(target), login="bench").close()  # the schema, and the rows every store starts with
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("ATTACH DATABASE ? AS source", (str(source),))
        names = tables(connection)
        fills = search_sql.sqlite_bulk_fills()
        start = time.perf_counter()
        connection.execute("BEGIN")
        for fill in fills:
            for trigger in fill.triggers:
                connection.execute(f"DROP TRIGGER {trigger}")
        for name in names:
            columns = ", ".join(r[1] for r in connection.execute(f"PRAGMA main.table_info({name})"))
            connection.execute(
                f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM source.{name} "
                f"WHERE id NOT IN (SELECT id FROM main.{name}) ORDER BY id"
                if "id" in columns.split(", ")
                else f"INSERT OR IGNORE INTO main.{name} ({columns}) SELECT {columns} FROM source.{name}"
            )
        for fill in fills:
            connection.execute(fill.fill.replace(":first", "0"))
            for create in fill.create_triggers:
                connection.execute(create)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def run(sizes: list[int], folder: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"sizes": sizes, "by_size": {}}
    for size in sizes:
        print(f"{size:,} citizens …", flush=True)
        seconds, store = generate(folder, size)
        bare = bare_copy(folder, size)
        figures["by_size"][str(size)] = {"program_s": seconds, "bare_s": bare, **store}
    return figures


def table(figures: dict[str, Any]) -> str:
    head = f"{'citizens':>10} | {'rows':>10} | {'program (s)':>11} | {'bare copy (s)':>13} | {'ratio':>5} | rows/s"
    lines = [head, "-" * len(head)]
    for size, f in figures["by_size"].items():
        lines.append(
            f"{int(size):>10,} | {f['rows']:>10,} | {f['program_s']:>11.1f} | {f['bare_s']:>13.1f} | "
            f"{f['program_s'] / max(f['bare_s'], 1e-3):>5.1f} | {f['rows'] / f['program_s']:>9,.0f}"
        )
    return "\n".join(lines)


def targets(figures: dict[str, Any]) -> list[Target]:
    out = []
    for size, f in figures["by_size"].items():
        n = int(size)
        out.append(
            holds(
                f"the store of {n:,} is whole (foreign keys, search indexes, today's summaries)",
                f["foreign_key_faults"] == 0 and f["indexes_whole"] and f["kept"],
                f"{f['foreign_key_faults']} foreign key faults, indexes whole {f['indexes_whole']}, "
                f"summaries today's {f['kept']}",
                "0, True, True",
            )
        )
        if n in LIMIT_S:
            out.append(below(f"{n:,} citizens generated", f["program_s"] * 1000, LIMIT_S[n] * 1000))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--citizens", default="1000,10000,100000", help="the store sizes, comma-separated")
    add_arguments(parser)
    args = parser.parse_args(argv)
    sizes = sorted({int(part) for part in args.citizens.split(",") if part.strip()})
    with stores_folder(keep=False) as folder:
        figures = run(sizes, folder)
    print()
    print(table(figures))
    print()
    return finish("demo_generator", targets(figures), figures, args)


if __name__ == "__main__":
    sys.exit(main())
