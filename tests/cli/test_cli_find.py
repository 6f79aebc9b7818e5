"""koordinator cases and koordinator meetings: the command line finds case numbers and meeting
ids within the user's reach (on SQLite and as a caseworker on a shared server), logs the
lookups as the window does, never prints a CPR number, and says plainly what it cannot find."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.cli.cli import EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.models import AuditEvent, Case, Citizen, User
from app.services.cases.case_list import CaseListQuery, SortKey, fetch_case_rows
from app.services.common import audit
from app.services.common.clock import local_today, now_utc
from app.services.common.users import os_login
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import case_meetings
from app.startup import open_context
from tests.shared_server import SharedStore

TODAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A demo store whose cases are partly the user's own (the demo's "me" is this login)."""
    path = tmp_path / "store.sqlite"
    ctx = open_context(str(path), login=os_login())
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=8, seed=2, today=TODAY, my_login=os_login())
    finally:
        ctx.close()
    return str(path)


@contextmanager
def _read(db: str) -> Iterator[Session]:
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions() as session:
            yield session
    finally:
        ctx.close()


def _table(out: str) -> list[list[str]]:
    """The printed table's rows (after the heading), split on runs of two or more spaces."""
    lines = [line for line in out.splitlines() if line.strip()]
    return [re.split(r"\s{2,}", line.strip()) for line in lines[1:]]


def _no_cpr(out: str, db: str) -> None:
    with _read(db) as s:
        cprs = [c for c in s.scalars(select(Citizen.cpr)) if c]
    assert cprs
    for cpr in cprs:
        assert cpr not in out and cpr[:6] not in out and f"{cpr[:6]}-" not in out


def _audit(db: str, action: str) -> list[AuditEvent]:
    with _read(db) as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
        s.expunge_all()
    return rows


# -- cases -------------------------------------------------------------------------------------


def test_cases_lists_every_case_with_number_title_status_coordinator_and_id(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cases", "--db", store]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["CASE", "TITLE", "STATUS", "COORDINATOR", "ID"]
    with _read(store) as s:
        expected = [
            [c.number, c.title, c.status.value, name, str(c.id)]
            for c, name in s.execute(
                select(Case, User.full_name).join(User, User.id == Case.coordinator_id).order_by(Case.number)
            )
        ]
    assert _table(out) == expected
    assert len(expected) == 9
    _no_cpr(out, store)
    assert not _audit(store, audit.SEARCH)  # a plain list is no search


def _search_terms(db: str) -> list[str]:
    with _read(db) as s:
        lise = s.scalars(select(Citizen).where(Citizen.first_name == "Lise")).one()
        other = s.scalars(select(Citizen).where(Citizen.last_name != "Holm Jensen").limit(1)).one()
        number = s.scalar(select(Case.number).order_by(Case.id.desc()).limit(1))
    assert lise.cpr and other.cpr and number
    return [
        "holm",
        other.last_name.upper(),
        number,
        number.lower(),
        lise.cpr,
        f"{lise.cpr[:6]}-{lise.cpr[6:]}",
        lise.cpr[:6],
        "K-2026",
        "nobody-at-all",
    ]


def test_search_finds_what_the_case_list_finds_and_is_logged_masked(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for term in _search_terms(store):
        assert main(["cases", "--search", term, "--db", store]) == EXIT_OK, term
        captured = capsys.readouterr()
        with _read(store) as s:
            query = CaseListQuery(local_today(), now_utc(), search=term, sort=SortKey.NUMBER)
            expected = [r.number for r in fetch_case_rows(s, query, 0, 1000)]
        assert [row[0] for row in _table(captured.out)] == expected, term
        if not expected:
            assert captured.out == "" and "no cases within your reach matching" in captured.err
        _no_cpr(captured.out + captured.err, store)
    searches = _audit(store, audit.SEARCH)
    assert len(searches) == len(_search_terms(store))
    assert all(e.object_type == "case" for e in searches)
    with _read(store) as s:
        lise_cpr = s.scalar(select(Citizen.cpr).where(Citizen.first_name == "Lise"))
    assert lise_cpr
    terms = [e.search_term for e in searches]
    assert f"{lise_cpr[:6]}-XXXX" in terms  # the full number, masked
    assert all(lise_cpr not in t and lise_cpr[6:] not in t for t in terms)


def test_mine_lists_the_cases_i_coordinate_or_am_partner_on(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cases", "--mine", "--db", store]) == EXIT_OK
    mine = [row[0] for row in _table(capsys.readouterr().out)]
    with _read(store) as s:
        me = s.scalar(select(User.id).where(User.login == os_login()))
        expected = sorted(
            s.scalars(select(Case.number).where(or_(Case.coordinator_id == me, Case.partner_id == me)))
        )
        everything = list(s.scalars(select(Case.number)))
    assert mine == expected and 0 < len(mine) < len(everything)


# -- meetings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["number", "lower-case number", "id"])
def test_meetings_lists_a_cases_meetings_with_ids_danish_times_kind_and_status(
    store: str, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with _read(store) as s:
        case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        meetings = case_meetings(s, case.id)
        given = {"number": case.number, "lower-case number": case.number.lower(), "id": str(case.id)}[how]
        case_id, number = case.id, case.number
    assert len(meetings) >= 3
    assert main(["meetings", given, "--db", store]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].split() == ["ID", "WHEN", "KIND", "STATUS"]
    assert _table(captured.out) == [
        [
            str(m.id),
            f"{m.starts_at:%d.%m.%Y %H.%M}-{m.ends_at:%H.%M}",
            m.kind.value,
            m.status.value,
        ]
        for m in meetings
    ]
    assert f"of case {number}" in captured.err
    [opened] = _audit(store, audit.OPEN_CASE)
    assert (opened.object_type, opened.case_id) == ("meetings", case_id)


@pytest.mark.parametrize("given", ["K-2099-0001", "999999", "0", "K-2026-0001; DROP TABLE cases", "x" * 300])
def test_an_unknown_case_is_a_plain_usage_error(
    store: str, given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["meetings", given, "--db", store]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no case" in captured.err and "within your reach" in captured.err
    assert "Traceback" not in captured.err and len(captured.err) < 300


def test_a_case_without_meetings_says_so(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.factories import single_citizen_case

    ctx = open_context(store, login="tester")
    try:
        with ctx.sessions.begin() as s:
            number = single_citizen_case(s, ctx.user.id, "Mødeløs", TODAY).number
    finally:
        ctx.close()
    assert main(["meetings", number, "--db", store]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == "" and f"case {number} has no meetings" in captured.err


@pytest.mark.parametrize("command", [["cases"], ["cases", "--mine"], ["meetings", "K-2026-0001"]])
def test_no_store_is_a_plain_store_error_and_creates_nothing(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    assert main([*command, "--db", str(missing)]) == EXIT_STORE
    captured = capsys.readouterr()
    assert "no store" in captured.err and "Traceback" not in captured.err
    assert not missing.exists()


# -- a caseworker on a shared server -----------------------------------------------------------


@pytest.mark.postgres
def test_on_a_shared_server_a_caseworker_finds_only_their_teams_cases(
    shared_store: SharedStore, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = shared_store.engine_for("bo")
    try:
        with Session(engine) as s:
            reached = sorted(s.scalars(select(Case.number)))
    finally:
        engine.dispose()
    admin = open_context(shared_store.admin_url)
    try:
        with admin.sessions() as s:
            lise = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
            lise_number, lise_id = lise.number, lise.id
            every = list(s.scalars(select(Case.number)))
    finally:
        admin.close()
    assert lise_id in shared_store.cases["A"] and 0 < len(reached) < len(every)

    assert main(["cases", "--db", shared_store.url_for("bo")]) == EXIT_OK
    assert [row[0] for row in _table(capsys.readouterr().out)] == reached
    # Lise's case is team A's: to Bo it does not exist, by number or by id.
    for given in (lise_number, str(lise_id)):
        assert main(["meetings", given, "--db", shared_store.url_for("bo")]) == EXIT_USAGE
        captured = capsys.readouterr()
        assert captured.out == "" and "within your reach" in captured.err
    assert main(["cases", "--search", "holm jensen", "--db", shared_store.url_for("bo")]) == EXIT_OK
    assert lise_number not in capsys.readouterr().out

    assert main(["meetings", lise_number, "--db", shared_store.url_for("anna")]) == EXIT_OK
    rows = _table(capsys.readouterr().out)
    assert len(rows) >= 3 and all(row[0].isdigit() for row in rows)
    assert main(["cases", "--mine", "--db", shared_store.url_for("anna")]) == EXIT_OK
    assert lise_number in [row[0] for row in _table(capsys.readouterr().out)]
    admin = open_context(shared_store.admin_url)
    try:
        with admin.sessions() as s:
            logged = s.execute(
                select(AuditEvent.user_login, AuditEvent.action, AuditEvent.case_id).where(
                    AuditEvent.action.in_([audit.OPEN_CASE, audit.SEARCH])
                )
            ).all()
    finally:
        admin.close()
    assert (shared_store.logins["anna"], audit.OPEN_CASE, lise_id) in logged
    assert (shared_store.logins["bo"], audit.SEARCH, None) in logged
    assert not [row for row in logged if row[0] == shared_store.logins["bo"] and row[2] == lise_id]
