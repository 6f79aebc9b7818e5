"""Rows for "Min dag" tests: cases, meetings, tasks, agreements and changes made by a chosen
login at a chosen moment, written straight to a store (any store: SQLite, PostgreSQL)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import count
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models import (
    Agreement,
    Case,
    Document,
    Intervention,
    JournalEntry,
    LawSection,
    Meeting,
    MeetingParticipant,
    PlanVersion,
    Task,
)
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    DocumentKind,
    InterventionStatus,
    JournalKind,
    MeetingKind,
    MeetingStatus,
    PlanState,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import from_local
from app.services.common.cpr import fictional_cpr
from app.services.common.users import UserInfo, ensure_user
from app.startup import session_factory

_serial = count(1)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Copenhagen wall-clock time as an aware moment."""
    return from_local(day, time(hour, minute))


@dataclass
class Builder:
    """Writes as ``login`` (the store stamps it on what it writes)."""

    sessions: sessionmaker[Session]

    @classmethod
    def on(cls, engine: Any, login: str) -> Builder:
        return cls(session_factory(engine, user=login))

    def user(self, login: str, full_name: str) -> UserInfo:
        with self.sessions.begin() as s:
            info = ensure_user(s, login)
            s.execute(update(info_table()).where(info_table().c.id == info.id).values(full_name=full_name))
        return UserInfo(info.id, login, full_name, "", "")

    def case(
        self,
        coordinator: int,
        partner: int | None = None,
        *,
        follow_up: date | None = None,
        status: CaseStatus = CaseStatus.ACTIVE,
        today: date = date(2026, 12, 3),
    ) -> int:
        n = next(_serial)
        cpr = fictional_cpr(date(1970, 1, 1) + timedelta(days=37 * n), n % 2 == 0, random.Random(f"day-{n}"))
        data = CaseInput(
            single_citizen=True,
            members=[MemberInput("Ida", f"Dagsen{n}", cpr, Relation.OTHER)],
            coordinator_id=coordinator,
            partner_id=partner,
        )
        with self.sessions.begin() as s:
            case = create_case(s, data, today)
            case.follow_up_due = follow_up
            case.status = status
            return case.id

    def meeting(
        self,
        case_id: int,
        starts: datetime,
        *,
        minutes: int = 60,
        status: MeetingStatus = MeetingStatus.PLANNED,
        participants: tuple[int, ...] = (),
    ) -> int:
        with self.sessions.begin() as s:
            meeting = Meeting(
                case_id=case_id,
                kind=MeetingKind.NETWORK,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=minutes),
                status=status,
                place="Rådhuset",
                ical_uid=f"{uuid.uuid4()}@test",
            )
            meeting.participants = [MeetingParticipant(user_id=u) for u in participants]
            s.add(meeting)
            s.flush()
            return meeting.id

    def task(
        self,
        assignee: int,
        due: date | None,
        case_id: int | None = None,
        *,
        done: bool = False,
        what: str = "Ringe til skolen",
    ) -> int:
        with self.sessions.begin() as s:
            task = Task(
                case_id=case_id,
                what=what,
                due_date=due,
                assigned_to_id=assignee,
                done_at=local(due or date(2026, 1, 1), 12) if done else None,
            )
            s.add(task)
            s.flush()
            return task.id

    def plan(self, case_id: int, number: int = 1) -> int:
        with self.sessions.begin() as s:
            pv = PlanVersion(case_id=case_id, number=number, state=PlanState.DRAFT)
            s.add(pv)
            s.flush()
            return pv.id

    def agreement(
        self,
        plan_id: int,
        due: date | None,
        *,
        responsible: int | None = None,
        status: AgreementStatus = AgreementStatus.OPEN,
        what: str = "Anna ringer til skolen",
    ) -> int:
        with self.sessions.begin() as s:
            agreement = Agreement(
                plan_version_id=plan_id,
                what=what,
                responsible_kind=ResponsibleKind.COORDINATOR if responsible else None,
                responsible_user_id=responsible,
                due_date=due,
                status=status,
            )
            s.add(agreement)
            s.flush()
            return agreement.id

    def journal(self, case_id: int, author: int, at: datetime) -> int:
        with self.sessions.begin() as s:
            entry = JournalEntry(
                case_id=case_id,
                kind=JournalKind.PHONE,
                occurred_at=at,
                author_id=author,
                subject="Opkald",
                text="Mor ringede om skolen.",
                created_at=at,
                updated_at=at,
            )
            s.add(entry)
            s.flush()
            return entry.id

    def document(self, case_id: int, at: datetime) -> int:
        with self.sessions.begin() as s:
            doc = Document(
                case_id=case_id,
                title="Skoleudtalelse",
                kind=DocumentKind.REPORT,
                received_on=at.date(),
                created_at=at,
                updated_at=at,
            )
            s.add(doc)
            s.flush()
            return doc.id

    def intervention(self, case_id: int, start: date, code: str = "BL-32-1") -> int:
        with self.sessions.begin() as s:
            case = s.get(Case, case_id)
            assert case is not None and case.citizen_id is not None
            section = s.scalar(select(LawSection.id).where(LawSection.code == code))
            item = Intervention(
                case_id=case_id,
                citizen_id=case.citizen_id,
                law_section_id=section,
                title="Familiebehandling",
                sector=Sector.SOCIAL_CHILDREN,
                start_date=start,
                status=InterventionStatus.ACTIVE,
            )
            s.add(item)
            s.flush()
            return item.id

    def touch(self, table: Any, row_id: int, at: datetime) -> None:
        """Change a row as this login, at ``at`` (its version moves on, as any change's does)."""
        with self.sessions.begin() as s:
            s.execute(
                update(table)
                .where(table.c.id == row_id)
                .values(updated_at=at, updated_by=s.info["user"], version=table.c.version + 1)
            )


def info_table() -> Any:
    from app.models import User

    return User.__table__
