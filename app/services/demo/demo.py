"""Fictional demo data, deterministic for a seed and a day.

Rows are inserted in bulk with preassigned ids (a benchmark store holds 20,000
citizens). Every run also includes the invented case of Lise from seed 004.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import (
    Case,
    CaseProfessional,
    Citizen,
    Family,
    FamilyMember,
    Intervention,
    InterventionSlot,
    LawSection,
    Professional,
    TransitionTopic,
    TransitionTrack,
    User,
)
from app.models.enums import (
    CaseStatus,
    CoordinationModel,
    InterventionStatus,
    Relation,
    Sector,
    UserRole,
)
from app.services.cases.cases import case_number, case_search_text, follow_up_due
from app.services.common.clock import local_today
from app.services.common.cpr import fictional_cpr
from app.services.demo import demo_content as content
from app.services.demo.case_records import CaseRecords, GoalMembers
from app.services.demo.casework_records import add_casework
from app.services.demo.demo_content import Template
from app.services.demo.rows import Batch, DemoSummary, Person, years_ago
from app.services.family.law_catalogue import load_catalogue
from app.services.family.transition import TOPICS as TRANSITION_TOPICS
from app.services.family.transition import needs_transition_track, transition_deadline

MY_CASELOAD = 28  # about 30 cases per coordinating caseworker (seed 003)
MY_PARTNER_CASES = 12  # and a partner caseworker on some of the colleagues' cases


class _Generator:
    def __init__(self, session: Session, seed: int, today: date, my_login: str | None) -> None:
        self.session = session
        self.seed = seed
        self.rng = random.Random(seed)
        self.today = today
        self.now = datetime.combine(today, time(12, 0), tzinfo=UTC)
        self.batch = Batch(session)
        self.summary = DemoSummary()
        self.records = CaseRecords(self.batch, self.rng, self.today, self.summary)
        self.sections = {code: sid for code, sid in session.execute(select(LawSection.code, LawSection.id))}
        self.used_cpr = set(session.scalars(select(Citizen.cpr).where(Citizen.cpr.is_not(None))))
        self.case_seq: dict[int, int] = defaultdict(int)
        for number in session.scalars(select(Case.number)):
            _, year, seq = number.split("-")
            self.case_seq[int(year)] = max(self.case_seq[int(year)], int(seq))
        self.users = self._users(my_login)
        self.me = self.users[0]
        # My caseload in the whole store, however many demo runs filled it: a caseworker's
        # own list has the length of a caseload at any size of the store.
        self.my_cases = session.scalar(select(func.count(Case.id)).where(Case.coordinator_id == self.me)) or 0
        self.my_partner_cases = (
            session.scalar(select(func.count(Case.id)).where(Case.partner_id == self.me)) or 0
        )
        self.professionals: dict[Sector, list[int]] = defaultdict(list)

    # -- people and organisations -------------------------------------------------
    def _users(self, my_login: str | None) -> list[int]:
        ids: list[int] = []
        people = list(content.CASEWORKERS)
        if my_login:
            people[0] = (my_login, people[0][1], people[0][2])
        for login, name, department in [*people, content.TEAM_LEAD]:
            email_name = (
                name.lower().replace(" ", ".").replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
            )
            existing = self.session.scalar(select(User).where(User.login == login))
            if existing is not None:
                if existing.full_name == existing.login:  # a placeholder made at first start
                    existing.full_name, existing.department = name, department
                    existing.phone = existing.phone or "49 28 10 00"
                    # the demo's invitations are meeting requests from the reserved domain
                    existing.email = existing.email or f"{email_name}@{content.MAIL_DOMAIN}"
                ids.append(existing.id)
                continue
            role = UserRole.TEAM_LEAD if login == content.TEAM_LEAD[0] else UserRole.CASEWORKER
            ids.append(
                self.batch.add(
                    User,
                    login=login,
                    full_name=name,
                    department=department,
                    team="Team Nord",
                    role=role,
                    phone=f"49 28 {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
                    email=f"{email_name}@{content.MAIL_DOMAIN}",
                    active=True,
                )
            )
        return ids[: len(content.CASEWORKERS)]

    def _professional(self, sector: Sector) -> int:
        pool = self.professionals[sector]
        if pool and (len(pool) >= 4 or self.rng.random() < 0.7):
            return self.rng.choice(pool)
        role, organisation = self.rng.choice(
            content.PROFESSIONAL_ROLES.get(sector, (("Kontaktperson", "Fiktiv Kommune"),))
        )
        first = self.rng.choice(content.FEMALE_NAMES + content.MALE_NAMES)
        last = self.rng.choice(content.LAST_NAMES)
        pid = self.batch.add(
            Professional,
            name=f"{first} {last}",
            role=role,
            organisation=organisation,
            sector=sector,
            phone=f"{self.rng.randrange(20, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
            email=f"{first.lower()}.{last.lower()}@{content.MAIL_DOMAIN}".replace("ø", "oe")
            .replace("æ", "ae")
            .replace("å", "aa"),
        )
        pool.append(pid)
        return pid

    def _citizen(self, person: Person, address: tuple[str, str, str]) -> int:
        while True:
            cpr = fictional_cpr(person.born, person.female, self.rng)
            if cpr not in self.used_cpr:
                break
            person.born += timedelta(days=1)
        self.used_cpr.add(cpr)
        self.summary.citizens += 1
        street, postcode, town = address
        return self.batch.add(
            Citizen,
            cpr=cpr,
            first_name=person.first,
            last_name=person.last,
            birth_date=person.born,
            address=street,
            postcode=postcode,
            city=town,
            phone=f"{self.rng.randrange(20, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
            language=content.LANGUAGE_BY_SURNAME.get(person.last, "da"),
            interpreter_needed=person.last in ("Yilmaz", "Hussein", "Kowalski") and self.rng.random() < 0.5,
        )

    def _address(self) -> tuple[str, str, str]:
        postcode, town = self.rng.choice(content.TOWNS)
        return f"{self.rng.choice(content.STREETS)} {self.rng.randrange(1, 120)}", postcode, town

    def _name(self, female: bool) -> str:
        return self.rng.choice(content.FEMALE_NAMES if female else content.MALE_NAMES)

    # -- one household ------------------------------------------------------------
    def household(self, kind: str) -> tuple[list[Person], str, CoordinationModel]:
        rng, today = self.rng, self.today
        last = rng.choice(content.LAST_NAMES)
        people: list[Person] = []
        if kind == "adult":
            female = rng.random() < 0.5
            people.append(
                Person(
                    self._name(female),
                    last,
                    years_ago(today, rng.randrange(22, 58), rng),
                    female,
                    Relation.OTHER,
                )
            )
            return people, f"{people[0].first} {last}", CoordinationModel.HOLISTIC_PLAN
        two_parents = kind == "disability" and rng.random() < 0.6
        mother_age = rng.randrange(28, 48)
        people.append(
            Person(self._name(True), last, years_ago(today, mother_age, rng), True, Relation.PARENT, True)
        )
        if two_parents:
            people.append(
                Person(
                    self._name(False),
                    last,
                    years_ago(today, mother_age + rng.randrange(0, 6), rng),
                    False,
                    Relation.PARENT,
                    True,
                )
            )
        if kind == "youth":
            ages = [17 + rng.random() * 0.9]
            if rng.random() < 0.5:
                ages.append(rng.randrange(8, 15))
        else:
            ages = sorted(rng.sample(range(2, min(17, mother_age - 18)), k=rng.randrange(1, 4)), reverse=True)
        for age in ages:
            female = rng.random() < 0.5
            born = today - timedelta(days=int(age * 365.25) + rng.randrange(0, 150))
            people.append(Person(self._name(female), last, born, female, Relation.CHILD))
        model = rng.choice([CoordinationModel.ONE_FAMILY_ONE_ENTRY, CoordinationModel.TOGETHER_FOR_FAMILY])
        return people, f"Familien {last}", model

    def _coordinator(self) -> tuple[int, int | None]:
        if self.my_cases < MY_CASELOAD and self.rng.random() < 0.5:
            self.my_cases += 1
            coordinator = self.me
        else:
            coordinator = self.rng.choice(self.users[1:])
        mine_too = self.my_partner_cases < MY_PARTNER_CASES
        partner = (
            self.rng.choice([u for u in self.users if u != coordinator and (mine_too or u != self.me)])
            if self.rng.random() < 0.7
            else None
        )
        if partner == self.me:
            self.my_partner_cases += 1
        return coordinator, partner

    def add_case(
        self,
        people: list[Person],
        title: str,
        model: CoordinationModel,
        kind: str,
        *,
        coordinator: tuple[int, int | None] | None = None,
        opened_days_ago: int | None = None,
        templates: dict[int, tuple[Template, ...]] | None = None,
        goals: tuple[tuple[str, str, str], ...] | None = None,
        goal_members: GoalMembers | None = None,
    ) -> int:
        rng, today = self.rng, self.today
        address = self._address()
        citizen_ids = [self._citizen(p, address) for p in people]
        single = kind == "adult"
        family_id = None
        if not single:
            family_id = self.batch.add(Family, name=title)
            for position, (person, cid) in enumerate(zip(people, citizen_ids, strict=True)):
                self.batch.add(
                    FamilyMember,
                    family_id=family_id,
                    citizen_id=cid,
                    relation=person.relation,
                    custody=person.custody,
                    lives_in_household=True,
                    position=position,
                )
            self.summary.families += 1
        coordinator_id, partner_id = coordinator or self._coordinator()
        opened = today - timedelta(
            days=opened_days_ago if opened_days_ago is not None else rng.randrange(20, 720)
        )
        status = (
            rng.choices(
                [CaseStatus.ACTIVE, CaseStatus.CANDIDATE, CaseStatus.PAUSED, CaseStatus.CLOSED], [80, 7, 5, 8]
            )[0]
            if opened_days_ago is None
            else CaseStatus.ACTIVE
        )
        interval = rng.choice([42, 42, 63, 90])
        self.case_seq[opened.year] += 1
        number = case_number(opened.year, self.case_seq[opened.year])
        case_id = self.batch.add(
            Case,
            number=number,
            title=title,
            family_id=family_id,
            citizen_id=citizen_ids[0] if single else None,
            coordinator_id=coordinator_id,
            partner_id=partner_id,
            model=model,
            status=status,
            opened_on=opened,
            closed_on=today - timedelta(days=rng.randrange(1, 15)) if status == CaseStatus.CLOSED else None,
            closing_reason="Målene er nået" if status == CaseStatus.CLOSED else "",
            follow_up_interval_days=interval,
            search_text=case_search_text(number, title, [f"{p.first} {p.last}" for p in people]),
        )
        self.summary.cases += 1
        pros = self._interventions(case_id, people, citizen_ids, kind, opened, templates)
        self._transition_tracks(case_id, people, citizen_ids)
        last_held, meeting_ids = self.records.meetings(
            case_id, opened, interval, status, citizen_ids, pros, coordinator_id
        )
        self.batch.rows[Case][-1]["follow_up_due"] = follow_up_due(opened, last_held, interval)
        add_casework(
            self.batch,
            self.seed,
            today,
            case_id,
            status,
            citizen_ids,
            meeting_ids,
            coordinator_id,
            partner_id,
        )
        if meeting_ids and (goals is not None or rng.random() < 0.7):
            self.records.plan(
                case_id, people, citizen_ids, meeting_ids, pros, coordinator_id, kind, goals, goal_members
            )
        return case_id

    def _interventions(
        self,
        case_id: int,
        people: list[Person],
        citizen_ids: list[int],
        kind: str,
        opened: date,
        templates: dict[int, tuple[Template, ...]] | None,
    ) -> list[int]:
        rng, today = self.rng, self.today
        professionals: list[int] = []
        for index, (person, cid) in enumerate(zip(people, citizen_ids, strict=True)):
            if templates is not None:
                chosen = templates.get(index, ())
            else:
                pool = (
                    content.ADULT
                    if kind == "adult"
                    else content.PARENT_SUPPORT
                    if person.relation == Relation.PARENT
                    else content.YOUTH
                    if (today - person.born).days > 16 * 365
                    else content.CHILD_DISABILITY
                    if kind == "disability" and index == len(people) - 1
                    else content.CHILD_WELFARE
                )
                chosen = tuple(rng.sample(pool, k=min(len(pool), rng.randrange(1, 4))))
            for code, title, sector, plan, source, slots in chosen:
                if templates is not None:  # a told story (Lise): everything runs now
                    start = opened + timedelta(days=rng.randrange(-60, 30))
                    end = today + timedelta(days=rng.randrange(60, 300))
                else:
                    start = opened + timedelta(days=rng.randrange(-200, 60))
                    end = start + timedelta(days=rng.choice([90, 180, 365, 730]))
                status = (
                    InterventionStatus.ENDED
                    if end < today
                    else (InterventionStatus.PLANNED if start > today else InterventionStatus.ACTIVE)
                )
                pro = self._professional(sector)
                professionals.append(pro)
                iid = self.batch.add(
                    Intervention,
                    case_id=case_id,
                    citizen_id=cid,
                    law_section_id=self.sections.get(code),
                    title=title,
                    sector=sector,
                    professional_id=pro,
                    start_date=start,
                    end_date=end,
                    status=status,
                    sector_plan=plan,
                    source_system=source,
                    last_checked=today - timedelta(days=rng.randrange(0, 120)) if source else None,
                )
                self.summary.interventions += 1
                for weekday, start_h, end_h, needs_parent in slots:
                    self.batch.add(
                        InterventionSlot,
                        intervention_id=iid,
                        weekday=weekday,
                        start_time=time(start_h),
                        end_time=time(end_h),
                        needs_parent=needs_parent,
                    )
        for pro in dict.fromkeys(professionals):
            self.batch.add(CaseProfessional, case_id=case_id, professional_id=pro, note="")
        return list(dict.fromkeys(professionals))

    def _transition_tracks(self, case_id: int, people: list[Person], citizen_ids: list[int]) -> None:
        # A generator of its own, so that adding tracks leaves the rest of the demo unchanged.
        rng = random.Random(self.seed * 1_000_003 + case_id)
        for person, cid in zip(people, citizen_ids, strict=True):
            if person.relation != Relation.CHILD or not needs_transition_track(person.born, self.today):
                continue
            if rng.random() < 0.4:
                continue  # no track yet: the family screen warns about it
            track_id = self.batch.add(
                TransitionTrack,
                case_id=case_id,
                citizen_id=cid,
                deadline=transition_deadline(person.born),
                adult_contact_name=rng.choice(["Birgitte Holm", "Jens Aagaard", ""]),
                adult_contact_organisation="Voksenhandicap, Myndighed",
                adult_contact_phone="",
                adult_contact_email="",
                note="",
            )
            done = rng.randrange(0, len(TRANSITION_TOPICS) + 1)
            for position, topic in enumerate(TRANSITION_TOPICS):
                self.batch.add(
                    TransitionTopic,
                    track_id=track_id,
                    topic=topic,
                    position=position,
                    done=position < done,
                    note="",
                )

    # -- the invented case of Lise (seed 004) ------------------------------------
    def lise(self) -> int:
        today = self.today
        people = [
            Person(
                "Lise",
                "Holm Jensen",
                today - timedelta(days=int(38 * 365.25) + 40),
                True,
                Relation.PARENT,
                True,
            ),
            Person(
                "Oliver", "Holm Jensen", today - timedelta(days=int(15 * 365.25) + 100), False, Relation.CHILD
            ),
            Person(
                "Freja", "Holm Jensen", today - timedelta(days=int(12 * 365.25) + 20), True, Relation.CHILD
            ),
            Person(
                "Emil", "Holm Jensen", today - timedelta(days=int(9 * 365.25) + 200), False, Relation.CHILD
            ),
        ]
        templates: dict[int, tuple[Template, ...]] = {
            0: (
                (
                    "LAB-KAP11",
                    "Virksomhedspraktik på plejecenter Bøgely",
                    Sector.EMPLOYMENT,
                    "Min Plan",
                    "Momentum",
                    ((0, 8, 13, False), (2, 8, 13, False), (3, 8, 13, False)),
                ),
                ("LAS-16-20", "Kontanthjælp", Sector.EMPLOYMENT, "Min Plan", "Momentum", ()),
                (
                    "BL-32-1",
                    "Familiebehandling i Familiehuset",
                    Sector.SOCIAL_CHILDREN,
                    "Barnets plan",
                    "DUBU",
                    ((1, 16, 18, False),),
                ),
            ),
            1: (
                (
                    "BL-32-1",
                    "Fast kontaktperson",
                    Sector.SOCIAL_CHILDREN,
                    "Barnets plan",
                    "DUBU",
                    ((2, 15, 17, False),),
                ),
                (
                    "KUI-2C",
                    "Vejledning om fritidsjob og uddannelse",
                    Sector.YOUTH,
                    "Uddannelsesplan",
                    "",
                    ((3, 13, 14, False),),
                ),
            ),
            2: (("FSL-3-2", "Støtte i klassen", Sector.EDUCATION, "Elevplan", "", ((1, 9, 12, False),)),),
            3: (
                (
                    "BL-30",
                    "Samtalegruppe for børn, der har oplevet vold",
                    Sector.SOCIAL_CHILDREN,
                    "",
                    "",
                    # A parent comes along - while Lise is in her work placement (a collision).
                    ((3, 12, 14, True),),
                ),
                ("FSL-3-2", "Støtte i klassen", Sector.EDUCATION, "Elevplan", "", ((0, 9, 11, False),)),
            ),
        }
        goals = (
            (
                "Lise bliver selvforsørgende",
                "Lise kommer i virksomhedspraktik",
                "Lise møder op i praktikken tre dage om ugen",
            ),
            (
                "Børnene trives i skolen",
                "Børnene har overskud i skoledagen",
                "Freja og Emil kommer i skole hver dag",
            ),
            (
                "Oliver og Freja har et fritidsliv",
                "Oliver får et fritidsjob",
                "Freja fortsætter til håndbold",
            ),
        )
        return self.add_case(
            people,
            "Familien Holm Jensen",
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
            "single_parent",
            coordinator=(self.me, self.users[1]),
            opened_days_ago=150,
            templates=templates,
            goals=goals,
            # Seed 004: "De tre børn skal have støtte til at få overskud til at trives i skolen,
            # dernæst … fritidsaktiviteter og fritidsjob for det ældste barn". People: Lise 0,
            # Oliver 1, Freja 2, Emil 3.
            goal_members=(
                ((0,), (0,), (0,)),
                ((1, 2, 3), (1, 2, 3), (2, 3)),
                ((1, 2), (1,), (2,)),
            ),
        )


class DemoRefusedError(RuntimeError):
    """Demo data cannot go into this store from this login (a plain message)."""


def generate_demo(
    session: Session,
    families: int = 40,
    seed: int = 1,
    today: date | None = None,
    my_login: str | None = None,
) -> DemoSummary:
    """Add ``families`` fictional households (plus Lise's) to the store in the session."""
    from app.store.reach import uses_reach

    if uses_reach(session):
        raise DemoRefusedError(
            "demo data goes into a shared server only by IT, as the owner or an admin "
            "(a caseworker's role reaches too little of the store to number the new rows)"
        )
    today = today or local_today()
    load_catalogue(session)
    gen = _Generator(session, seed, today, my_login)
    gen.lise()
    kinds = ["disability", "single_parent", "youth", "adult"]
    for _ in range(max(0, families)):
        kind = gen.rng.choices(kinds, [35, 25, 20, 20])[0]
        people, title, model = gen.household(kind)
        gen.add_case(people, title, model, kind)
    gen.batch.flush()
    session.flush()
    _count_case_numbers(session, gen.case_seq)
    from app.store.reach import sync_case_numbers

    sync_case_numbers(session, sorted(gen.case_seq))
    if session.get_bind().dialect.name == "postgresql":
        # A bulk load leaves the planner without statistics (and a server may run without
        # autovacuum): the first queries would plan as if the tables were empty.
        session.execute(text("ANALYZE"))
    return gen.summary


def _count_case_numbers(session: Session, used: dict[int, int]) -> None:
    """The year's case-number counters move past the numbers the demo gave out, so the
    next case made in the program gets a free number."""
    from app.models import CaseNumberCounter

    for year, last in used.items():
        counter = session.get(CaseNumberCounter, year, populate_existing=True)
        if counter is None:
            session.add(CaseNumberCounter(year=year, last=last))
        elif counter.last < last:
            counter.last = last
    session.flush()
