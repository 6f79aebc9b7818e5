"""The ``koordinator`` command: start the program, or run a task on a store.

koordinator [--db PATH_OR_URL] [--lang da|en]       start the program
koordinator demo [--db …] [--families N] [--seed S]  fill a store with fictional families
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app import __version__
from app.store.errors import StoreError

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_STORE = 3

log = logging.getLogger("app.cli")


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or postgresql+psycopg:// URL (default: $KOORDINATOR_DB, "
        "else koordinator.sqlite in your data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koordinator",
        description="Koordinator – one common plan for families and citizens across sectors.",
    )
    parser.add_argument("--version", action="version", version=f"koordinator {__version__}")
    _add_store_option(parser)
    parser.add_argument("--lang", choices=("da", "en"), help="language of the program (default: da)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill a store with fictional demo families")
    _add_store_option(demo)
    demo.add_argument("--families", type=int, default=40, metavar="N", help="households to add (default 40)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing if the store already has cases")
    return parser


def _run_demo(args: argparse.Namespace, db: str | None) -> int:
    from sqlalchemy import func, select

    from app.models import Case
    from app.services.clock import local_today
    from app.services.demo import generate_demo
    from app.startup import open_context

    if args.families < 0:
        print("koordinator demo: --families must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    context = open_context(db)
    with context.sessions.begin() as session:
        if args.if_empty and session.scalar(select(func.count(Case.id))):
            print("The store already has cases; no demo data added.")
            return EXIT_OK
        summary = generate_demo(
            session,
            families=args.families,
            seed=args.seed,
            today=local_today(),
            my_login=context.user.login,
        )
    print(
        f"Added {summary.cases} cases ({summary.families} families, {summary.citizens} citizens, "
        f"{summary.interventions} interventions, {summary.meetings} meetings) to {context.store_label}"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    db = getattr(args, "db", None)
    try:
        if args.command == "demo":
            from app.logging_setup import setup_logging

            setup_logging()
            return _run_demo(args, db)
        from app.ui.app import run_gui

        return run_gui(db=db, language=args.lang)
    except StoreError as exc:
        print(f"koordinator: {exc}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
