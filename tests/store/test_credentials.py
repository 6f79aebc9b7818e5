"""Server passwords: the keyring (or none), login without a password first, never a password in a log.

The local test server trusts every login from 127.0.0.1 (pg_hba ``trust``), so it never asks
for a password. ``PasswordProxy`` stands in front of it and demands one the way a real
server does (cleartext password request, ``28P01`` on a wrong one), so the password branch
runs against the real libpq/psycopg/SQLAlchemy error messages, not invented ones.
"""

from __future__ import annotations

import contextlib
import io
import logging
import selectors
import socket
import socketserver
import struct
import threading
import traceback
import uuid
from collections.abc import Callable, Iterator

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError
from sqlalchemy.engine import URL, make_url

from app.store.credentials import (
    NO_KEYRING_REASON,
    SERVICE_NAME,
    AskReason,
    ConnectProblem,
    CredentialError,
    KeyringCredentials,
    MemoryCredentials,
    PasswordPrompt,
    check_connection,
    check_login,
    classify_connect_error,
    cli_ask,
    connect_url,
    credential_key,
    needs_password,
)
from app.store.errors import StoreUnavailableError
from tests.conftest import _postgres_admin

SECRET = "Tr0ub4dor&3-kOoRd"  # distinctive, so a leak is found by a plain substring search

_SSL_REQUEST, _GSSENC_REQUEST = 80877103, 80877104


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client went away")
        data += chunk
    return data


class PasswordProxy:
    """A PostgreSQL front door on a free local port that demands a cleartext password, then
    hands the login on to the real (trusting) server and relays the rest unchanged."""

    def __init__(self, password: str, upstream: tuple[str, int]) -> None:
        self.password = password
        self.upstream = upstream
        # What each client sent (None: no password), in the order the clients connected: a
        # client that gives up may be noticed only after the next one has sent its password.
        self.attempts: list[str | None] = []
        self._order = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with contextlib.suppress(OSError):  # includes ConnectionError: a client that gave up
                    proxy._serve(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def _serve(self, client: socket.socket) -> None:
        with self._order:
            slot = len(self.attempts)
            self.attempts.append(None)
        while True:
            length, code = struct.unpack("!ii", _recv_exact(client, 8))
            if code in (_SSL_REQUEST, _GSSENC_REQUEST):
                client.sendall(b"N")  # no SSL, no GSSAPI encryption here
                continue
            startup = struct.pack("!ii", length, code) + _recv_exact(client, length - 8)
            break
        parts = startup[8:].split(b"\0")
        user = dict(zip(parts[::2], parts[1::2], strict=False)).get(b"user", b"").decode()
        client.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
        if client.recv(1) != b"p":
            return  # libpq: "fe_sendauth: no password supplied"; the slot stays None
        (length,) = struct.unpack("!i", _recv_exact(client, 4))
        typed = _recv_exact(client, length - 4).rstrip(b"\0").decode()
        self.attempts[slot] = typed
        if typed != self.password:
            fields = (
                b"SFATAL",
                b"VFATAL",
                b"C28P01",
                f'Mpassword authentication failed for user "{user}"'.encode(),
            )
            body = b"".join(field + b"\0" for field in fields) + b"\0"
            client.sendall(b"E" + struct.pack("!i", len(body) + 4) + body)
            return
        with socket.create_connection(self.upstream, timeout=5) as server:
            server.settimeout(None)
            server.sendall(startup)
            with selectors.DefaultSelector() as selector:
                selector.register(client, selectors.EVENT_READ, server)
                selector.register(server, selectors.EVENT_READ, client)
                while True:
                    for key, _events in selector.select():
                        data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                        if not data:
                            return
                        key.data.sendall(data)


@pytest.fixture
def server() -> Iterator[tuple[str, int, str]]:
    """The real server's host, port and an admin user (skipped without a server)."""
    admin = _postgres_admin()
    params = admin.info.get_parameters()
    host = params.get("host", "127.0.0.1")
    admin.close()
    yield host, int(params.get("port", "5432")), params.get("user", "postgres")


@pytest.fixture
def role(server: tuple[str, int, str]) -> Iterator[str]:
    """A login role of its own with a password, dropped afterwards."""
    name = f"koordinator_pw_{uuid.uuid4().hex[:10]}"
    admin = _postgres_admin()
    try:
        admin.execute(
            psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                psycopg.sql.Identifier(name), psycopg.sql.Literal(SECRET)
            )
        )
        yield name
    finally:
        admin.execute(psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(name)))
        admin.close()


@pytest.fixture
def proxy(server: tuple[str, int, str], role: str) -> Iterator[PasswordProxy]:
    front = PasswordProxy(SECRET, (server[0], server[1]))
    yield front
    front.close()


@pytest.fixture
def proxy_url(proxy: PasswordProxy, role: str) -> URL:
    return make_url(f"postgresql+psycopg://{role}@127.0.0.1:{proxy.port}/postgres")


@pytest.fixture(autouse=True)
def _no_libpq_password_sources(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """libpq would otherwise take a password from the environment or ~/.pgpass by itself."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Asker:
    """An ``ask`` callback that answers from a list and remembers every prompt."""

    def __init__(self, *answers: tuple[str, bool] | None) -> None:
        self.answers = list(answers)
        self.prompts: list[PasswordPrompt] = []

    def __call__(self, url: URL, prompt: PasswordPrompt) -> tuple[str, bool] | None:
        assert url.password is None, "the prompt must not be shown a password"
        self.prompts.append(prompt)
        return self.answers.pop(0)


def _never_asked(url: URL, prompt: PasswordPrompt) -> tuple[str, bool] | None:
    raise AssertionError(f"asked for a password: {prompt}")


class UntouchableStore(MemoryCredentials):
    """Fails the test if the keyring is consulted at all."""

    def available(self) -> tuple[bool, str]:
        raise AssertionError("the keyring was consulted")


# -- credential stores --------------------------------------------------------------------


def test_memory_store_keeps_and_forgets() -> None:
    store = MemoryCredentials()
    assert store.available() == (True, "")
    assert store.get("k") is None
    store.set("k", SECRET)
    assert store.get("k") == SECRET
    store.delete("k")
    store.delete("k")  # deleting nothing is fine
    assert store.get("k") is None


def test_memory_store_without_keyring_refuses_to_keep() -> None:
    store = MemoryCredentials(available=False)
    assert store.available() == (False, NO_KEYRING_REASON)
    with pytest.raises(CredentialError, match="no keyring"):
        store.set("k", SECRET)
    assert store.get("k") is None and not store.secrets


class DictKeyring(KeyringBackend):
    """An in-memory keyring backend (what a desktop's Secret Service does, without D-Bus)."""

    priority = 1  # type: ignore[assignment]
    # Never found by keyring's own discovery: a test module that defines a backend must not
    # become every other test's default keyring.
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(DictKeyring):
    """A keyring that is there but refuses every call (a locked wallet, a dead D-Bus)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], None]]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_no_keyring_backend_is_unavailable_with_a_reason_and_never_raises(
    use_keyring: Callable[[KeyringBackend], None],
    backend: type[KeyringBackend],
    caplog: pytest.LogCaptureFixture,
) -> None:
    use_keyring(backend())
    store = KeyringCredentials()
    ok, reason = store.available()
    assert not ok
    assert reason == NO_KEYRING_REASON and "no keyring" in reason
    assert store.get("alice@db:5432/k") is None  # the fail backend would raise NoKeyringError
    with pytest.raises(CredentialError, match="no keyring"):
        store.set("alice@db:5432/k", SECRET)
    with pytest.raises(CredentialError):
        store.delete("alice@db:5432/k")
    assert SECRET not in caplog.text


def test_keyring_keeps_the_password_under_the_program_name(
    use_keyring: Callable[[KeyringBackend], None],
) -> None:
    backend = DictKeyring()
    use_keyring(backend)
    store = KeyringCredentials()
    assert store.available() == (True, "")
    store.set("alice@db:5432/k", SECRET)
    assert backend.entries == {(SERVICE_NAME, "alice@db:5432/k"): SECRET}
    assert store.get("alice@db:5432/k") == SECRET
    store.delete("alice@db:5432/k")
    store.delete("alice@db:5432/k")  # already gone: no error
    assert not backend.entries


def test_a_failing_keyring_counts_as_no_keyring(
    use_keyring: Callable[[KeyringBackend], None], caplog: pytest.LogCaptureFixture
) -> None:
    use_keyring(LockedKeyring())
    store = KeyringCredentials()
    assert store.available()[0]  # it looks fine until it is used
    assert store.get("k") is None
    ok, reason = store.available()
    assert not ok and reason
    with pytest.raises(CredentialError):
        store.set("k", SECRET)
    assert "KeyringLocked" in caplog.text and SECRET not in caplog.text


# -- keys and errors ------------------------------------------------------------------------


def test_credential_key_never_holds_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(f"postgresql+psycopg://alice:{SECRET}@db.kommune.dk:6543/koordinator?sslmode=require")
    assert credential_key(url) == "alice@db.kommune.dk:6543/koordinator"
    monkeypatch.setattr("getpass.getuser", lambda: "bob")
    assert credential_key(make_url("postgresql+psycopg:///")) == "bob@localhost:5432/bob"
    # The settings dialog's URL and the --db one find the same keyring entry.
    assert credential_key(make_url("postgresql+psycopg://bob@localhost/bob")) == "bob@localhost:5432/bob"


@pytest.mark.postgres
def test_real_errors_are_classified(proxy_url: URL, server: tuple[str, int, str]) -> None:
    host, port, user = server
    real = make_url(f"postgresql+psycopg://{user}@{host}:{port}/postgres")
    assert check_connection(proxy_url) is ConnectProblem.PASSWORD_NEEDED
    assert check_connection(proxy_url.set(password="wrong")) is ConnectProblem.PASSWORD_WRONG
    assert check_connection(proxy_url.set(password=SECRET)) is None
    assert check_connection(real) is None
    missing = real.set(database=f"missing_{uuid.uuid4().hex[:8]}")
    assert check_connection(missing) is ConnectProblem.NO_DATABASE
    assert check_connection(real.set(username=f"nobody_{uuid.uuid4().hex[:8]}")) is ConnectProblem.NO_USER
    assert check_connection(real.set(port=_closed_port())) is ConnectProblem.NO_ANSWER
    # The test server offers no SSL: "require" must say so, not "cannot connect".
    assert check_connection(real.update_query_dict({"sslmode": "require"})) is ConnectProblem.SSL_UNSUPPORTED


@pytest.mark.postgres
def test_needs_password_only_for_password_errors(proxy_url: URL) -> None:
    errors: list[Exception] = []
    for url in (proxy_url, proxy_url.set(password="wrong"), proxy_url.set(port=_closed_port())):
        check_connection(url, connect=lambda u: _raise_into(errors, u))
    assert [needs_password(e) for e in errors] == [True, True, False]
    # psycopg's own error (not wrapped by SQLAlchemy) is recognised too.
    assert needs_password(psycopg.OperationalError("connection failed: fe_sendauth: no password supplied"))
    assert not needs_password(psycopg.OperationalError('FATAL:  GSSAPI authentication failed for user "x"'))
    assert (
        classify_connect_error(
            psycopg.OperationalError(
                'FATAL:  no pg_hba.conf entry for host "10.0.0.1", user "x", database "k", no encryption'
            )
        )
        is ConnectProblem.SSL_REQUIRED
    )


def _raise_into(errors: list[Exception], url: URL) -> None:
    from app.store.credentials import try_connect

    try:
        try_connect(url)
    except Exception as exc:
        errors.append(exc)
        raise


# -- connect_url: logging in ------------------------------------------------------------------


def test_sqlite_url_is_returned_unchanged() -> None:
    url = make_url("sqlite+pysqlite:////tmp/x.sqlite")
    assert connect_url(url, UntouchableStore(), _never_asked, connect=_fail_connect) is url


def _fail_connect(url: URL) -> None:
    raise AssertionError("no connection should be tried")


def test_a_url_with_a_password_is_used_as_given() -> None:
    url = make_url(f"postgresql+psycopg://alice:{SECRET}@db/k")
    assert connect_url(url, UntouchableStore(), _never_asked, connect=_fail_connect) is url


@pytest.mark.postgres
def test_a_server_that_needs_no_password_is_never_asked(server: tuple[str, int, str]) -> None:
    """Trust here; Kerberos/GSSAPI and peer logins take the same path: no prompt, no keyring."""
    host, port, user = server
    url = make_url(f"postgresql+psycopg://{user}@{host}:{port}/postgres")
    assert connect_url(url, UntouchableStore(), _never_asked) == url


def test_a_kerberos_login_is_tried_before_any_password() -> None:
    """An injected connection that, like GSSAPI, works only without a password."""
    tried: list[str | None] = []

    def kerberos(url: URL) -> None:
        tried.append(url.password)
        if url.password is not None:
            raise AssertionError("a password was sent to a Kerberos server")

    store = MemoryCredentials()
    store.set("alice@db:5432/k", SECRET)
    url = make_url("postgresql+psycopg://alice@db/k")
    assert connect_url(url, store, _never_asked, connect=kerberos).password is None
    assert tried == [None]


@pytest.mark.postgres
def test_the_keyring_password_is_used_without_asking(proxy_url: URL, proxy: PasswordProxy) -> None:
    store = MemoryCredentials()
    store.set(credential_key(proxy_url), SECRET)
    opened = connect_url(proxy_url, store, _never_asked)
    assert opened.password == SECRET
    assert proxy.attempts == [None, SECRET]  # without a password first


@pytest.mark.postgres
def test_first_time_asks_then_remembers(proxy_url: URL, proxy: PasswordProxy) -> None:
    store = MemoryCredentials()
    ask = Asker((SECRET, True))
    assert connect_url(proxy_url, store, ask).password == SECRET
    assert ask.prompts == [PasswordPrompt(AskReason.FIRST_TIME, True, "")]
    assert store.secrets == {credential_key(proxy_url): SECRET}
    # The next start asks nothing.
    assert connect_url(proxy_url, store, _never_asked).password == SECRET


@pytest.mark.postgres
def test_not_remembered_when_the_user_says_no(proxy_url: URL) -> None:
    store = MemoryCredentials()
    assert connect_url(proxy_url, store, Asker((SECRET, False))).password == SECRET
    assert not store.secrets


@pytest.mark.postgres
def test_a_wrong_stored_password_is_replaced(proxy_url: URL, proxy: PasswordProxy) -> None:
    store = MemoryCredentials()
    store.set(credential_key(proxy_url), "old-password")
    ask = Asker((SECRET, True))
    assert connect_url(proxy_url, store, ask).password == SECRET
    assert [p.reason for p in ask.prompts] == [AskReason.STORED_WRONG]
    assert store.secrets == {credential_key(proxy_url): SECRET}
    assert proxy.attempts == [None, "old-password", SECRET]


@pytest.mark.postgres
def test_a_wrong_stored_password_is_forgotten_if_the_new_one_is_not_kept(proxy_url: URL) -> None:
    store = MemoryCredentials()
    store.set(credential_key(proxy_url), "old-password")
    connect_url(proxy_url, store, Asker((SECRET, False)))
    assert not store.secrets


@pytest.mark.postgres
def test_without_keyring_it_asks_each_time_and_says_why(proxy_url: URL) -> None:
    store = MemoryCredentials(available=False)
    for _start in range(2):
        ask = Asker((SECRET, True))  # even if the prompt offered to remember, nothing is kept
        assert connect_url(proxy_url, store, ask).password == SECRET
        assert ask.prompts == [PasswordPrompt(AskReason.FIRST_TIME, False, NO_KEYRING_REASON)]
        assert "cannot be remembered because no keyring" in ask.prompts[0].text()
    assert not store.secrets


@pytest.mark.postgres
def test_a_wrong_typed_password_asks_again_then_gives_up(proxy_url: URL) -> None:
    store = MemoryCredentials()
    ask = Asker(("wrong1", True), ("wrong2", True), ("", True))
    with pytest.raises(StoreUnavailableError, match="refused 3 times") as caught:
        connect_url(proxy_url, store, ask)
    assert [p.reason for p in ask.prompts] == [
        AskReason.FIRST_TIME,
        AskReason.TYPED_WRONG,
        AskReason.TYPED_WRONG,
    ]
    assert not store.secrets
    assert "wrong1" not in str(caught.value)


@pytest.mark.postgres
def test_second_try_works(proxy_url: URL) -> None:
    store = MemoryCredentials()
    ask = Asker(("wrong", True), (SECRET, True))
    assert connect_url(proxy_url, store, ask).password == SECRET
    assert store.secrets == {credential_key(proxy_url): SECRET}


@pytest.mark.postgres
def test_cancel_gives_a_plain_store_error(proxy_url: URL) -> None:
    with pytest.raises(StoreUnavailableError, match="no password was given") as caught:
        connect_url(proxy_url, MemoryCredentials(), Asker(None))
    assert credential_key(proxy_url) in str(caught.value)


def test_unreachable_server_is_a_plain_error_without_asking() -> None:
    url = make_url(f"postgresql+psycopg://alice@127.0.0.1:{_closed_port()}/postgres")
    with pytest.raises(StoreUnavailableError, match="nothing answers at that host and port"):
        connect_url(url, UntouchableStore(), _never_asked)


def test_a_stored_password_is_not_asked_again_when_the_server_then_fails() -> None:
    """Stored password sent, but the database is gone: a plain error, no password prompt."""

    def server(url: URL) -> None:
        if url.password is None:
            raise psycopg.OperationalError("connection failed: fe_sendauth: no password supplied")
        raise psycopg.OperationalError('connection failed: FATAL:  database "k" does not exist')

    store = MemoryCredentials()
    store.set("alice@db:5432/k", SECRET)
    with pytest.raises(StoreUnavailableError, match="does not exist") as caught:
        connect_url(make_url("postgresql+psycopg://alice@db/k"), store, _never_asked, connect=server)
    assert SECRET not in str(caught.value)


@pytest.mark.postgres
def test_the_password_never_reaches_a_log_or_an_error(
    proxy_url: URL, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, SQLAlchemy's and psycopg's included
    store = MemoryCredentials()
    connect_url(proxy_url, store, Asker(("wrong-" + SECRET, True), (SECRET, True)))
    connect_url(proxy_url, store, _never_asked)  # from the store
    store.set(credential_key(proxy_url), SECRET + "-old")
    failures: list[BaseException] = []
    for answers in ((None,), (("x" + SECRET, True),) * 3):
        with pytest.raises(StoreUnavailableError) as caught:
            connect_url(proxy_url, store, Asker(*answers))
        failures.append(caught.value)
    assert caplog.records, "nothing was logged at all: the check would prove nothing"
    for record in caplog.records:
        assert SECRET not in record.getMessage() and SECRET not in str(record.args)
    assert SECRET not in caplog.text
    for exc in failures:
        text = "".join(traceback.format_exception(exc))
        assert SECRET not in text and SECRET not in repr(exc)


# -- check_login (the dialog's "Test connection") -------------------------------------------


@pytest.mark.postgres
def test_check_login_uses_typed_then_stored_password(proxy_url: URL, proxy: PasswordProxy) -> None:
    assert check_login(proxy_url, "") is ConnectProblem.PASSWORD_NEEDED
    assert check_login(proxy_url, "wrong") is ConnectProblem.PASSWORD_WRONG
    assert check_login(proxy_url, SECRET) is None
    proxy.attempts.clear()
    assert check_login(proxy_url, "", stored=SECRET) is None
    assert proxy.attempts == [None, SECRET]  # without a password first
    assert check_login(proxy_url, "wrong", stored=SECRET) is ConnectProblem.PASSWORD_WRONG


# -- the command line's prompt ------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_ask_without_terminal_returns_none() -> None:
    err = io.StringIO()
    url = make_url("postgresql+psycopg://alice@db/k")
    prompt = PasswordPrompt(AskReason.FIRST_TIME, True)
    assert cli_ask(url, prompt, stdin=io.StringIO(), stderr=err, read_secret=_no_read) is None
    assert "no terminal" in err.getvalue()


def _no_read(_prompt: str) -> str:
    raise AssertionError("read a password without a terminal")


def test_cli_ask_says_why_and_remembers_only_with_a_keyring() -> None:
    url = make_url("postgresql+psycopg://alice@db/k")
    asked: list[str] = []

    def read(text: str) -> str:
        asked.append(text)
        return SECRET

    err = io.StringIO()
    no_keyring = PasswordPrompt(AskReason.FIRST_TIME, False, NO_KEYRING_REASON)
    assert cli_ask(url, no_keyring, stdin=Terminal(), stderr=err, read_secret=read) == (SECRET, False)
    assert "cannot be remembered because no keyring" in err.getvalue()
    assert asked == ["Password for alice@db:5432/k: "]
    err = io.StringIO()
    wrong = PasswordPrompt(AskReason.STORED_WRONG, True)
    assert cli_ask(url, wrong, stdin=Terminal(), stderr=err, read_secret=read) == (SECRET, True)
    assert "keyring was refused" in err.getvalue() and SECRET not in err.getvalue()


def test_the_command_line_without_a_terminal_says_a_password_is_needed(
    proxy_url: URL, use_keyring: Callable[[KeyringBackend], None], capsys: pytest.CaptureFixture[str]
) -> None:
    """No keyring and no terminal to ask on (a script): a plain store error, no traceback."""
    from app.cli.cli import EXIT_STORE, main

    use_keyring(fail.Keyring())
    assert main(["migrate", "--db", proxy_url.render_as_string()]) == EXIT_STORE
    err = capsys.readouterr().err
    assert "password" in err and "Traceback" not in err and SECRET not in err
