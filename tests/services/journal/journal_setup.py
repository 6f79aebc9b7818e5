"""A family case with something of each kind a journal entry can be linked to, and a second case
whose meeting, intervention and agreement an entry of the first must not name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from app.models import Agreement, Intervention, Meeting, MeetingParticipant, PlanVersion
from app.models.enums import JournalKind, MeetingKind, MeetingStatus, Sector
from app.services.journal.journal import JournalInput
from app.services.plan.plans import AgreementInput, PlanDraft
from tests.factories import Family, new_family, open_draft, save

# The moment the journal tests write at (the program's clock is pinned there).
T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Linked:
    family: Family
    meeting_id: int
    intervention_id: int
    agreement_key: str

    @property
    def case_id(self) -> int:
        return self.family.case_id


def linked_family(ctx, seed: int = 0, title: str = "Familien Østergaard") -> Linked:  # type: ignore[no-untyped-def]
    """A family case with a held meeting (the mother and the child invited), an intervention
    and an agreement in its plan."""
    family = new_family(ctx, seed=seed, title=title)
    starts = T0 - timedelta(days=2)
    with ctx.sessions.begin() as s:
        meeting = Meeting(
            case_id=family.case_id,
            kind=MeetingKind.NETWORK,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            status=MeetingStatus.HELD,
            ical_uid=f"journal-{family.case_id}@test",
            participants=[
                MeetingParticipant(citizen_id=family["mother"]),
                MeetingParticipant(citizen_id=family["child"]),
                MeetingParticipant(guest_name="Skolelærer"),
            ],
        )
        intervention = Intervention(
            case_id=family.case_id,
            citizen_id=family["child"],
            title="Støtte i skolen",
            sector=Sector.EDUCATION,
            start_date=date(2026, 9, 1),
        )
        s.add_all([meeting, intervention])
        s.flush()
        meeting_id, intervention_id = meeting.id, intervention.id
    pv = open_draft(ctx, family.case_id)
    save(ctx, pv, PlanDraft(agreements=[AgreementInput("Anna ringer til skolen")]))
    with ctx.sessions() as s:
        key = s.scalar(
            select(Agreement.agreement_key)
            .join(PlanVersion, PlanVersion.id == Agreement.plan_version_id)
            .where(PlanVersion.case_id == family.case_id)
        )
    return Linked(family, meeting_id, intervention_id, str(key))


def note(
    members: tuple[int, ...] = (),
    *,
    text: str = "Mor ringede: Karl har haft en god uge i skolen.",
    subject: str = "Telefon med mor",
    kind: JournalKind = JournalKind.PHONE,
    occurred_at: datetime | None = T0 - timedelta(minutes=30),
    meeting_id: int | None = None,
    intervention_id: int | None = None,
    agreement_key: str | None = None,
) -> JournalInput:
    return JournalInput(
        kind=kind,
        occurred_at=occurred_at,
        subject=subject,
        text=text,
        member_ids=members,
        meeting_id=meeting_id,
        intervention_id=intervention_id,
        agreement_key=agreement_key,
    )
