"""The audit viewer on a large log: it shows the newest entries of a search and says when
older ones match too; the export writes every matching entry, streamed; the searches find
their entries through indexes (benchmarks/audit_log.py measures them at 10 million)."""

from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from app.models import AuditEvent
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.privacy import audit_search
from app.services.privacy.audit_search import ViewerQuery, local_day_start, query_entries

CITIZEN = 990_001  # no demo citizen has this id: the entries below are the only ones about it
WRITTEN = 37


@pytest.fixture
def logged(context):  # type: ignore[no-untyped-def]
    """WRITTEN entries about CITIZEN by "tester", in two transactions; their ids."""
    with context.sessions.begin() as s:
        for i in range(20):
            audit.record(s, audit.OPEN_CASE, object_type="case", object_id=i, citizen_id=CITIZEN)
    with context.sessions.begin() as s:
        for i in range(20, WRITTEN):
            audit.record(s, audit.SEARCH, citizen_id=CITIZEN, search_term=f"ord {i}")
    with context.sessions() as s:
        return list(
            s.scalars(select(AuditEvent.id).where(AuditEvent.citizen_id == CITIZEN).order_by(AuditEvent.id))
        )


def _query(citizens: tuple[int, ...] | None = (CITIZEN,), user: str = "") -> ViewerQuery:
    today = local_today()
    return ViewerQuery(
        citizens,
        user,
        local_day_start(today - timedelta(days=30)),
        local_day_start(today + timedelta(days=1)),
    )


@pytest.mark.parametrize("limit", [1, 2, 10, WRITTEN - 1, WRITTEN, WRITTEN + 1, 500])
def test_the_viewer_shows_the_newest_entries_oldest_first(context, logged, limit) -> None:  # type: ignore[no-untyped-def]
    assert len(logged) == WRITTEN
    for user in ("", "tester"):
        with context.sessions() as s:
            entries, more = query_entries(s, _query(user=user), limit)
        assert [e.id for e in entries] == logged[-limit:]
        assert more is (limit < WRITTEN)
    with context.sessions() as s:
        assert query_entries(s, _query(user="someone else"), limit) == ([], False)
        assert query_entries(s, _query(citizens=()), limit) == ([], False)  # no citizen matched


def test_the_rows_say_when_older_entries_match(context, logged, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(audit_search, "VIEWER_ROWS", 5)
    with context.sessions() as s:
        found = audit_search.load_rows(s, _query())
    assert [r.id for r in found.rows] == logged[-5:] and found.more
    monkeypatch.setattr(audit_search, "VIEWER_ROWS", WRITTEN)
    with context.sessions() as s:
        found = audit_search.load_rows(s, _query())
    assert [r.id for r in found.rows] == logged and not found.more


def test_the_export_writes_every_matching_entry(context, logged, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(audit_search, "VIEWER_ROWS", 3)  # the viewer shows 3; the export has all
    expected = tmp_path / "expected.csv"
    with context.sessions() as s, open(expected, "w", encoding="utf-8-sig", newline="") as handle:
        audit.write_csv(audit.find_entries(s, audit.EntryFilter(citizen_id=CITIZEN)), handle)
    target = tmp_path / "log.csv"
    with context.sessions.begin() as s:
        count = audit_search.export_csv(s, _query(), target)  # logs the export (after writing)
    assert count == WRITTEN
    assert target.read_bytes() == expected.read_bytes()
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [int(r[0]) for r in rows[1:]] == logged


def test_a_failed_export_leaves_no_file_and_ends_the_read(context, logged, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken_writer(entries, target):  # type: ignore[no-untyped-def]
        next(iter(entries))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit, "write_csv", broken_writer)
    folder = tmp_path / "out"
    folder.mkdir()
    with context.sessions() as s, pytest.raises(OSError):
        audit.export_entries(s, audit.entry_conditions(s, [CITIZEN]), folder / "log.csv")
    assert list(folder.iterdir()) == []  # neither the file nor a temporary one
    with context.sessions() as s:  # the store answers as before (no cursor left open)
        assert len(audit.find_entries(s, audit.EntryFilter(citizen_id=CITIZEN))) == WRITTEN


def _stats_of_a_large_log(context) -> None:  # type: ignore[no-untyped-def]
    """The planner's statistics as ANALYZE left them on a log of a million entries (300
    users, 10,000 citizens): the plans below are those such a store gets."""
    path = context.engine.url.database
    conn = sqlite3.connect(path)
    try:
        conn.execute("ANALYZE")
        conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'audit_events'")
        conn.executemany(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('audit_events', ?, ?)",
            [
                ("ix_audit_events_case_id", "1000000 100"),
                ("ix_audit_events_citizen_id", "1000000 100"),
                ("ix_audit_events_user_time", "1000000 3323 1"),
                ("ix_audit_events_occurred_at", "1000000 1"),
            ],
        )
        conn.commit()
    finally:
        conn.close()
    context.engine.dispose()  # new connections read the statistics


@pytest.mark.parametrize(
    ("citizens", "user", "index"),
    [
        (None, "", ("ix_audit_events_occurred_at",)),  # everyone in the period
        (None, "tester", ("ix_audit_events_user_time",)),  # one caseworker's newest of the period
        ((CITIZEN,), "", ("ix_audit_events_citizen_id",)),  # one citizen's (few) entries
        ((CITIZEN,), "tester", ("ix_audit_events_citizen_id", "ix_audit_events_user_time")),
        ((), "", None),  # the search matched no citizen
    ],
)
def test_each_viewer_search_reads_the_log_through_its_index(sqlite_context, citizens, user, index) -> None:  # type: ignore[no-untyped-def]
    _stats_of_a_large_log(sqlite_context)
    sent: list[tuple[str, tuple[object, ...]]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        sent.append((statement, tuple(parameters)))

    event.listen(sqlite_context.engine, "before_cursor_execute", record)
    try:
        with sqlite_context.sessions() as s:
            query_entries(s, _query(citizens, user), 10)
    finally:
        event.remove(sqlite_context.engine, "before_cursor_execute", record)
    path = sqlite_context.engine.url.database
    conn = sqlite3.connect(path)
    try:
        plans = [
            str(row[-1])
            for statement, parameters in sent
            if "FROM audit_events" in statement
            for row in conn.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    finally:
        conn.close()
    if index is None:
        assert not plans  # no citizen matched: the log is not read at all
        return
    assert plans
    assert not [p for p in plans if p.startswith("SCAN audit_events")], plans
    assert any(f"USING INDEX {name} " in p for p in plans for name in index), plans
