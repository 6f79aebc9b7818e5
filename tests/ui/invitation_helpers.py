"""Answering the invitation dialog in tests that export a meeting's invitation."""

from __future__ import annotations

from typing import Any

from app.ui.calendar.invitation_dialog import InvitationDialog


def answer_invitation(
    monkeypatch: Any, *, as_email: bool = False, few_details: bool | None = None, reminder: int | None = 15
) -> list[InvitationDialog]:
    """Every InvitationDialog opened from now on is answered at once (Save) with these choices:
    a calendar file unless ``as_email``; "few details" as the dialog proposes unless given.
    Returns the dialogs seen."""
    seen: list[InvitationDialog] = []

    def fake_exec(self: InvitationDialog) -> int:
        seen.append(self)
        (self.as_email if as_email else self.as_calendar).setChecked(True)
        if few_details is not None:
            self.few_details.setChecked(few_details)
        self.reminder.setCurrentIndex(self.reminder.findData(reminder))
        return 1

    monkeypatch.setattr(InvitationDialog, "exec", fake_exec)
    return seen
