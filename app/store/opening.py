"""Open a store at start: a cheap schema check, migrations (and alembic) only when needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.store.engine import check_reachable, create_store_engine
from app.store.errors import StoreUnavailableError

# The newest migration in app/store/migrations/versions (a test keeps them equal).
SCHEMA_HEAD = "0005"


@dataclass(frozen=True)
class OpenedStore:
    engine: Engine
    migrated: bool
    backup: Path | None


def stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(value) if value is not None else None


def open_store(url: URL) -> OpenedStore:
    engine = create_store_engine(url)
    check_reachable(engine)
    try:
        if stored_revision(engine) == SCHEMA_HEAD:
            return OpenedStore(engine, False, None)
        from app.store.migrate import upgrade_store  # alembic is loaded only for an upgrade

        backup = upgrade_store(engine)
    except ProgrammingError as exc:
        engine.dispose()
        if getattr(exc.orig, "sqlstate", None) == "42501":  # a caseworker's role may not migrate
            raise StoreUnavailableError(
                "the shared database has an older schema than this program; ask IT to run "
                "'koordinator migrate' on the server (nothing was changed)"
            ) from exc
        raise
    except OperationalError as exc:
        engine.dispose()
        raise StoreUnavailableError(
            "the database could not be prepared: it may be read-only, locked by another "
            "program or the disk may be full"
        ) from exc
    except Exception:
        engine.dispose()
        raise
    return OpenedStore(engine, True, backup)
