"""Finding things from the command line: ``cases`` lists the cases within the user's reach
(searched as the case list searches them), ``meetings CASE`` a case's meetings with their ids,
so ``export-plan`` and ``export-ics --meeting`` can be used without the window.

Both are lookups and are logged as the window logs them: a search with its criterion (CPR
numbers masked by the audit log), the opening of a case's meetings. A CPR number is never
printed. Wired into app/cli/cli.py by ``add_commands(subparsers)``; ``run(args, db)``
returns the exit code, or None when the command is not one of these."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import datetime

from app.cli.cli_common import EXIT_OK, EXIT_USAGE, MAX_ARGUMENT_CHARS, MAX_ID, add_store_option
from app.services.common.context import AppContext

COMMANDS = ("cases", "meetings")
_CASE_ID = re.compile(r"^[0-9]{1,10}$")


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cases = subparsers.add_parser(
        "cases", help="list the cases within your reach: case number, title, status, coordinator"
    )
    cases.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="only cases whose number, title or a member's name or CPR number matches (as in the "
        "program's case list)",
    )
    cases.add_argument("--mine", action="store_true", help="only cases you coordinate or are partner on")
    add_store_option(cases)
    meetings = subparsers.add_parser("meetings", help="list a case's meetings with their ids")
    meetings.add_argument("case", metavar="CASE", help="case number (e.g. K-2026-0042) or the case's id")
    add_store_option(meetings)


def run(args: argparse.Namespace, db: str | None) -> int | None:
    if args.command not in COMMANDS:
        return None
    from app.startup import open_context
    from app.store.opening import OpenMode

    if len(args.search if args.command == "cases" else args.case) > MAX_ARGUMENT_CHARS:
        print(f"koordinator {args.command}: the text is too long", file=sys.stderr)
        return EXIT_USAGE
    context = open_context(db, mode=OpenMode.EXPORT)  # a lookup writes its audit entry only
    try:
        if context.read_only:
            print(
                f"koordinator {args.command}: note: the store file is read-only, so this lookup is "
                "not in its audit log",
                file=sys.stderr,
            )
        if args.command == "cases":
            return _cases(args, context)
        return _meetings(args, context)
    finally:
        context.close()


def plain(text: str) -> str:
    """Text from the store on one line of a terminal: no control characters (a line break,
    an escape sequence), runs of spaces as one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell; the last column is not padded."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for row in (headers, *rows):
        cells = [str(cell).ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        print("  ".join([*cells, str(row[-1])]).rstrip())


def _cases(args: argparse.Namespace, context: AppContext) -> int:
    from app.services.cases.case_list import (
        CaseListQuery,
        Scope,
        SortKey,
        clean_search,
        count_cases,
        fetch_case_rows,
    )
    from app.services.common.clock import local_today, now_utc

    search = clean_search(args.search)
    query = CaseListQuery(
        today=local_today(),
        now=now_utc(),
        scope=Scope.MINE if args.mine else Scope.ALL,
        user_id=context.user.id,
        search=search,
        sort=SortKey.NUMBER,
    )
    with context.sessions() as session:
        total = count_cases(session, query)  # logs the search, as the case list does
        rows = fetch_case_rows(session, query, 0, max(total, 1))
    noun = "case" if len(rows) == 1 else "cases"
    what = f"your {noun}" if args.mine else f"{noun} within your reach"
    if not rows:
        matching = " matching the search" if search else ""
        where = " of yours" if args.mine else " within your reach"
        print(f"koordinator cases: no cases{where}{matching}", file=sys.stderr)
        return EXIT_OK
    print_table(
        ("CASE", "TITLE", "STATUS", "COORDINATOR", "ID"),
        [(r.number, plain(r.title), r.status.value, plain(r.coordinator), str(r.id)) for r in rows],
    )
    print(f"{len(rows)} {what}" + (" matching the search" if search else ""), file=sys.stderr)
    return EXIT_OK


def _meetings(args: argparse.Namespace, context: AppContext) -> int:
    from sqlalchemy import select

    from app.models import Case
    from app.services.common import audit
    from app.services.meetings.meetings import case_meetings

    given = plain(args.case).upper()
    with context.sessions() as session:
        if _CASE_ID.match(given) and int(given) <= MAX_ID:
            found = session.execute(select(Case.id, Case.number).where(Case.id == int(given))).first()
        else:
            found = session.execute(select(Case.id, Case.number).where(Case.number == given)).first()
        if found is None:
            shown = given if len(given) <= 40 else given[:40] + "…"
            print(f"koordinator meetings: no case {shown} within your reach", file=sys.stderr)
            return EXIT_USAGE
        case_id, number = found
        audit.record_now(session, audit.OPEN_CASE, object_type="meetings", object_id=case_id, case_id=case_id)
        meetings = case_meetings(session, case_id)
    if not meetings:
        print(f"koordinator meetings: case {number} has no meetings", file=sys.stderr)
        return EXIT_OK
    rows = []
    for m in meetings:
        end = m.ends_at.strftime("%H.%M") if m.ends_at.date() == m.starts_at.date() else _when(m.ends_at)
        rows.append((str(m.id), f"{_when(m.starts_at)}-{end}", m.kind.value, m.status.value))
    print_table(("ID", "WHEN", "KIND", "STATUS"), rows)
    noun = "meeting" if len(rows) == 1 else "meetings"
    print(f"{len(rows)} {noun} of case {number} (times in Danish time)", file=sys.stderr)
    return EXIT_OK


def _when(moment: datetime) -> str:
    """A local moment the way Danish caseworkers write it: 03.12.2026 10.00."""
    return moment.strftime("%d.%m.%Y %H.%M")
