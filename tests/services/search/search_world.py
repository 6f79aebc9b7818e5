"""A case holding a word of its own in every place the search looks, for the search tests."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Agreement,
    Case,
    CaseProfessional,
    Citizen,
    Document,
    FamilyMember,
    Goal,
    JournalEntry,
    PlanVersion,
    Professional,
    Task,
)
from app.models.enums import GoalLevel, JournalKind, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.search.search import Source

TODAY = date(2026, 12, 3)
NOTE_AT = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class World:
    case_id: int
    number: str
    citizen_id: int  # Ingolf
    cpr: str  # Ingolf's
    professional_id: int
    agreement_id: int
    goal_id: int
    entry_id: int
    task_id: int
    document_id: int
    other_case_id: int  # a second case, with words of its own

    def item(self, source: Source) -> int:
        return {
            Source.CASE: self.case_id,
            Source.CPR: self.citizen_id,
            Source.PERSON: self.citizen_id,
            Source.ADDRESS: self.citizen_id,
            Source.PROFESSIONAL: self.professional_id,
            Source.AGREEMENT: self.agreement_id,
            Source.GOAL: self.goal_id,
            Source.JOURNAL: self.entry_id,
            Source.TASK: self.task_id,
            Source.DOCUMENT: self.document_id,
        }[source]


# A word found in one place only, and where (the case number is added by the test).
WORDS: list[tuple[str, Source]] = [
    ("Ingolf", Source.PERSON),
    ("Kragevej", Source.ADDRESS),
    ("Quistgaard", Source.CASE),  # the family's name: the case before its people
    ("Trolleborg", Source.PROFESSIONAL),
    ("Fjordhavnsskolen", Source.PROFESSIONAL),  # the organisation
    ("cykelhjelmen", Source.AGREEMENT),
    ("svømmehallen", Source.GOAL),
    ("sygefraværet", Source.JOURNAL),
    ("Telefonsamtale", Source.JOURNAL),  # the subject
    ("udflugten", Source.TASK),
    ("flyttesagen", Source.TASK),  # the note
    ("Skolerapport", Source.DOCUMENT),
]


def cpr_of(born: date, female: bool, seed: str) -> str:
    return fictional_cpr(born, female, random.Random(seed))


def family(session: Session, coordinator_id: int, surname: str, first: tuple[str, str], seed: str) -> Case:
    """A parent and a child, born on days drawn from ``seed``."""
    draw = random.Random(seed)
    parent_born = date(1970, 1, 1) + timedelta(days=draw.randrange(25 * 365))
    child_born = date(2008, 1, 1) + timedelta(days=draw.randrange(15 * 365))
    data = CaseInput(
        family_name=f"Familien {surname}",
        members=[
            MemberInput(first[0], surname, cpr_of(parent_born, True, seed), Relation.PARENT, custody=True),
            MemberInput(first[1], surname, cpr_of(child_born, False, seed), Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
    )
    return create_case(session, data, TODAY)


def add_words(session: Session, case: Case, user_id: int, words: dict[str, str]) -> dict[str, int]:
    """A plan with an agreement and a goal, a professional, a journal entry, a task and a
    document in ``case``, each with the text given."""
    newest = session.scalar(select(func.max(PlanVersion.number)).where(PlanVersion.case_id == case.id))
    plan = PlanVersion(case_id=case.id, number=(newest or 0) + 1)  # the case's plan from now on
    session.add(plan)
    session.flush()
    agreement = Agreement(plan_version_id=plan.id, what=words["agreement"], due_date=date(2026, 12, 11))
    goal = Goal(plan_version_id=plan.id, goal_key=f"g-{case.id}", level=GoalLevel.OVERALL, text=words["goal"])
    professional = Professional(name=words["professional"], organisation=words["organisation"])
    entry = JournalEntry(
        case_id=case.id,
        kind=JournalKind.PHONE,
        occurred_at=NOTE_AT,
        author_id=user_id,
        subject=words["subject"],
        text=words["journal"],
    )
    task = Task(
        case_id=case.id,
        what=words["task"],
        note=words["note"],
        due_date=date(2026, 12, 9),
        assigned_to_id=user_id,
    )
    document = Document(case_id=case.id, title=words["document"], received_on=date(2026, 12, 1))
    session.add_all([agreement, goal, professional, entry, task, document])
    session.flush()
    session.add(CaseProfessional(case_id=case.id, professional_id=professional.id))
    session.flush()
    return {
        "agreement": agreement.id,
        "goal": goal.id,
        "professional": professional.id,
        "entry": entry.id,
        "task": task.id,
        "document": document.id,
    }


def build_world(session: Session, user_id: int) -> World:
    case = family(session, user_id, "Quistgaard", ("Ingolf", "Bertil"), "search-world")
    ingolf = session.scalar(
        select(Citizen)
        .join(FamilyMember)
        .where(FamilyMember.family_id == case.family_id, Citizen.first_name == "Ingolf")
    )
    assert ingolf is not None and ingolf.cpr
    ingolf.address, ingolf.postcode, ingolf.city = "Kragevej 7", "4000", "Roskilde"
    ids = add_words(
        session,
        case,
        user_id,
        {
            "agreement": "Ingolfs mor ringer til skolen om cykelhjelmen",
            "goal": "Bertil svømmer alene i svømmehallen",
            "professional": "Vibeke Trolleborg",
            "organisation": "Fjordhavnsskolen",
            "subject": "Telefonsamtale med mor",
            "journal": "Mor fortalte, at skolen har ringet om sygefraværet i november.",
            "task": "Bestil bus til udflugten",
            "note": "Husk papirerne om flyttesagen",
            "document": "Skolerapport om trivsel",
        },
    )
    other = family(session, user_id, "Abildgaard", ("Hedvig", "Knud"), "search-other")
    add_words(
        session,
        other,
        user_id,
        {
            "agreement": "Hedvig tager kontakt til tandlægen",
            "goal": "Knud cykler selv til træning",
            "professional": "Asta Mørk",
            "organisation": "Tandplejen Syd",
            "subject": "Hjemmebesøg",
            "journal": "Familien viste rundt i den nye lejlighed.",
            "task": "Ring til boligselskabet",
            "note": "",
            "document": "Brev fra tandlægen",
        },
    )
    session.flush()
    return World(
        case_id=case.id,
        number=case.number,
        citizen_id=ingolf.id,
        cpr=ingolf.cpr,
        professional_id=ids["professional"],
        agreement_id=ids["agreement"],
        goal_id=ids["goal"],
        entry_id=ids["entry"],
        task_id=ids["task"],
        document_id=ids["document"],
        other_case_id=other.id,
    )
