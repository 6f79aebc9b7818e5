"""Reading a case's journal: its entries newest first, each with its corrections beside it,
and what an entry can be linked to. Every read the user asks for is in the audit log.
Qt-free; times handed out in Copenhagen time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Agreement,
    Citizen,
    Intervention,
    JournalEntry,
    JournalEntryMember,
    Meeting,
    PlanVersion,
    User,
)
from app.models.enums import JournalKind, MeetingKind, MeetingStatus
from app.services.common import audit
from app.services.common.clock import to_local
from app.services.common.editing import RowGoneError
from app.services.common.store_settings import journal_lock_hours
from app.services.journal.journal import JournalInput, case_citizen_ids, is_locked, lock_clock, locks_at
from app.store.reach import narrowed_to

READ_OBJECT_TYPE = "journal"


@dataclass(frozen=True, slots=True)
class MeetingChoice:
    id: int
    kind: MeetingKind
    starts_at: datetime  # local
    status: MeetingStatus


@dataclass(frozen=True, slots=True)
class InterventionChoice:
    id: int
    title: str
    citizen_id: int


@dataclass(frozen=True, slots=True)
class AgreementChoice:
    key: str
    what: str  # as the newest plan version of the case says


@dataclass(frozen=True, slots=True)
class LinkChoices:
    """What an entry of the case can be linked to (newest first)."""

    meetings: tuple[MeetingChoice, ...] = ()
    interventions: tuple[InterventionChoice, ...] = ()
    agreements: tuple[AgreementChoice, ...] = ()

    def meeting(self, meeting_id: int | None) -> MeetingChoice | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def intervention(self, intervention_id: int | None) -> InterventionChoice | None:
        return next((i for i in self.interventions if i.id == intervention_id), None)

    def agreement(self, key: str | None) -> AgreementChoice | None:
        return next((a for a in self.agreements if a.key == key), None)


@dataclass(frozen=True, slots=True)
class EntryView:
    id: int
    case_id: int
    kind: JournalKind
    occurred_at: datetime  # local
    author_id: int
    author_name: str
    subject: str
    text: str
    member_ids: tuple[int, ...]
    member_names: tuple[str, ...]
    meeting_id: int | None
    intervention_id: int | None
    agreement_key: str | None
    corrects_id: int | None
    created_at: datetime  # local
    locks_at: datetime  # local: from then on it is corrected, not changed
    locked: bool  # when it was read
    version: int
    corrections: tuple[EntryView, ...] = ()  # of an original: oldest first

    @property
    def heading(self) -> str:
        """The subject, or else the text's first line (the list shows one line)."""
        if self.subject.strip():
            return self.subject.strip()
        return next((line.strip() for line in self.text.splitlines() if line.strip()), "")

    def locked_at(self, now: datetime) -> bool:
        """Whether it is locked at ``now`` (it may lock while shown)."""
        return self.locked or now > self.locks_at

    def as_input(self) -> JournalInput:
        return JournalInput(
            kind=self.kind,
            occurred_at=self.occurred_at,
            subject=self.subject,
            text=self.text,
            member_ids=self.member_ids,
            meeting_id=self.meeting_id,
            intervention_id=self.intervention_id,
            agreement_key=self.agreement_key,
        )


@dataclass(frozen=True, slots=True)
class JournalView:
    case_id: int
    lock_hours: int
    entries: tuple[EntryView, ...]  # the originals, newest first, each with its corrections
    links: LinkChoices
    member_id: int | None = None  # the filter the view was read with

    def find(self, entry_id: int) -> EntryView | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
            for correction in entry.corrections:
                if correction.id == entry_id:
                    return correction
        return None

    def flat(self) -> list[EntryView]:
        """Every entry in the order shown: an original, then its corrections."""
        return [e for entry in self.entries for e in (entry, *entry.corrections)]


def link_choices(session: Session, case_id: int) -> LinkChoices:
    """The case's meetings, interventions and agreements (by key, as last worded)."""
    meetings = tuple(
        MeetingChoice(m.id, m.kind, to_local(m.starts_at), m.status)
        for m in session.scalars(
            select(Meeting).where(Meeting.case_id == case_id).order_by(Meeting.starts_at.desc(), Meeting.id)
        )
    )
    interventions = tuple(
        InterventionChoice(i.id, i.title, i.citizen_id)
        for i in session.scalars(
            select(Intervention)
            .where(Intervention.case_id == case_id)
            .order_by(Intervention.start_date.desc(), Intervention.id)
        )
    )
    rows = session.execute(
        select(Agreement.agreement_key, Agreement.what)
        .join(PlanVersion, PlanVersion.id == Agreement.plan_version_id)
        .where(PlanVersion.case_id == case_id)
        .order_by(PlanVersion.number.desc(), Agreement.position, Agreement.id)
    )
    agreements: dict[str, AgreementChoice] = {}
    for key, what in rows:
        agreements.setdefault(key, AgreementChoice(key, what))
    return LinkChoices(meetings, interventions, tuple(agreements.values()))


def load_journal(
    session: Session, case_id: int, *, member_id: int | None = None, opened: bool = True
) -> JournalView:
    """The case's journal, newest first, each correction together with the entry it corrects;
    with ``member_id`` only the entries concerning that person (an entry and its corrections
    stay together when one of them does). ``opened``: the user reads it (a lookup for the
    audit log); a re-read of what is shown after a change is not."""
    if opened:
        audit.record_now(
            session,
            audit.OPEN_CASE,
            object_type=READ_OBJECT_TYPE,
            object_id=case_id,
            case_id=case_id,
            citizen_id=member_id,
        )
    with narrowed_to(session, [case_id]):
        hours = journal_lock_hours(session)
        rows = list(session.scalars(select(JournalEntry).where(JournalEntry.case_id == case_id)))
        ids = [e.id for e in rows]
        members: dict[int, list[int]] = {i: [] for i in ids}
        if ids:
            for entry_id, citizen_id in session.execute(
                select(JournalEntryMember.entry_id, JournalEntryMember.citizen_id)
                .where(JournalEntryMember.entry_id.in_(ids))
                .order_by(JournalEntryMember.id)
            ):
                members[entry_id].append(citizen_id)
        cited = {c for found in members.values() for c in found} | case_citizen_ids(session, case_id)
        names = {c.id: c.full_name for c in session.scalars(select(Citizen).where(Citizen.id.in_(cited)))}
        authors = {u.id: u.full_name or u.login for u in session.scalars(select(User))}
        links = link_choices(session, case_id)
        now = lock_clock(session)

    def view(entry: JournalEntry, corrections: tuple[EntryView, ...] = ()) -> EntryView:
        cited_here = tuple(members[entry.id])
        return EntryView(
            id=entry.id,
            case_id=entry.case_id,
            kind=entry.kind,
            occurred_at=to_local(entry.occurred_at),
            author_id=entry.author_id,
            author_name=authors.get(entry.author_id, ""),
            subject=entry.subject,
            text=entry.text,
            member_ids=cited_here,
            member_names=tuple(names.get(c, "") for c in cited_here),
            meeting_id=entry.meeting_id,
            intervention_id=entry.intervention_id,
            agreement_key=entry.agreement_key,
            corrects_id=entry.corrects_id,
            created_at=to_local(entry.created_at),
            locks_at=to_local(locks_at(entry.created_at, hours)),
            locked=is_locked(entry.created_at, hours, now),
            version=entry.version,
            corrections=corrections,
        )

    by_original: dict[int, list[JournalEntry]] = {}
    known = set(ids)
    for entry in rows:
        if entry.corrects_id is not None and entry.corrects_id in known:
            by_original.setdefault(entry.corrects_id, []).append(entry)
    originals = [e for e in rows if e.corrects_id is None or e.corrects_id not in known]
    originals.sort(key=lambda e: (e.occurred_at, e.id), reverse=True)
    entries = []
    for entry in originals:
        chain = sorted(by_original.get(entry.id, []), key=lambda e: (e.created_at, e.id))
        if member_id is not None and all(member_id not in members[e.id] for e in (entry, *chain)):
            continue
        entries.append(view(entry, tuple(view(c) for c in chain)))
    return JournalView(case_id, hours, tuple(entries), links, member_id)


def load_entry(session: Session, entry_id: int) -> EntryView:
    """One entry as the journal shows it now (a re-read of what is shown: not logged).
    RowGoneError when it is no longer there or out of reach."""
    case_id = session.scalar(select(JournalEntry.case_id).where(JournalEntry.id == entry_id))
    found = None if case_id is None else load_journal(session, case_id, opened=False).find(entry_id)
    if found is None:
        raise RowGoneError(f"journal_entries {entry_id}")
    return found
