"""koordinator team-settings: shows and sets the team's caseload limit and weights (store
settings, the same for everyone); the caseload follows them; bad numbers change nothing; a path
naming no store is an error (test_cli_journal_lock.py); on a shared server only IT sets them, a caseworker's login is
refused plainly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from app.models import AuditEvent
from app.services.team.caseload import CaseloadSettings, caseload_settings
from app.startup import open_context
from tests.shared_server import SharedStore


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = tmp_path / "store.sqlite"
    open_context(str(path), login="tester").close()
    return str(path)


def _settings(db: str) -> CaseloadSettings:
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions() as s:
            return caseload_settings(s)
    finally:
        ctx.close()


def test_the_defaults_are_shown(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team-settings", "--db", store]) == EXIT_OK
    out = capsys.readouterr().out
    assert "caseload limit 30 per coordinator" in out
    assert "a family counts 1.5, a single citizen 1" in out
    assert _settings(store) == CaseloadSettings()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--limit", "25"], CaseloadSettings(limit=Decimal(25))),
        (["--limit", "27,5"], CaseloadSettings(limit=Decimal("27.5"))),
        (["--family-weight", "2"], CaseloadSettings(family_weight=Decimal(2))),
        (["--citizen-weight", "0.5"], CaseloadSettings(citizen_weight=Decimal("0.5"))),
        (
            ["--limit", "1000", "--family-weight", "10", "--citizen-weight", "1.25"],
            CaseloadSettings(Decimal(1000), Decimal(10), Decimal("1.25")),
        ),
    ],
)
def test_each_value_given_is_kept_and_logged_the_others_stay(
    store: str, argv: list[str], expected: CaseloadSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team-settings", *argv, "--db", store]) == EXIT_OK
    assert capsys.readouterr().out.startswith("now: caseload limit")
    assert _settings(store) == expected
    ctx = open_context(store, login="tester")
    with ctx.sessions() as s:
        [change] = s.scalars(select(AuditEvent.details).where(AuditEvent.object_type == "store_setting"))
    ctx.close()
    assert json.loads(change)["caseload_limit"] == ["30", str(expected.limit)]


@pytest.mark.parametrize(
    "argv",
    [
        ["--limit", "0"],
        ["--limit", "-3"],
        ["--limit", "1000.5"],
        ["--limit", "abc"],
        ["--limit", ""],
        ["--limit", "nan"],
        ["--limit", "inf"],
        ["--family-weight", "11"],
        ["--citizen-weight", "0"],
        ["--citizen-weight", "1e400"],
        ["--limit", "20", "--family-weight", "x"],  # one bad value: nothing at all is changed
    ],
)
def test_a_bad_number_changes_nothing(
    store: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team-settings", *argv, "--db", store]) == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err
    assert _settings(store) == CaseloadSettings()


@pytest.mark.postgres
def test_on_a_shared_server_only_it_sets_them_and_they_hold_for_everyone(
    shared_store: SharedStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team-settings", "--limit", "20", "--db", shared_store.url_for("bo")]) == EXIT_FAILED
    assert "only IT" in capsys.readouterr().err
    assert main(["team-settings", "--db", shared_store.url_for("bo")]) == EXIT_OK  # reading is fine
    assert "limit 30 per" in capsys.readouterr().out
    argv = ["team-settings", "--limit", "20", "--family-weight", "2", "--db", shared_store.admin_url]
    assert main(argv) == EXIT_OK
    capsys.readouterr()
    for login in ("bo", "anna"):
        assert main(["team-settings", "--db", shared_store.url_for(login)]) == EXIT_OK
        assert "limit 20 per coordinator; a family counts 2," in capsys.readouterr().out
