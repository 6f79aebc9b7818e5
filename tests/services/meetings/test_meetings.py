"""Meetings: validation, invitations' sequence, moving and cancelling, minutes into the plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Case, Meeting
from app.models.enums import AgreementStatus, MeetingKind, MeetingStatus, ResponsibleKind
from app.services.common.clock import LOCAL_TZ
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import Problem, ValidationError
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import (
    MeetingInput,
    MinutesInput,
    NewAgreement,
    ParticipantInput,
    ScoreInput,
    cancel_meeting,
    case_meetings,
    create_meeting,
    meeting_info,
    meetings_between,
    move_meeting,
    participant_choices,
    record_minutes,
    update_meeting,
    validate_meeting,
)
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import (
    AgreementInput,
    PlanConflictError,
    PlanDraft,
    PlanSeen,
    new_agreement_key,
    save_draft,
    start_draft,
)

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=LOCAL_TZ)


@pytest.fixture
def lise(context):  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        generate_demo(session, families=2, seed=1, today=TODAY, my_login="tester")
    with context.sessions() as session:
        case_id = int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))
        keys = [c.key for c in participant_choices(session, case_id)]
    return context, case_id, keys


def _input(
    case_id: int, keys: list[str], days: int = 3, hours: float = 1.0, held: bool = False
) -> MeetingInput:
    start = NOW + timedelta(days=days)
    return MeetingInput(
        case_id=case_id,
        kind=MeetingKind.NETWORK,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        place="Rådhuset, mødelokale 2",
        participants=[ParticipantInput(k) for k in keys],
        held=held,
    )


def test_validation_messages() -> None:
    good = _input(1, ["citizen:1"])
    assert validate_meeting(good, NOW) == []
    bad = _input(1, [], hours=-1)
    fields = {(p.field, p.problem) for p in validate_meeting(bad, NOW)}
    assert ("ends_at", Problem.TIME_ORDER) in fields
    assert ("participants", Problem.REQUIRED) in fields
    past = _input(1, ["citizen:1"], days=-2)
    assert ("starts_at", Problem.IN_PAST) in {(p.field, p.problem) for p in validate_meeting(past, NOW)}
    past.held = True
    assert validate_meeting(past, NOW) == []  # recording a meeting that was held
    future_held = _input(1, ["citizen:1"], days=2, held=True)
    assert ("starts_at", Problem.IN_FUTURE) in {
        (p.field, p.problem) for p in validate_meeting(future_held, NOW)
    }
    guest = _input(1, ["citizen:1"])
    guest.participants.append(ParticipantInput("guest:", "", "x@example.dk"))
    assert ("participants.1", Problem.REQUIRED) in {
        (p.field, p.problem) for p in validate_meeting(guest, NOW)
    }


def test_create_read_and_participants(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    data = _input(case_id, keys[:3])
    data.participants.append(ParticipantInput("guest:", "Mormor Inge", "inge@example.dk"))
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, data, NOW)
    with context.sessions() as session:
        info = meeting_info(session, meeting_id)
        assert info.starts_at == data.starts_at and info.status == MeetingStatus.PLANNED
        assert info.participant_keys[:3] == tuple(keys[:3])
        assert (
            info.participants[-1].name == "Mormor Inge" and info.participants[-1].email == "inge@example.dk"
        )
        assert info.ical_sequence == 0 and info.ical_uid.endswith("@koordinator")
        week = meetings_between(session, NOW, NOW + timedelta(days=7), case_id=case_id)
        assert meeting_id in {m.id for m in week}


def test_a_stranger_cannot_be_invited_as_family(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    with context.sessions() as session:
        other = session.scalar(select(Case.citizen_id).where(Case.citizen_id.is_not(None)).limit(1))
    data = _input(case_id, [keys[0], f"citizen:{other or 999999}"])
    with context.sessions.begin() as session, pytest.raises(ValidationError):
        create_meeting(session, data, NOW)
    with context.sessions() as session:
        assert not [m for m in case_meetings(session, case_id) if m.starts_at == data.starts_at]


def test_update_move_cancel_raise_the_sequence_and_keep_the_uid(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, _input(case_id, keys[:2]), NOW)
    with context.sessions() as session:
        first = meeting_info(session, meeting_id)
    changed = _input(case_id, keys[:3], days=4)
    with context.sessions.begin() as session:
        update_meeting(session, meeting_id, changed, first.version, NOW)
    with context.sessions() as session:
        second = meeting_info(session, meeting_id)
    assert second.ical_uid == first.ical_uid and second.ical_sequence == 1
    assert len(second.participants) == 3
    with context.sessions.begin() as session, pytest.raises(ConcurrentEditError):
        update_meeting(session, meeting_id, changed, first.version, NOW)  # stale
    new_start = second.starts_at + timedelta(days=1, hours=2)
    with context.sessions.begin() as session:
        move_meeting(session, meeting_id, new_start, second.version, NOW)
    with context.sessions() as session:
        third = meeting_info(session, meeting_id)
    assert (
        third.starts_at == new_start and third.ends_at - third.starts_at == second.ends_at - second.starts_at
    )
    assert third.ical_sequence == 2
    with context.sessions.begin() as session:
        cancel_meeting(session, meeting_id, third.version)
    with context.sessions() as session:
        cancelled = meeting_info(session, meeting_id)
    assert cancelled.status == MeetingStatus.CANCELLED and cancelled.ical_sequence == 3
    with context.sessions.begin() as session, pytest.raises(ValidationError):
        move_meeting(session, meeting_id, new_start, cancelled.version, NOW)


def test_minutes_flow_into_the_plan_and_move_the_follow_up(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    held = _input(case_id, keys[:2], days=-1, held=True)
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, held, NOW)
    with context.sessions() as session:
        before = load_plan_document(session, case_id)
        open_before = [a for a in before.plan.agreements if a.status == AgreementStatus.OPEN]  # type: ignore[union-attr]
        goal_key = before.plan.goals[0].goal_key  # type: ignore[union-attr]
        lise_id = int(keys[0].split(":")[1])
    first_open = next(i for i, a in enumerate(before.plan.agreements) if a.status == AgreementStatus.OPEN)  # type: ignore[union-attr]
    minutes = MinutesInput(
        decisions="Lise starter i praktik. Skolen holder møde med Freja.",
        new_agreements=[
            NewAgreement("Søge om aflastning", ResponsibleKind.MEMBER, lise_id, TODAY + timedelta(days=14))
        ],
        closed_agreements=[before.plan.agreements[first_open].agreement_key],  # type: ignore[union-attr]
        scores=[ScoreInput(goal_key, 7, 6)],
        attended=keys[:1],
    )
    with context.sessions.begin() as session:
        record_minutes(session, meeting_id, minutes, None, TODAY)
    with context.sessions() as session:
        after = load_plan_document(session, case_id)
        info = meeting_info(session, meeting_id)
        case = session.get(Case, case_id)
        assert info.status == MeetingStatus.HELD and info.minutes.startswith("Lise starter")
        assert [p.attended for p in info.participants] == [True, False]
        whats = [(a.what, a.status) for a in after.plan.agreements]  # type: ignore[union-attr]
        assert ("Søge om aflastning", AgreementStatus.OPEN) in whats
        assert after.plan.agreements[first_open].status == AgreementStatus.DONE  # type: ignore[union-attr]
        assert len([a for a in after.plan.agreements if a.status == AgreementStatus.OPEN]) == len(open_before)  # type: ignore[union-attr]
        goal = next(g for g in after.plan.goals if g.goal_key == goal_key)  # type: ignore[union-attr]
        assert (goal.scores[-1].family_score, goal.scores[-1].professional_score) == (7, 6)
        assert case.follow_up_due == held.starts_at.date() + timedelta(days=case.follow_up_interval_days)


def test_minutes_need_text_and_a_meeting_that_has_begun(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    with context.sessions.begin() as session:
        future_id = create_meeting(session, _input(case_id, keys[:1], days=5), NOW)
    with context.sessions.begin() as session, pytest.raises(ValidationError):
        record_minutes(session, future_id, MinutesInput("Noget"), None, TODAY)
    with context.sessions.begin() as session, pytest.raises(ValidationError):
        record_minutes(session, future_id, MinutesInput("  "), None, TODAY + timedelta(days=10))
    with context.sessions() as session:
        assert session.get(Meeting, future_id).status == MeetingStatus.PLANNED  # type: ignore[union-attr]


def test_editing_a_held_meeting_keeps_who_came(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    held = _input(case_id, keys[:2], days=-1, held=True)
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, held, NOW)
    with context.sessions.begin() as session:
        record_minutes(session, meeting_id, MinutesInput("Referat.", attended=keys[:1]), None, TODAY)
    with context.sessions() as session:
        info = meeting_info(session, meeting_id)
    held.place = "Skolen"
    with context.sessions.begin() as session:
        update_meeting(session, meeting_id, held, info.version, NOW)
    with context.sessions() as session:
        after = meeting_info(session, meeting_id)
    assert after.place == "Skolen"
    assert [p.attended for p in after.participants] == [True, False]


def test_a_meeting_cannot_be_moved_to_start_in_the_past(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, _input(case_id, keys[:1]), NOW)
    with context.sessions() as session:
        info = meeting_info(session, meeting_id)
    with context.sessions.begin() as session, pytest.raises(ValidationError) as err:
        move_meeting(session, meeting_id, NOW - timedelta(minutes=30), info.version, NOW)
    assert err.value.problems[0].problem == Problem.IN_PAST


def _seen(context, case_id: int):  # type: ignore[no-untyped-def]
    """The plan as the minutes dialog reads it when it opens."""
    with context.sessions() as session:
        view = load_plan_document(session, case_id).plan
    assert view is not None
    return view, PlanSeen(view.id, view.row_version, PlanDraft.from_view(view))


def test_minutes_close_the_agreement_meant_after_another_was_put_before_it(lise) -> None:  # type: ignore[no-untyped-def]
    """The dialog offers the agreements; meanwhile someone puts a new one first in the plan
    editor and saves. The minutes close the agreement ticked (by its key), not the one now at
    its old place, and the editor's new agreement and text stay."""
    context, case_id, keys = lise
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, _input(case_id, keys[:2], days=-1, held=True), NOW)
        draft_id = start_draft(session, case_id)
    view, seen = _seen(context, case_id)
    position = max(i for i, a in enumerate(view.agreements) if a.status == AgreementStatus.OPEN)
    meant = view.agreements[position]
    with context.sessions.begin() as session:  # the editor, at the same time
        inserted = AgreementInput("Ny aftale først", agreement_key=new_agreement_key())
        edited = replace(
            seen.draft,
            agreements=[inserted, *seen.draft.agreements],
            sections={**seen.draft.sections, "closing": "Skrevet i editoren."},
        )
        save_draft(session, draft_id, edited, view.row_version)
    minutes = MinutesInput(
        "Aftalen er klaret.",
        new_agreements=[NewAgreement("Ny fra mødet", None, None, None)],
        closed_agreements=[meant.agreement_key],
        plan_seen=seen,
    )
    with context.sessions.begin() as session:
        record_minutes(session, meeting_id, minutes, None, TODAY)
    after, _ = _seen(context, case_id)
    by_key = {a.agreement_key: a for a in after.agreements}
    assert by_key[meant.agreement_key].what == meant.what
    assert by_key[meant.agreement_key].status == AgreementStatus.DONE
    assert (
        after.agreements[0].what == "Ny aftale først" and after.agreements[0].status == AgreementStatus.OPEN
    )
    # Only the meant one changed state; the one now at its old place did not.
    before_status = {a.agreement_key: a.status for a in view.agreements}
    changed = [k for k, a in by_key.items() if k in before_status and a.status != before_status[k]]
    assert changed == [meant.agreement_key]
    assert after.agreements[position].agreement_key != meant.agreement_key
    assert after.section("closing") == "Skrevet i editoren."
    assert "Ny fra mødet" in [a.what for a in after.agreements]


def test_minutes_closing_an_agreement_removed_meanwhile_store_nothing(lise) -> None:  # type: ignore[no-untyped-def]
    context, case_id, keys = lise
    with context.sessions.begin() as session:
        meeting_id = create_meeting(session, _input(case_id, keys[:2], days=-1, held=True), NOW)
        draft_id = start_draft(session, case_id)
    view, seen = _seen(context, case_id)
    meant = next(a for a in view.agreements if a.status == AgreementStatus.OPEN)
    with context.sessions.begin() as session:  # the editor removes it
        kept = [a for a in seen.draft.agreements if a.agreement_key != meant.agreement_key]
        save_draft(session, draft_id, replace(seen.draft, agreements=kept), view.row_version)
    stored, _ = _seen(context, case_id)
    minutes = MinutesInput(
        "Aftalen er klaret.",
        new_agreements=[NewAgreement("Ny fra mødet", None, None, None)],
        closed_agreements=[meant.agreement_key],
        plan_seen=seen,
    )
    with pytest.raises(PlanConflictError) as asked, context.sessions.begin() as session:
        record_minutes(session, meeting_id, minutes, None, TODAY)
    assert meant.what in asked.value.labels
    after, _ = _seen(context, case_id)
    assert after.row_version == stored.row_version  # nothing of the minutes was stored
    with context.sessions() as session:
        assert session.get(Meeting, meeting_id).minutes == ""  # type: ignore[union-attr]
    minutes.plan_seen = None  # without a read plan, the same: the agreement is not there
    with pytest.raises(PlanConflictError), context.sessions.begin() as session:
        record_minutes(session, meeting_id, minutes, None, TODAY)
