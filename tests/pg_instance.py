"""A PostgreSQL server of a test's own: its own data folder, port and socket, stopped and
started at will (the shared server at 127.0.0.1:5432 must never be restarted by a test).

    with private_server() as pg:          # or the ``private_postgres`` fixture
        url = pg.url(pg.create_database("koordinator"))
        pg.stop(); pg.start()             # same port, same data

The binaries are looked up in ``$KOORDINATOR_PG_BIN``, on PATH, then in
/usr/lib/postgresql/<version>/bin. Without them the test is skipped with the reason, or fails
when ``KOORDINATOR_REQUIRE_POSTGRES=1`` (CI). PostgreSQL refuses to run as root: under root
the server runs as the ``postgres`` OS user (the Debian package makes it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REQUIRE_POSTGRES_ENV = "KOORDINATOR_REQUIRE_POSTGRES"
BIN_ENV = "KOORDINATOR_PG_BIN"
OS_USER = "postgres"
CONNECT_TIMEOUT_S = 3
# Speed over durability: the data of a test server may be lost when the machine crashes.
SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "listen_addresses=127.0.0.1")


class PrivatePostgresUnavailableError(RuntimeError):
    """This machine cannot run a private server (the reason says why)."""


def find_bin_dir() -> Path:
    candidates: list[Path] = []
    if os.environ.get(BIN_ENV):
        candidates.append(Path(os.environ[BIN_ENV]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += versions
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PrivatePostgresUnavailableError(
        f"no PostgreSQL server binaries (initdb, pg_ctl) found: set {BIN_ENV} or install the server package"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _os_user() -> tuple[int, int] | None:
    """The (uid, gid) to run the server as, or None to run it as ourselves."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd

    try:
        entry = pwd.getpwnam(OS_USER)
    except KeyError:
        raise PrivatePostgresUnavailableError(
            f"running as root and there is no '{OS_USER}' OS user to run a private server as"
        ) from None
    return entry.pw_uid, entry.pw_gid


class PrivatePostgres:
    """One private server; ``start``/``stop`` keep its port and data folder."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        if os.name != "posix":
            raise PrivatePostgresUnavailableError("a private server is only set up on Linux and macOS here")
        self.bin_dir = bin_dir or find_bin_dir()
        self.run_as = _os_user()
        # A short folder of its own under the system's temp folder: the socket path must
        # stay below ~100 characters, and the postgres OS user must reach it under root.
        self.base = Path(tempfile.mkdtemp(prefix="kpg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.running = False
        if self.run_as is not None:
            os.chown(self.base, *self.run_as)

    def _run(self, program: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / program), *args]
        kwargs: dict[str, object] = {}
        if self.run_as is not None:
            kwargs = {"user": self.run_as[0], "group": self.run_as[1], "extra_groups": []}
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.base,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"},
            check=False,
            **kwargs,  # type: ignore[arg-type]
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{program} {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}\n{log}"
            )
        return result

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = " ".join([f"-p {self.port}", f"-k {self.base}", *(f"-c {s}" for s in SETTINGS)])
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30", "start"
        )
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: sessions are ended, data is kept; ``immediate``: as a crash)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")
        self.running = False

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        """A SQLAlchemy URL; a connect timeout keeps a dead server from hanging a test."""
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}?connect_timeout={CONNECT_TIMEOUT_S}"

    def dsn(self, database: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database} connect_timeout={CONNECT_TIMEOUT_S}"

    def create_database(self, name: str | None = None) -> str:
        import psycopg

        name = name or f"koordinator_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def close(self) -> None:
        try:
            if self.running or (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> PrivatePostgres:
        try:
            self.init()
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@contextmanager
def private_server() -> Iterator[PrivatePostgres]:
    """A started private server for a test; skips (or fails under CI's rule) when this
    machine cannot run one."""
    try:
        server = PrivatePostgres()
    except PrivatePostgresUnavailableError as exc:
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"a private PostgreSQL server is required here ({REQUIRE_POSTGRES_ENV}=1): {exc}")
        pytest.skip(f"no private PostgreSQL server: {exc}")
    with server:
        yield server
