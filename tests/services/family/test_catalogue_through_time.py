"""The law catalogue through time (issue 20 item 2): an intervention that started in 2015,
2019 or early 2025 can be recorded with the section in force then; the LAB's numbering of
1 January 2020 is not offered for 2019; an open intervention whose section stops applying
gets a warning to re-check it; existing stores get the corrected dates (migration 0021)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, text

from app.models import LawSection
from app.services.family.family_warnings import WarningCode, WarningSettings, section_expires
from app.services.family.law_catalogue import read_catalogue, sections_valid_on
from tests.factories import make_intervention, make_member, make_overview

TODAY = date(2026, 11, 24)


def _codes(rows, day: date) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in rows if r.valid_from <= day and (r.valid_to is None or day <= r.valid_to)}


@pytest.mark.parametrize(
    ("day", "present", "absent"),
    [
        # a child welfare case of 2015: the old SEL children's sections
        (
            date(2015, 3, 1),
            {"SEL-50", "SEL-52-3", "SEL-52-3-6", "SEL-52-3-7", "SEL-58", "SEL-140"},
            {"BL-20", "BL-46"},
        ),
        # employment in 2015 and 2019: the LAB as numbered then, not from 2020
        (
            date(2015, 3, 1),
            {"LAB2015-KAP9", "LAB2015-KAP11", "LAB2015-KAP12A", "LAS2014-25"},
            {"LAB-40", "LAB-KAP11"},
        ),
        (
            date(2019, 6, 1),
            {"LAB2015-30B", "LAB2015-KAP9B", "LAS2014-23-24"},
            {"LAB-40", "LAB-40-3", "LAB-KAP26"},
        ),
        (date(2020, 1, 1), {"LAB-40", "LAB-40-3", "LAB-KAP11", "LAB-KAP26"}, {"LAB2015-KAP9", "LAB2015-30B"}),
        # early 2025: kontanthjælp under the old § 25, not yet §§ 16-20
        (date(2025, 2, 1), {"LAS2014-25", "BL-32-1", "SEL-100-MERUDG"}, {"LAS-16-20", "SEL-50"}),
        (date(2025, 7, 1), {"LAS-16-20"}, {"LAS2014-25", "LAS2014-23-24"}),
        (date(2023, 12, 31), {"SEL-52-3", "SEL-45", "SEL-76"}, {"BL-32-1"}),
        (date(2024, 1, 1), {"BL-32-1", "BL-89"}, {"SEL-52-3", "SEL-45"}),
    ],
)
def test_each_year_offers_the_sections_in_force_then(day: date, present: set[str], absent: set[str]) -> None:
    codes = _codes(read_catalogue(), day)
    assert present <= codes, present - codes
    assert not absent & codes, absent & codes


def test_a_2015_start_can_be_recorded_on_the_store(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        in_2015 = {row.code for row in sections_valid_on(s, date(2015, 5, 1))}
    assert {"SEL-52-3-7", "LAB2015-KAP11", "LAS2014-25"} <= in_2015
    assert "LAB-KAP11" not in in_2015


def test_the_migration_moves_only_the_dates_the_program_shipped(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    """Migration 0021 on an older store: shipped dates move, a municipality's edit stays."""
    from alembic import command

    from app.store import migrate

    engine = sqlite_context.engine
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
        conn.execute(text("UPDATE law_sections SET valid_from = '2017-01-01' WHERE code = 'LAB-KAP26'"))
    with sqlite_context.sessions() as s:
        assert s.scalar(select(LawSection.valid_from).where(LawSection.code == "LAB-40")) == date(2018, 1, 1)
        assert s.scalar(select(LawSection.valid_from).where(LawSection.code == "LAB-40-3")) == date(
            2018, 7, 1
        )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with sqlite_context.sessions() as s:
        dates = dict(s.execute(select(LawSection.code, LawSection.valid_from)).all())
    assert dates["LAB-40"] == dates["LAB-40-3"] == dates["LAB-KAP11"] == date(2020, 1, 1)
    assert dates["SEL-45"] == dates["SEL-76"] == date(2011, 1, 1)
    assert dates["LAB-KAP26"] == date(2017, 1, 1)  # the municipality's own date is kept
    assert dates["LAB-KAP16A"] == date(2025, 7, 1)


# -- an intervention whose section stops applying ------------------------------------------------


def _overview(*interventions):  # type: ignore[no-untyped-def]
    return make_overview((make_member(1, born=date(1980, 1, 1)),), interventions)


@pytest.mark.parametrize(
    ("valid_to", "end", "warned"),
    [
        (date(2026, 1, 31), None, True),  # ressourceforløb, abolished for new cases: passed
        (date(2027, 2, 22), None, True),  # 90 days ahead
        (date(2027, 2, 23), None, False),  # 91 days ahead: not yet
        (date(2026, 1, 31), date(2026, 1, 31), False),  # it ends on the section's last day
        (date(2026, 1, 31), date(2026, 6, 30), True),  # planned to run past it
        (None, None, False),  # a section with no end
    ],
)
def test_an_open_intervention_past_its_sections_last_day_is_to_be_checked(
    valid_to: date | None, end: date | None, warned: bool
) -> None:
    info = replace(
        make_intervention(
            7, 1, title="Ressourceforløb", law_reference="LAB kap. 19", start=date(2025, 3, 1), end=end
        ),
        law_valid_to=valid_to,
    )
    found = section_expires(_overview(info), TODAY, WarningSettings())
    assert [(w.code, w.intervention_ids, w.day) for w in found] == (
        [(WarningCode.SECTION_EXPIRES, (7,), valid_to)] if warned else []
    )


def test_an_ended_intervention_is_not_warned() -> None:
    from app.models.enums import InterventionStatus

    info = replace(
        make_intervention(
            7, 1, start=date(2025, 3, 1), status=InterventionStatus.ENDED, end=date(2025, 12, 1)
        ),
        law_valid_to=date(2026, 1, 31),
    )
    assert section_expires(_overview(info), TODAY, WarningSettings()) == []
