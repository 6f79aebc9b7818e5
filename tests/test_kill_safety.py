"""Kill tests: a process killed (SIGKILL) at a random moment loses nothing it acknowledged.

Four writers run in a subprocess that is killed at a random moment, at least 30 times each:
``koordinator demo`` on a new file, ``koordinator migrate`` from every older revision, the
plan editor's save in a loop, and the local-draft file in a loop. After every kill:

* every store opens (``open_context``; the raw file is checked read-only first),
* every acknowledged save is there (a counter printed only after its commit or write
  returned is never newer than what is stored, and at most one newer save can be stored),
* no temporary file is left in the folder once the store or draft folder is next opened
  (``.<name>.<pid>.*.koordinator-part``, half-made stores ``.<name>.<pid>.koordinator-new``
  with their side files, old-style drafts ``.plan-*.tmp``).

Delays are drawn from ``random.Random(seed)`` with a fixed seed per test; a failure names the
seed, the run, the kill's delay and what it was counted from. Delays are counted from the
start of the process, from when its real work begins (its first file in the folder; Python's
imports take half a run) or, for the narrow window of a backup, from the moment its temporary
file appears: uniform in [0, 1.2 x] the measured length of that part of a full run.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

ROOT = Path(__file__).resolve().parents[1]
RUNS = 30
KILLED = -signal.SIGKILL
STORE = "koordinator.sqlite"
LOGIN = "tester"
SLACK = 1.2  # delays reach 20 % past the measured length: some runs end before their kill
POLL_S = 0.0002
TIMEOUT_S = 120

# The names of temporary files (app/store/safe_files.py, app/store/opening.py, and the
# local drafts of earlier versions), side files (-journal, -wal, -shm) included.
_TEMPORARY = re.compile(r"\.koordinator-part|\.koordinator-new|^\.plan-.*\.tmp$")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL; POSIX only")


# -- running and killing a subprocess ------------------------------------------------------


def child_env(tmp_path: Path) -> dict[str, str]:
    """The subprocess's environment: offscreen Qt, the project on the path, and its own
    settings, logs and default store under ``tmp_path`` (never the real user's folders)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOORDINATOR_")}
    home = tmp_path / "home"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    return env


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    started: float | None  # seconds from the start until ``start`` held (None: never)
    ended: float  # seconds from the start until it ended (killed or on its own)

    @property
    def killed(self) -> bool:
        return self.returncode == KILLED


def run_child(
    cmd: list[str],
    env: dict[str, str],
    logs: Path,
    *,
    delay: float | None = None,
    start: Callable[[], bool] | None = None,
) -> Outcome:
    """Run ``cmd``; with ``delay``, SIGKILL it ``delay`` seconds after ``start`` first holds
    (polled every 0.2 ms; without ``start``: after the process started). Without ``delay``
    it runs to its end. Its stdout and stderr go to files: a flushed line is in the file
    the moment its ``write`` returns, kill or not."""
    logs.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logs / "stdout", logs / "stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        began = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, cwd=logs, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        started = None
        try:
            if start is not None:
                while proc.poll() is None and not start():
                    if time.monotonic() - began > TIMEOUT_S:
                        raise AssertionError(f"{cmd[1:]}: still running after {TIMEOUT_S} s")
                    time.sleep(POLL_S)
                if proc.poll() is None:
                    started = time.monotonic() - began
            try:
                proc.wait(timeout=TIMEOUT_S if delay is None else delay)
            except subprocess.TimeoutExpired:
                if delay is None:
                    raise
                proc.kill()
            proc.wait()
        finally:
            if proc.poll() is None:  # a failed assertion above: never leave it running
                proc.kill()
                proc.wait()
        ended = time.monotonic() - began
    return Outcome(
        proc.returncode,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        started,
        ended,
    )


def finished(outcome: Outcome, what: str) -> None:
    assert outcome.returncode == 0, f"{what} failed ({outcome.returncode}):\n{outcome.stderr}"


def acknowledged(stdout: str) -> int | None:
    """The last counter the subprocess printed in full (a line cut by the kill is not one)."""
    lines = stdout.split("\n")[:-1]  # what follows the last newline was not acknowledged
    return int(lines[-1]) if lines else None


def temporary_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(name for name in os.listdir(folder) if _TEMPORARY.search(name))


def has_entries(folder: Path) -> Callable[[], bool]:
    return lambda: folder.is_dir() and bool(os.listdir(folder))


def has_entries_beyond(folder: Path) -> Callable[[], bool]:
    """A file besides the store itself: the write-ahead log its first connection makes."""
    return lambda: any(name != STORE for name in os.listdir(folder))


def has_file_containing(folder: Path, part: str) -> Callable[[], bool]:
    return lambda: any(part in name for name in os.listdir(folder))


def cli(command: str, path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "app", command, "--db", str(path), *extra]


# -- looking at a store ------------------------------------------------------------------


@contextmanager
def opened(path: Path, where: str) -> Iterator[Any]:
    """The program's context on ``path`` (which upgrades an older store); fails with ``where``."""
    from app.startup import open_context

    try:
        context = open_context(str(path), login=LOGIN)
    except Exception as exc:
        raise AssertionError(f"{where}: the store does not open: {exc!r}") from exc
    try:
        yield context
    finally:
        context.close()


def raw_revision(path: Path, where: str) -> str:
    """The file's schema revision, read without writing (as the program's first look does)."""
    from app.store.opening import check_sqlite_store

    try:
        revision = check_sqlite_store(path)
    except Exception as exc:
        raise AssertionError(f"{where}: {path.name} is no longer a store: {exc!r}") from exc
    assert revision is not None, f"{where}: {path.name} is not a plain SQLite store"
    return revision


def read_only(path: Path) -> sqlite3.Connection:
    from app.store.opening import connect_read_only

    return connect_read_only(path)


Snapshot = dict[str, tuple[list[str], Counter[tuple[Any, ...]]]]


def snapshot(path: Path) -> Snapshot:
    """Every table's columns and rows (a multiset), read without writing."""
    conn = read_only(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        result: Snapshot = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'SELECT {quoted} FROM "{table}"')
            result[table] = (columns, Counter(tuple(row) for row in rows))
        return result
    finally:
        conn.close()


# Tables the next start adds rows to: its login's user and audit entry, the law catalogue.
_GROWING = frozenset({"audit_events", "users", "law_sections"})


def _project(row: tuple[object, ...], columns: list[str], kept: list[str]) -> tuple[object, ...]:
    return tuple(row[columns.index(c)] for c in kept)


def _goal_members_kept(
    conn: sqlite3.Connection, columns: list[str], rows: Counter[tuple[object, ...]], where: str
) -> None:
    """Migration 0013 moves goals.citizen_id to goal_members: each goal's member is there."""
    goal, member = columns.index("id"), columns.index("citizen_id")
    wanted = {(row[goal], row[member]) for row in rows if row[member] is not None}
    held = set(conn.execute("SELECT goal_id, citizen_id FROM goal_members"))
    missing = wanted - held
    assert not missing, f"{where}: {len(missing)} goals lost whom they concern (goal_members)"


# Columns a migration moved to another table, and the check that their values arrived.
_MOVED = {("goals", "citizen_id"): _goal_members_kept}


def _catalogue_dates_kept_or_corrected(
    conn: sqlite3.Connection, columns: list[str], rows: Counter[tuple[object, ...]], where: str
) -> None:
    """Migration 0021 corrects the catalogue's dates where the program shipped them: each row's
    valid_from is as it was, or the corrected day of its code — nothing else."""
    code, day = columns.index("code"), columns.index("valid_from")
    corrected = {c: "2020-01-01" for c in ("LAB-40", "LAB-40-3", "LAB-KAP11", "LAB-KAP12", "LAB-KAP18")}
    corrected |= {
        "LAB-KAP19": "2020-01-01",
        "LAB-KAP26": "2020-01-01",
        "SEL-45": "2011-01-01",
        "SEL-76": "2011-01-01",
    }
    now = dict(conn.execute("SELECT code, valid_from FROM law_sections"))
    wrong = [
        (row[code], row[day], now.get(row[code]))
        for row in rows
        if now.get(row[code]) not in (row[day], corrected.get(str(row[code])))
    ]
    assert not wrong, f"{where}: catalogue dates changed other than migration 0021 says: {wrong[:3]}"


# Columns a migration may change in place, and the check that each change is the one it makes.
_CHANGED = {("law_sections", "valid_from"): _catalogue_dates_kept_or_corrected}


def data_kept(before: Snapshot, path: Path, where: str) -> None:
    """Every row of ``before`` is in ``path`` (in the columns it had): nothing lost, nothing
    changed; only the tables a start writes to may have more."""
    conn = read_only(path)
    try:
        for table, (columns, rows) in before.items():
            if table == "alembic_version":
                continue
            present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            moved = [c for c in columns if c not in present and (table, c) in _MOVED]
            for column in moved:  # its values live on in another table: every one of them
                _MOVED[(table, column)](conn, columns, rows, where)
            # (A column not there would read as its name: SQLite takes "x" for a string then.)
            changed = [c for c in columns if (table, c) in _CHANGED]
            for column in changed:  # changed in place by a migration: the change is checked
                _CHANGED[(table, column)](conn, columns, rows, where)
            columns = [c for c in columns if c not in moved and c not in changed]
            rows = Counter(_project(row, before[table][0], columns) for row in rows.elements())
            quoted = ", ".join(f'"{c}"' for c in columns)
            try:
                now = Counter(tuple(r) for r in conn.execute(f'SELECT {quoted} FROM "{table}"'))
            except sqlite3.DatabaseError as exc:
                raise AssertionError(f"{where}: table {table} cannot be read in {path.name}: {exc}") from exc
            lost = rows - now
            assert not lost, f"{where}: {sum(lost.values())} rows of {table} lost in {path.name}"
            if table not in _GROWING:
                assert now == rows, f"{where}: {table} has rows it did not have in {path.name}"
    finally:
        conn.close()


_TABLE_CONSTRAINT = ("CONSTRAINT ", "PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK")


def _table_parts(sql: str) -> str:
    """A CREATE TABLE with its table constraints in a fixed order: a table that a migration
    rebuilt (Alembic's batch mode on SQLite) lists the same constraints in an order that
    changes from one process to the next; the columns keep their order."""
    head, _, body = sql.partition("(")
    body, _, tail = body.rpartition(")")
    parts, depth, current = [], 0, ""
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    columns = [p for p in parts if not p.startswith(_TABLE_CONSTRAINT)]
    constraints = sorted(p for p in parts if p.startswith(_TABLE_CONSTRAINT))
    return f"{head}({', '.join(columns + constraints)}){tail}"


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    conn = read_only(path)
    try:
        return sorted(
            (
                kind,
                name,
                _table_parts(" ".join(sql.split()))
                if kind == "table" and sql
                else " ".join((sql or "").split()),
            )
            for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
            if not name.startswith("sqlite_autoindex")
        )
    finally:
        conn.close()


# -- 1. demo on a new file -----------------------------------------------------------------

DEMO_SEED = 20261201


@pytest.mark.slow
def test_a_killed_demo_leaves_no_store_or_a_whole_one(tmp_path: Path) -> None:
    """``demo`` on a new path, killed: no store file at all, or a whole store at the newest
    schema (made under a temporary name, then renamed); no half-made store is left once the
    store is next opened; ``demo`` again then works."""
    from app.models import Base, Case
    from app.store.opening import SCHEMA_HEAD

    rng = random.Random(DEMO_SEED)
    env = child_env(tmp_path)
    logs = tmp_path / "logs"

    def demo(path: Path) -> list[str]:
        return cli("demo", path, "--families", "3")

    probes = []
    for attempt in range(2):  # the first run also fills the disk cache: the shorter counts
        probe = tmp_path / f"probe-{attempt}"
        probes.append(run_child(demo(probe / STORE), env, logs / probe.name, start=has_entries(probe)))
        finished(probes[-1], "demo on a new file")
    lengths = {
        "the start": min(p.ended for p in probes),
        "its first file": min(p.ended - (p.started or 0) for p in probes),
    }

    killed = 0
    for run in range(RUNS):
        folder = tmp_path / f"run-{run:02d}"
        folder.mkdir()
        path = folder / STORE
        counted_from = "the start" if run % 2 == 0 else "its first file"
        delay = rng.uniform(0, SLACK * lengths[counted_from])
        where = f"seed {DEMO_SEED}, run {run}: demo killed {delay:.3f} s after {counted_from}"
        outcome = run_child(
            demo(path),
            env,
            logs / f"{run:02d}",
            delay=delay,
            start=has_entries(folder) if counted_from == "its first file" else None,
        )
        assert outcome.returncode in (0, KILLED), (
            f"{where}: it failed ({outcome.returncode}):\n{outcome.stderr}"
        )
        killed += outcome.killed
        if path.exists():
            assert raw_revision(path, where) == SCHEMA_HEAD, f"{where}: a store with part of a schema"
            with opened(path, where) as context, context.sessions() as session:
                bind = session.get_bind()
                with bind.connect() as conn:
                    tables = set(inspect(conn).get_table_names())
                    revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            assert revision == SCHEMA_HEAD, f"{where}: stored revision {revision}"
            assert set(Base.metadata.tables) <= tables, (
                f"{where}: tables missing: {sorted(set(Base.metadata.tables) - tables)}"
            )
            assert temporary_files(folder) == [], f"{where}: left after the next open"
        again = run_child(demo(path), env, logs / f"{run:02d}-again")
        finished(again, f"{where}; demo again")
        assert temporary_files(folder) == [], f"{where}: left after demo again"
        with opened(path, where) as context, context.sessions() as session:
            assert session.scalar(select(func.count(Case.id))), f"{where}: demo again added no cases"
    assert killed >= RUNS // 3, f"seed {DEMO_SEED}: only {killed} of {RUNS} runs were killed before their end"


# -- 2. migrate from every older revision -----------------------------------------------

MIGRATE_SEED = 20261202
MIGRATE_RUNS = 32  # every older revision with every way of timing the kill, twice
_MIGRATE_MODES = ("the start", "its first write", "the backup's temporary file", "its backup")
BACKUP_WINDOW_S = 0.02  # a backup of the small store below is written in a few milliseconds


def older_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from app.store.migrate import alembic_config
    from app.store.opening import SCHEMA_HEAD

    script = ScriptDirectory.from_config(alembic_config())
    return sorted(rev.revision for rev in script.walk_revisions() if rev.revision != SCHEMA_HEAD)


def _alembic(path: Path, action: str, revision: str) -> None:
    """Up- or downgrade the file at ``path`` with the project's migrations."""
    from alembic import command

    from app.store.engine import create_store_engine
    from app.store.location import resolve_store_url
    from app.store.migrate import alembic_config

    engine = create_store_engine(resolve_store_url(str(path)))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a rebuilt table keeps its rows
            conn.commit()
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
            conn.commit()
    finally:
        engine.dispose()
    assert not path.with_name(path.name + "-wal").exists()


def old_stores(folder: Path) -> dict[str, Path]:
    """A store with demo families at each older revision: made at the newest schema, then
    downgraded (the rows of tables the older schema has stay)."""
    from app.services.demo.demo import generate_demo

    folder.mkdir()
    head = folder / "head.sqlite"
    with opened(head, "making the demo store") as context, context.sessions.begin() as session:
        generate_demo(session, families=4, seed=7, today=date(2026, 11, 24), my_login=LOGIN)
    stores = {}
    previous = head
    for revision in reversed(older_revisions()):
        stores[revision] = folder / f"{revision}.sqlite"
        shutil.copyfile(previous, stores[revision])
        _alembic(stores[revision], "downgrade", revision)
        previous = stores[revision]
    return stores


def has_backup(folder: Path) -> Callable[[], bool]:
    """The backup is in place: the upgrade itself begins."""
    return lambda: any(name.startswith(f"{STORE}.backup-") for name in os.listdir(folder))


def upgrade_time(store: Path, folder: Path) -> float:
    """How long the upgrade of a copy of ``store`` takes in this process (backup included)."""
    from app.store.engine import create_store_engine
    from app.store.location import resolve_store_url
    from app.store.migrate import upgrade_store

    folder.mkdir()
    shutil.copyfile(store, folder / STORE)
    engine = create_store_engine(resolve_store_url(str(folder / STORE)))
    try:
        began = time.monotonic()
        upgrade_store(engine)
        return time.monotonic() - began
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_killed_migrate_stops_at_a_whole_revision_and_loses_nothing(tmp_path: Path) -> None:
    """``migrate`` of a store at each older revision, killed (sometimes twice in a row): the
    file is still a store at a whole revision (the schema that revision has, no part of the
    next), with every row; it opens (upgraded to the newest schema) with every row; there is
    at most one backup per revision, each a whole copy; and no temporary file is left."""
    from app.store.opening import SCHEMA_HEAD

    rng = random.Random(MIGRATE_SEED)
    env = child_env(tmp_path)
    logs = tmp_path / "logs"
    stores = old_stores(tmp_path / "old")
    revisions = sorted(stores)
    order = [*revisions, SCHEMA_HEAD]
    before = {revision: snapshot(path) for revision, path in stores.items()}
    schemas: dict[tuple[str, str], list[tuple[str, str, str]]] = {}

    def schema_after(start: str, revision: str) -> list[tuple[str, str, str]]:
        """The schema of the store that started at ``start``, upgraded whole to ``revision``."""
        if (start, revision) not in schemas:
            copy = tmp_path / "schemas" / f"{start}-{revision}.sqlite"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(stores[start], copy)
            if revision != start:
                _alembic(copy, "upgrade", revision)
            schemas[start, revision] = schema_of(copy)
        return schemas[start, revision]

    # How long a whole run takes, from the start and from its first write (its -wal file).
    probes = []
    for attempt in range(2):  # the first run also fills the disk cache: the shorter counts
        probe = tmp_path / f"probe-{attempt}"
        probe.mkdir()
        shutil.copyfile(stores[revisions[0]], probe / STORE)
        command = cli("migrate", probe / STORE)
        probes.append(run_child(command, env, logs / probe.name, start=has_entries_beyond(probe)))
        finished(probes[-1], f"migrate from {revisions[0]}")
    lengths = {
        "the start": min(p.ended for p in probes),
        "its first write": min(p.ended - (p.started or 0) for p in probes),
        "the backup's temporary file": BACKUP_WINDOW_S,
        "its backup": upgrade_time(stores[revisions[0]], tmp_path / "timing"),
    }

    killed = 0
    for run in range(MIGRATE_RUNS):
        start = revisions[run % len(revisions)]
        mode = _MIGRATE_MODES[run // len(revisions) % len(_MIGRATE_MODES)]
        folder = tmp_path / f"run-{run:02d}"
        folder.mkdir()
        path = folder / STORE
        shutil.copyfile(stores[start], path)
        kills = 2 if run % 3 == 2 else 1  # a retried migrate killed again
        where = f"seed {MIGRATE_SEED}, run {run}, from {start}"
        for kill in range(kills):
            counted_from = mode if kill == 0 else "the start"
            delay = rng.uniform(0, SLACK * lengths[counted_from])
            where += f"; migrate killed {delay:.3f} s after {counted_from}"
            watch = {
                "the start": None,
                "its first write": has_entries_beyond(folder),
                "the backup's temporary file": has_file_containing(folder, ".koordinator-part"),
                "its backup": has_backup(folder),
            }[counted_from]
            outcome = run_child(
                cli("migrate", path), env, logs / f"{run:02d}-{kill}", delay=delay, start=watch
            )
            assert outcome.returncode in (0, KILLED), (
                f"{where}: it failed ({outcome.returncode}):\n{outcome.stderr}"
            )
            killed += outcome.killed
            # The file as the kill left it, read without writing: a whole revision, every row.
            revision = raw_revision(path, where)
            assert revision in order[order.index(start) :], f"{where}: revision {revision}"
            assert schema_of(path) == schema_after(start, revision), (
                f"{where}: the schema is not that of revision {revision} (part of a revision committed)"
            )
            data_kept(before[start], path, where)
        with (
            opened(path, where) as context,
            context.sessions() as session,
            session.get_bind().connect() as conn,
        ):
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert revision == SCHEMA_HEAD, f"{where}: opened at {revision}"
        data_kept(before[start], path, f"{where}; after the next open")
        backups = []
        for name in sorted(os.listdir(folder)):
            if name in (STORE, f"{STORE}-wal", f"{STORE}-shm"):
                continue
            assert not _TEMPORARY.search(name), f"{where}: {name} left after the next open"
            match = re.fullmatch(re.escape(STORE) + r"\.backup-(.+)", name)
            assert match, f"{where}: an unexpected file {name} after the next open"
            backups.append(match.group(1))
        # One backup per revision upgraded from (a name per revision: a retry replaces it).
        assert set(backups) <= set(order[order.index(start) : -1]), f"{where}: backups {backups}"
        assert start in backups, f"{where}: no backup of the store as it was ({backups})"
        for backup in backups:
            copy = folder / f"{STORE}.backup-{backup}"
            assert raw_revision(copy, where) == backup, f"{where}: {copy.name} is not at {backup}"
            data_kept(before[start], copy, f"{where}; backup {copy.name}")
    assert killed >= MIGRATE_RUNS // 3, (
        f"seed {MIGRATE_SEED}: only {killed} runs were killed before their end"
    )


# -- 3. saving the plan --------------------------------------------------------------------

PLAN_SEED = 20261203
PLAN_SAVES = 150
_SAVE_LOOP = """\
import sys

from app.services.plan.plans import PlanDraft, save_draft
from app.startup import open_context

db, plan_id, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
context = open_context(db, login="tester")
for counter in range(first, last + 1):
    with context.sessions.begin() as session:
        save_draft(session, plan_id, PlanDraft(sections={"summary": f"counter {counter}"}), None)
    print(counter, flush=True)  # the acknowledgement: after its commit returned
"""


def a_case_with_a_draft(path: Path) -> int:
    """A family case with an empty plan draft; returns the draft's id."""
    from app.models.enums import Relation
    from app.services.cases.cases import CaseInput, MemberInput, create_case
    from app.services.common.cpr import fictional_cpr
    from app.services.plan.plans import start_draft

    born = date(1985, 3, 12)
    with opened(path, "making the case") as context, context.sessions.begin() as session:
        data = CaseInput(
            family_name="Familien Østergaard",
            members=[
                MemberInput(
                    "Mette",
                    "Østergaard",
                    fictional_cpr(born, True, random.Random(PLAN_SEED)),
                    Relation.PARENT,
                    custody=True,
                )
            ],
            coordinator_id=context.user.id,
        )
        case_id = create_case(session, data, date(2026, 11, 24)).id
        return start_draft(session, case_id)


def stored_counter(path: Path, plan_id: int, where: str) -> int:
    from app.models import PlanVersion
    from app.services.common import audit

    with opened(path, where) as context, context.sessions() as session:
        summary = session.scalar(select(PlanVersion.summary).where(PlanVersion.id == plan_id))
        broken = audit.verify_chain(session)
    assert broken is None, f"{where}: the audit log's chain is broken: {broken.describe()}"
    if not summary:
        return 0
    match = re.fullmatch(r"counter (\d+)", summary)
    assert match, f"{where}: the draft's summary is {summary!r}"
    return int(match.group(1))


@pytest.mark.slow
def test_a_killed_plan_save_keeps_every_acknowledged_save(tmp_path: Path) -> None:
    """The plan editor's save in a loop, killed: the stored draft has the last save whose
    commit returned (or the one after it, committed but not yet acknowledged), and the store
    (one for all runs, as a user's is) opens with its audit chain whole."""
    rng = random.Random(PLAN_SEED)
    env = child_env(tmp_path)
    logs = tmp_path / "logs"
    folder = tmp_path / "store"
    path = folder / STORE
    plan_id = a_case_with_a_draft(path)
    script = tmp_path / "save_loop.py"
    script.write_text(_SAVE_LOOP, encoding="utf-8")

    def saves(first: int) -> list[str]:
        return [sys.executable, str(script), str(path), str(plan_id), str(first), str(first + PLAN_SAVES - 1)]

    full = run_child(saves(1), env, logs / "probe")
    finished(full, "the save loop")
    stored = stored_counter(path, plan_id, "after a full run")
    assert stored == PLAN_SAVES == acknowledged(full.stdout)

    mid_loop = 0
    for run in range(RUNS):
        delay = rng.uniform(0, SLACK * full.ended)
        where = f"seed {PLAN_SEED}, run {run}: saving killed {delay:.3f} s after the start"
        outcome = run_child(saves(stored + 1), env, logs / f"{run:02d}", delay=delay)
        assert outcome.returncode in (0, KILLED), (
            f"{where}: it failed ({outcome.returncode}):\n{outcome.stderr}"
        )
        last = acknowledged(outcome.stdout)
        before = stored
        stored = stored_counter(path, plan_id, where)
        if last is not None:
            assert stored >= last, f"{where}: save {last} was acknowledged, the store has {stored}"
        assert before <= stored <= (last or before) + 1, (
            f"{where}: stored {stored}; before the run {before}, last acknowledged {last}"
        )
        assert temporary_files(folder) == [], f"{where}: left after the next open"
        mid_loop += outcome.killed and last is not None
    assert mid_loop >= RUNS // 5, f"seed {PLAN_SEED}: only {mid_loop} runs were killed while saving"


# -- 4. the local draft file -------------------------------------------------------------

DRAFTS_SEED = 20261204
DRAFT_WRITES = 400
CASE_ID = 42
_WRITE_LOOP = """\
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.services.plan.local_drafts import LocalDraft, LocalDrafts
from app.services.plan.plans import PlanDraft

folder, first, last = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
drafts = LocalDrafts(folder)
base = PlanDraft(sections={"summary": "stored", "barriers": "Mette sover dårligt. " * 400})
for counter in range(first, last + 1):
    draft = PlanDraft(sections={"summary": f"counter {counter}", "barriers": base.sections["barriers"]})
    drafts.write(LocalDraft(42, 9, counter, base, draft, datetime.now(UTC)))
    print(counter, flush=True)  # the acknowledgement: after the write returned
"""


@pytest.mark.slow
def test_a_killed_local_draft_write_keeps_every_acknowledged_draft(tmp_path: Path) -> None:
    """Local drafts written in a loop, killed: the file holds the last acknowledged draft (or
    the one after it), whole; the next ``LocalDrafts(folder)`` sweeps any temporary file."""
    from app.services.plan.local_drafts import LocalDrafts

    rng = random.Random(DRAFTS_SEED)
    env = child_env(tmp_path)
    logs = tmp_path / "logs"
    folder = tmp_path / "drafts" / "0123456789abcdef"
    script = tmp_path / "write_loop.py"
    script.write_text(_WRITE_LOOP, encoding="utf-8")

    def writes(first: int) -> list[str]:
        return [sys.executable, str(script), str(folder), str(first), str(first + DRAFT_WRITES - 1)]

    def stored_draft(where: str) -> int | None:
        drafts = LocalDrafts(folder)  # sweeps what a killed write left
        names = sorted(os.listdir(folder)) if folder.is_dir() else []
        assert names in ([], [f"plan-{CASE_ID}.json"]), f"{where}: files left in the folder: {names}"
        local = drafts.read(CASE_ID)
        if not names:
            return None
        assert local is not None, f"{where}: the draft file cannot be read"
        match = re.fullmatch(r"counter (\d+)", local.draft.sections["summary"])
        assert match and local.row_version == int(match.group(1)), f"{where}: draft {local.draft.sections}"
        return int(match.group(1))

    full = run_child(writes(1), env, logs / "probe")
    finished(full, "the write loop")
    stored = stored_draft("after a full run")
    assert stored == DRAFT_WRITES == acknowledged(full.stdout)

    mid_loop = 0
    for run in range(RUNS):
        delay = rng.uniform(0, SLACK * full.ended)
        where = f"seed {DRAFTS_SEED}, run {run}: writing killed {delay:.3f} s after the start"
        outcome = run_child(writes(stored + 1), env, logs / f"{run:02d}", delay=delay)
        assert outcome.returncode in (0, KILLED), (
            f"{where}: it failed ({outcome.returncode}):\n{outcome.stderr}"
        )
        last = acknowledged(outcome.stdout)
        before = stored
        found = stored_draft(where)
        assert found is not None, f"{where}: the draft file is gone"
        stored = found
        if last is not None:
            assert stored >= last, f"{where}: draft {last} was acknowledged, the file has {stored}"
        assert before <= stored <= (last or before) + 1, (
            f"{where}: the file has {stored}; before the run {before}, last acknowledged {last}"
        )
        mid_loop += outcome.killed and last is not None
    assert mid_loop >= RUNS // 5, f"seed {DRAFTS_SEED}: only {mid_loop} runs were killed while writing"
