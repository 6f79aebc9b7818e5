"""``koordinator retention list|erase``, called through add_commands and run (app.cli.cli wires them)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import cli_retention
from app.cli.cli import main
from app.models import AuditEvent, Case, Citizen
from app.services.common import audit
from app.services.demo.demo import generate_demo
from app.services.privacy.retention import close_case
from app.startup import open_context

TODAY = date(2025, 6, 11)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="koordinator")
    cli_retention.add_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def store(tmp_path: Path, municipal_retention: Path) -> tuple[str, int, list[str]]:
    path = str(tmp_path / "store.sqlite")
    ctx = open_context(path, login="tester")
    try:
        with ctx.sessions.begin() as session:
            generate_demo(session, families=3, seed=5, today=TODAY, my_login="tester")
            case = session.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
            close_case(session, case, TODAY - timedelta(days=6 * 366))
            cprs = [c for c in session.scalars(select(Citizen.cpr)) if c]
            case_id = case.id
    finally:
        ctx.close()
    return path, case_id, cprs


def _counts(path: str, case_id: int) -> tuple[bool, int]:
    ctx = open_context(path, login="tester")
    try:
        with ctx.sessions.begin() as session:
            erases = session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == audit.ERASE))
            return session.get(Case, case_id) is not None, int(erases or 0)
    finally:
        ctx.close()


def test_list_shows_the_case_by_number_only_and_erases_nothing(store, capsys) -> None:  # type: ignore[no-untyped-def]
    path, case_id, cprs = store
    args = _parse(["retention", "list", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "1 closed case past retention" in out and "one_family_one_entry" in out
    assert "Holm" not in out and "Lise" not in out
    assert not any(cpr in out or cpr[:6] in out for cpr in cprs)
    assert _counts(path, case_id) == (True, 0)


def test_without_the_municipalitys_periods_nothing_is_listed_or_erased(
    store, capsys, municipal_retention
) -> None:  # type: ignore[no-untyped-def]
    """The program's own file sets no period: the old closed case is kept, and said to be."""
    path, case_id, _cprs = store
    (municipal_retention / "retention_rules.csv").unlink()
    args = _parse(["retention", "list", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "No closed case has passed its retention period" in out
    assert "Kept: 1 closed case of type one_family_one_entry: no retention period is set" in out
    assert _counts(path, case_id) == (True, 0)


def test_erase_without_yes_erases_nothing(store, capsys) -> None:  # type: ignore[no-untyped-def]
    path, case_id, _ = store
    args = _parse(["retention", "erase", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 2
    assert "--yes" in capsys.readouterr().err
    assert _counts(path, case_id) == (True, 0)


def test_erase_with_yes_erases_and_records(store, capsys) -> None:  # type: ignore[no-untyped-def]
    path, case_id, _ = store
    args = _parse(["retention", "erase", "--yes", "--audit-months", "12", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "Erased 1 case" in out and "(12 months)" in out
    assert _counts(path, case_id) == (False, 1)
    # A second run finds nothing left.
    assert cli_retention.run(args, args.db, today=TODAY) == 0
    assert "No closed case has passed" in capsys.readouterr().out


def test_bad_months_and_a_missing_store_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["retention", "list", "--audit-months", "0", "--db", str(tmp_path / "s.sqlite")]) == 2
    assert "outside 1-1200" in capsys.readouterr().err
    args = _parse(["retention", "list", "--db", str(tmp_path / "none.sqlite")])
    assert cli_retention.run(args, args.db) == 3
    assert "no store" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()


def test_erase_signs_its_pruning_and_ends_with_a_checkpoint_that_verify_audit_checks(store, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import cli_audit
    from app.services.privacy import audit_anchor

    path, _case_id, _ = store
    args = _parse(["retention", "erase", "--yes", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "checkpoint signed with key" in out
    ctx = open_context(path, login="tester")
    try:
        with ctx.sessions() as session:
            actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    finally:
        ctx.close()
    assert actions[-2:] == [audit_anchor.CHECKPOINT, audit.LOGIN] and audit.ERASE in actions
    parser = argparse.ArgumentParser()
    cli_audit.add_commands(parser.add_subparsers(dest="command"))
    assert cli_audit.run(parser.parse_args(["verify-audit", "--db", path])) == 0
    assert "1 checked" in capsys.readouterr().out


def test_erase_on_a_broken_log_erases_nothing(store, capsys) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path, case_id, _ = store
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE audit_events SET purpose = 'x' WHERE id = 1")
    args = _parse(["retention", "erase", "--yes", "--db", path])
    assert cli_retention.run(args, args.db, today=TODAY) == 1
    assert "nothing was erased" in capsys.readouterr().err
    assert _counts(path, case_id) == (True, 0)
