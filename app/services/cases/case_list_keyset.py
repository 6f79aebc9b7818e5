"""Keyset paging for the case list: a next page starts after the last row shown."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    or_,
    select,
    true,
    tuple_,
    union_all,
)


class Keyset(StrEnum):
    """How a page starts: at an offset (the first page), or after a given row."""

    NONE = "offset"
    AFTER_KEY = "after a row with a sort key"
    AFTER_NULL = "after a row without one (those come last, by id)"


def rows_after(
    key: ColumnElement[Any],
    ties: Sequence[ColumnElement[Any]],
    descending: bool,
    keyset: Keyset,
    empty_last: bool = True,
) -> ColumnElement[bool]:
    """The rows after the one bound as ``after_key``/``after_tie<n>`` in the order
    ``key NULLS LAST, *ties``, all in the same direction: a row-value comparison, which the
    (key, id) indexes answer as a range. ``empty_last=False``: without the rows whose key is
    empty (which come after every row with one)."""
    if keyset == Keyset.NONE:
        return true()
    later: Any = operator.lt if descending else operator.gt
    bound = [bindparam(f"after_tie{n}", type_=tie.type) for n, tie in enumerate(ties)]
    if keyset == Keyset.AFTER_NULL:
        return and_(key.is_(None), later(tuple_(*ties), tuple_(*bound)))
    after: ColumnElement[bool] = later(
        tuple_(key, *ties), tuple_(bindparam("after_key", type_=key.type), *bound)
    )
    if not empty_last or getattr(key, "nullable", True) is False:
        return after
    return or_(after, key.is_(None))


def keyset_of(after: tuple[Any, ...]) -> tuple[Keyset, dict[str, Any]]:
    """How a page after the row whose ``after`` is given starts, and the values it binds."""
    if not after:
        return Keyset.NONE, {}
    key, *ties = after
    bound = {f"after_tie{n}": tie for n, tie in enumerate(ties)}
    if key is None:
        return Keyset.AFTER_NULL, bound
    return Keyset.AFTER_KEY, {"after_key": key, **bound}


def nullable_column(key: ColumnElement[Any]) -> bool:
    """A sort key that is a table's own column and may be empty (it has an index of its own)."""
    return isinstance(key, Column) and bool(key.nullable)


def after_in_two_ranges(
    case_id: ColumnElement[Any],
    key: ColumnElement[Any],
    filters: Sequence[ColumnElement[bool]],
    descending: bool,
) -> Select[Any]:
    """The page's ids after a row with a key, when the key may be empty: the rows past it
    and the rows without a key (they come last), each a range of the (key, id) index read
    for a page at most, then put together. As one condition (``… OR key IS NULL``) SQLite
    reads the index from its start instead."""
    limit = bindparam("page_limit", type_=Integer())

    def way(column: Any) -> Any:
        return column.desc() if descending else column.asc()

    past = (
        select(case_id, key.label("key"))
        .where(*filters, rows_after(key, [case_id], descending, Keyset.AFTER_KEY, empty_last=False))
        .order_by(way(key), way(case_id))
        .limit(limit)
        .subquery()
    )
    empty = (
        select(case_id, key.label("key"))
        .where(*filters, key.is_(None))
        .order_by(way(case_id))
        .limit(limit)
        .subquery()
    )
    found = union_all(select(past.c.id, past.c.key), select(empty.c.id, empty.c.key)).subquery()
    return select(found.c.id).order_by(way(found.c.key).nulls_last(), way(found.c.id)).limit(limit)
