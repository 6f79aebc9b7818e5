"""The koordinator command: plain errors and exit codes, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.cli import EXIT_STORE, EXIT_USAGE, main
from app.models import Case
from app.startup import open_context


def _cases(db: Path) -> int:
    ctx = open_context(str(db), login="tester")
    try:
        with ctx.sessions() as session:
            return int(session.scalar(select(func.count(Case.id))) or 0)
    finally:
        ctx.sessions.kw["bind"].dispose()


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
    ctx.sessions.kw["bind"].dispose()
    result = _run(["demo", "--db", str(db)], tmp_path)
    assert result.returncode == EXIT_STORE
    assert "newer version of Koordinator" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(["demo", "--famlies", "3"], tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr
