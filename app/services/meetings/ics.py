"""Meeting invitations as iCalendar (.ics) files, made with the ``icalendar`` library.

    meeting_ics(meeting, options=…) -> bytes  one meeting: METHOD:REQUEST, or CANCEL when cancelled
    case_ics(meetings)              -> bytes  all of a case's meetings: METHOD:PUBLISH
    write_ics(data, path)                     temp file in the same folder, then rename

An invitation keeps the meeting's UID for its whole life and carries its SEQUENCE, which the
meetings service raises on every change, so Outlook and Thunderbird update (or remove) the
entry they already have instead of adding a second one. Times are local Copenhagen time with
TZID=Europe/Copenhagen and a VTIMEZONE whose observances are yearly rules (RRULE), the form
Outlook reads (app/services/meetings/vtimezone.py), whatever zone the laptop keeps. The
organizer (the caseworker sending it; by default the case's coordinator) is the ORGANIZER;
every participant with an e-mail address is an ATTENDEE who is asked to reply, the others are
named in the description. An invitation reminds (VALARM, DISPLAY) 15 minutes before unless
told otherwise. No CPR number leaves the program: CPR-shaped numbers in free text are removed,
and the title is the meeting kind and the case title only.

"Few details" (``InvitationOptions.few_details``), for invitations that go to professionals
outside the municipality: no name of anyone in the family (not in the title, the description,
an attendee's name or the place), no agenda and no professional's title (which tells what help
the family gets) — the case number, the time, the place and the coordinator's contact only.

Without an e-mail address for the organizer there can be no ORGANIZER, and an invitation
without one is not valid iTIP: such a meeting is written as a plain calendar entry
(METHOD:PUBLISH) unless a method is asked for (see ``invitation_method``). The meeting model
has no recurrence, so no invitation carries an RRULE of its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress
from icalendar.enums import STATUS, TRANSP

from app.models.enums import MeetingStatus
from app.services.common import danish  # plain Danish words only (no ReportLab)
from app.services.common.clock import LOCAL_TZ, now_utc
from app.services.common.profile import EMAIL  # the one rule for an address an invitation carries
from app.services.meetings.meetings import MeetingInfo, ParticipantInfo
from app.services.meetings.vtimezone import rrule_timezone
from app.store.safe_files import write_atomic

PRODID = "-//Koordinator//DA"
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
METHODS = (REQUEST, CANCEL, PUBLISH)
TZID = "Europe/Copenhagen"
DEFAULT_REMINDER = 15  # minutes before the meeting
REMINDER_CHOICES = (None, 5, 15, 30, 60, 120, 24 * 60)  # minutes; None: no reminder
NAME_REMOVED = "[navn udeladt]"
FEW_DETAILS_NOTE = "Oplysninger om familien er udeladt. Spørg koordinatoren."

_TITLE = re.compile(r"\s*\([^()]*\)\s*$")  # "Malthe Søndergaard (Familiebehandler)": the title


def usable_email(address: str) -> str:
    """The address stripped, or "" when it cannot be an invitation's mailto: address."""
    address = (address or "").strip()
    return address if EMAIL.match(address) else ""


@dataclass(frozen=True, slots=True)
class Organizer:
    """Who sends the invitation and gets the replies: the caseworker (their "Min profil")."""

    name: str
    email: str
    phone: str = ""


@dataclass(frozen=True, slots=True)
class InvitationOptions:
    organizer: Organizer | None = None  # None: the case's coordinator
    reminder_minutes: int | None = DEFAULT_REMINDER  # None: no reminder
    few_details: bool = False
    family_names: tuple[str, ...] = ()  # the case's people, kept out of a few-details invitation


def organizer_of(meeting: MeetingInfo, options: InvitationOptions | None = None) -> Organizer:
    """The invitation's organizer: the one in ``options``, else the case's coordinator."""
    if options is not None and options.organizer is not None:
        return options.organizer
    return Organizer(meeting.coordinator_name, meeting.coordinator_email)


def invitation_method(meeting: MeetingInfo, organizer: Organizer | None = None) -> str:
    """REQUEST for a planned or held meeting, CANCEL for a cancelled one; PUBLISH (a plain
    calendar entry) when the organizer (default: the coordinator) has no e-mail address."""
    organizer = organizer or organizer_of(meeting)
    if not usable_email(organizer.email):
        return PUBLISH
    return CANCEL if meeting.status == MeetingStatus.CANCELLED else REQUEST


def external_attendees(meeting: MeetingInfo) -> list[ParticipantInfo]:
    """Those invited by e-mail from outside the municipality's caseworkers and the family: the
    professionals and guests. A few-details invitation is the default when there are any."""
    return [p for p in meeting.participants if p.role in ("professional", "guest") and usable_email(p.email)]


def meeting_summary(meeting: MeetingInfo, few_details: bool = False) -> str:
    """Netværksmøde – Familien Holm Jensen (short; "Aflyst: " in front when cancelled); with
    few details the case number instead of the family's name."""
    about = f"sag {meeting.case_number}" if few_details else _clean(meeting.case_title)
    text = f"{danish.meeting_kind(meeting.kind)} – {about}".rstrip(" –")
    return f"Aflyst: {text}" if meeting.status == MeetingStatus.CANCELLED else text


def meeting_ics(
    meeting: MeetingInfo,
    *,
    method: str | None = None,
    now: datetime | None = None,
    options: InvitationOptions | None = None,
) -> bytes:
    """One meeting's invitation (or cancellation) as an iCalendar file.

    ``method`` defaults to ``invitation_method`` for the organizer; ``now`` (aware) is the
    DTSTAMP, default the current time; ``options`` the organizer, the reminder and few
    details (default: the coordinator, 15 minutes, all details). Raises ValueError for a
    method other than REQUEST, CANCEL or PUBLISH.
    """
    options = options or InvitationOptions()
    organizer = organizer_of(meeting, options)
    method = (method or invitation_method(meeting, organizer)).upper()
    if method not in METHODS:
        raise ValueError(f"unknown iTIP method {method!r}")
    calendar = _calendar(method)
    calendar.add_component(_event(meeting, method, _stamp(now), options))
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
    options = InvitationOptions(reminder_minutes=None)
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.id)):
        try:  # a meeting stored with an impossible time (before the dates were checked)
            event = _event(meeting, PUBLISH, stamp, options)
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


def _name_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """Every part (two letters or more) of the names as a whole word, longest first."""
    parts = {part for name in names for part in re.split(r"[\s\-]+", name or "") if len(part) >= 2}
    if not parts:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def without_names(text: str, names: Sequence[str]) -> str:
    """``text`` (one line, CPR removed) with every word of ``names`` replaced by a note; runs
    of removed words (a first and last name) become one note."""
    text = _clean(text)
    pattern = _name_pattern(names)
    if pattern is None:
        return text
    marked = pattern.sub("\0", text)
    marked = re.sub(r"\0(?:[\s\-]*\0)*", NAME_REMOVED, marked)
    return marked


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
    """The VTIMEZONE for Europe/Copenhagen as yearly rules holding over the years of the
    meetings; the per-year form (RDATE) only when no pair of rules holds for all of them."""
    first = max(TZ_FIRST_YEAR, min(_local(m.starts_at).year for m in meetings))
    last = min(TZ_LAST_YEAR, max(_local(m.ends_at).year for m in meetings))
    first = min(first, last)  # (calendars extend the nearest rule beyond the years given)
    zone = rrule_timezone(TZID, first, last)
    if zone is not None:
        calendar.subcomponents.insert(0, zone)
        return
    calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))


def _organizer(organizer: Organizer) -> vCalAddress | None:
    email = usable_email(organizer.email)
    if not email:
        return None
    return vCalAddress.new(email, cn=_clean(organizer.name) or None)


def _private_names(meeting: MeetingInfo, options: InvitationOptions) -> tuple[str, ...]:
    """The names a few-details invitation leaves out: the case's people and the family invited."""
    return (*options.family_names, *(p.name for p in meeting.participants if p.role == "family"))


def _shown_name(person: ParticipantInfo, options: InvitationOptions, private: Sequence[str]) -> str:
    """The name an invitation gives a participant: with few details no professional's title,
    and a guest's name without a word of the family's names (a grandparent). A colleague or a
    professional who shares a surname with the family keeps their own name."""
    if not options.few_details:
        return _clean(person.name)
    if person.role == "professional":
        return _clean(_TITLE.sub("", person.name))
    return without_names(person.name, private) if person.role == "guest" else _clean(person.name)


def _attendee(name: str, email: str, organizer_email: str) -> vCalAddress:
    if email.casefold() == organizer_email.casefold():  # the organizer is there and need not reply
        return vCalAddress.new(email, cn=name or None, cutype="INDIVIDUAL", role="CHAIR", partstat="ACCEPTED")
    return vCalAddress.new(
        email,
        cn=name or None,
        cutype="INDIVIDUAL",
        role="REQ-PARTICIPANT",
        partstat="NEEDS-ACTION",
        rsvp=True,
    )


def recipients(
    meeting: MeetingInfo, method: str, options: InvitationOptions
) -> tuple[list[tuple[str, str]], list[str]]:
    """Who the invitation names: (name, address) of each one invited by e-mail, one per
    address (a shared family mailbox), and the names of the others (for the description).
    A published calendar entry invites nobody. With few details the family is neither named
    nor invited (an address may hold the family's name): it is counted; the family gets an
    invitation of its own with every detail."""
    invited: list[tuple[str, str]] = []
    others: list[str] = []
    family_not_named = 0
    private = _private_names(meeting, options)
    seen: set[str] = set()
    for person in meeting.participants:
        email = usable_email(person.email)
        if person.key == f"user:{meeting.coordinator_id}" and not email:
            continue  # the coordinator organises the meeting (and is named below)
        if options.few_details and person.role == "family":
            family_not_named += 1  # (their addresses too may hold the family's name)
            continue
        name = _shown_name(person, options, private)
        if method == PUBLISH or not email:
            others.append(name)
        elif email.casefold() not in seen:
            seen.add(email.casefold())
            invited.append((name, email))
    if family_not_named:
        others.append(f"{family_not_named} fra familien")
    return invited, others


def _alarm(minutes: int, summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Påmindelse: {summary}")
    alarm.add("trigger", timedelta(minutes=-minutes))
    return alarm


def _event(meeting: MeetingInfo, method: str, stamp: datetime, options: InvitationOptions) -> Event:
    cancelled = meeting.status == MeetingStatus.CANCELLED or method == CANCEL
    sender = organizer_of(meeting, options)
    organizer = _organizer(sender)
    place = (
        without_names(meeting.place, _private_names(meeting, options))
        if options.few_details
        else _clean(meeting.place)
    )
    video = (meeting.video_link or "").strip()
    invited, without_email = recipients(meeting, method, options)
    organizer_email = str(organizer.email) if organizer else ""
    attendees = [_attendee(name, email, organizer_email) for name, email in invited]
    summary = meeting_summary(meeting, options.few_details)
    event = Event.new(
        uid=meeting.ical_uid,
        sequence=meeting.ical_sequence,
        stamp=stamp,
        start=_local(meeting.starts_at),
        end=_local(meeting.ends_at),
        summary=summary,
        location=place or video or None,
        url=video if video.lower().startswith(("https://", "http://")) else None,
        description=_description(meeting, method, without_email, cancelled, options, sender),
        organizer=organizer,
        attendees=attendees or None,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )
    event.add("class", "PRIVATE")  # shared calendars show the time, not the family's name
    if options.reminder_minutes and not cancelled:
        event.add_component(_alarm(options.reminder_minutes, summary))
    return event


def _description(
    meeting: MeetingInfo,
    method: str,
    others: list[str],
    cancelled: bool,
    options: InvitationOptions,
    sender: Organizer,
) -> str:
    start, end = _local(meeting.starts_at), _local(meeting.ends_at)
    kind = danish.meeting_kind(meeting.kind)
    few = options.few_details
    lines = []
    if cancelled:
        lines += ["Mødet er aflyst.", ""]
    if few:
        lines.append(f"{kind} (sag {meeting.case_number}).")
    else:
        lines.append(f"{kind} om {_clean(meeting.case_title)} (sag {meeting.case_number}).")
    lines.append(f"{danish.meeting_period(start, end)}.")
    place = without_names(meeting.place, _private_names(meeting, options)) if few else _clean(meeting.place)
    if place:
        lines.append(f"Sted: {place}")
    if meeting.video_link.strip():
        lines.append(f"Videolink: {meeting.video_link.strip()}")
    if meeting.interpreter_needed:
        lines.append("Der er tolk til mødet.")
    agenda = danish.hide_cpr(meeting.agenda or "").strip()
    if agenda and not few:
        lines += ["", "Dagsorden:", *(line.rstrip() for line in agenda.splitlines())]
    if others:
        heading = "Deltagere:" if method == PUBLISH else "Desuden deltager:"
        lines += ["", heading, *(f"- {name}" for name in others if name)]
    if few:
        lines += ["", FEW_DETAILS_NOTE]
    if sender.name.strip():
        email, phone = usable_email(sender.email), " ".join(sender.phone.split())
        contact = ", ".join(
            part for part in (_clean(sender.name), email, f"tlf. {phone}" if phone else "") if part
        )
        coordinator = options.organizer is None or (
            sender.email.strip().casefold() == meeting.coordinator_email.strip().casefold()
            or sender.name.strip() == meeting.coordinator_name.strip()
        )
        lines += ["", f"{'Koordinator' if coordinator else 'Kontakt'}: {contact}"]
    return "\n".join(lines)
