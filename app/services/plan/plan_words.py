"""The plan's facts in the family's Danish words, as plain text: who is responsible for an
agreement, the law a line of help is given under, a goal's latest scores, when a piece of help
runs. The Word copy (app/docx) writes them; they say what the printed plan says. Qt-free."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.models.enums import AgreementStatus, InterventionStatus, ResponsibleKind
from app.services.common import danish
from app.services.plan.plan_document import AgreementView, GoalView, OfferItem, OfferLine, PlanDocument

OVERDUE = "Over tid"  # an open agreement past its date


@dataclass(frozen=True, slots=True)
class Voice:
    """Family ("I", "jeres") or a single citizen ("du", "din")."""

    family: bool

    @property
    def you(self) -> str:
        return "jer" if self.family else "dig"

    @property
    def you_subject(self) -> str:
        return "I" if self.family else "du"

    @property
    def your(self) -> str:
        return "jeres" if self.family else "din"

    @property
    def your_plural(self) -> str:
        return "jeres" if self.family else "dine"


def first_name(doc: PlanDocument, citizen_id: int | None) -> str:
    for m in doc.members:
        if m.citizen_id == citizen_id:
            return m.first_name or m.name.split(" ")[0]
    return ""


def responsible(doc: PlanDocument, a: AgreementView) -> str:
    """A member by first name, the coordinator marked, else the name (and role); "Aftales"."""
    if a.responsible_kind == ResponsibleKind.MEMBER:
        return first_name(doc, a.responsible_id) or a.responsible_name or "Aftales"
    if not a.responsible_name:
        return "Aftales"
    if a.responsible_kind == ResponsibleKind.COORDINATOR and a.responsible_name == doc.coordinator_name:
        return f"{a.responsible_name} (koordinator)"
    return a.responsible_name


def agreements_in_order(agreements: Sequence[AgreementView]) -> list[AgreementView]:
    """Open first, then done, then cancelled (each in the plan's order)."""
    return sorted(agreements, key=lambda a: danish.AGREEMENT_ORDER.get(a.status, 9))


def overdue(a: AgreementView, today: date) -> bool:
    return a.status == AgreementStatus.OPEN and a.due_date is not None and a.due_date < today


def agreement_status(a: AgreementView, today: date) -> str:
    return OVERDUE if overdue(a, today) else danish.AGREEMENT_STATUS.get(a.status, "")


def law_line(line: OfferLine) -> str:
    """The law in words, e.g. "Barnets lov § 32, stk. 1 – Støttende indsatser" (not "BL § 32")."""
    reference = line.law_reference.strip()
    if line.law_name and reference:
        abbr, _, rest = reference.partition(" ")
        reference = f"{line.law_name} {rest}" if rest and abbr.isupper() else f"{line.law_name}, {reference}"
    elif line.law_name:
        reference = line.law_name
    if not reference:
        return f"Område: {danish.SECTOR.get(line.sector, '')}".rstrip(": ")
    return f"{reference} – {line.law_title}" if line.law_title else reference


def offer_detail(item: OfferItem, today: date) -> str:
    """Whom to call, and from when (to when) or when it starts; a pause said."""
    parts = []
    if item.professional:
        phone = f", telefon {item.professional_phone}" if item.professional_phone.strip() else ""
        parts.append(f"Kontakt: {item.professional}{phone}")
    if item.status == InterventionStatus.PLANNED and item.start_date > today:
        parts.append(f"Starter {danish.short_date(item.start_date)}")
    else:
        period = f"Fra {danish.short_date(item.start_date)}"
        if item.end_date:
            period += f" til {danish.short_date(item.end_date)}"
        parts.append(period)
    if item.status == InterventionStatus.PAUSED:
        parts.append("Holder pause lige nu")
    return " · ".join(parts)


def offers_by_member(doc: PlanDocument) -> list[tuple[int, list[OfferLine]]]:
    """The help per member, members in the family's order (others after)."""
    by_member: dict[int, list[OfferLine]] = defaultdict(list)
    for line in doc.offers:
        by_member[line.citizen_id].append(line)
    order = [m.citizen_id for m in doc.members if m.citizen_id in by_member]
    order += [cid for cid in by_member if cid not in order]
    return [(cid, by_member[cid]) for cid in order]


def score_line(goal: GoalView, is_family: bool) -> str:
    """ "Sidst vurderet 01.10.2026 – Familien: 6/10 · Fagpersonerne: 5/10" (or "")."""
    points = [p for p in goal.scores if p.family_score is not None or p.professional_score is not None]
    if not points:
        return ""
    last = points[-1]
    parts = []
    if last.family_score is not None:
        parts.append(f"{'Familien' if is_family else 'Du selv'}: {last.family_score}/10")
    if last.professional_score is not None:
        parts.append(f"Fagpersonerne: {last.professional_score}/10")
    return f"Sidst vurderet {danish.short_date(last.scored_on)} – {' · '.join(parts)}"


def goal_tree(goals: Sequence[GoalView]) -> list[tuple[GoalView, int, GoalView | None]]:
    """The goals depth first as (goal, depth, parent); a goal whose parent is not among them is a
    root, and a cycle in bad data is cut."""
    keys = {g.goal_key for g in goals}
    children: dict[str | None, list[GoalView]] = defaultdict(list)
    for g in goals:
        children[g.parent_key if g.parent_key in keys else None].append(g)
    out: list[tuple[GoalView, int, GoalView | None]] = []
    seen: set[str] = set()

    def visit(goal: GoalView, depth: int, parent: GoalView | None) -> None:
        if goal.goal_key in seen:
            return
        seen.add(goal.goal_key)
        out.append((goal, depth, parent))
        for child in children.get(goal.goal_key, ()):
            visit(child, depth + 1, goal)

    for root in children[None]:
        visit(root, 0, None)
    return out


def goal_meta(doc: PlanDocument, goal: GoalView, parent: GoalView | None) -> list[str]:
    """Whom a goal concerns (when not its parent's), by when, and its status (bold in print)."""
    meta: list[str] = []
    if doc.is_family and (parent is None or parent.member_ids != goal.member_ids):
        order = {m.citizen_id: i for i, m in enumerate(doc.members)}
        ordered = sorted(goal.member_ids, key=lambda c: (order.get(c, len(order)), c))
        names = [name for c in ordered if (name := first_name(doc, c))]
        concerns = "hele familien" if not goal.member_ids else danish.join(names)
        if concerns:
            meta.append(f"Gælder {concerns}")
    if goal.target_date:
        meta.append(f"Senest {danish.short_date(goal.target_date)}")
    return meta


def member_signers(doc: PlanDocument, today: date, adult_age: int = 18) -> list[str]:
    """The members who sign the family's copy: the adults (else those with custody), and a
    young person whose own yes approved the plan (the youth's-voice rule's record names them)."""
    if doc.is_family:
        names = [m.name for m in doc.members if m.age_on(today) >= adult_age]
        if not names:
            names = [m.name for m in doc.members if m.custody]
        views = doc.plan.consent_views if doc.plan is not None else ""
        said_yes = {line.split(" (", 1)[0] for line in views.splitlines()}  # "Ida Ø (15 år) har …"
        names += [m.name for m in doc.members if m.name in said_yes and m.name not in names]
    else:
        names = [m.name for m in doc.members]
    return names


def signers(doc: PlanDocument, today: date, adult_age: int = 18) -> list[str]:
    """Who signs the family's copy: ``member_signers``, then the coordinator."""
    names = member_signers(doc, today, adult_age)
    names.append(f"{doc.coordinator_name}, koordinator" if doc.coordinator_name else "Koordinator")
    return names
