"""The invitation as an e-mail (iMIP, RFC 6047), parsed back with Python's ``email`` (policy
default) and ``icalendar``: METHOD:REQUEST in the calendar and on its MIME part, the organizer
as From and ORGANIZER, the participants as To and ATTENDEE, a reminder (VALARM), a VTIMEZONE of
yearly rules (RRULE, no RDATE) and TZID on DTSTART/DTEND — on a laptop in Copenhagen and in New
York alike. "Few details" keeps every name of the family, the agenda and the professionals'
titles out, checked over many names."""

from __future__ import annotations

import dataclasses
import email
import re
import time as time_module
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import LOCAL_TZ
from app.services.meetings.ics import (
    CANCEL,
    REQUEST,
    InvitationOptions,
    Organizer,
    external_attendees,
    meeting_ics,
)
from app.services.meetings.imip import ATTACHMENT_NAME, NoOrganizerError, invitation_email
from app.services.meetings.meetings import MeetingInfo, ParticipantInfo

NOW = datetime(2027, 5, 20, 9, 15, tzinfo=LOCAL_TZ)
ORGANIZER = Organizer("Søren Ærbø", "soeren.aerboe@kommune.example", "49 28 11 22")


def _meeting(**changes: Any) -> MeetingInfo:
    people = (
        ParticipantInfo("citizen:1", "Lise Holm Jensen", "lise@familie.example", "family"),
        ParticipantInfo("citizen:2", "Oliver Holm Jensen", "", "family"),
        ParticipantInfo(
            "professional:1", "Malthe Søndergaard (Familiebehandler)", "malthe@skole.example", "professional"
        ),
        ParticipantInfo("professional:2", "Birthe Øster (PPR-psykolog)", "", "professional"),
        ParticipantInfo("user:7", "Kasper Holm", "kasper.holm@kommune.example", "coordinator"),
        ParticipantInfo("guest:Åse Ærø (tolk)", "Åse Ærø (tolk)", "aase@tolk.example", "guest"),
    )
    meeting = MeetingInfo(
        id=11,
        case_id=3,
        case_number="K-2027-0042",
        case_title="Familien Holm Jensen",
        kind=MeetingKind.NETWORK,
        starts_at=datetime(2027, 6, 15, 10, 0, tzinfo=LOCAL_TZ),
        ends_at=datetime(2027, 6, 15, 11, 30, tzinfo=LOCAL_TZ),
        place="Rådhuset, mødelokale 2",
        video_link="",
        status=MeetingStatus.PLANNED,
        interpreter_needed=True,
        agenda="Runde\nOlivers skole",
        minutes="",
        ical_uid="meeting-11@koordinator",
        ical_sequence=2,
        participants=people,
        version=3,
        coordinator_id=5,
        coordinator_name="Lone Madsen",
        coordinator_email="lone.madsen@kommune.example",
    )
    return dataclasses.replace(meeting, **changes)


@pytest.fixture(params=["Europe/Copenhagen", "America/New_York"])
def laptop_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The computer's own zone (the invitation's times are Copenhagen's whatever it is)."""
    monkeypatch.setenv("TZ", request.param)
    time_module.tzset()
    yield request.param
    monkeypatch.undo()
    time_module.tzset()


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _calendar_part(message: EmailMessage) -> EmailMessage:
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return parts[0]


def _event(calendar: Calendar) -> Event:
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def _addresses(header: Any) -> list[str]:
    return sorted(a.addr_spec for a in header.addresses)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# -- the message ---------------------------------------------------------------------------------


def test_the_eml_is_a_meeting_request_outlook_and_thunderbird_read(laptop_zone: str) -> None:
    meeting = _meeting()
    data = invitation_email(meeting, options=InvitationOptions(organizer=ORGANIZER), now=NOW)
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF throughout
    message = _parse(data)

    # headers: From the organizer, To the participants with an address, a Subject, a Date
    assert message.get_content_type() == "multipart/mixed"
    sender = message["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("Søren Ærbø", ORGANIZER.email)
    assert b"S\xc3\xb8ren" not in data.split(b"\r\n\r\n")[0]  # Danish letters encoded (RFC 2047)
    expected_to = [
        "aase@tolk.example",
        "kasper.holm@kommune.example",
        "lise@familie.example",
        "malthe@skole.example",
    ]
    assert _addresses(message["To"]) == expected_to
    assert str(message["Subject"]) == "Netværksmøde – Familien Holm Jensen"
    assert parsedate_to_datetime(str(message["Date"])) == NOW
    assert message["Message-ID"].endswith("@kommune.example>")
    assert message["X-Unsent"] == "1"
    assert message["Content-Class"] == "urn:content-classes:calendarmessage"

    # the parts: words and the calendar side by side, and the calendar once more attached
    alternative = next(p for p in message.iter_parts() if p.get_content_type() == "multipart/alternative")
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/calendar"]
    part = _calendar_part(message)
    assert part.get_param("method") == REQUEST
    assert part.get_content_charset() == "utf-8"
    words = next(p for p in alternative.iter_parts() if p.get_content_type() == "text/plain").get_content()
    assert "Tirsdag den 15. juni 2027 kl. 10.00–11.30" in words and "Svar med knapperne" in words
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == ATTACHMENT_NAME
    assert attachment.get_content() == part.get_content().encode("utf-8")

    # the calendar: METHOD, ORGANIZER, ATTENDEE, VALARM, VTIMEZONE of rules, TZID
    calendar = Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == REQUEST
    event = _event(calendar)
    assert str(event["ORGANIZER"]) == f"mailto:{ORGANIZER.email}"
    assert event["ORGANIZER"].params["CN"] == "Søren Ærbø"
    attendees = {str(a).removeprefix("mailto:"): a.params for a in _list(event["ATTENDEE"])}
    assert sorted(attendees) == expected_to
    for params in attendees.values():
        assert (params["ROLE"], params["PARTSTAT"], params["RSVP"]) == (
            "REQ-PARTICIPANT",
            "NEEDS-ACTION",
            "TRUE",
        )
        assert params["CN"]
    assert attendees["malthe@skole.example"]["CN"] == "Malthe Søndergaard (Familiebehandler)"
    [alarm] = list(event.walk("VALARM"))
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
    assert str(alarm["DESCRIPTION"]).startswith("Påmindelse: Netværksmøde")
    [zone] = list(calendar.walk("VTIMEZONE"))
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    observances = {c.name: c for c in zone.subcomponents}
    assert set(observances) == {"STANDARD", "DAYLIGHT"}
    for name, month, hour in (("DAYLIGHT", 3, 2), ("STANDARD", 10, 3)):
        rule = observances[name]["RRULE"]
        assert (rule["FREQ"], rule["BYMONTH"], rule["BYDAY"]) == (["YEARLY"], [month], ["-1SU"])
        assert "RDATE" not in observances[name]
        assert observances[name].decoded("DTSTART").hour == hour
    for name, hour, minute in (("DTSTART", 10, 0), ("DTEND", 11, 30)):
        assert event[name].params["TZID"] == "Europe/Copenhagen"
        assert event[name].to_ical() == f"20270615T{hour:02}{minute:02}00".encode()
        moment = event.decoded(name)
        assert (moment.hour, moment.minute) == (hour, minute)
        assert moment.utcoffset() == timedelta(hours=2)  # summer time, whatever the laptop's zone
    assert event.decoded("DTSTART").astimezone(UTC).hour == 8
    assert str(event["UID"]) == meeting.ical_uid and event["SEQUENCE"] == 2
    assert "Kontakt: Søren Ærbø, soeren.aerboe@kommune.example, tlf. 49 28 11 22" in str(event["DESCRIPTION"])


def test_the_coordinator_sending_is_named_coordinator_and_not_asked_to_reply() -> None:
    me = Organizer("Kasper Holm", "Kasper.Holm@kommune.example")
    meeting = _meeting(coordinator_name="Kasper Holm", coordinator_email="kasper.holm@kommune.example")
    message = _parse(invitation_email(meeting, options=InvitationOptions(organizer=me), now=NOW))
    assert "kasper.holm@kommune.example" not in [a.lower() for a in _addresses(message["To"])]
    event = _event(Calendar.from_ical(_calendar_part(message).get_content()))
    [chair] = [a for a in _list(event["ATTENDEE"]) if str(a).lower() == "mailto:kasper.holm@kommune.example"]
    assert chair.params["ROLE"] == "CHAIR" and "RSVP" not in chair.params
    assert "Koordinator: Kasper Holm" in str(event["DESCRIPTION"])


def test_a_cancellation_is_method_cancel_without_a_reminder() -> None:
    meeting = _meeting(status=MeetingStatus.CANCELLED, ical_sequence=5)
    message = _parse(invitation_email(meeting, options=InvitationOptions(organizer=ORGANIZER), now=NOW))
    part = _calendar_part(message)
    assert part.get_param("method") == CANCEL
    calendar = Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == CANCEL
    event = _event(calendar)
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 5
    assert list(event.walk("VALARM")) == []
    assert str(message["Subject"]).startswith("Aflyst: ")
    assert "aflyst" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize("minutes", [None, 5, 15, 60, 24 * 60])
def test_the_reminder_is_the_one_chosen(minutes: int | None) -> None:
    options = InvitationOptions(organizer=ORGANIZER, reminder_minutes=minutes)
    event = _event(Calendar.from_ical(meeting_ics(_meeting(), now=NOW, options=options)))
    alarms = list(event.walk("VALARM"))
    if minutes is None:
        assert alarms == []
    else:
        assert [a.decoded("TRIGGER") for a in alarms] == [-timedelta(minutes=minutes)]


@pytest.mark.parametrize("address", ["", "   ", "not an address", "lone@"])
def test_without_the_organizers_address_there_is_no_email(address: str) -> None:
    with pytest.raises(NoOrganizerError):
        invitation_email(_meeting(), options=InvitationOptions(organizer=Organizer("Lone", address)), now=NOW)
    with pytest.raises(NoOrganizerError):  # the default organizer: the coordinator
        invitation_email(_meeting(coordinator_email=address), now=NOW)


def test_addresses_with_danish_letters_are_written_as_utf8_headers() -> None:
    people = (ParticipantInfo("professional:1", "Bjørn Ø", "bjørn@skole.example", "professional"),)
    data = invitation_email(
        _meeting(participants=people), options=InvitationOptions(organizer=ORGANIZER), now=NOW
    )
    assert "To: Bjørn Ø <bjørn@skole.example>".encode() in data  # RFC 6532: UTF-8 as it is
    # (the standard library's byte parser reads such headers back as escapes; as text it reads them)
    message = email.message_from_string(data.decode("utf-8"), policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert _addresses(message["To"]) == ["bjørn@skole.example"]
    event = _event(Calendar.from_ical(_calendar_part(message).get_content()))
    assert str(event["ATTENDEE"]) == "mailto:bjørn@skole.example"


def test_few_details_is_proposed_when_professionals_or_guests_are_invited() -> None:
    assert [p.key for p in external_attendees(_meeting())] == ["professional:1", "guest:Åse Ærø (tolk)"]
    family_only = tuple(p for p in _meeting().participants if p.role in ("family", "coordinator"))
    assert external_attendees(_meeting(participants=family_only)) == []
    no_address = tuple(dataclasses.replace(p, email="") for p in _meeting().participants)
    assert external_attendees(_meeting(participants=no_address)) == []


# -- few details ---------------------------------------------------------------------------------

# (not the organizer's name, which the invitation gives as it should)
FIRST = [
    "Oliver",
    "Emma",
    "Noah",
    "Ida",
    "Malthe",
    "Freja",
    "Aksel",
    "Åse",
    "Sørine",
    "Ærbøl",
    "Øjvind",
    "Liv",
]
LAST = ["Holm", "Jensen", "Nørgaard", "Østergård", "Yilmaz", "Kowalski", "Bæk", "Hussein", "Dahl"]
TITLES = ["Familiebehandler", "PPR-psykolog", "Misbrugskonsulent", "Sundhedsplejerske", "Jobkonsulent"]
SERVICES = ["familiebehandling", "aflastning", "misbrugsbehandling", "specialundervisning"]

names = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def _every_text(data: bytes) -> str:
    """Everything a recipient can read in a message: headers decoded, every part decoded."""
    message = _parse(data)
    texts = [f"{k}: {v}" for k, v in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        texts.append(content.decode("utf-8") if isinstance(content, bytes) else content)
        texts += [f"{k}: {v}" for k, v in part.items()]
    return "\n".join(texts).replace("\r\n ", "").replace("\\,", ",")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    family=st.lists(names, min_size=1, max_size=6, unique=True),
    invited=st.data(),
    title=st.sampled_from(TITLES),
    service=st.sampled_from(SERVICES),
    with_email=st.booleans(),
)
def test_few_details_leaves_out_every_name_of_the_family_and_every_service(
    family: list[str], invited: st.DataObject, title: str, service: str, with_email: bool
) -> None:
    came = invited.draw(st.lists(st.sampled_from(family), min_size=1, unique=True))
    child, parent = family[0], family[-1]
    people = (
        *(
            ParticipantInfo(
                f"citizen:{i}", name, f"person{i}@familie.example" if with_email else "", "family"
            )
            for i, name in enumerate(came)
        ),
        ParticipantInfo(
            "professional:1", f"Karin Vestergaard ({title})", "karin@skole.example", "professional"
        ),
    )
    meeting = _meeting(
        case_title=f"Familien {parent.split()[-1]}",
        place=f"Hos {parent}, {child.split()[0]}s skole",
        agenda=f"{child} og {service}\n{title}: {child.split()[0]}s {service}",
        participants=people,
    )
    options = InvitationOptions(organizer=ORGANIZER, few_details=True, family_names=tuple(family))
    secret = _words(" ".join(family)) | {title.casefold(), service.casefold()}
    for data in (
        invitation_email(meeting, options=options, now=NOW),
        meeting_ics(meeting, now=NOW, options=options),
    ):
        text = _every_text(data) if data.startswith(b"From") or b"MIME-Version" in data else data.decode()
        text = text.replace("\r\n ", "").replace("\\,", ",")
        leaked = secret & _words(text)
        assert not leaked, leaked
        assert "K-2027-0042" in text and "Rådhuset" not in text  # (the place was at home)
        assert "[navn udeladt]" in text
        assert "Karin Vestergaard" in text  # the professional, without the title
        assert "fra familien" in text  # counted, not named
    message = _parse(invitation_email(meeting, options=options, now=NOW))
    assert _addresses(message["To"]) == ["karin@skole.example"]  # the family's own addresses stay out
    # and without few details the same invitation names them (the check above is not empty)
    full = invitation_email(meeting, options=dataclasses.replace(options, few_details=False), now=NOW)
    assert _words(child) <= _words(_every_text(full))
    assert title.casefold() in _every_text(full).casefold()


def test_few_details_keeps_the_time_place_and_contact() -> None:
    options = InvitationOptions(organizer=ORGANIZER, few_details=True, family_names=("Lise Holm Jensen",))
    event = _event(Calendar.from_ical(meeting_ics(_meeting(), now=NOW, options=options)))
    assert str(event["SUMMARY"]) == "Netværksmøde – sag K-2027-0042"
    assert str(event["LOCATION"]) == "Rådhuset, mødelokale 2"
    description = str(event["DESCRIPTION"])
    assert "Tirsdag den 15. juni 2027 kl. 10.00–11.30." in description
    assert "Der er tolk til mødet." in description
    assert "tlf. 49 28 11 22" in description
    assert "Dagsorden" not in description and "Olivers skole" not in description
    assert "- Birthe Øster" in description and "PPR-psykolog" not in description
    assert "- 2 fra familien" in description
