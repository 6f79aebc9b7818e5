"""The audit log's signing key and its record outside the database (DOMAIN.md §3.1, issue 7).

The key (Ed25519) is held outside the database: a private key file (0600, never replaced) and
its public half beside it (``<file>.pub``, for whoever only verifies). Beside the key the
program keeps the last anchor it signed for each store (``<key>.anchor``), so that a log
cut back to an earlier checkpoint is found (app/services/privacy/audit_anchor.py)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

KEY_ENV = "KOORDINATOR_AUDIT_KEY"


ANCHOR_SUFFIX = ".anchor"


PUBLIC_SUFFIX = ".pub"


class AuditKeyError(Exception):
    """The audit key cannot be used (a plain message; never the key's content)."""


@dataclass(frozen=True)
class AuditKey:
    path: Path
    public: Any  # Ed25519PublicKey
    private: Any = field(default=None, repr=False)  # Ed25519PrivateKey, or None

    def __repr__(self) -> str:  # never the key material
        return f"AuditKey({self.path.name}, {self.fingerprint}, signs={self.can_sign})"

    @property
    def fingerprint(self) -> str:
        from cryptography.hazmat.primitives import serialization

        raw = self.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return hashlib.sha256(raw).hexdigest()[:16]

    @property
    def can_sign(self) -> bool:
        return self.private is not None

    def sign(self, message: bytes) -> str:
        if self.private is None:
            raise AuditKeyError(f"{self.path} is a public key: signing needs the private key file")
        return str(self.private.sign(message).hex())

    def verifies(self, message: bytes, signature: str) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            self.public.verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError, TypeError):
            return False
        return True


def load_key(path: Path) -> AuditKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AuditKeyError(f"cannot read the audit key {path}: {exc.strerror or 'error'}") from None
    private = public = None
    try:
        if b"PRIVATE KEY" in data:
            private = serialization.load_pem_private_key(data, password=None)
            public = private.public_key()
        else:
            public = serialization.load_pem_public_key(data)
    except Exception:  # never echo the file's content (cryptography may quote it)
        private = public = None
    if not isinstance(public, Ed25519PublicKey) or (
        private is not None and not isinstance(private, Ed25519PrivateKey)
    ):
        raise AuditKeyError(
            f"{path} is not an Ed25519 key in PEM form (made by 'audit-checkpoint --new-key')"
        )
    return AuditKey(path, public, private)


def create_key(path: Path) -> AuditKey:
    """A new private key file (mode 0600; an existing file is never replaced) and its public
    key beside it (``<file>.pub``, for whoever only verifies)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AuditKeyError(f"{path} exists already; it is never replaced") from None
    except OSError as exc:
        raise AuditKeyError(f"cannot create the audit key {path}: {exc.strerror or 'error'}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    public_path = Path(str(path) + PUBLIC_SUFFIX)
    if not public_path.exists():
        from app.store.safe_files import write_atomic

        write_atomic(public_path, public_pem)
    return AuditKey(path, private.public_key(), private)


def store_label(url: URL) -> str:
    """The store an anchor belongs to: the file, or host:port/database (no user, no password)."""
    from app.store.location import sqlite_file

    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def default_key_path(url: URL) -> Path | None:
    """A local SQLite store's own key: in the user's configuration folder, one per store file."""
    from platformdirs import user_config_path

    from app.store.location import APP_NAME, sqlite_file

    if sqlite_file(url) is None:
        return None
    name = hashlib.sha256(store_label(url).encode("utf-8")).hexdigest()[:16]
    return user_config_path(APP_NAME, appauthor=False) / "audit-keys" / f"{name}.pem"


def resolve_key(url: URL, given: Path | None, *, create: bool = False) -> AuditKey | None:
    """The key named by ``--audit-key``, else ``$KOORDINATOR_AUDIT_KEY``, else (SQLite) the
    store's own key, made when ``create`` is set. None when there is none."""
    if given is None and os.environ.get(KEY_ENV):
        given = Path(os.environ[KEY_ENV]).expanduser()
    if given is not None:
        if create and not given.exists():
            return create_key(given)
        return load_key(given)
    path = default_key_path(url)
    if path is None:
        return None
    if path.exists():
        return load_key(path)
    return create_key(path) if create else None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A position in the log: ``entries`` entries written (pruned ones counted), the last
    one's hash. ``COUNT:HASH`` as text."""

    entries: int
    hash: str
    entry_id: int | None = None
    at: str = ""

    def text(self) -> str:
        return f"{self.entries}:{self.hash}"

    @classmethod
    def parse(cls, value: str) -> Anchor:
        count, _, digest = value.strip().partition(":")
        digest = digest.strip().lower()
        if (
            not count.strip().isdigit()
            or len(digest) != 64
            or any(c not in "0123456789abcdef" for c in digest)
        ):
            raise ValueError("expected COUNT:HASH (a whole number, a colon and 64 hex digits)")
        return cls(int(count), digest)


def anchor_file(key: AuditKey) -> Path:
    return Path(str(key.path) + ANCHOR_SUFFIX)


def read_recorded_anchor(key: AuditKey, label: str) -> Anchor | None:
    """The last checkpoint the key's holder wrote to this store (kept beside the key)."""
    try:
        data = json.loads(anchor_file(key).read_text(encoding="utf-8"))
        entry = data[label]
        return Anchor(
            int(entry["entries"]), str(entry["hash"]), entry.get("entry_id"), str(entry.get("at", ""))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record_anchor(key: AuditKey, label: str, anchor: Anchor) -> None:
    path = anchor_file(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[label] = {
        "entries": anchor.entries,
        "hash": anchor.hash,
        "entry_id": anchor.entry_id,
        "at": anchor.at,
    }
    from app.store.safe_files import write_text_atomic

    write_text_atomic(path, json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
