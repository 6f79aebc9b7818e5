"""The search index across everything (issue 15): what is indexed, the SQL that builds the
index in each kind of store, and the one statement that reads it. Text only; the migration
(0010) puts it in place, app/store/reach.py adds the server's search function, and
app/services/search/ asks it.

**SQLite**: an FTS5 table per source table, ``search_<table>``, over the source table's own
rows (external content: the text is stored once) and kept in step by triggers on the source
table — every writer (the program, a bulk load, a cascading delete, a hand-typed UPDATE)
moves the index with it. The tokenizer folds case only: FTS5's default would also fold å to a
(but never ø to o nor æ to ae) and é to e, which PostgreSQL does not; here, as there, every
letter is the letter written. Prefix indexes of 2–4 characters keep search-as-you-type quick. A source table later rebuilt by a batch migration loses its triggers: that migration
must call :func:`sqlite_triggers` again (a test checks every trigger is there at the head).

**PostgreSQL**: a GIN expression index per source table, ``search_<table>``, over the
``to_tsvector`` of its text (``simple`` for names, numbers and addresses, ``danish`` for
prose, which stems: "skolen" finds "skole"). The server keeps an index in step by itself.
A caseworker's role reads only views over functions, through which no index can be used, so
the server's function ``koordinator_reach.search_everything`` (SECURITY DEFINER) runs the
same statement on the tables, with the role's reach as one more condition in each part, and
returns only rows within reach: the limit, the order and every count come after that
condition, and its body is opaque to the caller's EXPLAIN.

The statement has one part per way from an indexed row to a case (a person through their own
case or their family's, a professional through the case network, a goal or agreement of a
case's newest plan version), each with its own order (newest first) and limit, and gives
rows of the same shape (:data:`COLUMNS`): the source, the row's id, the case, a time and a
day to show, the time to order by (when the row was written: the parts take the newest rows
by id, so the whole is in the order they were taken in), and up to five text fields, from which the service makes
the snippet. A CPR part finds the people whose number lies in a range (six digits leave the
store at most).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.store.reach_sql import REACH_SCHEMA

TOKENIZER = "unicode61 remove_diacritics 0"
PREFIXES = "2 3 4"
MAX_LIMIT = 200  # rows per part at most (the server's function holds to it whatever it is asked)
TEXT_FIELDS = 5


@dataclass(frozen=True)
class Indexed:
    """A source table and its indexed text columns (all NOT NULL in the store)."""

    table: str
    columns: tuple[str, ...]
    config: str  # PostgreSQL text search configuration

    @property
    def index(self) -> str:
        return f"search_{self.table}"


CITIZENS = Indexed("citizens", ("first_name", "last_name", "address", "postcode", "city"), "simple")
CASES = Indexed("cases", ("number", "title"), "simple")
PROFESSIONALS = Indexed("professionals", ("name", "organisation"), "simple")
AGREEMENTS = Indexed("agreements", ("what",), "danish")
GOALS = Indexed("goals", ("text",), "danish")
JOURNAL = Indexed("journal_entries", ("subject", "text"), "danish")
TASKS = Indexed("tasks", ("what", "note"), "danish")
DOCUMENTS = Indexed("documents", ("title",), "danish")

INDEXED = (CITIZENS, CASES, PROFESSIONALS, AGREEMENTS, GOALS, JOURNAL, TASKS, DOCUMENTS)


# -- SQLite ----------------------------------------------------------------------------------


def sqlite_tables() -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE {s.index} USING fts5({', '.join(s.columns)}, content='{s.table}', "
        f"content_rowid='id', tokenize='{TOKENIZER}', prefix='{PREFIXES}')"
        for s in INDEXED
    ]


def _values(source: Indexed, row: str) -> str:
    return ", ".join(f"{row}.{c}" for c in source.columns)


def sqlite_triggers(source: Indexed) -> list[str]:
    """The triggers that keep one source's index in step with its table."""
    columns = ", ".join(source.columns)
    insert = f"INSERT INTO {source.index} (rowid, {columns}) VALUES (new.id, {_values(source, 'new')});"
    delete = (
        f"INSERT INTO {source.index} ({source.index}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {_values(source, 'old')});"
    )
    name = source.index
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {source.table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF id, {columns} ON {source.table} "
        f"BEGIN {delete} {insert} END",
    ]


TRIGGER_KINDS = ("insert", "delete", "update")


def sqlite_rebuild(source: Indexed) -> str:
    """Index the rows already in the table (the migration; a repair)."""
    return f"INSERT INTO {source.index} ({source.index}) VALUES ('rebuild')"


@dataclass(frozen=True)
class BulkFill:
    """For a bulk load into ``table`` (SQLite): the index's triggers, to drop for the load
    and make again after it, and the statement that indexes the loaded rows (ids from
    ``:first``) in one go — a row at a time through the trigger cost ten times as much. The
    load only adds rows; with no trigger, no change to them meanwhile touches the index."""

    table: str
    index: str
    triggers: tuple[str, ...]
    create_triggers: tuple[str, ...]
    fill: str


def sqlite_bulk_fills() -> list[BulkFill]:
    fills = []
    for source in INDEXED:
        columns = ", ".join(source.columns)
        fills.append(
            BulkFill(
                source.table,
                source.index,
                tuple(f"{source.index}_{kind}" for kind in TRIGGER_KINDS),
                tuple(sqlite_triggers(source)),
                f"INSERT INTO {source.index} (rowid, {columns}) "
                f"SELECT id, {columns} FROM {source.table} WHERE id >= :first ORDER BY id",
            )
        )
    t = CASE_LIST_TRIGRAM
    fills.append(
        BulkFill(
            "cases",
            t,
            tuple(f"{t}_{kind}" for kind in TRIGGER_KINDS),
            tuple(sqlite_case_list_trigram()[1:4]),
            f"INSERT INTO {t} (rowid, search_text) SELECT id, search_text FROM cases "
            "WHERE id >= :first ORDER BY id",
        )
    )
    return fills


# The case list's search-as-you-type matches each word anywhere in ``cases.search_text``
# (LIKE '%word%'). A trigram index answers that LIKE without reading every case; SQLite uses
# it only for a pattern without an ESCAPE clause (a word with no %, _ or \\ in it).
CASE_LIST_TRIGRAM = "case_list_trigram"


def sqlite_case_list_trigram() -> list[str]:
    """The index, its triggers (``search_text`` is written by the services) and its filling."""
    t = CASE_LIST_TRIGRAM
    delete = f"INSERT INTO {t} ({t}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    insert = f"INSERT INTO {t} (rowid, search_text) VALUES (new.id, new.search_text);"
    return [
        f"CREATE VIRTUAL TABLE {t} USING fts5(search_text, content='cases', content_rowid='id', "
        "tokenize='trigram')",
        f"CREATE TRIGGER {t}_insert AFTER INSERT ON cases BEGIN {insert} END",
        f"CREATE TRIGGER {t}_delete AFTER DELETE ON cases BEGIN {delete} END",
        f"CREATE TRIGGER {t}_update AFTER UPDATE OF id, search_text ON cases BEGIN {delete} {insert} END",
        f"INSERT INTO {t} ({t}) VALUES ('rebuild')",
    ]


def sqlite_drop_case_list_trigram() -> list[str]:
    t = CASE_LIST_TRIGRAM
    return [*(f"DROP TRIGGER IF EXISTS {t}_{kind}" for kind in TRIGGER_KINDS), f"DROP TABLE IF EXISTS {t}"]


# -- PostgreSQL ------------------------------------------------------------------------------


def pg_document(source: Indexed, row: str = "x") -> str:
    """The indexed expression; the query repeats it exactly, or the index is not used. A
    hyphen separates words as in SQLite (PostgreSQL's parser reads "-2026" as a number)."""
    text = " || ' ' || ".join(f"{row}.{c}" for c in source.columns)
    return f"to_tsvector('{source.config}'::regconfig, translate({text}, '-', ' '))"


def pg_indexes() -> list[str]:
    return [f"CREATE INDEX {s.index} ON {s.table} USING gin ({pg_document(s, s.table)})" for s in INDEXED]


# -- the statement ---------------------------------------------------------------------------

# The result's columns, in order (the server's function returns a table of these).
COLUMNS = (
    ("part", "integer"),
    ("kind", "text"),
    ("item_id", "integer"),
    ("case_id", "integer"),
    ("case_number", "text"),
    ("case_title", "text"),
    ("at_time", "timestamptz"),
    ("at_day", "date"),
    ("sort_at", "timestamptz"),
    *((f"t{i}", "text") for i in range(TEXT_FIELDS)),
)

_NEWEST_PLAN = "v.number = (SELECT max(w.number) FROM plan_versions w WHERE w.case_id = v.case_id)"


@dataclass(frozen=True)
class Way:
    """One way from an indexed row ``x`` to a case ``c``: a part of the statement."""

    kind: str
    source: Indexed
    joins: str
    where: str = ""
    at_time: str = ""
    at_day: str = ""
    sort_at: str = "x.updated_at"
    texts: tuple[str, ...] = ()
    names: bool = False  # also searched for whole words (exact hits are ranked first)
    # The case's id on the row itself where it has one: the reach condition stands there,
    # so the server may combine the text index with the row's case index.
    case_column: str = "c.id"


def _texts(source: Indexed) -> tuple[str, ...]:
    return tuple(f"x.{c}" for c in source.columns)


_PLAN = "JOIN plan_versions v ON v.id = x.plan_version_id JOIN cases c ON c.id = v.case_id"
_OWN_CASE = "JOIN cases c ON c.id = x.case_id"

WAYS = (
    Way("person", CITIZENS, "JOIN cases c ON c.citizen_id = x.id", texts=_texts(CITIZENS), names=True),
    Way(
        "person",
        CITIZENS,
        "JOIN family_members m ON m.citizen_id = x.id JOIN cases c ON c.family_id = m.family_id",
        texts=_texts(CITIZENS),
        names=True,
    ),
    Way("case", CASES, "JOIN cases c ON c.id = x.id", texts=_texts(CASES), names=True),
    Way(
        "professional",
        PROFESSIONALS,
        "JOIN case_professionals k ON k.professional_id = x.id JOIN cases c ON c.id = k.case_id",
        texts=_texts(PROFESSIONALS),
        names=True,
    ),
    Way("agreement", AGREEMENTS, _PLAN, _NEWEST_PLAN, at_day="x.due_date", texts=_texts(AGREEMENTS)),
    Way("goal", GOALS, _PLAN, _NEWEST_PLAN, at_day="x.target_date", texts=_texts(GOALS)),
    Way(
        "journal", JOURNAL, _OWN_CASE, at_time="x.occurred_at", sort_at="x.created_at", texts=_texts(JOURNAL)
    ),
    Way("task", TASKS, _OWN_CASE, at_day="x.due_date", sort_at="x.created_at", texts=_texts(TASKS)),
    Way(
        "document",
        DOCUMENTS,
        _OWN_CASE,
        at_day="x.received_on",
        sort_at="x.created_at",
        texts=_texts(DOCUMENTS),
        case_column="x.case_id",
    ),
)

# People by CPR number in [cpr_from, cpr_to): their own case or their family's. Only the
# first six digits (the birth date) leave the store.
_CPR_WAYS = (
    "JOIN cases c ON c.citizen_id = x.id",
    "JOIN family_members m ON m.citizen_id = x.id JOIN cases c ON c.family_id = m.family_id",
)
_CPR_TEXTS = ("x.first_name", "x.last_name", "substr(x.cpr, 1, 6)")


@dataclass(frozen=True)
class Dialect:
    """How the statement is written for one kind of store and caller."""

    name: str  # "sqlite" or "postgresql"
    # the statement's inputs: the words (whole and as prefixes), the CPR range, the limit
    exact: str
    prefix: str
    cpr_from: str
    cpr_to: str
    limit: str
    reach: str = ""  # the server's function: the role's reach, a condition on a part's case column


def _select(part: int, kind: str, texts: tuple[str, ...], way: Way | None, dialect: Dialect) -> str:
    """The part's columns (:data:`COLUMNS`); on PostgreSQL each of its column's type."""
    values = [
        str(part),
        f"'{kind}'",
        "x.id",
        "c.id",
        "c.number",
        "c.title",
        way.at_time if way else "",
        way.at_day if way else "",
        way.sort_at if way else "x.updated_at",
        *texts,
        *([""] * (TEXT_FIELDS - len(texts))),
    ]
    if dialect.name == "postgresql":
        values = [
            f"CAST({v or 'NULL'} AS {kind_})" for v, (_name, kind_) in zip(values, COLUMNS, strict=True)
        ]
    return "SELECT " + ", ".join(
        f"{value or 'NULL'} AS {name}" for value, (name, _kind) in zip(values, COLUMNS, strict=True)
    )


def _conditions(*parts: str) -> str:
    return " AND ".join(p for p in parts if p)


def _part(part: int, way: Way, words: str, dialect: Dialect) -> str:
    source = way.source
    if dialect.name == "sqlite":
        return (
            f"SELECT * FROM ({_select(part, way.kind, way.texts, way, dialect)} "
            f"FROM {source.index} f JOIN {source.table} x ON x.id = f.rowid {way.joins} "
            f"WHERE {_conditions(f'{source.index} MATCH {words}', way.where)} "
            f"ORDER BY f.rowid DESC LIMIT {dialect.limit})"
        )
    match = f"{pg_document(source)} @@ to_tsquery('{source.config}'::regconfig, {words})"
    # "x.id + 0": newest first, but never by reading the table backwards through its key and
    # computing each row's text vector until enough match (PostgreSQL guesses 2 % of rows for
    # a prefix: a rare word then read every row, 1.5 s at 100,000 entries); the matches come
    # from the index and the newest are kept (25 ms for a word in one entry in ten).
    return (
        f"({_select(part, way.kind, way.texts, way, dialect)} FROM {source.table} x {way.joins} "
        f"WHERE {_conditions(match, way.where, dialect.reach.format(case=way.case_column))} "
        f"ORDER BY x.id + 0 DESC LIMIT {dialect.limit})"
    )


def _cpr_parts(part: int, dialect: Dialect) -> list[str]:
    in_range = f"x.cpr >= {dialect.cpr_from} AND x.cpr < {dialect.cpr_to}"
    if not dialect.reach:
        wrap = "SELECT * FROM ({})" if dialect.name == "sqlite" else "({})"
        return [
            wrap.format(
                f"{_select(part + i, 'cpr', _CPR_TEXTS, None, dialect)} FROM citizens x {joins} "
                f"WHERE {in_range} LIMIT {dialect.limit}"
            )
            for i, joins in enumerate(_CPR_WAYS)
        ]
    # Through reach: the reached people first, each one's number looked up by its row (as
    # cases_with_cpr does), so the time taken depends on the reach alone, never on how many
    # people outside it have such a number.
    return [
        f"""({_select(part, "cpr", _CPR_TEXTS, None, dialect)} FROM (
        SELECT c.id AS case_id, c.citizen_id AS citizen_id FROM cases c
        WHERE c.id = ANY(mine) AND c.citizen_id IS NOT NULL
        UNION ALL
        SELECT c.id, m.citizen_id FROM cases c JOIN family_members m ON m.family_id = c.family_id
        WHERE c.id = ANY(mine)) p
    CROSS JOIN LATERAL (SELECT z.* FROM citizens z WHERE z.id = p.citizen_id OFFSET 0) x
    JOIN cases c ON c.id = p.case_id
    WHERE {dialect.cpr_from} <> '' AND {in_range} LIMIT {dialect.limit})"""
    ]


def statement(dialect: Dialect) -> str:
    """The whole search, one part per way (and per kind of match), for one dialect."""
    parts: list[str] = []
    for way in WAYS:
        if way.names:
            parts.append(_part(len(parts), way, dialect.exact, dialect))
        parts.append(_part(len(parts), way, dialect.prefix, dialect))
    parts += _cpr_parts(len(parts), dialect)
    return "\nUNION ALL\n".join(parts)


_BOUND = {
    "exact": ":exact",
    "prefix": ":prefix",
    "cpr_from": ":cpr_from",
    "cpr_to": ":cpr_to",
    "limit": ":lim",
}


@lru_cache(maxsize=4)
def local_statement(dialect_name: str) -> str:
    """The statement with bound parameters, for a store read directly (SQLite, or PostgreSQL
    by a login without reach views). PostgreSQL's words are tsquery text ('a':* & 'b':*);
    there the statement is planned for each call's words (``SET LOCAL plan_cache_mode``
    before it: the driver prepares a statement sent five times, see PLAN_CACHE_MODE)."""
    return statement(Dialect(dialect_name, **_BOUND))


SEARCH_FUNCTION_NAME = f"{REACH_SCHEMA}.search_everything"
# Planned for the words and the reach of each call: a plan made for any words (PostgreSQL's
# generic plan, chosen after five calls) read every reached journal entry through its case
# and computed its text vector, 4.5 s for a two-letter word at 100,000 entries, against
# 60 ms planned for the word.
PLAN_CACHE_MODE = "force_custom_plan"
SEARCH_FUNCTION_SIGNATURE = "text, text, text, text, integer"


def search_function(base: str) -> str:
    """The server's search function for the staff roles (see the module's docstring)."""
    body = statement(
        Dialect(
            "postgresql",
            exact="words_exact",
            prefix="words_prefix",
            cpr_from="cpr_low",
            cpr_to="cpr_high",
            limit="n",
            reach="{case} = ANY(mine)",
        )
    )
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
    return f"""CREATE OR REPLACE FUNCTION {SEARCH_FUNCTION_NAME}(
    words_exact text, words_prefix text, cpr_low text, cpr_high text, lim integer)
RETURNS TABLE ({columns})
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100 SET search_path = {base}, pg_temp
SET plan_cache_mode = {PLAN_CACHE_MODE} AS $$
#variable_conflict use_column
DECLARE
    mine integer[] := koordinator_my_cases();
    n integer := least(greatest(coalesce(lim, 0), 0), {MAX_LIMIT});
BEGIN
    RETURN QUERY {body};
END
$$"""
