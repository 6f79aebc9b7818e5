"""What a caseworker's database role may touch on a shared server: the reach schema.

A caseworker, team lead or read-only role has no privilege on any table. It logs in with
``search_path = koordinator_reach``, a schema of views with the tables' names. Each view
reads from a function that runs as the tables' owner (SECURITY DEFINER) and returns only
the rows the logged-in role reaches — the role is ``session_user``, which ``SET ROLE``
cannot change. Writes go through INSTEAD OF triggers (also run as the owner) that check
reach before and after the write.

Why not row-level security on the tables (the design before): while a role may run any
SQL on a table, the planner may test the role's own condition (``cpr = '…'``) through an
index before the policy's, and ``EXPLAIN ANALYZE`` then counts the rows the policy hid —
every CPR number could be recovered that way. A function's body is opaque to the caller's
plan: ``EXPLAIN`` shows one ``Function Scan`` whose row counts are within reach. The cost
of a query is proportional to what the role reaches, never to the size of the store, and
the plans are small (no JIT).

Reach (see docs/shared-server.md):

* cases the role coordinates, is partner on, or that a colleague of the same team
  coordinates; everything of those cases (families, members, citizens, plans, …);
* rows the role itself created in the last few minutes that are not yet in any case
  (the new-case dialog writes the family before the case): this is the only reach that
  does not come from a case, so after a hand-over the creator reaches nothing;
* the directories (users, law sections, professionals) in full; a professional is changed
  by the login that entered it or a colleague of its team, and removed only by IT.

Notifications go to a channel per login whose name derives from a secret only the owner
reads, so no role listens to or sends notices on another's channel.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.store.reach_profile import PROFILE_SIGNATURE, profile_function
from app.store.reach_sql import (
    CASE_FACTS,
    CHANNEL_FUNCTIONS,
    CPR_SEARCH_FUNCTION,
    DIRECTORIES,
    DRAWN_TABLE,
    HAND_OVER_FUNCTION,
    LOCK_FUNCTION,
    NARROW_SETTING,
    NEXT_NUMBER_FUNCTION,
    REACH_SCHEMA,
    READ_RULES,
    SECRET_FILL,
    SECRET_TABLE,
    SYNC_NUMBERS_FUNCTION,
    Table,
    fact_function,
    fact_signature,
    quote_ident,
    reach_functions,
    read_function,
    write_function,
)
from app.store.search_sql import SEARCH_FUNCTION_NAME, SEARCH_FUNCTION_SIGNATURE, search_function


def _ddl(conn: Connection, sql: str) -> None:
    """A statement sent as written (``%`` is format()'s, not a parameter's)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def data_tables(conn: Connection, base: str) -> list[Table]:
    """The data tables (those with a reach rule), their columns and references, as stored."""
    from app.models import Base

    stored = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = %(s)s", {"s": base.strip('"')}
        )
    }
    tables = []
    for table in Base.metadata.sorted_tables:
        if table.name not in READ_RULES or table.name not in stored:
            continue
        columns = tuple(
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = %(s)s AND table_name = %(t)s ORDER BY ordinal_position",
                {"s": base.strip('"'), "t": table.name},
            )
        )
        references = tuple(
            (c.name, next(iter(c.foreign_keys)).column.table.name)
            for c in table.columns
            if c.foreign_keys and c.name in columns
        )
        tables.append(Table(table.name, columns, references))
    return tables


def apply_reach(conn: Connection, base: str, staff: str, writers: str, all_roles: str, admin: str) -> None:
    """The reach functions, rebuilt from scratch (idempotent; ``migrate`` drops them first).
    Each staff login's views are made by :func:`login_views`."""
    conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {REACH_SCHEMA} CASCADE")
    conn.exec_driver_sql(f"CREATE SCHEMA {REACH_SCHEMA}")
    conn.exec_driver_sql(SECRET_TABLE)
    conn.exec_driver_sql(SECRET_FILL)
    conn.exec_driver_sql(f"REVOKE ALL ON koordinator_secret FROM PUBLIC, {all_roles}")
    for function in reach_functions(base):
        conn.exec_driver_sql(function)
    conn.exec_driver_sql(DRAWN_TABLE)
    conn.exec_driver_sql(f"REVOKE ALL ON koordinator_drawn_numbers FROM PUBLIC, {all_roles}")
    for function in (
        *CHANNEL_FUNCTIONS,
        LOCK_FUNCTION,
        NEXT_NUMBER_FUNCTION,
        SYNC_NUMBERS_FUNCTION,
        HAND_OVER_FUNCTION,
        profile_function(REACH_SCHEMA),
        *(fact_function(name, *fact) for name, fact in CASE_FACTS.items()),
        CPR_SEARCH_FUNCTION,
    ):
        _ddl(conn, function.replace("{base}", base).replace("{{", "{").replace("}}", "}"))
    _ddl(conn, search_function(base))
    tables = data_tables(conn, base)
    for table in tables:
        _ddl(conn, read_function(base, table))
        _ddl(conn, write_function(base, table))
    # Functions: the views' readers and the few acts a role may ask for; the reach
    # helpers stay the owner's.
    conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {REACH_SCHEMA} FROM PUBLIC")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {base} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {REACH_SCHEMA} TO {all_roles}")
    for table in tables:
        conn.exec_driver_sql(
            f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.{quote_ident('read_' + table.name)}() TO {staff}"
        )
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION koordinator_my_channels() TO {all_roles}")
    conn.exec_driver_sql(
        f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.koordinator_lock(text, integer) TO {staff}"
    )
    for name, (parameters, _result, _value) in CASE_FACTS.items():
        conn.exec_driver_sql(
            f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.{name}({fact_signature(parameters)}) TO {staff}"
        )
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.cases_with_cpr(text, text) TO {staff}")
    conn.exec_driver_sql(
        f"GRANT EXECUTE ON FUNCTION {SEARCH_FUNCTION_NAME}({SEARCH_FUNCTION_SIGNATURE}) TO {staff}"
    )
    for function in (
        "koordinator_next_case_number(integer)",
        "koordinator_hand_over(integer, text, text, date)",
    ):
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.{function} TO {writers}, {admin}")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION koordinator_sync_case_numbers(integer) TO {admin}")
    # Every login may change its own e-mail address and phone number ("Min profil"), no one else's.
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {REACH_SCHEMA}.{PROFILE_SIGNATURE} TO {all_roles}")


def login_schema(login: str) -> str:
    """The schema of one login's views. Each login has views of its own: a role may lock
    the views it holds privileges on (``LOCK TABLE … IN ACCESS EXCLUSIVE MODE``), and with
    shared views that would stop every colleague's reading."""
    name = f"{REACH_SCHEMA}_{login}"
    if len(name.encode()) > 63:
        name = f"{REACH_SCHEMA}_{hashlib.sha256(login.encode()).hexdigest()[:24]}"
    return name


def login_views(conn: Connection, base: str, login: str, writer: bool) -> str:
    """(Re)make one staff login's views over the reach functions; returns the schema."""
    schema = quote_ident(login_schema(login))
    role = quote_ident(login)
    conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
    for table in data_tables(conn, base):
        view = f"{schema}.{quote_ident(table.name)}"
        conn.exec_driver_sql(
            f"CREATE VIEW {view} AS SELECT * FROM {REACH_SCHEMA}.{quote_ident('read_' + table.name)}()"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER koordinator_write INSTEAD OF INSERT OR UPDATE OR DELETE ON {view} "
            f"FOR EACH ROW EXECUTE FUNCTION {REACH_SCHEMA}.{quote_ident('write_' + table.name)}()"
        )
        privileges = "SELECT, INSERT, UPDATE, DELETE" if writer else "SELECT"
        conn.exec_driver_sql(f"GRANT {privileges} ON {view} TO {role}")
    for directory in DIRECTORIES:
        name = quote_ident(directory)
        conn.exec_driver_sql(f"CREATE VIEW {schema}.{name} AS SELECT * FROM {base}.{name}")
        conn.exec_driver_sql(f"GRANT SELECT ON {schema}.{name} TO {role}")
    return login_schema(login)


def drop_login_views(conn: Connection, login: str) -> None:
    conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quote_ident(login_schema(login))} CASCADE")


def server_numbers(session: Session) -> bool:
    """Whether case numbers are drawn by the server's function (a shared server set up
    with server-init): every login then draws from the same per-year sequence."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return False
    info = conn.info
    if "koordinator_numbers" not in info:
        found = conn.exec_driver_sql(
            f"SELECT to_regprocedure('{REACH_SCHEMA}.koordinator_next_case_number(integer)') IS NOT NULL"
        ).scalar()
        info["koordinator_numbers"] = bool(found)
    return bool(info["koordinator_numbers"])


def sync_case_numbers(session: Session, years: list[int]) -> None:
    """After numbers were given out by hand (a bulk load): move the years' sequences on."""
    from sqlalchemy import text

    if server_numbers(session):
        for year in years:
            session.execute(text("SELECT koordinator_sync_case_numbers(:y)"), {"y": year})


def uses_reach(session: Session) -> bool:
    """Whether this session's connection works through the reach schema (a staff role on a
    shared server); remembered on the pooled connection."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return False
    info = conn.info
    if "koordinator_reach" not in info:
        schema = str(conn.exec_driver_sql("SELECT current_schema()").scalar())
        info["koordinator_reach"] = schema.startswith(REACH_SCHEMA + "_")
    return bool(info["koordinator_reach"])


@contextmanager
def narrowed_to(session: Session, case_ids: Iterable[int]) -> Iterator[None]:
    """Reads in the block concern these cases only: through the reach views the server then
    reads their rows through the indexes, instead of every reached row of each table. A
    hint, not a rule — the server keeps only the cases within reach, so a role that sets it
    by hand sees less, never more. Ends with the block (or the transaction). Nothing
    changes without reach views."""
    if not uses_reach(session):
        yield
        return
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    session.flush()  # changes made before the block are checked against the whole reach
    stack: list[str] = session.info.setdefault("koordinator_narrow", [""])
    value = "{" + ",".join(str(int(i)) for i in sorted(set(case_ids))) + "}"
    set_narrow = text(f"SELECT set_config('{NARROW_SETTING}', :v, true)")
    session.execute(set_narrow, {"v": value})
    stack.append(value)
    try:
        yield
    finally:
        stack.pop()
        transaction = session.get_transaction()
        if transaction is not None and transaction.is_active:
            # a failed transaction ends the setting itself; resetting it there would only
            # hide the error that failed it
            with contextlib.suppress(DBAPIError):
                session.execute(set_narrow, {"v": stack[-1]})


def lock_row(session: Session, table: str, row_id: int) -> None:
    """``FOR UPDATE`` on the row behind a reach view (a view over a function locks nothing)."""
    from sqlalchemy import text

    if uses_reach(session):
        session.execute(text(f"SELECT {REACH_SCHEMA}.koordinator_lock(:t, :i)"), {"t": table, "i": row_id})
