"""Migrations are a product: empty store → head, models agree, backup, newer store refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

import app.store.migrate as migrate
from app.models import Base
from app.store.engine import create_store_engine
from app.store.errors import StoreTooNewError
from app.store.location import resolve_store_url
from app.store.opening import SCHEMA_HEAD, open_store, stored_revision


def test_schema_head_constant_matches_newest_migration() -> None:
    assert migrate.head_revision() == SCHEMA_HEAD


def test_empty_store_upgrades_to_head_with_every_table(store_url: str) -> None:
    opened = open_store(resolve_store_url(store_url))
    try:
        assert opened.migrated
        assert stored_revision(opened.engine) == SCHEMA_HEAD
        tables = set(inspect(opened.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        opened.engine.dispose()


def test_models_and_migrations_agree(store_url: str) -> None:
    """`alembic check`: autogenerate finds nothing to do after upgrading."""
    engine = create_store_engine(resolve_store_url(store_url))
    try:
        migrate.upgrade_store(engine)
        cfg = migrate.alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.check(cfg)
    finally:
        engine.dispose()


def test_second_open_does_not_migrate_again(store_url: str) -> None:
    url = resolve_store_url(store_url)
    open_store(url).engine.dispose()
    again = open_store(url)
    try:
        assert not again.migrated
        assert again.backup is None
    finally:
        again.engine.dispose()


def test_store_newer_than_program_is_refused_and_left_alone(store_url: str) -> None:
    url = resolve_store_url(store_url)
    engine = open_store(url).engine
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(StoreTooNewError, match="newer version"):
        open_store(url)
    engine = create_store_engine(url)
    try:
        assert stored_revision(engine) == "9999_future"
    finally:
        engine.dispose()


_TEST_MIGRATION = '''
"""test: add a column"""
import sqlalchemy as sa
from alembic import op

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("nickname")
'''


def test_sqlite_is_backed_up_before_an_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "store.sqlite"
    url = resolve_store_url(str(db))
    engine = open_store(url).engine
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO families (name, version, created_at, updated_at, created_by, updated_by) "
                "VALUES ('Familien Før', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 't', 't')"
            )
        )
    engine.dispose()

    # A newer program: the real migrations plus one more.
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0002_test.py").write_text(_TEST_MIGRATION.format(head=SCHEMA_HEAD))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)

    engine = create_store_engine(url)
    try:
        backup = migrate.upgrade_store(engine)
        assert migrate.current_revision(engine) == "0002_test"
        assert "nickname" in {c["name"] for c in inspect(engine).get_columns("users")}
    finally:
        engine.dispose()
    assert backup is not None and backup.exists()
    assert backup.parent == db.parent and SCHEMA_HEAD in backup.name
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
        assert old.execute("SELECT name FROM families").fetchall() == [("Familien Før",)]
        assert "nickname" not in {row[1] for row in old.execute("PRAGMA table_info(users)")}


@pytest.mark.parametrize("fails_at", ["0002", "0003", "0004", "0005"])
def test_a_failed_upgrade_stops_at_a_whole_revision_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails_at: str
) -> None:
    """A disk that fills during the upgrade from 0001: the store is left whole at the last
    revision that finished, the message names the copy, and a second start goes on."""
    from sqlalchemy.exc import OperationalError

    from app.store.errors import StoreUnavailableError

    db = tmp_path / "store.sqlite"
    url = resolve_store_url(str(db))
    open_store(url).engine.dispose()
    engine = create_store_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
    engine.dispose()

    real = migrate.command.upgrade

    def upgrade_until_full(cfg, target):  # type: ignore[no-untyped-def]
        real(cfg, str(int(fails_at) - 1).zfill(4))  # these revisions finish …
        conn = cfg.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")  # … this one does not
        raise OperationalError("ALTER TABLE", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(migrate.command, "upgrade", upgrade_until_full)
    with pytest.raises(StoreUnavailableError) as failed:
        open_store(url)
    message = str(failed.value)
    finished = str(int(fails_at) - 1).zfill(4)
    assert "the disk is full" in message and f"still whole at schema {finished}" in message
    assert f"{db.name}.backup-0001" in message and "Traceback" not in message
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == finished
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in names  # the failed step left nothing behind
    monkeypatch.setattr(migrate.command, "upgrade", real)
    opened = open_store(url)  # the next start goes on from there
    try:
        assert stored_revision(opened.engine) == SCHEMA_HEAD
    finally:
        opened.engine.dispose()
    backups = sorted(p.name for p in tmp_path.iterdir() if ".backup-" in p.name)
    assert backups == sorted({f"{db.name}.backup-0001", f"{db.name}.backup-{finished}"})
