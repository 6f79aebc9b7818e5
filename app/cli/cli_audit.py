"""Audit commands: ``verify-audit``, ``audit-checkpoint``, ``audit-export`` and ``who-looked-at-me``.

``verify-audit`` checks the chain, every signed checkpoint and pruning record (with the
audit key: ``--audit-key FILE``, ``$KOORDINATOR_AUDIT_KEY``, or a local store's own key),
the last checkpoint recorded beside the key and any ``--expect COUNT:HASH``; it ends with
the log's ``COUNT:HASH`` to keep elsewhere. ``audit-checkpoint`` (or ``verify-audit
--checkpoint``) verifies and then appends a signed checkpoint (app/services/privacy/audit_anchor.py).
Exit codes: 0 whole, 1 broken / truncated / not checkable, 2 usage, 3 store.

Wired into app/cli/cli.py by ``add_commands(subparsers)``; ``run(args, db)`` returns the exit
code, or None when the command is not one of these."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.cli.cli_common import MAX_ID, add_store_option, bounded_int, day_argument
from app.services.common.clock import local_today, start_of_local_day

COMMANDS = ("verify-audit", "audit-checkpoint", "audit-export", "who-looked-at-me")


def _anchor_argument(value: str):  # type: ignore[no-untyped-def]
    from app.services.privacy.audit_key import Anchor

    try:
        return Anchor.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_key_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audit-key",
        type=Path,
        metavar="FILE",
        help="the audit key (a private key signs and verifies, a .pub key verifies); default "
        "$KOORDINATOR_AUDIT_KEY, or a local store's own key in your configuration folder",
    )


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verify = subparsers.add_parser(
        "verify-audit", help="check the audit log's hash chain, signed checkpoints and truncation"
    )
    add_store_option(verify)
    _add_key_option(verify)
    verify.add_argument(
        "--expect",
        type=_anchor_argument,
        action="append",
        default=[],
        metavar="COUNT:HASH",
        help="a count and last hash printed by an earlier run: the log must still hold them",
    )
    verify.add_argument(
        "--checkpoint", action="store_true", help="when the log is whole, append a signed checkpoint"
    )
    checkpoint = subparsers.add_parser(
        "audit-checkpoint", help="verify the audit log and append a signed checkpoint (IT, retention)"
    )
    add_store_option(checkpoint)
    _add_key_option(checkpoint)
    checkpoint.add_argument(
        "--new-key", action="store_true", help="make the --audit-key file first when it does not exist"
    )
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
    from app.services.common import audit
    from app.startup import open_context
    from app.store.errors import StoreError
    from app.store.opening import OpenMode

    db = db if db is not None else getattr(args, "db", None)
    if args.command in ("verify-audit", "audit-checkpoint"):
        return _verify(args, db)
    mode = OpenMode.EXPORT
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
        if args.command == "audit-export":
            with context.sessions() as session:
                conditions = audit.entry_conditions(
                    session,
                    None if args.citizen is None else [args.citizen],
                    args.user or "",
                    _moment(args.start),
                    _moment(args.end + timedelta(days=1) if args.end else None),
                )
                count = audit.export_entries(session, conditions, args.output)
                audit.record_now(session, audit.EXPORT, object_type="audit_log", citizen_id=args.citizen)
            print(f"{count} entries written to {args.output}")
            return 0
        return _who_looked(args, context)
    finally:
        context.close()


def _who_looked(args: argparse.Namespace, context) -> int:  # type: ignore[no-untyped-def]
    from app.models import Citizen
    from app.pdf.access_report import write_access_csv, write_access_pdf
    from app.services.common import audit
    from app.services.common.cpr import CprError, mask_cpr, normalize_cpr

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


def _access_rules_hold(context) -> bool:  # type: ignore[no-untyped-def]
    """On a shared server: are the access rules those the program last put in place
    (app/store/access_check.py)? Prints what differs; True on a local store."""
    from sqlalchemy.exc import DBAPIError

    from app.store import access_check

    if context.store_kind != "postgresql":
        return True
    try:
        with context.sessions() as session:
            result = access_check.check(session.connection())
    except DBAPIError:
        print("Access rules: not checked (this login cannot read them; run verify-audit as the owner)")
        return True
    if not result.recorded:
        print("Access rules: not checked (no fingerprint recorded yet; run koordinator migrate)")
        return True
    if result.ok:
        print("Access rules: as the program put them in place")
        return True
    if not result.recorded_hash_matches_log:
        print("ACCESS RULES: the kept fingerprint was changed (it no longer matches the audit log's entry)")
    for difference in result.differences:
        print(f"ACCESS RULES CHANGED BY HAND: {difference}")
    return False


def _verify(args: argparse.Namespace, db: str | None) -> int:
    """verify-audit and audit-checkpoint."""
    from app.services.privacy import audit_anchor, audit_key
    from app.startup import open_context
    from app.store.errors import StoreError
    from app.store.location import resolve_store_url
    from app.store.opening import OpenMode

    write = args.command == "audit-checkpoint" or args.checkpoint
    try:
        url = resolve_store_url(db)
        if args.command == "audit-checkpoint" and args.new_key and args.audit_key is None:
            print("koordinator: --new-key needs --audit-key FILE (where the new key goes)", file=sys.stderr)
            return 2
        create = write and (getattr(args, "new_key", False) or args.audit_key is None)
        key = audit_key.resolve_key(url, args.audit_key, create=create)
    except StoreError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return 3
    except audit_key.AuditKeyError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return 2
    if write and (key is None or not key.can_sign):
        print(
            "koordinator: a checkpoint is signed with the audit key: give --audit-key FILE (the "
            "private key) or set $KOORDINATOR_AUDIT_KEY",
            file=sys.stderr,
        )
        return 2
    label = audit_key.store_label(url)
    expected = [
        (anchor, f"the count and hash given ({anchor.entries})") for anchor in getattr(args, "expect", [])
    ]
    recorded = audit_key.read_recorded_anchor(key, label) if key is not None else None
    if recorded is not None:
        expected.append((recorded, f"the last checkpoint recorded beside the audit key ({recorded.entries})"))
    try:
        context = open_context(db, mode=OpenMode.EXPORT if write else OpenMode.READ)
    except StoreError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return 3
    try:
        if write and context.read_only:
            print("koordinator: the store file is read-only; no checkpoint was written", file=sys.stderr)
            return 3
        with context.sessions() as session:
            check = audit_anchor.check_log(session, key, expect=expected)
        if check.broken is not None:
            broken = check.broken
            word = "TRUNCATED" if broken.reason == audit_anchor.TRUNCATED else "BROKEN"
            print(f"{word} at entry {broken.entry_id} ({broken.reason}): {broken.describe()}")
            return 1
        pruned = check.position - check.entries
        print(
            f"OK: {check.entries} entries"
            + (f" ({check.position} written, {pruned} pruned)" if pruned else "")
            + ", the chain is whole"
        )
        if key is None:
            print("Signed checkpoints: not checked (no audit key; give --audit-key FILE)")
        else:
            last = check.last_checkpoint
            where = f", the last at entry {last.entry_id} ({last.at})" if last is not None else ""
            print(
                f"Signed checkpoints and pruning records: {check.checkpoints} checked with key {key.fingerprint}{where}"
            )
        for note in dict.fromkeys(check.notes):
            print(f"Note: {note}")
        if not _access_rules_hold(context):
            return 1
        if check.unchecked_prunes and key is None:
            print(
                f"NOT CHECKED: {check.unchecked_prunes} pruning record(s) bridge deleted entries; without the "
                "audit key their signatures cannot be checked"
            )
            return 1
        if not write:
            print(f"Count and last hash (keep it, compare later with --expect): {check.anchor.text()}")
            return 0
        assert key is not None
        try:
            with context.sessions.begin() as session:
                anchor = audit_anchor.write_checkpoint(session, key)
        except audit_anchor.AuditLogBrokenError as exc:
            print(f"BROKEN: {exc}; no checkpoint was written")
            return 1
        audit_key.record_anchor(key, label, anchor)
        print(f"Checkpoint written at entry {anchor.entry_id}, signed with key {key.fingerprint}")
        print(f"Count and last hash (keep it, compare later with --expect): {anchor.text()}")
        return 0
    finally:
        context.close()
