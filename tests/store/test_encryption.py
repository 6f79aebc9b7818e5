"""Encryption at rest: the file is not plain SQLite, a wrong key fails plainly, the right key
reads the data, migrations run on an encrypted store, and no key without a keyring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.models import Citizen, LawSection
from app.startup import session_factory
from app.store.credentials import MemoryCredentials

sqlcipher3 = pytest.importorskip("sqlcipher3", reason="no SQLCipher wheel for this platform")

from app.store import encryption  # noqa: E402
from app.store.encryption import EncryptionError, encrypted_engine, key_for  # noqa: E402
from app.store.migrate import upgrade_store  # noqa: E402
from app.store.opening import SCHEMA_HEAD, stored_revision  # noqa: E402


@pytest.fixture
def keyring() -> MemoryCredentials:
    return MemoryCredentials()


def _make_store(path: Path, key: str) -> None:
    engine = encrypted_engine(str(path), key)
    try:
        upgrade_store(engine)
        with session_factory(engine).begin() as session:
            session.add(
                Citizen(cpr="0102031234", first_name="Lise", last_name="Holm Jensen", birth_date=_born())
            )
    finally:
        engine.dispose()


def _born():  # type: ignore[no-untyped-def]
    from datetime import date

    return date(1903, 2, 1)


def test_the_key_is_made_once_and_kept_only_in_the_keyring(
    tmp_path: Path, keyring: MemoryCredentials
) -> None:
    path = tmp_path / "store.sqlite"
    key = key_for(path, keyring, create=True)
    assert len(key) == 64 and int(key, 16) >= 0
    assert key_for(path, keyring, create=False) == key
    assert set(keyring.secrets) == {f"sqlcipher:{path.resolve()}", "sqlcipher-keys"}
    assert keyring.secrets["sqlcipher-keys"] == key  # the list of known keys (a moved file)
    assert key_for(tmp_path / "other.sqlite", keyring, create=True) != key
    with pytest.raises(EncryptionError, match="no key"):
        key_for(tmp_path / "third.sqlite", keyring, create=False)
    assert not list(tmp_path.iterdir())  # nothing written next to the store


def test_without_a_keyring_the_option_is_refused(tmp_path: Path) -> None:
    none = MemoryCredentials(available=False)
    with pytest.raises(EncryptionError, match="keyring") as caught:
        key_for(tmp_path / "store.sqlite", none, create=True)
    assert "cannot be encrypted" in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_the_file_is_not_plain_sqlite_and_reads_with_its_key(
    tmp_path: Path, keyring: MemoryCredentials
) -> None:
    path = tmp_path / "store.sqlite"
    key = key_for(path, keyring, create=True)
    _make_store(path, key)
    header = path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert not encryption.is_plain_sqlite(path)
    assert b"Holm Jensen" not in path.read_bytes()
    # The standard sqlite3 module cannot read it.
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    engine = encrypted_engine(str(path), key_for(path, keyring, create=False))
    try:
        with engine.connect() as conn:
            assert conn.execute(select(Citizen.last_name)).scalar_one() == "Holm Jensen"
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        engine.dispose()


def test_a_wrong_key_fails_with_a_plain_message(tmp_path: Path, keyring: MemoryCredentials) -> None:
    path = tmp_path / "store.sqlite"
    key = key_for(path, keyring, create=True)
    _make_store(path, key)
    wrong = "0" * 64
    engine = encrypted_engine(str(path), wrong)
    try:
        with pytest.raises(EncryptionError) as caught, engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    message = str(caught.value)
    assert message == encryption.WRONG_KEY_REASON
    assert key not in message and wrong not in message


def test_a_plain_file_is_not_opened_as_an_encrypted_one(tmp_path: Path, keyring: MemoryCredentials) -> None:
    path = tmp_path / "plain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    engine = encrypted_engine(str(path), key_for(path, keyring, create=True))
    try:
        with pytest.raises(EncryptionError):
            engine.connect().close()
    finally:
        engine.dispose()


def test_a_key_of_the_wrong_shape_is_refused_before_use(tmp_path: Path) -> None:
    with pytest.raises(EncryptionError, match="shape"):
        encrypted_engine(str(tmp_path / "s.sqlite"), "secret'; DROP TABLE x; --")
    assert not list(tmp_path.iterdir())


def test_migrations_run_on_an_encrypted_store(tmp_path: Path, keyring: MemoryCredentials) -> None:
    path = tmp_path / "store.sqlite"
    key = key_for(path, keyring, create=True)
    engine = encrypted_engine(str(path), key)
    try:
        assert upgrade_store(engine) is None  # a new store: nothing to back up
        assert stored_revision(engine) == SCHEMA_HEAD
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        from app.services.family.law_catalogue import load_catalogue

        with session_factory(engine).begin() as session:
            assert load_catalogue(session) > 0
        with session_factory(engine).begin() as session:
            assert session.scalar(select(func.count(LawSection.id)))
    finally:
        engine.dispose()
    assert not encryption.is_plain_sqlite(path)


def test_an_encrypted_backup_opens_with_the_same_key(tmp_path: Path, keyring: MemoryCredentials) -> None:
    path = tmp_path / "store.sqlite"
    key = key_for(path, keyring, create=True)
    _make_store(path, key)
    copy = encryption.backup_encrypted(path, key, tmp_path / "store.sqlite.backup")
    assert not encryption.is_plain_sqlite(copy)
    engine = encrypted_engine(str(copy), key)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(func.count(Citizen.id))).scalar_one() == 1
    finally:
        engine.dispose()
