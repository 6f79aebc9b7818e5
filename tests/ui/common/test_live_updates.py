"""Another caseworker's change reaches an open window within a second, without a restart;
a lost connection shows a banner, and the window catches up when it is back."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import select, update

from app.models import Case
from app.services.cases.case_list import SortKey
from app.services.demo.demo import generate_demo
from app.ui.cases.case_list_model import COLUMNS
from app.ui.common.live_updates import OWN_COMMIT_WINDOW_S, PostgresListener, SqliteWatcher, parse_payload
from app.ui.main_window import MainWindow

TITLE_COL = COLUMNS.index(SortKey.TITLE)


def _titles(window: MainWindow) -> set[str]:
    model = window.cases.model
    return {model.index(r, TITLE_COL).data() for r in range(model.rowCount())}


def _two_clients(open_store_context, url: str):  # type: ignore[no-untyped-def]
    first = open_store_context(url, login="anna")
    with first.sessions.begin() as session:
        generate_demo(session, families=3, seed=3, my_login="anna")
    second = open_store_context(url, login="bo")
    return first, second


def _window(qtbot, context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.cases.scope.setCurrentIndex(window.cases.scope.findData("all"))
    qtbot.waitUntil(lambda: window.cases.model.query.scope == "all" and not window.cases.model.busy)
    if isinstance(window.live, PostgresListener):  # it starts listening on the store lane
        qtbot.waitUntil(lambda: window.live.listening, timeout=20_000)
    # The start page ("Min dag") logs its read: a commit of the window's own, which the SQLite
    # watcher takes for the window's for a moment after.
    qtbot.waitUntil(lambda: window.day.day is not None and not window.day.busy, timeout=20_000)
    qtbot.wait(int(OWN_COMMIT_WINDOW_S * 1000) + 100)
    return window


def _rename_first_case(context, title: str) -> int:  # type: ignore[no-untyped-def]
    """Rename the first case through ``context`` (each context's engine is a program of its own)."""
    with context.sessions.begin() as session:
        case = session.scalars(select(Case).order_by(Case.id)).first()
        assert case is not None
        case.title = title
        return case.id


@pytest.mark.postgres
def test_a_change_on_the_server_reaches_the_other_window_within_a_second(
    open_store_context, qtbot, postgres_url, settings
) -> None:  # type: ignore[no-untyped-def]
    mine, other = _two_clients(open_store_context, postgres_url)
    window = _window(qtbot, mine, settings)
    assert isinstance(window.live, PostgresListener) and window.live.listening
    started = time.monotonic()
    _rename_first_case(other, "Familien Fra Anden Klient")
    qtbot.waitUntil(lambda: "Familien Fra Anden Klient" in _titles(window), timeout=1000)
    assert time.monotonic() - started < 1.0
    assert window.live.received >= 1
    # The window's own writes are recognised and not echoed back as someone else's.
    seen, own = window.live.received, window.live.own_seen
    _rename_first_case(mine, "Familien Egen Ændring")
    qtbot.waitUntil(lambda: window.live.own_seen > own, timeout=2000)  # its notification has come
    assert window.live.received == seen


@pytest.mark.postgres
def test_a_dropped_connection_shows_the_banner_and_catches_up(
    open_store_context, qtbot, postgres_url, settings
) -> None:  # type: ignore[no-untyped-def]
    mine, other = _two_clients(open_store_context, postgres_url)
    window = _window(qtbot, mine, settings)
    assert window.banner.isHidden()
    # The server ends the window's listening connection (as a restart or a network drop would).
    with other.sessions.begin() as session:
        session.connection().exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'koordinator-listen' AND datname = current_database()"
        )
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert "ikke tilgængelig" in window.store_label.text() or "not reachable" in window.store_label.text()
    # Written while the window was not listening: the notification is lost, the refresh is not.
    _rename_first_case(other, "Familien Mens Forbindelsen Var Væk")
    qtbot.waitUntil(lambda: window.banner.isHidden(), timeout=6000)
    qtbot.waitUntil(lambda: "Familien Mens Forbindelsen Var Væk" in _titles(window), timeout=2000)
    qtbot.waitUntil(lambda: window.live.listening, timeout=2000)


def test_another_program_writing_the_sqlite_file_is_noticed(
    open_store_context, qtbot, sqlite_url, settings
) -> None:  # type: ignore[no-untyped-def]
    mine = open_store_context(sqlite_url, login="anna")
    with mine.sessions.begin() as session:
        generate_demo(session, families=2, seed=3, my_login="anna")
    window = _window(qtbot, mine, settings)
    assert isinstance(window.live, SqliteWatcher)
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.readline(); "
        "c.execute(\"UPDATE cases SET title = 'Familien Fra Andet Program', version = version + 1 "
        'WHERE id = (SELECT min(id) FROM cases)"); c.commit()'
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, sqlite_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as other:
        try:
            # The other program has started (not timed: the watcher cannot notice a Python start).
            assert other.stdin is not None and other.stdout is not None
            assert other.stdout.readline() == "ready\n"
            started = time.monotonic()
            other.stdin.write("write\n")
            other.stdin.flush()
            qtbot.waitUntil(lambda: "Familien Fra Andet Program" in _titles(window), timeout=1000)
            assert time.monotonic() - started < 1.0
        finally:
            other.stdin.close()  # type: ignore[union-attr]
            other.wait(timeout=30)
    assert other.returncode == 0
    # The window's own save does not count as another program's: the watcher reads the new
    # data_version (it has seen the commit) and hands nothing on.
    seen, version = window.live.received, window.live.version
    with mine.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == 1).values(title="Familien Egen"))
    qtbot.waitUntil(lambda: window.live.version != version, timeout=2000)
    assert window.live.received == seen


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ('{"t": "cases", "c": 7, "x": "abc"}', ("cases", 7, "abc")),
        ('{"t": "goals", "c": null, "x": null}', ("goals", None, None)),
        ('{"t": "cases", "c": true}', ("cases", None, None)),
        ("not json", (None, None, None)),
        ("[1, 2]", (None, None, None)),
    ],
)
def test_payloads_are_read_defensively(payload: str, expected: tuple[object, ...]) -> None:
    assert parse_payload(payload) == expected
