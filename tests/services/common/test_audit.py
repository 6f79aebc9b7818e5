"""The audit log: hash chain on both stores (a changed, deleted or inserted entry is found at
that entry), field-by-field change capture, lookups logged by the services, and never a
CPR number as digits."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.models import Agreement, AuditEvent, Case, Consent, Goal, Intervention, PlanVersion
from app.services.cases.case_list import CaseListQuery, count_cases
from app.services.common import audit
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import PlanDraft, current_draft_id, save_draft, start_draft
from app.store import audit_log

TEN_DIGITS = re.compile(r"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")


def _seed(context, n: int = 5) -> list[int]:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        for i in range(n):
            audit.record(s, audit.OPEN_CASE, object_type="case", object_id=i, case_id=i, purpose=f"p{i}")
    with context.sessions() as s:
        return list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))


def _verify(context):  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return audit.verify_chain(s)


def _raw(context, sql: str, **params) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        s.execute(text(sql), params)


def test_a_fresh_chain_verifies_and_links(context) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    assert _verify(context) is None
    with context.sessions() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
        assert rows[0].user_login == "tester"
        assert rows[0].action == audit.LOGIN  # open_context logs the login
        for before, after in itertools.pairwise(rows):
            assert after.prev_hash == before.hash
        assert audit.count_entries(s) == len(ids)


def test_a_changed_entry_is_found_at_that_entry(context) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _raw(context, "UPDATE audit_events SET purpose = 'tampered' WHERE id = :id", id=ids[3])
    broken = _verify(context)
    assert broken is not None and (broken.entry_id, broken.reason) == (ids[3], audit.CHANGED)


def test_a_deleted_entry_is_found_at_that_entry(context) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _raw(context, "DELETE FROM audit_events WHERE id = :id", id=ids[2])
    broken = _verify(context)
    assert broken is not None and (broken.entry_id, broken.reason) == (ids[2], audit.DELETED)
    assert broken.found_at == ids[3]


def test_deleting_the_first_entry_is_found(context) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _raw(context, "DELETE FROM audit_events WHERE id = :id", id=ids[0])
    broken = _verify(context)
    assert broken is not None and broken.reason == audit.DELETED and broken.found_at == ids[1]


def test_an_inserted_entry_is_found_at_that_entry(context) -> None:  # type: ignore[no-untyped-def]
    """The forger moves the later entries up one id and puts a well-formed entry (its own
    hash right, linked to the entry before it) into the hole."""
    ids = _seed(context)
    at = ids[3]
    with context.sessions.begin() as s:
        prev = s.scalar(select(AuditEvent.hash).where(AuditEvent.id == ids[2]))
        s.execute(text("UPDATE audit_events SET id = id + 1000 WHERE id >= :at"), {"at": at})
        s.execute(text("UPDATE audit_events SET id = id - 999 WHERE id >= :big"), {"big": at + 1000})
        fields = {
            "occurred_at": audit_log.utcnow(),
            "user_login": "forger",
            "action": audit.OPEN_CASE,
            "object_type": "case",
            "object_id": 1,
            "citizen_id": None,
            "case_id": 1,
            "department": "",
            "purpose": "",
            "search_term": "",
            "details": "",
            "prev_hash": prev,
        }
        s.add(AuditEvent(id=at, **fields, hash=""))
        s.flush()
        stored = s.get(AuditEvent, at)
        assert stored is not None
        s.refresh(stored)
        fields["occurred_at"] = stored.occurred_at
        stored.hash = audit_log.entry_hash(fields)
    broken = _verify(context)
    assert broken is not None and (broken.entry_id, broken.reason) == (at, audit.INSERTED)


def test_an_entry_appended_with_a_made_up_hash_is_found(context) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(context)
    _raw(
        context,
        "INSERT INTO audit_events (id, occurred_at, user_login, action, object_type, department, purpose, "
        "search_term, details, prev_hash, hash) VALUES (:id, CURRENT_TIMESTAMP, 'x', 'login', '', '', '', '', '', "
        "'', 'abc')",
        id=ids[-1] + 1,
    )
    broken = _verify(context)
    assert broken is not None and broken.entry_id == ids[-1] + 1


def test_the_python_hash_matches_a_stored_entry(context) -> None:  # type: ignore[no-untyped-def]
    _seed(context, 2)
    with context.sessions() as s:
        row = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
        fields = {name: getattr(row, name) for name in audit_log.HASHED_FIELDS}
        assert audit_log.entry_hash(fields) == row.hash


def test_cpr_never_stored_as_digits(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        audit.record(s, audit.SEARCH, search_term="0102031234")
        audit.record(s, audit.SEARCH, search_term="Holm 010203-1234")
        audit.record(
            s, audit.CPR_REVEAL, citizen_id=1, details={"note": "010203 1234"}, purpose="opslag 0102031234"
        )
    with context.sessions() as s:
        rows = s.execute(select(AuditEvent.search_term, AuditEvent.details, AuditEvent.purpose)).all()
    assert not any(TEN_DIGITS.search(v) for row in rows for v in row)
    assert {r.search_term for r in rows} >= {"010203-XXXX", "Holm 010203-XXXX"}


def test_a_search_is_logged_once_per_query_with_the_term(context) -> None:  # type: ignore[no-untyped-def]
    now = audit_log.utcnow()
    query = CaseListQuery(today=now.date(), now=now, search="Holm")
    with context.sessions() as s:  # a read-only session, never committed by the caller
        count_cases(s, query)
        count_cases(s, CaseListQuery(today=now.date(), now=now))  # no term: nothing logged
    with context.sessions() as s:
        terms = s.scalars(select(AuditEvent.search_term).where(AuditEvent.action == audit.SEARCH)).all()
    assert terms == ["Holm"]


@pytest.fixture
def demo(context):  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        generate_demo(s, families=2, seed=7, today=date(2025, 3, 1), my_login="tester")
        case_id = s.scalar(select(Case.id).order_by(Case.id).limit(1))
    return case_id


def _changes(context, object_type: str):  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        rows = s.execute(
            select(AuditEvent).where(AuditEvent.action == audit.CHANGE, AuditEvent.object_type == object_type)
        ).scalars()
        return [(r, json.loads(r.details)["fields"]) for r in rows]


def test_reading_a_plan_inside_other_work_is_not_a_lookup_of_its_own(context, demo) -> None:  # type: ignore[no-untyped-def]
    """Minutes, prints and copies read the plan too; they log what they do themselves. The
    user's opening of the plan is logged by the plan page (tests/ui/plan/test_plan_conflict.py)."""
    with context.sessions() as s:
        load_plan_document(s, demo)
    with context.sessions() as s:
        assert s.execute(select(AuditEvent).where(AuditEvent.action == audit.OPEN_CASE)).first() is None


def test_a_plan_save_records_before_and_after_per_section(context, demo) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        pv_id = current_draft_id(s, demo) or start_draft(s, demo)
    with context.sessions() as s:
        view = load_plan_document(s, demo, pv_id).plan
        assert view is not None
        draft = PlanDraft.from_view(view)
        old = draft.sections.get("summary", "")
    draft.sections["summary"] = "Ny opsummering"
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    changes = [(r, f) for r, f in _changes(context, "plan") if r.object_id == pv_id]
    assert changes, "a plan save must be logged"
    row, fields = changes[-1]
    assert fields["summary"] == {"before": old, "after": "Ny opsummering"}
    assert row.case_id == demo
    assert _verify(context) is None


def test_agreement_consent_and_intervention_changes_are_captured(context, demo) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        agreement = s.scalars(select(Agreement).limit(1)).one()
        consent = s.scalars(select(Consent).limit(1)).one()
        intervention = s.scalars(select(Intervention).limit(1)).one()
        goal = s.scalars(select(Goal).limit(1)).one()
        old = (agreement.what, consent.purpose, intervention.title, goal.text)
        agreement.what, consent.purpose = "Ny aftale", "Nyt formål"
        intervention.title, goal.text = "Ny indsats", "Nyt mål"
        consent.withdrawn_on = date(2025, 3, 2)
        ids = (agreement.id, consent.id, intervention.id, goal.id)
        case_of_plan = s.scalar(
            select(PlanVersion.case_id).where(PlanVersion.id == agreement.plan_version_id)
        )
    a_row, a = _changes(context, "agreement")[-1]
    assert a == {"what": {"before": old[0], "after": "Ny aftale"}} and a_row.object_id == ids[0]
    assert a_row.case_id == case_of_plan
    c_row, c = _changes(context, "consent")[-1]
    assert c["purpose"] == {"before": old[1], "after": "Nyt formål"}
    assert c["withdrawn_on"] == {"before": None, "after": "2025-03-02"}
    assert c_row.citizen_id is not None
    _i_row, i = _changes(context, "intervention")[-1]
    assert i == {"title": {"before": old[2], "after": "Ny indsats"}}
    _g_row, g = _changes(context, "goal")[-1]
    assert g == {"text": {"before": old[3], "after": "Nyt mål"}}
    assert _verify(context) is None


def test_deleting_an_agreement_records_what_it_was(context, demo) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        agreement = s.scalars(select(Agreement).limit(1)).one()
        what, agreement_id = agreement.what, agreement.id
        s.delete(agreement)
    with context.sessions() as s:
        row = s.execute(
            select(AuditEvent).where(AuditEvent.action == audit.DELETE, AuditEvent.object_id == agreement_id)
        ).scalar_one()
    assert json.loads(row.details)["fields"]["what"] == {"before": what}


def test_no_cpr_digits_anywhere_in_the_log_after_demo_and_edits(context, demo) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        consent = s.scalars(select(Consent).limit(1)).one()
        consent.mandate = "Værge for 0102031234"
    with context.sessions() as s:
        rows = s.execute(select(AuditEvent.details, AuditEvent.search_term, AuditEvent.purpose)).all()
    assert not any(TEN_DIGITS.search(v or "") for row in rows for v in row)


# ---------------------------------------------------------------- property

_entry = st.fixed_dictionaries(
    {
        "action": st.sampled_from(audit.ACTIONS),
        "object_id": st.none() | st.integers(1, 10**6),
        "citizen_id": st.none() | st.integers(1, 10**6),
        "search_term": st.text(max_size=30),
        "purpose": st.text(max_size=30),
        "details": st.none() | st.dictionaries(st.text(max_size=5), st.text(max_size=20), max_size=3),
    }
)
_TAMPERABLE = (
    "user_login",
    "action",
    "object_type",
    "department",
    "purpose",
    "search_term",
    "details",
    "hash",
)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(_entry, min_size=1, max_size=8),
    pick=st.integers(0, 100),
    field=st.sampled_from(_TAMPERABLE),
)
def test_any_record_sequence_verifies_and_any_single_field_tamper_is_found_there(
    sqlite_context, entries, pick, field
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    _raw(ctx, "DELETE FROM audit_events")
    with ctx.sessions.begin() as s:
        for entry in entries:
            audit.record(s, **entry)
    assert _verify(ctx) is None
    with ctx.sessions() as s:
        ids = list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
        target = ids[pick % len(ids)]
        old = s.scalar(select(getattr(AuditEvent, field)).where(AuditEvent.id == target))
    _raw(ctx, f"UPDATE audit_events SET {field} = :v WHERE id = :id", v=(old or "") + "x", id=target)
    broken = _verify(ctx)
    assert broken is not None and (broken.entry_id, broken.reason) == (target, audit.CHANGED)
