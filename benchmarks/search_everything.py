"""Search-across-everything benchmark: a common word, a rare word, a name and a CPR prefix,
next to the bare SQL, in a store of 100,000 citizens and 1,000,000 journal entries.

    python benchmarks/search_everything.py [--citizens 100000] [--entries 1000000] [--repeat 7] [--keep]

Generates a SQLite store with bulk SQL (not the ORM): N citizens in families of two or
three, a case per family, M journal entries spread over the cases; "skolen" is in about one
entry in ten, a rare word in five entries. The index is built as the migration builds it
(FTS5 'rebuild'), the insert triggers then stand as in any store. Measures in one run:
  * the service (services/search: its one statement, the ranking and snippets, and the
    audit entry it commits), as the store lane runs it;
  * the service's statement replayed on a raw sqlite3 connection;
  * the bare query of the one index that answers (FTS5 MATCH … ORDER BY rowid DESC LIMIT 51,
    or the CPR range on its index): the least a search of that kind can cost.
Targets (full size): each search < 250 ms. At any size: a common word fills the page and
says there are more, the rare word finds exactly its entries, the name finds its people
first, the CPR prefix finds the person's case and no snippet holds a whole CPR number.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, select

from app.models import User
from app.services.cases.cases import case_search_text
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.services.demo.demo_content import FEMALE_NAMES, LAST_NAMES, MALE_NAMES, STREETS, TOWNS
from app.services.search.search import (
    SearchResult,
    Source,
    parse_query,
    search_everything,
    statement_parameters,
)
from app.startup import open_context
from app.store import search_sql
from benchmarks.verdict import Target, add_arguments, below, finish, holds

COMMON, RARE, RARE_COUNT = "skolen", "kørestolsrampen", 5
STAMP = "2026-11-01 10:00:00.000000"
SENTENCES = (
    "Mor ringede og fortalte om ugen derhjemme.",
    "Far deltog i samtalen og var positiv over for planen.",
    "Drøftet fremmøde, søvn og lektier.",
    "Hjemmebesøg: familien viste rundt, der var ryddeligt.",
    "Sundhedsplejersken har haft kontakt med familien.",
    "Aftalt at tale sammen igen efter næste netværksmøde.",
    "Borgeren oplyste, at jobcentret har indkaldt til samtale.",
    "Der er søgt om aflastning en weekend om måneden.",
    "Praktikstedet melder om stabilt fremmøde.",
    "Familien ønsker et møde med PPR inden jul.",
)
SCHOOL = "Skolen har ringet om fravær; vi aftalte at tage det op med skolen på mødet."


# The tables' columns as generated (the tracked columns are added to each row).
_TRACKED = ["version", "created_at", "updated_at", "created_by", "updated_by"]
CITIZEN_COLUMNS = ["cpr", "first_name", "last_name", "birth_date", "address", "postcode", "city", "phone", "email",
                   "language", "interpreter_needed"]  # fmt: skip
FAMILY_COLUMNS = ["name"]
MEMBER_COLUMNS = ["family_id", "citizen_id", "relation", "custody", "lives_in_household", "position"]
CASE_COLUMNS = ["number", "title", "family_id", "coordinator_id", "model", "status", "opened_on", "closing_reason",
                "follow_up_interval_days", "search_text"]  # fmt: skip
JOURNAL_COLUMNS = ["case_id", "kind", "occurred_at", "author_id", "subject", "text"]


class Data:
    """The generated rows, table by table, in id order (the first row of each is id 1)."""

    def __init__(self, citizens: int, entries: int, seed: int = 15) -> None:
        draw = random.Random(seed)
        self.draw = draw
        self.people: list[tuple[Any, ...]] = []
        self.families: list[list[int]] = []
        while len(self.people) < citizens:
            last = draw.choice(LAST_NAMES)
            size = min(draw.choice((2, 3, 3)), citizens - len(self.people))
            street, town = draw.choice(STREETS), draw.choice(TOWNS)
            address = f"{street} {draw.randrange(1, 120)}"
            members = []
            for _position in range(size):
                female = draw.random() < 0.5
                born = date(1965, 1, 1) + timedelta(days=draw.randrange(50 * 365))
                first = draw.choice(FEMALE_NAMES if female else MALE_NAMES)
                cpr = fictional_cpr(born, female, draw)
                self.people.append(
                    (cpr, first, last, born.isoformat(), address, town[0], town[1], "", "", "da", False)
                )
                members.append(len(self.people))  # the citizen's id
            self.families.append(members)
        self.entries = entries
        self.school = set(draw.sample(range(entries), entries // 10)) if entries else set()
        self.rare = sorted(draw.sample(sorted(set(range(entries)) - self.school), min(RARE_COUNT, entries)))
        self.entry_cases = [draw.randrange(len(self.families)) + 1 for _ in range(entries)]
        probe = len(self.people) // 2
        self.facts: dict[str, Any] = {
            "cases": len(self.families),
            "rare_ids": [n + 1 for n in self.rare],
            "cpr_prefix": self.people[probe][0][:6],
            "cpr_case": next(f + 1 for f, m in enumerate(self.families) if probe + 1 in m),
            "cpr_full": [p[0] for p in self.people if p[0].startswith(self.people[probe][0][:6])],
            "name": "Mette",
        }

    def tables(self, coordinators: list[int]) -> Iterator[tuple[str, list[str], Iterator[tuple[Any, ...]]]]:
        """(table, columns, rows); case ``n`` is coordinated by ``coordinators[n % len]``."""
        stamp = (1, STAMP, STAMP, "bench", "bench")
        people, families = self.people, self.families
        yield "citizens", CITIZEN_COLUMNS + _TRACKED, (p + stamp for p in people)
        yield (
            "families",
            FAMILY_COLUMNS + _TRACKED,
            (("Familien " + people[m[0] - 1][2], *stamp) for m in families),
        )
        yield (
            "family_members",
            MEMBER_COLUMNS + _TRACKED,
            (
                (f + 1, c, "parent" if p == 0 else "child", p == 0, True, p, *stamp)
                for f, members in enumerate(families)
                for p, c in enumerate(members)
            ),
        )

        def cases() -> Iterator[tuple[Any, ...]]:
            for f, members in enumerate(families):
                number, title = f"K-2026-{f + 1:05d}", "Familien " + people[members[0] - 1][2]
                names = [f"{people[c - 1][1]} {people[c - 1][2]}" for c in members]
                yield (number, title, f + 1, coordinators[f % len(coordinators)], "one_family_one_entry", "active",
                       "2026-01-05", "", 42, case_search_text(number, title, names), *stamp)  # fmt: skip

        yield "cases", CASE_COLUMNS + _TRACKED, cases()

        def journal() -> Iterator[tuple[Any, ...]]:
            rare, draw, start = set(self.rare), random.Random(16), datetime(2024, 1, 1, 8, tzinfo=UTC)
            for n in range(self.entries):
                text = " ".join(draw.sample(SENTENCES, 3))
                if n in self.school:
                    text += " " + SCHOOL
                if n in rare:
                    text += f" Kommunen har bevilget {RARE} til hoveddøren."
                at = (start + timedelta(minutes=n)).strftime("%Y-%m-%d %H:%M:%S.%f")
                case = self.entry_cases[n]
                yield (case, "phone", at, coordinators[(case - 1) % len(coordinators)], "Telefonsamtale", text,
                       1, at, at, "bench", "bench")  # fmt: skip

        yield "journal_entries", JOURNAL_COLUMNS + _TRACKED, journal()


def build_store(path: Path, data: Data) -> AppContext:
    """A SQLite store of the data, bulk-loaded without a trigger per row; the indexes are
    then rebuilt (as the migration does) and the triggers stand for what is written later."""
    context = open_context(str(path), login="bench")
    with context.sessions() as session:
        user_id = session.scalar(select(User.id).where(User.login == "bench"))
    assert user_id is not None
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        for source in search_sql.INDEXED:
            for kind in search_sql.TRIGGER_KINDS:
                conn.execute(f"DROP TRIGGER IF EXISTS {source.index}_{kind}")
        for table, columns, rows in data.tables([user_id]):
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        for source in search_sql.INDEXED:
            for trigger in search_sql.sqlite_triggers(source):
                conn.execute(trigger)
            conn.execute(search_sql.sqlite_rebuild(source))
    conn.execute("PRAGMA optimize")
    conn.close()
    return context


class Statements:
    """The SELECT the service sends, to replay it on raw sqlite3."""

    def __init__(self, context: AppContext) -> None:
        self.taken: list[tuple[str, tuple[Any, ...]]] = []
        self.engine = context.engine
        event.listen(self.engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "MATCH" in statement:
            self.taken.append((statement, tuple(parameters)))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _bare(kind: str, term: str, facts: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    """The one index's query that answers (SQLite)."""
    if kind == "CPR prefix":
        low = facts["cpr_prefix"]
        return "SELECT id FROM citizens WHERE cpr >= ? AND cpr < ? LIMIT 51", (
            low,
            low[:-1] + chr(ord(low[-1]) + 1),
        )
    table = "search_citizens" if kind == "name" else "search_journal_entries"
    return f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 51", (
        f'"{term.lower()}"*',
    )


def _terms(facts: dict[str, Any]) -> dict[str, str]:
    return {
        "common word": COMMON,
        "rare word": RARE,
        "name": facts["name"],
        "CPR prefix": facts["cpr_prefix"],
    }


def _searcher(context: AppContext) -> Callable[[str], SearchResult]:
    def service(term: str) -> SearchResult:
        with context.sessions() as session:
            return search_everything(session, term)

    return service


def _report(kind: str, row: dict[str, Any]) -> None:
    print(
        f"{kind:16}{row['service_ms']:12.1f}{row['statement_ms']:14.1f}{row['bare_ms']:15.2f}"
        f"   {row['hits']:4}  {row['more']}"
    )


def _row(kind: str, term: str, result: SearchResult, times: tuple[float, float, float]) -> dict[str, Any]:
    return {
        "term": "CPR prefix (birth date)" if kind == "CPR prefix" else term,  # never a number in the figures
        "service_ms": times[0],
        "statement_ms": times[1],
        "bare_ms": times[2],
        "hits": len(result.hits),
        "more": result.more,
    }


_HEADER = f"{'':16}{'service ms':>12}{'statement ms':>14}{'bare index ms':>15}   hits  more"


def run(data: Data, repeat: int, workdir: Path) -> tuple[dict[str, Any], dict[str, SearchResult]]:
    db = workdir / f"search_{len(data.people)}_{data.entries}.sqlite"
    t = time.perf_counter()
    context = build_store(db, data)
    print(f"generated the SQLite store in {time.perf_counter() - t:.1f} s")
    service = _searcher(context)
    raw = sqlite3.connect(db)
    figures: dict[str, Any] = {"searches": {}}
    results: dict[str, SearchResult] = {}
    print(f"\nsearch across everything, SQLite, {len(data.people)} citizens, {data.entries} journal entries "
          f"(median of {repeat})")  # fmt: skip
    print(_HEADER)
    for kind, term in _terms(data.facts).items():
        results[kind] = service(term)  # warm-up, and the answer judged below
        recorder = Statements(context)
        service_ms = _median_ms(lambda term=term: service(term), repeat)
        recorder.close()
        statement, params = recorder.taken[-1]
        statement_ms = _median_ms(
            lambda sql=statement, values=params: raw.execute(sql, values).fetchall(), repeat
        )
        bare_sql, bare_params = _bare(kind, term, data.facts)
        bare_ms = _median_ms(
            lambda sql=bare_sql, values=bare_params: raw.execute(sql, values).fetchall(), repeat
        )
        figures["searches"][kind] = _row(kind, term, results[kind], (service_ms, statement_ms, bare_ms))
        _report(kind, figures["searches"][kind])
    raw.close()
    context.close()
    print("service: the statement, ranking and snippets, and the audit entry it commits (a disk sync)")
    print("statement: the service's one statement on a bare sqlite3 connection")
    print(
        "bare index: FTS5 MATCH … ORDER BY rowid DESC LIMIT 51 on the one index that answers (CPR: its range)"
    )
    return figures, results


def _pg_bare(kind: str, params: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The one index's query that answers (PostgreSQL), newest first as the statement orders."""
    from sqlalchemy import text

    if kind == "CPR prefix":
        sql = "SELECT id FROM citizens WHERE cpr >= :lo AND cpr < :hi LIMIT 51"
        return text(sql), {"lo": params["cpr_from"], "hi": params["cpr_to"]}
    source = search_sql.CITIZENS if kind == "name" else search_sql.JOURNAL
    sql = (
        f"SELECT x.id FROM {source.table} x WHERE {search_sql.pg_document(source)} "
        f"@@ to_tsquery('{source.config}'::regconfig, :q) ORDER BY x.id + 0 DESC LIMIT 51"
    )
    return text(sql), {"q": params["prefix"]}


def run_server(
    server: str, data: Data, repeat: int, teams: int
) -> tuple[dict[str, Any], dict[str, SearchResult]]:
    """The same data on a PostgreSQL server set up with server-init; one caseworker login per
    team, the cases spread over them: the search as a team's caseworker (through the
    server's search function), next to the same statement without reach, as the owner."""
    import uuid

    import psycopg
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from app.store.engine import create_store_engine
    from app.store.server import add_caseworker, drop_login_roles, init_server

    base = make_url(server)
    name = f"koordinator_search_{uuid.uuid4().hex[:8]}"
    maintenance = create_store_engine(base, isolation_level="AUTOCOMMIT")
    with maintenance.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = base.set(database=name)
    engine = create_store_engine(url)
    logins = [f"{name}_t{i}" for i in range(teams)]
    context: AppContext | None = None
    try:
        t = time.perf_counter()
        init_server(engine)
        for i, login in enumerate(logins):
            add_caseworker(engine, login, f"Sagsbehandler {i}", team=f"Team {i}")
        open_context(url.render_as_string(hide_password=False)).close()  # IT's first start: the law catalogue
        with engine.connect() as conn:
            ids = [
                conn.execute(text("SELECT id FROM users WHERE login = :l"), {"l": login}).scalar_one()
                for login in logins
            ]
        dsn = f"host={url.host} port={url.port or 5432} user={url.username} dbname={name}"
        with psycopg.connect(dsn) as raw, raw.cursor() as cursor:
            cursor.execute("SET timezone = 'UTC'")
            for table, columns, rows in data.tables(ids):
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            raw.commit()
            raw.autocommit = True
            cursor.execute("VACUUM ANALYZE")
        print(f"loaded the server's store in {time.perf_counter() - t:.1f} s")
        context = open_context(url.set(username=logins[0]).render_as_string(hide_password=False))
        service = _searcher(context)
        reach = {f + 1 for f in range(len(data.families)) if f % teams == 0}
        statement = search_sql.local_statement("postgresql")
        figures: dict[str, Any] = {
            "teams": teams,
            "reached_cases": len(reach),
            "searches": {},
            "outside_reach": 0,
        }
        results: dict[str, SearchResult] = {}
        print(f"\nsearch across everything, PostgreSQL, as a caseworker of one team of {teams} "
              f"({len(reach)} of {len(data.families)} cases within reach), median of {repeat}")  # fmt: skip
        print(_HEADER.replace("statement ms", "no reach ms"))
        with engine.connect() as owner:
            owner.exec_driver_sql(
                f"SET plan_cache_mode = {search_sql.PLAN_CACHE_MODE}"
            )  # as the service does
            for kind, term in _terms(data.facts).items():
                results[kind] = service(term)
                figures["outside_reach"] += sum(1 for h in results[kind].hits if h.case_id not in reach)
                service_ms = _median_ms(lambda term=term: service(term), repeat)
                params = statement_parameters(parse_query(term), postgres=True, per_part=51)
                statement_ms = _median_ms(
                    lambda params=params: owner.execute(text(statement), params).all(), repeat
                )
                bare, bare_params = _pg_bare(kind, params)
                bare_ms = _median_ms(
                    lambda sql=bare, values=bare_params: owner.execute(sql, values).all(), repeat
                )
                if kind == "rare word":  # the trap the statement's order avoids (see search_sql._part)
                    naive = text(str(bare).replace("x.id + 0 DESC", "x.id DESC"))
                    figures["rare_word_through_the_key_ms"] = _median_ms(
                        lambda sql=naive, values=bare_params: owner.execute(sql, values).all(), 1
                    )
                figures["searches"][kind] = _row(
                    kind, term, results[kind], (service_ms, statement_ms, bare_ms)
                )
                _report(kind, figures["searches"][kind])
        print(
            "service: as the caseworker's login, through the server's search function, audit entry included"
        )
        print("no reach: the same statement as the owner, on the tables (every case)")
        print("bare index: the one GIN index that answers, newest 51 (CPR: its range)")
        print(
            f"the rare word newest first through the table's key instead (what the statement avoids): "
            f"{figures['rare_word_through_the_key_ms']:.0f} ms"
        )
        return figures, results
    finally:
        if context is not None:
            context.close()
        drop_login_roles(engine, logins)
        engine.dispose()
        with maintenance.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        maintenance.dispose()


def targets(figures: dict[str, Any], results: dict[str, SearchResult], facts: dict[str, Any]) -> list[Target]:
    found = [below(f"search, {kind}", f["service_ms"], 250) for kind, f in figures["searches"].items()]
    common, rare = results["common word"], results["rare word"]
    rare_ids = sorted(h.item_id for h in rare.hits if h.source is Source.JOURNAL)
    name = results["name"]
    cpr = results["CPR prefix"]
    snippets = " ".join(h.snippet for r in results.values() for h in r.hits)
    whole_cpr = [n for n in facts["cpr_full"] if n in snippets or n[6:] in snippets.replace(n[:6], "")]
    return [
        *found,
        holds(
            "a common word fills the page and says there are more",
            len(common.hits) == 50 and common.more,
            f"{len(common.hits)} hits, more={common.more}",
            "50 hits, more=True",
        ),
        holds(
            "the rare word finds exactly its entries",
            rare_ids == facts["rare_ids"],
            rare_ids,
            facts["rare_ids"],
        ),
        holds(
            "the name finds its people first",
            bool(name.hits) and name.hits[0].source is Source.PERSON,
            name.hits[0].source.value if name.hits else "nothing",
            Source.PERSON.value,
        ),
        holds(
            "the CPR prefix finds the person's case, masked",
            any(h.source is Source.CPR and h.case_id == facts["cpr_case"] for h in cpr.hits)
            and not whole_cpr,
            f"{len(cpr.hits)} hits, whole numbers shown: {len(whole_cpr)}",
            "the case among them, none shown",
        ),
    ]


def server_targets(figures: dict[str, Any]) -> list[Target]:
    return [
        *(below(f"server search, {kind}", f["service_ms"], 250) for kind, f in figures["searches"].items()),
        holds(
            "the server finds nothing outside reach",
            figures["outside_reach"] == 0,
            figures["outside_reach"],
            0,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--citizens", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="write the SQLite store to benchmarks/out (kept)")
    parser.add_argument(
        "--server",
        metavar="URL",
        help="also on this PostgreSQL server (a superuser's postgresql+psycopg:// URL; a database of the "
        "run's own is made and dropped)",
    )
    parser.add_argument("--teams", type=int, default=5, help="with --server: caseworker logins, one per team")
    add_arguments(parser)
    args = parser.parse_args(argv)
    if args.smoke:
        args.citizens, args.entries, args.repeat = min(args.citizens, 1500), min(args.entries, 15_000), 1
    t = time.perf_counter()
    data = Data(args.citizens, args.entries)
    print(f"generated the rows in {time.perf_counter() - t:.1f} s")
    if args.keep:
        out = Path(__file__).with_name("out")
        out.mkdir(exist_ok=True)
        for old in out.glob(f"search_{args.citizens}_{args.entries}.sqlite*"):
            old.unlink()
        figures, results = run(data, args.repeat, out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            figures, results = run(data, args.repeat, Path(tmp))
    figures.update(citizens=args.citizens, entries=args.entries, cases=data.facts["cases"])
    verdict = targets(figures, results, data.facts)
    if args.server:
        figures["server"], _server_results = run_server(args.server, data, args.repeat, args.teams)
        verdict += server_targets(figures["server"])
    return finish("search_everything", verdict, figures, args)


if __name__ == "__main__":
    sys.exit(main())
