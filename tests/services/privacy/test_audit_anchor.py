"""Anchoring the audit log (issue 13, item 6) on both stores: each quiet rewrite that a hash
chain alone lets pass — a change with every later hash recomputed, a deletion relinked,
entries cut off the end, a deletion covered by a forged pruning record, a forged
checkpoint — is found by ``check_log`` with the audit key."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.models import AuditEvent
from app.services.common import audit
from app.services.privacy import audit_anchor, audit_key, retention
from app.store import audit_log

TODAY = date(2025, 6, 11)


@pytest.fixture
def key(tmp_path: Path) -> audit_key.AuditKey:
    return audit_key.create_key(tmp_path / "keys" / "audit.pem")


def _seed(context, n: int = 6) -> list[int]:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        for i in range(n):
            audit.record(s, audit.CHANGE, object_type="plan", object_id=i, case_id=i, purpose=f"p{i}")
    return _ids(context)


def _ids(context) -> list[int]:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))


def _checkpoint(context, key) -> audit_key.Anchor:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        return audit_anchor.write_checkpoint(s, key)


def _check(context, key=None, expect=()):  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return audit_anchor.check_log(s, key, expect=expect)


def _fields(row) -> dict:  # type: ignore[no-untyped-def]
    return {name: row[name] for name in audit_log.HASHED_FIELDS}


def _relink_from(context, start_id: int) -> None:  # type: ignore[no-untyped-def]
    """What a forger with write access does: recompute prev_hash and hash of every entry
    from ``start_id`` on, so that the chain is whole again."""
    with context.sessions.begin() as s:
        rows = [dict(r) for r in s.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings()]
        prev = ""
        for row in rows:
            if row["id"] >= start_id:
                row["prev_hash"] = prev
                row["hash"] = audit_log.entry_hash(_fields(row))
                s.execute(
                    text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :id"),
                    {"p": row["prev_hash"], "h": row["hash"], "id": row["id"]},
                )
            prev = row["hash"]


def _sql(context, sql: str, **params) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        s.execute(text(sql), params)


def test_checkpoints_verify_and_state_the_count_and_last_hash(context, key) -> None:  # type: ignore[no-untyped-def]
    _seed(context)
    first = _checkpoint(context, key)
    _seed(context, 2)
    second = _checkpoint(context, key)
    check = _check(context, key, expect=[(first, "first"), (second, "second")])
    assert check.broken is None and check.checkpoints == 2
    assert check.anchor == audit_key.Anchor(second.entries, second.hash, second.entry_id)
    assert second.entries == first.entries + 3 == check.entries
    with context.sessions() as s:
        row = s.execute(select(AuditEvent).where(AuditEvent.id == second.entry_id)).scalar_one()
        payload = json.loads(row.details)
    assert row.action == audit_anchor.CHECKPOINT and row.hash == second.hash
    assert payload["entries"] == second.entries - 1 and payload["key"] == key.fingerprint
    # Key material is never in the log: only the fingerprint and the signature.
    pem = key.path.read_text()
    body = "".join(pem.splitlines()[1:-1])
    assert body not in row.details and body[:20] not in row.details


def test_a_change_with_every_later_hash_recomputed_is_found(context, key) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _checkpoint(context, key)
    _seed(context, 2)
    checkpoint = _checkpoint(context, key)
    _sql(context, "UPDATE audit_events SET purpose = 'rewritten' WHERE id = :id", id=ids[3])
    _relink_from(context, ids[3])
    assert _check(context).broken is not None  # the checkpoint's position gives it away even unsigned
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.REWRITTEN
    assert broken.entry_id == ids[0] and broken.found_at < checkpoint.entry_id  # type: ignore[operator]
    with context.sessions() as s:
        assert audit.verify_chain(s, key) == broken


def test_a_change_after_an_earlier_checkpoint_is_placed_after_it(context, key) -> None:  # type: ignore[no-untyped-def]
    _seed(context, 3)
    good = _checkpoint(context, key)
    ids = _seed(context, 3)
    _checkpoint(context, key)
    _sql(context, "UPDATE audit_events SET purpose = 'rewritten' WHERE id = :id", id=ids[-1])
    _relink_from(context, ids[-1])
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.REWRITTEN
    assert broken.entry_id == good.entry_id + 1  # type: ignore[operator]
    assert f"after entry {good.entry_id}" in broken.describe()


def test_a_deletion_relinked_is_found(context, key) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _checkpoint(context, key)
    _sql(context, "DELETE FROM audit_events WHERE id = :id", id=ids[2])
    _relink_from(context, ids[3])
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.REWRITTEN


def test_cutting_off_the_last_entries_is_found(context, key) -> None:  # type: ignore[no-untyped-def]
    _seed(context)
    checkpoint = _checkpoint(context, key)
    _seed(context, 3)
    later = _check(context, key).anchor  # what verify-audit printed, kept elsewhere
    # Cut the entries after the checkpoint: only the printed count and hash show it.
    _sql(context, "DELETE FROM audit_events WHERE id > :id", id=checkpoint.entry_id)
    assert _check(context, key).broken is None  # nothing inside the log can tell
    broken = _check(context, key, expect=[(later, "the printed count")]).broken
    assert broken is not None and broken.reason == audit_anchor.TRUNCATED
    assert f"names {later.entries} entries" in broken.describe()
    # Cut the checkpoint too: the anchor the key's holder recorded shows it.
    _sql(context, "DELETE FROM audit_events WHERE id >= :id", id=checkpoint.entry_id)
    broken = _check(context, key, expect=[(checkpoint, "the recorded checkpoint")]).broken
    assert broken is not None and broken.reason == audit_anchor.TRUNCATED


def test_an_expected_hash_that_differs_is_a_rewrite(context, key) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    printed = _check(context, key).anchor
    _sql(context, "UPDATE audit_events SET purpose = 'x' WHERE id = :id", id=ids[1])
    _relink_from(context, ids[1])
    assert _check(context, key).broken is None  # no checkpoint yet: the chain alone passes
    broken = _check(context, key, expect=[(printed, "the printed count")]).broken
    assert broken is not None and broken.reason == audit_anchor.REWRITTEN


def _old_lookups(context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    moments = iter(
        [datetime(2024, 10, d, 9, tzinfo=UTC) for d in range(1, 7)] + [datetime(2025, 6, 1, 9, tzinfo=UTC)]
    )
    monkeypatch.setattr(audit_log, "utcnow", lambda: next(moments))
    with context.sessions.begin() as s:
        audit.record(s, audit.SEARCH, search_term="Holm")
        audit.record(s, audit.OPEN_CASE, object_type="case", object_id=1, case_id=1)
        audit.record(s, audit.CHANGE, object_type="plan", object_id=1, case_id=1)
        audit.record(s, audit.OPEN_CASE, object_type="case", object_id=2, case_id=2)
        audit.record(s, audit.SEARCH, search_term="Berg")
        audit.record(s, audit.CHANGE, object_type="plan", object_id=2, case_id=2)
        audit.record(s, audit.CHANGE, object_type="plan", object_id=3, case_id=3)
    monkeypatch.undo()


def test_signed_pruning_verifies_and_counts_what_it_removed(context, key, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _old_lookups(context, monkeypatch)
    before = _check(context, key)
    with context.sessions.begin() as s:
        pruned = retention.prune_audit(s, TODAY, key=key)
    assert pruned.deleted == 4
    check = _check(context, key, expect=[(before.anchor, "before pruning")])
    assert check.broken is None, check.broken.describe() if check.broken else ""
    assert check.position == before.position + 1 and check.entries == before.entries - 4 + 1
    with context.sessions() as s:
        record = s.execute(select(AuditEvent).where(AuditEvent.action == audit_anchor.PRUNE)).scalar_one()
        gaps = json.loads(record.details)["gaps"]
    assert [g["count"] for g in gaps] == [2, 2]
    assert all(len(g["prev_hash"]) == 64 and g["first_id"] <= g["last_id"] for g in gaps)
    # Pruning needs the key.
    _old_lookups(context, monkeypatch)
    with context.sessions.begin() as s, pytest.raises(ValueError, match="audit key"):
        retention.prune_audit(s, TODAY)


def test_a_deletion_covered_by_a_forged_pruning_record_is_found(context, key, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _seed(context)
    checkpoint = _checkpoint(context, key)
    target = next(i for i in _seed(context, 2) if i > checkpoint.entry_id)  # type: ignore[operator]
    with context.sessions() as s:
        row = s.execute(select(AuditEvent.prev_hash, AuditEvent.hash).where(AuditEvent.id == target)).one()
        last_hash = s.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    position = _check(context, key).position
    # The forger deletes an entry after the last checkpoint and appends a pruning record in
    # the right form (gap, position, last hash) that claims our key, signed with their own.
    forger = audit_key.create_key(tmp_path / "forger.pem")
    _sql(context, "DELETE FROM audit_events WHERE id = :id", id=target)
    gap = {
        "first_id": target,
        "last_id": target,
        "count": 1,
        "prev_hash": row.prev_hash,
        "last_hash": row.hash,
    }
    payload = {
        "v": 1,
        "entries": position,
        "last_hash": last_hash,
        "at": "",
        "key": key.fingerprint,
        "gaps": [gap],
    }
    payload["signature"] = forger.sign(audit_anchor.signed_text(audit_anchor.PRUNE, payload))
    with context.sessions.begin() as s:
        audit_log.append_entry(
            s.connection(), "forger", {"action": audit_anchor.PRUNE, "details": json.dumps(payload)}
        )
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.FORGED
    assert broken.entry_id == target and "no valid signature" in broken.describe()
    # Unsigned, as the old pruning records were: found as well (a checkpoint came before it).
    del payload["signature"]
    _sql(context, "DELETE FROM audit_events WHERE action = :a", a=audit_anchor.PRUNE)
    with context.sessions.begin() as s:
        audit_log.append_entry(
            s.connection(), "forger", {"action": audit_anchor.PRUNE, "details": json.dumps(payload)}
        )
    broken = _check(context, key).broken
    assert broken is not None and broken.reason in (audit.DELETED, audit_anchor.FORGED)


def test_a_forged_checkpoint_is_found(context, key, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _seed(context)
    forger = audit_key.create_key(tmp_path / "forger.pem")
    with context.sessions.begin() as s:
        audit_anchor.write_checkpoint(s, forger)  # well-formed, but not our key
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.FORGED
    assert "signature does not match" in broken.describe()
    # One that claims our key's fingerprint, unsigned or with a made-up signature.
    _sql(context, "DELETE FROM audit_events WHERE action = :a", a=audit_anchor.CHECKPOINT)
    check = _check(context, key)
    payload = {
        "v": 1,
        "entries": check.position,
        "last_hash": check.last_hash,
        "at": "",
        "key": key.fingerprint,
    }
    payload["signature"] = "00" * 64
    with context.sessions.begin() as s:
        audit_log.append_entry(
            s.connection(), "forger", {"action": audit_anchor.CHECKPOINT, "details": json.dumps(payload)}
        )
    broken = _check(context, key).broken
    assert broken is not None and broken.reason == audit_anchor.FORGED


def test_write_refuses_reserved_actions(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        for action in (audit_anchor.PRUNE, audit_anchor.CHECKPOINT, "audit_anything"):
            with pytest.raises(ValueError, match="reserved"):
                audit.record(s, action, details={"gaps": []})


def test_no_checkpoint_over_a_broken_log(context, key) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _sql(context, "UPDATE audit_events SET purpose = 'x' WHERE id = :id", id=ids[2])
    with context.sessions.begin() as s, pytest.raises(audit_anchor.AuditLogBrokenError):
        audit_anchor.write_checkpoint(s, key)
    with context.sessions() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.action == audit_anchor.CHECKPOINT)) is None


def test_the_key_file_is_private_and_its_errors_tell_nothing(tmp_path: Path) -> None:
    key = audit_key.create_key(tmp_path / "k.pem")
    if os.name == "posix":
        assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
    public = audit_key.load_key(tmp_path / "k.pem.pub")
    assert not public.can_sign and public.fingerprint == key.fingerprint
    assert "PRIVATE" not in repr(key)
    with pytest.raises(audit_key.AuditKeyError, match="exists already"):
        audit_key.create_key(tmp_path / "k.pem")
    secret = tmp_path / "bad.pem"
    secret.write_text("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWxpbmU=\n-----END PRIVATE KEY-----\n")
    with pytest.raises(audit_key.AuditKeyError) as caught:
        audit_key.load_key(secret)
    assert "c2VjcmV0" not in str(caught.value) and caught.value.__cause__ is None
    with pytest.raises(audit_key.AuditKeyError, match="private key"):
        public.sign(b"x")
