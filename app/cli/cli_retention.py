"""``koordinator retention``: what has passed retention, and erasing it (an admin's task).

koordinator retention list  [--db …] [--audit-months N]
    closed cases past their retention period, and the audit log's lookups older than N months
koordinator retention erase --yes [--db …] [--audit-months N] [--audit-key FILE]
    erase those cases (the audit log keeps its entries and records each erasure) and delete
    those lookups from the audit log; without --yes nothing is erased. The audit log is
    verified first (a broken log stops the run), the pruning is stated in signed pruning
    records and the run ends with a signed checkpoint (app/services/privacy/audit_anchor.py): the
    key is --audit-key, $KOORDINATOR_AUDIT_KEY, or a local store's own key

The output names cases by number and type only: never a name or a CPR number. The periods
come from resources/retention_rules.csv (set from the municipality's bevaringsplan).
Wired into ``app.cli.cli`` with ``add_commands(subparsers)`` and ``run(args, db)``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.cli_common import add_store_option, bounded_int

if TYPE_CHECKING:
    from app.services.privacy.retention import ClosedCases

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument(
        "--audit-months",
        type=bounded_int(1, 1200),
        default=None,
        metavar="N",
        help="keep lookups (openings, searches) in the audit log for N months (default 6)",
    )


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    retention = subparsers.add_parser(
        "retention", help="list or erase closed cases past their retention period (admin)"
    )
    add_store_option(retention)  # --db before the action works too
    actions = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show what has passed retention; nothing is erased")
    _add_common(listing)
    erase = actions.add_parser("erase", help="erase what has passed retention (needs --yes)")
    _add_common(erase)
    erase.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")
    erase.add_argument(
        "--audit-key",
        type=Path,
        metavar="FILE",
        help="the audit key (private) that signs the pruning record and checkpoint; default "
        "$KOORDINATOR_AUDIT_KEY, or a local store's own key",
    )


def run(args: argparse.Namespace, db: str | None, today: date | None = None) -> int:
    from app.services.common.clock import local_today, start_of_local_day
    from app.services.privacy import retention
    from app.startup import open_context

    months = args.audit_months if args.audit_months is not None else retention.DEFAULT_LOOKUP_MONTHS
    if months < 1:
        print("koordinator retention: --audit-months must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    today = today or local_today()
    erase = args.retention_command == "erase"
    try:
        from app.services.privacy.retention_rules import load_archive_codes, load_rules

        rules = load_rules()
        archive = load_archive_codes()
    except (OSError, ValueError) as exc:
        print(f"koordinator retention: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from app.services.privacy import audit_anchor, audit_key
    from app.store.errors import StoreError
    from app.store.location import resolve_store_url
    from app.store.opening import OpenMode

    key = None
    if erase and args.yes:
        try:
            key = audit_key.resolve_key(resolve_store_url(db), args.audit_key, create=args.audit_key is None)
        except StoreError as exc:
            print(f"koordinator retention: {exc}", file=sys.stderr)
            return EXIT_STORE
        except audit_key.AuditKeyError as exc:
            print(f"koordinator retention: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if key is None or not key.can_sign:
            print(
                "koordinator retention: the audit log's pruning record and checkpoint are signed: give "
                "--audit-key FILE (the private key) or set $KOORDINATOR_AUDIT_KEY; nothing was erased",
                file=sys.stderr,
            )
            return EXIT_USAGE
    try:
        context = open_context(db, mode=OpenMode.EXPORT if erase else OpenMode.READ)
    except StoreError as exc:
        print(f"koordinator retention: {exc}", file=sys.stderr)
        return EXIT_STORE
    if erase and context.read_only:
        context.close()
        print("koordinator retention: the store file is read-only; nothing was erased", file=sys.stderr)
        return EXIT_STORE
    try:
        with context.sessions.begin() as session:
            closed = retention.closed_cases(session, today, rules, archive)
            due = closed.due
            cutoff = retention._months_before(today, months)
            old_lookups = retention.lookups_older_than(session, start_of_local_day(cutoff))
            _print_due(due, today)
            _print_kept(closed)
            print(
                f"Audit log: {old_lookups} lookup entr{'y' if old_lookups == 1 else 'ies'} "
                f"(openings, searches) from before {cutoff.isoformat()} ({months} months)."
            )
            if not erase:
                return EXIT_OK
            if not args.yes:
                print("Nothing was erased: add --yes to erase (it cannot be undone).", file=sys.stderr)
                return EXIT_USAGE
            assert key is not None
            try:
                appender = audit_anchor.start_signed_pruning(session, key)
            except audit_anchor.AuditLogBrokenError as exc:
                print(
                    f"koordinator retention: the audit log is broken ({exc}); nothing was erased. "
                    "Run verify-audit.",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            pruned = retention.prune_audit(session, today, months, key=key, appender=appender)
            erased = retention.erase_cases(session, [d.case_id for d in due], today, rules, archive)
            anchor = appender.append(audit_anchor.CHECKPOINT)
        audit_key.record_anchor(key, audit_key.store_label(resolve_store_url(db)), anchor)
        people = sum(e.citizens_erased for e in erased)
        print(
            f"Erased {len(erased)} case{'' if len(erased) == 1 else 's'} and {people} "
            f"citizen{'' if people == 1 else 's'} no other case uses; {pruned.deleted} lookup "
            f"entr{'y' if pruned.deleted == 1 else 'ies'} deleted from the audit log. "
            "Each erasure is recorded in the audit log."
        )
        print(f"Audit log checkpoint signed with key {key.fingerprint}; count and last hash: {anchor.text()}")
        return EXIT_OK
    finally:
        context.close()


def _print_due(due: list, today: date) -> None:  # type: ignore[type-arg]
    if not due:
        print(f"No closed case has passed its retention period on {today.isoformat()}.")
        return
    print(f"{len(due)} closed case{'' if len(due) == 1 else 's'} past retention on {today.isoformat()}:")
    print(f"  {'case':<14}{'type':<24}{'closed':<12}kept until")
    for item in due:
        print(
            f"  {item.number:<14}{item.model.value:<24}{item.closed_on.isoformat():<12}"
            f"{item.retention_until.isoformat()}"
        )


def _print_kept(closed: ClosedCases) -> None:
    """The closed cases that are kept whatever their age, and why (counts, never names)."""
    for model, count in sorted(closed.kept_unset.items()):
        print(
            f"Kept: {count} closed case{'' if count == 1 else 's'} of type {model.value}: no retention "
            "period is set for it (retention_rules.csv, from the municipality's bevaringsplan)."
        )
    if closed.kept_for_archive:
        count = closed.kept_for_archive
        print(
            f"Kept for the archive: {count} closed case{'' if count == 1 else 's'} with a placement "
            "(retention_archive.csv); never erased by Koordinator."
        )
