"""``koordinator access-request CPR -o FILE.pdf [--withhold KIND:ID=REASON …]``: everything
held about a person (aktindsigt) as one PDF, with its CSV index beside it (FILE.csv).
``--list`` prints the items with their references (to choose what to withhold) and writes
nothing but the lookup's audit entry.

The CPR number is never printed or logged (a message shows it masked). The export is logged
per item with the withholding reasons, in the transaction that writes the files: a file not
written leaves no entry. Wired into app/cli/cli.py by ``add_commands(subparsers)``;
``run(args, db)`` returns the exit code, or None when the command is not this one."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from app.cli.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_store_option
from app.cli.cli_find import plain, print_table

log = logging.getLogger("app.cli")
PROG = "koordinator access-request"


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    access = subparsers.add_parser(
        "access-request",
        help="everything held about a person (aktindsigt) as one PDF, with a CSV index beside it",
    )
    access.add_argument("cpr", metavar="CPR", help="the person's CPR number (DDMMYY-SSSS)")
    access.add_argument(
        "-o", "--output", metavar="FILE.pdf", help="the PDF to write; its index goes beside it as FILE.csv"
    )
    access.add_argument(
        "--withhold",
        action="append",
        default=[],
        metavar="KIND:ID=REASON",
        help="leave an item's content out, with the reason (printed in the index and kept in the "
        "audit log); KIND:ID as --list shows it, e.g. journal:12; may be given several times",
    )
    access.add_argument(
        "--list", action="store_true", help="only list the items held about the person, with their KIND:ID"
    )
    add_store_option(access)


def run(args: argparse.Namespace, db: str | None) -> int | None:
    if args.command != "access-request":
        return None
    from app.services.privacy.access_request import AccessRequestError, parse_withhold

    withheld: dict[str, str] = {}
    try:
        for text in args.withhold:
            key, reason = parse_withhold(text)
            if key in withheld:
                raise AccessRequestError(f"--withhold {key} is given twice")
            withheld[key] = reason
    except AccessRequestError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.output is None and not args.list:
        print(f"{PROG}: give -o FILE.pdf (or --list to see the items first)", file=sys.stderr)
        return EXIT_USAGE
    if args.output is not None:
        refused = _refuse_index(Path(args.output).expanduser())
        if refused:
            return refused
    from app.startup import open_context
    from app.store.opening import OpenMode

    context = open_context(db, mode=OpenMode.EXPORT)
    try:
        if context.read_only:
            print(
                f"{PROG}: note: the store file is read-only, so this is not in its audit log", file=sys.stderr
            )
        try:
            if args.list:
                return _list(args, context)
            return _export(args, context, withheld)
        except AccessRequestError as exc:
            print(f"{PROG}: {exc}; nothing was written", file=sys.stderr)
            return EXIT_USAGE
    finally:
        context.close()


def _refuse_index(output: Path) -> int | None:
    """The CSV index beside the PDF is checked like the PDF itself (cli._refuse_output)."""
    from app.store.safe_files import OutputRefusedError, check_output

    try:
        if output.suffix.lower() == ".csv":
            raise OutputRefusedError(f"{output} is the index's name; name the PDF file (FILE.pdf)")
        check_output(output.with_suffix(".csv"))
    except (OutputRefusedError, ValueError) as exc:
        print(f"{PROG}: {exc}; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    return None


def _list(args: argparse.Namespace, context) -> int:  # type: ignore[no-untyped-def]
    from app.services.common.danish import short_date
    from app.services.privacy.access_request import collect, find_person, record_lookup

    with context.sessions() as session:
        person = find_person(session, args.cpr)
        record_lookup(session, person)
        request = collect(session, person)
    rows = [
        (item.key, item.kind_label, item.case_number, short_date(item.day), plain(item.title))
        for item in request.items
    ]
    if rows:
        print_table(("REF", "KIND", "CASE", "DATE", "TITLE"), rows)
    print(
        f"{len(rows)} items held about {person.cpr_masked} in {len(request.cases)} case(s)",
        file=sys.stderr,
    )
    return EXIT_OK


def _export(args: argparse.Namespace, context, withheld: dict[str, str]) -> int:  # type: ignore[no-untyped-def]
    from app.pdf.access_request_pdf import write_access_request
    from app.services.privacy.access_request import collect, find_person, record_export

    output = Path(args.output).expanduser()
    try:
        # The export is in the audit log item by item; a file not written rolls it back.
        with context.sessions.begin() as session:
            person = find_person(session, args.cpr)
            request = collect(session, person, withheld)
            record_export(session, request, via="access-request")
            pdf_path, csv_path = write_access_request(request, output)
    except OSError as exc:
        print(f"{PROG}: cannot write {output}: {exc.strerror or exc}; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        from app.services.privacy.access_request import AccessRequestError

        if isinstance(exc, AccessRequestError):
            raise
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            raise  # the command line's own plain message for a store that does not answer
        # A bug in the layout: said plainly, the details (never the CPR number) in the log.
        log.info("access-request failed", exc_info=True)
        print(
            f"{PROG}: the PDF could not be made ({type(exc).__name__}); the details are in the log file",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(pdf_path.resolve())
    print(csv_path.resolve())
    shown = len(request.items) - len(request.withheld)
    print(
        f"{len(request.items)} items ({shown} handed over, {len(request.withheld)} withheld) "
        f"from {len(request.cases)} case(s)",
        file=sys.stderr,
    )
    return EXIT_OK
