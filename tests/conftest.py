"""Shared fixtures: a fresh store per test on SQLite and (where a server runs) PostgreSQL."""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import settings

from app.ui.common.main_thread_gc import collect_due

REQUIRE_POSTGRES_ENV = "KOORDINATOR_REQUIRE_POSTGRES"

# Property tests judge results, not speed: a busy CI machine must not fail them on time.
settings.register_profile("koordinator", deadline=None)
settings.load_profile("koordinator")
PG_ADMIN_DSN = os.environ.get("KOORDINATOR_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=postgres")


_CPH = ZoneInfo("Europe/Copenhagen")
# The suite runs on one fixed day (the program's clock, app/services/common/clock.py, reads the
# system clock that time-machine moves), so no test passes or fails with the calendar.
# KOORDINATOR_TEST_DAY=YYYY-MM-DDTHH:MM (Copenhagen time) runs it on another.
TEST_MOMENT = datetime(2026, 12, 3, 10, 0, tzinfo=_CPH)
# Tests marked ``any_day`` run again on the days where date arithmetic goes wrong: a leap
# day, the last minutes of a year (already the next year in UTC... and not yet in Copenhagen),
# the first minutes of a year (still the old year in UTC), and both summer-time changes.
EDGE_MOMENTS = {
    "leap-day": datetime(2028, 2, 29, 10, 0, tzinfo=_CPH),
    "new-years-eve-late": datetime(2026, 12, 31, 23, 30, tzinfo=_CPH),
    "new-years-day-early": datetime(2027, 1, 1, 0, 30, tzinfo=_CPH),
    "summer-time-starts": datetime(2027, 3, 28, 3, 30, tzinfo=_CPH),
    "summer-time-ends": datetime(2026, 10, 25, 2, 30, tzinfo=_CPH),
}
_session_travel: time_machine.travel | None = None


def _suite_moment() -> datetime:
    chosen = os.environ.get("KOORDINATOR_TEST_DAY")
    if not chosen:
        return TEST_MOMENT
    moment = datetime.fromisoformat(chosen)
    return moment if moment.tzinfo else moment.replace(tzinfo=_CPH)


def pytest_configure(config: pytest.Config) -> None:
    global _session_travel
    # Before any QApplication exists: Qt runs offscreen unless asked for a screen.
    if not config.getoption("--onscreen", default=False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("KOORDINATOR_DB", None)
    # Cycles are collected between tests on this thread, never on a store lane's thread
    # (app/ui/common/main_thread_gc.py: the program does the same on a timer).
    gc.disable()
    # Before any fixture (module-scoped ones too) asks for today.
    _session_travel = time_machine.travel(_suite_moment(), tick=True)
    _session_travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.stop()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("any_day"):
        moments = {"fixed-day": _suite_moment(), **EDGE_MOMENTS}
        metafunc.parametrize("moment", list(moments.values()), ids=list(moments))


@pytest.fixture(autouse=True)
def _collect_on_this_thread() -> Iterator[None]:
    """What automatic collection would have freed during the test is freed after it, here."""
    yield
    collect_due()


@pytest.fixture
def moment() -> datetime:
    """The moment the test runs at (parametrised over EDGE_MOMENTS for ``any_day`` tests)."""
    return _suite_moment()


@pytest.fixture(autouse=True)
def _travel(request: pytest.FixtureRequest, moment: datetime) -> Iterator[None]:
    """Tests marked ``any_day`` run at each of the edge moments, on a ticking clock."""
    if not request.node.get_closest_marker("any_day"):
        yield
        return
    with time_machine.travel(moment, tick=True):
        yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on a real screen")


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings, logs and the default store of tests out of the real user's folders."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("KOORDINATOR_DB", raising=False)


def _postgres_admin():  # type: ignore[no-untyped-def]
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"PostgreSQL is required here ({REQUIRE_POSTGRES_ENV}=1) but unreachable: {exc}")
        pytest.skip(f"no PostgreSQL server reachable at {PG_ADMIN_DSN!r}: {exc}")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database of its own on the local server, dropped afterwards."""
    admin = _postgres_admin()
    name = f"koordinator_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        params = admin.info.get_parameters()
        host, port, user = (
            params.get("host", "127.0.0.1"),
            params.get("port", "5432"),
            params.get("user", "postgres"),
        )
        yield f"postgresql+psycopg://{user}@{host}:{port}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def shared_store(postgres_url: str):  # type: ignore[no-untyped-def]
    """A PostgreSQL store set up by server-init, with caseworker roles in two teams."""
    from tests.shared_server import drop_shared_store, make_shared_store

    store = make_shared_store(postgres_url)
    try:
        yield store
    finally:
        drop_shared_store(store)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "koordinator.sqlite")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """Every store test runs on both SQLite and PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def context(store_url: str):  # type: ignore[no-untyped-def]
    from app.startup import open_context

    ctx = open_context(store_url, login="tester")
    yield ctx
    ctx.close()


@pytest.fixture
def sqlite_context(sqlite_url: str):  # type: ignore[no-untyped-def]
    from app.startup import open_context

    ctx = open_context(sqlite_url, login="tester")
    yield ctx
    ctx.close()


@pytest.fixture
def private_postgres():  # type: ignore[no-untyped-def]
    """A PostgreSQL server of the test's own, to stop and start (tests/pg_instance.py)."""
    from tests.pg_instance import private_server

    with private_server() as server:
        yield server


MUNICIPAL_RETENTION = """model,years_after_closing,count_from,note
one_family_one_entry,5,closing_date,the municipality's bevaringsplan (a test's)
together_for_family,5,closing_date,
holistic_plan,10,end_of_closing_year,
"""


@pytest.fixture
def municipal_retention(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The municipality has set its retention periods (5 years; holistic plans 10 years from
    the end of the closing year; no period for "other") in the machine-wide folder; the
    program's own file sets none. Returns the folder."""
    from app.machine_settings import ENV_VAR

    folder = tmp_path / "machine-wide"
    folder.mkdir()
    (folder / "retention_rules.csv").write_text(MUNICIPAL_RETENTION, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(folder / "koordinator.ini"))
    return folder
