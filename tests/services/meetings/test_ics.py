"""Meeting invitations as .ics: parsed back with icalendar and checked field by field; the UID
stays and the SEQUENCE rises through updates and a cancellation; no CPR number leaves."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar, Event
from sqlalchemy import select

from app.models import Case, Citizen, User
from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import LOCAL_TZ
from app.services.demo.demo import generate_demo
from app.services.meetings import ics as ics_module
from app.services.meetings.ics import (
    CANCEL,
    PUBLISH,
    REQUEST,
    case_ics,
    invitation_method,
    meeting_ics,
    usable_email,
    write_ics,
)
from app.services.meetings.meetings import (
    MeetingInfo,
    MeetingInput,
    ParticipantInfo,
    ParticipantInput,
    cancel_meeting,
    case_meetings,
    create_meeting,
    meeting_info,
    move_meeting,
    participant_choices,
    update_meeting,
)

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=LOCAL_TZ)
LONE_EMAIL = "lone.madsen@kommune.example"
CPR_SHAPE = re.compile(r"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")


@dataclasses.dataclass(frozen=True)
class Store:
    context: Any
    case_id: int
    meeting_id: int  # a planned network meeting in June 2027 (summer time)
    winter_id: int  # the demo's planned follow-up meeting on 5 January 2027
    invited: tuple[ParticipantInfo, ...]  # everyone invited to meeting_id (with the guests)
    cprs: tuple[str, ...]


def _summer_input(case_id: int, choices: list[ParticipantInfo], **changes: Any) -> MeetingInput:
    data = MeetingInput(
        case_id=case_id,
        kind=MeetingKind.NETWORK,
        starts_at=datetime(2027, 6, 15, 10, 0, tzinfo=LOCAL_TZ),
        ends_at=datetime(2027, 6, 15, 11, 30, tzinfo=LOCAL_TZ),
        place="Rådhuset, mødelokale 2",
        participants=[ParticipantInput(c.key) for c in choices]
        + [
            ParticipantInput("guest:", guest_name="Åse Ærø (tolk)", guest_email="aase.aeroe@tolk.example"),
            ParticipantInput("guest:", guest_name="Bjørn Bedstefar"),
        ],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def store(sqlite_context: Any) -> Store:
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
        case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        coordinator = s.get(User, case.coordinator_id)
        assert coordinator is not None
        coordinator.email = LONE_EMAIL  # (the demo gives it; set here so the test does not depend on it)
        s.flush()
        choices = participant_choices(s, case.id)
        meeting_id = create_meeting(s, _summer_input(case.id, choices), NOW)
        winter_id = next(m.id for m in case_meetings(s, case.id) if m.starts_at.date() == date(2027, 1, 5))
        invited = meeting_info(s, meeting_id).participants
        cprs = tuple(c for c in s.scalars(select(Citizen.cpr)) if c)
        case_id = case.id
    return Store(sqlite_context, case_id, meeting_id, winter_id, invited, cprs)


def _info(store: Store, meeting_id: int | None = None) -> MeetingInfo:
    with store.context.sessions() as s:
        return meeting_info(s, meeting_id or store.meeting_id)


def _parse(data: bytes) -> tuple[Calendar, list[Event]]:
    calendar = Calendar.from_ical(data)
    return calendar, list(calendar.walk("VEVENT"))


def _one(data: bytes) -> tuple[Calendar, Event]:
    calendar, events = _parse(data)
    assert len(events) == 1
    return calendar, events[0]


def _with_email(people: tuple[ParticipantInfo, ...]) -> list[ParticipantInfo]:
    return [p for p in people if usable_email(p.email)]


# -- one meeting's invitation ------------------------------------------------------------------


def test_invitation_is_a_request_with_the_meetings_fields(store: Store) -> None:
    meeting = _info(store)
    calendar, event = _one(meeting_ics(meeting, now=NOW))
    assert str(calendar["PRODID"]) == "-//Koordinator//DA"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == REQUEST
    assert str(event["UID"]) == meeting.ical_uid
    assert event["SEQUENCE"] == 0
    assert str(event["SUMMARY"]) == "Netværksmøde – Familien Holm Jensen"
    assert str(event["LOCATION"]) == "Rådhuset, mødelokale 2"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["TRANSP"]) == "OPAQUE"
    assert event.decoded("DTSTAMP") == NOW.astimezone(UTC)
    assert event["DTSTAMP"].to_ical().endswith(b"Z")
    assert "URL" not in event  # no video link


def test_times_are_copenhagen_time_with_tzid_and_a_vtimezone_summer_and_winter(store: Store) -> None:
    for meeting_id, hour, offset in ((store.meeting_id, 10, 2), (store.winter_id, 10, 1)):
        data = meeting_ics(_info(store, meeting_id), now=NOW)
        calendar, event = _one(data)
        for name, minute in (("DTSTART", 0), ("DTEND", 30)):
            prop = event[name]
            assert prop.params["TZID"] == "Europe/Copenhagen"
            moment = event.decoded(name)
            assert (moment.hour, moment.minute) == ((hour, minute) if name == "DTSTART" else (11, minute))
            assert moment.utcoffset() == timedelta(hours=offset)
        assert b"DTSTART;TZID=Europe/Copenhagen:" in data
        zones = list(calendar.walk("VTIMEZONE"))
        assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
        assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    summer = _one(meeting_ics(_info(store), now=NOW))[1].decoded("DTSTART")
    assert summer.astimezone(UTC).hour == 8  # 10.00 summer time is 08.00 UTC


def test_organizer_is_the_coordinator_and_attendees_are_those_with_email(store: Store) -> None:
    meeting = _info(store)
    _cal, event = _one(meeting_ics(meeting, now=NOW))
    organizer = event["ORGANIZER"]
    assert str(organizer) == f"mailto:{LONE_EMAIL}"
    assert organizer.params["CN"] == "Lone Madsen"
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    with_email = _with_email(store.invited)
    assert len(with_email) >= 6  # professionals, the partner and the interpreter guest
    assert len(attendees) == len(with_email)
    assert sorted(str(a) for a in attendees) == sorted(f"mailto:{p.email}" for p in with_email)
    by_address = {str(a): a for a in attendees}
    for person in with_email:
        params = by_address[f"mailto:{person.email}"].params
        assert params["CN"] == person.name
        if person.email == LONE_EMAIL:  # the coordinator invited herself: she chairs
            assert (params["ROLE"], params["PARTSTAT"]) == ("CHAIR", "ACCEPTED")
            continue
        assert params["ROLE"] == "REQ-PARTICIPANT"
        assert params["PARTSTAT"] == "NEEDS-ACTION"
        assert params["RSVP"] == "TRUE"
    assert LONE_EMAIL in {p.email for p in with_email}
    description = str(event["DESCRIPTION"])
    for person in store.invited:
        if not usable_email(person.email):
            assert f"- {person.name}" in description  # named instead of invited by mail
    assert "Bjørn Bedstefar" in description and "Lise Holm Jensen" in description


def test_the_coordinator_as_participant_chairs_and_is_not_asked_to_reply(store: Store) -> None:
    meeting = _info(store)
    me = ParticipantInfo(f"user:{meeting.coordinator_id}", "Lone Madsen", LONE_EMAIL.upper(), "coordinator")
    meeting = dataclasses.replace(meeting, participants=(*meeting.participants, me))
    _cal, event = _one(meeting_ics(meeting, now=NOW))
    chair = [a for a in event["ATTENDEE"] if str(a).lower() == f"mailto:{LONE_EMAIL}"]
    assert len(chair) == 1
    assert chair[0].params["ROLE"] == "CHAIR" and chair[0].params["PARTSTAT"] == "ACCEPTED"
    assert "RSVP" not in chair[0].params


def test_a_shared_family_mailbox_is_one_attendee(store: Store) -> None:
    meeting = _info(store)
    shared = "familien@example.dk"
    people = (
        ParticipantInfo("citizen:1", "Lise Holm Jensen", shared, "family"),
        ParticipantInfo("citizen:2", "Oliver Holm Jensen", shared, "family"),
        ParticipantInfo("professional:1", "Mohammed Laursen (Mentor)", "not an address", "professional"),
    )
    _cal, event = _one(meeting_ics(dataclasses.replace(meeting, participants=people), now=NOW))
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list) and str(attendee) == f"mailto:{shared}"
    assert "- Mohammed Laursen (Mentor)" in str(event["DESCRIPTION"])


def test_video_link_is_the_url_and_the_location_when_there_is_no_place(store: Store) -> None:
    link = "https://video.example.dk/møde/123?pin=42"
    meeting = dataclasses.replace(_info(store), place="", video_link=link, agenda="Runde\nLises ønsker")
    _cal, event = _one(meeting_ics(meeting, now=NOW))
    assert str(event["LOCATION"]) == link
    assert str(event["URL"]) == link
    description = str(event["DESCRIPTION"])
    assert f"Videolink: {link}" in description
    assert "Dagsorden:\nRunde\nLises ønsker" in description
    with_place = dataclasses.replace(meeting, place="Skolen")
    _cal, event = _one(meeting_ics(with_place, now=NOW))
    assert str(event["LOCATION"]) == "Skolen" and str(event["URL"]) == link
    words = dataclasses.replace(meeting, video_link="Teams – link følger")
    _cal, event = _one(meeting_ics(words, now=NOW))
    assert "URL" not in event and "Videolink: Teams – link følger" in str(event["DESCRIPTION"])


def test_danish_letters_survive_and_long_lines_are_folded(store: Store) -> None:
    meeting = dataclasses.replace(_info(store), agenda="Æbler, ørreder og ål; " * 20)
    data = meeting_ics(meeting, now=NOW)
    text = data.decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    _cal, event = _one(data)
    assert str(event["DESCRIPTION"]).count("Æbler, ørreder og ål;") == 20
    assert any(a.params["CN"] == "Åse Ærø (tolk)" for a in event["ATTENDEE"])
    assert any(a.params["CN"] == "Malthe Søndergaard (Familiebehandler)" for a in event["ATTENDEE"])


def test_no_cpr_number_leaves_the_program(store: Store) -> None:
    lise_cpr = store.cprs[0]
    meeting = dataclasses.replace(
        _info(store),
        case_title=f"Familien Holm Jensen {lise_cpr}",
        place=f"Hos Lise ({lise_cpr[:6]}-{lise_cpr[6:]})",
        agenda=f"Lises cpr {lise_cpr} skal ikke med",
    )
    for data in (meeting_ics(meeting, now=NOW), case_ics([meeting], now=NOW)):
        unfolded = data.decode("utf-8").replace("\r\n ", "")
        assert not CPR_SHAPE.search(unfolded)
        for cpr in store.cprs:
            assert cpr not in unfolded and f"{cpr[:6]}-{cpr[6:]}" not in unfolded
        assert "[cpr-nr. fjernet]" in unfolded
    for meeting_id in (store.meeting_id, store.winter_id):
        assert not CPR_SHAPE.search(meeting_ics(_info(store, meeting_id)).decode().replace("\r\n ", ""))


# -- updates and cancellation ------------------------------------------------------------------


def test_uid_stays_and_sequence_rises_through_update_move_and_cancel(store: Store) -> None:
    first = _info(store)
    with store.context.sessions.begin() as s:
        choices = participant_choices(s, store.case_id)
        later = _summer_input(
            store.case_id,
            choices,
            starts_at=datetime(2027, 6, 16, 13, 0, tzinfo=LOCAL_TZ),
            ends_at=datetime(2027, 6, 16, 14, 0, tzinfo=LOCAL_TZ),
            place="Skolen, lærerværelset",
        )
        update_meeting(s, store.meeting_id, later, first.version, NOW)
    updated = _info(store)
    _cal, event = _one(meeting_ics(updated, now=NOW))
    assert str(event["UID"]) == first.ical_uid
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == datetime(2027, 6, 16, 13, 0, tzinfo=LOCAL_TZ)
    assert str(event["LOCATION"]) == "Skolen, lærerværelset"

    with store.context.sessions.begin() as s:
        move_meeting(s, store.meeting_id, datetime(2027, 6, 17, 9, 0, tzinfo=LOCAL_TZ), updated.version, NOW)
    moved = _info(store)
    assert _one(meeting_ics(moved, now=NOW))[1]["SEQUENCE"] == 2

    with store.context.sessions.begin() as s:
        cancel_meeting(s, store.meeting_id, moved.version)
    cancelled = _info(store)
    assert cancelled.status == MeetingStatus.CANCELLED
    assert invitation_method(cancelled) == CANCEL
    calendar, event = _one(meeting_ics(cancelled, now=NOW))
    assert str(calendar["METHOD"]) == CANCEL
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == first.ical_uid
    assert event["SEQUENCE"] == 3
    assert str(event["SUMMARY"]).startswith("Aflyst: Netværksmøde")
    assert len(event["ATTENDEE"]) == len(_with_email(cancelled.participants))  # who gets told
    assert "Mødet er aflyst." in str(event["DESCRIPTION"])


def test_method_can_be_chosen_and_is_checked(store: Store) -> None:
    meeting = _info(store)
    calendar, event = _one(meeting_ics(meeting, method="cancel", now=NOW))
    assert str(calendar["METHOD"]) == CANCEL and str(event["STATUS"]) == "CANCELLED"
    calendar, event = _one(meeting_ics(meeting, method=PUBLISH, now=NOW))
    assert str(calendar["METHOD"]) == PUBLISH and "ATTENDEE" not in event
    assert "ORGANIZER" in event
    with pytest.raises(ValueError, match="method"):
        meeting_ics(meeting, method="REFRESH")


def test_without_the_coordinators_email_it_is_a_plain_calendar_entry(store: Store) -> None:
    meeting = dataclasses.replace(_info(store), coordinator_email="")
    assert invitation_method(meeting) == PUBLISH
    calendar, event = _one(meeting_ics(meeting, now=NOW))
    assert str(calendar["METHOD"]) == PUBLISH
    assert "ORGANIZER" not in event and "ATTENDEE" not in event
    assert "Deltagere:" in str(event["DESCRIPTION"])


def test_dtstamp_defaults_to_now_in_utc(store: Store) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    _cal, event = _one(meeting_ics(_info(store)))
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert before <= stamp <= datetime.now(UTC)


# -- all of a case's meetings ------------------------------------------------------------------


def test_case_calendar_has_one_event_per_meeting_and_publishes(store: Store) -> None:
    with store.context.sessions.begin() as s:
        cancel_meeting(s, store.winter_id, None)
    with store.context.sessions() as s:
        meetings = case_meetings(s, store.case_id)
    assert len(meetings) >= 5
    calendar, events = _parse(case_ics(meetings, now=NOW))
    assert str(calendar["METHOD"]) == PUBLISH
    assert str(calendar["X-WR-CALNAME"]) == "Møder – Familien Holm Jensen"
    assert len(events) == len(meetings)
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {m.ical_uid for m in meetings}
    for meeting in meetings:
        event = by_uid[meeting.ical_uid]
        assert event["SEQUENCE"] == meeting.ical_sequence
        assert event.decoded("DTSTART") == meeting.starts_at
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert "ATTENDEE" not in event  # publishing carries no attendees (RFC 5546)
        expected = "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED"
        assert str(event["STATUS"]) == expected
    assert str(by_uid[next(m.ical_uid for m in meetings if m.id == store.winter_id)]["STATUS"]) == "CANCELLED"
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == sorted(starts)
    assert len(list(calendar.walk("VTIMEZONE"))) == 1


def test_case_calendar_needs_a_meeting() -> None:
    with pytest.raises(ValueError):
        case_ics([])


# -- writing -----------------------------------------------------------------------------------


def test_write_replaces_the_file_whole(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "møde.ics"
    data = meeting_ics(_info(store), now=NOW)
    write_ics(data, target)
    assert target.read_bytes() == data and os.listdir(folder) == ["møde.ics"]

    def full_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ics_module.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_ics(b"BEGIN:VCALENDAR\r\n", target)
    assert target.read_bytes() == data
    assert os.listdir(folder) == ["møde.ics"]
    monkeypatch.undo()
    with pytest.raises(OSError):
        write_ics(data, folder / "missing" / "møde.ics")
