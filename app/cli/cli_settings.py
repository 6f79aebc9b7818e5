"""The store's own settings from the command line: ``journal-lock [--hours N]`` shows or sets
how long a journal note may be changed after it is written (default 24 hours). On a shared
server it is IT's to set (the store's owner); a caseworker's login is refused plainly."""

from __future__ import annotations

import argparse
import sys

from app.cli.cli_common import EXIT_FAILED, EXIT_OK, add_store_option, bounded_int, open_for_change

COMMANDS = ("journal-lock",)


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from app.services.common.store_settings import JOURNAL_LOCK_MAX_HOURS

    lock = subparsers.add_parser(
        "journal-lock", help="show or set how many hours a journal note may be changed after it is written"
    )
    lock.add_argument(
        "--hours",
        type=bounded_int(0, JOURNAL_LOCK_MAX_HOURS),
        metavar="N",
        help=f"set it to N hours (0-{JOURNAL_LOCK_MAX_HOURS}; 0: a note is never changed, only corrected)",
    )
    add_store_option(lock)


def run(args: argparse.Namespace, db: str | None) -> int | None:
    if args.command not in COMMANDS:
        return None
    from sqlalchemy.exc import DBAPIError

    from app.services.common.store_settings import journal_lock_hours, set_journal_lock_hours
    from app.startup import open_context
    from app.store.opening import OpenMode

    # an existing store only: shown from a read-only one too, changed only in a writable one
    context = open_context(db, mode=OpenMode.EXPORT) if args.hours is None else open_for_change(db)
    try:
        if args.hours is None:
            with context.sessions() as session:
                print(
                    f"journal notes can be changed for {journal_lock_hours(session)} hours after they are written"
                )
            return EXIT_OK
        try:
            with context.sessions.begin() as session:
                set_journal_lock_hours(session, args.hours)
        except DBAPIError:
            print(
                "koordinator journal-lock: not changed: on a shared server only IT (the store's owner) "
                "sets the journal's lock",
                file=sys.stderr,
            )
            return EXIT_FAILED
        print(f"journal notes can now be changed for {args.hours} hours after they are written")
        return EXIT_OK
    finally:
        context.close()
