"""The team's caseload settings from the command line: ``team-settings [--limit N]
[--family-weight W] [--citizen-weight W]`` shows them, or changes those given. They are the
store's settings, the same for everyone (a family counts ``family-weight``, a single citizen
``citizen-weight``; the team's limit is per coordinator). On a shared server they are IT's to
set (the store's owner); a caseworker's login is refused plainly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from app.cli.cli_common import EXIT_FAILED, EXIT_OK, add_store_option, open_for_change

if TYPE_CHECKING:
    from app.services.team.caseload import CaseloadSettings

COMMANDS = ("team-settings",)


def bounded_decimal(highest: Decimal) -> Callable[[str], Decimal]:
    """An argparse type: a number above 0 and at most ``highest`` (a decimal point, or a comma
    as Danes write it), else a plain usage error."""

    def parse(text: str) -> Decimal:
        try:
            value = Decimal(text.strip().replace(",", "."))
        except InvalidOperation:
            raise argparse.ArgumentTypeError(f"not a number: {text[:40]}") from None
        if not value.is_finite() or not Decimal(0) < value <= highest:
            raise argparse.ArgumentTypeError(f"{text[:40]} is not above 0 and at most {highest}")
        return value

    parse.__name__ = "number"
    return parse


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from app.services.team.caseload import MAX_LIMIT, MAX_WEIGHT

    team = subparsers.add_parser(
        "team-settings",
        help="show or set the team's caseload limit and the weights of a family and a citizen",
    )
    team.add_argument(
        "--limit",
        type=bounded_decimal(MAX_LIMIT),
        metavar="N",
        help=f"the caseload limit per coordinator (above 0, at most {MAX_LIMIT}; default 30)",
    )
    team.add_argument(
        "--family-weight",
        type=bounded_decimal(MAX_WEIGHT),
        metavar="W",
        help=f"what a family's case counts (above 0, at most {MAX_WEIGHT}; default 1.5)",
    )
    team.add_argument(
        "--citizen-weight",
        type=bounded_decimal(MAX_WEIGHT),
        metavar="W",
        help=f"what a single citizen's case counts (above 0, at most {MAX_WEIGHT}; default 1)",
    )
    add_store_option(team)


def _describe(settings: CaseloadSettings) -> str:
    from app.services.team.caseload import format_load

    return (
        f"caseload limit {format_load(settings.limit)} per coordinator; a family counts "
        f"{format_load(settings.family_weight)}, a single citizen {format_load(settings.citizen_weight)}"
    )


def run(args: argparse.Namespace, db: str | None) -> int | None:
    if args.command not in COMMANDS:
        return None
    from sqlalchemy.exc import DBAPIError

    from app.services.team.caseload import caseload_settings, set_caseload_settings
    from app.startup import open_context
    from app.store.opening import OpenMode

    change = (args.limit, args.family_weight, args.citizen_weight)
    # an existing store only: shown from a read-only one too, changed only in a writable one
    context = open_context(db, mode=OpenMode.EXPORT) if change == (None, None, None) else open_for_change(db)
    try:
        if change == (None, None, None):
            with context.sessions() as session:
                print(_describe(caseload_settings(session)))
            return EXIT_OK
        try:
            with context.sessions.begin() as session:
                after = set_caseload_settings(session, *change)
        except DBAPIError:
            print(
                "koordinator team-settings: not changed: on a shared server only IT (the store's owner) "
                "sets the team's caseload limit and weights",
                file=sys.stderr,
            )
            return EXIT_FAILED
        print(f"now: {_describe(after)}")
        return EXIT_OK
    finally:
        context.close()
