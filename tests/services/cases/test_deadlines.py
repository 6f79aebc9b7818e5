"""The deadline engine: each rule (BL § 95, § 20, § 91, §§ 108-109/122-123, the case's cadence,
agreements) with positive, negative and done cases; the rules as data (a changed csv changes
the due date; bad rows are refused with their line); the upcoming/overdue lists; per user."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from app.models import (
    Agreement,
    Case,
    Citizen,
    Intervention,
    LawSection,
    Meeting,
    PlanVersion,
    TransitionTopic,
    TransitionTrack,
    User,
)
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    CoordinationModel,
    InterventionStatus,
    MeetingKind,
    MeetingStatus,
    PlanState,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.cases.deadlines import (
    FIELDS,
    Deadline,
    RuleKind,
    Trigger,
    deadlines_for_case,
    deadlines_for_cases,
    deadlines_for_user,
    load_rules,
    overdue_case_ids,
    upcoming,
)
from app.services.common.clock import LOCAL_TZ
from app.services.common.cpr import fictional_cpr
from app.services.common.validation import Problem, ValidationError
from app.services.family.interventions import InterventionInput, add_intervention
from app.services.family.law_catalogue import read_catalogue
from app.services.family.transition import TOPICS

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day

TODAY = date(2026, 11, 24)
OPENED = date(2026, 8, 1)  # follow-up every 42 days: first due 2026-09-12


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"deadlines-{born}-{female}"))


MOTHER_CPR = cpr(date(1985, 3, 12), True)
YOUTH_CPR = cpr(date(2009, 9, 2), False)  # 17 today; 18 on 2027-09-02
CHILD_CPR = cpr(date(2016, 5, 20), True)  # 10 today
SINGLE_CPR = cpr(date(2010, 1, 31), True)  # 16 today; 18 on 2028-01-31

_uids = itertools.count(1)


# -- building the store ----------------------------------------------------------------------


def family_case(s, coordinator_id: int, *, partner_id: int | None = None, opened: date = OPENED) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name="Familien Åberg",
        members=[
            MemberInput("Mette", "Åberg", MOTHER_CPR, Relation.PARENT, custody=True),
            MemberInput("Søren", "Åberg", YOUTH_CPR, Relation.CHILD),
            MemberInput("Ida", "Åberg", CHILD_CPR, Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        partner_id=partner_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    return create_case(s, data, opened).id


def single_case(s, coordinator_id: int) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        single_citizen=True,
        members=[MemberInput("Karin", "Bæk", SINGLE_CPR, Relation.OTHER)],
        coordinator_id=coordinator_id,
        model=CoordinationModel.HOLISTIC_PLAN,
    )
    return create_case(s, data, OPENED).id


def citizen(s, cpr_digits: str) -> int:  # type: ignore[no-untyped-def]
    cid = s.scalar(select(Citizen.id).where(Citizen.cpr == cpr_digits))
    assert cid is not None
    return cid


def measure(  # type: ignore[no-untyped-def]
    s,
    case_id: int,
    citizen_id: int,
    code: str,
    start: date,
    *,
    end: date | None = None,
    status: InterventionStatus = InterventionStatus.ACTIVE,
    title: str | None = None,
    noticed: date | None = None,
) -> int:
    section = s.scalar(select(LawSection).where(LawSection.code == code))
    assert section is not None, code
    data = InterventionInput(
        citizen_id=citizen_id,
        title=title or f"Indsats {code}",
        sector=Sector.SOCIAL_CHILDREN,
        law_section_id=section.id,
        start_date=start,
        end_date=end,
        status=status,
        noticed_on=noticed,
    )
    return add_intervention(s, case_id, data, TODAY)


def meeting(  # type: ignore[no-untyped-def]
    s,
    case_id: int,
    day: date,
    status: MeetingStatus = MeetingStatus.HELD,
    kind: MeetingKind = MeetingKind.FOLLOW_UP,
) -> int:
    starts = datetime.combine(day, time(10), tzinfo=LOCAL_TZ)
    row = Meeting(
        case_id=case_id,
        kind=kind,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        status=status,
        ical_uid=f"deadlines-{next(_uids)}@test",
    )
    s.add(row)
    s.flush()
    return row.id


def plan_version(s, case_id: int, number: int, state: PlanState = PlanState.APPROVED) -> int:  # type: ignore[no-untyped-def]
    pv = PlanVersion(
        case_id=case_id,
        number=number,
        state=state,
        approved_on=TODAY - timedelta(days=10) if state == PlanState.APPROVED else None,
    )
    s.add(pv)
    s.flush()
    return pv.id


def agreement(  # type: ignore[no-untyped-def]
    s,
    pv_id: int,
    what: str,
    due: date | None,
    status: AgreementStatus = AgreementStatus.OPEN,
    citizen_id: int | None = None,
) -> None:
    s.add(
        Agreement(
            plan_version_id=pv_id,
            what=what,
            responsible_kind=ResponsibleKind.MEMBER if citizen_id else ResponsibleKind.COORDINATOR,
            responsible_citizen_id=citizen_id,
            due_date=due,
            status=status,
        )
    )
    s.flush()


def track(s, case_id: int, citizen_id: int, done: int) -> None:  # type: ignore[no-untyped-def]
    """A transition track with the first ``done`` topics done."""
    row = TransitionTrack(case_id=case_id, citizen_id=citizen_id, deadline=date(2027, 3, 2))
    row.topics = [TransitionTopic(topic=t, position=i, done=i < done) for i, t in enumerate(TOPICS)]
    s.add(row)
    s.flush()


class Family:
    def __init__(self, ctx, case_id: int, mother: int, youth: int, child: int) -> None:  # type: ignore[no-untyped-def]
        self.ctx, self.case_id, self.mother, self.youth, self.child = ctx, case_id, mother, youth, child

    def deadlines(self, rule_code: str | None = None, today: date = TODAY, **kw) -> list[Deadline]:  # type: ignore[no-untyped-def]
        with self.ctx.sessions() as s:
            found = deadlines_for_case(s, self.case_id, today, **kw)
        return [d for d in found if rule_code is None or d.rule_code == rule_code]


@pytest.fixture
def family(sqlite_context) -> Family:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        return Family(
            sqlite_context, case_id, citizen(s, MOTHER_CPR), citizen(s, YOUTH_CPR), citizen(s, CHILD_CPR)
        )


LAW_TAIL = ",law,stk. 2,Barnets lov,,"  # kind, paragraph, source, ages, earlier_codes


def write_rules(tmp_path: Path, *rows: str, header: str = ",".join(FIELDS)) -> Path:
    path = tmp_path / "rules.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


BL95_ROW = (
    "BL95,BL § 95,First follow-up,Første opfølgning,intervention_start,BL-32-1;BL-46,{months},0,{start},{end}"
    + LAW_TAIL
)


# -- the rules file --------------------------------------------------------------------------


def test_the_shipped_rules_cover_every_trigger_with_catalogue_codes() -> None:
    rules = load_rules()
    by_code = {r.code: r for r in rules}
    assert {r.trigger for r in rules} == set(Trigger)
    assert {(r.code, r.cited, r.months, r.kind) for r in rules} >= {
        ("BL95-FIRST-FOLLOW-UP", "BL § 95, stk. 2", 3, RuleKind.LAW),
        ("BL20-BFU", "BL § 20, stk. 3", 4, RuleKind.LAW),
        ("BL91-CHILD-PLAN", "BL § 91, stk. 2", 3, RuleKind.LAW),
        ("BL91-CHILD-PLAN-47", "BL § 91, stk. 2, 2. pkt.", 0, RuleKind.LAW),
        ("BL91-CONSIDER-PLAN", "BL § 91, stk. 1", 0, RuleKind.REMINDER),
        ("BL108-YOUTH-PLAN", "BL § 108, stk. 2-3", 3, RuleKind.LAW),
        ("BL108-CONSIDER-PLAN", "BL § 108, stk. 1", 0, RuleKind.REMINDER),
        ("BL111-YOUNG-SUPPORT", "BL § 111, stk. 1", 6, RuleKind.LAW),
        ("BL122-TRANSITION", "BL § 123, stk. 3", 0, RuleKind.LAW),
        ("CASE-FOLLOW-UP", "Sagens kadence", 0, RuleKind.OWN),
        ("PLAN-AGREEMENT", "Den fælles plan", 0, RuleKind.OWN),
    }
    # every rule of the law names its law's number and the paragraph, and says whom it covers
    for rule in rules:
        if rule.kind != RuleKind.OWN:
            assert rule.paragraph and rule.source.startswith("Barnets lov, LBK nr. 282"), rule.code
            assert rule.full_source.startswith(rule.law_reference), rule.code
        else:
            assert rule.full_source == "", rule.code
    assert by_code["BL20-BFU"].trigger_codes == {"BL-20"}
    assert {"BL-32-1", "BL-32-1-7", "BL-46"} <= by_code["BL95-FIRST-FOLLOW-UP"].trigger_codes
    assert by_code["BL91-CHILD-PLAN"].trigger_codes == {"BL-46"}  # placements only
    assert by_code["BL91-CHILD-PLAN-47"].trigger_codes == {"BL-47"}
    assert by_code["BL108-YOUTH-PLAN"].trigger_codes == {"BL-46", "BL-47"}
    assert (by_code["BL91-CHILD-PLAN"].ages, by_code["BL108-YOUTH-PLAN"].ages) == ((0, 15), (16, 22))
    catalogue = {row.code for row in read_catalogue()}
    unknown = {c for r in rules for c in r.trigger_codes} - catalogue
    assert not unknown, f"trigger codes missing from law_sections.csv: {unknown}"
    assert all(r.title_da and r.title_en and r.valid_on(TODAY) for r in rules)


def test_a_changed_months_value_changes_the_due_date(family: Family, tmp_path: Path) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1))
    three = load_rules(write_rules(tmp_path, BL95_ROW.format(months=3, start="2024-01-01", end="")))
    assert [d.due for d in family.deadlines(rules=three)] == [date(2027, 1, 1)]
    two = load_rules(write_rules(tmp_path, BL95_ROW.format(months=2, start="2024-01-01", end="")))
    assert [d.due for d in family.deadlines(rules=two)] == [date(2026, 12, 1)]
    days = load_rules(
        write_rules(
            tmp_path, BL95_ROW.format(months=2, start="2024-01-01", end="").replace(",2,0,", ",2,10,")
        )
    )
    assert [d.due for d in family.deadlines(rules=days)] == [date(2026, 12, 11)]


def test_rules_not_in_force_today_are_skipped(family: Family, tmp_path: Path) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1))
    old = BL95_ROW.format(months=3, start="2024-01-01", end="2026-11-23")
    new = BL95_ROW.format(months=2, start="2026-11-24", end="").replace("BL95,", "BL95-NEW,", 1)
    rules = load_rules(write_rules(tmp_path, old, new))
    assert [(d.rule_code, d.due) for d in family.deadlines(rules=rules)] == [("BL95-NEW", date(2026, 12, 1))]
    assert [(d.rule_code, d.due) for d in family.deadlines(rules=rules, today=date(2026, 11, 23))] == [
        ("BL95", date(2027, 1, 1))
    ]
    later = load_rules(write_rules(tmp_path, BL95_ROW.format(months=3, start="2027-01-01", end="")))
    assert family.deadlines(rules=later) == []


GOOD = "X,BL § 95,Title,Titel,intervention_start,BL-32-1,3,0,2024-01-01," + LAW_TAIL


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X,BL § 95,Title,Titel,when_ever,BL-32-1,3,0,2024-01-01," + LAW_TAIL, "trigger must be one of"),
        (
            "X,BL § 95,Title,Titel,intervention_start,BL-32-1,three,0,2024-01-01," + LAW_TAIL,
            "months must be a whole",
        ),
        (
            "X,BL § 95,Title,Titel,intervention_start,BL-32-1,3,-1,2024-01-01," + LAW_TAIL,
            "days must be between",
        ),
        (
            "X,BL § 95,Title,Titel,intervention_start,BL-32-1,3,0,1/1/2024," + LAW_TAIL,
            "valid_from must be a date",
        ),
        (
            "X,BL § 95,Title,Titel,intervention_start,BL-32-1,3,0,2024-01-01,2023-12-31" + LAW_TAIL,
            "valid_to is before",
        ),
        ("X,BL § 95,Title,Titel,intervention_start,,3,0,2024-01-01," + LAW_TAIL, "needs trigger_codes"),
        ("X,Kadence,Title,Titel,follow_up,BL-95,0,0,2024-01-01," + ",own,,,,", "takes no trigger_codes"),
        (
            "X,BL § 95,Title,Titel,intervention_start,BL 32,3,0,2024-01-01," + LAW_TAIL,
            "invalid catalogue code",
        ),
        ("X,BL § 95,,Titel,intervention_start,BL-32-1,3,0,2024-01-01," + LAW_TAIL, "title_en is empty"),
        ("X Y,BL § 95,Title,Titel,intervention_start,BL-32-1,3,0,2024-01-01," + LAW_TAIL, "code must be"),
        ("X,BL § 95,Title,Titel,intervention_start,BL-32-1,3,0", "expected 15 columns"),
        (GOOD + ",extra", "expected 15 columns"),
        (GOOD.replace(",law,", ",lov,"), "kind must be one of law, reminder, own"),
        (GOOD.replace(",law,stk. 2,Barnets lov,", ",law,stk. 2,,"), "a law rule needs its source"),
        (
            GOOD.replace("intervention_start", "plan_consider"),
            "trigger plan_consider makes a reminder, not a law",
        ),
        (GOOD.replace("intervention_start", "youth_plan"), "trigger youth_plan needs ages"),
        (GOOD[:-1] + "0-15,", "trigger intervention_start takes no ages"),
        (GOOD.replace("intervention_start", "plan_missing")[:-1] + "16,", "ages must be two whole numbers"),
        (GOOD.replace("intervention_start", "plan_missing")[:-1] + "17-16,", "ages must run from the lower"),
        (GOOD.replace("intervention_start", "plan_missing")[:-1] + "0-121,", "ages must run from the lower"),
        (GOOD + "BL 19", "earlier_codes has an invalid catalogue code"),
        (GOOD.replace("intervention_start", "plan_missing") + "BL-19", "takes no earlier_codes"),
        (GOOD, "already used on line 2"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(tmp_path: Path, row: str, message: str) -> None:
    path = write_rules(tmp_path, GOOD, row)
    with pytest.raises(ValueError, match="line 3") as info:
        load_rules(path)
    assert message in str(info.value)
    assert "rules.csv" in str(info.value)


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = write_rules(tmp_path, GOOD, header="code,law,title_en,title_da,trigger,codes,months,days,from,to")
    with pytest.raises(ValueError, match="line 1: expected the columns"):
        load_rules(path)


def test_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "rules.csv"
    path.write_text(",".join(FIELDS) + "\n\n" + GOOD + "\n\n", encoding="utf-8")
    assert [r.code for r in load_rules(path)] == ["X"]


# -- BL § 95: first follow-up -----------------------------------------------------------------


def test_first_follow_up_is_due_three_months_after_the_measure_starts(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1), title="Fast kontaktperson")
        measure(s, family.case_id, family.youth, "BL-46", date(2026, 11, 30), title="Anbringelse")
    found = family.deadlines("BL95-FIRST-FOLLOW-UP")
    assert [(d.due, d.detail, d.citizen_id, d.done) for d in found] == [
        (date(2027, 1, 1), "Fast kontaktperson", family.child, False),
        (date(2027, 2, 28), "Anbringelse", family.youth, False),  # 30 November + 3 months, clamped
    ]
    first = found[0]
    assert (first.law_reference, first.title) == ("BL § 95", "Første opfølgning på indsatsen")
    assert (first.case_id, first.family_name) == (family.case_id, "Familien Åberg")
    assert first.case_number.startswith("K-2026-")
    assert not first.overdue(TODAY)


def test_first_follow_up_not_for_other_ended_or_short_measures(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-30", date(2026, 10, 1))  # no decision: no rule
        measure(s, family.case_id, family.child, "BL-35", date(2026, 10, 1))  # financial support
        measure(
            s,
            family.case_id,
            family.child,
            "BL-32-1",
            date(2026, 6, 1),
            end=date(2026, 8, 31),
            status=InterventionStatus.ENDED,
        )
        measure(s, family.case_id, family.child, "BL-32-1-7", date(2026, 11, 1), end=date(2026, 12, 20))
    assert family.deadlines("BL95-FIRST-FOLLOW-UP") == []


def test_first_follow_up_is_done_by_a_held_meeting_after_the_start(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1))
        meeting(s, family.case_id, date(2026, 9, 30))  # before the start: does not count
        meeting(s, family.case_id, date(2026, 11, 10), MeetingStatus.CANCELLED)
        meeting(s, family.case_id, date(2026, 12, 10), MeetingStatus.PLANNED)
    assert [d.done for d in family.deadlines("BL95-FIRST-FOLLOW-UP")] == [False]
    with family.ctx.sessions.begin() as s:
        meeting(s, family.case_id, date(2026, 10, 1))  # on the start day
    assert [d.done for d in family.deadlines("BL95-FIRST-FOLLOW-UP")] == [True]


@pytest.mark.parametrize(
    ("code", "start", "end", "whose", "due"),
    [
        ("BL-20", date(2026, 9, 1), date(2026, 11, 15), "child", date(2026, 11, 15)),  # the BFU ends first
        ("BL-19", date(2026, 10, 1), date(2026, 12, 20), "child", date(2026, 12, 20)),  # an afdækning
        ("BL-20", date(2026, 9, 1), date(2027, 2, 1), "child", date(2027, 1, 1)),  # 3 months come first
        ("BL-20", date(2026, 9, 1), None, "child", date(2027, 1, 1)),  # no end recorded
        ("BL-20", date(2026, 10, 15), date(2026, 11, 15), "child", date(2027, 1, 1)),  # began after it
        ("BL-20", date(2026, 9, 1), date(2026, 11, 15), "youth", date(2027, 1, 1)),  # another child's
    ],
)
def test_first_follow_up_comes_sooner_when_an_investigation_alongside_ends(  # type: ignore[no-untyped-def]
    family: Family, code: str, start: date, end: date | None, whose: str, due: date
) -> None:
    """BL § 95, stk. 2: the earlier of the afdækning/BFU's end (made alongside the measure,
    § 32, stk. 4) and 3 months after the measure started (here 2026-10-01)."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1), title="Støtte")
        measure(s, family.case_id, getattr(family, whose), code, start, end=end, title="Undersøgelse")
    (first,) = family.deadlines("BL95-FIRST-FOLLOW-UP")
    assert (first.detail, first.due) == ("Støtte", due)


@pytest.mark.parametrize(
    "kind", [MeetingKind.NETWORK, MeetingKind.STATUS, MeetingKind.START, MeetingKind.CLOSING]
)
def test_first_follow_up_is_done_only_by_a_follow_up_meeting(family: Family, kind: MeetingKind) -> None:
    """A held network, status, start or closing meeting is no follow-up (it used to count)."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1))
        meeting(s, family.case_id, date(2026, 10, 20), kind=kind)
    (open_,) = family.deadlines("BL95-FIRST-FOLLOW-UP")
    assert (open_.due, open_.done) == (date(2027, 1, 1), False)
    with family.ctx.sessions.begin() as s:
        meeting(s, family.case_id, date(2026, 11, 20), kind=MeetingKind.FOLLOW_UP)
    assert [d.done for d in family.deadlines("BL95-FIRST-FOLLOW-UP")] == [True]


def test_a_missed_first_follow_up_is_overdue_until_one_is_held(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 7, 15))
    (missed,) = family.deadlines("BL95-FIRST-FOLLOW-UP")
    assert (missed.due, missed.done, missed.overdue(TODAY)) == (date(2026, 10, 15), False, True)
    with family.ctx.sessions.begin() as s:
        meeting(s, family.case_id, date(2026, 11, 2))  # late, but held
    (late,) = family.deadlines("BL95-FIRST-FOLLOW-UP")
    assert (late.done, late.overdue(TODAY)) == (True, False)


def test_a_meeting_in_another_case_does_not_count(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        other = single_case(s, family.ctx.user.id)
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 10, 1))
        meeting(s, other, date(2026, 11, 10))
    assert [d.done for d in family.deadlines("BL95-FIRST-FOLLOW-UP")] == [False]


# -- BL § 20: børnefaglig undersøgelse ----------------------------------------------------------


def test_bfu_is_due_four_months_after_it_starts(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-20", date(2026, 9, 15), title="BFU Ida")
        measure(s, family.case_id, family.child, "BL-19", date(2026, 9, 15), title="Afdækning")
    found = family.deadlines("BL20-BFU")
    assert [(d.due, d.detail, d.law_reference, d.done) for d in found] == [
        (date(2027, 1, 15), "BFU Ida", "BL § 20", False)
    ]


def test_bfu_overdue_and_done_when_finished(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-20", date(2026, 5, 4), title="Open")
        measure(
            s,
            family.case_id,
            family.youth,
            "BL-20",
            date(2026, 5, 4),
            end=date(2026, 9, 1),
            status=InterventionStatus.ENDED,
            title="Ended",
        )
        measure(s, family.case_id, family.mother, "BL-20", date(2026, 6, 1), end=TODAY, title="Ends today")
    found = {d.detail: d for d in family.deadlines("BL20-BFU")}
    assert {k: (d.due, d.done, d.overdue(TODAY)) for k, d in found.items()} == {
        "Open": (date(2026, 9, 4), False, True),
        "Ended": (date(2026, 9, 4), True, False),
        "Ends today": (date(2026, 10, 1), True, False),
    }


@pytest.mark.parametrize(
    ("noticed", "start", "due"),
    [
        (date(2026, 8, 3), date(2026, 9, 15), date(2026, 12, 3)),  # a notification on 3 August
        (date(2026, 9, 15), date(2026, 9, 15), date(2027, 1, 15)),  # noticed the day it starts
        (date(2026, 6, 30), date(2026, 8, 1), date(2026, 10, 30)),  # 30 June + 4 months
        (date(2025, 10, 31), date(2025, 11, 2), date(2026, 2, 28)),  # February has no 31st
        (date(2023, 10, 31), date(2024, 1, 2), date(2024, 2, 29)),  # a leap year
    ],
)
def test_bfu_runs_from_when_the_need_was_noticed(
    family: Family, noticed: date, start: date, due: date
) -> None:
    """BL § 20, stk. 3: 4 months after the municipality became aware, not after the start."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-20", start, title="BFU Ida", noticed=noticed)
    (bfu,) = family.deadlines("BL20-BFU", today=max(TODAY, start))
    assert (bfu.due, bfu.from_start) == (due, False)


def test_bfu_without_the_day_noticed_runs_from_its_start_and_says_so(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-20", date(2026, 9, 15))
    (bfu,) = family.deadlines("BL20-BFU")
    assert (bfu.due, bfu.from_start) == (date(2027, 1, 15), True)


@pytest.mark.parametrize(
    ("noticed", "problem"),
    [(date(2026, 9, 16), Problem.NOTICED_AFTER_START), (TODAY + timedelta(days=1), Problem.IN_FUTURE)],
)
def test_a_need_noticed_after_the_start_or_in_the_future_is_refused(
    family: Family, noticed: date, problem: Problem
) -> None:
    start = date(2026, 9, 15) if problem == Problem.NOTICED_AFTER_START else TODAY
    with pytest.raises(ValidationError) as info, family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-20", start, noticed=noticed)
    assert [(p.field, p.problem) for p in info.value.problems] == [("noticed_on", problem)]
    with family.ctx.sessions() as s:
        assert s.scalar(select(Intervention.id)) is None  # nothing stored


# -- BL § 91: barnets plan (the worked examples of docs/law-notes.md) ------------------------------


def test_childs_plan_due_three_months_after_the_placement(family: Family) -> None:
    """Ida (9) is placed under § 46 from 2026-08-20 and has § 32 support from 2026-09-10:
    one deadline, from the placement, on 2026-11-20, overdue on the 24th."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 9, 10))
        measure(s, family.case_id, family.child, "BL-46", date(2026, 8, 20))
        measure(s, family.case_id, family.youth, "BL-30", date(2026, 8, 20))  # no decision
    found = family.deadlines("BL91-CHILD-PLAN")
    assert [(d.due, d.citizen_id, d.detail, d.done) for d in found] == [
        (date(2026, 11, 20), family.child, "Ida Åberg", False)
    ]
    assert found[0].overdue(TODAY)
    assert found[0].law_reference == "BL § 91"


def test_support_under_section_32_alone_imposes_no_childs_plan(family: Family) -> None:
    """For § 32 support the municipality must consider a plan: no deadline (it was one)."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 9, 10), title="Fast kontaktperson")
        measure(s, family.case_id, family.child, "BL-32-1-7", date(2026, 6, 1))
    assert family.deadlines("BL91-CHILD-PLAN") == []


@pytest.mark.parametrize(
    ("code", "start", "rule", "due"),
    [
        # without consent (§ 47) the plan must exist before the decision: due on the day
        ("BL-47", date(2026, 5, 31), "BL91-CHILD-PLAN-47", date(2026, 5, 31)),
        ("BL-46", date(2026, 11, 30), "BL91-CHILD-PLAN", date(2027, 2, 28)),  # February has no 30th
        ("BL-46", date(2027, 11, 30), "BL91-CHILD-PLAN", date(2028, 2, 29)),  # … a leap year's has a 29th
        ("BL-47", date(2026, 1, 1), "BL91-CHILD-PLAN-47", date(2026, 1, 1)),
        ("BL-46", date(2026, 5, 31), "BL91-CHILD-PLAN", date(2026, 8, 31)),
    ],
)
def test_childs_plan_due_for_either_placement_on_the_calendar(
    family: Family, code: str, start: date, rule: str, due: date
) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, code, start)
    found = [d for d in family.deadlines() if d.rule_code.startswith("BL91-CHILD-PLAN")]
    assert [(d.rule_code, d.due) for d in found] == [(rule, due)]


def test_childs_plan_done_when_the_placement_records_it_not_by_the_common_plan(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        placement = measure(s, family.case_id, family.child, "BL-46", date(2026, 8, 20))
        plan_version(s, family.case_id, 1, PlanState.DRAFT)
    assert [d.done for d in family.deadlines("BL91-CHILD-PLAN")] == [False]
    with family.ctx.sessions.begin() as s:  # an approved common plan is not barnets plan (BL § 110)
        pv = s.scalar(select(PlanVersion).where(PlanVersion.case_id == family.case_id))
        pv.state, pv.approved_on = PlanState.APPROVED, TODAY
    assert [d.done for d in family.deadlines("BL91-CHILD-PLAN")] == [False]
    with family.ctx.sessions.begin() as s:
        s.get(Intervention, placement).sector_plan = "Barnets plan"
    (done,) = family.deadlines("BL91-CHILD-PLAN")
    assert done.done and not done.overdue(TODAY)


def test_no_childs_plan_deadline_without_a_placement_in_force(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-35", date(2026, 8, 20))
        measure(
            s,
            family.case_id,
            family.youth,
            "BL-46",
            date(2026, 1, 5),
            end=date(2026, 6, 30),
            status=InterventionStatus.ENDED,
        )
    assert family.deadlines("BL91-CHILD-PLAN") == []


# -- BL §§ 108-109 / 122-123: ready six months before 18 -------------------------------------------


def test_support_after_18_decided_six_months_before_for_a_placed_youth(family: Family) -> None:
    """BL § 111: a placed youth's support after 18 is decided six months before the birthday."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.youth, "BL-46", date(2026, 3, 1))
        measure(s, family.case_id, family.child, "BL-46", date(2026, 3, 1))  # 10 years old: too young
    found = family.deadlines("BL111-YOUNG-SUPPORT")
    assert [(d.due, d.citizen_id, d.detail, d.law_reference, d.done) for d in found] == [
        (date(2027, 3, 2), family.youth, "Søren Åberg", "BL § 111", False)
    ]
    assert family.deadlines("BL122-TRANSITION") == []  # no disability measure, no track


def test_transition_deadline_from_a_track_or_a_disability_measure(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        track(s, family.case_id, family.youth, done=len(TOPICS) - 1)
    (open_,) = family.deadlines("BL122-TRANSITION")
    # BL § 123, stk. 3: ready so that help can start at once on the 18th birthday
    assert (open_.due, open_.citizen_id, open_.done) == (date(2027, 9, 2), family.youth, False)
    assert family.deadlines("BL111-YOUNG-SUPPORT") == []  # not placed
    with family.ctx.sessions.begin() as s:
        topic = s.scalar(select(TransitionTopic).where(TransitionTopic.done.is_(False)))
        topic.done = True
    assert [d.done for d in family.deadlines("BL122-TRANSITION")] == [True]


def test_transition_for_a_single_youth_with_a_disability_measure(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = single_case(s, sqlite_context.user.id)
        measure(s, case_id, citizen(s, SINGLE_CPR), "BL-86", date(2026, 1, 5))
    with sqlite_context.sessions() as s:
        found = [d for d in deadlines_for_case(s, case_id, TODAY) if d.rule_code == "BL122-TRANSITION"]
        # 18 on 31 January 2028: ready by then
        assert [(d.due, d.detail) for d in found] == [(date(2028, 1, 31), "Karin Bæk")]
        # on her 18th birthday the deadline no longer applies
        assert not [
            d for d in deadlines_for_case(s, case_id, date(2028, 1, 31)) if d.rule_code.startswith("BL122")
        ]


def test_youth_rule_without_codes_covers_every_youth(family: Family, tmp_path: Path) -> None:
    rules = load_rules(
        write_rules(tmp_path, "UNG,BL §§ 108-109,Youth plan,Ungeplan,youth_18,,6,0,2024-01-01," + LAW_TAIL)
    )
    assert [(d.citizen_id, d.due) for d in family.deadlines(rules=rules)] == [
        (family.youth, date(2027, 3, 2))
    ]
    rules = load_rules(
        write_rules(tmp_path, "UNG,BL §§ 108-109,Youth plan,Ungeplan,youth_18,,12,0,2024-01-01," + LAW_TAIL)
    )
    assert [d.due for d in family.deadlines(rules=rules)] == [date(2026, 9, 2)]


# -- the case's cadence and agreements -------------------------------------------------------------


def test_the_cases_own_follow_up(family: Family) -> None:
    (cadence,) = family.deadlines("CASE-FOLLOW-UP")
    assert (cadence.due, cadence.law_reference, cadence.citizen_id, cadence.done) == (
        date(2026, 9, 12),
        "Sagens kadence",
        None,
        False,
    )
    assert (cadence.kind, cadence.source) == (RuleKind.OWN, "")  # the case's own date, not the law's
    assert cadence.overdue(TODAY)
    with family.ctx.sessions.begin() as s:
        s.get(Case, family.case_id).follow_up_due = date(2026, 12, 15)
    assert [d.due for d in family.deadlines("CASE-FOLLOW-UP")] == [date(2026, 12, 15)]
    with family.ctx.sessions.begin() as s:
        s.get(Case, family.case_id).follow_up_due = None
    assert family.deadlines("CASE-FOLLOW-UP") == []


def test_open_agreements_of_the_newest_plan_version_fall_due(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        old = plan_version(s, family.case_id, 1)
        agreement(s, old, "From the old version", date(2026, 12, 1))
        new = plan_version(s, family.case_id, 2, PlanState.DRAFT)
        agreement(s, new, "Søg fritidsjob", date(2026, 12, 5), citizen_id=family.youth)
        agreement(s, new, "Ring til PPR", date(2026, 11, 20))
        agreement(s, new, "Done", date(2026, 12, 1), AgreementStatus.DONE)
        agreement(s, new, "Cancelled", date(2026, 12, 1), AgreementStatus.CANCELLED)
        agreement(s, new, "No date", None)
    found = family.deadlines("PLAN-AGREEMENT")
    assert [(d.due, d.detail, d.citizen_id, d.done, d.overdue(TODAY)) for d in found] == [
        (date(2026, 11, 20), "Ring til PPR", None, False, True),
        (date(2026, 12, 5), "Søg fritidsjob", family.youth, False, False),
    ]


def test_a_closed_case_has_no_deadlines(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-46", date(2026, 8, 20))
        case = s.get(Case, family.case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
    assert family.deadlines() == []
    with family.ctx.sessions() as s:
        assert overdue_case_ids(s, TODAY) == set()
        assert deadlines_for_case(s, 999_999, TODAY) == []


def test_the_whole_case_sorted_by_due_date(family: Family) -> None:
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-46", date(2026, 8, 20))
        measure(s, family.case_id, family.child, "BL-20", date(2026, 8, 1))
    found = family.deadlines()
    assert [(d.rule_code, d.due) for d in found] == [
        ("CASE-FOLLOW-UP", date(2026, 9, 12)),
        ("BL91-CHILD-PLAN", date(2026, 11, 20)),
        ("BL95-FIRST-FOLLOW-UP", date(2026, 11, 20)),
        ("BL20-BFU", date(2026, 12, 1)),
        ("BL108-YOUTH-PLAN", date(2032, 8, 20)),  # Ida turns 16 on 2032-05-20 while placed
    ]


# -- lists -------------------------------------------------------------------------------------


def _d(due: date, done: bool = False, case_id: int = 1) -> Deadline:
    return Deadline(case_id, f"K-{case_id}", "F", due, "R", "BL § 95", "T", "", None, done)


def test_upcoming_takes_the_window_and_overdue_not_done() -> None:
    items = [
        _d(TODAY + timedelta(days=31)),  # beyond the window
        _d(TODAY + timedelta(days=30)),  # last day of the window
        _d(TODAY),
        _d(TODAY + timedelta(days=3), done=True),  # done but in the window: shown as done
        _d(TODAY - timedelta(days=1)),  # overdue
        _d(TODAY - timedelta(days=40), done=True),  # past and done: gone
        _d(TODAY - timedelta(days=400)),  # long overdue
    ]
    assert [(d.due - TODAY).days for d in upcoming(items, TODAY)] == [-400, -1, 0, 3, 30]
    assert [(d.due - TODAY).days for d in upcoming(items, TODAY, days=3)] == [-400, -1, 0, 3]


def test_overdue_is_strictly_before_today_and_not_done() -> None:
    assert _d(TODAY - timedelta(days=1)).overdue(TODAY)
    assert not _d(TODAY).overdue(TODAY)
    assert not _d(TODAY - timedelta(days=1), done=True).overdue(TODAY)
    assert replace(_d(TODAY), due=TODAY - timedelta(days=1)).overdue(TODAY)


def _user(s, login: str) -> int:  # type: ignore[no-untyped-def]
    user = User(login=login, full_name=login.title())
    s.add(user)
    s.flush()
    return user.id


def test_per_user_gathers_coordinated_and_partner_cases(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    me = sqlite_context.user.id
    with sqlite_context.sessions.begin() as s:
        other = _user(s, "kollega")
        mine = family_case(s, me, opened=date(2026, 11, 1))  # cadence due 2026-12-13
        partnered = family_case(s, other, partner_id=me, opened=date(2026, 7, 1))  # due 2026-08-12
        theirs = family_case(s, other, opened=date(2026, 11, 1))
        closed = family_case(s, me, opened=date(2026, 7, 1))
        s.get(Case, closed).status = CaseStatus.CLOSED
        far = family_case(s, me, opened=TODAY)  # due 2027-01-05: beyond 30 days
    with sqlite_context.sessions() as s:
        found = deadlines_for_user(s, me, TODAY)
        assert [(d.case_id, d.due) for d in found] == [
            (partnered, date(2026, 8, 12)),
            (mine, date(2026, 12, 13)),
        ]
        assert {d.case_id for d in deadlines_for_user(s, me, TODAY, days=60)} == {partnered, mine, far}
        assert {d.case_id for d in deadlines_for_user(s, other, TODAY)} == {partnered, theirs}
        assert overdue_case_ids(s, TODAY) == {partnered}
        assert overdue_case_ids(s, TODAY, [mine, theirs, closed]) == set()
        assert overdue_case_ids(s, date(2027, 1, 1), [mine, far, closed]) == {mine}


def test_forty_cases_take_a_few_queries(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    me = sqlite_context.user.id
    with sqlite_context.sessions.begin() as s:
        ids = [family_case(s, me, opened=date(2026, 7, 1) + timedelta(days=n)) for n in range(40)]
        youth, child = citizen(s, YOUTH_CPR), citizen(s, CHILD_CPR)
        for n, case_id in enumerate(ids):
            measure(s, case_id, child, "BL-32-1", date(2026, 8, 1) + timedelta(days=n))
            measure(s, case_id, youth, "BL-46", date(2026, 8, 1))
            measure(s, case_id, child, "BL-20", date(2026, 9, 1))
            meeting(s, case_id, date(2026, 10, 1))
            pv = plan_version(s, case_id, 1)
            agreement(s, pv, f"Aftale {n}", TODAY + timedelta(days=n))
            track(s, case_id, youth, done=2)
    engine = sqlite_context.engine
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with sqlite_context.sessions() as s:
            listed = deadlines_for_user(s, me, TODAY, days=365)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) <= 10, statements
    assert listed and {d.case_id for d in listed} == set(ids)
    with sqlite_context.sessions() as s:
        found = deadlines_for_cases(s, ids, TODAY)
        assert found == sorted(
            (d for case_id in ids for d in deadlines_for_case(s, case_id, TODAY)), key=lambda d: d.sort_key
        )
    per_rule = {code: sum(1 for d in found if d.rule_code == code) for code in {d.rule_code for d in found}}
    assert per_rule == {
        "BL95-FIRST-FOLLOW-UP": 80,  # the child's § 32 measure and the youth's placement
        "BL20-BFU": 40,
        "BL91-CONSIDER-PLAN": 40,  # the child's § 32 measure: a reminder
        "BL108-CONSIDER-PLAN": 40,  # … and again when she turns 16
        "BL108-YOUTH-PLAN": 40,  # the youth placed at 16: an ungeplan, not barnets plan
        "BL111-YOUNG-SUPPORT": 40,
        "BL122-TRANSITION": 40,
        "CASE-FOLLOW-UP": 40,
        "PLAN-AGREEMENT": 40,
    }
