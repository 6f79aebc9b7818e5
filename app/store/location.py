"""Which store to open: --db, then KOORDINATOR_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url

from app.store.errors import StoreError, StoreUnavailableError

APP_NAME = "Koordinator"
ENV_VAR = "KOORDINATOR_DB"


def default_store_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False) / "koordinator.sqlite"


class StoreUrlError(StoreError):
    """The store named is neither a file path nor a URL this program can use."""


SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def resolve_store_url(db: str | None = None, environ: dict[str, str] | None = None) -> URL:
    """A file path becomes a SQLite URL; a PostgreSQL URL is used with the psycopg driver.
    Anything else is refused with StoreUrlError (a plain message)."""
    env = os.environ if environ is None else environ
    chosen = db or env.get(ENV_VAR) or str(default_store_path())
    if "\x00" in chosen:
        raise StoreUrlError("the store's name contains a NUL character")
    if "://" in chosen:
        scheme = chosen.split("://", 1)[0].lower()
        if scheme not in (*SERVER_SCHEMES, "sqlite", "sqlite+pysqlite"):
            raise StoreUrlError(
                f"'{scheme}://' is not a store this program can use: give a file path or a "
                "postgresql+psycopg://user@host:port/database URL"
            )
        try:
            url = make_url(chosen)
            url.port  # noqa: B018 - parsed lazily in some versions
        except (ValueError, TypeError) as exc:
            raise StoreUrlError(f"the store's URL cannot be read ({_url_reason(exc)})") from None
        if scheme in SERVER_SCHEMES:
            url = url.set(drivername="postgresql+psycopg")
            if url.port is not None and not 0 < url.port < 65536:
                raise StoreUrlError(f"the port {url.port} is not a valid port number (1-65535)")
        return url
    try:
        path = Path(chosen).expanduser().resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise StoreUrlError(f"the store's path cannot be used: {exc}") from None
    return URL.create("sqlite+pysqlite", database=str(path))


def _url_reason(exc: Exception) -> str:
    text = str(exc)
    if "int()" in text:
        return "the port is not a number"
    return text.splitlines()[0] if text else type(exc).__name__


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe_store(url: URL) -> str:
    """What the status bar shows: never a password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)


def make_store_folder(path: Path) -> None:
    """The folder a store file goes in, made if missing; a plain StoreError when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailableError(
            f"cannot create the folder for the database: {path.parent} ({exc.strerror})"
        ) from exc
