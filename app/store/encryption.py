"""Encryption at rest for the local SQLite file (an option): SQLCipher, key in the OS keyring.

The file is encrypted with SQLCipher (``sqlcipher3``, a maintained wheel for Windows, macOS
and Linux). The key is 32 random bytes, made once per file and kept only in the OS keyring
(``app.store.credentials``), under ``sqlcipher:<absolute path of the file>``. Without a
keyring the option is refused with a plain reason: a key is never written to a file, a log
or a message. A wrong or missing key fails with a plain message, never with the key.

The key is given as a raw key (``x'…'``), so opening skips SQLCipher's key derivation (a
keyed open costs ~130 ms with it, MEASURED.md). The usual pragmas (WAL, full sync, foreign
keys, busy timeout) follow the key, as in ``app.store.engine``.
"""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url

from app.store.credentials import CredentialError, CredentialStore
from app.store.errors import StoreUnavailableError
from app.store.location import make_store_folder, sqlite_file

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_BUSY_TIMEOUT_MS = 5000  # the same as app.store.engine
KEY_BYTES = 32
_KEY_SHAPE = re.compile(r"^[0-9a-f]{64}$")

NO_DRIVER_REASON = "SQLCipher (the sqlcipher3 package) is not installed with this program"
WRONG_KEY_REASON = (
    "the database file could not be opened with its key: the key in the keyring is wrong, "
    "or the file is not an encrypted Koordinator database"
)


class EncryptionError(StoreUnavailableError):
    """Encryption cannot be used or the file cannot be opened; str(exc) is a plain reason."""


def available() -> tuple[bool, str]:
    """Whether SQLCipher can be used here, and a plain reason when it cannot."""
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False, NO_DRIVER_REASON
    return True, ""


def credential_key(path: Path) -> str:
    """The keyring entry of a file's key (the absolute path: one key per file)."""
    return f"sqlcipher:{Path(path).expanduser().resolve()}"


# Every key this computer's keyring holds for Koordinator files, so that a file that was
# moved or renamed (its entry is filed under its old path) is still opened: each known key is
# tried and the one that opens it is filed under the new path.
KNOWN_KEYS_ENTRY = "sqlcipher-keys"


def _known_keys(credentials: CredentialStore) -> list[str]:
    return [k for k in (credentials.get(KNOWN_KEYS_ENTRY) or "").split() if _KEY_SHAPE.match(k)]


def _remember_known(credentials: CredentialStore, key: str) -> None:
    known = _known_keys(credentials)
    if key not in known:
        try:
            credentials.set(KNOWN_KEYS_ENTRY, " ".join([*known, key]))
        except CredentialError:
            log.info("The list of known database keys could not be updated")


def _opens_with(path: Path, key: str) -> bool:
    try:
        import sqlcipher3
    except ImportError:
        return False
    if not Path(path).is_file():
        return False
    try:
        conn = sqlcipher3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlcipher3.Error:
        return False
    try:
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()


def find_key(path: Path, credentials: CredentialStore) -> tuple[str | None, str]:
    """The key of an encrypted file from the keyring, or None and the plain reason why not
    (no keyring, a keyring that failed or is locked, or no key for this file)."""
    ok, reason = credentials.available()
    if not ok:
        return None, f"this computer's keyring cannot be used ({reason})"
    entry = credential_key(path)
    key = credentials.get(entry)
    ok, reason = credentials.available()
    if not ok:  # reading failed: e.g. a locked keyring the user did not unlock
        return None, f"the keyring could not be read ({reason}); it may be locked"
    if key:
        if not _KEY_SHAPE.match(key):
            return None, "the key kept in the keyring for this database is not a Koordinator key"
        _remember_known(credentials, key)
        return key, ""
    for candidate in _known_keys(credentials):
        if _opens_with(path, candidate):  # the file was moved or renamed: file it anew
            try:
                credentials.set(entry, candidate)
            except CredentialError:
                log.info("The key of a moved database could not be filed under its new place")
            return candidate, ""
    return None, "no key for this encrypted database is kept in this computer's keyring"


def key_for(path: Path, credentials: CredentialStore, create: bool) -> str:
    """The file's key from the keyring; a new one is made and kept there when ``create``.

    Raises EncryptionError with a plain reason when there is no keyring (the option is then
    refused), when the keyring cannot keep a new key, or when no key is kept for the file.
    """
    ok, reason = credentials.available()
    if not ok:
        raise EncryptionError(f"the database cannot be encrypted: {reason}, and the key is kept nowhere else")
    if not create or Path(path).exists():
        key, why = find_key(path, credentials)
        if key is not None:
            return key
        if not create:
            raise EncryptionError(f"the encrypted database cannot be opened: {why}")
    key = secrets.token_hex(KEY_BYTES)
    try:
        credentials.set(credential_key(path), key)
    except CredentialError as exc:
        raise EncryptionError(f"the database cannot be encrypted: {exc}") from None
    _remember_known(credentials, key)
    log.info("A new encryption key for the local database is kept in the keyring")
    return key


def _keyed_connection(path: str, key: str) -> Any:
    """A sqlcipher3 connection with the key given first and the program's usual pragmas."""
    import sqlcipher3

    conn = sqlcipher3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key}'\"")  # the shape is checked: 64 hex digits
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise EncryptionError(WRONG_KEY_REASON) from None
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn


def encrypted_engine(url: URL | str, key: str, **kwargs: Any) -> Engine:
    """An engine on an encrypted SQLite file (made on first use); the key comes from ``key_for``.

    Raises EncryptionError when SQLCipher is missing or the key has the wrong shape; a wrong
    key fails at the first connection with EncryptionError (WRONG_KEY_REASON).
    """
    ok, reason = available()
    if not ok:
        raise EncryptionError(f"the database cannot be encrypted: {reason}")
    if not _KEY_SHAPE.match(key or ""):
        raise EncryptionError("the encryption key has the wrong shape (64 hexadecimal digits expected)")
    if isinstance(url, str):
        url = make_url(url) if "://" in url else URL.create("sqlite+pysqlite", database=url)
    path = sqlite_file(url)
    if path is None:
        raise EncryptionError("only a database file on this computer can be encrypted")
    make_store_folder(path)
    import sqlcipher3

    target = str(path)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=target),
        module=sqlcipher3,  # its errors are the DBAPI errors SQLAlchemy wraps
        creator=lambda: _keyed_connection(target, key),
        hide_parameters=True,
        **kwargs,
    )
    # The pragmas are set in the creator, right after the key: nothing may read before it.
    return engine


def is_plain_sqlite(path: Path) -> bool:
    """Whether a file starts with SQLite's plain header (an encrypted one does not)."""
    with Path(path).open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def backup_encrypted(path: Path, key: str, target: Path) -> Path:
    """Copy an encrypted file (WAL included) to ``target``, encrypted with the same key.

    ``app.store.migrate.backup_sqlite`` opens files with the standard sqlite3 module, which
    cannot read an encrypted one; an upgrade of an encrypted store backs up with this.
    """
    src = _keyed_connection(str(path), key)
    try:
        dst = _keyed_connection(str(target), key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target
