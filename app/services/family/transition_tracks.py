"""Storing a youth's transition track (Barnets lov §§ 122-123): start it, keep it up to date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.models import Citizen, TransitionTopic, TransitionTrack
from app.services.common.editing import citizen_in_case, load_for_edit, open_case, raise_if_blocking
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.professionals import _EMAIL, _PHONE
from app.services.family.transition import DEFAULT_RULE, TOPICS, TransitionRule, transition_deadline


@dataclass(frozen=True, slots=True)
class TrackChange:
    deadline: date
    adult_contact_name: str = ""
    adult_contact_phone: str = ""
    adult_contact_email: str = ""
    adult_contact_organisation: str = ""
    note: str = ""
    done_topics: frozenset[str] = frozenset()
    topic_notes: tuple[tuple[str, str], ...] = ()  # (topic, note)


def start_transition_track(
    session: Session, case_id: int, citizen_id: int, rule: TransitionRule = DEFAULT_RULE
) -> int:
    """A track with every topic open and the deadline from the rule; returns its id."""
    open_case(session, case_id)
    existing = session.scalar(
        select(TransitionTrack.id).where(
            TransitionTrack.case_id == case_id, TransitionTrack.citizen_id == citizen_id
        )
    )
    if existing is not None:
        return existing
    citizen = session.get(Citizen, citizen_id)
    if citizen is None or not citizen_in_case(session, case_id, citizen_id):
        raise ValidationError([FieldProblem("citizen", Problem.REQUIRED)])
    track = TransitionTrack(
        case_id=case_id,
        citizen_id=citizen_id,
        deadline=transition_deadline(citizen.birth_date, rule),
        topics=[TransitionTopic(topic=topic, position=i) for i, topic in enumerate(TOPICS)],
    )
    session.add(track)
    session.flush()
    return track.id


def validate_track_change(data: TrackChange, birth_date: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if data.adult_contact_email.strip() and not _EMAIL.match(data.adult_contact_email.strip()):
        problems.append(FieldProblem("adult_contact_email", Problem.EMAIL_FORMAT))
    if data.adult_contact_phone.strip() and not _PHONE.match(data.adult_contact_phone.strip()):
        problems.append(FieldProblem("adult_contact_phone", Problem.PHONE_FORMAT))
    if data.deadline < birth_date:
        problems.append(FieldProblem("deadline", Problem.BEFORE_BIRTH))
    return problems


def update_transition_track(
    session: Session, track_id: int, data: TrackChange, expected_version: int | None
) -> None:
    track: TransitionTrack = load_for_edit(session, TransitionTrack, track_id, expected_version)
    open_case(session, track.case_id)
    citizen = session.get(Citizen, track.citizen_id)
    assert citizen is not None
    raise_if_blocking(validate_track_change(data, citizen.birth_date))
    topics = list(track.topics)  # loaded before any change, so one flush writes it all
    track.deadline = data.deadline
    track.adult_contact_name = data.adult_contact_name.strip()
    track.adult_contact_phone = data.adult_contact_phone.strip()
    track.adult_contact_email = data.adult_contact_email.strip()
    track.adult_contact_organisation = data.adult_contact_organisation.strip()
    track.note = data.note.strip()
    notes = dict(data.topic_notes)
    for topic in topics:
        topic.done = topic.topic in data.done_topics
        if topic.topic in notes:
            topic.note = notes[topic.topic].strip()
    # The track's own version moves with every change, also of its topics only.
    flag_modified(track, "note")
    session.flush()
