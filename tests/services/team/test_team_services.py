"""The team's services on both stores: changing a case (every status step, the consequences
shown before saving, the log with before and after), handing it over with a note, the
weighted caseload from the team's settings, and cover while away — the deputy's day and
calendar have the covered cases, on the days of the absence only."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Case, CaseHandOver, StoreSetting
from app.models.enums import AbsenceKind, CaseStatus, CoordinationModel
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import ValidationError
from app.services.day.my_day import MeetingRole, my_day
from app.services.meetings.meetings import meetings_between
from app.services.team import caseload as cl
from app.services.team.absences import AbsenceInput, case_cover, covered_case_ids, end_absence, plan_absence
from app.services.team.case_edit import (
    FOLLOW_UP_MOVED,
    NEXT_STATUS,
    REACH_GAINED,
    RETENTION_STARTS,
    CaseEdit,
    apply_case_edit,
    preview_case_edit,
)
from app.services.team.hand_over import (
    HandOverError,
    hand_over,
    latest_hand_over,
    mark_hand_over_read,
    unread_hand_over,
)
from tests.services.day.day_builders import Builder, local

TODAY = date(2026, 12, 3)


@pytest.fixture
def people(context):  # type: ignore[no-untyped-def]
    build = Builder.on(context.engine, "tester")
    anna = build.user("anna", "Anna Andersen")
    bo = build.user("bo", "Bo Berg")
    return build, context.user, anna, bo


def _edit(case: Case, **changes: object) -> CaseEdit:
    values = {
        "partner_id": case.partner_id,
        "model": case.model,
        "follow_up_interval_days": case.follow_up_interval_days,
        "status": case.status,
        "reason": "",
    }
    values.update(changes)
    return CaseEdit(**values)  # type: ignore[arg-type]


# -- edit case --------------------------------------------------------------------------------

ALL_STEPS = [(a, b) for a in CaseStatus for b in CaseStatus if a != b]


@pytest.mark.parametrize(("before", "after"), ALL_STEPS, ids=[f"{a}-{b}" for a, b in ALL_STEPS])
def test_every_status_step_is_allowed_or_refused_as_the_rule_says(
    context, people, before, after, municipal_retention
) -> None:  # type: ignore[no-untyped-def]
    build, me, _anna, _bo = people
    case_id = build.case(me.id, status=before)
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        edit = _edit(case, status=after, reason="Familien ønsker det")
    allowed = after in NEXT_STATUS[before]
    with context.sessions.begin() as s:
        if allowed:
            apply_case_edit(s, case_id, None, edit, TODAY)
        else:
            with pytest.raises(ValidationError) as refused:
                apply_case_edit(s, case_id, None, edit, TODAY)
            assert [p.field for p in refused.value.problems] == ["status"]
    with context.sessions() as s:
        case = s.get(Case, case_id)
        assert case.status == (after if allowed else before)
        if allowed and after == CaseStatus.CLOSED:
            assert case.closed_on == TODAY and case.retention_until is not None
        if allowed and before == CaseStatus.CLOSED:
            assert case.closed_on is None and case.retention_until is None
        logged = s.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case_id, AuditEvent.object_type == "case")
        ).all()
        changes = [json.loads(e.details) for e in logged if "status" in e.details]
        if allowed:
            assert changes and changes[-1]["status"] == {"before": before.value, "after": after.value}
        else:
            assert not changes


def test_closing_needs_a_reason_and_a_refused_edit_changes_nothing(context, people) -> None:  # type: ignore[no-untyped-def]
    build, me, _anna, _bo = people
    case_id = build.case(me.id)
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        edit = _edit(case, status=CaseStatus.CLOSED, follow_up_interval_days=14, reason="  ")
        preview = preview_case_edit(s, case_id, edit, TODAY)
        assert preview.needs_reason and any(c.kind == RETENTION_STARTS for c in preview.consequences)
        with pytest.raises(ValidationError) as refused:
            apply_case_edit(s, case_id, None, edit, TODAY)
        assert "reason" in [p.field for p in refused.value.problems]
    with context.sessions() as s:
        case = s.get(Case, case_id)
        assert case.status == CaseStatus.ACTIVE and case.follow_up_interval_days != 14


@pytest.mark.parametrize("days", [7, 14, 30, 42, 90, 365])
def test_a_new_cadence_moves_the_next_follow_up_as_the_preview_said(context, people, days: int) -> None:  # type: ignore[no-untyped-def]
    build, me, _anna, _bo = people
    case_id = build.case(me.id)
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        if days == case.follow_up_interval_days:
            return
        edit = _edit(case, follow_up_interval_days=days)
        moved = [
            c for c in preview_case_edit(s, case_id, edit, TODAY).consequences if c.kind == FOLLOW_UP_MOVED
        ]
        assert moved and moved[0].values[1] == (case.opened_on + timedelta(days=days)).isoformat()
        apply_case_edit(s, case_id, case.version, edit, TODAY)
    with context.sessions() as s:
        assert s.get(Case, case_id).follow_up_due.isoformat() == moved[0].values[1]


@pytest.mark.parametrize("days", [0, 6, 366, -1, 10_000])
def test_a_cadence_out_of_range_is_refused(context, people, days: int) -> None:  # type: ignore[no-untyped-def]
    build, me, _anna, _bo = people
    case_id = build.case(me.id)
    with context.sessions.begin() as s:
        edit = _edit(s.get(Case, case_id), follow_up_interval_days=days)
        with pytest.raises(ValidationError):
            apply_case_edit(s, case_id, None, edit, TODAY)


def test_a_new_partner_is_shown_as_reaching_the_case_and_the_version_is_checked(context, people) -> None:  # type: ignore[no-untyped-def]
    build, me, anna, _bo = people
    case_id = build.case(me.id)
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        version = case.version
        edit = _edit(case, partner_id=anna.id, model=CoordinationModel.TOGETHER_FOR_FAMILY)
        preview = preview_case_edit(s, case_id, edit, TODAY)
        assert [(c.kind, c.values) for c in preview.consequences] == [(REACH_GAINED, ("Anna Andersen",))]
        apply_case_edit(s, case_id, version, edit, TODAY)
    with context.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        apply_case_edit(s, case_id, version, _edit(s.get(Case, case_id), partner_id=None), TODAY)
    with context.sessions.begin() as s, pytest.raises(ValidationError):  # the partner is not the coordinator
        apply_case_edit(s, case_id, None, _edit(s.get(Case, case_id), partner_id=me.id), TODAY)


# -- hand-over ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("note", "days"), [("", 0), ("   \n ", 0), ("ok", 91), ("ok", -1), ("ok", 365)])
def test_a_hand_over_needs_a_note_and_a_short_read_only_period(context, people, note: str, days: int) -> None:  # type: ignore[no-untyped-def]
    build, me, _anna, _bo = people
    case_id = build.case(me.id)
    with context.sessions.begin() as s, pytest.raises(HandOverError):
        hand_over(s, case_id, "anna", note, TODAY, TODAY + timedelta(days=days))
    with context.sessions() as s:
        assert s.get(Case, case_id).coordinator_id == me.id
        assert s.scalar(select(CaseHandOver.id)) is None


def test_the_new_coordinator_reads_the_note_first_and_once(context, people) -> None:  # type: ignore[no-untyped-def]
    build, me, anna, bo = people
    case_id = build.case(me.id, partner=anna.id)
    with context.sessions.begin() as s:
        done = hand_over(
            s,
            case_id,
            "anna",
            "Mor er lovet svar fra skolen inden fredag.",
            TODAY,
            TODAY + timedelta(days=14),
        )
    assert (done.from_login, done.to_login) == (me.login, "anna")
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        assert case.coordinator_id == anna.id and case.partner_id is None  # no longer her own partner
        assert unread_hand_over(s, case_id, me.id) is None  # not mine to read
        note = unread_hand_over(s, case_id, anna.id)
        assert (
            note is not None
            and note.note.startswith("Mor er lovet")
            and note.read_only_until == TODAY + timedelta(days=14)
        )
        mark_hand_over_read(s, note.id, bo.id)  # someone else cannot mark it
        assert unread_hand_over(s, case_id, anna.id) is not None
        mark_hand_over_read(s, note.id, anna.id)
    with context.sessions() as s:
        assert unread_hand_over(s, case_id, anna.id) is None
        assert latest_hand_over(s, case_id).seen_at is not None


# -- caseload ----------------------------------------------------------------------------------


@pytest.mark.parametrize("stored", ["abc", "-1", "0", "NaN", "Infinity", "1e9", "", " ", "30,5"])
def test_an_unreadable_setting_is_the_default(context, stored: str) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        for key in (cl.LIMIT_KEY, cl.FAMILY_WEIGHT_KEY, cl.CITIZEN_WEIGHT_KEY):
            s.add(StoreSetting(key=key, value=stored))
    with context.sessions() as s:
        assert cl.caseload_settings(s) == cl.CaseloadSettings()


@pytest.mark.parametrize(
    "value", [Decimal(0), Decimal(-3), Decimal("NaN"), Decimal("Infinity"), Decimal(2000)]
)
def test_a_wrong_limit_is_refused_and_nothing_changes(context, value: Decimal) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s, pytest.raises(cl.CaseloadSettingsError):
        cl.set_caseload_settings(s, limit=value)
    with context.sessions() as s:
        assert s.scalar(select(StoreSetting.value).where(StoreSetting.key == cl.LIMIT_KEY)) is None


@pytest.mark.parametrize(
    ("family_weight", "citizen_weight"), [("1.5", "1"), ("2", "0.5"), ("1", "1"), ("3.25", "0.75")]
)
def test_the_caseload_weighs_families_and_citizens_as_set(
    context, people, family_weight: str, citizen_weight: str
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import new_family

    build, _me, anna, _bo = people
    singles = [build.case(anna.id) for _ in range(3)]
    build.case(anna.id, status=CaseStatus.CLOSED)  # not counted
    build.case(anna.id, status=CaseStatus.CANDIDATE)  # not counted
    families = [new_family(context, seed=i + 11, title=f"Familien Vægt{i}").case_id for i in range(2)]
    with context.sessions.begin() as s:
        for case_id in families:
            s.get(Case, case_id).coordinator_id = anna.id
    assert singles and families
    with context.sessions.begin() as s:
        cl.set_caseload_settings(s, Decimal(4), Decimal(family_weight), Decimal(citizen_weight))
    with context.sessions() as s:
        expected = 3 * Decimal(citizen_weight) + 2 * Decimal(family_weight)
        assert cl.caseload_of(s, anna.id) == expected
        assert cl.caseloads(s)[anna.id] == expected
        check = cl.assignment_check(s, anna.id, is_family=True)
        assert check.after == expected + Decimal(family_weight) and check.above_limit == (check.after > 4)


# -- cover while away --------------------------------------------------------------------------


def test_an_absence_covers_the_absent_ones_cases_on_its_days_only(context, people) -> None:  # type: ignore[no-untyped-def]
    build, me, anna, bo = people
    coordinated = build.case(anna.id)
    partnered = build.case(me.id, partner=anna.id)
    not_hers = build.case(me.id)
    start, end = TODAY, TODAY + timedelta(days=6)
    with context.sessions.begin() as s:
        plan_absence(s, AbsenceInput(anna.id, bo.id, AbsenceKind.HOLIDAY, start, end), TODAY)
    with context.sessions() as s:
        for day, expected in (
            (start - timedelta(days=1), []),
            (start, [coordinated, partnered]),
            (end, [coordinated, partnered]),
            (end + timedelta(days=1), []),
        ):
            assert covered_case_ids(s, bo.id, day) == sorted(expected), day
        assert not_hers not in covered_case_ids(s, bo.id, start)
        cover = case_cover(s, coordinated, start)
        assert cover is not None and cover.deputy_name == "Bo Berg" and cover.until == end
        assert case_cover(s, partnered, start) is None  # its coordinator is here
        assert case_cover(s, coordinated, end + timedelta(days=1)) is None


def test_the_deputy_has_the_covered_meetings_and_tasks_in_the_day_and_the_calendar(context, people) -> None:  # type: ignore[no-untyped-def]
    build, _me, anna, bo = people
    covered = build.case(anna.id)
    other = build.case(anna.id)
    meeting = build.meeting(covered, local(TODAY, 10))
    later = build.meeting(covered, local(TODAY + timedelta(days=20), 10))  # after the absence
    build.meeting(other, local(TODAY, 11))
    task = build.task(anna.id, TODAY, covered)
    build.task(anna.id, TODAY, other)
    with context.sessions.begin() as s:
        plan_absence(
            s,
            AbsenceInput(
                anna.id,
                bo.id,
                AbsenceKind.ILLNESS,
                TODAY,
                TODAY + timedelta(days=4),
                all_cases=False,
                case_ids=(covered,),
            ),
            TODAY,
        )
    with context.sessions() as s:
        day = my_day(s, bo, TODAY, local(TODAY, 8))
        assert [(m.id, m.role) for m in day.meetings_today] == [(meeting, MeetingRole.DEPUTY)]
        assert [(t.id, t.covering) for t in day.tasks] == [(task, True)]
        calendar = meetings_between(
            s, local(TODAY - timedelta(days=1), 0), local(TODAY + timedelta(days=30), 0), user_id=bo.id
        )
        assert [m.id for m in calendar] == [meeting]
        assert later not in [m.id for m in calendar]
        later_day = my_day(s, bo, TODAY + timedelta(days=5), local(TODAY + timedelta(days=5), 8))
        assert not later_day.meetings_today and not later_day.tasks


@pytest.mark.parametrize(
    ("deputy", "start", "end", "field"),
    [
        ("anna", 0, 3, "deputy"),  # herself
        ("bo", 3, 0, "ends_on"),
        ("bo", -10, -1, "ends_on"),  # over already
        ("bo", 0, 400, "ends_on"),
        ("bo", 500, 501, "ends_on"),
    ],
)
def test_a_wrong_absence_is_refused_by_field(
    context, people, deputy: str, start: int, end: int, field: str
) -> None:  # type: ignore[no-untyped-def]
    _build, _me, anna, bo = people
    ids = {"anna": anna.id, "bo": bo.id}
    with context.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        plan_absence(
            s,
            AbsenceInput(
                anna.id,
                ids[deputy],
                AbsenceKind.COURSE,
                TODAY + timedelta(days=start),
                TODAY + timedelta(days=end),
            ),
            TODAY,
        )
    assert field in [p.field for p in refused.value.problems]


def test_an_absence_ended_early_stops_the_cover(context, people) -> None:  # type: ignore[no-untyped-def]
    build, _me, anna, bo = people
    case_id = build.case(anna.id)
    with context.sessions.begin() as s:
        absence = plan_absence(
            s,
            AbsenceInput(
                anna.id, bo.id, AbsenceKind.HOLIDAY, TODAY - timedelta(days=2), TODAY + timedelta(days=5)
            ),
            TODAY,
        )
        absence_id, version = absence.id, absence.version
    with context.sessions.begin() as s:
        end_absence(s, absence_id, version, TODAY)
    with context.sessions() as s:
        assert covered_case_ids(s, bo.id, TODAY) == []
        assert covered_case_ids(s, bo.id, TODAY - timedelta(days=1)) == [case_id]


@pytest.mark.parametrize(("offset", "listed"), [(-1, False), (0, True), (6, True), (7, False)])
def test_my_cases_hold_the_cases_i_cover_on_the_days_i_cover_them(
    context, people, offset: int, listed: bool
) -> None:  # type: ignore[no-untyped-def]
    from app.services.cases.case_list import CaseListQuery, Scope, count_cases, fetch_case_rows

    build, _me, anna, bo = people
    covered = build.case(anna.id)
    own = build.case(bo.id)
    with context.sessions.begin() as s:
        plan_absence(
            s, AbsenceInput(anna.id, bo.id, AbsenceKind.HOLIDAY, TODAY, TODAY + timedelta(days=6)), TODAY
        )
    day = TODAY + timedelta(days=offset)
    query = CaseListQuery(day, local(day, 9), Scope.MINE, bo.id)
    with context.sessions() as s:
        ids = {row.id for row in fetch_case_rows(s, query)}
        assert own in ids
        assert (covered in ids) is listed
        assert count_cases(s, query) == len(ids)
