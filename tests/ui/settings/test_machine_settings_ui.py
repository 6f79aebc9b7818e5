"""What IT set for the computer in the program (issue 18 item 3): the server a user has not
chosen otherwise, fixed where locked; the language, fixed where locked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from app.machine_settings import MachineSettings
from app.store.credentials import MemoryCredentials
from app.ui.common.background import StoreWorker
from app.ui.common.i18n import SETTINGS_KEY, chosen_language
from app.ui.settings.connection_dialog import (
    STORE_HOST_KEY,
    STORE_KIND_KEY,
    STORE_USER_KEY,
    ConnectionDialog,
    machine_store_url,
)

SERVER = "postgresql://db.kommune.local:5433/koordinator?sslmode=verify-full"


def _machine(locked: bool) -> MachineSettings:
    return MachineSettings({"server": SERVER}, frozenset({"server"}) if locked else frozenset())


@pytest.mark.parametrize(
    ("users_kind", "locked", "machine_used"),
    [
        (None, False, True),
        ("local", False, False),
        ("server", False, False),
        ("local", True, True),
        ("server", True, True),
    ],
)
def test_the_machines_server_unless_the_user_chose_and_it_is_not_locked(
    settings: QSettings, users_kind: str | None, locked: bool, machine_used: bool
) -> None:
    if users_kind:
        settings.setValue(STORE_KIND_KEY, users_kind)
        settings.setValue(STORE_HOST_KEY, "elsewhere.example")
    settings.setValue(STORE_USER_KEY, "lone.madsen")
    url = machine_store_url(_machine(locked), settings)
    if not machine_used:
        assert url is None
        return
    assert url is not None
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username) == (
        "db.kommune.local",
        5433,
        "koordinator",
        "lone.madsen",
    )
    assert parsed.query["sslmode"] == "verify-full" and parsed.password is None


def test_a_locked_server_is_shown_fixed_and_only_login_and_password_are_typed(
    qtbot, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    settings.setValue(STORE_KIND_KEY, "local")
    dialog = ConnectionDialog(settings, MemoryCredentials(), StoreWorker(), machine=_machine(True))
    dialog.worker.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server_radio.isChecked() and not dialog.local_radio.isEnabled()
    assert dialog.host.text() == "db.kommune.local" and not dialog.host.isEnabled()
    assert not dialog.database.isEnabled() and not dialog.sslmode.isEnabled()
    assert dialog.user.isEnabled() and dialog.password.isEnabled()
    assert dialog.host.toolTip() == "Set by IT for this computer" or dialog.host.toolTip().startswith(
        "Sat af IT"
    )


@pytest.mark.parametrize(("locked", "expected"), [(True, "en"), (False, "da")])
def test_a_locked_language_wins_over_the_users(settings: QSettings, locked: bool, expected: str) -> None:
    settings.setValue(SETTINGS_KEY, "da")
    machine = MachineSettings({"language": "en"}, frozenset({"language"}) if locked else frozenset())
    assert chosen_language(None, settings, machine) == expected
    assert chosen_language("da", settings, machine) == "da"  # --lang is the explicit choice


def test_the_machines_language_is_the_default_until_the_user_chooses(settings: QSettings) -> None:
    assert chosen_language(None, settings, MachineSettings({"language": "en"})) == "en"
