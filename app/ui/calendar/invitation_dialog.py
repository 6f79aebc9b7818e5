"""Before a meeting's invitation is saved: as an e-mail (.eml) the mail program opens as a
meeting request, or as a calendar file (.ics); a reminder; and "few details" for invitations
to professionals outside the municipality (no names from the family, no agenda, no titles),
on by default when such professionals are invited. Who sends it is the signed-in caseworker:
without an e-mail address (Min profil) there is no invitation to answer, only a calendar
entry, and the dialog says so and opens Min profil."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.models.enums import MeetingStatus
from app.services.common.context import AppContext
from app.services.meetings.ics import (
    DEFAULT_REMINDER,
    PUBLISH,
    REMINDER_CHOICES,
    InvitationOptions,
    Organizer,
    external_attendees,
    invitation_method,
    recipients,
    usable_email,
)
from app.services.meetings.meetings import MeetingInfo
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style, note_style
from app.ui.common.formatting import format_datetime
from app.ui.common.labels import label


@dataclass(frozen=True, slots=True)
class InvitationChoice:
    as_email: bool  # .eml (iMIP) rather than .ics
    options: InvitationOptions


class InvitationDialog(QDialog):
    """The invitation's form and options; ``choice()`` once accepted."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        meeting: MeetingInfo,
        organizer: Organizer,
        family_names: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        cancelled = meeting.status == MeetingStatus.CANCELLED
        self.setWindowTitle(self.tr("Send the cancellation") if cancelled else self.tr("Send the invitation"))
        self.setObjectName("invitationDialog")
        self.setMinimumWidth(560)
        self._context, self._lanes = context, lanes
        self._meeting, self._family = meeting, family_names
        self.organizer = organizer
        self.cancelled = cancelled

        what = QLabel(
            f"{label(meeting.kind)}, {format_datetime(meeting.starts_at)} · {meeting.case_number}", self
        )
        what.setWordWrap(True)
        self.sender_label = QLabel(self)
        self.sender_label.setObjectName("invitationSender")
        self.sender_label.setWordWrap(True)
        self.no_address = QLabel(
            self.tr(
                "You have no e-mail address, so the file can only be a calendar entry that nobody "
                "can answer. Add your address in My profile (File menu) to send invitations."
            ),
            self,
        )
        self.no_address.setObjectName("invitationNoAddress")
        self.no_address.setWordWrap(True)
        self.no_address.setStyleSheet(error_style())
        self.profile_button = QPushButton(self.tr("My profile…"), self)
        self.profile_button.setObjectName("invitationProfile")
        self.profile_button.clicked.connect(self._open_profile)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.no_address, 1)
        missing_row.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignTop)

        self.as_email = QRadioButton(
            self.tr("E-mail for your mail program (.eml): opens as a meeting request"), self
        )
        self.as_email.setObjectName("invitationAsEmail")
        self.as_calendar = QRadioButton(self.tr("Calendar file (.ics)"), self)
        self.as_calendar.setObjectName("invitationAsCalendar")
        formats = QButtonGroup(self)
        formats.addButton(self.as_email)
        formats.addButton(self.as_calendar)
        format_box = QVBoxLayout()
        format_box.addWidget(self.as_email)
        format_box.addWidget(self.as_calendar)

        self.reminder = QComboBox(self)
        self.reminder.setObjectName("invitationReminder")
        for minutes in REMINDER_CHOICES:
            self.reminder.addItem(self._reminder_text(minutes), minutes)
        self.reminder.setCurrentIndex(REMINDER_CHOICES.index(DEFAULT_REMINDER))

        self.few_details = QCheckBox(
            self.tr("Few details (for professionals outside the municipality)"), self
        )
        self.few_details.setObjectName("invitationFewDetails")
        few_note = QLabel(
            self.tr(
                "No names from the family, no agenda and no titles of the professionals: the case "
                "number, the time, the place and your contact details only."
            ),
            self,
        )
        few_note.setWordWrap(True)
        few_box = QVBoxLayout()
        few_box.addWidget(self.few_details)
        few_box.addWidget(few_note)
        self.few_details.setChecked(bool(external_attendees(meeting)))

        self.who = QLabel(self)
        self.who.setObjectName("invitationRecipients")
        self.who.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Meeting"), what)
        form.addRow(self.tr("From"), self.sender_label)
        form.addRow(self.tr("Save as"), format_box)
        if not cancelled:
            form.addRow(self.tr("Reminder"), self.reminder)
        else:
            self.reminder.hide()
        form.addRow(self.tr("Content"), few_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(missing_row)
        layout.addLayout(form)
        layout.addWidget(self.who)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.few_details.toggled.connect(self._refresh)
        self.as_email.toggled.connect(self._refresh)
        self._show_sender(prefer_email=True)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """The focus starts at the first choice, not at Save (Tab then reads down the dialog)."""
        super().showEvent(event)
        first = self.profile_button if self.profile_button.isVisible() else self.as_email
        first.setFocus(Qt.FocusReason.TabFocusReason)

    @classmethod
    def ask(
        cls,
        context: AppContext,
        lanes: StoreLanes,
        meeting: MeetingInfo,
        organizer: Organizer,
        family_names: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> InvitationChoice | None:
        dialog = cls(context, lanes, meeting, organizer, family_names, parent)
        try:
            return dialog.choice() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def choice(self) -> InvitationChoice:
        minutes = self.reminder.currentData()
        return InvitationChoice(
            self.as_email.isChecked() and self.as_email.isEnabled(),
            InvitationOptions(
                organizer=self.organizer,
                reminder_minutes=int(minutes) if minutes else None,
                few_details=self.few_details.isChecked(),
                family_names=self._family,
            ),
        )

    def _reminder_text(self, minutes: int | None) -> str:
        if not minutes:
            return self.tr("No reminder")
        if minutes % (24 * 60) == 0:
            return self.tr("%n day(s) before", "", minutes // (24 * 60))
        if minutes % 60 == 0:
            return self.tr("%n hour(s) before", "", minutes // 60)
        return self.tr("%n minute(s) before", "", minutes)

    def _show_sender(self, prefer_email: bool) -> None:
        email = usable_email(self.organizer.email)
        name = self.organizer.name or self._context.user.full_name
        self.sender_label.setText(f"{name} <{email}>" if email else name)
        self.no_address.setVisible(not email)
        self.profile_button.setVisible(not email)
        self.as_email.setEnabled(bool(email))
        if prefer_email or not email:
            (self.as_email if email else self.as_calendar).setChecked(True)
        self._refresh()

    def _open_profile(self) -> None:
        from app.ui.settings.profile_dialog import ProfileDialog

        saved = ProfileDialog.edit(self._context, self._lanes, self)
        if saved is not None:
            self.organizer = Organizer(self.organizer.name, saved.email, saved.phone)
            self._show_sender(prefer_email=True)

    def _refresh(self) -> None:
        options = self.choice().options
        method = invitation_method(self._meeting, self.organizer)
        invited, others = recipients(self._meeting, method, options)
        lines = []
        if method != PUBLISH:
            names = [
                name or email
                for name, email in invited
                if email.casefold() != self.organizer.email.casefold()
            ]
            lines.append(
                self.tr("Invited by e-mail: %1").replace(
                    "%1", ", ".join(names) if names else self.tr("nobody")
                )
            )
        if others:
            lines.append(self.tr("Named in the invitation: %1").replace("%1", ", ".join(others)))
        family_with_email = any(
            p.role == "family" and usable_email(p.email) for p in self._meeting.participants
        )
        if options.few_details and family_with_email and method != PUBLISH:
            lines.append(
                self.tr(
                    "The family is not invited by e-mail in an invitation with few details: save one more "
                    "without few details for them."
                )
            )
        self.who.setText("\n".join(lines))
        self.who.setStyleSheet(note_style() if options.few_details else "")
