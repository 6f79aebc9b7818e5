"""``koordinator law-catalogue check``: is the law-section catalogue sound? (for IT and for
whoever edits resources/law_sections.csv)

koordinator law-catalogue check [--file CSV] [--laws CSV]
    reads the catalogue (default: the program's own) and says what is wrong: rows that
    cannot be read, laws the program does not know, codes used twice, a section in force
    twice on one day (an overlap) or lapsing for a while (a gap). Rows not yet verified
    that lack their section number are warnings. Exit code 0: sound (warnings may be
    said); 1: problems found; 2: the file could not be read.

No store is opened: the check reads the file alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    law = subparsers.add_parser("law-catalogue", help="check the law-section catalogue file")
    actions = law.add_subparsers(dest="law_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="overlaps, gaps, unknown laws and unreadable rows in the catalogue"
    )
    check.add_argument(
        "--file", type=Path, metavar="CSV", help="the catalogue to check (default: the program's own)"
    )
    check.add_argument(
        "--laws", type=Path, metavar="CSV", help="the laws it may name (default: the program's laws.csv)"
    )


def run(args: argparse.Namespace) -> int:
    from app.services.family.law_catalogue_check import check_catalogue

    try:
        problems = check_catalogue(args.file, args.laws)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"koordinator: the catalogue cannot be read: {exc}; nothing was checked", file=sys.stderr)
        return EXIT_UNREADABLE
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        print(problem, file=sys.stderr if not problem.warning else sys.stdout)
    name = args.file.name if args.file else "law_sections.csv"
    if errors:
        print(f"koordinator: {name}: {len(errors)} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEMS
    warnings = len(problems)
    print(f"{name}: sound" + (f" ({warnings} warning(s))" if warnings else ""))
    return EXIT_OK
