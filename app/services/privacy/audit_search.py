"""The audit log as the administrators' viewer reads it: search by citizen, user and
period, rows as plain data with masked CPR numbers, and the logged CSV export.

Viewing the log is not a lookup of a citizen: these reads write no audit entry. An
export does (EXPORT).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Case, Citizen
from app.services.common import audit
from app.services.common.clock import LOCAL_TZ
from app.services.common.cpr import mask_cpr
from app.services.common.text import fold

MAX_CITIZENS = 50  # a citizen search matching more is too broad to be meant
_CPR_TERM = re.compile(r"^[0-9]{4,6}-?[0-9]{0,4}$")
_SUMMARY_LENGTH = 80
VIEWER_ROWS = 2000  # the newest shown; the export writes every entry


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One entry as plain data (built on the worker thread)."""

    id: int
    occurred_at: datetime
    user_login: str
    department: str
    action: str
    case_number: str
    citizen: str  # "Name (DDMMYY-XXXX)" or ""
    summary: str


@dataclass(frozen=True, slots=True)
class ViewerRows:
    rows: list[AuditRow]
    more: bool  # older entries match too (only the newest VIEWER_ROWS are shown)


@dataclass(frozen=True, slots=True)
class ViewerQuery:
    citizen_ids: tuple[int, ...] | None  # None: no citizen filter
    user_login: str
    start: datetime
    end: datetime

    def conditions(self, session: Session) -> list[ColumnElement[bool]]:
        return audit.entry_conditions(session, self.citizen_ids, self.user_login, self.start, self.end)


def find_citizen_ids(session: Session, term: str, limit: int = MAX_CITIZENS) -> list[int]:
    """Citizens whose name contains every word of ``term`` (case-folded), or whose CPR
    number starts with ``term`` (digits, with or without the hyphen). Writes no audit entry."""
    term = term.strip()
    if not term:
        return []
    if _CPR_TERM.match(term):
        digits = term.replace("-", "")
        stmt = select(Citizen.id).where(Citizen.cpr.like(f"{digits}%")).order_by(Citizen.id).limit(limit)
        return list(session.scalars(stmt))
    words = fold(term).split()
    found = []
    for cid, first, last in session.execute(
        select(Citizen.id, Citizen.first_name, Citizen.last_name).order_by(Citizen.id)
    ):
        name = fold(f"{first} {last}")
        if all(w in name for w in words):
            found.append(cid)
            if len(found) >= limit:
                break
    return found


def query_entries(
    session: Session, query: ViewerQuery, limit: int | None = None
) -> tuple[list[AuditEvent], bool]:
    """The newest ``limit`` entries matching the query, oldest first, and whether older ones
    were left out (found through the indexes on the time, the user and the citizen: a log of
    millions of entries is never read whole for the viewer). ``limit``: VIEWER_ROWS."""
    limit = VIEWER_ROWS if limit is None else limit
    if query.citizen_ids == ():
        return [], False  # the citizen search matched no one
    stmt = (
        select(AuditEvent)
        .where(*query.conditions(session))
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(limit + 1)
    )
    newest = list(session.scalars(stmt))
    return newest[:limit][::-1], len(newest) > limit


def summarise(entry: AuditEvent) -> str:
    """A short text: the search term, the purpose, or the changed fields' names."""
    if entry.search_term:
        text = entry.search_term
    elif entry.purpose:
        text = entry.purpose
    elif entry.details:
        text = entry.details
        try:
            parsed: Any = json.loads(entry.details)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            fields = parsed.get("fields")
            if isinstance(fields, dict):
                text = ", ".join(sorted(fields))
            else:
                text = ", ".join(f"{k}: {v}" for k, v in sorted(parsed.items()))
    else:
        text = ""
    text = audit.mask_cpr_in(" ".join(text.split()))
    return text if len(text) <= _SUMMARY_LENGTH else text[: _SUMMARY_LENGTH - 1] + "…"


def load_rows(session: Session, query: ViewerQuery) -> ViewerRows:
    entries, more = query_entries(session, query)
    case_ids = {e.case_id for e in entries if e.case_id is not None}
    citizen_ids = {e.citizen_id for e in entries if e.citizen_id is not None}
    numbers: dict[int, str] = {}
    if case_ids:
        numbers = {
            cid: number
            for cid, number in session.execute(
                select(Case.id, Case.number).where(Case.id.in_(sorted(case_ids)))
            )
        }
    people: dict[int, str] = {}
    if citizen_ids:
        for cid, first, last, cpr in session.execute(
            select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.cpr).where(
                Citizen.id.in_(sorted(citizen_ids))
            )
        ):
            masked = mask_cpr((cpr or "")[:6])
            people[cid] = f"{first} {last}".strip() + (f" ({masked})" if masked else "")
    rows = [
        AuditRow(
            id=e.id,
            occurred_at=e.occurred_at,
            user_login=e.user_login,
            department=e.department,
            action=e.action,
            case_number=numbers.get(e.case_id, "") if e.case_id is not None else "",
            citizen=(people.get(e.citizen_id, f"#{e.citizen_id}") if e.citizen_id is not None else ""),
            summary=summarise(e),
        )
        for e in entries
    ]
    return ViewerRows(rows, more)


def local_day_start(day: date) -> datetime:
    """Local midnight of ``day`` (aware, Europe/Copenhagen)."""
    return datetime.combine(day, time(0, 0), tzinfo=LOCAL_TZ)


def search_rows(session: Session, base: ViewerQuery, term: str) -> tuple[ViewerQuery, ViewerRows]:
    """The rows of ``base``, narrowed to the citizens matching ``term`` when one is given
    (the query actually run is returned with them, for a later export)."""
    query = base
    if term.strip():
        ids = tuple(find_citizen_ids(session, term))
        query = ViewerQuery(ids, base.user_login, base.start, base.end)
    return query, load_rows(session, query)


def export_csv(session: Session, query: ViewerQuery, target: Path) -> int:
    """Write the query's entries to ``target`` as CSV (atomically) and log the export;
    the number of rows written. Call inside a transaction: the log entry is part of it."""
    count = audit.export_entries(session, query.conditions(session), target)
    citizen_ids = query.citizen_ids or ()
    audit.record(
        session,
        audit.EXPORT,
        object_type="audit_log",
        citizen_id=citizen_ids[0] if len(citizen_ids) == 1 else None,
        details={
            "rows": count,
            "user": query.user_login,
            "from": query.start.date().isoformat(),
            "to": (query.end.date() - timedelta(days=1)).isoformat(),
            "citizens": len(citizen_ids) if query.citizen_ids is not None else None,
        },
    )
    return count
