"""The per-recipient PDF omits what is not covered: the school's copy of Lise's plan has no
word of Oliver's or Emil's parts, says what was left out and whom the copy is for; the
family's copy is the complete plan as before."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from app.pdf.plan_pdf import build_plan_pdf
from app.services.demo.demo import generate_demo
from app.services.plan.recipient_copy import RecipientCopy, load_recipient_copy
from tests.lise_consents import AGREEMENT_TEXT, GOAL_TEXT, SCHOOL, SECTION_TEXT, prepare_lise

TODAY = date(2026, 11, 24)


def pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages(pdf))


@pytest.fixture
def copies(sqlite_context: Any) -> tuple[RecipientCopy, RecipientCopy]:
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=1, seed=1, today=TODAY, my_login="tester")
        lise = prepare_lise(s, TODAY)
    with sqlite_context.sessions() as s:
        return (
            load_recipient_copy(s, lise.case_id, SCHOOL, TODAY),
            load_recipient_copy(s, lise.case_id, None, TODAY),
        )


def school_pdf(copy: RecipientCopy, large_print: bool = False) -> bytes:
    return build_plan_pdf(
        copy.document,
        today=TODAY,
        large_print=large_print,
        recipient=copy.recipient_label,
        omitted=copy.omitted,
    )


@pytest.mark.parametrize("large_print", [False, True])
def test_the_schools_pdf_omits_what_is_not_covered(
    copies: tuple[RecipientCopy, RecipientCopy], large_print: bool
) -> None:
    school, _ = copies
    all_pages = pages(school_pdf(school, large_print))
    text = " ".join(all_pages)
    for first in ("Oliver", "Emil"):
        assert SECTION_TEXT[first] not in text
        assert GOAL_TEXT[first] not in text
        assert AGREEMENT_TEXT[first] not in text
        assert f"Om {first}" not in text  # no heading of their section either
    assert "Samtalegruppe for børn, der har oplevet vold" not in text  # Emil's help
    assert "Fast kontaktperson" not in text  # Oliver's help
    assert "Virksomhedspraktik" not in text  # Lise's help from the job centre: not consented
    assert "Sådan er situationen nu" not in text  # the family's common sections
    # What was shared.
    assert SECTION_TEXT["Freja"] in text and SECTION_TEXT["Lise"] in text
    assert "Om Freja" in text and "Støtte i klassen" in text
    # Whom it is for and what was left out, on page 1.
    assert "Kopi til: Skolen" in all_pages[0]
    assert "Udeladt på grund af manglende samtykke" in all_pages[0]
    for statement in school.omitted:
        assert statement in all_pages[0]
    assert (
        "Det, der står om to familiemedlemmer, er udeladt: der er ikke samtykke til at dele det med Skolen."
        in all_pages[0]
    )
    # It names no member it does not cover, is not signed and names no next meeting.
    assert "Planen gælder for Lise og Freja" in all_pages[0]
    for first in ("Oliver", "Emil"):
        assert f"Gælder {first}" not in text and f"står om {first}" not in text
        assert f"{first} Holm Jensen" not in text
    assert "Underskrifter" not in text and "Næste møde" not in text
    # Every page's footer says it is the school's copy.
    assert all("Kopi til Skolen" in page for page in all_pages)


def test_the_familys_pdf_is_complete_and_unchanged(copies: tuple[RecipientCopy, RecipientCopy]) -> None:
    _, family = copies
    assert family.complete
    pdf = build_plan_pdf(
        family.document, today=TODAY, recipient=family.recipient_label, omitted=family.omitted
    )
    text = text_of(pdf)
    assert "Kopi til" not in text and "Udeladt på grund af manglende samtykke" not in text
    for secret in [*SECTION_TEXT.values(), *GOAL_TEXT.values(), *AGREEMENT_TEXT.values()]:
        assert secret in text
    assert "Sådan er situationen nu" in text
    assert "Underskrifter" in text and "Næste møde" in text  # the family's copy is signed
    assert text == text_of(build_plan_pdf(family.document, today=TODAY))


def test_the_copy_is_named_in_the_metadata(copies: tuple[RecipientCopy, RecipientCopy]) -> None:
    school, _ = copies
    meta = PdfReader(io.BytesIO(school_pdf(school))).metadata
    assert meta is not None and "kopi til Skolen" in (meta.subject or "")
