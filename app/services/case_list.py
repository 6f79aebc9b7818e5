"""The case list: one Core query; filtering, sorting and paging happen in SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import Agreement, Case, Citizen, FamilyMember, Meeting, PlanVersion, User
from app.models.enums import AgreementStatus, CaseStatus, CoordinationModel, MeetingStatus
from app.services.cpr import mask_cpr
from app.services.text import fold, like_escape

PAGE_SIZE = 200
_CPR_TERM = re.compile(r"^\d{4,6}-?\d{0,4}$")


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


def _columns(query: CaseListQuery) -> dict[SortKey, ColumnElement[object]]:
    c = Case.__table__.c
    pv, pv_latest = aliased(PlanVersion), aliased(PlanVersion)
    ci, fm = aliased(Citizen), aliased(FamilyMember)
    next_meeting = (
        select(func.min(Meeting.starts_at))
        .where(
            Meeting.case_id == c.id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at >= query.now,
        )
        .scalar_subquery()
    )
    latest_number = select(func.max(pv_latest.number)).where(pv_latest.case_id == c.id)
    open_agreements = (
        select(func.count(Agreement.id))
        .join(pv, pv.id == Agreement.plan_version_id)
        .where(
            pv.case_id == c.id,
            pv.number == latest_number.scalar_subquery(),
            Agreement.status == AgreementStatus.OPEN,
        )
        .scalar_subquery()
    )
    single_cpr = select(func.substr(ci.cpr, 1, 6)).where(ci.id == c.citizen_id).scalar_subquery()
    family_cpr = (
        select(func.substr(ci.cpr, 1, 6))
        .join(fm, fm.citizen_id == ci.id)
        .where(fm.family_id == c.family_id)
        .order_by(fm.position, fm.id)
        .limit(1)
        .scalar_subquery()
    )
    low, high = turning_18_window(query.today)
    youth = and_(ci.birth_date > low, ci.birth_date <= high)
    turning_18 = case(
        (
            or_(
                exists(
                    select(1)
                    .select_from(fm)
                    .join(ci, ci.id == fm.citizen_id)
                    .where(fm.family_id == c.family_id, youth)
                ),
                exists(select(1).select_from(ci).where(ci.id == c.citizen_id, youth)),
            ),
            literal(1),
        ),
        else_=literal(0),
    )
    return {
        SortKey.NUMBER: c.number,
        SortKey.TITLE: c.title,
        SortKey.CPR: func.coalesce(single_cpr, family_cpr),
        SortKey.COORDINATOR: User.full_name,
        SortKey.MODEL: c.model,
        SortKey.STATUS: c.status,
        SortKey.NEXT_MEETING: next_meeting,
        SortKey.FOLLOW_UP_DUE: c.follow_up_due,
        SortKey.OPEN_AGREEMENTS: open_agreements,
        SortKey.FLAGS: turning_18,
    }


def _filters(query: CaseListQuery) -> list[ColumnElement[bool]]:
    c = Case.__table__.c
    conditions: list[ColumnElement[bool]] = []
    if query.scope == Scope.MINE:
        conditions.append(or_(c.coordinator_id == query.user_id, c.partner_id == query.user_id))
    for term in query.search.split():
        folded = fold(term)
        text_match = c.search_text.like(f"%{like_escape(folded)}%", escape="\\")
        if _CPR_TERM.match(term):
            digits = term.replace("-", "")
            ci, fm = aliased(Citizen), aliased(FamilyMember)
            cpr_like = ci.cpr.like(f"{digits}%")
            cpr_match = or_(
                exists(
                    select(1)
                    .select_from(fm)
                    .join(ci, ci.id == fm.citizen_id)
                    .where(fm.family_id == c.family_id, cpr_like)
                ),
                exists(select(1).select_from(ci).where(ci.id == c.citizen_id, cpr_like)),
            )
            conditions.append(or_(text_match, cpr_match))
        else:
            conditions.append(text_match)
    return conditions


def case_list_statement(query: CaseListQuery, offset: int = 0, limit: int = PAGE_SIZE) -> Select:  # type: ignore[type-arg]
    cols = _columns(query)
    c = Case.__table__.c
    order = cols[query.sort]
    order = order.desc() if query.descending else order.asc()
    stmt = (
        select(
            c.id,
            c.number,
            c.title,
            cols[SortKey.CPR].label("cpr6"),
            User.full_name.label("coordinator"),
            c.model,
            c.status,
            cols[SortKey.NEXT_MEETING].label("next_meeting"),
            c.follow_up_due,
            cols[SortKey.OPEN_AGREEMENTS].label("open_agreements"),
            cols[SortKey.FLAGS].label("turning_18"),
        )
        .select_from(Case.__table__.join(User.__table__, User.id == c.coordinator_id))
        .where(*_filters(query))
        .order_by(order.nulls_last(), c.id)
        .offset(offset)
        .limit(limit)
    )
    return stmt


def count_cases(session: Session, query: CaseListQuery) -> int:
    stmt = select(func.count()).select_from(Case.__table__).where(*_filters(query))
    return int(session.scalar(stmt) or 0)


def fetch_case_rows(
    session: Session, query: CaseListQuery, offset: int = 0, limit: int = PAGE_SIZE
) -> list[CaseRow]:
    result = session.execute(case_list_statement(query, offset, limit))
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
