"""The database dialog, the password prompt and the start-up login to a shared server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import URL, make_url

import app.ui.app as app_module
from app.store.credentials import (
    NO_KEYRING_REASON,
    AskReason,
    MemoryCredentials,
    PasswordPrompt,
    credential_key,
)
from app.store.errors import StoreUnavailableError
from app.store.location import ENV_VAR
from app.ui.common.background import StoreWorker
from app.ui.settings.connection_dialog import (
    STORE_KIND_KEY,
    ConnectionDialog,
    PasswordDialog,
    ask_password_dialog,
    stored_store_url,
)
from tests.store.test_credentials import SECRET, PasswordProxy

CONNECT_WAIT_MS = 20_000


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dialog(qtbot, settings: QSettings, credentials: MemoryCredentials) -> ConnectionDialog:  # type: ignore[no-untyped-def]
    dialog = ConnectionDialog(settings, credentials, StoreWorker())
    dialog.worker.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(
    dialog: ConnectionDialog, host: str, port: int, database: str, user: str, password: str = ""
) -> None:
    dialog.server_radio.setChecked(True)
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def _tested(qtbot, dialog: ConnectionDialog) -> str:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.test_button, _left())
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=CONNECT_WAIT_MS)
    return dialog.test_result.text()


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.fixture
def server_url(postgres_url: str) -> URL:
    """The local server (its own fresh database), reached without a password."""
    return make_url(postgres_url)


@pytest.fixture
def proxy(server_url: URL) -> Iterator[PasswordProxy]:
    front = PasswordProxy(SECRET, (server_url.host or "127.0.0.1", server_url.port or 5432))
    yield front
    front.close()


@pytest.fixture(autouse=True)
def _no_libpq_password_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


# -- the dialog -------------------------------------------------------------------------------


@pytest.mark.postgres
def test_test_connection_to_the_real_server_works(qtbot, settings, english, server_url: URL) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings, MemoryCredentials())
    _fill(
        dialog,
        server_url.host or "",
        server_url.port or 5432,
        server_url.database or "",
        server_url.username or "",
    )
    assert _tested(qtbot, dialog) == "The connection works."


def test_test_connection_to_a_closed_port_says_unreachable(qtbot, settings, english) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings, MemoryCredentials())
    _fill(dialog, "127.0.0.1", _closed_port(), "koordinator", "alice")
    text = _tested(qtbot, dialog)
    assert text.startswith("Nothing answers at that host and port.")
    assert "Traceback" not in text and "psycopg" not in text


@pytest.mark.postgres
def test_test_connection_names_a_missing_database(qtbot, settings, english, server_url: URL) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings, MemoryCredentials())
    _fill(dialog, server_url.host or "", server_url.port or 5432, "no_such_db_x", server_url.username or "")
    assert _tested(qtbot, dialog) == "The database does not exist on the server. Check its name."


@pytest.mark.postgres
def test_test_connection_with_a_password_server(
    qtbot, settings, english, proxy: PasswordProxy, server_url: URL
) -> None:  # type: ignore[no-untyped-def]
    credentials = MemoryCredentials()
    dialog = _dialog(qtbot, settings, credentials)
    _fill(dialog, "127.0.0.1", proxy.port, server_url.database or "", server_url.username or "")
    assert _tested(qtbot, dialog) == "The server wants a password: type it in the password field."
    dialog.password.setText("wrong")
    assert _tested(qtbot, dialog) == "The password or the user name is wrong."
    dialog.password.setText(SECRET)
    assert _tested(qtbot, dialog) == "The connection works."
    # With the password kept in the keyring, an empty field uses it.
    credentials.set(credential_key(dialog.url()), SECRET)
    dialog.password.setText("")
    assert _tested(qtbot, dialog) == "The connection works."


def test_missing_host_and_database_are_shown_next_to_the_fields(qtbot, settings, english) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings, MemoryCredentials())
    _fill(dialog, "", 5432, "", "")
    assert not dialog.try_save()
    assert dialog.isVisible()
    assert dialog.host_error.isVisible() and dialog.host_error.text() == "Must be filled in."
    assert dialog.database_error.isVisible()
    assert settings.value(STORE_KIND_KEY) is None
    dialog.host.setText("db.kommune.dk")
    assert not dialog.host_error.isVisible()


def test_save_writes_the_fields_but_never_the_password(qtbot, settings: QSettings, english) -> None:  # type: ignore[no-untyped-def]
    credentials = MemoryCredentials()
    dialog = _dialog(qtbot, settings, credentials)
    _fill(dialog, "db.kommune.dk", 6543, "koordinator", "alice", SECRET)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("verify-full"))
    dialog.remember.setChecked(False)
    assert dialog.try_save()
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted
    keys = settings.allKeys()
    assert sorted(keys) == [
        "store/database",
        "store/host",
        "store/kind",
        "store/port",
        "store/sslmode",
        "store/user",
    ]
    assert not any("password" in key.lower() for key in keys)
    assert all(SECRET not in str(settings.value(key)) for key in keys)
    assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")
    assert not credentials.secrets  # remember was not ticked
    assert (
        stored_store_url(settings)
        == "postgresql+psycopg://alice@db.kommune.dk:6543/koordinator?sslmode=verify-full"
    )
    # Opened again, the dialog shows what was saved (and no password).
    again = _dialog(qtbot, settings, credentials)
    assert again.server_radio.isChecked() and again.host.text() == "db.kommune.dk"
    assert again.port.value() == 6543 and again.sslmode.currentData() == "verify-full"
    assert again.password.text() == ""


def test_remember_puts_the_password_in_the_keyring(qtbot, settings: QSettings, english) -> None:  # type: ignore[no-untyped-def]
    credentials = MemoryCredentials()
    dialog = _dialog(qtbot, settings, credentials)
    _fill(dialog, "db.kommune.dk", 5432, "koordinator", "alice", SECRET)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    assert not dialog.keyring_note.isVisible()
    assert dialog.try_save()
    assert credentials.secrets == {"alice@db.kommune.dk:5432/koordinator": SECRET}
    assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")
    # The next time the field stays empty and says where the password is.
    again = _dialog(qtbot, settings, credentials)
    assert again.password.text() == "" and "keyring" in again.password.placeholderText()
    # Saving again with an empty field keeps it; unticking forgets it.
    assert again.try_save()
    assert credentials.secrets == {"alice@db.kommune.dk:5432/koordinator": SECRET}
    third = _dialog(qtbot, settings, credentials)
    third.remember.setChecked(False)
    assert third.try_save()
    assert not credentials.secrets


def test_no_keyring_disables_remember_and_says_why(qtbot, settings: QSettings, english) -> None:  # type: ignore[no-untyped-def]
    credentials = MemoryCredentials(available=False)
    dialog = _dialog(qtbot, settings, credentials)
    dialog.server_radio.setChecked(True)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert dialog.keyring_note.isVisible()
    assert "no keyring (Secret Service or KWallet) is running on this computer" in dialog.keyring_note.text()
    assert "asks for it each time" in dialog.keyring_note.text()
    _fill(dialog, "db.kommune.dk", 5432, "koordinator", "alice", SECRET)
    assert dialog.try_save()  # saving works without a keyring; the password is just not kept
    assert not credentials.secrets
    assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")


def test_local_store_gives_no_server_url(qtbot, settings: QSettings, english) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings, MemoryCredentials())
    assert dialog.local_radio.isChecked() and not dialog.server_box.isEnabled()
    _fill(dialog, "db.kommune.dk", 5432, "koordinator", "")
    assert dialog.server_box.isEnabled()
    assert dialog.try_save()
    assert stored_store_url(settings) == "postgresql+psycopg://db.kommune.dk:5432/koordinator?sslmode=prefer"
    local = _dialog(qtbot, settings, MemoryCredentials())
    local.local_radio.setChecked(True)
    assert local.try_save()
    assert settings.value(STORE_KIND_KEY) == "local"
    assert stored_store_url(settings) is None


# -- the password prompt --------------------------------------------------------------------


def test_password_prompt_offers_to_remember(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    url = make_url("postgresql+psycopg://alice@db/k")
    dialog = PasswordDialog(url, PasswordPrompt(AskReason.STORED_WRONG, True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "alice@db:5432/k" in dialog.findChild(type(dialog.reason), "passwordHeading").text()
    assert "kept in the keyring was refused" in dialog.reason.text()
    assert dialog.remember.isVisible() and dialog.remember.isChecked()
    assert not dialog.keyring_note.isVisible()
    qtbot.keyClicks(dialog.password, SECRET)
    assert dialog.answer() == (SECRET, True)


def test_password_prompt_without_keyring_says_why(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    url = make_url("postgresql+psycopg://alice@db/k")
    dialog = PasswordDialog(url, PasswordPrompt(AskReason.FIRST_TIME, False, NO_KEYRING_REASON))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.text() == "The server wants a password."
    assert not dialog.remember.isVisible()
    assert dialog.keyring_note.isVisible() and "no keyring" in dialog.keyring_note.text()
    dialog.remember.setChecked(True)  # even if ticked somehow, nothing can be remembered
    dialog.password.setText(SECRET)
    assert dialog.answer() == (SECRET, False)


def _answer_prompt(password: str | None) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PasswordDialog), dialog
    if password is None:
        dialog.reject()
    else:
        dialog.password.setText(password)
        dialog.accept()


def test_ask_password_dialog_is_a_connect_url_callback(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    url = make_url("postgresql+psycopg://alice@db/k")
    prompt = PasswordPrompt(AskReason.FIRST_TIME, True)
    QTimer.singleShot(0, lambda: _answer_prompt(SECRET))
    assert ask_password_dialog(url, prompt) == (SECRET, True)
    QTimer.singleShot(0, lambda: _answer_prompt(None))
    assert ask_password_dialog(url, prompt) is None


# -- start-up: the stored server, the keyring, the prompt -------------------------------------


@pytest.fixture
def keyring_store(monkeypatch: pytest.MonkeyPatch) -> MemoryCredentials:
    store = MemoryCredentials()
    monkeypatch.setattr(app_module, "KeyringCredentials", lambda: store)
    return store


def _choose_server(settings: QSettings, url: URL, port: int) -> None:
    settings.setValue("store/kind", "server")
    settings.setValue("store/host", "127.0.0.1")
    settings.setValue("store/port", port)
    settings.setValue("store/database", url.database)
    settings.setValue("store/user", url.username)
    settings.setValue("store/sslmode", "prefer")


def test_start_without_a_server_opens_the_local_store(settings: QSettings, keyring_store) -> None:  # type: ignore[no-untyped-def]
    assert app_module._server_login(None, settings) is None
    assert app_module._server_login("/tmp/x.sqlite", settings) == "/tmp/x.sqlite"


@pytest.mark.postgres
def test_start_uses_the_saved_server_and_the_keyring(  # type: ignore[no-untyped-def]
    settings: QSettings, keyring_store: MemoryCredentials, proxy: PasswordProxy, server_url: URL, monkeypatch
) -> None:
    _choose_server(settings, server_url, proxy.port)
    key = credential_key(make_url(stored_store_url(settings) or ""))
    keyring_store.set(key, SECRET)
    monkeypatch.setattr(app_module, "ask_password_dialog", _not_asked)
    db = app_module._server_login(None, settings)
    assert db is not None and make_url(db).password == SECRET
    assert make_url(db).port == proxy.port


def _not_asked(url: URL, prompt: PasswordPrompt) -> None:
    raise AssertionError("asked for a password")


@pytest.mark.postgres
def test_start_asks_once_and_a_cancel_is_a_store_error(  # type: ignore[no-untyped-def]
    settings: QSettings, keyring_store: MemoryCredentials, proxy: PasswordProxy, server_url: URL, english
) -> None:
    db_url = f"postgresql+psycopg://{server_url.username}@127.0.0.1:{proxy.port}/{server_url.database}"
    QTimer.singleShot(0, lambda: _answer_prompt(None))
    with pytest.raises(StoreUnavailableError, match="no password was given"):
        app_module._server_login(db_url, settings)
    QTimer.singleShot(0, lambda: _answer_prompt(SECRET))
    assert make_url(app_module._server_login(db_url, settings) or "").password == SECRET
    assert keyring_store.secrets == {credential_key(make_url(db_url)): SECRET}
    assert make_url(app_module._server_login(db_url, settings) or "").password == SECRET  # not asked again


def test_start_prefers_the_environment_over_the_saved_server(  # type: ignore[no-untyped-def]
    settings: QSettings, keyring_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue("store/kind", "server")
    settings.setValue("store/host", "db.kommune.dk")
    settings.setValue("store/database", "koordinator")
    monkeypatch.setenv(ENV_VAR, "/tmp/env.sqlite")
    assert app_module._server_login(None, settings) == "/tmp/env.sqlite"
