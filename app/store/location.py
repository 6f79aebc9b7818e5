"""Which store to open: --db, then KOORDINATOR_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url

APP_NAME = "Koordinator"
ENV_VAR = "KOORDINATOR_DB"


def default_store_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False) / "koordinator.sqlite"


def resolve_store_url(db: str | None = None, environ: dict[str, str] | None = None) -> URL:
    """A file path becomes a SQLite URL; a URL (postgresql+psycopg://…) is used as given."""
    env = os.environ if environ is None else environ
    chosen = db or env.get(ENV_VAR) or str(default_store_path())
    if "://" in chosen:
        return make_url(chosen)
    path = Path(chosen).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


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
