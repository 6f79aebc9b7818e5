"""Alembic migrations run at start: backup first (SQLite), refuse a store newer than us."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from app.store.errors import StoreTooNewError
from app.store.location import sqlite_file

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a live SQLite file (WAL included) with the online backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _backup(path: Path, revision: str) -> Path:
    from app.store.encryption import is_plain_sqlite

    if is_plain_sqlite(path):
        return backup_sqlite(path, revision)
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import backup_encrypted, key_for

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    return backup_encrypted(path, key_for(path, KeyringCredentials(), create=False), target)


def upgrade_store(engine: Engine) -> Path | None:
    """Bring the store to the newest schema. Returns the backup made, if any."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreTooNewError(current)
    backup = None
    path = sqlite_file(engine.url)
    if current is not None and path is not None and path.exists():
        backup = _backup(path, current)
        log.info("Backed up store before upgrade from %s", current)
    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
            if sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {len(problems)}")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    log.info("Store upgraded from %s to %s", current, head)
    return backup
