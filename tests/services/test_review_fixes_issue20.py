"""Faults a review of issue 20's change found, each kept fixed: old SEL placements are kept for
the archive; an intervention stored with a section whose dates were corrected still saves;
the youth's-voice record names only the parents who did not consent; a consent only to collect
is no consent to share; a reminder is not listed as late on the agenda; a placement whose end
date has passed gives no plan deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from app.models import Intervention, LawSection, PlanVersion
from app.models.enums import ConsentCapacity, ConsentDirection, Relation, Sector
from app.services.common.validation import ValidationError
from app.services.family.family_warnings import WarningCode, WarningSettings, no_consent
from app.services.family.interventions import InterventionInput, add_intervention, update_intervention
from app.services.family.law_catalogue import read_catalogue
from app.services.meetings.papers import read_paper_inputs
from app.services.plan.plans import DEFAULT_CONSENT_RULE
from app.services.privacy.consent_rules import YouthVoice
from app.services.privacy.retention_rules import load_archive_codes
from tests.factories import (
    TODAY,
    add_meeting,
    approve,
    consent,
    make_consent,
    make_member,
    make_overview,
    new_family,
)
from tests.services.cases.test_deadlines import (
    CHILD_CPR,
    MOTHER_CPR,
    Family,
    citizen,
    family_case,
    measure,
)
from tests.services.plan.test_plans import simple_plan


def test_every_placement_in_the_catalogue_is_kept_for_the_archive() -> None:
    placements = {row.code for row in read_catalogue() if row.title.startswith("Anbringelse")}
    assert {"BL-46", "BL-47", "SEL-52-3-7", "SEL-58"} <= placements
    assert placements <= load_archive_codes()


def test_a_stored_section_whose_dates_were_corrected_still_saves_until_it_or_the_start_changes(
    sqlite_context,
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        mother = citizen(s, MOTHER_CPR)
        section = s.scalar(select(LawSection).where(LawSection.code == "LAB-KAP11"))
        data = InterventionInput(
            citizen_id=mother,
            title="Virksomhedspraktik",
            sector=Sector.EMPLOYMENT,
            law_section_id=section.id,
            start_date=date(2020, 2, 1),
        )
        item = add_intervention(s, case_id, data, TODAY)
        # the catalogue's date corrected after it was stored
        s.execute(text("UPDATE law_sections SET valid_from = '2021-01-01' WHERE code = 'LAB-KAP11'"))
    with sqlite_context.sessions.begin() as s:
        version = s.get(Intervention, item).version
        update_intervention(s, case_id, item, replace(data, title="Praktik i Bøgely"), version, TODAY)
    with pytest.raises(ValidationError) as info, sqlite_context.sessions.begin() as s:
        version = s.get(Intervention, item).version
        update_intervention(s, case_id, item, replace(data, start_date=date(2020, 3, 1)), version, TODAY)
    assert [p.field for p in info.value.problems] == ["law_section"]


def test_the_youth_voice_record_names_only_the_parents_who_did_not_consent(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    people = {
        "mother": ("Mette", date(1985, 3, 12), True, Relation.PARENT, True),
        "father": ("Peter", date(1983, 4, 2), False, Relation.PARENT, True),
        "teen": ("Ida", date(2011, 5, 10), True, Relation.CHILD, False),
    }
    ctx = sqlite_context
    family = new_family(ctx, people)
    pv_id = simple_plan(ctx, family, citizen=family["teen"])
    consent(ctx, family.case_id, family["teen"], ConsentCapacity.YOUTH, given_by="Ida")
    with ctx.sessions.begin() as s:  # the mother consents by name; the father does not
        from app.services.privacy.consents import ConsentInput, record_consent

        record_consent(
            s,
            family.case_id,
            ConsentInput(
                family["teen"],
                "Mette Østergaard",
                ConsentCapacity.CUSTODY_HOLDER,
                date(2026, 11, 1),
                given_by_citizen_id=family["mother"],
            ),
            TODAY,
        )
    approve(ctx, pv_id, rule=replace(DEFAULT_CONSENT_RULE, youth_voice=YouthVoice(True, 15, "x")))
    with ctx.sessions() as s:
        views = s.get(PlanVersion, pv_id).consent_views
    assert "Peter Østergaard har ikke givet samtykke" in views and "Mette" not in views


def test_a_consent_only_to_collect_leaves_the_no_consent_warning() -> None:
    member = make_member(1, "Mette", "Ågård", born=date(1985, 3, 12))
    collect = replace(make_consent(None, 1, given_on=date(2026, 1, 1)), direction=ConsentDirection.COLLECT)
    both = replace(collect, direction=ConsentDirection.BOTH)
    warned = no_consent(make_overview((member,), (), consents=(collect,)), TODAY, WarningSettings())
    assert [w.code for w in warned] == [WarningCode.NO_CONSENT]
    assert no_consent(make_overview((member,), (), consents=(both,)), TODAY, WarningSettings()) == []


def test_the_agenda_lists_no_reminder_and_a_passed_end_date_ends_a_placements_plans(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        child = citizen(s, CHILD_CPR)
        measure(s, case_id, child, "BL-32-1", TODAY - timedelta(days=5))  # a reminder 5 days old
    meeting_id = add_meeting(sqlite_context, case_id, 3)
    with sqlite_context.sessions() as s:
        inputs = read_paper_inputs(s, meeting_id, "agenda", TODAY)
    assert not [title for _due, title, _law in inputs.due if title.startswith("Tag stilling")]
    family = Family(sqlite_context, case_id, 0, 0, child)
    with sqlite_context.sessions.begin() as s:
        measure(s, case_id, child, "BL-46", date(2026, 8, 20), end=date(2027, 6, 30))  # status left active
    later = date(2032, 8, 25)
    assert family.deadlines("BL108-YOUTH-PLAN", today=later) == []
    assert [d.due for d in family.deadlines("BL108-YOUTH-PLAN")] == [date(2032, 8, 20)]
