"""Many rows of one table into the store at the driver's speed (the demo generator's load).

SQLAlchemy's insert of a list of rows converts every value through its column type, one
call per value, and works out the columns' defaults per row: for a store of 100,000
citizens (about 4.5 million rows) that was over half the generator's time. Here the
statement is compiled once per set of columns, each column's converter is looked up once,
a value already converted (the same status, timestamp or name again) is taken from a
memo, and the rows go to the driver's ``executemany`` as they are. The result in the
store is the same: the same types' converters, the same Python-side defaults (a callable
default such as a new agreement key is called per row).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import methodcaller
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.engine import Connection

CHUNK = 5000  # rows per executemany: bounded memory for the converted values


def insert_rows(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    defaults: Mapping[str, Any] | None = None,
) -> None:
    """Insert ``rows`` into ``table`` on ``connection``, in their order.

    A row may leave a column out or give it None: it then takes the value in ``defaults``
    if there is one, else the column's default (as the ORM does), else NULL.
    """
    if not rows:
        return
    dialect = connection.dialect
    given: set[str] = set().union(*rows)
    unknown = given - set(table.c.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    keys = [c.key for c in table.columns if c.key in given or c.key in (defaults or {})]
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    names = keys + [c.key for c in compiled.insert_prefetch if c.key not in keys]
    if compiled.positional:
        order = list(compiled.positiontup or ())
        if sorted(order) != sorted(names):
            raise ValueError(f"{table.name}: the statement's columns are not the rows' columns")
        names = order
    columns = [
        (
            name,
            _constant(defaults[name]) if defaults and name in defaults else _default_of(table.c[name]),
            _converter(table.c[name], dialect),
        )
        for name in names
    ]
    sql = compiled.string
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        # Column by column: each conversion is one pass through C-level map and list calls.
        by_column = []
        for name, default, convert in columns:
            found = list(map(methodcaller("get", name), chunk))
            if default is not _none:
                found = [default() if value is None else value for value in found]
            by_column.append(found if convert is None else convert(found))
        values = list(zip(*by_column, strict=True))
        if compiled.positional:
            connection.exec_driver_sql(sql, values)
        else:
            connection.exec_driver_sql(sql, [dict(zip(names, v, strict=True)) for v in values])


def _default_of(column: Column[Any]) -> Callable[[], Any]:
    default = column.default
    if default is None:
        return _none
    if default.is_scalar:
        value = default.arg  # type: ignore[attr-defined]
        return lambda: value
    if default.is_callable:
        make = default.arg  # type: ignore[attr-defined]
        return lambda: make(None)
    raise ValueError(f"{column}: a default the bulk insert cannot compute in Python")


def _converter(column: Column[Any], dialect: Any) -> Callable[[list[Any]], list[Any]] | None:
    """The column type's conversion of a list of bound values (None: the values go to the
    driver as they are). A value converted before is looked up in C."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None
    seen = _Converted(process)

    def convert(values: list[Any]) -> list[Any]:
        try:
            return list(map(seen.__getitem__, values))
        except TypeError:  # a value that cannot be a dict key (a list, say)
            return [process(value) for value in values]

    return convert


class _Converted(dict[Any, Any]):
    """Converted values by value, converting on first sight."""

    def __init__(self, process: Callable[[Any], Any]) -> None:
        super().__init__()
        self.process = process

    def __missing__(self, value: Any) -> Any:
        self[value] = result = self.process(value)
        return result


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _none() -> None:
    return None
