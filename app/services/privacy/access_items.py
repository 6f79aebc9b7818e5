"""What the store holds about one person, item by item, for an access request
(app/services/privacy/access_request.py), in the printed words of the person's copy (Danish).

An item concerns the person when it names them, or when it belongs to a case of theirs alone:

* plan versions (approved and drafts) and meetings with their minutes: every one of every
  case the person is in (a family's plan and meetings are about each member);
* journal entries and documents: those with the person among the members they concern, and
  every one of the person's own case;
* consents about the person's data and those the person gave;
* tasks of the person's cases, except one made from an agreement another member of the
  family is responsible for;
* interventions (indsatser) for the person.

The journal, task and document tables are read directly (their services are not needed).
Free text keeps its words, but CPR-shaped numbers in it are hidden (they may be someone
else's). Qt-free."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Agreement,
    Citizen,
    Consent,
    Document,
    DocumentFile,
    DocumentMember,
    Goal,
    Intervention,
    JournalEntry,
    JournalEntryMember,
    Meeting,
    MeetingParticipant,
    PlanVersion,
    Professional,
    Task,
    User,
)
from app.models.enums import (
    ConsentCapacity,
    ConsentDirection,
    ConsentForm,
    DocumentKind,
    InterventionStatus,
    JournalKind,
    MeetingStatus,
    PlanState,
    TaskSource,
)
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.privacy.access_request import Block, CaseLine, HeldItem, ItemKind, Line, Person
from app.services.privacy.sharing import INFO_TYPES, decode_info_types, decode_parties

KIND_LABEL = {
    ItemKind.PLAN: "Plan",
    ItemKind.JOURNAL: "Journalnotat",
    ItemKind.MEETING: "Møde",
    ItemKind.CONSENT: "Samtykke",
    ItemKind.DOCUMENT: "Dokument",
    ItemKind.TASK: "Opgave",
    ItemKind.INTERVENTION: "Indsats",
}
JOURNAL_KIND = {
    JournalKind.PHONE: "Telefon",
    JournalKind.HOME_VISIT: "Hjemmebesøg",
    JournalKind.MEETING: "Møde",
    JournalKind.EMAIL: "E-mail",
    JournalKind.LETTER: "Brev",
    JournalKind.SMS: "Sms",
    JournalKind.OTHER: "Andet",
}
DOCUMENT_KIND = {
    DocumentKind.REPORT: "Rapport eller udtalelse",
    DocumentKind.LETTER: "Brev",
    DocumentKind.EMAIL: "E-mail",
    DocumentKind.DECISION: "Afgørelse",
    DocumentKind.MINUTES: "Referat",
    DocumentKind.IMAGE: "Billede",
    DocumentKind.OTHER: "Andet",
}
MEETING_STATUS = {
    MeetingStatus.PLANNED: "Planlagt",
    MeetingStatus.HELD: "Holdt",
    MeetingStatus.CANCELLED: "Aflyst",
}
CAPACITY = {
    ConsentCapacity.SELF: "Personen selv",
    ConsentCapacity.CUSTODY_HOLDER: "Forældremyndighedsindehaver",
    ConsentCapacity.YOUTH: "Den unge selv",
    ConsentCapacity.GUARDIAN: "Værge",
    ConsentCapacity.FUTURE_PROXY: "Fremtidsfuldmægtig",
}
CONSENT_FORM = {ConsentForm.WRITTEN: "Skriftligt", ConsentForm.ORAL: "Mundtligt"}
CONSENT_DIRECTION = {
    ConsentDirection.COLLECT: "At kommunen må indhente oplysninger",
    ConsentDirection.SHARE: "At kommunen må videregive oplysninger",
    ConsentDirection.BOTH: "At kommunen må indhente og videregive oplysninger",
}
PARTIES_HEADING = {
    ConsentDirection.COLLECT: "Indhentes fra",
    ConsentDirection.SHARE: "Må deles med",
    ConsentDirection.BOTH: "Indhentes fra og deles med",
}
INFO_TYPE = {
    "plan": "Planen",
    "social": "Sociale sager og indsatser",
    "health": "Helbredsoplysninger",
    "school": "Skole og dagtilbud",
    "employment": "Job og ydelser",
    "family": "Familieforhold",
}
TASK_SOURCE = {
    TaskSource.MANUAL: "",
    TaskSource.AGREEMENT: "En aftale i planen",
    TaskSource.DEADLINE: "En frist",
    TaskSource.FOLLOW_UP: "Opfølgning",
}
INTERVENTION_STATUS = {
    InterventionStatus.PLANNED: "Planlagt",
    InterventionStatus.ACTIVE: "I gang",
    InterventionStatus.PAUSED: "Sat i bero",
    InterventionStatus.ENDED: "Afsluttet",
}
PLAN_SECTIONS = (
    ("family_views", "Familiens egne ord"),
    ("summary", "Sådan er situationen"),
    ("resources", "Det går godt"),
    ("barriers", "Det er svært"),
    ("sequencing", "Rækkefølgen"),
    ("follow_up", "Sådan følges der op"),
    ("closing", "Når planen slutter"),
)
PDF_TYPES = ("application/pdf", "application/x-pdf")


def _text(value: str) -> str:
    return danish.hide_cpr(value.strip())


def _day(value: date | None) -> str:
    return danish.short_date(value) if value else ""


def _lines(*pairs: tuple[str, str]) -> tuple[Line, ...]:
    """Labelled values, the empty ones left out."""
    return tuple(Line(label, _text(value)) for label, value in pairs if value and value.strip())


def _blocks(*pairs: tuple[str, str]) -> tuple[Block, ...]:
    return tuple(Block(heading, _text(text)) for heading, text in pairs if text and text.strip())


def _named_pdf(name: str, media_type: str) -> bool:
    return media_type.lower() in PDF_TYPES or name.lower().endswith(".pdf")


def _pdf(content: bytes | None) -> bytes | None:
    """The content when it is a PDF file (its pages can be attached), else None."""
    return content if content is not None and content[:5] == b"%PDF-" else None


class _Reader:
    def __init__(self, session: Session, person: Person, cases: tuple[CaseLine, ...]) -> None:
        self.session = session
        self.person = person
        self.ids = list(person.citizen_ids)
        self.cases = {c.id: c for c in cases}
        self.case_ids = list(self.cases) or [0]
        self.alone = [c.id for c in cases if c.alone] or [0]
        self._users: dict[int, str] | None = None
        self._citizens: dict[int, str] = {}

    def number(self, case_id: int | None) -> str:
        case = self.cases.get(case_id) if case_id is not None else None
        return case.number if case is not None else ""

    def item(
        self, kind: ItemKind, item_id: int, case_id: int | None, day: date | None, title: str, **rest: Any
    ) -> HeldItem:
        """An item of a case of the person's, with the case's number and the kind's word."""
        return HeldItem(
            kind=kind,
            id=item_id,
            case_id=case_id,
            case_number=self.number(case_id),
            day=day,
            kind_label=KIND_LABEL[kind],
            title=title,
            **rest,
        )

    def user(self, user_id: int | None) -> str:
        if self._users is None:
            self._users = {uid: name for uid, name in self.session.execute(select(User.id, User.full_name))}
        return self._users.get(user_id, "") if user_id is not None else ""

    def names(self, citizen_ids: Iterable[int]) -> str:
        wanted = [i for i in citizen_ids if i not in self._citizens]
        if wanted:
            for cid, first, last in self.session.execute(
                select(Citizen.id, Citizen.first_name, Citizen.last_name).where(Citizen.id.in_(wanted))
            ):
                self._citizens[cid] = f"{first} {last}".strip()
        return danish.join(sorted(self._citizens.get(i, "") for i in set(citizen_ids)))

    # -- plan versions -----------------------------------------------------------------------
    def plans(self) -> Iterator[HeldItem]:
        versions = self.session.scalars(
            select(PlanVersion)
            .where(PlanVersion.case_id.in_(self.case_ids))
            .order_by(PlanVersion.case_id, PlanVersion.number)
        )
        for pv in versions:
            approved = pv.state == PlanState.APPROVED
            state = f"godkendt {_day(pv.approved_on)}".strip() if approved else "udkast"
            goals = self.session.scalars(
                select(Goal)
                .where(Goal.plan_version_id == pv.id)
                .order_by(Goal.position, Goal.id)
                .options(selectinload(Goal.members))
            ).all()
            agreements = self.session.scalars(
                select(Agreement)
                .where(Agreement.plan_version_id == pv.id)
                .order_by(Agreement.position, Agreement.id)
            ).all()
            goal_lines = [
                " – ".join(
                    part
                    for part in (
                        f"{danish.GOAL_LEVEL.get(g.level, '')}: {g.text.strip()}",
                        self.names([m.citizen_id for m in g.members]) if g.members else "",
                        f"frist {_day(g.target_date)}" if g.target_date else "",
                        danish.GOAL_STATUS.get(g.status, ""),
                    )
                    if part
                )
                for g in goals
            ]
            agreement_lines = [
                " – ".join(
                    part
                    for part in (
                        a.what.strip(),
                        f"senest {_day(a.due_date)}" if a.due_date else "",
                        danish.AGREEMENT_STATUS.get(a.status, ""),
                    )
                    if part
                )
                for a in agreements
            ]
            sections = [(heading, getattr(pv, name)) for name, heading in PLAN_SECTIONS]
            member_sections = [
                (f"Om {self.names([s.citizen_id])}", s.text) for s in pv.member_sections if s.text.strip()
            ]
            yield self.item(
                ItemKind.PLAN,
                pv.id,
                pv.case_id,
                pv.approved_on if approved and pv.approved_on else to_local(pv.updated_at).date(),
                f"Version {pv.number} ({state})",
                lines=_lines(
                    ("Version", str(pv.number)),
                    ("Status", state),
                    ("Deltagere", pv.participants),
                    ("Samtykke til planen", pv.consent_views or ""),
                ),
                blocks=_blocks(
                    ("Mål", "\n".join(f"- {line}" for line in goal_lines)),
                    ("Aftaler", "\n".join(f"- {line}" for line in agreement_lines)),
                    *sections,
                    *member_sections,
                ),
            )

    # -- journal entries ---------------------------------------------------------------------
    def journal(self) -> Iterator[HeldItem]:
        named = select(JournalEntryMember.entry_id).where(JournalEntryMember.citizen_id.in_(self.ids))
        entries = self.session.scalars(
            select(JournalEntry)
            .where(
                JournalEntry.case_id.in_(self.case_ids),
                or_(JournalEntry.case_id.in_(self.alone), JournalEntry.id.in_(named)),
            )
            .order_by(JournalEntry.occurred_at, JournalEntry.id)
        )
        for entry in entries:
            when = to_local(entry.occurred_at)
            kind = JOURNAL_KIND.get(entry.kind, "")
            yield self.item(
                ItemKind.JOURNAL,
                entry.id,
                entry.case_id,
                when.date(),
                _text(entry.subject) or kind,
                lines=_lines(
                    ("Hvornår", f"{danish.short_date(when.date())} kl. {when:%H.%M}"),
                    ("Slags", kind),
                    ("Skrevet af", self.user(entry.author_id)),
                    ("Vedrører", self.names(m.citizen_id for m in entry.members)),
                    ("Retter notatet", f"journal:{entry.corrects_id}" if entry.corrects_id else ""),
                    ("Om mødet", f"meeting:{entry.meeting_id}" if entry.meeting_id else ""),
                ),
                blocks=_blocks(("Notat", entry.text)),
            )

    # -- meetings ----------------------------------------------------------------------------
    def meetings(self) -> Iterator[HeldItem]:
        meetings = self.session.scalars(
            select(Meeting).where(Meeting.case_id.in_(self.case_ids)).order_by(Meeting.starts_at, Meeting.id)
        ).all()
        pros = {pid: name for pid, name in self.session.execute(select(Professional.id, Professional.name))}
        for m in meetings:
            start, end = to_local(m.starts_at), to_local(m.ends_at)
            people = []
            for p in self.session.scalars(
                select(MeetingParticipant)
                .where(MeetingParticipant.meeting_id == m.id)
                .order_by(MeetingParticipant.id)
            ):
                if p.citizen_id:
                    people.append(self.names([p.citizen_id]))
                elif p.professional_id:
                    people.append(pros.get(p.professional_id, ""))
                elif p.user_id:
                    people.append(self.user(p.user_id))
                else:
                    people.append(p.guest_name)
            yield self.item(
                ItemKind.MEETING,
                m.id,
                m.case_id,
                start.date(),
                danish.meeting_kind(m.kind),
                lines=_lines(
                    ("Hvornår", danish.meeting_period(start, end)),
                    ("Status", MEETING_STATUS.get(m.status, "")),
                    ("Sted", m.place),
                    ("Deltagere", ", ".join(p for p in people if p)),
                ),
                blocks=_blocks(("Dagsorden", m.agenda), ("Referat", m.minutes)),
            )

    # -- consents ----------------------------------------------------------------------------
    def consents(self) -> Iterator[HeldItem]:
        from app.services.plan.recipient_copy import party_label

        consents = self.session.scalars(
            select(Consent)
            .where(or_(Consent.citizen_id.in_(self.ids), Consent.given_by_citizen_id.in_(self.ids)))
            .order_by(Consent.given_on, Consent.id)
        )
        for c in consents:
            types = decode_info_types(c.info_types)
            parties = [party_label(self.session, p) for p in decode_parties(c.parties)]
            pdf = _pdf(c.attachment)
            separate = (c.attachment_name or "underskrevet samtykke") if c.attachment and pdf is None else ""
            yield self.item(
                ItemKind.CONSENT,
                c.id,
                c.case_id,
                c.given_on,
                f"Samtykke om {self.names([c.citizen_id])}",
                lines=_lines(
                    ("Om", self.names([c.citizen_id])),
                    ("Givet af", c.given_by_name or self.names([c.given_by_citizen_id or 0])),
                    ("Som", CAPACITY.get(c.capacity, "")),
                    ("Form", CONSENT_FORM.get(c.form, "")),
                    ("Givet", _day(c.given_on)),
                    ("Udløber", _day(c.expires_on)),
                    ("Trukket tilbage", _day(c.withdrawn_on)),
                    ("Begrundelse for tilbagetrækning", c.withdrawn_reason),
                    ("Oplysninger", ", ".join(INFO_TYPE.get(t, t) for t in INFO_TYPES if t in types)),
                    ("Gælder", CONSENT_DIRECTION.get(c.direction, "")),
                    (PARTIES_HEADING.get(c.direction, "Hvem"), ", ".join(parties)),
                    ("Formål", c.purpose),
                    ("Fuldmagtens omfang", c.mandate),
                ),
                pdf=pdf,
                separate_file=separate,
            )

    # -- documents ---------------------------------------------------------------------------
    def documents(self) -> Iterator[HeldItem]:
        named = select(DocumentMember.document_id).where(DocumentMember.citizen_id.in_(self.ids))
        documents = self.session.scalars(
            select(Document)
            .where(
                Document.case_id.in_(self.case_ids),
                or_(Document.case_id.in_(self.alone), Document.id.in_(named)),
            )
            .order_by(Document.received_on, Document.id)
        ).all()
        for d in documents:
            pdf = None
            if _named_pdf(d.original_name, d.media_type):
                pdf = _pdf(
                    self.session.scalar(select(DocumentFile.content).where(DocumentFile.document_id == d.id))
                )
            yield self.item(
                ItemKind.DOCUMENT,
                d.id,
                d.case_id,
                d.received_on,
                _text(d.title),
                lines=_lines(
                    ("Titel", d.title),
                    ("Slags", DOCUMENT_KIND.get(d.kind, "")),
                    ("Modtaget", _day(d.received_on)),
                    ("Fra", d.from_whom),
                    ("Filens navn", d.original_name),
                    ("Vedrører", self.names(m.citizen_id for m in d.members)),
                ),
                pdf=pdf,
                separate_file="" if pdf else (d.original_name or d.title),
            )

    # -- tasks -------------------------------------------------------------------------------
    def tasks(self) -> Iterator[HeldItem]:
        tasks = self.session.scalars(
            select(Task).where(Task.case_id.in_(self.case_ids)).order_by(Task.due_date, Task.id)
        ).all()
        keys = [t.source_ref for t in tasks if t.source == TaskSource.AGREEMENT and t.source_ref]
        responsible = {
            key: citizen_id
            for key, citizen_id in self.session.execute(
                select(Agreement.agreement_key, Agreement.responsible_citizen_id).where(
                    Agreement.agreement_key.in_(keys or [""]), Agreement.responsible_citizen_id.is_not(None)
                )
            )
        }
        for t in tasks:
            other = responsible.get(t.source_ref) if t.source == TaskSource.AGREEMENT else None
            if t.case_id not in self.alone and other is not None and other not in self.ids:
                continue  # another member's task
            done = (
                f"{danish.short_date(to_local(t.done_at).date())} ({t.done_by})".replace(" ()", "")
                if t.done_at
                else ""
            )
            yield self.item(
                ItemKind.TASK,
                t.id,
                t.case_id,
                t.due_date or to_local(t.created_at).date(),
                _text(t.what),
                lines=_lines(
                    ("Opgave", t.what),
                    ("Frist", _day(t.due_date)),
                    ("Hvem", self.user(t.assigned_to_id)),
                    ("Kommer fra", TASK_SOURCE.get(t.source, "")),
                    ("Gjort", done or "Ikke endnu"),
                ),
                blocks=_blocks(("Note", t.note)),
            )

    # -- interventions -----------------------------------------------------------------------
    def interventions(self) -> Iterator[HeldItem]:
        rows = self.session.scalars(
            select(Intervention)
            .where(Intervention.citizen_id.in_(self.ids))
            .order_by(Intervention.start_date, Intervention.id)
        )
        for i in rows:
            law = i.law_section
            yield self.item(
                ItemKind.INTERVENTION,
                i.id,
                i.case_id,
                i.start_date,
                _text(i.title),
                lines=_lines(
                    ("Indsats", i.title),
                    ("Område", danish.SECTOR.get(i.sector, "")),
                    ("Lov", f"{law.law_name} {law.section} – {law.title}" if law is not None else ""),
                    ("Kommunen blev opmærksom", _day(i.noticed_on)),
                    ("Fra", _day(i.start_date)),
                    ("Til", _day(i.end_date)),
                    ("Status", INTERVENTION_STATUS.get(i.status, "")),
                    ("Udfører", i.professional.name if i.professional is not None else ""),
                    ("Sektorens plan", i.sector_plan),
                ),
            )


def held_items(session: Session, person: Person, cases: tuple[CaseLine, ...]) -> list[HeldItem]:
    """Every item concerning the person, by kind (the index's order), then by date."""
    reader = _Reader(session, person, cases)
    return [
        *reader.plans(),
        *reader.journal(),
        *reader.meetings(),
        *reader.consents(),
        *reader.documents(),
        *reader.tasks(),
        *reader.interventions(),
    ]
