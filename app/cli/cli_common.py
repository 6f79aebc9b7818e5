"""What the command's parts share: one definition of the store option, and argument checks.

``--db`` is defined once with ``default=SUPPRESS`` on the main parser and every command, so
``koordinator --db X migrate`` and ``koordinator migrate --db X`` name the same store (a
sub-parser's own default would otherwise overwrite the main parser's value)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.common.context import AppContext

EXIT_OK = 0
EXIT_FAILED = 1  # the task could not be done (e.g. the file cannot be written)
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_INTERNAL = 70  # a fault in the program itself (details in the log), never a traceback

STORE_HELP = (
    "SQLite file or postgresql+psycopg:// URL (default: $KOORDINATOR_DB, else koordinator.sqlite "
    "in your data folder); may stand before or after the command"
)
MAX_ARGUMENT_CHARS = 4096  # longer than any real path or URL


def store_argument(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("--db needs a file or a URL; it is empty")
    if "\x00" in text:
        raise argparse.ArgumentTypeError("--db contains a NUL character")
    if len(text) > MAX_ARGUMENT_CHARS:
        raise argparse.ArgumentTypeError(f"--db is longer than {MAX_ARGUMENT_CHARS} characters")
    return text


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", type=store_argument, default=argparse.SUPPRESS, help=STORE_HELP
    )


def bad_text_argument(argv: list[str]) -> int | None:
    """The position of an argument that is not valid text (bytes that are not UTF-8, which
    Python keeps as lone surrogates), or None."""
    for index, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return index
    return None


MAX_ID = 2**31 - 1  # ids fit a 32-bit integer column on both stores
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def bounded_int(lowest: int, highest: int) -> Callable[[str], int]:
    """An argparse type: a whole number in [lowest, highest], else a plain usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]}") from None
        if not lowest <= value <= highest:
            raise argparse.ArgumentTypeError(f"{value} is outside {lowest}-{highest}")
        return value

    parse.__name__ = "number"
    return parse


def day_argument(text: str) -> date:
    """An argparse type: a day YYYY-MM-DD between 1900 and 2199."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text[:40]}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{day.isoformat()} is outside {FIRST_DAY.year}-{LAST_DAY.year}")
    return day


def open_for_change(db: str | None) -> AppContext:
    """An existing, current store opened for a command that changes it: a path that names no
    store is an error (never a new, empty store made there), and so is a read-only one."""
    from app.startup import open_context
    from app.store.errors import StoreUnavailableError
    from app.store.opening import OpenMode

    context = open_context(db, mode=OpenMode.EXPORT)
    if context.read_only:
        context.close()
        raise StoreUnavailableError("the store is read-only (the file or its folder); nothing was changed")
    return context


def open_for_export(db: str | None, prog: str) -> AppContext:
    """An existing store opened for an export, which writes its own audit entry only; on a
    read-only file the export still runs, and says it is not in the audit log."""
    from app.startup import open_context
    from app.store.opening import OpenMode

    context = open_context(db, mode=OpenMode.EXPORT)
    if context.read_only:
        print(
            f"{prog}: note: the store file is read-only, so this export is not in its audit log",
            file=sys.stderr,
        )
    return context


def case_by_number(session: Session, number: str, prog: str) -> int | None:
    """The id of case ``number``; None (and a plain message) when the store has no such case."""
    from sqlalchemy import select

    from app.models import Case

    case_id = session.scalar(select(Case.id).where(Case.number == number))
    if case_id is None:
        print(f"{prog}: no case {number} in this store", file=sys.stderr)
    return case_id
