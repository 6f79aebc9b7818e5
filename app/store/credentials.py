"""Passwords for a shared PostgreSQL store: kept in the OS keyring, never in a file or a log.

The rule for logging in: connect *without* a password first. Kerberos/GSSAPI, trust, peer
and ``~/.pgpass`` logins then work with no prompt at all. Only when the server answers that
it wants a password is one taken from the keyring, and only when that is missing or wrong
is the user asked (``ask``). With no keyring on the computer (the *fail* backend on a bare
Linux machine) the user is asked each time and told why; nothing ever falls back to a
plain-text file.

A password may only leave this module inside a ``URL`` handed back to the caller. Log
lines and exception messages name the store with ``render_as_string(hide_password=True)``
or ``credential_key`` and never carry the server's raw error text after a password was sent.
"""

from __future__ import annotations

import getpass
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TextIO

from sqlalchemy.engine import URL

from app.store.errors import StoreUnavailableError

log = logging.getLogger(__name__)

SERVICE_NAME = "Koordinator"
CONNECT_TIMEOUT_S = 5
MAX_PASSWORD_TRIES = 3

# Plain reasons why the keyring cannot be used (the UI translates these known texts).
NO_KEYRING_REASON = "no keyring (Secret Service/KWallet) is running on this computer"
KEYRING_FAILED_REASON = "the keyring on this computer did not answer"


class CredentialError(Exception):
    """A secret could not be stored or removed; str(exc) is a plain reason without the secret."""


class CredentialStore(Protocol):
    """Where passwords are kept between runs, keyed by ``credential_key``."""

    def available(self) -> tuple[bool, str]:
        """Whether secrets can be kept, and a plain reason when they cannot."""

    def get(self, key: str) -> str | None:
        """The stored secret, or None (also when the store fails: the user is asked instead)."""

    def set(self, key: str, secret: str) -> None:
        """Keep the secret; raises CredentialError when it cannot."""

    def delete(self, key: str) -> None:
        """Forget the secret (nothing happens if there is none); raises CredentialError on failure."""


class MemoryCredentials:
    """A store in memory, for tests; ``available=False`` behaves like a computer without a keyring."""

    def __init__(self, available: bool = True, reason: str = NO_KEYRING_REASON) -> None:
        self._available = available
        self._reason = "" if available else reason
        self.secrets: dict[str, str] = {}

    def available(self) -> tuple[bool, str]:
        return self._available, self._reason

    def get(self, key: str) -> str | None:
        return self.secrets.get(key) if self._available else None

    def set(self, key: str, secret: str) -> None:
        if not self._available:
            raise CredentialError(self._reason)
        self.secrets[key] = secret

    def delete(self, key: str) -> None:
        if not self._available:
            raise CredentialError(self._reason)
        self.secrets.pop(key, None)


class KeyringCredentials:
    """The OS keyring (Windows Credential Manager, macOS Keychain, Secret Service, KWallet).

    ``keyring`` is imported on first use, not at start. Any failure of the keyring counts as
    "no keyring": it is logged by type only, and the store reports itself unavailable.
    """

    def __init__(self, service: str = SERVICE_NAME) -> None:
        self.service = service
        self._broken: str | None = None

    def available(self) -> tuple[bool, str]:
        if self._broken is not None:
            return False, self._broken
        try:
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
            if isinstance(backend, fail.Keyring | null.Keyring):
                return False, NO_KEYRING_REASON
            priority = getattr(backend, "priority", 1)
            if priority is None or float(priority) <= 0:
                return False, NO_KEYRING_REASON
        except Exception as exc:  # an odd backend or configuration must not stop the program
            log.warning("The keyring could not be used: %s", type(exc).__name__)
            return False, KEYRING_FAILED_REASON
        return True, ""

    def _failed(self, action: str, exc: Exception) -> str:
        log.warning("The keyring failed to %s a password: %s", action, type(exc).__name__)
        self._broken = KEYRING_FAILED_REASON
        return KEYRING_FAILED_REASON

    def get(self, key: str) -> str | None:
        if not self.available()[0]:
            return None
        try:
            import keyring

            return keyring.get_password(self.service, key)
        except Exception as exc:
            self._failed("read", exc)
            return None

    def set(self, key: str, secret: str) -> None:
        ok, reason = self.available()
        if not ok:
            raise CredentialError(reason)
        try:
            import keyring

            keyring.set_password(self.service, key, secret)
        except Exception as exc:
            raise CredentialError(self._failed("store", exc)) from None

    def delete(self, key: str) -> None:
        ok, reason = self.available()
        if not ok:
            raise CredentialError(reason)
        try:
            import keyring
            from keyring.errors import PasswordDeleteError

            try:
                keyring.delete_password(self.service, key)
            except PasswordDeleteError:
                return  # there was none
        except Exception as exc:
            raise CredentialError(self._failed("remove", exc)) from None


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (a service account, a container)
        return ""


def credential_key(url: URL) -> str:
    """The keyring entry of a server login, like ``alice@db.example:5432/koordinator``.

    Missing parts get libpq's defaults (your login name, localhost, 5432, a database named
    after the user), so ``--db`` and the settings dialog find the same entry.
    """
    user = url.username or _login_name()
    host = url.host or "localhost"
    port = url.port or 5432
    database = url.database or user
    return f"{user}@{host}:{port}/{database}"


def is_server_url(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


# -- what went wrong when connecting ------------------------------------------------------


class ConnectProblem(StrEnum):
    PASSWORD_NEEDED = "password-needed"
    PASSWORD_WRONG = "password-wrong"
    UNREACHABLE = "unreachable"
    NO_DATABASE = "no-database"
    NO_USER = "no-user"
    NOT_ALLOWED = "not-allowed"
    NOT_THIS_DATABASE = "not-this-database"  # a role of the server, not given this store
    SSL_REQUIRED = "ssl-required"
    SSL_UNSUPPORTED = "ssl-unsupported"
    SSL_CERTIFICATE = "ssl-certificate"
    KERBEROS = "kerberos"
    NO_ANSWER = "no-answer"  # nothing listens at host:port
    HOST_UNKNOWN = "host-unknown"
    BAD_SSLMODE = "bad-sslmode"
    BAD_SETTING = "bad-setting"
    OTHER = "other"


_PASSWORD_NEEDED = re.compile(r"no password supplied|password is required", re.IGNORECASE)
_PASSWORD_WRONG = re.compile(
    r"(password|md5|scram|ldap|pam|radius) authentication failed|invalid password", re.IGNORECASE
)
_RULES: tuple[tuple[ConnectProblem, re.Pattern[str]], ...] = (
    (
        ConnectProblem.SSL_UNSUPPORTED,
        re.compile(r"server does not support SSL|SSL was required", re.IGNORECASE),
    ),
    (
        ConnectProblem.SSL_CERTIFICATE,
        re.compile(
            r"certificate verify failed|root certificate file|does not match host name|"
            r"certificate (has )?expired|self[- ]signed certificate",
            re.IGNORECASE,
        ),
    ),
    (ConnectProblem.SSL_REQUIRED, re.compile(r"no pg_hba\.conf entry.*no encryption", re.IGNORECASE)),
    (ConnectProblem.NOT_ALLOWED, re.compile(r"no pg_hba\.conf entry|not permitted to log in", re.IGNORECASE)),
    (ConnectProblem.NOT_THIS_DATABASE, re.compile(r"permission denied for database", re.IGNORECASE)),
    (ConnectProblem.KERBEROS, re.compile(r"GSSAPI|GSS failure|Kerberos|SSPI", re.IGNORECASE)),
    (ConnectProblem.NO_DATABASE, re.compile(r'database "[^"]*" does not exist', re.IGNORECASE)),
    (ConnectProblem.NO_USER, re.compile(r'role "[^"]*" does not exist', re.IGNORECASE)),
    (ConnectProblem.BAD_SSLMODE, re.compile(r"invalid sslmode value", re.IGNORECASE)),
    (
        ConnectProblem.BAD_SETTING,
        re.compile(
            r"invalid port number|invalid connection option|invalid (integer|value) for", re.IGNORECASE
        ),
    ),
    (ConnectProblem.NO_ANSWER, re.compile(r"connection refused", re.IGNORECASE)),
    (
        ConnectProblem.HOST_UNKNOWN,
        re.compile(
            r"could not translate host name|failed to resolve host|name or service not known|"
            r"nodename nor servname|temporary failure in name resolution",
            re.IGNORECASE,
        ),
    ),
    (
        ConnectProblem.UNREACHABLE,
        re.compile(
            r"connection refused|could not translate host name|timeout expired|timed out|"
            r"no route to host|network is unreachable|name or service not known|"
            r"could not connect to server|server closed the connection unexpectedly|"
            r"Connection reset|the database system is (starting up|shutting down)",
            re.IGNORECASE,
        ),
    ),
)


def _messages(exc: BaseException) -> str:
    """The driver's text of an error and of what it wraps (SQLAlchemy keeps psycopg's in ``orig``)."""
    parts: list[str] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        parts.append(str(current))
        todo.extend([getattr(current, "orig", None), current.__cause__])
    return "\n".join(parts)


def classify_connect_error(exc: BaseException) -> ConnectProblem:
    """Which plain reason a failed connection attempt had (the password ones checked first)."""
    text = _messages(exc)
    if _PASSWORD_WRONG.search(text):
        return ConnectProblem.PASSWORD_WRONG
    if _PASSWORD_NEEDED.search(text):
        return ConnectProblem.PASSWORD_NEEDED
    for problem, pattern in _RULES:
        if pattern.search(text):
            return problem
    return ConnectProblem.OTHER


def needs_password(exc: BaseException) -> bool:
    """True when the server wants a password that was missing or wrong."""
    return classify_connect_error(exc) in (ConnectProblem.PASSWORD_NEEDED, ConnectProblem.PASSWORD_WRONG)


_PROBLEM_TEXT = {
    ConnectProblem.PASSWORD_NEEDED: "the server wants a password",
    ConnectProblem.PASSWORD_WRONG: "the password or the user name is wrong",
    ConnectProblem.UNREACHABLE: "the server cannot be reached: check the host name and port, "
    "and that you are on the municipality's network",
    ConnectProblem.NO_DATABASE: "the database does not exist on the server",
    ConnectProblem.NO_USER: "the server does not know this user",
    ConnectProblem.NOT_ALLOWED: "the server does not let this user in from this computer",
    ConnectProblem.NOT_THIS_DATABASE: "this login is not a Koordinator user of this database; "
    "ask IT to run: koordinator add-caseworker LOGIN --name '…' --team '…'",
    ConnectProblem.SSL_REQUIRED: "the server requires an encrypted connection (SSL mode 'require')",
    ConnectProblem.SSL_UNSUPPORTED: "the server does not offer an encrypted connection (SSL), "
    "but the chosen SSL mode requires one",
    ConnectProblem.SSL_CERTIFICATE: "the server's certificate could not be verified",
    ConnectProblem.KERBEROS: "the Kerberos login (GSSAPI) failed: log in to the municipality's "
    "network first, or give a user name and password",
    ConnectProblem.NO_ANSWER: "nothing answers at that host and port: is the server running, "
    "and are the host name and port right?",
    ConnectProblem.HOST_UNKNOWN: "the server's host name could not be found: check its spelling "
    "and that you are on the municipality's network",
    ConnectProblem.BAD_SSLMODE: "the SSL mode (sslmode) is not valid: use disable, prefer, "
    "require, verify-ca or verify-full",
    ConnectProblem.BAD_SETTING: "a connection setting is not valid (check the port and the options "
    "after '?' in the address)",
    ConnectProblem.OTHER: "the server refused the connection",
}


def problem_text(problem: ConnectProblem) -> str:
    """A plain English reason (for the command line and StoreError messages)."""
    return _PROBLEM_TEXT[problem]


# -- connecting ---------------------------------------------------------------------------


def preload_driver() -> None:
    """Import the PostgreSQL driver on this thread (a first import on a worker thread can
    deadlock against Qt's import hook; see app.ui.common.background)."""
    import psycopg  # noqa: F401
    import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401


def try_connect(url: URL) -> None:
    """Open one connection and close it; raises the driver's error when that fails."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT_S}
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True, connect_args=connect_args)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()


def check_connection(url: URL, connect: Callable[[URL], None] = try_connect) -> ConnectProblem | None:
    """None when a connection works, else the plain reason (never raises for a connect failure)."""
    try:
        connect(url)
    except Exception as exc:
        return classify_connect_error(exc)
    return None


def check_login(
    url: URL,
    password: str,
    stored: str | None = None,
    connect: Callable[[URL], None] = try_connect,
) -> ConnectProblem | None:
    """Try a login the way the program will, without asking (for "Test connection"): with the
    typed password if there is one, else without a password, else with the ``stored`` one."""
    if password:
        return check_connection(url.set(password=password), connect)
    problem = check_connection(url, connect)
    if problem in (ConnectProblem.PASSWORD_NEEDED, ConnectProblem.PASSWORD_WRONG) and stored:
        return check_connection(url.set(password=stored), connect)
    return problem


class AskReason(StrEnum):
    FIRST_TIME = "first-time"  # no password is stored for this login
    STORED_WRONG = "stored-wrong"  # the keyring's password was refused (changed on the server?)
    TYPED_WRONG = "typed-wrong"  # the password just typed was refused


@dataclass(frozen=True)
class PasswordPrompt:
    """Why the user is asked, and whether a password can be remembered."""

    reason: AskReason
    keyring_ok: bool
    keyring_problem: str = ""  # why it cannot be remembered (plain English), when not keyring_ok

    def text(self) -> str:
        """A plain English explanation (the GUI shows its own translated one)."""
        why = {
            AskReason.FIRST_TIME: "The server wants a password.",
            AskReason.STORED_WRONG: "The password kept in the keyring was refused "
            "(has it been changed?). Type the new one.",
            AskReason.TYPED_WRONG: "The password was refused. Try again.",
        }[self.reason]
        if not self.keyring_ok:
            why += (
                f" It cannot be remembered because {self.keyring_problem}, "
                "so you are asked each time Koordinator starts."
            )
        return why


# ask(url without password, prompt) -> (password, remember) or None when the user cancels
AskPassword = Callable[[URL, PasswordPrompt], tuple[str, bool] | None]


def _unavailable(url: URL, problem: ConnectProblem) -> StoreUnavailableError:
    return StoreUnavailableError(f"cannot connect to {credential_key(url)}: {problem_text(problem)}")


def connect_url(
    url: URL,
    store: CredentialStore,
    ask: AskPassword,
    connect: Callable[[URL], None] = try_connect,
    max_tries: int = MAX_PASSWORD_TRIES,
) -> URL:
    """The URL to open the store with: a password added only if the server wants one.

    Raises StoreUnavailableError with a plain message when the server cannot be reached, or
    the user cancels the password prompt or gets the password wrong ``max_tries`` times.
    """
    if not is_server_url(url) or url.password is not None:
        return url
    problem = check_connection(url, connect)
    if problem is None:
        log.info("Logged in to %s without a password", url.render_as_string(hide_password=True))
        return url
    if problem not in (ConnectProblem.PASSWORD_NEEDED, ConnectProblem.PASSWORD_WRONG):
        raise _unavailable(url, problem)
    key = credential_key(url)
    keyring_ok, keyring_problem = store.available()
    stored = store.get(key) if keyring_ok else None
    reason = AskReason.FIRST_TIME
    if stored:
        problem = check_connection(url.set(password=stored), connect)
        if problem is None:
            log.info("Logged in to %s with the password from the keyring", key)
            return url.set(password=stored)
        if problem != ConnectProblem.PASSWORD_WRONG:
            raise _unavailable(url, problem)
        log.info("The keyring's password for %s was refused", key)
        reason = AskReason.STORED_WRONG
    elif not keyring_ok:
        log.info("Asking for the password of %s: %s", key, keyring_problem)
    for _ in range(max_tries):
        answer = ask(url, PasswordPrompt(reason, keyring_ok, keyring_problem))
        if answer is None:
            raise StoreUnavailableError(
                f"no password was given for {key}, so the shared database was not opened"
            )
        password, remember = answer
        candidate = url.set(password=password)
        problem = check_connection(candidate, connect)
        if problem in (ConnectProblem.PASSWORD_NEEDED, ConnectProblem.PASSWORD_WRONG):
            reason = AskReason.TYPED_WRONG
            continue
        if problem is not None:
            raise _unavailable(url, problem)
        _remember(store, key, password, remember and keyring_ok, forget_stored=bool(stored))
        return candidate
    raise StoreUnavailableError(f"the password for {key} was refused {max_tries} times")


def _remember(store: CredentialStore, key: str, password: str, remember: bool, forget_stored: bool) -> None:
    try:
        if remember:
            store.set(key, password)
            log.info("The password for %s is kept in the keyring", key)
        elif forget_stored:
            store.delete(key)  # the stored one is wrong and the user chose not to keep the new one
    except CredentialError as exc:
        log.warning("The keyring was not updated for %s: %s", key, exc)


def cli_ask(
    url: URL,
    prompt: PasswordPrompt,
    *,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
    read_secret: Callable[[str], str] = getpass.getpass,
) -> tuple[str, bool] | None:
    """Ask on the terminal (the reason on stderr); None when there is no terminal to ask on.

    A password that works is remembered whenever the keyring can keep it (so ``--db`` asks
    once); the user is told so.
    """
    stdin = sys.stdin if stdin is None else stdin
    stderr = sys.stderr if stderr is None else stderr
    if stdin is None or not stdin.isatty():
        print(
            f"Koordinator: {credential_key(url)} wants a password, and there is no terminal to ask on.",
            file=stderr,
        )
        return None
    print(f"Koordinator: {prompt.text()}", file=stderr)
    if prompt.keyring_ok:
        print("A password that works is kept in your keyring.", file=stderr)
    try:
        password = read_secret(f"Password for {credential_key(url)}: ")
    except (EOFError, KeyboardInterrupt):
        print(file=stderr)
        return None
    return password, prompt.keyring_ok
