"""The family page's warning about a law section that stops applying, in Danish."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.services.family.family_warnings import WarningCode, WarningSettings, section_expires
from app.ui.family.warning_texts import warning_text
from tests.factories import make_intervention, make_member, make_overview


def test_the_section_expiry_warning_names_the_help_the_person_the_section_and_the_day(danish) -> None:  # type: ignore[no-untyped-def]
    info = replace(
        make_intervention(
            7, 1, title="Ressourceforløb", law_reference="LAB kap. 19, §§ 112 ff.", start=date(2025, 3, 1)
        ),
        law_valid_to=date(2026, 1, 31),
    )
    overview = make_overview((make_member(1, "Lise", "Holm Jensen", born=date(1990, 5, 1)),), (info,))
    (warning,) = section_expires(overview, date(2026, 11, 24), WarningSettings())
    assert warning.code == WarningCode.SECTION_EXPIRES
    assert warning_text(warning, overview) == (
        "Ressourceforløb for Lise Holm Jensen er bevilget efter LAB kap. 19, §§ 112 ff., "
        "som kun gælder til og med 31.01.2026: tjek indsatsen."
    )
