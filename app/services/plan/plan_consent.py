"""Whose consent a plan needs before it is approved (DOMAIN.md §2.2; the rule is data in
``resources/consent_rules.toml``), and — where the youth's-voice switch is on — which young
people said yes alone, which the approved version then records beside their parents' not
having consented."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Consent, PlanVersion
from app.models.enums import ConsentCapacity, ConsentDirection
from app.services.cases.case_summary import MemberSummary, case_summary
from app.services.common.validation import FieldProblem, Problem
from app.services.family.family_overview import age_on
from app.services.plan.plan_draft import ConsentRule, PlanProblem
from app.services.privacy.consent_register import (
    ConsentRecord,
    Requirement,
    custody_holders_of,
    giver_matches,
)

_ACCEPTED = {
    ConsentCapacity.SELF: {ConsentCapacity.SELF, ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY},
    ConsentCapacity.CUSTODY_HOLDER: {ConsentCapacity.CUSTODY_HOLDER},
    ConsentCapacity.YOUTH: {ConsentCapacity.YOUTH, ConsentCapacity.SELF},
}


@dataclass(frozen=True, slots=True)
class MemberConsent:
    """One member the plan concerns: the consents it needs and those missing."""

    member: MemberSummary
    age: int
    missing: tuple[ConsentCapacity, ...]
    youth_alone: bool  # a young person said yes though a custody holder did not (youth's voice)
    holders: tuple[str, ...]  # the custody holders who have not consented (their names)


def member_consents(session: Session, pv: PlanVersion, today: date, rule: ConsentRule) -> list[MemberConsent]:
    from app.services.plan.plans import concerned_members

    summary = case_summary(session, pv.case_id)
    members = {m.citizen_id: m for m in summary.members}
    consents = list(
        session.scalars(
            select(Consent).where(
                Consent.citizen_id.in_(list(members)),
                (Consent.case_id == pv.case_id) | Consent.case_id.is_(None),
            )
        )
    )
    found = []
    for citizen_id in concerned_members(session, pv, list(members)):
        member = members[citizen_id]
        # the plan shares information across departments: a consent only to collect is not one
        in_force = [
            c
            for c in consents
            if c.citizen_id == citizen_id and c.in_force_on(today) and c.direction != ConsentDirection.COLLECT
        ]
        age = age_on(member.birth_date, today)
        if age < 18:  # a child, whatever the relation says
            needed = [ConsentCapacity.CUSTODY_HOLDER]
            if age >= rule.youth_age:
                needed.append(ConsentCapacity.YOUTH)
        else:
            needed = [ConsentCapacity.SELF]
        holders = custody_holders_of(member, summary.members)
        counted = holders if rule.every_custody_holder else ()
        missing = tuple(c for c in needed if not _given(c, in_force, counted))
        youth_said_yes = _given(ConsentCapacity.YOUTH, in_force, ())
        alone = (
            rule.youth_voice.enabled
            and rule.youth_voice.age <= age < 18
            and youth_said_yes
            and ConsentCapacity.CUSTODY_HOLDER in missing
        )
        if alone:  # the proposal: the young person's wish counts (docs/law-notes.md)
            missing = tuple(c for c in missing if c != ConsentCapacity.CUSTODY_HOLDER)
        silent = tuple(h.name for h in holders if not _given(ConsentCapacity.CUSTODY_HOLDER, in_force, (h,)))
        found.append(MemberConsent(member, age, missing, alone, silent))
    return found


def _given(capacity: ConsentCapacity, in_force: list[Consent], holders: tuple) -> bool:  # type: ignore[type-arg]
    if capacity == ConsentCapacity.CUSTODY_HOLDER and holders:
        records = [ConsentRecord.from_row(c) for c in in_force]
        return all(
            any(giver_matches(r, Requirement(frozenset({capacity}), h)) for r in records) for h in holders
        )
    return any(c.capacity in _ACCEPTED[capacity] for c in in_force)


def consent_problems(session: Session, pv: PlanVersion, today: date, rule: ConsentRule) -> list[FieldProblem]:
    """One problem per consent a concerned member still lacks."""
    return [
        FieldProblem(f"{PlanProblem.CONSENT}.{found.member.citizen_id}.{capacity}", Problem.REQUIRED)
        for found in member_consents(session, pv, today, rule)
        for capacity in found.missing
    ]


def consent_views(session: Session, pv: PlanVersion, today: date, rule: ConsentRule) -> str:
    """What the approved version records when a young person said yes alone: the young
    person's yes and that the custody holders had not consented, one line each ("" when the
    youth's voice was not used)."""
    lines = []
    for found in member_consents(session, pv, today, rule):
        if found.youth_alone:
            holders = " og ".join(n for n in found.holders if n) or "forældremyndighedsindehaveren"
            lines.append(
                f"{found.member.name} ({found.age} år) har sagt ja til planen. {holders} har ikke "
                "givet samtykke. Planen er godkendt efter den unges ønske."
            )
    return "\n".join(lines)
