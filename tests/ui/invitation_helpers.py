"""Answering the invitation dialog in tests that export a meeting's invitation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.services.meetings.ics import Organizer
from app.ui.calendar.invitation_dialog import InvitationChoice, InvitationDialog


@dataclass(frozen=True)
class Answered:
    """What the dialog showed and what was chosen (the dialog itself is gone afterwards)."""

    choice: InvitationChoice
    organizer: Organizer
    email_possible: bool
    profile_offered: bool
    few_details_proposed: bool
    recipients: str


def answer_invitation(
    monkeypatch: Any, *, as_email: bool = False, few_details: bool | None = None, reminder: int | None = 15
) -> list[Answered]:
    """Every InvitationDialog opened from now on is answered at once (Save) with these choices:
    a calendar file unless ``as_email``; "few details" as the dialog proposes unless given.
    Returns what each dialog showed and what was chosen."""
    seen: list[Answered] = []

    def fake_exec(self: InvitationDialog) -> int:
        proposed = self.few_details.isChecked()
        (self.as_email if as_email else self.as_calendar).setChecked(True)
        if few_details is not None:
            self.few_details.setChecked(few_details)
        self.reminder.setCurrentIndex(self.reminder.findData(reminder))
        seen.append(
            Answered(
                self.choice(),
                self.organizer,
                self.as_email.isEnabled(),
                self.profile_button.isVisibleTo(self),
                proposed,
                self.who.text(),
            )
        )
        return 1

    monkeypatch.setattr(InvitationDialog, "exec", fake_exec)
    return seen
