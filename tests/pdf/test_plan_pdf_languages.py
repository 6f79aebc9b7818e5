"""Lise's plan printed for the family in English, Ukrainian, Polish and Arabic: the headings,
dates and footer in that language, the caseworker's text as written, the /Lang catalog entry,
embedded fonts, Arabic joined and right-aligned, and large print that lays out whatever the
names."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import select

from app.models import Case
from app.pdf.document import PAGE_WIDTH
from app.pdf.fonts import register_fonts
from app.pdf.plan_language import LANGUAGES, plan_language
from app.pdf.plan_pdf import build_plan_pdf
from app.pdf.rtl import shape, visual
from app.pdf.styles import plan_styles
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import PlanDocument, load_plan_document
from tests.pdf.fonts import assert_fonts_embedded

TODAY = date(2026, 11, 24)
OTHERS = [code for code in LANGUAGES if code != "da"]


@pytest.fixture(scope="module")
def lise(tmp_path_factory: pytest.TempPathFactory) -> PlanDocument:
    """Lise Holm Jensen's family's plan (the draft) from a demo store."""
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("lise") / "store.sqlite"), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
        with ctx.sessions() as s:
            case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
            assert case_id is not None
            return load_plan_document(s, case_id)
    finally:
        ctx.close()


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def has(text: str, wanted: str, code: str) -> bool:
    """``wanted`` is in the extracted ``text``; in Arabic each word, as it is joined, in either
    order (the extractor's order of a line that mixes directions is its own)."""
    if not plan_language(code).rtl:
        return wanted in text
    font = register_fonts(plan_language(code).font)
    flat = "".join(text.split())
    return all(
        any(form in flat for f in (font.regular, font.bold) for form in (shape(word, f), visual(word, f)))
        for word in (w.strip(":،.") for w in wanted.split())
        if word
    )


@pytest.mark.parametrize("code", OTHERS)
def test_the_fixed_texts_are_in_the_familys_language(lise: PlanDocument, code: str) -> None:
    lang = plan_language(code)
    pdf = build_plan_pdf(lise, today=TODAY, language=code)
    text = text_of(pdf)
    for key in (
        "title",
        "goals_heading",
        "agreements_heading",
        "section_summary",
        "next_meeting",
        "signatures",
    ):
        assert has(text, lang.t(key), code), key
    assert has(text, lang.voiced("help_heading", True), code)
    assert has(text, lang.t("printed_on", date=lang.long_date(TODAY)), code)
    assert has(text, lang.t("confidential"), code)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert has(text, lang.t("page", page=1, total=pages), code)
    # none of the Danish fixed texts is left
    for danish in ("Vores fælles plan", "Det har vi aftalt", "Underskrifter", "Side 1 af", "Fortroligt"):
        assert danish not in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_caseworkers_text_is_printed_as_written(lise: PlanDocument, code: str) -> None:
    plan = lise.plan
    assert plan is not None
    flat = "".join(text_of(build_plan_pdf(lise, today=TODAY, language=code)).split())
    for written in (
        lise.family_name,
        plan.goals[0].text,
        plan.agreements[0].what,
        plan.section("summary"),
        lise.coordinator_name,
    ):
        assert "".join(written.split()) in flat, written


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_language_and_embedded_fonts(lise: PlanDocument, code: str) -> None:
    for large in (False, True):
        pdf = build_plan_pdf(lise, today=TODAY, large_print=large, language=code)
        assert_fonts_embedded(pdf)
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.trailer["/Root"]["/Lang"] == code
        meta = reader.metadata
        assert meta is not None and meta.title == f"{plan_language(code).t('title')} – {lise.family_name}"


def test_danish_is_the_default_and_unchanged(lise: PlanDocument) -> None:
    assert text_of(build_plan_pdf(lise, today=TODAY)) == text_of(
        build_plan_pdf(lise, today=TODAY, language="da")
    )


def test_dates_in_running_text_have_month_names(lise: PlanDocument) -> None:
    text = text_of(build_plan_pdf(lise, today=TODAY, language="en"))
    assert "Printed on 24 November 2026" in text
    assert "Udskrevet 24.11.2026" in text_of(build_plan_pdf(lise, today=TODAY))
    assert "Надруковано 24 листопада 2026 р." in text_of(build_plan_pdf(lise, today=TODAY, language="uk"))


def _drawn(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of each run drawn on a page."""
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            runs.append((text, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("large", [False, True])
def test_arabic_is_joined_and_right_aligned(lise: PlanDocument, large: bool) -> None:
    pdf = build_plan_pdf(lise, today=TODAY, large_print=large, language="ar")
    text = text_of(pdf)
    forms = [ch for ch in text if "\ufb50" <= ch <= "\ufeff"]
    assert len(forms) > 200  # the letters printed in their joined forms
    assert not [ch for ch in text if "\u0621" <= ch <= "\u064a"]  # no unjoined letter
    # The title ends at the right margin, as the English title starts at the left one.
    lang = plan_language("ar")
    styles = plan_styles(large, lang.font)
    margin = (20 if large else 22) * mm
    title = visual(lang.t("title"), styles.title.fontName)
    width = stringWidth(title, styles.title.fontName, styles.title.fontSize)
    top = max(_drawn(pdf), key=lambda run: run[2])
    assert top[1] + width == pytest.approx(PAGE_WIDTH - margin, abs=1.0)
    english = max(
        _drawn(build_plan_pdf(lise, today=TODAY, large_print=large, language="en")), key=lambda r: r[2]
    )
    assert english[1] == pytest.approx(margin, abs=1.0)


def test_arabic_footer_has_the_page_number_on_the_left(lise: PlanDocument) -> None:
    pdf = build_plan_pdf(lise, today=TODAY, language="ar")
    runs = _drawn(pdf)
    word = shape("صفحة", register_fonts("dejavu-upright").bold)
    [y] = {run[2] for run in runs if word in run[0] or word[::-1] in run[0]}
    assert min(run[1] for run in runs if run[2] == y) == pytest.approx(22 * mm, abs=1.0)
    confidential = [run for run in runs if run[2] == y and run[1] > PAGE_WIDTH / 2]
    assert confidential  # the confidentiality line on the right


_NAME_PART = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅőŁłżЖжщ", min_size=1, max_size=40)
_NAME = st.lists(_NAME_PART, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=6, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(family=_NAME, first=_NAME, coordinator=_NAME, code=st.sampled_from(LANGUAGES))
def test_large_print_lays_out_long_names_in_every_language(
    lise: PlanDocument, family: str, first: str, coordinator: str, code: str
) -> None:
    members = tuple(
        dataclasses.replace(m, first_name=first, name=f"{first} {m.last_name}") for m in lise.members
    )
    doc = dataclasses.replace(lise, family_name=family, members=members, coordinator_name=coordinator)
    pdf = build_plan_pdf(doc, today=TODAY, large_print=True, language=code)
    reader = PdfReader(io.BytesIO(pdf))
    for page in range(len(reader.pages)):
        for run, x, _y in _drawn(pdf, page):
            assert -1 <= x < PAGE_WIDTH - 20, run


def test_a_recipients_copy_in_another_language_names_the_recipient(lise: PlanDocument) -> None:
    text = text_of(
        build_plan_pdf(lise, today=TODAY, language="en", recipient="Skolen", omitted=["Emil's goals"])
    )
    assert "Copy for: Skolen" in text and "Left out because there is no consent" in text


def test_an_arabic_name_in_the_english_copy_is_joined(lise: PlanDocument) -> None:
    doc: Any = dataclasses.replace(lise, coordinator_name="منى حسين")
    text = text_of(build_plan_pdf(doc, today=TODAY, language="en"))
    assert has(text, "منى حسين", "ar")
