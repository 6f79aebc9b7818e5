"""Retention: the clock starts at closing, per case type; erasure keeps what others use and
what the audit log must keep; lookups leave the audit log after their period."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import (
    AuditEvent,
    Case,
    CaseProfessional,
    Citizen,
    Consent,
    Family,
    FamilyMember,
    GoalScore,
    Intervention,
    Meeting,
    PlanVersion,
    TransitionTrack,
)
from app.models.enums import CaseStatus, CoordinationModel, Relation
from app.resources import resources_dir
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common import audit
from app.services.common.cpr import fictional_cpr
from app.services.demo.demo import generate_demo
from app.services.privacy import retention, retention_rules
from app.services.privacy.retention import CountFrom, RetentionRule
from app.store import audit_log

TODAY = date(2025, 6, 11)
LISE = "Familien Holm Jensen"
RULES = {
    CoordinationModel.ONE_FAMILY_ONE_ENTRY: RetentionRule(CoordinationModel.ONE_FAMILY_ONE_ENTRY, 5),
    CoordinationModel.HOLISTIC_PLAN: RetentionRule(
        CoordinationModel.HOLISTIC_PLAN, 10, CountFrom.END_OF_YEAR
    ),
}


def _cpr(born: date, female: bool, seed: int) -> str:
    import random

    return fictional_cpr(born, female, random.Random(seed))


def _single(session, user_id: int, first: str, cpr: str, model: CoordinationModel) -> Case:  # type: ignore[no-untyped-def]
    data = CaseInput(
        single_citizen=True,
        members=[MemberInput(first, "Testesen", cpr, Relation.PARENT)],
        coordinator_id=user_id,
        model=model,
    )
    return create_case(session, data, TODAY - timedelta(days=4000))


def test_the_programs_own_file_sets_no_period_so_nothing_is_erased() -> None:
    """The periods are the municipality's to set (its bevaringsplan): the shipped file names
    every coordination model with none, and a case type without a period is never erased."""
    rules = retention.load_rules(resources_dir() / retention_rules.RULES_FILE)
    assert set(rules) == set(CoordinationModel)
    assert all(rule.years is None for rule in rules.values())
    for model in CoordinationModel:
        assert retention.retention_end(model, date(2000, 1, 1), rules) is None


def test_the_municipalitys_file_in_the_machine_wide_folder_is_used(municipal_retention: Path) -> None:
    rules = retention.load_rules()
    assert rules[CoordinationModel.ONE_FAMILY_ONE_ENTRY].years == 5
    assert CoordinationModel.OTHER not in rules  # not named: no period, never erased
    assert retention.retention_end(CoordinationModel.OTHER, date(2000, 1, 1)) is None
    assert retention.retention_end(CoordinationModel.HOLISTIC_PLAN, date(2024, 3, 5)) == date(2034, 12, 31)
    (municipal_retention / retention_rules.ARCHIVE_FILE).write_text("code,note\nBL-47,\n", encoding="utf-8")
    assert retention.load_archive_codes() == {"BL-47"}


def test_the_archive_keeps_placements_by_default() -> None:
    assert retention.load_archive_codes(resources_dir() / retention_rules.ARCHIVE_FILE) == {
        "BL-46",
        "BL-47",
        "SEL-52-3-7",
        "SEL-58",
    }


def test_a_bad_rules_file_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.csv"
    path.write_text(
        "model,years_after_closing,count_from\nholistic_plan,five,closing_date\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="line 2"):
        retention.load_rules(path)


def test_closing_starts_the_clock_per_case_type(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        a = _single(
            session,
            context.user.id,
            "Anna",
            _cpr(date(1980, 2, 29), True, 1),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        b = _single(
            session, context.user.id, "Bo", _cpr(date(1979, 3, 3), False, 2), CoordinationModel.HOLISTIC_PLAN
        )
        c = _single(
            session, context.user.id, "Carl", _cpr(date(1978, 4, 4), False, 3), CoordinationModel.OTHER
        )
        assert a.retention_until is None
        assert retention.close_case(session, a, date(2024, 2, 29), "Målene er nået", RULES) == date(
            2029, 2, 28
        )
        assert retention.close_case(session, b, date(2024, 3, 5), rules=RULES) == date(2034, 12, 31)
        # A model the rules do not name has no period: no end, the case is kept.
        assert retention.close_case(session, c, date(2024, 3, 5), rules=RULES) is None
        assert c.retention_until is None and c.status == CaseStatus.CLOSED
        assert a.status == CaseStatus.CLOSED and a.closing_reason == "Målene er nået"
        retention.reopen_case(session, c)
        assert c.retention_until is None and c.status == CaseStatus.ACTIVE
        with pytest.raises(ValueError):
            retention.start_retention(session, c, RULES)


def test_due_list_holds_only_closed_cases_past_their_period(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        old = _single(
            session,
            context.user.id,
            "Anna",
            _cpr(date(1980, 1, 5), True, 1),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        young = _single(
            session,
            context.user.id,
            "Bo",
            _cpr(date(1981, 1, 5), False, 2),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        _single(
            session,
            context.user.id,
            "Carl",
            _cpr(date(1982, 1, 5), False, 3),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        retention.close_case(session, old, date(2019, 6, 10), rules=RULES)  # kept until 2024-06-10
        retention.close_case(session, young, date(2020, 6, 11), rules=RULES)  # kept until 2025-06-11
        due = retention.due_for_erasure(session, TODAY, RULES)
        assert [d.case_id for d in due] == [old.id]
        assert due[0].retention_until == date(2024, 6, 10)
        # The last day of the period still counts: the young case is due the day after.
        assert [d.case_id for d in retention.due_for_erasure(session, TODAY + timedelta(days=1), RULES)] == [
            old.id,
            young.id,
        ]
        with pytest.raises(retention.NotDueError):
            retention.erase_cases(session, [old.id, young.id], TODAY, RULES)
        assert session.get(Case, old.id) is not None  # all or nothing


@pytest.mark.parametrize("years_later", [6, 30, 100])
def test_a_placement_and_a_type_without_a_period_are_never_erased(context, years_later: int) -> None:  # type: ignore[no-untyped-def]
    """A case with a placement (BL § 46 or § 47, ended long ago or not) is kept for the
    archive; a case whose type has no period is kept: neither is ever due, erasing them is
    refused, and the listing counts them."""
    from app.models import Intervention, LawSection
    from app.models.enums import InterventionStatus, Sector

    with context.sessions.begin() as session:
        placed = _single(
            session,
            context.user.id,
            "Anna",
            _cpr(date(2009, 1, 5), True, 1),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        ordinary = _single(
            session,
            context.user.id,
            "Bo",
            _cpr(date(2008, 1, 5), False, 2),
            CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        )
        unset = _single(
            session, context.user.id, "Carl", _cpr(date(1982, 1, 5), False, 3), CoordinationModel.OTHER
        )
        section = session.scalar(select(LawSection.id).where(LawSection.code == "BL-47"))
        session.add(
            Intervention(
                case_id=placed.id,
                citizen_id=placed.citizen_id,
                law_section_id=section,
                title="Anbringelse",
                sector=Sector.SOCIAL_CHILDREN,
                start_date=date(2015, 1, 1),
                end_date=date(2016, 1, 1),
                status=InterventionStatus.ENDED,
            )
        )
        for case in (placed, ordinary, unset):
            retention.close_case(session, case, date(2017, 6, 1), rules=RULES)
        assert placed.retention_until == date(2022, 6, 1)  # its type has a period; the archive keeps it
        assert unset.retention_until is None
        later = date(2017 + years_later, 6, 2)
        archive = frozenset({"BL-46", "BL-47"})
        closed = retention.closed_cases(session, later, RULES, archive)
        assert [d.case_id for d in closed.due] == [ordinary.id]
        assert closed.kept_unset == {CoordinationModel.OTHER: 1} and closed.kept_for_archive == 1
        for kept in (placed.id, unset.id):
            with pytest.raises(retention.NotDueError):
                retention.erase_cases(session, [kept], later, RULES, archive)
        assert retention.archived_case_ids(session, [placed.id, ordinary.id], archive) == {placed.id}
        # without the archive rule the placement case is due like any other
        assert {d.case_id for d in retention.due_for_erasure(session, later, RULES, frozenset())} == {
            placed.id,
            ordinary.id,
        }
        facts = retention.closing_facts(session, placed.id)
        assert facts.archived and not retention.closing_facts(session, ordinary.id).archived


def _count(session, model, column, value) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(model).where(column == value)) or 0)


def test_erasure_removes_the_content_keeps_shared_citizens_and_the_log(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        generate_demo(session, families=2, seed=5, today=TODAY, my_login="tester")
    with context.sessions.begin() as session:
        case = session.scalars(select(Case).where(Case.title == LISE)).one()
        case_id, family_id = case.id, case.family_id
        members = session.execute(
            select(FamilyMember.citizen_id, Citizen.cpr, Citizen.first_name)
            .join(Citizen, Citizen.id == FamilyMember.citizen_id)
            .where(FamilyMember.family_id == family_id)
            .order_by(FamilyMember.position)
        ).all()
        for model, column in (
            (PlanVersion, PlanVersion.case_id),
            (Meeting, Meeting.case_id),
            (Intervention, Intervention.case_id),
        ):
            assert _count(session, model, column, case_id) > 0, model
        # Lise is also in a case of her own, which stays open.
        lise_id, lise_cpr, _ = members[0]
        own = create_case(
            session,
            CaseInput(
                single_citizen=True,
                members=[MemberInput("Lise", "Holm Jensen", lise_cpr, Relation.PARENT)],
                coordinator_id=context.user.id,
            ),
            TODAY,
        )
        assert own.citizen_id == lise_id
        audit.record(session, audit.OPEN_CASE, object_type="case", object_id=case_id, case_id=case_id)
        audit.record(
            session, audit.OPEN_CITIZEN, object_type="citizen", object_id=lise_id, citizen_id=lise_id
        )
        retention.close_case(session, case, TODAY - timedelta(days=6 * 366), rules=RULES)
        before = session.scalar(select(func.count(AuditEvent.id)))
    with context.sessions.begin() as session:
        erased = retention.erase_cases(session, [case_id], TODAY, RULES)
    assert erased[0].case_id == case_id and erased[0].family_erased
    assert erased[0].citizens_kept == 1 and erased[0].citizens_erased == len(members) - 1
    with context.sessions.begin() as session:
        assert session.get(Case, case_id) is None
        assert session.get(Family, family_id) is None
        for model, column in (
            (PlanVersion, PlanVersion.case_id),
            (Meeting, Meeting.case_id),
            (Intervention, Intervention.case_id),
            (Consent, Consent.case_id),
            (GoalScore, GoalScore.case_id),
            (TransitionTrack, TransitionTrack.case_id),
            (CaseProfessional, CaseProfessional.case_id),
            (FamilyMember, FamilyMember.family_id),
        ):
            assert _count(session, model, column, case_id if model is not FamilyMember else family_id) == 0
        assert session.get(Citizen, lise_id) is not None  # her own case still uses her
        for citizen_id, _, _ in members[1:]:
            assert session.get(Citizen, citizen_id) is None
        # The log keeps every entry it had and adds one erasure entry per case.
        assert session.scalar(select(func.count(AuditEvent.id))) == before + 1
        erase = session.scalars(select(AuditEvent).where(AuditEvent.action == audit.ERASE)).one()
        assert erase.case_id == case_id and erase.object_id == case_id
        assert "Holm" not in erase.details and "Lise" not in erase.details
        assert _count(session, AuditEvent, AuditEvent.citizen_id, lise_id) == 1
        assert audit.verify_chain(session) is None
        assert retention.due_for_erasure(session, TODAY, RULES) == []
        # The other cases are untouched.
        assert session.scalar(select(func.count(Case.id))) >= 3


def test_pruning_keeps_recent_lookups_and_everything_else(context, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.privacy import audit_key

    key = audit_key.create_key(tmp_path / "audit.pem")
    moments = iter(
        [
            datetime(2024, 10, 1, 9, tzinfo=UTC),  # old search: goes
            datetime(2024, 10, 2, 9, tzinfo=UTC),  # old case opening: goes
            datetime(2024, 10, 3, 9, tzinfo=UTC),  # old change: stays
            datetime(2024, 11, 3, 9, tzinfo=UTC),  # old citizen opening: goes
            datetime(2025, 1, 5, 9, tzinfo=UTC),  # a lookup within 6 months: stays
            datetime(2025, 6, 10, 9, tzinfo=UTC),  # yesterday: stays
        ]
    )
    monkeypatch.setattr(audit_log, "utcnow", lambda: next(moments))
    with context.sessions.begin() as session:
        audit.record(session, audit.SEARCH, search_term="010203-1234")
        audit.record(session, audit.OPEN_CASE, object_type="case", object_id=1, case_id=1)
        audit.record(session, audit.CHANGE, object_type="plan", object_id=1, case_id=1)
        audit.record(session, audit.OPEN_CITIZEN, object_type="citizen", object_id=2, citizen_id=2)
        audit.record(session, audit.OPEN_CASE, object_type="case", object_id=1, case_id=1)
        audit.record(session, audit.SEARCH, search_term="Holm")
    monkeypatch.undo()
    with context.sessions.begin() as session:
        pruned = retention.prune_audit(session, TODAY, key=key)
    assert pruned.cutoff == date(2024, 12, 11) and pruned.deleted == 3
    with context.sessions.begin() as session:
        kept = session.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars().all()
        # (open_context logs the login; a login is not a lookup of a citizen's data)
        assert [a for a in kept if a != audit.LOGIN] == [
            audit.CHANGE,
            audit.OPEN_CASE,
            audit.SEARCH,
            "audit_prune",
        ]
        # The pruned log still verifies, stepping over exactly the recorded runs, and the
        # pruning record's signature is checked.
        assert retention.verify_chain_after_pruning(session, key) is None
        assert audit.verify_chain(session, key) is None  # what verify-audit checks
        # A second run finds nothing more.
        assert retention.prune_audit(session, TODAY, key=key).deleted == 0
    with context.sessions.begin() as session:
        change = session.scalars(select(AuditEvent).where(AuditEvent.action == audit.CHANGE)).one()
        change.purpose = "tampered"
    with context.sessions.begin() as session:
        assert retention.verify_chain_after_pruning(session, key) == change.id


def test_a_deletion_not_recorded_by_pruning_is_still_found(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        for n in range(4):
            audit.record(session, audit.CHANGE, object_type="plan", object_id=n)
    with context.sessions.begin() as session:
        ids = session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()
        session.execute(AuditEvent.__table__.delete().where(AuditEvent.id == ids[1]))
    with context.sessions.begin() as session:
        assert retention.verify_chain_after_pruning(session) == ids[2]


def test_months_before_keeps_to_the_end_of_short_months() -> None:
    assert retention._months_before(date(2025, 8, 31), 6) == date(2025, 2, 28)
    assert retention._months_before(date(2025, 6, 11), 6) == date(2024, 12, 11)
