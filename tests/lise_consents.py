"""Lise's case (seed 004) made ready for per-recipient copies: a section, a goal and an
agreement about each child, and consents to share with the school for Lise and Freja only.

Oliver and Emil have no consent for the school: their parts must not reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Agreement, Case, Consent, Goal, GoalMember, PlanMemberSection, PlanVersion
from app.models.enums import (
    AgreementStatus,
    ConsentCapacity,
    GoalLevel,
    PlanState,
    ResponsibleKind,
    Sector,
)
from app.services.cases.case_summary import case_summary
from app.services.privacy.sharing import Party, PartyKind, encode_info_types, encode_parties

SCHOOL = Party(PartyKind.SECTOR, Sector.EDUCATION.value)

# Text that exists only in one member's parts, to look for in the school's copy.
SECTION_TEXT = {
    "Lise": "Lise glæder sig til praktikken og vil gerne have en fast rytme.",
    "Oliver": "Oliver bruger meget tid alene på sit værelse og sover dårligt.",
    "Freja": "Freja er glad for sin klasse og spiller håndbold to gange om ugen.",
    "Emil": "Emil taler om det, der skete derhjemme, og har brug for ro i skoledagen.",
}
GOAL_TEXT = {
    "Oliver": "Oliver sover bedre og møder udhvilet i skole",
    "Emil": "Emil fortæller en voksen, når han er ked af det",
}
AGREEMENT_TEXT = {
    "Oliver": "Oliver taler med lægen om søvnen",
    "Emil": "Emil går til samtalegruppen om tirsdagen",
}


@dataclass(frozen=True, slots=True)
class LiseCase:
    case_id: int
    number: str
    ids: dict[str, int]  # first name -> citizen id
    consent_ids: dict[str, int]  # first name -> the school consent about them


def prepare_lise(
    session: Session, today: date, *, consent_for: tuple[str, ...] = ("Lise", "Freja")
) -> LiseCase:
    """Lise's draft gets member parts; consents for the school are given for ``consent_for``."""
    case = session.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
    # The family consents anew: only what is given below counts (the demo's consents go).
    session.execute(delete(Consent).where(Consent.case_id == case.id))
    members = case_summary(session, case.id).members
    ids = {m.first_name: m.citizen_id for m in members}
    draft = session.scalars(
        select(PlanVersion).where(PlanVersion.case_id == case.id, PlanVersion.state == PlanState.DRAFT)
    ).one()
    for first, text in SECTION_TEXT.items():
        session.add(PlanMemberSection(plan_version_id=draft.id, citizen_id=ids[first], text=text))
    for position, (first, text) in enumerate(GOAL_TEXT.items(), start=50):
        session.add(
            Goal(
                plan_version_id=draft.id,
                goal_key=f"goal-{first.lower()}",
                members=[GoalMember(citizen_id=ids[first])],
                level=GoalLevel.OVERALL,
                text=text,
                position=position,
            )
        )
    for position, (first, text) in enumerate(AGREEMENT_TEXT.items(), start=50):
        session.add(
            Agreement(
                plan_version_id=draft.id,
                what=text,
                responsible_kind=ResponsibleKind.MEMBER,
                responsible_citizen_id=ids[first],
                due_date=today + timedelta(days=20),
                status=AgreementStatus.OPEN,
                position=position,
            )
        )
    consent_ids: dict[str, int] = {}
    for first in consent_for:
        consent = Consent(
            citizen_id=ids[first],
            case_id=case.id,
            given_by_citizen_id=ids["Lise"],
            given_by_name="Lise Holm Jensen",
            capacity=ConsentCapacity.SELF if first == "Lise" else ConsentCapacity.CUSTODY_HOLDER,
            info_types=encode_info_types({"plan", "school"}),
            parties=encode_parties([SCHOOL]),
            purpose="Skolen støtter op om planen",
            given_on=today - timedelta(days=10),
        )
        session.add(consent)
        session.flush()
        consent_ids[first] = consent.id
    session.flush()
    return LiseCase(case.id, case.number, ids, consent_ids)
