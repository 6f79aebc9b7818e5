"""verify-audit, audit-export and who-looked-at-me, called through add_commands/run."""

from __future__ import annotations

import argparse
import csv
from datetime import date

from sqlalchemy import select, text

from app import cli_audit
from app.models import Case, Citizen
from app.services import audit
from app.services.demo import generate_demo
from app.startup import open_context
from tests.pdf.fonts import assert_fonts_embedded


def _read(path) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli_audit.add_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def _store(path: str) -> tuple[int, str]:
    ctx = open_context(path, login="anna")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=1, seed=7, today=date(2025, 3, 1), my_login="anna")
            case = s.scalars(select(Case).order_by(Case.id).limit(1)).one()
            citizen = s.scalars(select(Citizen).where(Citizen.cpr.is_not(None)).limit(1)).one()
            audit.record(s, audit.OPEN_CASE, object_type="case", object_id=case.id, case_id=case.id)
            audit.record(s, audit.CPR_REVEAL, citizen_id=citizen.id, purpose="opfølgning")
            return citizen.id, citizen.cpr or ""
    finally:
        ctx.sessions.kw["bind"].dispose()


def test_verify_audit_ok_then_broken(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 0
    assert "OK" in capsys.readouterr().out
    import sqlite3

    with sqlite3.connect(sqlite_url) as raw:
        raw.execute("UPDATE audit_events SET user_login = 'someone' WHERE id = 3")
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1
    out = capsys.readouterr().out
    assert "entry 3" in out and "changed" in out


def test_run_ignores_other_commands() -> None:
    assert cli_audit.run(argparse.Namespace(command="demo")) is None


def test_audit_export_filters_by_citizen_and_user(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    citizen_id, _cpr = _store(sqlite_url)
    out = tmp_path / "log.csv"
    assert (
        cli_audit.run(
            _parse("audit-export", "--db", sqlite_url, "-o", str(out), "--citizen", str(citizen_id))
        )
        == 0
    )
    rows = _read(out)
    assert rows and all(r["citizen_id"] == str(citizen_id) or r["case_id"] for r in rows)
    assert "cpr_reveal" in {r["action"] for r in rows}
    assert cli_audit.run(_parse("audit-export", "--db", sqlite_url, "-o", str(out), "--user", "nobody")) == 0
    assert _read(out) == []
    assert (
        cli_audit.run(
            _parse(
                "audit-export",
                "--db",
                sqlite_url,
                "-o",
                str(out),
                "--from",
                "2000-01-01",
                "--to",
                "2000-01-02",
            )
        )
        == 0
    )
    assert _read(out) == []


def test_who_looked_at_me_pdf_and_csv_pseudonymised(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _citizen_id, cpr = _store(sqlite_url)
    out_csv = tmp_path / "opslag.csv"
    assert cli_audit.run(_parse("who-looked-at-me", cpr, "-o", str(out_csv), "--db", sqlite_url)) == 0
    body = out_csv.read_text(encoding="utf-8-sig")
    assert "Medarbejder 1" in body and "anna" not in body and cpr not in body
    assert "CPR-nummer vist" in body and "opfølgning" in body
    out_pdf = tmp_path / "opslag.pdf"
    assert cli_audit.run(_parse("who-looked-at-me", cpr, "-o", str(out_pdf), "--db", sqlite_url)) == 0
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert_fonts_embedded(out_pdf.read_bytes())
    # The report itself is logged as an export about the citizen.
    ctx = open_context(sqlite_url, login="anna")
    try:
        with ctx.sessions() as s:
            assert (
                s.execute(
                    text("SELECT count(*) FROM audit_events WHERE object_type = 'access_report'")
                ).scalar()
                == 2
            )
            assert audit.verify_chain(s) is None
    finally:
        ctx.sessions.kw["bind"].dispose()


def test_who_looked_at_me_refuses_bad_input(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert (
        cli_audit.run(_parse("who-looked-at-me", "12", "-o", str(tmp_path / "x.pdf"), "--db", sqlite_url))
        == 2
    )
    assert (
        cli_audit.run(
            _parse("who-looked-at-me", "0101010000", "-o", str(tmp_path / "x.txt"), "--db", sqlite_url)
        )
        == 2
    )
    assert (
        cli_audit.run(
            _parse("who-looked-at-me", "0101010000", "-o", str(tmp_path / "x.csv"), "--db", sqlite_url)
        )
        == 2  # no such citizen: usage, like an unknown case number
    )
