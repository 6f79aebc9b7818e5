"""The koordinator command: plain errors and exit codes, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.cli.cli import EXIT_STORE, EXIT_USAGE, main
from app.models import Case
from app.startup import open_context


def _cases(db: Path) -> int:
    ctx = open_context(str(db), login="tester")
    try:
        with ctx.sessions() as session:
            return int(session.scalar(select(func.count(Case.id))) or 0)
    finally:
        ctx.close()


def test_demo_fills_a_store_and_if_empty_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--families", "4", "--seed", "2"]) == 0
    assert _cases(db) == 5  # four households plus Lise's
    assert main(["demo", "--db", str(db), "--if-empty"]) == 0
    assert _cases(db) == 5
    assert "already has cases" in capsys.readouterr().out


def test_negative_family_count_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["demo", "--db", str(tmp_path / "x.sqlite"), "--families", "-1"]) == EXIT_USAGE


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "d"),
        XDG_STATE_HOME=str(tmp_path / "s"),
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_newer_store_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    ctx = open_context(str(db), login="tester")
    with ctx.sessions.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    ctx.close()
    result = _run(["demo", "--db", str(db)], tmp_path)
    assert result.returncode == EXIT_STORE
    assert "newer version of Koordinator" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(["demo", "--famlies", "3"], tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr


def _first_case_and_another_coordinator(db: Path) -> tuple[str, str, str]:
    from app.models import User

    ctx = open_context(str(db), login="tester")
    try:
        with ctx.sessions() as session:
            case = session.scalars(select(Case).order_by(Case.id)).first()
            assert case is not None
            before = session.get(User, case.coordinator_id)
            assert before is not None
            other = session.scalar(
                select(User.login).where(User.id != case.coordinator_id, User.role == "caseworker")
            )
            assert other is not None
            return case.number, before.login, other
    finally:
        ctx.close()


def test_hand_over_moves_the_coordinator_and_logs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.models import AuditEvent, User

    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--families", "2"]) == 0
    number, before, other = _first_case_and_another_coordinator(db)
    assert (
        main(["hand-over", number.lower(), "--to", other, "--note", "Mødet er aftalt.", "--db", str(db)]) == 0
    )
    assert f"now coordinated by {other} (was {before})" in capsys.readouterr().out
    ctx = open_context(str(db), login="tester")
    try:
        with ctx.sessions() as session:
            case = session.scalar(select(Case).where(Case.number == number))
            assert case is not None
            assert session.get(User, case.coordinator_id).login == other  # type: ignore[union-attr]
            entry = session.scalar(select(AuditEvent).where(AuditEvent.action == "hand_over"))
            assert entry is not None and entry.case_id == case.id and other in entry.details
    finally:
        ctx.close()


@pytest.mark.parametrize(
    ("case", "login", "message"),
    [
        ("K-1999-0001", "{other}", "no case K-1999-0001 within your reach"),
        ("{number}", "nobody", "no active caseworker has the login 'nobody'"),
        ("{number}", "{before}", "is already the case's coordinator"),
    ],
)
def test_a_refused_hand_over_changes_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, login: str, message: str
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--families", "1"]) == 0
    number, before, other = _first_case_and_another_coordinator(db)
    values = {"number": number, "before": before, "other": other}
    capsys.readouterr()
    args = [
        "hand-over",
        case.format(**values),
        "--to",
        login.format(**values),
        "--note",
        "N",
        "--db",
        str(db),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err and "nothing was changed" in err
    assert _first_case_and_another_coordinator(db)[1] == before
