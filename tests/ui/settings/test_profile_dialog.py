"""Min profil from the File menu: the signed-in caseworker's e-mail address and phone number,
read and saved on the store lane, each field's message next to it, in Danish too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction
from sqlalchemy import update

from app.models import User
from app.services.common.context import AppContext
from app.services.common.profile import ProfileInput, load_profile
from app.ui.common.background import StoreLanes
from app.ui.settings.profile_dialog import ProfileDialog
from tests.ui.lane_helpers import ready, save, wait_for


def _dialog(qtbot: Any, context: AppContext, lanes: StoreLanes) -> ProfileDialog:
    dialog = ProfileDialog(context, lanes)
    qtbot.addWidget(dialog)
    ready(dialog)
    return dialog


def _stored(context: AppContext) -> ProfileInput:
    with context.sessions() as session:
        return load_profile(session, context.user.id).data


def test_a_new_user_adds_their_address_and_phone(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes)
    assert (dialog.email.text(), dialog.phone.text()) == ("", "")
    assert dialog.email.isEnabled() and dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.email, "lone.madsen@kommune")
    error = dialog.errors["email"]
    assert error.isVisibleTo(dialog) and "name@example.dk" in error.text()  # next to the field
    assert not save(dialog) and _stored(sqlite_context) == ProfileInput()
    qtbot.keyClicks(dialog.email, ".example")
    qtbot.keyClicks(dialog.phone, "49 28 10 00")
    assert not error.isVisibleTo(dialog)
    assert save(dialog)
    assert dialog.saved == ProfileInput("lone.madsen@kommune.example", "49 28 10 00")
    assert _stored(sqlite_context) == dialog.saved


def test_it_shows_what_is_stored_now_and_clears_it(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes
) -> None:
    with sqlite_context.sessions.begin() as s:
        s.execute(
            update(User).where(User.id == sqlite_context.user.id).values(email="a@b.dk", phone="12 34 56 78")
        )
    dialog = _dialog(qtbot, sqlite_context, lanes)
    assert (dialog.email.text(), dialog.phone.text()) == ("a@b.dk", "12 34 56 78")
    dialog.email.clear()
    dialog.phone.clear()
    assert save(dialog)
    assert _stored(sqlite_context) == ProfileInput("", "")


def test_a_change_saved_elsewhere_meanwhile_is_merged(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes)
    with sqlite_context.sessions.begin() as s:  # another of the user's computers saves the phone
        s.execute(
            update(User)
            .where(User.id == sqlite_context.user.id)
            .values(phone="11 22 33 44", version=User.version + 1)
        )
    qtbot.keyClicks(dialog.email, "mig@kommune.example")
    dialog.try_save()
    wait_for(lambda: dialog.result() == 1)
    assert _stored(sqlite_context) == ProfileInput("mig@kommune.example", "11 22 33 44")


def test_the_dialog_in_danish(
    qtbot: Any, sqlite_context: AppContext, lanes: StoreLanes, danish: None
) -> None:
    dialog = _dialog(qtbot, sqlite_context, lanes)
    assert dialog.windowTitle() == "Min profil"
    qtbot.keyClicks(dialog.email, "ikke en adresse")
    assert dialog.errors["email"].text() == "Skriv e-mailadressen som navn@eksempel.dk."
    qtbot.keyClicks(dialog.phone, "ring")
    assert dialog.errors["phone"].text().startswith("Skriv telefonnummeret med cifre")


def test_the_file_menu_opens_it(
    qtbot: Any, demo_context: AppContext, settings: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from tests.ui.test_main_window import _window

    opened: list[ProfileDialog] = []

    def fake_exec(self: ProfileDialog) -> int:
        ready(self)
        opened.append(self)
        self.grab().save(str(tmp_path / "profile.png"))
        return 0

    monkeypatch.setattr(ProfileDialog, "exec", fake_exec)
    window = _window(qtbot, demo_context, settings)
    action = window.findChild(QAction, "myProfile")
    assert action is not None
    action.trigger()
    assert len(opened) == 1
    assert opened[0].email.text().endswith("@kommune.example")  # the demo's reserved domain
