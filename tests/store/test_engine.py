"""Store settings and row-level guarantees on both SQLite and PostgreSQL."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm.exc import StaleDataError

from app.models import Citizen, Family
from app.store.engine import create_store_engine
from app.store.location import ENV_VAR, default_store_path, describe_store, resolve_store_url


def test_sqlite_pragmas(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_store_choice_order(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "env.sqlite")}
    assert resolve_store_url(str(tmp_path / "arg.sqlite"), env).database == str(tmp_path / "arg.sqlite")
    assert resolve_store_url(None, env).database == str(tmp_path / "env.sqlite")
    assert resolve_store_url(None, {}).database == str(default_store_path())
    pg = resolve_store_url("postgresql+psycopg://alice:secret@db.example/koordinator", {})
    assert pg.get_backend_name() == "postgresql"
    assert "secret" not in describe_store(pg)


def test_default_store_lives_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "Koordinator" / "koordinator.sqlite"


def test_concurrent_edit_is_detected_not_overwritten(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        family = Family(name="Familien Hansen")
        session.add(family)
    first, second = context.sessions(), context.sessions()
    try:
        mine = first.get(Family, family.id)
        theirs = second.get(Family, family.id)
        mine.name = "Familien Hansen-Berg"
        first.commit()
        theirs.name = "Familien Berg"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
    with context.sessions() as session:
        stored = session.get(Family, family.id)
        assert stored.name == "Familien Hansen-Berg"
        assert stored.version == 2


def test_text_is_nfc_on_the_way_in_and_user_is_stamped(context) -> None:  # type: ignore[no-untyped-def]
    decomposed = unicodedata.normalize("NFD", "Søren Ærø Ågård")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    with context.sessions.begin() as session:
        session.add(Citizen(first_name=decomposed, last_name="Å", birth_date=date(2000, 1, 1)))
    with context.sessions() as session:
        raw = session.execute(text("SELECT first_name, created_by, updated_by FROM citizens")).one()
        assert raw.first_name == unicodedata.normalize("NFC", "Søren Ærø Ågård")
        assert (raw.created_by, raw.updated_by) == ("tester", "tester")
        # A search term typed in NFD still finds the NFC row.
        found = session.scalar(select(Citizen.id).where(Citizen.first_name == decomposed))
        assert found is not None


def test_unreachable_postgres_gives_a_plain_error() -> None:
    from app.store.errors import StoreUnavailableError
    from app.store.opening import open_store

    url = resolve_store_url("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StoreUnavailableError):
        open_store(url)


def test_readonly_folder_gives_a_plain_error(tmp_path: Path) -> None:
    from app.store.errors import StoreUnavailableError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailableError):
        create_store_engine(resolve_store_url(str(blocker / "sub" / "x.sqlite")))
