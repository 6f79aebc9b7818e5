"""The case list: one Core query; filtering, sorting and paging happen in SQL."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.models import Agreement, Case, Citizen, FamilyMember, Meeting, PlanVersion, User
from app.models.base import UTCDateTime
from app.models.enums import AgreementStatus, CaseStatus, CoordinationModel, MeetingStatus
from app.services import audit
from app.services.cpr import mask_cpr
from app.services.text import fold, like_escape

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

    @property
    def follow_up_overdue(self) -> bool:
        return (
            self.follow_up_due is not None
            and self.follow_up_due < self.today
            and self.status != CaseStatus.CLOSED
        )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def turning_18_window(today: date) -> tuple[date, date]:
    """Birth dates (exclusive low, inclusive high) of people who turn 18 within 12 months."""
    return _years_before(today, 18), _years_before(today, 17)


_CASES = Case.__table__
_USERS = User.__table__
_MEETINGS = Meeting.__table__
_AGREEMENTS = Agreement.__table__
# Aliases are made once: building their column collections per query is costly.
_PV, _PV_LATEST = PlanVersion.__table__.alias("pv"), PlanVersion.__table__.alias("pv_latest")
_CI, _FM = Citizen.__table__.alias("ci"), FamilyMember.__table__.alias("fm")
_CI2, _FM2 = Citizen.__table__.alias("ci2"), FamilyMember.__table__.alias("fm2")


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
    pv, pv_latest, ci, fm = _PV, _PV_LATEST, _CI, _FM
    next_meeting = (
        select(func.min(m.starts_at))
        .where(
            m.case_id == c.id,
            m.status == MeetingStatus.PLANNED,
            m.starts_at >= bindparam("now", type_=UTCDateTime()),
        )
        .scalar_subquery()
    )
    # Two levels down: correlate to the outer cases row explicitly (auto-correlation is one level).
    latest_number = (
        select(func.max(pv_latest.c.number))
        .where(pv_latest.c.case_id == c.id)
        .correlate(_CASES)
        .scalar_subquery()
    )
    open_agreements = (
        select(func.count(_AGREEMENTS.c.id))
        .select_from(_AGREEMENTS.join(pv, pv.c.id == _AGREEMENTS.c.plan_version_id))
        .where(
            pv.c.case_id == c.id,
            pv.c.number == latest_number,
            _AGREEMENTS.c.status == AgreementStatus.OPEN,
        )
        .scalar_subquery()
    )
    single_cpr = select(func.substr(ci.c.cpr, 1, 6)).where(ci.c.id == c.citizen_id).scalar_subquery()
    family_cpr = (
        select(func.substr(ci.c.cpr, 1, 6))
        .select_from(fm.join(ci, ci.c.id == fm.c.citizen_id))
        .where(fm.c.family_id == c.family_id)
        .order_by(fm.c.position, fm.c.id)
        .limit(1)
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
        SortKey.CPR: func.coalesce(single_cpr, family_cpr),
        SortKey.COORDINATOR: _USERS.c.full_name,
        SortKey.MODEL: c.model,
        SortKey.STATUS: c.status,
        SortKey.NEXT_MEETING: next_meeting,
        SortKey.FOLLOW_UP_DUE: c.follow_up_due,
        SortKey.OPEN_AGREEMENTS: open_agreements,
        SortKey.FLAGS: case((youth, literal(1)), else_=literal(0)),
    }


def _grouped_columns() -> tuple[Any, dict[SortKey, ColumnElement[Any]]]:
    """The same columns for a caseworker's role on a shared server, as joins to grouped
    sub-selects: each reach view there is a function's result without an index, which a
    correlated sub-select would read again for every case (quadratic in the reach), while
    a join reads it once. Returns the FROM clause and the columns."""
    c = _CASES.c
    m = _MEETINGS.c
    pv, pv_latest, ci, fm = _PV, _PV_LATEST, _CI, _FM
    meetings = (
        select(m.case_id, func.min(m.starts_at).label("next_meeting"))
        .where(m.status == MeetingStatus.PLANNED, m.starts_at >= bindparam("now", type_=UTCDateTime()))
        .group_by(m.case_id)
        .subquery("next_meetings")
    )
    latest = (
        select(pv_latest.c.case_id, func.max(pv_latest.c.number).label("number"))
        .group_by(pv_latest.c.case_id)
        .subquery("latest_plans")
    )
    agreements = (
        select(pv.c.case_id, func.count(_AGREEMENTS.c.id).label("open"))
        .select_from(
            _AGREEMENTS.join(pv, pv.c.id == _AGREEMENTS.c.plan_version_id).join(
                latest, and_(latest.c.case_id == pv.c.case_id, latest.c.number == pv.c.number)
            )
        )
        .where(_AGREEMENTS.c.status == AgreementStatus.OPEN)
        .group_by(pv.c.case_id)
        .subquery("open_agreements")
    )
    ranked = (
        select(
            fm.c.family_id,
            func.substr(ci.c.cpr, 1, 6).label("cpr6"),
            func.row_number()
            .over(partition_by=fm.c.family_id, order_by=(fm.c.position, fm.c.id))
            .label("rank"),
        )
        .select_from(fm.join(ci, ci.c.id == fm.c.citizen_id))
        .subquery("ranked_members")
    )
    first_member = (
        select(ranked.c.family_id, ranked.c.cpr6).where(ranked.c.rank == 1).subquery("first_members")
    )
    single = Citizen.__table__.alias("single")
    in_window = and_(
        ci.c.birth_date > bindparam("born_after", type_=Date()),
        ci.c.birth_date <= bindparam("born_by", type_=Date()),
    )
    young_families = (
        select(fm.c.family_id)
        .select_from(fm.join(ci, ci.c.id == fm.c.citizen_id))
        .where(in_window)
        .distinct()
        .subquery("young_families")
    )
    joined = (
        _CASES.join(_USERS, _USERS.c.id == c.coordinator_id)
        .outerjoin(meetings, meetings.c.case_id == c.id)
        .outerjoin(agreements, agreements.c.case_id == c.id)
        .outerjoin(first_member, first_member.c.family_id == c.family_id)
        .outerjoin(single, single.c.id == c.citizen_id)
        .outerjoin(young_families, young_families.c.family_id == c.family_id)
    )
    single_young = and_(
        single.c.birth_date > bindparam("born_after", type_=Date()),
        single.c.birth_date <= bindparam("born_by", type_=Date()),
    )
    columns = {
        SortKey.NUMBER: c.number,
        SortKey.TITLE: c.title,
        SortKey.CPR: func.coalesce(func.substr(single.c.cpr, 1, 6), first_member.c.cpr6),
        SortKey.COORDINATOR: _USERS.c.full_name,
        SortKey.MODEL: c.model,
        SortKey.STATUS: c.status,
        SortKey.NEXT_MEETING: meetings.c.next_meeting,
        SortKey.FOLLOW_UP_DUE: c.follow_up_due,
        SortKey.OPEN_AGREEMENTS: func.coalesce(agreements.c.open, 0),
        SortKey.FLAGS: case(
            (or_(young_families.c.family_id.is_not(None), single_young), literal(1)), else_=literal(0)
        ),
    }
    return joined, columns


def _cpr_prefix_matches(index: int) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Cases with a person whose CPR starts with a prefix: an index range, evaluated once."""
    ci, fm = _CI2.c, _FM2.c
    in_range = and_(ci.cpr >= bindparam(f"cpr_from{index}"), ci.cpr < bindparam(f"cpr_to{index}"))
    families = select(fm.family_id).select_from(_FM2.join(_CI2, ci.id == fm.citizen_id)).where(in_range)
    citizens = select(ci.id).where(in_range)
    c = _CASES.c
    return c.family_id.in_(families), c.citizen_id.in_(citizens)


def _filters(scope: Scope, cpr_terms: tuple[bool, ...]) -> list[ColumnElement[bool]]:
    c = _CASES.c
    conditions: list[ColumnElement[bool]] = []
    if scope == Scope.MINE:
        user = bindparam("user_id", type_=Integer())
        conditions.append(or_(c.coordinator_id == user, c.partner_id == user))
    for index, cpr_like in enumerate(cpr_terms):
        text_match = c.search_text.like(bindparam(f"term{index}"), escape="\\")
        if cpr_like:
            conditions.append(or_(text_match, *_cpr_prefix_matches(index)))
        else:
            conditions.append(text_match)
    return conditions


@lru_cache(maxsize=128)
def _statements(
    scope: Scope, sort: SortKey, descending: bool, cpr_terms: tuple[bool, ...], grouped: bool = False
) -> tuple[Select[Any], Select[Any]]:
    """The page and count statements for one shape of query, built once and reused."""
    if grouped:
        source, cols = _grouped_columns()
    else:
        source, cols = _CASES.join(_USERS, _USERS.c.id == _CASES.c.coordinator_id), _columns()
    c = _CASES.c
    order = cols[sort].desc() if descending else cols[sort].asc()
    filters = _filters(scope, cpr_terms)
    page = (
        select(
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
        .select_from(source)
        .where(*filters)
        .order_by(order.nulls_last(), c.id)
    )
    count = select(func.count()).select_from(_CASES).where(*filters)
    return page, count


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


def _shape(query: CaseListQuery, grouped: bool = False) -> tuple[Select[Any], Select[Any]]:
    cpr_terms = tuple(bool(_CPR_TERM.match(term)) for term in _terms(query))
    return _statements(query.scope, query.sort, query.descending, cpr_terms, grouped)


def _grouped(session: Session) -> bool:
    from app.store.reach import uses_reach

    return uses_reach(session)


def _parameters(query: CaseListQuery) -> dict[str, Any]:
    born_after, born_by = turning_18_window(query.today)
    params: dict[str, Any] = {"now": query.now, "born_after": born_after, "born_by": born_by}
    if query.scope == Scope.MINE:
        params["user_id"] = query.user_id
    for index, term in enumerate(_terms(query)):
        params[f"term{index}"] = f"%{like_escape(fold(term))}%"
        if _CPR_TERM.match(term):
            digits = term.replace("-", "")
            params[f"cpr_from{index}"] = digits
            params[f"cpr_to{index}"] = digits[:-1] + chr(ord(digits[-1]) + 1)
    return params


def case_list_statement(
    query: CaseListQuery, offset: int = 0, limit: int = PAGE_SIZE, grouped: bool = False
) -> Select[Any]:
    """The page statement with its parameters bound (for EXPLAIN, tests and benchmarks);
    ``grouped``: the shape for a caseworker's role on a shared server."""
    page, _count = _shape(query, grouped)
    return page.offset(offset).limit(limit).params(_parameters(query))


def count_cases(session: Session, query: CaseListQuery) -> int:
    _page, count = _shape(query)
    if clean_search(query.search):  # once per query (the count), not per page
        audit.record_now(session, audit.SEARCH, object_type="case", search_term=clean_search(query.search))
    return int(session.connection().scalar(count, _parameters(query)) or 0)


def fetch_case_rows(
    session: Session, query: CaseListQuery, offset: int = 0, limit: int = PAGE_SIZE
) -> list[CaseRow]:
    page, _count = _shape(query, _grouped(session))
    result = session.connection().execute(page.offset(offset).limit(limit), _parameters(query))
    return [
        CaseRow(
            id=row.id,
            number=row.number,
            title=row.title,
            cpr_masked=mask_cpr(row.cpr6),
            coordinator=row.coordinator,
            model=CoordinationModel(row.model),
            status=CaseStatus(row.status),
            next_meeting=_aware(row.next_meeting),
            follow_up_due=row.follow_up_due,
            open_agreements=int(row.open_agreements or 0),
            turning_18=bool(row.turning_18),
            today=query.today,
        )
        for row in result
    ]


def _aware(value: datetime | str | None) -> datetime | None:
    """Defensive: make sure a timestamp from an aggregate reads back as aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
