"""Keyset paging for the case list: a next page starts after the last row shown."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, or_, true, tuple_


class Keyset(StrEnum):
    """How a page starts: at an offset (the first page), or after a given row."""

    NONE = "offset"
    AFTER_KEY = "after a row with a sort key"
    AFTER_NULL = "after a row without one (those come last, by id)"


def rows_after(
    key: ColumnElement[Any], ties: Sequence[ColumnElement[Any]], descending: bool, keyset: Keyset
) -> ColumnElement[bool]:
    """The rows after the one bound as ``after_key``/``after_tie<n>`` in the order
    ``key NULLS LAST, *ties``, all in the same direction: a row-value comparison, which the
    (key, id) indexes answer as a range."""
    if keyset == Keyset.NONE:
        return true()
    later: Any = operator.lt if descending else operator.gt
    bound = [bindparam(f"after_tie{n}", type_=tie.type) for n, tie in enumerate(ties)]
    if keyset == Keyset.AFTER_NULL:
        return and_(key.is_(None), later(tuple_(*ties), tuple_(*bound)))
    after: ColumnElement[bool] = later(
        tuple_(key, *ties), tuple_(bindparam("after_key", type_=key.type), *bound)
    )
    if getattr(key, "nullable", True) is False:
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
