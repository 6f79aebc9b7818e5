"""Choosing the store: this computer's SQLite file or a shared PostgreSQL server.

Only the non-secret fields go to QSettings (keys under ``store/``); the password goes to the
credential store (the OS keyring) when the user asks for that, and nowhere else. "Test
connection" logs in on a worker thread the way the program will at start, and shows a
plain reason when that fails. The chosen store is used from the next start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from app.machine_settings import MachineSettings
from app.store.credentials import (
    KEYRING_FAILED_REASON,
    NO_KEYRING_REASON,
    AskReason,
    ConnectProblem,
    CredentialError,
    CredentialStore,
    PasswordPrompt,
    check_login,
    credential_key,
    preload_driver,
)
from app.ui.common.background import StoreWorker
from app.ui.common.colours import Tone, error_style, note_style, tone_style

log = logging.getLogger(__name__)

STORE_KIND_KEY = "store/kind"  # "local" or "server"
STORE_HOST_KEY = "store/host"
STORE_PORT_KEY = "store/port"
STORE_DATABASE_KEY = "store/database"
STORE_USER_KEY = "store/user"
STORE_SSLMODE_KEY = "store/sslmode"
KIND_LOCAL, KIND_SERVER = "local", "server"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432
DEFAULT_SSLMODE = "prefer"
DRIVER = "postgresql+psycopg"


def _text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value).strip() if value is not None else default


def _port(settings: QSettings) -> int:
    value = _text(settings, STORE_PORT_KEY, str(DEFAULT_PORT))
    return int(value) if value.isdigit() and 1 <= int(value) <= 65535 else DEFAULT_PORT


def server_url(host: str, port: int, database: str, user: str, sslmode: str) -> URL:
    """The server's URL without a password; an empty user means your login (or Kerberos)."""
    return URL.create(
        DRIVER,
        username=user or None,
        host=host,
        port=port,
        database=database,
        query={"sslmode": sslmode if sslmode in SSL_MODES else DEFAULT_SSLMODE},
    )


def machine_store_url(machine: MachineSettings, settings: QSettings) -> str | None:
    """The store IT set for this computer (its server, with this user's login name), when it is
    locked or the user has not chosen one; None otherwise."""
    server = machine.get("server")
    if server is None:
        return None
    if not machine.is_locked("server") and _text(settings, STORE_KIND_KEY) in (KIND_SERVER, KIND_LOCAL):
        return None  # the user chose, and IT allows it
    url = make_url(server)
    sslmode = machine.chosen("sslmode", str(url.query.get("sslmode", "")) or None) or DEFAULT_SSLMODE
    user = _text(settings, STORE_USER_KEY) or url.username or ""
    return server_url(
        url.host or "", url.port or DEFAULT_PORT, url.database or "", user, sslmode
    ).render_as_string(hide_password=True)


def stored_store_url(settings: QSettings) -> str | None:
    """The server chosen in the dialog as a ``postgresql+psycopg://user@host:port/db?sslmode=…``
    URL (never with a password); None when the local store is chosen or nothing is set."""
    if _text(settings, STORE_KIND_KEY) != KIND_SERVER:
        return None
    host, database = _text(settings, STORE_HOST_KEY), _text(settings, STORE_DATABASE_KEY)
    if not host or not database:
        return None
    url = server_url(
        host,
        _port(settings),
        database,
        _text(settings, STORE_USER_KEY),
        _text(settings, STORE_SSLMODE_KEY, DEFAULT_SSLMODE),
    )
    return url.render_as_string(hide_password=True)


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(error_style())
    label.hide()
    return label


def _with_error(parent: QWidget, widget: QWidget, error: QLabel) -> QWidget:
    holder = QWidget(parent)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    box.addWidget(error)
    return holder


def keyring_reason_text(widget: QWidget, reason: str) -> str:
    """The keyring's plain reason in the program's language (unknown ones as they are)."""
    known = {
        NO_KEYRING_REASON: QCoreApplication.translate(
            "ConnectionDialog", "no keyring (Secret Service or KWallet) is running on this computer"
        ),
        KEYRING_FAILED_REASON: QCoreApplication.translate(
            "ConnectionDialog", "the keyring on this computer did not answer"
        ),
    }
    return known.get(reason, reason)


def no_keyring_text(widget: QWidget, reason: str) -> str:
    return QCoreApplication.translate(
        "ConnectionDialog",
        "The password cannot be remembered: %1. Koordinator asks for it each time it starts; "
        "it is never written to a file.",
    ).replace("%1", keyring_reason_text(widget, reason))


class ConnectionDialog(QDialog):
    """Local or shared store; the server's fields, the password and "Test connection"."""

    def __init__(
        self,
        settings: QSettings,
        credentials: CredentialStore,
        worker: StoreWorker,
        parent: QWidget | None = None,
        machine: MachineSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._machine = machine or MachineSettings()
        self._settings = settings
        self._credentials = credentials
        self._request = 0
        self.worker = worker  # the application's store lane
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(560)

        self.local_radio = QRadioButton(self.tr("Local database (this computer)"), self)
        self.local_radio.setObjectName("localStore")
        self.server_radio = QRadioButton(self.tr("Shared database (server)"), self)
        self.server_radio.setObjectName("serverStore")

        self.server_box = QGroupBox(self.tr("Server"), self)
        self.host = QLineEdit(self.server_box)
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("e.g. koordinator-db.kommune.dk"))
        self.host_error = _error_label(self.server_box, "error_host")
        self.port = QSpinBox(self.server_box)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self.server_box)
        self.database.setObjectName("database")
        self.database_error = _error_label(self.server_box, "error_database")
        self.user = QLineEdit(self.server_box)
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("Empty: your Windows login (Kerberos)"))
        self.sslmode = QComboBox(self.server_box)
        self.sslmode.setObjectName("sslmode")
        ssl_labels = {
            "disable": self.tr("disable – never encrypted"),
            "allow": self.tr("allow – encrypted only if the server insists"),
            "prefer": self.tr("prefer – encrypted when the server offers it"),
            "require": self.tr("require – always encrypted"),
            "verify-ca": self.tr("verify-ca – encrypted, certificate checked"),
            "verify-full": self.tr("verify-full – encrypted, certificate and host name checked"),
        }
        for mode in SSL_MODES:
            self.sslmode.addItem(ssl_labels[mode], mode)
        self.password = QLineEdit(self.server_box)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the keyring"), self.server_box)
        self.remember.setObjectName("remember")
        self.keyring_note = QLabel(self.server_box)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet(note_style())
        self.keyring_note.hide()
        self.test_button = QPushButton(self.tr("Test connection"), self.server_box)
        self.test_button.setObjectName("testConnection")
        self.test_result = QLabel(self.server_box)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)

        form = QFormLayout(self.server_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server (host)"), _with_error(self.server_box, self.host, self.host_error))
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), _with_error(self.server_box, self.database, self.database_error))
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("SSL mode"), self.sslmode)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)

        note = QLabel(
            self.tr(
                "Leave the password empty if you log in with your Windows login (Kerberos): "
                "Koordinator only asks for a password when the server wants one. "
                "The chosen database is used the next time you start Koordinator."
            ),
            self,
        )
        note.setObjectName("nextStartNote")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_box)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._load()
        self._apply_machine()
        self._keyring_ok, reason = credentials.available()
        if not self._keyring_ok:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.keyring_note.setText(no_keyring_text(self, reason))
            self.keyring_note.show()
        else:
            self.remember.setChecked(True)
            self._show_stored_hint()
        self.server_radio.toggled.connect(self._kind_changed)
        self.test_button.clicked.connect(self.test_connection)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._forget_result)
        self.port.valueChanged.connect(self._forget_result)
        self.sslmode.currentIndexChanged.connect(self._forget_result)
        self._kind_changed()

    @classmethod
    def ask(
        cls,
        settings: QSettings,
        credentials: CredentialStore,
        worker: StoreWorker,
        parent: QWidget | None = None,
        machine: MachineSettings | None = None,
    ) -> bool:
        """Run the dialog; True when the choice was saved."""
        return bool(cls(settings, credentials, worker, parent, machine).exec())

    # -- fields -------------------------------------------------------------------------
    def _load(self) -> None:
        settings = self._settings
        server = _text(settings, STORE_KIND_KEY) == KIND_SERVER
        self.server_radio.setChecked(server)
        self.local_radio.setChecked(not server)
        self.host.setText(_text(settings, STORE_HOST_KEY))
        self.port.setValue(_port(settings))
        self.database.setText(_text(settings, STORE_DATABASE_KEY, "koordinator"))
        self.user.setText(_text(settings, STORE_USER_KEY))
        index = self.sslmode.findData(_text(settings, STORE_SSLMODE_KEY, DEFAULT_SSLMODE))
        self.sslmode.setCurrentIndex(index if index >= 0 else self.sslmode.findData(DEFAULT_SSLMODE))

    def _apply_machine(self) -> None:
        """IT's server for this computer: shown when the user has not chosen one, and fixed
        (the user types only their login and password) where IT locked it."""
        machine = self._machine
        shown = machine_store_url(machine, self._settings)
        if shown is not None:
            url = make_url(shown)
            self.server_radio.setChecked(True)
            self.host.setText(url.host or "")
            self.port.setValue(url.port or DEFAULT_PORT)
            self.database.setText(url.database or "")
            index = self.sslmode.findData(str(url.query.get("sslmode", DEFAULT_SSLMODE)))
            if index >= 0:
                self.sslmode.setCurrentIndex(index)
        fixed = self.tr("Set by IT for this computer")
        if machine.is_locked("server"):
            for widget in (self.local_radio, self.server_radio, self.host, self.port, self.database):
                widget.setEnabled(False)
                widget.setToolTip(fixed)
        if machine.is_locked("server") or machine.is_locked("sslmode"):
            self.sslmode.setEnabled(False)
            self.sslmode.setToolTip(fixed)

    def _show_stored_hint(self) -> None:
        if self.host.text().strip() and self._credentials.get(credential_key(self.url())):
            self.password.setPlaceholderText(self.tr("Kept in the keyring – type a new one to change it"))

    def url(self) -> URL:
        """The server's URL from the fields, without the password."""
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            str(self.sslmode.currentData()),
        )

    def _kind_changed(self, *_args: object) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())
        if self._machine.is_locked("server"):  # the box stays open for the login and password
            self.server_box.setEnabled(True)

    def _forget_result(self, *_args: object) -> None:
        self._request += 1  # a test still running answers for fields that are gone
        self.test_result.setText("")
        self.test_button.setEnabled(True)
        self._check_fields(only_shown=True)

    def _check_fields(self, only_shown: bool = False) -> bool:
        ok = True
        for field, error in ((self.host, self.host_error), (self.database, self.database_error)):
            missing = not field.text().strip()
            ok = ok and not missing
            if missing and not only_shown:
                error.setText(self.tr("Must be filled in."))
                error.show()
            elif not missing:
                error.hide()
        return ok

    # -- test connection ----------------------------------------------------------------
    def problem_message(self, problem: ConnectProblem) -> str:
        return {
            ConnectProblem.PASSWORD_NEEDED: self.tr(
                "The server wants a password: type it in the password field."
            ),
            ConnectProblem.PASSWORD_WRONG: self.tr("The password or the user name is wrong."),
            ConnectProblem.UNREACHABLE: self.tr(
                "The server cannot be reached. Check the host name and the port, and that you are "
                "on the municipality's network."
            ),
            ConnectProblem.NO_DATABASE: self.tr("The database does not exist on the server. Check its name."),
            ConnectProblem.NO_USER: self.tr("The server does not know this user."),
            ConnectProblem.NOT_ALLOWED: self.tr(
                "The server does not let this user in from this computer. Ask the IT department."
            ),
            ConnectProblem.NOT_THIS_DATABASE: self.tr(
                "This user may not use this database: it is not a Koordinator user here. Ask the "
                "IT department to add you."
            ),
            ConnectProblem.SSL_REQUIRED: self.tr(
                "The server requires an encrypted connection: choose the SSL mode “require”."
            ),
            ConnectProblem.SSL_UNSUPPORTED: self.tr(
                "The server does not offer an encrypted connection (SSL), but the chosen SSL mode "
                "requires one."
            ),
            ConnectProblem.SSL_CERTIFICATE: self.tr(
                "The server's certificate could not be verified. Ask the IT department for the "
                "certificate, or choose the SSL mode “require”."
            ),
            ConnectProblem.KERBEROS: self.tr(
                "The Windows login (Kerberos) was not accepted. Log in to the municipality's "
                "network, or give a user name and password."
            ),
            ConnectProblem.NO_ANSWER: self.tr(
                "Nothing answers at that host and port. Check that the server is running and that "
                "the host name and port are right."
            ),
            ConnectProblem.HOST_UNKNOWN: self.tr(
                "The server's host name could not be found. Check its spelling and that you are on "
                "the municipality's network."
            ),
            ConnectProblem.BAD_SSLMODE: self.tr(
                "The SSL mode is not valid: choose disable, prefer, require, verify-ca or verify-full."
            ),
            ConnectProblem.BAD_SETTING: self.tr("A connection setting is not valid. Check the port."),
            ConnectProblem.OTHER: self.tr("The server refused the connection."),
        }[problem]

    def test_connection(self) -> None:
        if not self._check_fields():
            return
        self._request += 1
        request = self._request
        url, password = self.url(), self.password.text()
        # The keyring and the driver are used here first: never a first import on the worker.
        stored = None if password or not self._keyring_ok else self._credentials.get(credential_key(url))
        preload_driver()
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting …"))
        self.worker.submit(
            lambda: check_login(url, password, stored),
            lambda problem: self._tested(request, problem),
            lambda exc: self._test_failed(request, exc),
            owner=self,
        )

    def _tested(self, request: int, problem: object) -> None:
        if request != self._request:
            return
        self.test_button.setEnabled(True)
        if problem is None:
            self.test_result.setStyleSheet(tone_style(Tone.OK))
            self.test_result.setText(self.tr("The connection works."))
        else:
            assert isinstance(problem, ConnectProblem)
            self.test_result.setStyleSheet(error_style())
            self.test_result.setText(self.problem_message(problem))

    def _test_failed(self, request: int, exc: Exception) -> None:
        log.warning("Testing the connection failed: %s", type(exc).__name__)
        self._tested(request, ConnectProblem.OTHER)

    # -- saving ---------------------------------------------------------------------------
    def try_save(self) -> bool:
        server = self.server_radio.isChecked()
        if server and not self._check_fields():
            return False
        if server and self._keyring_ok and not self._save_password():
            return False
        settings = self._settings
        settings.setValue(STORE_KIND_KEY, KIND_SERVER if server else KIND_LOCAL)
        if server:
            settings.setValue(STORE_HOST_KEY, self.host.text().strip())
            settings.setValue(STORE_PORT_KEY, self.port.value())
            settings.setValue(STORE_DATABASE_KEY, self.database.text().strip())
            settings.setValue(STORE_USER_KEY, self.user.text().strip())
            settings.setValue(STORE_SSLMODE_KEY, str(self.sslmode.currentData()))
        settings.sync()
        self.accept()
        return True

    def _save_password(self) -> bool:
        key = credential_key(self.url())
        try:
            if self.remember.isChecked():
                if self.password.text():
                    self._credentials.set(key, self.password.text())
            else:
                self._credentials.delete(key)
        except CredentialError as exc:
            self.keyring_note.setStyleSheet(error_style())
            self.keyring_note.setText(
                self.tr(
                    "The password could not be kept in the keyring: %1. Untick the box to save without it."
                ).replace("%1", keyring_reason_text(self, str(exc)))
            )
            self.keyring_note.show()
            return False
        return True


class PasswordDialog(QDialog):
    """Asks for the server's password, says why, and offers to remember it when it can."""

    def __init__(self, url: URL, prompt: PasswordPrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the shared database"))
        self.setMinimumWidth(440)
        heading = QLabel(self.tr("Password for %1").replace("%1", credential_key(url)), self)
        heading.setObjectName("passwordHeading")
        heading.setWordWrap(True)
        self.reason = QLabel(self._reason_text(prompt.reason), self)
        self.reason.setObjectName("passwordReason")
        self.reason.setWordWrap(True)
        if prompt.reason != AskReason.FIRST_TIME:
            self.reason.setStyleSheet(error_style())
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the keyring"), self)
        self.remember.setObjectName("remember")
        self._can_remember = prompt.keyring_ok
        self.remember.setChecked(prompt.keyring_ok)
        self.remember.setVisible(prompt.keyring_ok)
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet(note_style())
        if not prompt.keyring_ok:
            self.keyring_note.setText(no_keyring_text(self, prompt.keyring_problem))
        self.keyring_note.setVisible(not prompt.keyring_ok)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.reason)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        layout.addWidget(buttons)

    def _reason_text(self, reason: AskReason) -> str:
        return {
            AskReason.FIRST_TIME: self.tr("The server wants a password."),
            AskReason.STORED_WRONG: self.tr(
                "The password kept in the keyring was refused. Has it been changed? Type the new one."
            ),
            AskReason.TYPED_WRONG: self.tr("The password was refused. Try again."),
        }[reason]

    def answer(self) -> tuple[str, bool]:
        return self.password.text(), self._can_remember and self.remember.isChecked()


def ask_password_dialog(
    url: URL, prompt: PasswordPrompt, parent: QWidget | None = None
) -> tuple[str, bool] | None:
    """The GUI's ``ask`` for connect_url: (password, remember), or None when cancelled."""
    dialog = PasswordDialog(url, prompt, parent)
    try:
        if not dialog.exec():
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()
