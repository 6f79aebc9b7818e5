"""Min profil: the signed-in caseworker's e-mail address and phone number. Invitations are sent
from the address and answered to it (without one an invitation is only a calendar entry); the
printed papers give the phone number. Read and saved on the store lane; on a shared server a
caseworker changes their own and nobody else's (app/services/common/profile.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from typing_extensions import override

from app.services.common.context import AppContext
from app.services.common.editing import saved_stamp
from app.services.common.profile import Profile, ProfileInput, load_profile, save_profile, validate_profile
from app.services.common.validation import FieldProblem
from app.ui.common.background import StoreLanes
from app.ui.common.form_dialog import StoredRow
from app.ui.common.lane_form import LaneFormDialog, SaveJob


class ProfileDialog(LaneFormDialog):
    """E-mail and phone of the signed-in user, each with its message next to it."""

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My profile"), lanes, parent)
        self.setObjectName("profileDialog")
        self._context = context
        self.ready = False
        self.saved: ProfileInput | None = None  # what was stored, once saved
        self.who = QLabel(context.user.full_name, self)
        self.who.setObjectName("profileName")
        self.email = QLineEdit(self)
        self.email.setObjectName("profileEmail")
        self.email.setPlaceholderText(self.tr("name@municipality.dk"))
        self.phone = QLineEdit(self)
        self.phone.setObjectName("profilePhone")
        self.phone.setPlaceholderText(self.tr("e.g. 49 28 10 00"))
        self.form.addRow(self.tr("Name"), self.who)
        self.add_field("email", self.tr("E-mail"), self.email)
        self.add_field("phone", self.tr("Phone"), self.phone)
        for widget in (self.email, self.phone):
            holder = widget.parentWidget()
            buddy = self.form.labelForField(holder) if holder is not None else None
            if isinstance(buddy, QLabel):
                buddy.setBuddy(widget)
        note = QLabel(
            self.tr(
                "Meeting invitations are sent from this address, and the participants' answers come "
                "to it. Without an address an invitation can only be a calendar entry. The printed "
                "plan gives your phone number."
            ),
            self,
        )
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.watch("email", self.email.textEdited)
        self.watch("phone", self.phone.textEdited)
        for widget in (self.email, self.phone):
            widget.setEnabled(False)
        self.save_button.setEnabled(False)
        sessions, user_id = context.sessions, context.user.id

        def read() -> Profile:
            with sessions() as session:
                return load_profile(session, user_id)

        lanes.store.submit(read, self._arrived, self.read_failed, owner=self)

    @classmethod
    def edit(
        cls, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None
    ) -> ProfileInput | None:
        """Run the dialog; what was saved, or None when cancelled."""
        dialog = cls(context, lanes, parent)
        try:
            return dialog.saved if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def _arrived(self, profile: Profile) -> None:
        self.who.setText(profile.full_name)
        self.show_data(profile.data)
        self.edit_version = profile.version
        self.remember_base()
        for widget in (self.email, self.phone):
            widget.setEnabled(True)
        self.ready = True
        self.save_button.setEnabled(True)
        self.refresh()
        self.email.setFocus()

    @override
    def data(self) -> ProfileInput:
        return ProfileInput(self.email.text(), self.phone.text())

    @override
    def show_data(self, data: ProfileInput) -> None:
        self.email.setText(data.email)
        self.phone.setText(data.phone)

    @override
    def collect_problems(self) -> list[FieldProblem]:
        return validate_profile(self.data())

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

    @override
    def job_for(self, data: ProfileInput, version: int | None) -> SaveJob:
        sessions, user_id = self._context.sessions, self._context.user.id

        def job() -> int:
            with sessions.begin() as session:
                return save_profile(session, user_id, data, version)

        return job

    @override
    def accept(self) -> None:
        self.saved = self.data().cleaned()
        super().accept()

    # -- when the profile was saved elsewhere meanwhile (another of the user's computers) ------
    @override
    def stored_job(self) -> Callable[[], StoredRow | None] | None:
        sessions, user_id = self._context.sessions, self._context.user.id

        def job() -> StoredRow | None:
            from app.models import User

            with sessions() as session:
                profile = load_profile(session, user_id)
                saved_by, saved_at = saved_stamp(session, User, user_id)
            return StoredRow(profile.data, profile.version, saved_by, saved_at)

        return job
