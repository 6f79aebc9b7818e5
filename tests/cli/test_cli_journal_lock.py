"""koordinator journal-lock: shows and sets how long a journal note may be changed; the
journal follows the setting; a path naming no store is an error (no store is made there), as
it is for hand-over; on a shared server only IT sets it, a caseworker's login is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.models import AuditEvent
from app.services.common.store_settings import journal_lock_hours
from app.startup import open_context
from tests.shared_server import SharedStore


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = tmp_path / "store.sqlite"
    open_context(str(path), login="tester").close()
    return str(path)


def _hours(db: str) -> int:
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions() as s:
            return journal_lock_hours(s)
    finally:
        ctx.close()


def test_the_default_is_shown_then_each_value_set_is_kept_and_logged(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal-lock", "--db", store]) == EXIT_OK
    assert "24 hours" in capsys.readouterr().out
    for hours in (0, 1, 48, 8760):
        assert main(["journal-lock", "--hours", str(hours), "--db", store]) == EXIT_OK
        assert f"{hours} hours" in capsys.readouterr().out
        assert _hours(store) == hours
    ctx = open_context(store, login="tester")
    with ctx.sessions() as s:
        changes = list(s.scalars(select(AuditEvent.details).where(AuditEvent.object_type == "store_setting")))
    ctx.close()
    assert len(changes) == 4 and '"journal_lock_hours": [48, 8760]' in changes[-1]


@pytest.mark.parametrize("bad", ["-1", "8761", "abc", "1.5", "", "99999999999999999999"])
def test_a_bad_number_changes_nothing(store: str, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal-lock", "--hours", bad, "--db", store]) == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err
    assert _hours(store) == 24


@pytest.mark.parametrize(
    "argv",
    [
        ["journal-lock"],
        ["journal-lock", "--hours", "5"],
        ["hand-over", "K-2026-0001", "--to", "someone", "--note", "N"],
        ["team-settings"],
        ["team-settings", "--limit", "5"],
    ],
)
def test_a_path_naming_no_store_is_an_error_and_makes_none(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite"
    assert main([*argv, "--db", str(missing)]) == EXIT_STORE
    assert "no store at" in capsys.readouterr().err
    assert not missing.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_on_a_shared_server_only_it_sets_the_lock(
    shared_store: SharedStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal-lock", "--hours", "2", "--db", shared_store.url_for("bo")]) == EXIT_FAILED
    assert "only IT" in capsys.readouterr().err
    assert main(["journal-lock", "--db", shared_store.url_for("bo")]) == EXIT_OK  # reading it is fine
    assert "24 hours" in capsys.readouterr().out
    assert main(["journal-lock", "--hours", "2", "--db", shared_store.admin_url]) == EXIT_OK
    capsys.readouterr()
    assert main(["journal-lock", "--db", shared_store.url_for("bo")]) == EXIT_OK
    assert "2 hours" in capsys.readouterr().out  # the server's own rule reads the same row
