"""Stored transition tracks (Barnets lov §§ 122-123): starting one, keeping it up to date."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import Citizen, TransitionTopic, TransitionTrack
from app.models.enums import CoordinationModel, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import TransitionTrackInfo, load_family_overview
from app.services.family.transition import TOPICS, TransitionRule, transition_deadline, transition_status
from app.services.family.transition_tracks import TrackChange, start_transition_track, update_transition_track

TODAY = date(2026, 11, 24)
YOUTH_BORN = date(2010, 8, 31)  # 18 on 2028-08-31; six months before: 2028-02-29 (leap year)
MOTHER_CPR = fictional_cpr(date(1980, 3, 12), True, random.Random("tracks-mother"))
YOUTH_CPR = fictional_cpr(YOUTH_BORN, False, random.Random("tracks-youth"))


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


def new_case(s, coordinator_id: int, name: str) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name=name,
        members=[
            MemberInput("Mette", "Ågård", MOTHER_CPR, Relation.PARENT, custody=True),
            MemberInput("Søren", "Ågård", YOUTH_CPR, Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    return create_case(s, data, TODAY).id


@pytest.fixture
def family(sqlite_context):  # type: ignore[no-untyped-def]
    """(context, case id, youth id)."""
    with sqlite_context.sessions.begin() as s:
        case_id = new_case(s, sqlite_context.user.id, "Familien Ågård")
        youth = s.scalar(select(Citizen.id).where(Citizen.cpr == YOUTH_CPR))
    return sqlite_context, case_id, youth


def shown(ctx, case_id: int, citizen_id: int) -> TransitionTrackInfo:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        track = load_family_overview(s, case_id).transition_of(citizen_id)
    assert track is not None
    return track


def test_start_creates_every_topic_in_order_with_the_rule_deadline(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    track = shown(ctx, case_id, youth)
    assert track.id == track_id
    assert track.deadline == transition_deadline(YOUTH_BORN) == date(2028, 2, 29)
    assert [t.topic for t in track.topics] == list(TOPICS)
    assert not any(t.done for t in track.topics)
    assert all(t.note == "" for t in track.topics)
    assert (track.adult_contact_name, track.note, track.version, track.done_count) == ("", "", 1, 0)
    with ctx.sessions() as s:
        positions = s.scalars(
            select(TransitionTopic.position)
            .where(TransitionTopic.track_id == track_id)
            .order_by(TransitionTopic.id)
        ).all()
        assert positions == list(range(len(TOPICS)))
    status = transition_status(track, YOUTH_BORN, TODAY)
    assert (status.topics_done, status.topics_total, status.missing_adult_contact) == (0, len(TOPICS), True)


def test_start_uses_the_given_rule(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    rule = TransitionRule(months_before_18=12)
    with ctx.sessions.begin() as s:
        start_transition_track(s, case_id, youth, rule)
    assert shown(ctx, case_id, youth).deadline == transition_deadline(YOUTH_BORN, rule) == date(2027, 8, 31)


def test_starting_twice_returns_the_same_track(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        first = start_transition_track(s, case_id, youth)
    with ctx.sessions.begin() as s:
        assert start_transition_track(s, case_id, youth) == first
        assert start_transition_track(s, case_id, youth, TransitionRule(months_before_18=1)) == first
    with ctx.sessions() as s:
        assert s.scalar(select(func.count(TransitionTrack.id))) == 1
        assert s.scalar(select(func.count(TransitionTopic.id))) == len(TOPICS)
    assert shown(ctx, case_id, youth).deadline == date(2028, 2, 29)  # unchanged by the second call


def test_each_case_has_its_own_track(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        other = new_case(s, ctx.user.id, "Familien Ågård (far)")
        here = start_transition_track(s, case_id, youth)
        there = start_transition_track(s, other, youth)
    assert here != there
    assert shown(ctx, case_id, youth).id == here
    assert shown(ctx, other, youth).id == there


def test_unknown_citizen_is_refused(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _youth = family
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            start_transition_track(s, case_id, 999_999)
        assert pairs(err.value.problems) == {("citizen", Problem.REQUIRED)}
    with ctx.sessions() as s:
        assert s.scalar(select(func.count(TransitionTrack.id))) == 0


def test_update_sets_topics_notes_contact_and_deadline(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    change = TrackChange(
        deadline=date(2028, 1, 15),
        adult_contact_name="  Åse Ødegaard ",
        adult_contact_phone=" +45 12 34 56 78 ",
        adult_contact_email=" aase@voksen.dk ",
        adult_contact_organisation=" Voksenhandicap ",
        note=" Møde i januar ",
        done_topics=frozenset({"education", "housing"}),
        topic_notes=(("education", " Optaget på STU "), ("support_needs", "Afventer udredning")),
    )
    with ctx.sessions.begin() as s:
        update_transition_track(s, track_id, change, 1)
    track = shown(ctx, case_id, youth)
    assert (track.deadline, track.note) == (date(2028, 1, 15), "Møde i januar")
    assert track.version > 1
    assert (
        track.adult_contact_name,
        track.adult_contact_phone,
        track.adult_contact_email,
        track.adult_contact_organisation,
    ) == ("Åse Ødegaard", "+45 12 34 56 78", "aase@voksen.dk", "Voksenhandicap")
    assert [(t.topic, t.done, t.note) for t in track.topics] == [
        ("support_needs", False, "Afventer udredning"),
        ("education", True, "Optaget på STU"),
        ("employment_income", False, ""),
        ("housing", True, ""),
        ("social_conditions", False, ""),
    ]
    assert track.done_count == 2
    assert not transition_status(track, YOUTH_BORN, TODAY).missing_adult_contact

    # Undoing a topic and leaving its note out keeps the note.
    version = track.version
    with ctx.sessions.begin() as s:
        update_transition_track(
            s, track_id, TrackChange(deadline=date(2028, 1, 15), done_topics=frozenset({"housing"})), version
        )
    track = shown(ctx, case_id, youth)
    assert [(t.topic, t.done) for t in track.topics if t.done] == [("housing", True)]
    assert next(t.note for t in track.topics if t.topic == "education") == "Optaget på STU"
    assert track.adult_contact_name == ""
    assert track.version > version


def test_one_save_moves_the_version_by_one(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    with ctx.sessions.begin() as s:
        update_transition_track(s, track_id, TrackChange(date(2028, 1, 15), note="Møde"), 1)
    assert shown(ctx, case_id, youth).version == 2


def test_changing_only_topics_bumps_the_track_version(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    deadline = transition_deadline(YOUTH_BORN)
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    with ctx.sessions.begin() as s:
        update_transition_track(s, track_id, TrackChange(deadline, done_topics=frozenset({"education"})), 1)
    assert shown(ctx, case_id, youth).version == 2
    with ctx.sessions.begin() as s:
        update_transition_track(
            s, track_id, TrackChange(deadline, topic_notes=(("housing", "Bolig søgt"),)), 2
        )
    track = shown(ctx, case_id, youth)
    assert track.version == 3
    assert [t.topic for t in track.topics if t.note] == ["housing"]


def test_stale_version_is_refused_and_changes_nothing(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    deadline = transition_deadline(YOUTH_BORN)
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    with ctx.sessions.begin() as s:
        update_transition_track(s, track_id, TrackChange(deadline, done_topics=frozenset({"housing"})), 1)
    version = shown(ctx, case_id, youth).version
    assert version > 1
    with ctx.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        update_transition_track(
            s, track_id, TrackChange(date(2028, 1, 1), note="Forældet", done_topics=frozenset(TOPICS)), 1
        )
    track = shown(ctx, case_id, youth)
    assert (track.deadline, track.note, track.version, track.done_count) == (deadline, "", version, 1)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"adult_contact_email": "aase@voksen"}, {("adult_contact_email", Problem.EMAIL_FORMAT)}),
        ({"adult_contact_email": "åse voksen.dk"}, {("adult_contact_email", Problem.EMAIL_FORMAT)}),
        ({"adult_contact_phone": "tlf. 1234"}, {("adult_contact_phone", Problem.PHONE_FORMAT)}),
        ({"deadline": date(2010, 8, 30)}, {("deadline", Problem.BEFORE_BIRTH)}),
    ],
)
def test_invalid_change_is_refused(
    family, change: dict[str, object], expected: set[tuple[str, Problem]]
) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, youth = family
    with ctx.sessions.begin() as s:
        track_id = start_transition_track(s, case_id, youth)
    values: dict[str, object] = {
        "deadline": date(2028, 1, 15),
        "adult_contact_name": "Åse",
        "note": "Ny",
        "done_topics": frozenset({"education"}),
        **change,
    }
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            update_transition_track(s, track_id, TrackChange(**values), 1)  # type: ignore[arg-type]
        assert pairs(err.value.problems) == expected
    track = shown(ctx, case_id, youth)
    assert (track.deadline, track.adult_contact_name, track.note, track.version, track.done_count) == (
        transition_deadline(YOUTH_BORN),
        "",
        "",
        1,
        0,
    )
