"""The invitation dialog and the invitation saved from the calendar: an e-mail (.eml) from the
signed-in caseworker when they have an address, else a calendar entry and a pointer to Min
profil (which the dialog opens); "few details" proposed when professionals are invited; the
saved .eml parsed back; the export logged with its kind."""

from __future__ import annotations

import email
import json
import re
from datetime import datetime, time, timedelta
from email import policy
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select, update

from app.models import AuditEvent, Case, Citizen, FamilyMember, Meeting, User
from app.services.common import audit
from app.services.common.clock import LOCAL_TZ, local_today
from app.services.common.context import AppContext
from app.services.common.profile import ProfileInput
from app.services.meetings.ics import Organizer
from app.services.meetings.meetings import (
    MeetingInput,
    ParticipantInput,
    create_meeting,
    meeting_info,
    participant_choices,
)
from app.ui.calendar.invitation_dialog import InvitationDialog
from app.ui.common.background import StoreLanes
from app.ui.privacy.share_override_dialog import ShareOverrideDialog
from app.ui.settings.profile_dialog import ProfileDialog
from tests.services.meetings.test_invitation_email import _meeting
from tests.ui.invitation_helpers import answer_invitation
from tests.ui.lane_helpers import wait_for
from tests.ui.privacy.test_consent_output import _page

ME = Organizer("Lone Madsen", "lone.madsen@kommune.example", "49 28 10 00")


def _dialog(
    qtbot: Any, context: AppContext, lanes: StoreLanes, organizer: Organizer, **changes: Any
) -> InvitationDialog:
    dialog = InvitationDialog(context, lanes, _meeting(**changes), organizer, ("Oliver Holm Jensen",))
    qtbot.addWidget(dialog)
    return dialog


def test_with_an_address_the_invitation_is_an_email_with_few_details_proposed(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes, ME)
    assert dialog.as_email.isEnabled() and dialog.as_email.isChecked()
    assert dialog.sender_label.text() == "Lone Madsen <lone.madsen@kommune.example>"
    assert dialog.profile_button.isHidden()
    assert dialog.few_details.isChecked()  # a professional and a guest are invited by e-mail
    assert dialog.reminder.currentData() == 15
    text = dialog.who.text()
    assert "Malthe Søndergaard" in text and "Familiebehandler" not in text
    assert "Lise" not in text and "not invited by e-mail" in text  # the family gets its own
    choice = dialog.choice()
    assert choice.as_email and choice.options.few_details and choice.options.organizer == ME
    assert choice.options.family_names == ("Oliver Holm Jensen",)

    dialog.few_details.setChecked(False)
    assert "lise@familie.example" not in dialog.who.text() and "Lise Holm Jensen" in dialog.who.text()
    dialog.reminder.setCurrentIndex(dialog.reminder.findData(None))
    dialog.as_calendar.setChecked(True)
    choice = dialog.choice()
    assert not choice.as_email and not choice.options.few_details and choice.options.reminder_minutes is None


def test_few_details_is_off_when_only_the_family_and_colleagues_are_invited(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes
) -> None:
    people = tuple(p for p in _meeting().participants if p.role in ("family", "coordinator"))
    dialog = _dialog(qtbot, sqlite_context, lanes, ME, participants=people)
    assert not dialog.few_details.isChecked()


def test_a_cancellation_has_no_reminder_to_choose(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes
) -> None:
    from app.models.enums import MeetingStatus

    dialog = _dialog(qtbot, sqlite_context, lanes, ME, status=MeetingStatus.CANCELLED)
    assert dialog.reminder.isHidden()
    assert dialog.windowTitle() == "Send the cancellation"


def test_without_an_address_it_says_so_and_opens_min_profil(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes, Organizer("Lone Madsen", ""))
    dialog.show()
    assert not dialog.as_email.isEnabled() and dialog.as_calendar.isChecked()
    assert dialog.sender_label.text() == "Lone Madsen"
    assert dialog.no_address.isVisible() and "no e-mail address" in dialog.no_address.text()
    assert "My profile" in dialog.no_address.text()
    assert dialog.profile_button.isVisible()
    assert "Invited by e-mail" not in dialog.who.text()  # a calendar entry invites nobody
    assert not dialog.choice().as_email
    opened: list[object] = []

    def edit(_cls: object, context: AppContext, lanes: StoreLanes, parent: object) -> ProfileInput:
        opened.append(parent)
        return ProfileInput("lone.madsen@kommune.example", "49 28 10 00")

    monkeypatch.setattr(ProfileDialog, "edit", classmethod(edit))
    dialog.profile_button.click()
    assert opened == [dialog]
    assert dialog.as_email.isEnabled() and dialog.as_email.isChecked()
    assert dialog.profile_button.isHidden() and dialog.no_address.isHidden()
    assert dialog.sender_label.text() == "Lone Madsen <lone.madsen@kommune.example>"
    assert dialog.choice().options.organizer == ME
    assert "Invited by e-mail" in dialog.who.text()


def test_the_dialog_in_danish(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes, danish: None
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes, Organizer("Lone Madsen", ""))
    assert dialog.windowTitle() == "Send invitationen"
    assert "Min profil" in dialog.no_address.text()
    assert dialog.few_details.text().startswith("Få detaljer")
    assert dialog.reminder.currentText() == "15 minutter før"


# -- from the calendar -------------------------------------------------------------------------


def _lise_meeting(context: AppContext) -> tuple[int, int]:
    """A network meeting in a month with Lise's family (all of them), her teacher and the
    coordinator: (meeting id, case id)."""
    start = datetime.combine(local_today() + timedelta(days=30), time(9), LOCAL_TZ)
    with context.sessions.begin() as s:
        case_id = int(s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))
        keys = [
            c.key
            for c in participant_choices(s, case_id)
            if c.role in ("family", "coordinator") or "Vestskolen" in c.name or c.role == "professional"
        ]
        citizens = [int(k.split(":")[1]) for k in keys if k.startswith("citizen:")]
        s.execute(update(Citizen).where(Citizen.id == citizens[0]).values(email="lise@familie.example"))
        meeting_id = create_meeting(
            s,
            MeetingInput(
                case_id=case_id,
                starts_at=start,
                ends_at=start + timedelta(hours=1, minutes=30),
                place="Hos Lise, Strandvejen 4",
                participants=[ParticipantInput(k) for k in keys],
            ),
            datetime.now(LOCAL_TZ),
        )
        s.execute(
            update(Meeting)
            .where(Meeting.id == meeting_id)
            .values(agenda="Olivers skole og familiebehandling")
        )
    return meeting_id, case_id


def _family_names(context: AppContext, case_id: int) -> set[str]:
    with context.sessions() as s:
        family_id = s.scalar(select(Case.family_id).where(Case.id == case_id))
        rows = s.execute(
            select(Citizen.first_name, Citizen.last_name)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id == family_id)
        )
        return {w.casefold() for first, last in rows for w in f"{first} {last}".split()}


@pytest.mark.parametrize("few_details", [True, False])
def test_the_calendar_saves_an_eml_the_mail_program_opens(
    qtbot: Any, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, few_details: bool
) -> None:
    meeting_id, case_id = _lise_meeting(demo_context)
    with demo_context.sessions() as s:
        me = s.get(User, demo_context.user.id)
        assert me is not None and me.email.endswith("@kommune.example")  # the demo's reserved domain
        sender = me.email
    page = _page(qtbot, demo_context, meeting_id)
    monkeypatch.setattr(ShareOverrideDialog, "ask", lambda *_a, **_k: "Aftalt med mor")
    target = tmp_path / "invitation"
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **_k: (asked.append(a), (str(target), ""))[1]
    )
    told: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.information", lambda _p, _t, text, *_a: told.append(text)
    )
    seen = answer_invitation(monkeypatch, as_email=True, few_details=few_details)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    assert (
        len(seen) == 1 and seen[0].choice.options.few_details == few_details and seen[0].few_details_proposed
    )
    assert asked[0][2] == "invitation.eml" and "*.eml" in asked[0][3]
    saved = tmp_path / "invitation.eml"
    assert saved.exists() and told and "Outlook" in told[0]

    message = email.message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert message["From"].addresses[0].addr_spec == sender
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(part.get_content())
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["ORGANIZER"]) == f"mailto:{sender}"
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert list(event.walk("VALARM")) and list(calendar.walk("VTIMEZONE"))
    text = (
        saved.read_bytes().decode("ascii", "replace")
        + part.get_content()
        + message.get_body(("plain",)).get_content()
    )  # type: ignore[union-attr]
    words = {w.casefold() for w in re.findall(r"\w+", text.replace("\r\n ", ""))}
    # (a colleague or professional may share a surname with the family: their own name stays)
    with demo_context.sessions() as s:
        others = [p.name for p in meeting_info(s, meeting_id).participants if p.role != "family"]
    family = _family_names(demo_context, case_id) - {
        w.casefold() for n in others for w in re.findall(r"\w+", n)
    }
    assert {"lise", "oliver"} <= family
    if few_details:
        assert not (family & words), family & words
        assert "lise@familie.example" not in text
    else:
        assert {"lise", "oliver"} <= words and "lise@familie.example" in text

    with demo_context.sessions() as s:
        [entry] = s.scalars(
            select(AuditEvent).where(AuditEvent.action == audit.EXPORT, AuditEvent.object_id == meeting_id)
        ).all()
    assert json.loads(entry.details) == {"kind": "invitation.eml", "few_details": few_details}


@pytest.mark.parametrize("address", ["", "ny@kommune.example"])
def test_the_organizer_is_the_user_as_stored_now(
    qtbot: Any, demo_context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, address: str
) -> None:
    """Min profil changed after the program started: the invitation has the new address — or,
    with none, is a calendar entry (an e-mail asked for is not possible)."""
    meeting_id, _case_id = _lise_meeting(demo_context)
    with demo_context.sessions.begin() as s:
        s.execute(update(User).where(User.id == demo_context.user.id).values(email=address))
    assert demo_context.user.email == ""  # read at start, before the demo gave the user an address
    page = _page(qtbot, demo_context, meeting_id)
    monkeypatch.setattr(ShareOverrideDialog, "ask", lambda *_a, **_k: "Aftalt med mor")
    target = tmp_path / ("x.eml" if address else "x.ics")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    seen = answer_invitation(monkeypatch, as_email=True)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    assert seen[0].organizer.email == address
    if address:
        message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
        assert message["From"].addresses[0].addr_spec == address
        return
    assert not seen[0].email_possible and seen[0].profile_offered and not seen[0].choice.as_email
    calendar = Calendar.from_ical(target.read_bytes())
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "ORGANIZER" not in next(iter(calendar.walk("VEVENT")))
