"""Meeting invitations as iCalendar (.ics) files, made with the ``icalendar`` library.

    meeting_ics(meeting)           -> bytes  one meeting: METHOD:REQUEST, or CANCEL when cancelled
    case_ics(meetings)             -> bytes  all of a case's meetings: METHOD:PUBLISH
    write_ics(data, path)                    temp file in the same folder, then rename

An invitation keeps the meeting's UID for its whole life and carries its SEQUENCE, which the
meetings service raises on every change, so Outlook and Thunderbird update (or remove) the
entry they already have instead of adding a second one. Times are local Copenhagen time with
TZID=Europe/Copenhagen and a VTIMEZONE for the years concerned. The coordinator is the
ORGANIZER; every participant with an e-mail address is an ATTENDEE who is asked to reply, the
others are named in the description. No CPR number leaves the program: CPR-shaped numbers in
free text are removed, and the title is the meeting kind and the case title only.

Without an e-mail address for the coordinator there can be no organizer, and an invitation
without one is not valid iTIP: such a meeting is written as a plain calendar entry
(METHOD:PUBLISH) unless a method is asked for (see ``invitation_method``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from icalendar import Calendar, Event, vCalAddress
from icalendar.enums import STATUS, TRANSP

from app.models.enums import MeetingStatus
from app.services.common import danish  # plain Danish words only (no ReportLab)
from app.services.common.clock import LOCAL_TZ, now_utc
from app.services.meetings.meetings import MeetingInfo, ParticipantInfo
from app.store.safe_files import write_atomic

PRODID = "-//Koordinator//DA"
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
METHODS = (REQUEST, CANCEL, PUBLISH)

_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+$")


def usable_email(address: str) -> str:
    """The address stripped, or "" when it cannot be an invitation's mailto: address."""
    address = (address or "").strip()
    return address if _EMAIL.match(address) else ""


def invitation_method(meeting: MeetingInfo) -> str:
    """REQUEST for a planned or held meeting, CANCEL for a cancelled one; PUBLISH (a plain
    calendar entry) when the coordinator has no e-mail address to organise it from."""
    if not usable_email(meeting.coordinator_email):
        return PUBLISH
    return CANCEL if meeting.status == MeetingStatus.CANCELLED else REQUEST


def meeting_summary(meeting: MeetingInfo) -> str:
    """Netværksmøde – Familien Holm Jensen (short; "Aflyst: " in front when cancelled)."""
    text = f"{danish.meeting_kind(meeting.kind)} – {_clean(meeting.case_title)}".rstrip(" –")
    return f"Aflyst: {text}" if meeting.status == MeetingStatus.CANCELLED else text


def meeting_ics(meeting: MeetingInfo, *, method: str | None = None, now: datetime | None = None) -> bytes:
    """One meeting's invitation (or cancellation) as an iCalendar file.

    ``method`` defaults to ``invitation_method(meeting)``; ``now`` (aware) is the DTSTAMP,
    default the current time. Raises ValueError for a method other than REQUEST, CANCEL or
    PUBLISH.
    """
    method = (method or invitation_method(meeting)).upper()
    if method not in METHODS:
        raise ValueError(f"unknown iTIP method {method!r}")
    calendar = _calendar(method)
    calendar.add_component(_event(meeting, method, _stamp(now)))
    _add_timezone(calendar, [meeting])
    return bytes(calendar.to_ical())


def case_ics(
    meetings: Sequence[MeetingInfo], *, now: datetime | None = None, skipped: list[int] | None = None
) -> bytes:
    """All the meetings (of a case) in one calendar to import: METHOD:PUBLISH, one VEVENT per
    meeting with its own UID and SEQUENCE; cancelled ones with STATUS:CANCELLED. Publishing
    carries no attendees (RFC 5546): the participants are named in each description.

    A meeting whose stored time cannot be written (a year such as 9999) is left out and its
    id added to ``skipped``. Raises ValueError without meetings to write.
    """
    if not meetings:
        raise ValueError("no meetings to put in the calendar")
    calendar = _calendar(PUBLISH)
    titles = {_clean(m.case_title) for m in meetings}
    name = f"Møder – {titles.pop()}" if len(titles) == 1 else "Møder"
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    stamp = _stamp(now)
    written: list[MeetingInfo] = []
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.id)):
        try:  # a meeting stored with an impossible time (before the dates were checked)
            event = _event(meeting, PUBLISH, stamp)
            _local(meeting.starts_at), _local(meeting.ends_at)
        except (OverflowError, ValueError):
            if skipped is not None:
                skipped.append(meeting.id)
            continue
        calendar.add_component(event)
        written.append(meeting)
    if not written:
        raise ValueError("no meeting has a time that can be written")
    _add_timezone(calendar, written)
    return bytes(calendar.to_ical())


def write_ics(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write ``data`` to ``path`` whole or not at all (``safe_files.write_atomic``). Raises
    OSError (OutputRefusedError for a target that must not be written) when it cannot."""
    write_atomic(path, data)


# -- building blocks ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line of free text: CPR-shaped numbers removed, whitespace folded."""
    return " ".join(danish.hide_cpr(text or "").split())


def _stamp(now: datetime | None) -> datetime:
    return (now or now_utc()).astimezone(UTC).replace(microsecond=0)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ).replace(microsecond=0)


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


TZ_FIRST_YEAR, TZ_LAST_YEAR = 1970, 2199


def _add_timezone(calendar: Calendar, meetings: Sequence[MeetingInfo]) -> None:
    """The VTIMEZONE for Europe/Copenhagen, covering the years of the meetings (not 1970–2038:
    the file stays small)."""
    first = max(TZ_FIRST_YEAR, min(_local(m.starts_at).year for m in meetings))
    last = min(TZ_LAST_YEAR, max(_local(m.ends_at).year for m in meetings))
    first = min(first, last)  # (calendars extend the nearest rule beyond the years given)
    calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))


def _organizer(meeting: MeetingInfo) -> vCalAddress | None:
    email = usable_email(meeting.coordinator_email)
    if not email:
        return None
    return vCalAddress.new(email, cn=_clean(meeting.coordinator_name) or None)


def _attendee(person: ParticipantInfo, email: str, organizer_email: str) -> vCalAddress:
    if email.casefold() == organizer_email.casefold():  # the coordinator is there and need not reply
        return vCalAddress.new(
            email, cn=_clean(person.name) or None, cutype="INDIVIDUAL", role="CHAIR", partstat="ACCEPTED"
        )
    return vCalAddress.new(
        email,
        cn=_clean(person.name) or None,
        cutype="INDIVIDUAL",
        role="REQ-PARTICIPANT",
        partstat="NEEDS-ACTION",
        rsvp=True,
    )


def _event(meeting: MeetingInfo, method: str, stamp: datetime) -> Event:
    cancelled = meeting.status == MeetingStatus.CANCELLED or method == CANCEL
    organizer = _organizer(meeting)
    place, video = _clean(meeting.place), (meeting.video_link or "").strip()
    attendees: list[vCalAddress] = []
    without_email: list[str] = []
    seen: set[str] = set()
    for person in meeting.participants:
        email = usable_email(person.email)
        if person.key == f"user:{meeting.coordinator_id}" and not email:
            continue  # the coordinator organises the meeting (and is named below)
        if method == PUBLISH or not email:
            without_email.append(_clean(person.name))
        elif email.casefold() not in seen:  # one ATTENDEE per address (a shared family mailbox)
            seen.add(email.casefold())
            attendees.append(_attendee(person, email, str(organizer.email) if organizer else ""))
    event = Event.new(
        uid=meeting.ical_uid,
        sequence=meeting.ical_sequence,
        stamp=stamp,
        start=_local(meeting.starts_at),
        end=_local(meeting.ends_at),
        summary=meeting_summary(meeting),
        location=place or video or None,
        url=video if video.lower().startswith(("https://", "http://")) else None,
        description=_description(meeting, method, without_email, cancelled),
        organizer=organizer,
        attendees=attendees or None,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )
    event.add("class", "PRIVATE")  # shared calendars show the time, not the family's name
    return event


def _description(meeting: MeetingInfo, method: str, others: list[str], cancelled: bool) -> str:
    start, end = _local(meeting.starts_at), _local(meeting.ends_at)
    kind = danish.meeting_kind(meeting.kind)
    lines = []
    if cancelled:
        lines += ["Mødet er aflyst.", ""]
    lines.append(f"{kind} om {_clean(meeting.case_title)} (sag {meeting.case_number}).")
    lines.append(f"{danish.meeting_period(start, end)}.")
    if meeting.place.strip():
        lines.append(f"Sted: {_clean(meeting.place)}")
    if meeting.video_link.strip():
        lines.append(f"Videolink: {meeting.video_link.strip()}")
    if meeting.interpreter_needed:
        lines.append("Der er tolk til mødet.")
    agenda = danish.hide_cpr(meeting.agenda or "").strip()
    if agenda:
        lines += ["", "Dagsorden:", *(line.rstrip() for line in agenda.splitlines())]
    if others:
        heading = "Deltagere:" if method == PUBLISH else "Desuden deltager:"
        lines += ["", heading, *(f"- {name}" for name in others if name)]
    if meeting.coordinator_name.strip():
        contact = _clean(meeting.coordinator_name)
        email = usable_email(meeting.coordinator_email)
        lines += ["", f"Koordinator: {contact}" + (f", {email}" if email else "")]
    return "\n".join(lines)
