"""The shared server's audit writer as the log grows (issue 19 item 5): one entry written by
a caseworker at 1,000 to 10,000,000 entries in the log.

    python benchmarks/audit_server.py [--server postgresql+psycopg://postgres@127.0.0.1:5432/postgres]
        [--entries 1000,100000,1000000,10000000] [--repeat 50]

A fresh database is made on the server (``server-init``, one caseworker's login role) and
dropped again at the end, with the role. For each size, smallest first, the log is topped up
to N entries straight into the table as the superuser (``generate_series``: the entries are
filler with the shape of real ones — their hashes do not form a chain, which a write does
not look at: it reads the last entry's hash alone), ``ANALYZE``d, and then:

* **write**: one entry through the program, as a caseworker's lookup writes it
  (``audit.record_now``: the server's ``koordinator_audit`` in a transaction of its own,
  committed), by the caseworker's own login;
* **bare**: the least a chained append does on the same server, as the superuser with the
  bare driver: read the last entry's hash, hash the new entry, insert it, commit.

Medians of ``--repeat`` writes. Targets: a write at the largest size within 1.5x of the
smallest (floored at 1 ms, so that noise is not read as growth) and within 3x of the bare
append of the same size.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.common import audit
from app.startup import open_context
from app.store.engine import create_store_engine
from app.store.server import add_caseworker, init_server
from benchmarks.shared_store_load import DEFAULT_SERVER, LoadDatabase
from benchmarks.verdict import Target, add_arguments, finish, holds, ratio_below

DEFAULT_SIZES = (1_000, 100_000, 1_000_000, 10_000_000)
SMOKE_SIZES = (300, 3_000)
FLOOR_MS = 1.0
BATCH = 1_000_000  # filler rows per INSERT (one transaction each)

_FILL = """
INSERT INTO audit_events (occurred_at, user_login, action, object_type, object_id, citizen_id,
                          case_id, department, purpose, search_term, details, prev_hash, hash)
SELECT timestamptz '2021-01-01' + n * interval '15 seconds', 'cw' || (n %% 300), 'open_case', 'case',
       n %% 37000, n %% 100000, n %% 37000, '', '', '', '', md5(n::text) || md5((n - 1)::text),
       md5(n::text) || md5((n + 1)::text)
FROM generate_series(%(start)s::integer, %(stop)s::integer) AS n
"""
_BARE_INSERT = """
INSERT INTO audit_events (occurred_at, user_login, action, object_type, object_id, citizen_id,
                          case_id, department, purpose, search_term, details, prev_hash, hash)
VALUES (now(), 'bench', 'open_case', 'case', %(i)s, %(i)s, %(i)s, '', '', '', '', %(prev)s, %(hash)s)
"""


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def top_up(db: LoadDatabase, entries: int) -> None:
    """Filler entries until the log holds ``entries``; then fresh statistics."""
    engine = create_store_engine(db.url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            have = int(conn.exec_driver_sql("SELECT count(*) FROM audit_events").scalar() or 0)
            for start in range(have + 1, entries + 1, BATCH):
                conn.exec_driver_sql(_FILL, {"start": start, "stop": min(entries, start + BATCH - 1)})
            conn.exec_driver_sql("ANALYZE audit_events")
    finally:
        engine.dispose()


def program_write_ms(url: str, repeat: int) -> float:
    context = open_context(url)
    try:
        times = []
        for i in range(repeat):
            with context.sessions() as session:
                started = time.perf_counter()
                audit.record_now(
                    session, audit.OPEN_CASE, object_type="case", object_id=i, citizen_id=i, case_id=i
                )
                times.append(time.perf_counter() - started)
        return _median_ms(times)
    finally:
        context.close()


def bare_write_ms(db: LoadDatabase, repeat: int) -> float:
    engine = create_store_engine(db.url)
    try:
        raw: Any = engine.raw_connection()
        try:
            cursor = raw.cursor()
            times = []
            for i in range(repeat):
                started = time.perf_counter()
                cursor.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
                prev = cursor.fetchone()[0]
                entry = f"bench;open_case;case;{i};{prev}"
                cursor.execute(
                    _BARE_INSERT, {"i": i, "prev": prev, "hash": hashlib.sha256(entry.encode()).hexdigest()}
                )
                raw.commit()
                times.append(time.perf_counter() - started)
            return _median_ms(times)
        finally:
            raw.close()
    finally:
        engine.dispose()


def run(server: str, sizes: list[int], repeat: int) -> dict[str, Any]:
    db = LoadDatabase(server)
    figures: dict[str, Any] = {"sizes": sizes, "write_ms": {}, "bare_ms": {}}
    try:
        db.create()
        engine = create_store_engine(db.url)
        try:
            init_server(engine)
            login = db.new_login("audit")
            add_caseworker(engine, login, "Sagsbehandler", team="Team 1", password=db.passwords[login])
        finally:
            engine.dispose()
        open_context(db.url.render_as_string(hide_password=False)).close()  # IT's first start: the catalogue
        url = db.url_for(login).render_as_string(hide_password=False)
        for size in sorted(sizes):
            started = time.perf_counter()
            top_up(db, size)
            print(f"{size:>12,} entries (filled in {time.perf_counter() - started:.0f} s) …", flush=True)
            figures["write_ms"][str(size)] = program_write_ms(url, repeat)
            figures["bare_ms"][str(size)] = bare_write_ms(db, repeat)
        engine = create_store_engine(db.url)
        try:  # the program's writes went through the server's writer, by the caseworker's login
            with engine.connect() as conn:
                figures["written_by_login"] = int(
                    conn.exec_driver_sql(
                        "SELECT count(*) FROM audit_events WHERE user_login = %(l)s AND action = %(a)s",
                        {"l": login, "a": audit.OPEN_CASE},
                    ).scalar()
                    or 0
                )
            figures["writes"] = repeat * len(sizes)
        finally:
            engine.dispose()
    finally:
        problems = db.close()
        for problem in problems:
            print(f"cleaning up: {problem}", file=sys.stderr)
    return figures


def report(figures: dict[str, Any]) -> str:
    sizes = [str(s) for s in figures["sizes"]]
    head = f"{'entries in the log':40}" + "".join(f" | {int(s):>12,}" for s in sizes)
    rows = [
        ("write an entry (ms): the program", figures["write_ms"]),
        ("bare chained append (ms)", figures["bare_ms"]),
    ]
    lines = [head, "-" * len(head)]
    lines += [f"{name:40}" + "".join(f" | {values[s]:>12.2f}" for s in sizes) for name, values in rows]
    return "\n".join(lines)


def targets(figures: dict[str, Any]) -> list[Target]:
    sizes = [str(s) for s in sorted(figures["sizes"])]
    smallest, largest = sizes[0], sizes[-1]
    write = figures["write_ms"]
    return [
        holds(
            "every write is in the log under the caseworker's login",
            figures["written_by_login"] == figures["writes"],
            figures["written_by_login"],
            figures["writes"],
        ),
        ratio_below(
            f"a write at {int(largest):,} / at {int(smallest):,} entries",
            max(write[largest], FLOOR_MS) / max(write[smallest], FLOOR_MS),
            1.5,
        ),
        ratio_below(
            f"a write / the bare append at {int(largest):,} entries",
            write[largest] / max(figures["bare_ms"][largest], FLOOR_MS),
            3.0,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default=DEFAULT_SERVER, help="a superuser's URL")
    parser.add_argument("--entries", default=",".join(str(n) for n in DEFAULT_SIZES))
    parser.add_argument("--repeat", type=int, default=50)
    add_arguments(parser)
    args = parser.parse_args(argv)
    sizes = list(SMOKE_SIZES) if args.smoke else [int(n) for n in args.entries.split(",")]
    figures = run(args.server, sizes, 5 if args.smoke else args.repeat)
    print(report(figures))
    return finish("audit_server", targets(figures), figures, args)


if __name__ == "__main__":
    sys.exit(main())
