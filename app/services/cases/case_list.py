"""The case list: one Core query; filtering, sorting and paging happen in SQL."""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    table,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from app.models import Case, Citizen, FamilyMember, Meeting, Task, User
from app.models.base import UTCDateTime
from app.models.enums import CaseStatus, CoordinationModel, MeetingStatus
from app.services.cases.case_list_keyset import (
    Keyset,
    after_in_two_ranges,
    keyset_of,
    nullable_column,
    rows_after,
)
from app.services.cases.case_summaries import kept_for, turning_18_window
from app.services.cases.deadlines import deadlines_for_cases
from app.services.common import audit
from app.services.common.clock import aware_utc
from app.services.common.cpr import mask_cpr
from app.services.common.text import fold, like_escape
from app.store.reach import narrowed_to, uses_reach
from app.store.reach_sql import REACH_SCHEMA
from app.store.search_sql import CASE_LIST_TRIGRAM

PAGE_SIZE = 50  # about two screens; scrolling fetches the next page
_CPR_TERM = re.compile(r"^[0-9]{4,6}-?[0-9]{0,4}$")
_CPR_WITH_SPACE = re.compile(r"(?<![0-9])([0-9]{6}) ([0-9]{4})(?![0-9])")


class Scope(StrEnum):
    MINE = "mine"
    ALL = "all"


class SortKey(StrEnum):
    NUMBER = "number"
    TITLE = "title"
    CPR = "cpr"
    COORDINATOR = "coordinator"
    MODEL = "model"
    STATUS = "status"
    NEXT_MEETING = "next_meeting"
    FOLLOW_UP_DUE = "follow_up_due"
    OPEN_AGREEMENTS = "open_agreements"
    FLAGS = "flags"


@dataclass(frozen=True, slots=True)
class CaseListQuery:
    today: date
    now: datetime
    scope: Scope = Scope.ALL
    user_id: int | None = None
    search: str = ""
    sort: SortKey = SortKey.FOLLOW_UP_DUE
    descending: bool = False


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: int
    number: str
    title: str
    cpr_masked: str
    coordinator: str
    model: CoordinationModel
    status: CaseStatus
    next_meeting: datetime | None
    follow_up_due: date | None
    open_agreements: int
    turning_18: bool
    today: date
    # The row's place in its list's order: the next page is the rows after it
    # (fetch_case_rows(..., after=row.after)), found through the sort key's index.
    after: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    @property
    def follow_up_overdue(self) -> bool:
        return (
            self.follow_up_due is not None
            and self.follow_up_due < self.today
            and self.status != CaseStatus.CLOSED
        )


_CASES = Case.__table__
_USERS = User.__table__
_MEETINGS = Meeting.__table__
# Aliases are made once: building their column collections per query is costly.
_CI2, _FM2 = Citizen.__table__.alias("ci2"), FamilyMember.__table__.alias("fm2")
# The case list's trigram index over cases.search_text (SQLite; app/store/search_sql.py).
_TRIGRAM = table(CASE_LIST_TRIGRAM, column("rowid", Integer()), column("search_text", String()))


def _people_exists(condition_on: Callable[[Any], ColumnElement[bool]]) -> ColumnElement[bool]:
    """EXISTS a person of the case (a family member or the single citizen) matching a condition."""
    c = _CASES.c
    ci, fm = _CI2, _FM2
    in_family = exists(
        select(1)
        .select_from(fm.join(ci, ci.c.id == fm.c.citizen_id))
        .where(fm.c.family_id == c.family_id, condition_on(ci))
    )
    single = exists(select(1).select_from(ci).where(ci.c.id == c.citizen_id, condition_on(ci)))
    return or_(in_family, single)


def _columns() -> dict[SortKey, ColumnElement[Any]]:
    """The list's computed columns as Core expressions; the day and time are bound parameters."""
    c = _CASES.c
    m = _MEETINGS.c
    next_meeting = (
        select(func.min(m.starts_at))
        .where(
            m.case_id == c.id,
            m.status == MeetingStatus.PLANNED,
            m.starts_at >= bindparam("now", type_=UTCDateTime()),
        )
        .scalar_subquery()
    )
    youth = _people_exists(
        lambda p: and_(
            p.c.birth_date > bindparam("born_after", type_=Date()),
            p.c.birth_date <= bindparam("born_by", type_=Date()),
        )
    )
    return {
        SortKey.NUMBER: c.number,
        SortKey.TITLE: c.title,
        SortKey.CPR: c.cpr6,
        SortKey.COORDINATOR: _USERS.c.full_name,
        SortKey.MODEL: c.model,
        SortKey.STATUS: c.status,
        SortKey.NEXT_MEETING: next_meeting,
        SortKey.FOLLOW_UP_DUE: c.follow_up_due,
        SortKey.OPEN_AGREEMENTS: c.open_agreements,
        SortKey.FLAGS: case((youth, literal(1)), else_=literal(0)),
    }


def _kept_keys(columns: dict[SortKey, ColumnElement[Any]]) -> dict[SortKey, ColumnElement[Any]]:
    """The sort keys with today's kept summaries in place of the computed ones (the page's
    shown columns stay computed). A kept next meeting is the first from the day's start on:
    one that has begun since is passed over by computing that case's alone."""
    c = _CASES.c
    now = bindparam("now", type_=UTCDateTime())
    return {
        **columns,
        SortKey.NEXT_MEETING: case(
            (c.next_meeting_at.is_(None), c.next_meeting_at),
            (c.next_meeting_at >= now, c.next_meeting_at),
            else_=columns[SortKey.NEXT_MEETING],
        ),
        SortKey.FLAGS: c.turning_18,
    }


def _reach_columns() -> dict[SortKey, ColumnElement[Any]]:
    """The same columns for a caseworker's role on a shared server. There each table is a
    view over a function that returns every reached row, so a sub-select on it reads all
    of them (for every case, if correlated); the server's per-case functions instead read
    one case's facts through the indexes, and the planner calls them for the page's rows
    only, unless the list is sorted by one of them (see app/store/reach.py)."""
    c = _CASES.c
    facts = getattr(func, REACH_SCHEMA)
    born = (bindparam("born_after", type_=Date()), bindparam("born_by", type_=Date()))
    return {
        SortKey.NUMBER: c.number,
        SortKey.TITLE: c.title,
        SortKey.CPR: c.cpr6,
        SortKey.COORDINATOR: _USERS.c.full_name,
        SortKey.MODEL: c.model,
        SortKey.STATUS: c.status,
        SortKey.NEXT_MEETING: facts.case_next_meeting(
            c.id, bindparam("now", type_=UTCDateTime()), type_=UTCDateTime()
        ),
        SortKey.FOLLOW_UP_DUE: c.follow_up_due,
        SortKey.OPEN_AGREEMENTS: c.open_agreements,
        SortKey.FLAGS: case(
            (facts.case_turning_18(c.id, *born, type_=Boolean()), literal(1)), else_=literal(0)
        ),
    }


def _cpr_prefix_matches(index: int, reach: bool) -> tuple[ColumnElement[bool], ...]:
    """Cases with a person whose CPR starts with a prefix: an index range, evaluated once
    (through reach: the server's function, which looks at the reached people alone)."""
    bounds = bindparam(f"cpr_from{index}", type_=String()), bindparam(f"cpr_to{index}", type_=String())
    c = _CASES.c
    if reach:
        return (c.id.in_(select(getattr(func, REACH_SCHEMA).cases_with_cpr(*bounds, type_=Integer()))),)
    ci, fm = _CI2.c, _FM2.c
    in_range = and_(ci.cpr >= bounds[0], ci.cpr < bounds[1])
    families = select(fm.family_id).select_from(_FM2.join(_CI2, ci.id == fm.citizen_id)).where(in_range)
    citizens = select(ci.id).where(in_range)
    return c.family_id.in_(families), c.citizen_id.in_(citizens)


def _text_match(index: int, trigram: bool) -> ColumnElement[bool]:
    """The word anywhere in the case's search text: through the trigram index (SQLite, a
    word without LIKE's special characters: no ESCAPE clause, which the index cannot take),
    else by reading the column."""
    c = _CASES.c
    term = bindparam(f"term{index}", type_=String())
    if trigram:
        return c.id.in_(select(_TRIGRAM.c.rowid).where(_TRIGRAM.c.search_text.like(term)))
    return c.search_text.like(term, escape="\\")


def _filters(
    scope: Scope, cpr_terms: tuple[bool, ...], reach: bool, trigram_terms: tuple[bool, ...] = ()
) -> list[ColumnElement[bool]]:
    c = _CASES.c
    conditions: list[ColumnElement[bool]] = []
    if scope == Scope.MINE:
        from app.services.team.absences import covered_cases

        user = bindparam("user_id", type_=Integer())
        # and the cases I cover today for an absent colleague
        covering = c.id.in_(covered_cases(user, bindparam("today", type_=Date())))
        conditions.append(or_(c.coordinator_id == user, c.partner_id == user, covering))
    for index, cpr_like in enumerate(cpr_terms):
        text_match = _text_match(index, index < len(trigram_terms) and trigram_terms[index])
        if cpr_like:
            conditions.append(or_(text_match, *_cpr_prefix_matches(index, reach)))
        else:
            conditions.append(text_match)
    return conditions


@lru_cache(maxsize=128)
def _statements(
    scope: Scope,
    sort: SortKey,
    descending: bool,
    cpr_terms: tuple[bool, ...],
    reach: bool = False,
    kept: bool = False,
    trigram_terms: tuple[bool, ...] = (),
    keyset: Keyset = Keyset.NONE,
) -> tuple[Select[Any], Select[Any]]:
    """The page and count statements for one shape of query, built once and reused.

    The page is found first, as ids alone (through an index where the sort key has one),
    and only its rows get the computed columns: computed in the sorted query, SQLite would
    work them out for every case before sorting. A next page (``keyset``) starts after the
    last row shown, by its sort key and id, instead of skipping rows (OFFSET reads every
    row it skips)."""
    cols = _reach_columns() if reach else _columns()
    keys = _kept_keys(cols) if kept and not reach else cols
    c = _CASES.c
    order = keys[sort].desc() if descending else keys[sort].asc()
    # Ties go the way of the sort: then an index on (key, id) gives the order read backwards too.
    tie = [c.id.desc() if descending else c.id.asc()]
    if sort == SortKey.COORDINATOR:  # by name, then one coordinator's cases together
        tie.insert(0, _USERS.c.id.desc() if descending else _USERS.c.id.asc())
    filters = _filters(scope, cpr_terms, reach, trigram_terms)
    source = (
        _CASES.join(_USERS, _USERS.c.id == _CASES.c.coordinator_id) if sort == SortKey.COORDINATOR else _CASES
    )
    if sort == SortKey.NEXT_MEETING and kept and not reach:
        page_ids = _next_meeting_page(filters, descending, cols[SortKey.NEXT_MEETING], keyset)
    elif keyset == Keyset.AFTER_KEY and nullable_column(keys[sort]):
        page_ids = after_in_two_ranges(c.id, keys[sort], filters, descending)
    else:
        ties = [_USERS.c.id, c.id] if sort == SortKey.COORDINATOR else [c.id]
        page_ids = (
            select(c.id)
            .select_from(source)
            .where(*filters, rows_after(keys[sort], ties, descending, keyset))
            .order_by(order.nulls_last(), *tie)
            .limit(bindparam("page_limit", type_=Integer()))
        )
        if keyset == Keyset.NONE:
            page_ids = page_ids.offset(bindparam("page_offset", type_=Integer()))
    page = (
        select(
            keys[sort].label("sort_key"),
            _USERS.c.id.label("sort_user"),
            c.id,
            c.number,
            c.title,
            cols[SortKey.CPR].label("cpr6"),
            _USERS.c.full_name.label("coordinator"),
            c.model,
            c.status,
            cols[SortKey.NEXT_MEETING].label("next_meeting"),
            c.follow_up_due,
            cols[SortKey.OPEN_AGREEMENTS].label("open_agreements"),
            cols[SortKey.FLAGS].label("turning_18"),
        )
        .select_from(_CASES.join(_USERS, _USERS.c.id == _CASES.c.coordinator_id))
        .where(c.id.in_(page_ids))
        .order_by(order.nulls_last(), *tie)
    )
    count = select(func.count()).select_from(_CASES).where(*filters)
    return page, count


def _next_meeting_page(
    filters: list[ColumnElement[bool]], descending: bool, computed: ColumnElement[Any], keyset: Keyset
) -> Select[Any]:
    """The page's ids by next meeting, read through the index on the kept column.

    The kept next meeting is the first from the day's start on; the few cases whose kept
    meeting has begun since are the only ones whose next meeting must be worked out. So the
    page comes from three short lists: the cases whose kept meeting is still ahead (from the
    index, a page's worth past the offset), those few with their next meeting worked out,
    and the cases with none (a page's worth by id) — then sorted together."""
    c = _CASES.c
    now = bindparam("now", type_=UTCDateTime())
    limit = bindparam("page_limit", type_=Integer())
    offset = bindparam("page_offset", type_=Integer()) if keyset == Keyset.NONE else literal(0)

    def way(key: ColumnElement[Any]) -> ColumnElement[Any]:
        return key.desc() if descending else key.asc()

    # After a row: the kept meetings ahead past its key (a range of the index; none after a
    # row without a meeting), the cases without one past its id.
    later = operator.lt if descending else operator.gt
    after_key, after_id = (
        bindparam("after_key", type_=UTCDateTime()),
        bindparam("after_tie0", type_=Integer()),
    )
    ahead_after = {
        Keyset.NONE: true(),
        Keyset.AFTER_KEY: later(tuple_(c.next_meeting_at, c.id), tuple_(after_key, after_id)),
        Keyset.AFTER_NULL: literal(False),
    }[keyset]
    # A key shown is never before now (kept and ahead, or worked out from now), so going up
    # from it the row value alone bounds the range: with "≥ now" beside it SQLite reads the
    # index from now on instead.
    from_now = true() if keyset == Keyset.AFTER_KEY and not descending else c.next_meeting_at >= now
    ahead = (
        select(c.id, c.next_meeting_at.label("key"))
        .where(*filters, from_now, ahead_after)
        .order_by(way(c.next_meeting_at), way(c.id))
        .limit(limit + offset)
        .subquery()
    )
    begun = select(c.id, computed.label("key")).where(*filters, c.next_meeting_at < now)
    nothing_after = later(c.id, after_id) if keyset == Keyset.AFTER_NULL else true()
    nothing = (
        select(c.id, cast(null(), UTCDateTime()).label("key"))
        .where(*filters, c.next_meeting_at.is_(None), nothing_after)
        .order_by(way(c.id))
        .limit(limit + offset)
        .subquery()
    )
    found = union_all(select(ahead.c.id, ahead.c.key), begun, select(nothing.c.id, nothing.c.key)).subquery()
    page = (
        select(found.c.id)
        .where(rows_after(found.c.key, [found.c.id], descending, keyset))
        .order_by(way(found.c.key).nulls_last(), way(found.c.id))
        .limit(limit)
    )
    return page.offset(offset) if keyset == Keyset.NONE else page


MAX_SEARCH_TERMS = 8  # more words find nothing more (and would build a huge query)
MAX_TERM_CHARS = 100


def clean_search(text: str) -> str:
    """What of a search can be searched for: no control characters (a NUL), no broken
    characters, at most MAX_SEARCH_TERMS words of at most MAX_TERM_CHARS characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = text.encode("utf-8", "ignore").decode("utf-8")
    words = text.split()[: MAX_SEARCH_TERMS + 1]  # (+1: a CPR number may be written in two)
    return " ".join(word[:MAX_TERM_CHARS] for word in words)


def _terms(query: CaseListQuery) -> list[str]:
    # "120385 1234" is one CPR number, not two search terms.
    return _CPR_WITH_SPACE.sub(r"\1\2", clean_search(query.search)).split()[:MAX_SEARCH_TERMS]


def _shape(
    query: CaseListQuery,
    reach: bool = False,
    kept: bool = False,
    trigram: bool = False,
    common: tuple[bool, ...] = (),
    keyset: Keyset = Keyset.NONE,
) -> tuple[Select[Any], Select[Any]]:
    """``trigram``: the store has the case list's trigram index (SQLite); ``common``: per
    word, whether it is common enough to be looked for by reading the list in its order."""
    terms = _terms(query)
    cpr_terms = tuple(bool(_CPR_TERM.match(term)) for term in terms)
    trigram_terms = tuple(
        trigram and _trigram_word(fold(term)) and not (index < len(common) and common[index])
        for index, term in enumerate(terms)
    )
    return _statements(
        query.scope, query.sort, query.descending, cpr_terms, reach, kept, trigram_terms, keyset
    )


def _trigram_word(word: str) -> bool:
    """A word the trigram index answers right: no LIKE special characters (no ESCAPE), and at
    least three characters — SQLite 3.40's trigram index misses matches of a shorter pattern
    with a letter beyond ASCII in it ("jø"); a short word is looked for by reading."""
    return like_escape(word) == word and len(word) >= 3


def _has_trigram(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


COMMON_AT_LEAST = 200  # matches (see _common_words)


def _common_words(session: Session, query: CaseListQuery) -> tuple[bool, ...]:
    """Per search word: whether it is common, so that the page is found sooner by reading
    the list in its sort order and testing each case than by sorting all the index's matches.

    A word matching k of n cases costs about k rows through the index (all of them sorted)
    and about PAGE_SIZE * n / k read in order; the two meet at k = sqrt(PAGE_SIZE * n). So
    the index is asked for that many matches at most: if it has them all, the word is
    common. Either way a page costs at most about sqrt(PAGE_SIZE * n) rows, and a word that
    matches a steady share of the cases (a common surname) costs the same at any n."""
    terms = _terms(query)
    if not terms:
        return ()
    cases = session.connection().scalar(select(func.max(_CASES.c.id))) or 0
    enough = max(COMMON_AT_LEAST, math.isqrt(PAGE_SIZE * cases))
    params = _parameters(query)
    common = []
    for index, term in enumerate(terms):
        if not _trigram_word(fold(term)):
            common.append(False)
            continue
        matches = (
            select(_TRIGRAM.c.rowid).where(_TRIGRAM.c.search_text.like(params[f"term{index}"])).limit(enough)
        )
        found = session.connection().scalar(select(func.count()).select_from(matches.subquery())) or 0
        common.append(found >= enough)
    return tuple(common)


def _parameters(query: CaseListQuery) -> dict[str, Any]:
    born_after, born_by = turning_18_window(query.today)
    params: dict[str, Any] = {"now": query.now, "born_after": born_after, "born_by": born_by}
    if query.scope == Scope.MINE:
        params["user_id"] = query.user_id
        params["today"] = query.today
    for index, term in enumerate(_terms(query)):
        params[f"term{index}"] = f"%{like_escape(fold(term))}%"
        if _CPR_TERM.match(term):
            digits = term.replace("-", "")
            params[f"cpr_from{index}"] = digits
            params[f"cpr_to{index}"] = digits[:-1] + chr(ord(digits[-1]) + 1)
    return params


def case_list_statement(
    query: CaseListQuery,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    reach: bool = False,
    kept: bool = False,
    trigram: bool = False,
    after: tuple[Any, ...] = (),
) -> Select[Any]:
    """The page statement with its parameters bound (for EXPLAIN, tests and benchmarks);
    ``reach``: the shape for a caseworker's role on a shared server; ``kept``: with the
    kept summaries of today as sort keys; ``after``: a row's ``after`` (the next page)."""
    keyset, bound = keyset_of(after)
    page, _count = _shape(query, reach, kept, trigram, keyset=keyset)
    return page.params(_parameters(query), page_offset=offset, page_limit=limit, **bound)


def count_cases(session: Session, query: CaseListQuery) -> int:
    _page, count = _shape(query, uses_reach(session), trigram=_has_trigram(session))
    if clean_search(query.search):  # once per query (the count), not per page
        audit.record_now(session, audit.SEARCH, object_type="case", search_term=clean_search(query.search))
    return int(session.connection().scalar(count, _parameters(query)) or 0)


def fetch_case_rows(
    session: Session,
    query: CaseListQuery,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    after: tuple[Any, ...] = (),
) -> list[CaseRow]:
    """A page of the list: from ``offset``, or (the next page) the rows after the row whose
    ``after`` is given, in the same query's order — found through the sort key's index, so a
    page deep down the list costs what the first does, and a case added or removed above it
    meanwhile neither repeats nor skips a row."""
    reach = uses_reach(session)
    kept = (
        not reach and query.sort in (SortKey.NEXT_MEETING, SortKey.FLAGS) and kept_for(session, query.today)
    )
    trigram = _has_trigram(session)
    common = _common_words(session, query) if trigram and query.search else ()
    keyset, bound = keyset_of(after)
    page, _count = _shape(query, reach, kept, trigram, common, keyset)
    result = session.connection().execute(
        page, {**_parameters(query), "page_offset": offset, "page_limit": limit, **bound}
    )
    coordinator_ties = query.sort == SortKey.COORDINATOR
    return [
        CaseRow(
            id=row.id,
            number=row.number,
            title=row.title,
            cpr_masked=mask_cpr(row.cpr6),
            coordinator=row.coordinator,
            model=CoordinationModel(row.model),
            status=CaseStatus(row.status),
            next_meeting=aware_utc(row.next_meeting) if row.next_meeting is not None else None,
            follow_up_due=row.follow_up_due,
            open_agreements=int(row.open_agreements or 0),
            turning_18=bool(row.turning_18),
            today=query.today,
            after=(row.sort_key, row.sort_user, row.id) if coordinator_ties else (row.sort_key, row.id),
        )
        for row in result
    ]


FOLLOW_UP_RULE = "CASE-FOLLOW-UP"  # the case list flags it on its own (follow_up_overdue)


def overdue_deadlines(session: Session, today: date, case_ids: list[int]) -> set[int]:
    """Cases among ``case_ids`` with an overdue deadline of a law or an agreement (the case
    list's flag; the follow-up has a flag of its own)."""
    return {
        d.case_id
        for d in deadlines_for_cases(session, case_ids, today)
        if d.rule_code != FOLLOW_UP_RULE and d.overdue(today)
    }


_FLAG_CHUNK = 500  # case ids per IN (...) list


@lru_cache(maxsize=1)
def _overdue_tasks() -> Select[Any]:
    return (
        select(Task.case_id)
        .join(Case, Case.id == Task.case_id)
        .where(
            Task.case_id.in_(bindparam("ids", expanding=True)),
            Task.done_at.is_(None),
            Task.due_date < bindparam("today", type_=Date()),
            Case.status != CaseStatus.CLOSED,
        )
        .distinct()
    )


def overdue_tasks(session: Session, today: date, case_ids: list[int]) -> set[int]:
    """Cases among ``case_ids`` (not closed) with an open task whose due date has passed (the
    case list's flag): one query per page through the index on (case, done, due); through
    reach, for the page's cases only."""
    ids = sorted(set(case_ids))
    found: set[int] = set()
    for start in range(0, len(ids), _FLAG_CHUNK):
        chunk = ids[start : start + _FLAG_CHUNK]
        with narrowed_to(session, chunk):
            found.update(session.connection().scalars(_overdue_tasks(), {"ids": chunk, "today": today}))
    return {case_id for case_id in found if case_id is not None}
