"""verify-audit, audit-export and who-looked-at-me, called through add_commands/run."""

from __future__ import annotations

import argparse
import csv
from datetime import date

from sqlalchemy import select, text

from app.cli import cli_audit
from app.models import Case, Citizen
from app.services.common import audit
from app.services.demo.demo import generate_demo
from app.startup import open_context
from app.store import audit_log
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
        ctx.close()


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
        ctx.close()


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


# ------------------------------------------ issue 13: checkpoints, truncation, forgery


def _relink(path: str, start_id: int) -> None:
    """A forger with the file: recompute every hash from ``start_id`` on."""
    import sqlite3

    ctx = open_context(path, login="anna")
    try:
        with ctx.sessions() as s:
            rows = [dict(r) for r in s.execute(text("SELECT * FROM audit_events ORDER BY id")).mappings()]
            occurred = {
                r.id: r.occurred_at
                for r in s.execute(select(audit.AuditEvent.id, audit.AuditEvent.occurred_at))
            }
    finally:
        ctx.close()
    prev = ""
    with sqlite3.connect(path) as raw:
        for row in rows:
            if row["id"] >= start_id:
                fields = {**row, "occurred_at": occurred[row["id"]], "prev_hash": prev}
                row["hash"] = audit_log.entry_hash(fields)
                raw.execute(
                    "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev, row["hash"], row["id"]),
                )
            prev = row["hash"]


def _last_line_anchor(out: str) -> str:
    return out.strip().splitlines()[-1].rsplit(" ", 1)[-1]


def _sql(path: str, sql: str, *params) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    with sqlite3.connect(path) as raw:
        raw.execute(sql, params)


def test_checkpoint_then_a_recomputed_rewrite_fails_verify_audit(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert cli_audit.run(_parse("audit-checkpoint", "--db", sqlite_url)) == 0  # the store's own key
    out = capsys.readouterr().out
    assert "Checkpoint written" in out and ":" in _last_line_anchor(out)
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 0
    assert "1 checked" in capsys.readouterr().out
    _sql(sqlite_url, "UPDATE audit_events SET user_login = 'someone' WHERE id = 2")
    _relink(sqlite_url, 2)
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1
    assert "rewritten" in capsys.readouterr().out


def test_deleting_and_relinking_fails_verify_audit(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert cli_audit.run(_parse("verify-audit", "--checkpoint", "--db", sqlite_url)) == 0
    _sql(sqlite_url, "DELETE FROM audit_events WHERE id = 2")
    _relink(sqlite_url, 3)
    capsys.readouterr()
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1
    assert "BROKEN" in capsys.readouterr().out


def test_cut_entries_fail_verify_audit_against_the_printed_count_and_the_recorded_checkpoint(
    sqlite_url, capsys
) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert cli_audit.run(_parse("audit-checkpoint", "--db", sqlite_url)) == 0
    checkpoint_anchor = _last_line_anchor(capsys.readouterr().out)
    ctx = open_context(sqlite_url, login="anna")  # one more entry (the login) after it
    ctx.close()
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 0
    printed = _last_line_anchor(capsys.readouterr().out)
    assert printed != checkpoint_anchor
    assert cli_audit.run(_parse("verify-audit", "--expect", printed, "--db", sqlite_url)) == 0
    _sql(sqlite_url, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    capsys.readouterr()
    assert cli_audit.run(_parse("verify-audit", "--expect", printed, "--db", sqlite_url)) == 1
    assert "TRUNCATED" in capsys.readouterr().out
    # The checkpoint cut off too: the count recorded beside the key finds it without --expect.
    _sql(sqlite_url, "DELETE FROM audit_events WHERE action = 'audit_checkpoint'")
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1
    assert "TRUNCATED" in capsys.readouterr().out


def test_a_forged_pruning_record_fails_verify_audit(sqlite_url, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.services.privacy import audit_anchor, audit_key

    _store(sqlite_url)
    assert cli_audit.run(_parse("audit-checkpoint", "--db", sqlite_url)) == 0
    for _ in range(2):
        open_context(sqlite_url, login="anna").close()
    ctx = open_context(sqlite_url, login="anna")
    try:
        with ctx.sessions() as s:
            check = audit_anchor.check_log(s)
            victim = s.execute(
                text("SELECT id, prev_hash, hash FROM audit_events ORDER BY id DESC LIMIT 1 OFFSET 1")
            ).one()
    finally:
        ctx.close()
    _sql(sqlite_url, "DELETE FROM audit_events WHERE id = ?", victim.id)
    forger = audit_key.create_key(tmp_path / "forger.pem")
    gap = {
        "first_id": victim.id,
        "last_id": victim.id,
        "count": 1,
        "prev_hash": victim.prev_hash,
        "last_hash": victim.hash,
    }
    payload = {
        "v": 1,
        "entries": check.position,
        "last_hash": check.last_hash,
        "at": "",
        "key": "",
        "gaps": [gap],
    }
    payload["signature"] = forger.sign(audit_anchor.signed_text(audit_anchor.PRUNE, payload))
    ctx = open_context(sqlite_url, login="anna")
    try:
        with ctx.sessions.begin() as s:
            audit_log.append_entry(
                s.connection(), "anna", {"action": "audit_prune", "details": json.dumps(payload)}
            )
    finally:
        ctx.close()
    capsys.readouterr()
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1
    assert "no valid signature" in capsys.readouterr().out
    # With the forger's key named instead, the store's own checkpoint is the one refused.
    assert cli_audit.run(_parse("verify-audit", "--audit-key", str(forger.path), "--db", sqlite_url)) == 1


def test_a_forged_checkpoint_fails_verify_audit(sqlite_url, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    forger = tmp_path / "forger.pem"
    assert (
        cli_audit.run(_parse("audit-checkpoint", "--audit-key", str(forger), "--new-key", "--db", sqlite_url))
        == 0
    )
    capsys.readouterr()
    assert cli_audit.run(_parse("audit-checkpoint", "--db", sqlite_url)) == 1  # the store's key: refused
    assert "signature does not match" in capsys.readouterr().out
    assert cli_audit.run(_parse("verify-audit", "--db", sqlite_url)) == 1


def test_verify_audit_usage_errors(sqlite_url, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    _store(sqlite_url)
    with pytest.raises(SystemExit):
        _parse("verify-audit", "--expect", "12:nothex", "--db", sqlite_url)
    assert (
        cli_audit.run(_parse("verify-audit", "--audit-key", str(tmp_path / "none.pem"), "--db", sqlite_url))
        == 2
    )
    public = tmp_path / "k.pem"
    assert (
        cli_audit.run(_parse("audit-checkpoint", "--audit-key", str(public), "--new-key", "--db", sqlite_url))
        == 0
    )
    assert (
        cli_audit.run(_parse("audit-checkpoint", "--audit-key", str(public) + ".pub", "--db", sqlite_url))
        == 2
    )
    assert cli_audit.run(_parse("verify-audit", "--audit-key", str(public) + ".pub", "--db", sqlite_url)) == 0
