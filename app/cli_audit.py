"""Audit commands: ``verify-audit``, ``audit-export`` and ``who-looked-at-me``.

Wired into app/cli.py by ``add_commands(subparsers)``; ``run(args, db)`` returns the exit
code, or None when the command is not one of these."""

from __future__ import annotations

import argparse
import io
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.cli_common import MAX_ID, add_store_option, bounded_int, day_argument
from app.services.clock import local_today, start_of_local_day
from app.services.safe_files import write_text_atomic

COMMANDS = ("verify-audit", "audit-export", "who-looked-at-me")


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verify = subparsers.add_parser("verify-audit", help="check the audit log's hash chain")
    add_store_option(verify)
    export = subparsers.add_parser("audit-export", help="write audit log entries to a CSV file (admins)")
    add_store_option(export)
    export.add_argument("-o", "--output", required=True, type=Path, help="the CSV file")
    export.add_argument("--citizen", type=bounded_int(1, MAX_ID), help="only entries about this citizen (id)")
    export.add_argument("--user", default="", help="only this user's entries (login)")
    export.add_argument("--from", dest="start", type=day_argument, help="from this day (YYYY-MM-DD)")
    export.add_argument("--to", dest="end", type=day_argument, help="up to and including this day")
    who = subparsers.add_parser("who-looked-at-me", help="a citizen's report of every lookup of their data")
    who.add_argument("cpr", help="the citizen's CPR number")
    who.add_argument("-o", "--output", required=True, type=Path, help="a .pdf or .csv file")
    add_store_option(who)


def _moment(day: date | None) -> datetime | None:
    return None if day is None else start_of_local_day(day)


def run(args: argparse.Namespace, db: str | None = None) -> int | None:
    if args.command not in COMMANDS:
        return None
    from app.services import audit
    from app.startup import open_context
    from app.store.errors import StoreError
    from app.store.opening import OpenMode

    db = db if db is not None else getattr(args, "db", None)
    mode = OpenMode.READ if args.command == "verify-audit" else OpenMode.EXPORT
    try:
        context = open_context(db, mode=mode)
    except StoreError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return 3
    if context.read_only and mode is OpenMode.EXPORT:
        print(
            "koordinator: note: the store file is read-only, so this export is not in its audit log",
            file=sys.stderr,
        )
    try:
        if args.command == "verify-audit":
            with context.sessions() as session:
                broken = audit.verify_chain(session)
                count = audit.count_entries(session)
            if broken is None:
                print(f"OK: {count} entries, the chain is whole")
                return 0
            print(f"BROKEN at entry {broken.entry_id} ({broken.reason}): {broken.describe()}")
            return 1
        if args.command == "audit-export":
            where = audit.EntryFilter(
                citizen_id=args.citizen,
                user_login=args.user,
                start=_moment(args.start),
                end=_moment(args.end + timedelta(days=1) if args.end else None),
            )
            with context.sessions() as session:
                entries = audit.find_entries(session, where)
                buffer = io.StringIO(newline="")
                count = audit.write_csv(entries, buffer)
                write_text_atomic(args.output, buffer.getvalue(), encoding="utf-8-sig")
                audit.record_now(session, audit.EXPORT, object_type="audit_log", citizen_id=args.citizen)
            print(f"{count} entries written to {args.output}")
            return 0
        return _who_looked(args, context)
    finally:
        context.sessions.kw["bind"].dispose()


def _who_looked(args: argparse.Namespace, context) -> int:  # type: ignore[no-untyped-def]
    from app.models import Citizen
    from app.pdf.access_report import write_access_csv, write_access_pdf
    from app.services import audit
    from app.services.cpr import CprError, mask_cpr, normalize_cpr

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        print("koordinator: the output must be a .pdf or a .csv file", file=sys.stderr)
        return 2
    try:
        digits = normalize_cpr(args.cpr)
    except CprError:
        print("koordinator: not a CPR number (DDMMYY-SSSS)", file=sys.stderr)
        return 2
    with context.sessions() as session:
        citizen = session.scalar(select(Citizen).where(Citizen.cpr == digits))
        if citizen is None:
            print(f"koordinator: no citizen with CPR {mask_cpr(digits)}", file=sys.stderr)
            return 2  # like an unknown case number: usage
        lines = audit.access_report(session, citizen.id)
        label = f"{citizen.first_name} {citizen.last_name}, {mask_cpr(digits)}"
        if suffix == ".pdf":
            write_access_pdf(lines, args.output, label, local_today())
        else:
            write_access_csv(lines, args.output)
        audit.record_now(
            session,
            audit.EXPORT,
            object_type="access_report",
            citizen_id=citizen.id,
            purpose="indsigt i logning",
        )
    print(f"{len(lines)} lookups written to {args.output}")
    return 0
