"""The demo generator's meetings and plan of one case: the meetings held and planned at the
case's follow-up interval, and a plan version approved at the last one held, with goals,
scores, agreements and the family's consent."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from app.models import (
    Agreement,
    Consent,
    Goal,
    GoalMember,
    GoalScore,
    Meeting,
    MeetingParticipant,
    PlanVersion,
)
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    ConsentCapacity,
    GoalLevel,
    MeetingKind,
    MeetingStatus,
    PlanState,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.common.clock import LOCAL_TZ
from app.services.demo import demo_content as content
from app.services.demo.rows import Batch, DemoSummary, Person
from app.services.privacy.sharing import Party, PartyKind, encode_info_types, encode_parties

# What the demo families consented to share, and with whom (app/services/privacy/sharing.py).
DEMO_INFO_TYPES = encode_info_types(["plan", "social", "school", "employment", "family"])
DEMO_PARTIES = encode_parties(
    [
        Party(PartyKind.SECTOR, sector.value)
        for sector in (
            Sector.SOCIAL_CHILDREN,
            Sector.SOCIAL_ADULTS,
            Sector.EDUCATION,
            Sector.DAYCARE,
            Sector.EMPLOYMENT,
        )
    ]
)


# Per goal set, whom its overall, sub- and progression goal concern (indexes into the people).
GoalMembers = tuple[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]], ...]


class CaseRecords:
    """Meetings and plans, written into the generator's batch."""

    def __init__(self, batch: Batch, rng: random.Random, today: date, summary: DemoSummary) -> None:
        self.batch = batch
        self.rng = rng
        self.today = today
        self.summary = summary

    def meetings(
        self,
        case_id: int,
        opened: date,
        interval: int,
        status: CaseStatus,
        citizen_ids: list[int],
        professionals: list[int],
        coordinator_id: int,
    ) -> tuple[date | None, list[int]]:
        rng, today = self.rng, self.today
        held: list[int] = []
        last_held: date | None = None
        day = opened + timedelta(days=rng.randrange(3, 14))
        overdue = rng.random() < 0.15  # some cases slip: no meeting in the last interval
        while day < today - timedelta(days=interval if overdue else 1):
            kind = MeetingKind.START if not held else rng.choice([MeetingKind.FOLLOW_UP, MeetingKind.NETWORK])
            held.append(
                self._meeting(
                    case_id, day, kind, MeetingStatus.HELD, citizen_ids, professionals, coordinator_id
                )
            )
            last_held = day
            day += timedelta(days=interval)
        if status in (CaseStatus.ACTIVE, CaseStatus.CANDIDATE) and rng.random() < 0.85:
            upcoming = (last_held or opened) + timedelta(days=interval)
            if upcoming <= today:  # behind schedule: the next meeting is being arranged
                upcoming = today + timedelta(days=rng.randrange(2, 28))
            upcoming = min(upcoming, today + timedelta(days=60))
            while upcoming.weekday() >= 5:
                upcoming += timedelta(days=1)
            self._meeting(
                case_id,
                upcoming,
                MeetingKind.FOLLOW_UP if held else MeetingKind.START,
                MeetingStatus.PLANNED,
                citizen_ids,
                professionals,
                coordinator_id,
            )
        return last_held, held

    def _meeting(
        self,
        case_id: int,
        day: date,
        kind: MeetingKind,
        status: MeetingStatus,
        citizen_ids: list[int],
        professionals: list[int],
        coordinator_id: int,
    ) -> int:
        rng = self.rng
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        hour = rng.choice([9, 10, 13, 14])
        starts = datetime.combine(day, time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)
        mid = self.batch.add(
            Meeting,
            case_id=case_id,
            kind=kind,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1, minutes=30),
            place=rng.choice(
                ["Rådhuset, mødelokale 2", "Familiens hjem", "Skolen", "Borgerservice, lokale 4"]
            ),
            video_link="",
            status=status,
            interpreter_needed=False,
            agenda="",
            minutes=content.MINUTES if status == MeetingStatus.HELD else "",
            ical_uid="",  # set below from the row id, unique in the store
            ical_sequence=0,
        )
        token = uuid.UUID(int=rng.getrandbits(128), version=4)
        self.batch.rows[Meeting][-1]["ical_uid"] = f"demo-{mid}-{token}@koordinator"
        self.summary.meetings += 1
        for cid in citizen_ids[:2]:
            self.batch.add(
                MeetingParticipant,
                meeting_id=mid,
                citizen_id=cid,
                attended=True if status == MeetingStatus.HELD else None,
            )
        for pid in professionals[:3]:
            self.batch.add(
                MeetingParticipant,
                meeting_id=mid,
                professional_id=pid,
                attended=True if status == MeetingStatus.HELD else None,
            )
        self.batch.add(
            MeetingParticipant,
            meeting_id=mid,
            user_id=coordinator_id,
            attended=True if status == MeetingStatus.HELD else None,
        )
        return mid

    def plan(
        self,
        case_id: int,
        people: list[Person],
        citizen_ids: list[int],
        held: list[int],
        professionals: list[int],
        coordinator_id: int,
        kind: str,
        goals: tuple[tuple[str, str, str], ...] | None,
        goal_members: GoalMembers | None = None,
    ) -> None:
        """``goal_members``: per goal set, whom each of its three goals concerns (indexes
        into ``people``; none: the whole family); else each set concerns one person."""
        rng, today = self.rng, self.today
        meeting_rows = {r["id"]: r for r in self.batch.rows[Meeting][-len(held) - 1 :]}
        approved_at = held[-1]
        approved_on = (
            meeting_rows[approved_at]["starts_at"].astimezone(LOCAL_TZ).date()
            if approved_at in meeting_rows
            else today
        )
        goal_sets = goals or (content.GOALS_ADULT if kind == "adult" else content.GOALS_FAMILY)
        goal_sets = goal_sets[: rng.randrange(1, len(goal_sets) + 1)] if goals is None else goal_sets
        keys = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in goal_sets]
        for number, state in ((1, PlanState.APPROVED), (2, PlanState.DRAFT)):
            if state == PlanState.DRAFT and rng.random() < 0.5 and goals is None:
                break
            pv = self.batch.add(
                PlanVersion,
                case_id=case_id,
                number=number,
                state=state,
                approved_on=approved_on if state == PlanState.APPROVED else None,
                meeting_id=approved_at if state == PlanState.APPROVED else None,
                participants=", ".join(f"{p.first} {p.last}" for p in people[:2]),
                summary="Familien har brug for, at indsatserne hænger sammen og kommer i den rigtige rækkefølge.",
                family_views="Vi vil gerne have ro på hverdagen og én person at ringe til.",
                resources="Stærkt netværk hos bedsteforældrene.",
                barriers="Mange møder i arbejdstiden.",
                sequencing="Først ro i hverdagen, så praktik.",
                follow_up="Koordinatoren indkalder hver 6. uge.",
                closing="Planen slutter, når målene er nået.",
            )
            for position, (overall, sub, progression) in enumerate(goal_sets):
                one = (min(position, len(citizen_ids) - 1),)
                concerns = goal_members[position] if goal_members is not None else (one, one, one)
                g1 = self.batch.add(
                    Goal,
                    plan_version_id=pv,
                    goal_key=keys[position],
                    parent_id=None,
                    level=GoalLevel.OVERALL,
                    text=overall,
                    target_date=today + timedelta(days=180),
                    position=position * 3,
                )
                g2 = self.batch.add(
                    Goal,
                    plan_version_id=pv,
                    goal_key=keys[position][:-4] + "sub0",
                    parent_id=g1,
                    level=GoalLevel.SUB,
                    text=sub,
                    target_date=today + timedelta(days=90),
                    position=position * 3 + 1,
                )
                g3 = self.batch.add(
                    Goal,
                    plan_version_id=pv,
                    goal_key=keys[position][:-4] + "prg0",
                    parent_id=g2,
                    level=GoalLevel.PROGRESSION,
                    text=progression,
                    target_date=today + timedelta(days=42),
                    position=position * 3 + 2,
                )
                for goal_id, indexes in zip((g1, g2, g3), concerns, strict=True):
                    for index in indexes:
                        self.batch.add(GoalMember, goal_id=goal_id, citizen_id=citizen_ids[index])
            for position in range(rng.randrange(2, 5)):
                who = rng.choice(list(ResponsibleKind))
                self.batch.add(
                    Agreement,
                    plan_version_id=pv,
                    what=rng.choice(content.AGREEMENTS),
                    responsible_kind=who,
                    responsible_citizen_id=citizen_ids[0] if who == ResponsibleKind.MEMBER else None,
                    responsible_professional_id=professionals[0]
                    if who == ResponsibleKind.PROFESSIONAL and professionals
                    else None,
                    responsible_user_id=coordinator_id
                    if who == ResponsibleKind.COORDINATOR
                    or (who == ResponsibleKind.PROFESSIONAL and not professionals)
                    else None,
                    due_date=today + timedelta(days=rng.randrange(-20, 60)),
                    status=rng.choices([AgreementStatus.OPEN, AgreementStatus.DONE], [70, 30])[0],
                    position=position,
                )
        for index, meeting_id in enumerate(held[-4:]):
            day = (
                meeting_rows[meeting_id]["starts_at"].astimezone(LOCAL_TZ).date()
                if meeting_id in meeting_rows
                else today
            )
            for key in keys:
                self.batch.add(
                    GoalScore,
                    case_id=case_id,
                    goal_key=key,
                    scored_on=day,
                    family_score=min(10, 3 + index + rng.randrange(0, 2)),
                    professional_score=min(10, 2 + index + rng.randrange(0, 3)),
                )
        holders = [(p, c) for p, c in zip(people, citizen_ids, strict=True) if p.custody] or [
            (people[0], citizen_ids[0])
        ]
        for person, cid in zip(people, citizen_ids, strict=True):
            # A child's information is shared on every custody holder's consent; health
            # information is left out of the demo's consents (it needs its own).
            givers = holders if person.relation == Relation.CHILD else [(person, cid)]
            for giver, giver_id in givers:
                self.batch.add(
                    Consent,
                    citizen_id=cid,
                    case_id=case_id,
                    given_by_citizen_id=giver_id,
                    given_by_name=f"{giver.first} {giver.last}",
                    capacity=ConsentCapacity.SELF
                    if kind == "adult" or person.relation != Relation.CHILD
                    else ConsentCapacity.CUSTODY_HOLDER,
                    info_types=DEMO_INFO_TYPES,
                    parties=DEMO_PARTIES,
                    purpose="Én fælles plan for familien",
                    given_on=approved_on - timedelta(days=7),
                )
