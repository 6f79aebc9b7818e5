"""A recipient's copy of the plan: only what the family consented to share with them.

The family's own copy is the whole plan. A copy for anyone else (a sector such as the school,
an organisation, a named professional) keeps, per member, only what the consent register
covers for that recipient on the day (``consent_register.sharing_cover``):

* a member's own section, goals, the agreements they are responsible for and their help are
  kept when the recipient may receive "plan" information about the member; a goal that
  concerns several members (it names them all) needs that for each of them; a line of help
  from a sector also needs that sector's information type (social, health, school,
  employment);
* what concerns the whole family – the text sections (situation, the family's own words,
  resources, barriers, …), shared goals and the agreements that are not a member's – is kept
  only when every member is covered for "plan";
* a goal left out takes its sub-goals with it;
* a document of the case is listed (title, date, from whom) only when every member it
  concerns is covered for "plan"; one that concerns no member in particular is the whole
  family's and needs everyone's cover.

What was left out is said in plain statements that name the recipient but never the content,
nor a member the copy does not cover ("Det, der står om to familiemedlemmer, er udeladt: …");
the copy's list of members holds only those covered. No Qt here: the print dialog,
the PDF and ``koordinator export-plan --for`` share it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CaseProfessional, Intervention, Professional
from app.models.enums import ResponsibleKind, Sector
from app.services.plan.plan_document import GoalView, OfferLine, PlanDocument, load_plan_document
from app.services.privacy.sharing import Party, PartyKind

PLAN = "plan"

# The information type a line of help from a sector is (None: "plan" cover is enough).
SECTOR_INFO_TYPE: dict[Sector, str | None] = {
    Sector.SOCIAL_CHILDREN: "social",
    Sector.SOCIAL_ADULTS: "social",
    Sector.ELDERLY: "social",
    Sector.HEALTH: "health",
    Sector.EDUCATION: "school",
    Sector.DAYCARE: "school",
    Sector.YOUTH: "school",  # the municipal youth effort: education guidance
    Sector.EMPLOYMENT: "employment",
    Sector.OTHER: None,
}

# A sector as the recipient of a copy, in the words printed on it ("Kopi til: Skolen").
SECTOR_RECIPIENT: dict[Sector, str] = {
    Sector.SOCIAL_CHILDREN: "Børne- og familieområdet",
    Sector.SOCIAL_ADULTS: "Voksenområdet",
    Sector.EMPLOYMENT: "Jobcentret",
    Sector.HEALTH: "Sundhedsområdet",
    Sector.EDUCATION: "Skolen",
    Sector.DAYCARE: "Dagtilbuddet",
    Sector.YOUTH: "Ungeindsatsen",
    Sector.ELDERLY: "Ældreområdet",
    Sector.OTHER: "Andre",
}

# Everyday words for a sector on the command line (``--for sector:school``).
SECTOR_ALIASES: dict[str, Sector] = {
    "school": Sector.EDUCATION,
    "skole": Sector.EDUCATION,
    "jobcenter": Sector.EMPLOYMENT,
    "social": Sector.SOCIAL_CHILDREN,
}


class PartyError(ValueError):
    """A recipient that is not a party ("sector:…", "organisation:…", "professional:ID")."""


@dataclass(frozen=True, slots=True)
class RecipientCopy:
    document: PlanDocument
    recipient: Party | None  # None: the family's own copy
    recipient_label: str  # "" for the family's copy; else e.g. "Skolen"
    omitted: tuple[str, ...]  # plain statements of what was left out

    @property
    def complete(self) -> bool:
        return not self.omitted


def family_copy(doc: PlanDocument) -> RecipientCopy:
    """The family's own copy: everything."""
    return RecipientCopy(doc, None, "", ())


def _first_name(doc: PlanDocument, citizen_id: int) -> str:
    for m in doc.members:
        if m.citizen_id == citizen_id:
            return m.first_name or m.name.split(" ")[0]
    return "et familiemedlem"


def recipient_copy(
    doc: PlanDocument,
    cover: Mapping[int, frozenset[str] | set[str]],
    recipient_label: str,
    recipient: Party | None = None,
) -> RecipientCopy:
    """``doc`` with what ``cover`` (per citizen id, the information types the recipient may
    receive) does not allow left out, and statements of what was left out."""
    members = [m.citizen_id for m in doc.members]

    def covered(citizen_id: int | None, info_type: str = PLAN) -> bool:
        if citizen_id is None:
            return bool(members) and all(PLAN in cover.get(cid, ()) for cid in members)
        types = cover.get(citizen_id, frozenset())
        return PLAN in types and info_type in types

    everyone = covered(None)
    member_out: list[int] = []  # members some of whose parts were left out entirely
    help_out: list[int] = []  # members some of whose help was left out (their plan is covered)
    common_out = False

    def member_lost(citizen_id: int) -> None:
        if citizen_id not in member_out:
            member_out.append(citizen_id)

    offers: list[OfferLine] = []
    for line in doc.offers:
        if not covered(line.citizen_id):
            member_lost(line.citizen_id)
            continue
        needed = SECTOR_INFO_TYPE.get(line.sector)
        if needed is not None and not covered(line.citizen_id, needed):
            if line.citizen_id not in help_out:
                help_out.append(line.citizen_id)
            continue
        offers.append(line)

    plan = doc.plan
    if plan is not None:
        sections = []
        for name, text in plan.sections:
            if text.strip() and not everyone:
                common_out = True
                text = ""
            sections.append((name, text))
        member_sections = []
        for cid, text in plan.member_sections:
            if covered(cid):
                member_sections.append((cid, text))
            elif text.strip():
                member_lost(cid)
        goals = _kept_goals(plan.goals, covered, member_lost)
        if len(goals) < len(plan.goals) and any(not g.member_ids for g in plan.goals if g not in goals):
            common_out = True
        agreements = []
        for a in plan.agreements:
            if a.responsible_kind == ResponsibleKind.MEMBER and a.responsible_id is not None:
                if covered(a.responsible_id):
                    agreements.append(a)
                else:
                    member_lost(a.responsible_id)
            elif everyone:
                agreements.append(a)
            else:
                common_out = True
        kept_offers = {(o.citizen_id, o.group_key) for o in offers}
        plan = dataclasses.replace(
            plan,
            sections=tuple(sections),
            member_sections=tuple(member_sections),
            goals=tuple(goals),
            agreements=tuple(agreements),
            offer_comments=tuple(c for c in plan.offer_comments if (c[0], c[1]) in kept_offers),
            participants=plan.participants if everyone else "",
        )

    documents = tuple(
        d for d in doc.documents if (all(covered(cid) for cid in d.member_ids) if d.member_ids else everyone)
    )

    order = {cid: i for i, cid in enumerate(members)}
    omitted: list[str] = []
    to = recipient_label or "modtageren"
    if common_out:
        omitted.append(
            "Det, der gælder hele familien, er udeladt: ikke alle i familien har givet samtykke "
            f"til at dele det med {to}."
            if doc.is_family and len(members) > 1
            else f"Planens fælles afsnit er udeladt: der er ikke samtykke til at dele dem med {to}."
        )
    if member_out:  # never named: the copy names no one it does not cover
        omitted.append(
            f"Det, der står om {_members_counted(len(member_out))}, er udeladt: der er ikke "
            f"samtykke til at dele det med {to}."
        )
    for cid in sorted(help_out, key=lambda c: order.get(c, len(order))):
        if cid in member_out:
            continue
        omitted.append(
            f"Noget af den hjælp, {_first_name(doc, cid)} får, er udeladt: der er ikke samtykke "
            f"til at dele det med {to}."
        )
    if len(documents) < len(doc.documents):
        omitted.append(
            f"Nogle af sagens dokumenter er udeladt: der er ikke samtykke til at dele dem med {to}."
        )
    # The copy names only the members it covers ("Planen gælder for …", their headings).
    kept_members = tuple(m for m in doc.members if covered(m.citizen_id))
    filtered = dataclasses.replace(
        doc, plan=plan, offers=tuple(offers), documents=documents, members=kept_members
    )
    return RecipientCopy(filtered, recipient, recipient_label, tuple(omitted))


_COUNT_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "syv", 8: "otte", 9: "ni", 10: "ti"}


def _members_counted(n: int) -> str:
    """'et familiemedlem', 'to familiemedlemmer', … '12 familiemedlemmer'."""
    if n == 1:
        return "et familiemedlem"
    return f"{_COUNT_WORDS.get(n, str(n))} familiemedlemmer"


def _kept_goals(
    goals: Sequence[GoalView],
    covered: Callable[[int | None], bool],
    member_lost: Callable[[int], None],
) -> list[GoalView]:
    """Goals the recipient may see; a goal left out takes its sub-goals with it."""
    by_key = {g.goal_key: g for g in goals}
    verdict: dict[str, bool] = {}

    def keep(goal: GoalView, seen: frozenset[str] = frozenset()) -> bool:
        if goal.goal_key in verdict:
            return verdict[goal.goal_key]
        # a goal of several members names them all: every one must be covered
        ok = all(covered(c) for c in goal.member_ids) if goal.member_ids else covered(None)
        parent = by_key.get(goal.parent_key) if goal.parent_key else None
        if ok and parent is not None and parent.goal_key not in seen:
            ok = keep(parent, seen | {goal.goal_key})
        verdict[goal.goal_key] = ok
        return ok

    kept = []
    for goal in goals:
        if keep(goal):
            kept.append(goal)
        else:
            for citizen_id in goal.member_ids:
                if not covered(citizen_id):
                    member_lost(citizen_id)
    return kept


# -- parties -----------------------------------------------------------------------------------


def parse_party(text: str) -> Party:
    """A recipient from the command line: "sector:school", "organisation:Vestskolen",
    "professional:12". Raises PartyError with a plain reason."""
    party = Party.decode(text)
    if party is None:
        raise PartyError(
            f"{text!r} is not a recipient; use sector:NAME, organisation:NAME or professional:ID"
        )
    if party.kind == PartyKind.SECTOR:
        value = party.value.lower()
        sector = SECTOR_ALIASES.get(value)
        if sector is None:
            try:
                sector = Sector(value)
            except ValueError:
                known = ", ".join([*SECTOR_ALIASES, *(s.value for s in Sector)])
                raise PartyError(f"no sector {party.value!r}; known: {known}") from None
        return Party(PartyKind.SECTOR, sector.value)
    if party.kind == PartyKind.PROFESSIONAL and (
        not party.value.isascii() or not party.value.isdigit() or not 0 < int(party.value) < 2**31
    ):
        raise PartyError(f"professional:{party.value[:20]} – give the professional's id (a number)")
    if len(party.value) > 200:
        raise PartyError("the recipient's name is longer than 200 characters")
    return party


def party_label(session: Session, party: Party) -> str:
    """The recipient in the words printed on the copy ("Skolen", "Vestskolen",
    "Dorthe Laursen, Skoleleder")."""
    if party.kind == PartyKind.SECTOR:
        try:
            return SECTOR_RECIPIENT[Sector(party.value)]
        except ValueError:
            return party.value
    if party.kind == PartyKind.ORGANISATION:
        return party.value
    pro = session.get(Professional, int(party.value)) if party.value.isdigit() else None
    if pro is None:
        return "en fagperson"
    return f"{pro.name}, {pro.role}" if pro.role else pro.name


def recipient_choices(session: Session, case_id: int) -> list[tuple[Party, str]]:
    """Who a copy can be made for: the case's professionals, their organisations and sectors."""
    ids = set(
        session.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id))
    ) | {
        pid
        for pid in session.scalars(
            select(Intervention.professional_id).where(
                Intervention.case_id == case_id, Intervention.professional_id.is_not(None)
            )
        )
        if pid is not None
    }
    pros = list(
        session.scalars(select(Professional).where(Professional.id.in_(ids)).order_by(Professional.name))
    )
    choices: list[tuple[Party, str]] = []
    sectors = sorted({p.sector for p in pros}, key=lambda s: SECTOR_RECIPIENT[s])
    for sector in sectors:
        choices.append((Party(PartyKind.SECTOR, sector.value), SECTOR_RECIPIENT[sector]))
    for org in sorted({p.organisation.strip() for p in pros if p.organisation.strip()}):
        choices.append((Party(PartyKind.ORGANISATION, org), org))
    for pro in pros:
        label = f"{pro.name}, {pro.role}" if pro.role else pro.name
        if pro.organisation:
            label += f" ({pro.organisation})"
        choices.append((Party(PartyKind.PROFESSIONAL, str(pro.id)), label))
    return choices


def load_recipient_copy(
    session: Session,
    case_id: int,
    recipient: Party | None,
    day: date,
    version_id: int | None = None,
) -> RecipientCopy:
    """The case's plan (as ``load_plan_document``) for ``recipient`` (None: the family)."""
    doc = load_plan_document(session, case_id, version_id)
    if recipient is None:
        return family_copy(doc)
    from app.services.privacy.consent_register import sharing_cover

    cover = sharing_cover(session, case_id, recipient, day)
    return recipient_copy(doc, cover, party_label(session, recipient), recipient)


# -- invitations and agendas -------------------------------------------------------------------


def participants_without_cover(
    session: Session, case_id: int, participant_keys: tuple[str, ...] | list[str], day: date
) -> list[str]:
    """Keys ("professional:<id>") of the professional participants who may not receive the
    plan about every member of the case on ``day``."""
    from app.services.cases.case_summary import case_summary
    from app.services.privacy.consent_register import sharing_cover

    members = [m.citizen_id for m in case_summary(session, case_id).members]
    out = []
    for key in participant_keys:
        kind, _, value = key.partition(":")
        if kind != "professional" or not value:
            continue
        cover = sharing_cover(session, case_id, Party(PartyKind.PROFESSIONAL, value), day)
        if not all(PLAN in cover.get(cid, frozenset()) for cid in members):
            out.append(key)
    return out
