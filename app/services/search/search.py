"""Search across everything within reach (issue 15): names, CPR, case numbers, addresses,
professionals, agreements, goals, journal entries, tasks and document titles.

One service over both stores' full-text indexes (app/store/search_sql.py): SQLite's FTS5
tables, PostgreSQL's text search (through the server's search function for a caseworker's
role, which returns only rows within reach). Each result is a place in a case — the case,
what matched (the source and the row, so the program can open the case there) and a short
excerpt with the matched words ("journal 03.12: … skolen …").

Order: an exact case number, then a CPR number, then names found as whole words, then names
found by their beginning, then addresses and organisations (one row per case for these),
then everything written in the cases (agreements, goals, journal, tasks, documents), newest
first. At most ``limit`` results; ``more`` says there are others.

The words of the query are only ever quoted terms for the index, so no text typed becomes
FTS5 or tsquery syntax. The case list's own search (services/cases/case_list.py) is separate
and keeps its speed. Every search is logged with its criterion, a CPR number masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Integer, String, text
from sqlalchemy.orm import Session

from app.models.base import UTCDateTime
from app.services.cases.case_list import clean_search
from app.services.common import audit
from app.services.common.clock import to_local
from app.services.common.cpr import mask_cpr
from app.services.search.snippets import EXCERPT_CHARS, Excerpt, Matcher, excerpt, tokens, whole, words_of
from app.store.reach import uses_reach
from app.store.search_sql import COLUMNS, PLAN_CACHE_MODE, SEARCH_FUNCTION_NAME, local_statement

SEARCH_LIMIT = 50
AUDIT_OBJECT = "everything"


class Source(StrEnum):
    """What matched: where the program opens the case."""

    CASE = "case"  # its number or title
    CPR = "cpr"
    PERSON = "person"
    ADDRESS = "address"
    PROFESSIONAL = "professional"
    AGREEMENT = "agreement"
    GOAL = "goal"
    JOURNAL = "journal"
    TASK = "task"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class SearchHit:
    case_id: int
    case_number: str
    case_title: str
    source: Source
    item_id: int  # the row that matched: a citizen, case, professional, agreement, goal, entry …
    day: date | None  # the entry's day, a due date, the day a document came (local time)
    snippet: str  # the matched words in context, CPR numbers masked
    marks: tuple[tuple[int, int], ...]  # where the matched words are in ``snippet``


@dataclass(frozen=True, slots=True)
class SearchResult:
    criterion: str  # what was searched for, as shown and logged (a CPR number masked)
    hits: tuple[SearchHit, ...]
    more: bool  # there are more results than shown


# -- the query -----------------------------------------------------------------------------

# As the case list reads a CPR number: four to six digits, then the rest after a hyphen; a
# number written with a space is one number.
_CPR_TERM = re.compile(r"^[0-9]{4,6}-?[0-9]{0,4}$")
_CPR_WITH_SPACE = re.compile(r"(?<![0-9])([0-9]{6}) ([0-9]{4})(?![0-9])")
# Digits past a birth date's six: masked wherever they stand in the criterion.
_PAST_BIRTH_DATE = re.compile(r"(?<![0-9])([0-9]{6})[- ]?[0-9]{1,4}(?![0-9])")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]
    cpr_range: tuple[str, str] | None  # [from, to) of ten-digit numbers
    criterion: str


def mask_criterion(text_: str) -> str:
    """The criterion with every number longer than a birth date cut to it (DDMMYY-XXXX)."""
    return _PAST_BIRTH_DATE.sub(r"\1-XXXX", text_)


def parse_query(text_: str) -> Query:
    cleaned = _CPR_WITH_SPACE.sub(r"\1\2", clean_search(text_))
    terms = cleaned.split()
    cpr_range = None
    if len(terms) == 1 and _CPR_TERM.match(terms[0]):
        digits = terms[0].replace("-", "")
        cpr_range = (digits, digits[:-1] + chr(ord(digits[-1]) + 1))
    return Query(tuple(words_of(cleaned)), cpr_range, mask_criterion(clean_search(text_)))


def _match_texts(words: tuple[str, ...], postgres: bool) -> tuple[str, str]:
    """The words as the index's query language has them (whole words; and as prefixes, a
    single letter excepted), each a quoted term: never an operator."""
    if postgres:
        exact = " & ".join(f"'{w}'" for w in words)
        prefix = " & ".join(f"'{w}':*" if len(w) > 1 else f"'{w}'" for w in words)
    else:
        exact = " ".join(f'"{w}"' for w in words)
        prefix = " ".join(f'"{w}"*' if len(w) > 1 else f'"{w}"' for w in words)
    return exact, prefix


# -- reading -----------------------------------------------------------------------------

_TYPES: dict[str, Any] = {
    "integer": Integer(),
    "text": String(),
    "date": Date(),
    "timestamptz": UTCDateTime(),
}


def _statement(session: Session) -> str:
    if uses_reach(session):
        return f"SELECT * FROM {SEARCH_FUNCTION_NAME}(:exact, :prefix, :cpr_from, :cpr_to, :lim)"
    return local_statement(session.connection().dialect.name)


def statement_parameters(query: Query, postgres: bool, per_part: int) -> dict[str, Any]:
    """The statement's parameters for a query (app/store/search_sql.py)."""
    exact, prefix = _match_texts(query.words, postgres)
    low, high = query.cpr_range or ("", "")
    return {"exact": exact, "prefix": prefix, "cpr_from": low, "cpr_to": high, "lim": per_part}


def _rows(session: Session, query: Query, per_part: int) -> list[Any]:
    postgres = session.connection().dialect.name == "postgresql"
    if postgres and not uses_reach(session):
        session.execute(text(f"SET LOCAL plan_cache_mode = {PLAN_CACHE_MODE}"))
    statement = text(_statement(session)).columns(**{name: _TYPES[kind] for name, kind in COLUMNS})
    return list(session.connection().execute(statement, statement_parameters(query, postgres, per_part)))


# -- ranking -------------------------------------------------------------------------------

_PROSE = {
    "agreement": Source.AGREEMENT,
    "goal": Source.GOAL,
    "journal": Source.JOURNAL,
    "task": Source.TASK,
    "document": Source.DOCUMENT,
}
CONTENT_TIER = 5
# Between equal tiers: the case itself before a person before a professional.
_KIND_ORDER = {Source.CASE: 0, Source.CPR: 0, Source.PERSON: 1, Source.PROFESSIONAL: 2, Source.ADDRESS: 3}


def _name_tier(matcher: Matcher, name_tokens: list[str]) -> int:
    return 2 if matcher.exact(name_tokens) else 3


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p.strip())


def _person(row: Any, matcher: Matcher) -> tuple[int, Source, Excerpt]:
    name = f"{row.t0} {row.t1}".strip()
    address = _joined(row.t2, f"{row.t3} {row.t4}".strip())
    if matcher.all_in(tokens(row.t0, row.t1)):
        return _name_tier(matcher, tokens(row.t0, row.t1)), Source.PERSON, whole(name, matcher)
    if matcher.all_in(tokens(row.t2, row.t3, row.t4)):
        return 4, Source.ADDRESS, whole(address, matcher)
    return 4, Source.PERSON, whole(_joined(name, address), matcher)


def _case(row: Any, matcher: Matcher) -> tuple[int, Source, Excerpt]:
    number = tokens(row.t0)
    if [w.lower() for w in number] == list(matcher.words):
        return 0, Source.CASE, whole(row.t0, matcher)
    if matcher.all_in(tokens(row.t1)):
        return _name_tier(matcher, tokens(row.t1)), Source.CASE, whole(row.t1, matcher)
    if matcher.all_in(number):
        return 3, Source.CASE, whole(row.t0, matcher)
    return 4, Source.CASE, whole(f"{row.t0} {row.t1}", matcher)


def _professional(row: Any, matcher: Matcher) -> tuple[int, Source, Excerpt]:
    shown = whole(_joined(row.t0, row.t1), matcher)
    if matcher.all_in(tokens(row.t0)):
        return _name_tier(matcher, tokens(row.t0)), Source.PROFESSIONAL, shown
    return 4, Source.PROFESSIONAL, shown


def _cpr(row: Any, matcher: Matcher) -> tuple[int, Source, Excerpt]:
    name = f"{row.t0} {row.t1}".strip()
    masked = mask_cpr(row.t2)
    return 1, Source.CPR, Excerpt(f"{name} ({masked})", ((len(name) + 2, len(name) + 2 + len(masked)),))


def _prose(row: Any, matcher: Matcher) -> Excerpt:
    fields = [f for f in (row.t0, row.t1, row.t2, row.t3, row.t4) if f]
    for stemmed in (False, True):
        for field in fields:
            found = excerpt(field, matcher, stemmed=stemmed)
            if found is not None:
                return found
    first = " ".join((fields[0] if fields else "").split())
    cut = first[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …" if len(first) > EXCERPT_CHARS else first
    return whole(cut, matcher)


_NAMES = {"person": _person, "case": _case, "professional": _professional, "cpr": _cpr}


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return datetime.min.replace(tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _day(row: Any) -> date | None:
    if row.at_time is not None:
        return to_local(_aware(row.at_time)).date()
    day: date | None = row.at_day
    return day


def _ranked(rows: list[Any], matcher: Matcher) -> list[SearchHit]:
    ranked: list[tuple[tuple[Any, ...], tuple[Any, ...], SearchHit]] = []
    for row in rows:
        if row.kind in _NAMES:
            tier, source, shown = _NAMES[row.kind](row, matcher)
            order: tuple[Any, ...] = (tier, _KIND_ORDER[source], row.case_title.casefold(), row.case_number)
            key: tuple[Any, ...] = ("name", row.case_id)
        else:
            source, shown = _PROSE[row.kind], _prose(row, matcher)
            order = (CONTENT_TIER, -_aware(row.sort_at).timestamp(), source.value, -row.item_id)
            key = (source, row.item_id, row.case_id)
        hit = SearchHit(
            case_id=row.case_id,
            case_number=row.case_number,
            case_title=row.case_title,
            source=source,
            item_id=row.item_id,
            day=_day(row),
            snippet=shown.text,
            marks=shown.marks,
        )
        ranked.append((order, key, hit))
    ranked.sort(key=lambda entry: entry[0])
    seen: set[tuple[Any, ...]] = set()
    hits = []
    for _order, key, hit in ranked:
        if key not in seen:
            seen.add(key)
            hits.append(hit)
    return hits


# -- the service ---------------------------------------------------------------------------


def search_everything(session: Session, text_: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Everything within reach that matches every word of ``text_``, best first (see the
    module's docstring); logged as a search with the criterion masked."""
    query = parse_query(text_)
    if not query.words:
        return SearchResult(query.criterion, (), False)
    per_part = limit + 1
    rows = _rows(session, query, per_part)
    hits = _ranked(rows, Matcher.of(list(query.words)))
    counts: dict[int, int] = {}
    for row in rows:
        counts[row.part] = counts.get(row.part, 0) + 1
    more = len(hits) > limit or any(n >= per_part for n in counts.values())
    shown = tuple(hits[:limit])
    audit.record_now(
        session,
        audit.SEARCH,
        object_type=AUDIT_OBJECT,
        search_term=query.criterion,
        details={"results": len(shown), "more": more},
    )
    return SearchResult(query.criterion, shown, more)
