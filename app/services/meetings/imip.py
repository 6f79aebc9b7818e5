"""A meeting invitation as an e-mail (.eml) that a mail program opens as a meeting request:
iMIP (RFC 6047), the way Outlook and Thunderbird send one themselves.

    invitation_email(meeting, options=…, now=…) -> bytes   the message, CRLF line ends
    write_email(data, path)                                 whole or not at all

The message is ``multipart/mixed``: a ``multipart/alternative`` with the invitation in words
(``text/plain``) and the iCalendar object itself (``text/calendar; method=REQUEST`` — or
CANCEL — ``charset=UTF-8``), and the same object once more as an attachment ``invite.ics``
for mail programs that only offer attachments. From is the organizer (the caseworker), To
every participant with an e-mail address; names with Danish letters are encoded as RFC 2047
words. ``X-Unsent: 1`` makes Outlook open the file as a message ready to send rather than as
one received; a program that ignores the header shows the meeting request.

Without an e-mail address for the organizer there is no iMIP message (RFC 6047 § 3: the
sender is the organizer): ``NoOrganizerError``.
"""

from __future__ import annotations

import os
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from app.models.enums import MeetingStatus
from app.services.common.clock import LOCAL_TZ, now_utc
from app.services.meetings.ics import (
    InvitationOptions,
    invitation_method,
    meeting_ics,
    meeting_summary,
    organizer_of,
    recipients,
    usable_email,
)
from app.services.meetings.meetings import MeetingInfo
from app.store.safe_files import write_atomic

ATTACHMENT_NAME = "invite.ics"


class NoOrganizerError(ValueError):
    """The organizer has no e-mail address: an invitation by e-mail cannot be made."""


def _address(name: str, email: str) -> Address:
    local, _, domain = email.rpartition("@")
    return Address(display_name=" ".join(name.split()), username=local, domain=domain)


def _body(meeting: MeetingInfo, description: str, method: str) -> str:
    if method == "CANCEL" or meeting.status == MeetingStatus.CANCELLED:
        opening = "Mødet herunder er aflyst. Din kalender fjerner det, når du åbner aflysningen."
    else:
        opening = (
            "Du inviteres til mødet herunder. Svar med knapperne i din kalender (Outlook, "
            f"Thunderbird), eller åbn den vedhæftede invitation ({ATTACHMENT_NAME})."
        )
    return f"{opening}\n\n{description}\n"


def invitation_email(
    meeting: MeetingInfo, *, options: InvitationOptions | None = None, now: datetime | None = None
) -> bytes:
    """The invitation (or cancellation, for a cancelled meeting) as an RFC 5322 message.

    ``options`` as for ``ics.meeting_ics`` (organizer, reminder, few details); ``now`` is the
    message's Date and the DTSTAMP. Raises NoOrganizerError when the organizer has no usable
    e-mail address."""
    from icalendar import Calendar

    options = options or InvitationOptions()
    organizer = organizer_of(meeting, options)
    sender = usable_email(organizer.email)
    if not sender:
        raise NoOrganizerError("the organizer has no e-mail address")
    method = invitation_method(meeting, organizer)
    moment = (now or now_utc()).astimezone(LOCAL_TZ).replace(microsecond=0)
    data = meeting_ics(meeting, method=method, now=moment, options=options)
    event = next(iter(Calendar.from_ical(data).walk("VEVENT")))
    invited, _others = recipients(meeting, method, options)
    to = [(name, email) for name, email in invited if email.casefold() != sender.casefold()]
    needs_utf8 = any(not email.isascii() for _name, email in [(organizer.name, sender), *to])
    message = EmailMessage(policy=policy.SMTPUTF8 if needs_utf8 else policy.SMTP)
    message["From"] = _address(organizer.name, sender)
    if to:
        message["To"] = [_address(name, email) for name, email in to]
    message["Subject"] = meeting_summary(meeting, options.few_details)
    message["Date"] = format_datetime(moment)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message["X-Unsent"] = "1"
    message.set_content(_body(meeting, str(event.get("DESCRIPTION", "")), method), cte="quoted-printable")
    text = data.decode("utf-8")
    message.add_alternative(text, subtype="calendar", params={"method": method}, cte="base64")
    message.add_attachment(
        data,
        maintype="application",
        subtype="ics",
        filename=ATTACHMENT_NAME,
        params={"name": ATTACHMENT_NAME},
    )
    # (after the parts: making a message multipart moves its Content-* headers into the first part)
    message["Content-Class"] = "urn:content-classes:calendarmessage"
    return message.as_bytes()


def write_email(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write the message to ``path`` whole or not at all (``safe_files.write_atomic``)."""
    write_atomic(path, data)
