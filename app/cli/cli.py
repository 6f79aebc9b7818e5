"""The ``koordinator`` command: start the program, or run a task on a store.

koordinator [--db PATH_OR_URL] [--lang da|en]       start the program
koordinator demo [--db …] [--families N] [--seed S]  fill a store with fictional families
koordinator export-plan CASE -o FILE.pdf|.docx [--format pdf|docx] [--db …] [--large-print] [--version N] [--for PARTY]
                       [--language da|en|uk|pl|ar|family]
                                                    print a case's plan to a PDF (or Word) file (the
                                                    family's copy, in Danish or the family's language,
                                                    or a recipient's: what consent covers)
koordinator export-meeting CASE --meeting ID --paper agenda|slip|minutes -o FILE [--format pdf|docx]
                                                    a meeting's agenda, agreement slip or minutes
koordinator letter-template [--logo FILE | --no-logo] [--sender TEXT] [--address LINE …] [--db …]
                                                    show or set the municipality's letter template
koordinator export-ics CASE -o FILE.ics|FILE.eml [--db …] [--meeting ID] [--few-details] [--reminder MIN]
                                                    a case's meetings (or one invitation, also as e-mail) as iCalendar
koordinator cases [--search TEXT] [--mine] [--db …]
                                                    the cases within your reach (number, title, status, coordinator)
koordinator meetings CASE [--db …]                  a case's meetings with their ids (for export-ics --meeting)
koordinator access-request CPR -o FILE.pdf [--withhold KIND:ID=REASON …] [--db …]
                                                    everything held about a person (aktindsigt), with a CSV index
koordinator migrate --db URL                        upgrade a store's schema (and a server's access rules)
koordinator server-init --db URL                    set up a PostgreSQL server: schema, roles, policies
koordinator hand-over CASE --to LOGIN --note TEXT [--read-only-days N] [--db …]
                                                    make another caseworker the case's coordinator
koordinator team-settings [--limit N] [--family-weight W] [--citizen-weight W] [--db …]
                                                    show or set the team's caseload limit and weights
koordinator add-caseworker LOGIN --name N [--team T] [--role R] [--password-prompt] --db URL
                                                    a caseworker's own database role and user record
koordinator verify-audit [--db …] [--audit-key FILE] [--expect COUNT:HASH] [--checkpoint]
                                                    check the audit log's chain, signed checkpoints, truncation
koordinator audit-checkpoint [--db …] [--audit-key FILE [--new-key]]
                                                    verify the audit log and append a signed checkpoint
koordinator audit-export -o FILE.csv [--citizen ID] [--user LOGIN] [--from D] [--to D] [--db …]
koordinator who-looked-at-me CPR -o FILE.pdf|.csv [--db …]
                                                    a citizen's report of every lookup of their data
koordinator retention list|erase [--yes] [--audit-months N] [--db …]
                                                    cases past retention; audit lookups pruned
koordinator law-catalogue check [--file CSV] [--laws CSV]
                                                    check the law-section catalogue: overlaps, gaps, unknown laws
koordinator --encrypt [--db FILE]                   a new local store encrypted (key in the OS keyring)
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli.cli_common import (
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    MAX_ID,
    add_store_option,
    bad_text_argument,
    bounded_int,
    open_for_change,
)
from app.cli.cli_export import run_export_ics, run_export_plan
from app.cli.cli_server import run_add_caseworker, run_migrate, run_server_init
from app.services.common.print_languages import PRINT_LANGUAGES  # the CLI starts without ReportLab
from app.store.errors import StoreError

MAX_DEMO_FAMILIES = 2000

log = logging.getLogger("app.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koordinator",
        description="Koordinator – one common plan for families and citizens across sectors.",
    )
    parser.add_argument("--version", action="version", version=f"koordinator {__version__}")
    add_store_option(parser)
    parser.add_argument("--lang", choices=("da", "en"), help="language of the program (default: da)")
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="make a new local store encrypted (SQLCipher; the key is kept in the OS keyring). "
        "An encrypted store is opened with its key from the keyring without this option.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill a store with fictional demo families")
    add_store_option(demo)
    demo.add_argument(
        "--families",
        type=bounded_int(0, MAX_DEMO_FAMILIES),
        default=40,
        metavar="N",
        help=f"households to add (default 40, at most {MAX_DEMO_FAMILIES})",
    )
    demo.add_argument(
        "--seed", type=bounded_int(0, MAX_ID), default=1, metavar="S", help="random seed (default 1)"
    )
    demo.add_argument("--if-empty", action="store_true", help="do nothing if the store already has cases")

    export = commands.add_parser(
        "export-plan", help="print a case's plan to a PDF file, or write it as a Word file (for the family)"
    )
    export.add_argument("case", metavar="CASE", help="case number, e.g. K-2026-0042")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="the PDF (or .docx) file to write"
    )
    export.add_argument(
        "--format",
        choices=("pdf", "docx"),
        help="pdf (printed) or docx (editable Word, on the letter template); default: from the "
        "file's ending, else pdf",
    )
    add_store_option(export)
    export.add_argument("--large-print", action="store_true", help="large print (16 pt text)")
    export.add_argument(
        "--version",
        dest="plan_version",
        type=bounded_int(1, MAX_ID),
        metavar="N",
        help="print plan version N (default: the draft, else the newest approved version)",
    )
    export.add_argument(
        "--for",
        dest="recipient",
        metavar="PARTY",
        help="a copy for someone other than the family, leaving out what their consent does not "
        "cover: sector:school, organisation:NAME or professional:ID (default: the family's "
        "complete copy)",
    )
    export.add_argument(
        "--language",
        choices=(*PRINT_LANGUAGES, "family"),
        default="da",
        help="the family's copy in Danish (default), English, Ukrainian, Polish or Arabic; "
        "'family': the language recorded for the family's adults",
    )

    ics = commands.add_parser("export-ics", help="write a case's meetings to an iCalendar (.ics) file")
    ics.add_argument("case", metavar="CASE", help="case number, e.g. K-2026-0042")
    ics.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.ics",
        help="the .ics file to write; with --meeting a FILE.eml is the invitation as an e-mail "
        "(iMIP) that a mail program opens as a meeting request",
    )
    add_store_option(ics)
    ics.add_argument(
        "--meeting",
        type=bounded_int(1, MAX_ID),
        metavar="ID",
        help="only this meeting, as its invitation (or cancellation) to send to the participants "
        "(default: all the case's meetings, to import into a calendar)",
    )
    ics.add_argument(
        "--few-details",
        action="store_true",
        help="with --meeting: leave the family's names, the agenda and the professionals' titles out "
        "(for professionals outside the municipality)",
    )
    ics.add_argument(
        "--reminder",
        type=bounded_int(0, 7 * 24 * 60),
        default=None,
        metavar="MIN",
        help="with --meeting: remind this many minutes before (0: no reminder; default 15)",
    )

    migrate = commands.add_parser("migrate", help="upgrade a store to this version's schema")
    add_store_option(migrate)
    init = commands.add_parser(
        "server-init", help="set up a shared PostgreSQL database: schema, group roles, access policies"
    )
    add_store_option(init)
    add = commands.add_parser(
        "add-caseworker", help="give a caseworker their own database role (server) and user record"
    )
    add.add_argument("login", metavar="LOGIN", help="their login (also the database role's name)")
    add.add_argument("--name", required=True, help="full name as shown in the program and on plans")
    add.add_argument("--team", default="", help="team; caseworkers reach their team's cases")
    add.add_argument(
        "--role",
        choices=("caseworker", "team_lead", "read_only", "admin"),
        default="caseworker",
        help="caseworker (default), team_lead, read_only or admin (reaches every case)",
    )
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--department", default="")
    add.add_argument(
        "--password-prompt",
        action="store_true",
        help="ask for a password for the database role (without it, the role logs in by "
        "Kerberos/GSSAPI or as the server's pg_hba.conf allows)",
    )
    add_store_option(add)

    hand = commands.add_parser("hand-over", help="make another caseworker a case's coordinator")
    hand.add_argument("case", metavar="CASE", help="case number, e.g. K-2026-0042")
    hand.add_argument("--to", required=True, metavar="LOGIN", help="the new coordinator's login")
    hand.add_argument(
        "--note",
        required=True,
        metavar="TEXT",
        help="the hand-over note the new coordinator reads first: what is going on, what is "
        "promised to the family, what is due",
    )
    hand.add_argument(
        "--read-only-days",
        type=int,
        default=0,
        metavar="N",
        help="the old coordinator's team may still read the case for N days (0-90; default 0)",
    )
    add_store_option(hand)

    from app.cli import (
        cli_access,
        cli_audit,
        cli_find,
        cli_law,
        cli_letter,
        cli_retention,
        cli_settings,
        cli_team,
    )

    cli_find.add_commands(commands)
    cli_settings.add_commands(commands)
    cli_team.add_commands(commands)
    cli_letter.add_commands(commands)
    cli_access.add_commands(commands)
    cli_audit.add_commands(commands)
    cli_retention.add_commands(commands)
    cli_law.add_commands(commands)
    return parser


def _run_demo(args: argparse.Namespace, db: str | None) -> int:
    from sqlalchemy import func, select

    from app.models import Case
    from app.services.common.clock import local_today
    from app.services.demo.demo import DemoRefusedError, generate_demo
    from app.startup import open_context

    if args.families < 0:
        print("koordinator demo: --families must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    context = open_context(db)
    try:
        with context.sessions.begin() as session:
            if args.if_empty and session.scalar(select(func.count(Case.id))):
                print("The store already has cases; no demo data added.")
                return EXIT_OK
            try:
                summary = generate_demo(
                    session,
                    families=args.families,
                    seed=args.seed,
                    today=local_today(),
                    my_login=context.user.login,
                )
            except DemoRefusedError as exc:
                print(f"koordinator demo: {exc}; nothing was added", file=sys.stderr)
                return EXIT_USAGE
    finally:
        context.close()  # closed: the write-ahead log is folded in
    print(
        f"Added {summary.cases} cases ({summary.families} families, {summary.citizens} citizens, "
        f"{summary.interventions} interventions, {summary.meetings} meetings) to {context.store_label}"
    )
    return EXIT_OK


def _run_hand_over(args: argparse.Namespace, db: str | None) -> int:
    from datetime import timedelta

    from sqlalchemy import select

    from app.models import Case
    from app.services.common.clock import local_today
    from app.services.team.hand_over import HandOverError, hand_over

    number = args.case.strip().upper()
    today = local_today()
    if not 0 <= args.read_only_days <= 90:
        print("koordinator hand-over: --read-only-days is 0-90; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    until = today + timedelta(days=args.read_only_days) if args.read_only_days else None
    context = open_for_change(db)  # never a new store where the path names none
    try:
        with context.sessions.begin() as session:
            case_id = session.scalar(select(Case.id).where(Case.number == number))
            if case_id is None:
                print(
                    f"koordinator hand-over: no case {number} within your reach; nothing was changed",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            try:
                done = hand_over(session, case_id, args.to, args.note, today, until)
            except HandOverError as exc:
                print(f"koordinator hand-over: {exc}; nothing was changed", file=sys.stderr)
                return EXIT_FAILED
    finally:
        context.close()
    print(
        f"Case {done.case_number} is now coordinated by {done.to_login} (was {done.from_login or 'nobody'})."
    )
    return EXIT_OK


def _server_login(db: str | None) -> str | None:
    """A server URL without a password: log in without one if the server allows (Kerberos),
    else with the keyring's password or one asked for once on the terminal. The returned
    string holds the password: never print or log it."""
    import os

    from app.store.location import ENV_VAR, resolve_store_url

    chosen = db or os.environ.get(ENV_VAR)
    if chosen is None or "://" not in chosen:
        return db
    url = resolve_store_url(chosen)
    if url.get_backend_name() != "postgresql" or url.password:
        return db
    from app.store.credentials import KeyringCredentials, cli_ask, connect_url

    return connect_url(url, KeyringCredentials(), cli_ask).render_as_string(hide_password=False)


def _refuse_output(args: argparse.Namespace, db: str | None) -> int | None:
    """An output (-o) is checked before anything is opened or written: never the store, its
    side files or backups, a device or a folder."""
    output = getattr(args, "output", None)
    if output is None:
        return None
    from app.store.location import default_store_path, resolve_store_url, sqlite_file
    from app.store.safe_files import OutputRefusedError, check_output, protect_store

    protect_store(default_store_path())
    try:
        unnamed = sqlite_file(resolve_store_url(None))  # $KOORDINATOR_DB's store too
        if unnamed is not None:
            protect_store(unnamed)
        store_file = sqlite_file(resolve_store_url(db))
        if store_file is not None:
            protect_store(store_file)
        check_output(output)
    except (OutputRefusedError, ValueError, OSError) as exc:
        print(f"koordinator {args.command}: {exc}; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    return None


def _encrypt_refused(db: str | None) -> str | None:
    """--encrypt makes a new store encrypted; on an existing plain one it is refused, never
    ignored (the file would stay readable by anyone who copies it)."""
    from app.store.errors import StoreError
    from app.store.location import resolve_store_url, sqlite_file

    try:
        path = sqlite_file(resolve_store_url(db))
    except StoreError:
        return None  # said by the command itself
    if path is None:
        return "--encrypt is for a store file on this computer, not a server"
    from app.store.encryption import is_plain_sqlite

    try:
        plain = is_plain_sqlite(path)
    except OSError:
        return None  # a new file (or one the command will refuse plainly)
    if plain:
        return (
            f"{path} already exists without encryption, and --encrypt only makes new stores. "
            "To encrypt it, make a new encrypted store and move the families over with IT"
        )
    return None


def _say_which_store() -> None:
    """No --db: say on stderr which store the command uses (the environment's or the default)."""
    import os

    from app.store.location import ENV_VAR, describe_store, resolve_store_url

    source = f"${ENV_VAR}" if os.environ.get(ENV_VAR) else "the default; choose another with --db"
    print(f"koordinator: store {describe_store(resolve_store_url(None))} ({source})", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    bad = bad_text_argument(arguments)
    if bad is not None:
        print(
            f"koordinator: argument {bad + 1} is not valid text (its bytes are not UTF-8); nothing was done",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse has printed the usage error (or the help)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    db = getattr(args, "db", None)
    if getattr(args, "encrypt", False):
        import os

        from app.store.engine import ENCRYPT_ENV

        refused = _encrypt_refused(db)
        if refused:
            print(f"koordinator: {refused}; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
        os.environ[ENCRYPT_ENV] = "1"
    try:
        return _dispatch(args, db)
    except KeyboardInterrupt:
        return 130
    except StoreError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return EXIT_STORE
    except OSError as exc:  # a file or a folder: its own reason (full disk, permission …)
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"koordinator: cannot read or write{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            from app.store.engine import connection_problem

            # e.g. a server that went away: a plain message, the details in the log
            log.info("the store could not be read", exc_info=True)
            print(f"koordinator: cannot read the store: {connection_problem(exc)}", file=sys.stderr)
            return EXIT_STORE
        # A fault in the program: never a traceback on the screen (it could carry case text);
        # the details go to the log file.
        # INFO: into the log file only (the console shows warnings, and no traceback).
        log.info("koordinator %s failed", args.command or "", exc_info=True)
        print(
            f"koordinator: the command failed because of a fault in the program ({type(exc).__name__}); "
            "the details are in the log file",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def admin_console() -> bool:
    """Started as koordinator-admin, the frozen folder's console program for IT: it runs
    commands, never the window."""
    return Path(sys.argv[0]).stem.lower() == "koordinator-admin"


def _dispatch(args: argparse.Namespace, db: str | None) -> int:
    from app.logging_setup import setup_logging

    if args.command is None and admin_console():
        build_parser().print_help()
        return EXIT_USAGE
    if args.command == "law-catalogue":  # a file of the program's: no store is opened
        from app.cli import cli_law

        return cli_law.run(args)
    if db is None:
        _say_which_store()
    refused = _refuse_output(args, db)
    if refused is not None:
        return refused
    if args.command is not None:
        setup_logging()
        db = _server_login(db)
        try:
            return _run_command(args, db)
        finally:
            from app.startup import close_all

            close_all()
    from app.ui.app import run_gui

    return run_gui(db=db, language=args.lang)


def _run_command(args: argparse.Namespace, db: str | None) -> int:
    if args.command in ("verify-audit", "audit-checkpoint", "audit-export", "who-looked-at-me", "retention"):
        from app.cli import cli_audit, cli_retention

        if args.command == "retention":
            return cli_retention.run(args, db)
        done = cli_audit.run(args, db)
        assert done is not None
        return done
    if args.command == "journal-lock":
        from app.cli import cli_settings

        done = cli_settings.run(args, db)
        assert done is not None
        return done
    if args.command == "team-settings":
        from app.cli import cli_team

        done = cli_team.run(args, db)
        assert done is not None
        return done
    if args.command in ("letter-template", "export-meeting"):
        from app.cli import cli_letter

        done = cli_letter.run(args, db)
        assert done is not None
        return done
    if args.command in ("cases", "meetings", "access-request"):
        from app.cli import cli_access, cli_find

        done = cli_find.run(args, db)
        done = done if done is not None else cli_access.run(args, db)
        assert done is not None
        return done
    if args.command == "demo":
        return _run_demo(args, db)
    if args.command == "export-plan":
        return run_export_plan(args, db)
    if args.command == "export-ics":
        return run_export_ics(args, db)
    if args.command == "hand-over":
        return _run_hand_over(args, db)
    if args.command in ("migrate", "server-init", "add-caseworker"):
        from app.store.server import ServerSetupError

        try:
            if args.command == "migrate":
                return run_migrate(db)
            if args.command == "server-init":
                return run_server_init(db)
            return run_add_caseworker(args, db)
        except ServerSetupError as exc:
            print(f"koordinator {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    raise AssertionError(f"unknown command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
