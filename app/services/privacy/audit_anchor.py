"""Anchoring the audit log: signed checkpoints, signed pruning records, truncation checks.

A hash chain alone finds one changed, deleted or inserted entry, but not a rewrite that
recomputes every later hash, a deletion that relinks, or entries cut off the end. So the
chain is anchored with an Ed25519 key held **outside** the database:

* A **checkpoint** is an entry (action ``audit_checkpoint``) whose details state how many
  entries the log had before it (``entries``, counting entries pruned since), the hash of
  the entry before it (``last_hash``), the time, the key's fingerprint and a signature over
  all of that. Whoever rewrites an entry before a checkpoint changes the hash the
  checkpoint follows and cannot sign a new one.
* A **pruning record** (``audit_prune``) is a checkpoint that also states what the
  retention run removed: per run of deleted entries the first and last id, how many, the
  hash before the run and the hash of its last entry. The verifier steps over a gap only
  where a pruning record with a valid signature declares exactly that gap.
* On a shared server only the retention role may write these two actions (the general
  ``koordinator_audit`` function refuses actions starting with ``audit_``; see
  app/store/audit_server.py). The signature is what makes them trustworthy, the role
  only keeps caseworkers from writing noise.
* A count and last hash (``COUNT:HASH``) printed by ``verify-audit`` can be kept elsewhere
  and given back with ``--expect``; the key holder's own record of the last checkpoint
  (``<key file>.anchor``) is compared the same way. Fewer entries than that, or another
  hash at that count, is reported as truncation or rewriting.

Which key: ``--audit-key FILE`` or ``$KOORDINATOR_AUDIT_KEY``; for a local SQLite store a
key of its own in the user's configuration folder (made on first use, mode 0600). A private
key signs and verifies; a public key (``.pub``) only verifies. Key material is never logged,
put in an exception or written to the database (only its fingerprint is).
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services.common import audit
from app.services.common.clock import now_utc
from app.services.privacy.audit_key import Anchor, AuditKey, AuditKeyError
from app.store import audit_log

CHECKPOINT = "audit_checkpoint"
PRUNE = "audit_prune"
ANCHOR_ACTIONS = (CHECKPOINT, PRUNE)
SIGNATURE_DOMAIN = b"koordinator audit anchor v1\n"
FORMAT_VERSION = 1
GAPS_PER_RECORD = 80  # a pruning record's details must fit the column (20,000 characters)

# ChainBreak reasons beyond CHANGED / DELETED / INSERTED.
REWRITTEN = "rewritten"
FORGED = "forged"
TRUNCATED = "truncated"


class AuditLogBrokenError(Exception):
    """The log does not verify, so nothing is signed over it."""

    def __init__(self, broken: audit.ChainBreak) -> None:
        super().__init__(broken.describe())
        self.broken = broken


# ---------------------------------------------------------------------------- the key


# ------------------------------------------------------------- the outside record


# ------------------------------------------------------------------ signed records


def signed_text(action: str, payload: dict[str, Any]) -> bytes:
    body = {k: v for k, v in payload.items() if k != "signature"}
    return (
        SIGNATURE_DOMAIN
        + action.encode("ascii")
        + b"\n"
        + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    )


def _payload(details: str | None) -> dict[str, Any] | None:
    try:
        data = json.loads(details or "")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _ungrouped(value: Any) -> str:
    return str(value).replace(":", "")


@dataclass(frozen=True, slots=True)
class Gap:
    first_id: int
    last_id: int
    count: int
    prev_hash: str  # the hash of the entry before the run
    last_hash: str  # the hash of the run's last entry
    record_id: int  # the pruning record that declares it


def _gaps(record_id: int, payload: dict[str, Any]) -> list[Gap]:
    found = []
    for gap in payload.get("gaps", []):
        try:
            first, last = int(gap["first_id"]), int(gap["last_id"])
            count = int(gap.get("count", last - first + 1))  # an old record has no count
            found.append(
                Gap(first, last, count, _ungrouped(gap["prev_hash"]), _ungrouped(gap["last_hash"]), record_id)
            )
        except (KeyError, TypeError, ValueError):
            continue
    return found


def _kind(action: str) -> str:
    return "pruning record" if action == PRUNE else "checkpoint"


# ----------------------------------------------------------------------- the walk


@dataclass
class AuditCheck:
    """What ``check_log`` found: the break (or None) and where the log stands."""

    broken: audit.ChainBreak | None = None
    entries: int = 0  # entries present
    position: int = 0  # entries written, pruned ones counted
    last_id: int | None = None
    last_hash: str = ""
    checkpoints: int = 0  # signed records whose signature was checked
    unchecked: int = 0  # signed records not checked (no key)
    unchecked_prunes: int = 0
    last_checkpoint: Anchor | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.position, self.last_hash, self.last_id)


class _Walker:
    def __init__(
        self,
        key: AuditKey | None,
        gaps: dict[str, Gap],
        forged_gaps: dict[str, Gap],
        legacy_until: int | None,
        expected: Iterable[tuple[Anchor, str]] = (),
    ) -> None:
        self.key = key
        self.gaps = gaps
        self.forged_gaps = forged_gaps
        self.legacy_until = legacy_until  # unsigned (old) pruning records before this id are adopted
        self.expected = list(expected)
        self.matched: set[int] = set()
        self.result = AuditCheck()
        self.before_prev: dict[str, Any] | None = None
        self.prev: dict[str, Any] | None = None
        self.good_id: int | None = None  # the last signed record that matched
        self.after_good: int | None = None  # the first entry after it

    def _break(self, entry_id: int, reason: str, found_at: int, detail: str = "") -> bool:
        self.result.broken = audit.ChainBreak(entry_id, reason, found_at, detail)
        return False

    def _rewritten(self, found_at: int, what: str) -> bool:
        start = self.after_good if self.after_good is not None else found_at
        after = f"after entry {self.good_id}" if self.good_id is not None else "from its start"
        return self._break(
            start,
            REWRITTEN,
            found_at,
            f"the log was rewritten {after}: {what} (first entry that may differ: {start})",
        )

    def feed(self, row: dict[str, Any]) -> bool:
        if self.result.broken is not None:
            return False
        rid = int(row["id"])
        if audit_log.entry_hash(row) != row["hash"]:
            return self._break(rid, audit.CHANGED, rid)
        prev, before_prev = self.prev, self.before_prev
        expected = prev["hash"] if prev is not None else ""
        if row["prev_hash"] != expected and not self._bridge(row["prev_hash"], expected):
            forged = self.forged_gaps.get(row["prev_hash"])
            if forged is not None:
                return self._break(
                    forged.first_id,
                    FORGED,
                    forged.record_id,
                    f"entries {forged.first_id}-{forged.last_id} were deleted, and the pruning record "
                    f"{forged.record_id} that claims them has no valid signature",
                )
            if prev is None:
                return self._break(rid - 1 if rid > 1 else rid, audit.DELETED, rid)
            if before_prev is not None and row["prev_hash"] == before_prev["hash"]:
                return self._break(int(prev["id"]), audit.INSERTED, rid)
            if before_prev is None and row["prev_hash"] == "":
                return self._break(int(prev["id"]), audit.INSERTED, rid)
            return self._break(int(prev["id"]) + 1, audit.DELETED, rid)
        self.result.position += 1
        self.result.entries += 1
        if self.after_good is None:
            self.after_good = rid
        for index, (anchor, source) in enumerate(self.expected):
            if anchor.entries == self.result.position:
                self.matched.add(index)
                if row["hash"] != anchor.hash:
                    return self._rewritten(rid, f"entry {rid} is not the one {source} names")
        if row["action"] in ANCHOR_ACTIONS and not self._anchor(row):
            return False
        self.before_prev, self.prev = prev, row
        self.result.last_id, self.result.last_hash = rid, row["hash"]
        return True

    def _bridge(self, link: str, expected: str) -> bool:
        """Whether ``link`` reaches ``expected`` over recorded gaps; counts the pruned entries."""
        added, seen, hashes = 0, set(), set()
        while link != expected:
            gap = self.gaps.get(link)
            if gap is None or link in seen:
                return False
            seen.add(link)
            hashes.add(gap.last_hash)
            added += gap.count
            link = gap.prev_hash
        before = self.result.position
        self.result.position += added
        for index, (anchor, source) in enumerate(self.expected):
            if before < anchor.entries <= self.result.position:
                self.matched.add(index)
                if anchor.hash not in hashes:
                    self.result.notes.append(f"{source} names an entry that was pruned since; not compared")
        return True

    def _anchor(self, row: dict[str, Any]) -> bool:
        rid = int(row["id"])
        kind = _kind(row["action"])
        payload = _payload(row["details"])
        if payload is None or "signature" not in payload:
            if row["action"] == PRUNE and (self.legacy_until is None or rid < self.legacy_until):
                self.result.notes.append(f"pruning record {rid} is from before signed pruning records")
                return True
            return self._break(rid, FORGED, rid, f"entry {rid} is a {kind} without a signature")
        if self.key is None:
            self.result.unchecked += 1
            if row["action"] == PRUNE:
                self.result.unchecked_prunes += 1
        elif payload.get("key") != self.key.fingerprint or not self.key.verifies(
            signed_text(row["action"], payload), str(payload["signature"])
        ):
            return self._break(
                rid, FORGED, rid, f"entry {rid} is a {kind} whose signature does not match the audit key"
            )
        else:
            self.result.checkpoints += 1
        if payload.get("entries") != self.result.position - 1 or payload.get("last_hash") != row["prev_hash"]:
            return self._rewritten(rid, f"the {kind} at entry {rid} no longer matches the entries before it")
        self.good_id, self.after_good = rid, None
        self.result.last_checkpoint = Anchor(
            self.result.position, row["hash"], rid, str(payload.get("at", ""))
        )
        return True

    def finish(self) -> AuditCheck:
        result = self.result
        if result.broken is None:
            for index, (anchor, source) in enumerate(self.expected):
                if anchor.entries > result.position:
                    last = result.last_id or 0
                    result.broken = audit.ChainBreak(
                        last + 1,
                        TRUNCATED,
                        last,
                        f"the log ends after {result.position} entries, but {source} names {anchor.entries} "
                        f"entries: entries were cut off the end",
                    )
                    break
                if index not in self.matched:
                    result.notes.append(f"{source} could not be compared")
        return result


def _rows_after(session: Session, after_id: int | None) -> Generator[dict[str, Any]]:
    table = AuditEvent.__table__
    columns = [table.c.id, table.c.hash, *(table.c[name] for name in audit_log.HASHED_FIELDS)]
    stmt = select(*columns).order_by(table.c.id)
    if after_id is not None:
        stmt = stmt.where(table.c.id > after_id)
    # Streamed (a server-side cursor on PostgreSQL): the walk holds a batch, never the log.
    result = session.connection().execute(stmt.execution_options(yield_per=2000))
    try:
        for row in result.mappings():
            yield dict(row)
    finally:
        result.close()  # also when the walk stops early: the server's cursor ends with it


def _walker(session: Session, key: AuditKey | None, expected: Iterable[tuple[Anchor, str]]) -> _Walker:
    """A walker primed with the gaps the pruning records declare (signatures checked first)."""
    table = AuditEvent.__table__
    records = session.connection().execute(
        select(table.c.id, table.c.action, table.c.details)
        .where(table.c.action.in_(ANCHOR_ACTIONS))
        .order_by(table.c.id)
    )
    valid: list[tuple[int, str, dict[str, Any]]] = []
    unsigned: list[tuple[int, dict[str, Any]]] = []
    forged_gaps: dict[str, Gap] = {}
    for record_id, action, details in records:
        payload = _payload(details)
        if payload is None:
            continue
        if "signature" not in payload:
            if action == PRUNE:
                unsigned.append((record_id, payload))
            continue
        ok = key is None or (
            payload.get("key") == key.fingerprint
            and key.verifies(signed_text(action, payload), str(payload["signature"]))
        )
        if ok:
            valid.append((record_id, action, payload))
        elif action == PRUNE:
            forged_gaps.update({g.last_hash: g for g in _gaps(record_id, payload)})
    legacy_until = valid[0][0] if valid else None
    gaps: dict[str, Gap] = {}
    for record_id, payload in unsigned:
        if legacy_until is None or record_id < legacy_until:
            gaps.update({g.last_hash: g for g in _gaps(record_id, payload)})
    for record_id, action, payload in valid:
        if action == PRUNE:
            gaps.update({g.last_hash: g for g in _gaps(record_id, payload)})
    return _Walker(key, gaps, forged_gaps, legacy_until, expected)


def check_log(
    session: Session,
    key: AuditKey | None = None,
    *,
    expect: Iterable[tuple[Anchor, str]] = (),
) -> AuditCheck:
    """Walk the whole log: hashes, links, gaps only where a valid pruning record declares
    them, every checkpoint's and pruning record's signature (with a key) and position, and
    each expected ``(anchor, where it came from)`` (truncation, rewriting)."""
    walker = _walker(session, key, expect)
    with closing(_rows_after(session, None)) as rows:
        for row in rows:
            if not walker.feed(row):
                break
    return walker.finish()


# ------------------------------------------------------------------------ writing


def lock_head(conn: Connection) -> None:
    """Take the audit log's write lock in this transaction (no one appends until it ends)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM audit_events WHERE 0")  # takes SQLite's write lock
    elif audit_log.server_writes(conn):
        conn.exec_driver_sql("SELECT koordinator_audit_lock()")
    else:
        conn.exec_driver_sql(audit_log.PG_LOCAL_LOCK)


class _Appender:
    """Appends signed records after a verified walk; keeps the walk's state current."""

    def __init__(self, session: Session, key: AuditKey, walker: _Walker) -> None:
        self.session, self.key, self.walker = session, key, walker

    @classmethod
    def start(cls, session: Session, key: AuditKey) -> _Appender:
        if not key.can_sign:
            raise AuditKeyError(
                f"{key.path} is a public key: writing a checkpoint needs the private key file"
            )
        if session.info.get("read_only"):
            raise AuditKeyError("the store is open read-only")
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            lock_head(conn)  # before reading: a later upgrade of a read transaction can fail
        walker = _walker(session, key, ())
        with closing(_rows_after(session, None)) as rows:
            for row in rows:
                if not walker.feed(row):
                    raise AuditLogBrokenError(walker.finish().broken)  # type: ignore[arg-type]
        lock_head(conn)
        appender = cls(session, key, walker)
        appender.catch_up()
        return appender

    def catch_up(self) -> None:
        """Feed the entries appended since the walk (the lock is held now)."""
        with closing(_rows_after(self.session, self.walker.result.last_id)) as rows:
            for row in rows:
                if not self.walker.feed(row):
                    raise AuditLogBrokenError(self.walker.result.broken)  # type: ignore[arg-type]

    def append(self, action: str, extra: dict[str, Any] | None = None) -> Anchor:
        self.catch_up()  # entries this transaction wrote since (the lock is held)
        result = self.walker.result
        payload: dict[str, Any] = {
            "v": FORMAT_VERSION,
            "entries": result.position,
            "last_hash": result.last_hash,
            "at": audit_log.format_time(now_utc()),
            "key": self.key.fingerprint,
            **(extra or {}),
        }
        payload["signature"] = self.key.sign(signed_text(action, payload))
        details = json.dumps(payload, sort_keys=True, ensure_ascii=True)
        conn = self.session.connection()
        if audit_log.server_writes(conn):
            conn.execute(
                text("SELECT koordinator_audit_anchor(:action, :details, :prev)"),
                {"action": action, "details": details, "prev": result.last_hash},
            )
        else:
            audit_log.append_entry(
                conn,
                str(self.session.info.get("user", "system")),
                {"action": action, "object_type": "audit", "details": details},
            )
        self.catch_up()
        last = self.walker.result.last_checkpoint
        assert last is not None and last.entry_id == self.walker.result.last_id
        return Anchor(last.entries, last.hash, last.entry_id, str(payload["at"]))


def write_checkpoint(session: Session, key: AuditKey) -> Anchor:
    """Verify the log and append a signed checkpoint (in the session's transaction).
    Raises AuditLogBrokenError (nothing written) when the log does not verify."""
    return _Appender.start(session, key).append(CHECKPOINT)


def start_signed_pruning(session: Session, key: AuditKey) -> _Appender:
    """For the retention run: the log verified and locked, ready for pruning records."""
    return _Appender.start(session, key)


def append_pruning(appender: _Appender, gaps: list[dict[str, Any]], extra: dict[str, Any]) -> Anchor:
    """One pruning record per ``GAPS_PER_RECORD`` gaps (each signed, each a checkpoint)."""
    anchor: Anchor | None = None
    chunks = [gaps[i : i + GAPS_PER_RECORD] for i in range(0, len(gaps), GAPS_PER_RECORD)] or [[]]
    for part, chunk in enumerate(chunks, start=1):
        details = {**extra, "gaps": chunk, "part": part, "parts": len(chunks)}
        anchor = appender.append(PRUNE, details)
    assert anchor is not None
    return anchor
