"""The printed plan: what the family reads is all there, in Danish, with no CPR number in it,
embedded fonts, page x of y, the /Lang catalog entry and a large-print variant."""

from __future__ import annotations

import dataclasses
import io
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Case, Citizen, FamilyMember
from app.models.enums import AgreementStatus, ResponsibleKind
from app.pdf import plan_pdf
from app.pdf.fonts import printable, register_fonts
from app.pdf.plan_pdf import NoPlanError, build_plan_pdf, write_plan_pdf
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import AgreementView, PlanDocument, load_plan_document
from tests.pdf.fonts import assert_fonts_embedded

TODAY = date(2026, 11, 24)


@dataclasses.dataclass(frozen=True)
class Lise:
    draft: PlanDocument
    approved: PlanDocument
    single: PlanDocument  # Susanne Laursen's case: a single citizen
    cprs: tuple[str, ...]  # every citizen's real CPR in the store


@pytest.fixture
def lise(sqlite_context: Any) -> Lise:
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
    with sqlite_context.sessions() as s:
        case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
        single_id = s.scalar(select(Case.id).where(Case.family_id.is_(None)).limit(1))
        assert case_id is not None and single_id is not None
        draft = load_plan_document(s, case_id)
        approved_id = next(v.id for v in draft.history if v.approved_on is not None)
        approved = load_plan_document(s, case_id, approved_id)
        single = load_plan_document(s, single_id)
        cprs = tuple(c for c in s.scalars(select(Citizen.cpr)) if c)
        lise_cprs = s.scalars(
            select(Citizen.cpr)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .join(Case, Case.family_id == FamilyMember.family_id)
            .where(Case.id == case_id)
        ).all()
    assert len(lise_cprs) == 4 and all(lise_cprs)
    return Lise(draft, approved, single, cprs)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace folded: a sentence wrapped over two lines is still found."""
    return " ".join(text.split())


def text_of(pdf: bytes) -> str:
    return flat("\n".join(pages(pdf)))


# -- content -----------------------------------------------------------------------------------


def test_lise_plan_holds_every_section_goal_agreement_and_the_coordinator(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    text = text_of(build_plan_pdf(doc, today=TODAY))
    assert "Vores fælles plan" in text
    assert doc.family_name in text
    for name, section in doc.plan.sections:
        assert section.strip(), f"demo plan has an empty {name}"
        assert flat(section) in text, name
    for goal in doc.plan.goals:
        assert flat(goal.text) in text
    for agreement in doc.plan.agreements:
        assert flat(agreement.what) in text
    for offer in doc.offers:
        for item in offer.items:
            assert flat(item.title) in text
    assert doc.coordinator_name in text and doc.coordinator_phone in text
    assert doc.partner_name in text and doc.partner_phone in text
    assert "Barnets lov § 32, stk. 1 – Støttende indsatser" in text
    assert "Fortroligt – indeholder personoplysninger" in text
    assert doc.case_number in text
    assert "Udskrevet 24.11.2026" in text


def test_headings_are_plain_danish_and_in_the_familys_order(lise: Lise) -> None:
    text = text_of(build_plan_pdf(lise.draft, today=TODAY))
    headings = [
        "Det arbejder vi hen imod",
        "Det har vi aftalt",
        "Med jeres egne ord",
        "Sådan er situationen nu",
        "Det går godt",
        "Det er svært",
        "Rækkefølgen",
        "Sådan følger vi op",
        "Når planen slutter",
        "Den hjælp I får",
        "Næste møde",
        "Underskrifter",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Jeres koordinator" in text
    assert "Planen gælder for Lise, Oliver, Freja og Emil" in text


def test_goal_tree_shows_who_it_concerns_target_date_and_latest_scores(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    text = text_of(build_plan_pdf(doc, today=TODAY))
    first = doc.plan.goals[0]
    last = first.scores[-1]
    assert f"Mål: {first.text}" in text
    assert f"Gælder Lise · Senest {first.target_date:%d.%m.%Y}" in text
    assert f"Familien: {last.family_score}/10 · Fagpersonerne: {last.professional_score}/10" in text
    assert "Delmål:" in text and "Skridt på vejen:" in text
    shared = dataclasses.replace(
        doc.plan, goals=(dataclasses.replace(first, member_ids=(), scores=()), *doc.plan.goals[1:])
    )
    assert "Gælder hele familien" in text_of(
        build_plan_pdf(dataclasses.replace(doc, plan=shared), today=TODAY)
    )


def test_agreements_open_first_with_status_in_words(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    done = AgreementView(
        "Hente skemaet på rådhuset",
        ResponsibleKind.MEMBER,
        doc.members[0].citizen_id,
        "",
        None,
        AgreementStatus.DONE,
    )
    plan = dataclasses.replace(doc.plan, agreements=(done, *doc.plan.agreements))
    text = text_of(build_plan_pdf(dataclasses.replace(doc, plan=plan), today=TODAY))
    assert text.index(doc.plan.agreements[-1].what) < text.index("Hente skemaet på rådhuset")
    assert "Skal gøres" in text and "Gjort" in text
    assert "Hvad Hvem Senest Status" in text


def test_no_cpr_number_is_printed(lise: Lise) -> None:
    for doc in (lise.draft, lise.approved, lise.single):
        for large in (False, True):
            raw = "\n".join(pages(build_plan_pdf(doc, today=TODAY, large_print=large)))
            squeezed = "".join(raw.split())
            for cpr in lise.cprs:
                assert len(cpr) == 10
                for form in (cpr, f"{cpr[:6]}-{cpr[6:]}"):
                    assert form not in raw and form not in squeezed


def test_page_x_of_y_on_every_page(lise: Lise) -> None:
    texts = pages(build_plan_pdf(lise.draft, today=TODAY))
    n = len(texts)
    assert n >= 2
    assert f"Side 1 af {n}" in texts[0]
    assert f"Side {n} af {n}" in texts[-1]
    for i, page in enumerate(texts, start=1):
        assert f"Side {i} af {n}" in page
        assert "Fortroligt – indeholder personoplysninger" in page
        assert lise.draft.case_number in page


# -- drafts, versions, variants ----------------------------------------------------------------


def test_draft_is_marked_and_approved_version_is_not(lise: Lise) -> None:
    draft = text_of(build_plan_pdf(lise.draft, today=TODAY))
    assert "UDKAST" in draft and "Udkast" in draft
    approved = text_of(build_plan_pdf(lise.approved, today=TODAY))
    assert lise.approved.plan is not None and lise.approved.plan.approved_on is not None
    assert f"Version 1, godkendt {lise.approved.plan.approved_on:%d.%m.%Y}" in approved
    assert "UDKAST" not in approved and "Udkast" not in approved


def test_large_print_has_the_same_content_on_more_pages(lise: Lise) -> None:
    normal = build_plan_pdf(lise.draft, today=TODAY)
    large = build_plan_pdf(lise.draft, today=TODAY, large_print=True)
    assert len(pages(large)) > len(pages(normal))
    text = text_of(large)
    assert lise.draft.plan is not None
    for goal in lise.draft.plan.goals:
        assert flat(goal.text) in text
    for agreement in lise.draft.plan.agreements:
        assert flat(agreement.what) in text
    assert "Skal gøres" in text  # the status folded under the date


def test_large_print_body_is_at_least_16_pt() -> None:
    from app.pdf.styles import plan_styles

    styles = plan_styles(True)
    assert min(styles.body.fontSize, styles.cell.fontSize, styles.bullet.fontSize) >= 16
    assert plan_styles(False).body.fontSize < styles.body.fontSize


def test_empty_sections_are_left_out(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    plan = dataclasses.replace(
        doc.plan,
        sections=tuple(
            (name, "" if name in ("barriers", "closing") else text) for name, text in doc.plan.sections
        ),
        agreements=(),
    )
    text = text_of(
        build_plan_pdf(dataclasses.replace(doc, plan=plan, offers=(), next_meeting=None), today=TODAY)
    )
    for heading in ("Det er svært", "Når planen slutter", "Det har vi aftalt", "Den hjælp I får"):
        assert heading not in text
    assert "Sådan er situationen nu" in text
    assert "Næste møde Tidspunktet aftales." in text


def test_member_sections_next_meeting_and_signatures(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    emil = next(m for m in doc.members if m.first_name == "Emil")
    plan = dataclasses.replace(
        doc.plan, member_sections=((emil.citizen_id, "Emil elsker at spille fodbold."),)
    )
    meeting = datetime(2027, 1, 5, 9, 0, tzinfo=UTC)  # 10.00 in Copenhagen
    text = text_of(build_plan_pdf(dataclasses.replace(doc, plan=plan, next_meeting=meeting), today=TODAY))
    assert "Om Emil Emil elsker at spille fodbold." in text
    assert "Om Lise" not in text  # no text, no heading
    assert "Tirsdag den 5. januar 2027 kl. 10.00" in text
    assert "Lise Holm Jensen" in text.split("Underskrifter")[1]
    assert "Oliver Holm Jensen" not in text.split("Underskrifter")[1]  # a child does not sign
    assert f"{doc.coordinator_name}, koordinator" in text


@pytest.mark.parametrize(
    ("kind", "place", "video", "where"),
    [
        ("network", "Rådhuset, mødelokale 2", "", "Netværksmøde · Rådhuset, mødelokale 2"),
        ("follow_up", "", "https://video.example/abc", "Opfølgningsmøde · Video: https://video.example/abc"),
        ("status", "Hjemme hos familien & co <b>", "", "Statusmøde · Hjemme hos familien & co <b>"),
        ("closing", "", "", "Afslutningsmøde"),
    ],
)
def test_the_next_meeting_says_when_until_what_and_where(  # type: ignore[no-untyped-def]
    lise: Lise, kind: str, place: str, video: str, where: str
) -> None:
    from app.services.plan.plan_document import NextMeeting

    starts = datetime(2027, 1, 5, 9, 0, tzinfo=UTC)  # 10.00-11.30 in Copenhagen
    info = NextMeeting(starts, datetime(2027, 1, 5, 10, 30, tzinfo=UTC), kind, place, video)
    doc = dataclasses.replace(lise.draft, next_meeting=starts, next_meeting_info=info)
    text = text_of(build_plan_pdf(doc, today=TODAY))
    after = text.split("Næste møde", 1)[1]
    assert "5. januar 2027" in after and "10.00" in after and "11.30" in after
    assert where in after


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize(
    ("days", "status", "late"),
    [
        (-1, AgreementStatus.OPEN, True),
        (-400, AgreementStatus.OPEN, True),
        (0, AgreementStatus.OPEN, False),  # due today: not late yet
        (3, AgreementStatus.OPEN, False),
        (-1, AgreementStatus.DONE, False),
        (-1, AgreementStatus.CANCELLED, False),
    ],
)
def test_an_open_agreement_past_its_date_is_marked(  # type: ignore[no-untyped-def]
    lise: Lise, days: int, status: AgreementStatus, late: bool, large: bool
) -> None:
    from datetime import timedelta

    doc = lise.draft
    assert doc.plan is not None
    only = AgreementView(
        "Ringe til tandlægen",
        ResponsibleKind.MEMBER,
        doc.members[0].citizen_id,
        "",
        TODAY + timedelta(days=days),
        status,
    )
    plan = dataclasses.replace(doc.plan, agreements=(only,))
    text = text_of(build_plan_pdf(dataclasses.replace(doc, plan=plan), today=TODAY, large_print=large))
    table = text.split("Det har vi aftalt", 1)[1][:300]
    assert ("Over tid" in table) is late


@pytest.mark.parametrize(
    ("phone", "printed"),
    [("49 28 27 82", "Kontakt: Anne Ahl, telefon 49 28 27 82"), ("", "Kontakt: Anne Ahl")],
)
def test_the_help_names_whom_to_call_and_their_phone(lise: Lise, phone: str, printed: str) -> None:
    doc = lise.draft
    line = doc.offers[0]
    item = dataclasses.replace(line.items[0], professional="Anne Ahl", professional_phone=phone)
    offers = (dataclasses.replace(line, items=(item,)),)
    text = text_of(build_plan_pdf(dataclasses.replace(doc, offers=offers), today=TODAY))
    assert printed in text
    assert ("telefon" in text.split("Kontakt: Anne Ahl", 1)[1][:12]) is bool(phone)


def test_single_citizen_plan_speaks_to_one_person(lise: Lise) -> None:
    person = lise.single.members[0]
    offer = dataclasses.replace(lise.draft.offers[0], citizen_id=person.citizen_id)
    text = text_of(build_plan_pdf(dataclasses.replace(lise.single, offers=(offer,)), today=TODAY))
    assert "Din koordinator" in text and "Med dine egne ord" in text
    assert f"Den hjælp du får • {offer.items[0].title}" in text  # no heading with the person's name
    assert "jeres" not in text.lower() and "hele familien" not in text
    assert f"Underskrifter Vi har lavet planen sammen og er enige om den. Dato {person.name}" in text


def test_text_the_font_lacks_and_markup_characters_print_safely(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    odd = "Vi <b>mødes</b> & taler om Ödön Lőrincz 😀 og Nguyễn\n- første punkt\n- andet punkt"
    plan = dataclasses.replace(
        doc.plan, sections=tuple((n, odd if n == "summary" else t) for n, t in doc.plan.sections)
    )
    text = text_of(build_plan_pdf(dataclasses.replace(doc, plan=plan), today=TODAY))
    assert "Vi <b>mødes</b> & taler om Ödön Lorincz og Nguyen" in text
    assert "• første punkt" in text
    assert printable("Lőrincz") == "Lorincz"
    assert printable("æøå ÆØÅ § – ·") == "æøå ÆØÅ § – ·"


def text_starts(page: Any) -> list[float]:
    """Where each run of text starts on the page (x, in points)."""
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    page.extract_text(visitor_text=visit)
    return xs


def test_very_long_text_wraps_inside_the_table(lise: Lise) -> None:
    doc = lise.draft
    assert doc.plan is not None
    long_word = "Beskæftigelsesindsatskoordineringsmødeindkaldelse" * 3
    essay = "Vi skal tale om mange ting i løbet af foråret. " * 150
    huge = AgreementView(
        long_word + " " + essay,
        ResponsibleKind.MEMBER,
        doc.members[0].citizen_id,
        "",
        TODAY,
        AgreementStatus.OPEN,
    )
    plan = dataclasses.replace(doc.plan, agreements=(huge, *doc.plan.agreements))
    for large in (False, True):
        pdf = build_plan_pdf(dataclasses.replace(doc, plan=plan), today=TODAY, large_print=large)
        text = text_of(pdf)
        assert long_word in "".join(text.split())  # cut to fit the cell, but all there
        reader = PdfReader(io.BytesIO(pdf))
        width = float(reader.pages[0].mediabox.width)
        for page in reader.pages:
            assert all(0 <= x < width - 40 for x in text_starts(page))


def test_a_case_without_a_plan_is_refused(lise: Lise) -> None:
    with pytest.raises(NoPlanError):
        build_plan_pdf(dataclasses.replace(lise.draft, plan=None), today=TODAY)


# -- fonts and metadata ------------------------------------------------------------------------


def test_every_font_is_embedded_truetype(lise: Lise) -> None:
    for large in (False, True):
        assert_fonts_embedded(build_plan_pdf(lise.draft, today=TODAY, large_print=large))


def test_metadata_title_author_subject_and_language(lise: Lise) -> None:
    reader = PdfReader(io.BytesIO(build_plan_pdf(lise.draft, today=TODAY)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Vores fælles plan – Familien Holm Jensen"
    assert meta.author == lise.draft.coordinator_name
    assert meta.subject is not None and lise.draft.case_number in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "da"
    nameless = dataclasses.replace(lise.draft, coordinator_name="")
    meta = PdfReader(io.BytesIO(build_plan_pdf(nameless, today=TODAY))).metadata
    assert meta is not None and meta.author == "Koordinator"


def test_fonts_are_registered_once() -> None:
    assert register_fonts() is register_fonts()


# -- writing the file --------------------------------------------------------------------------


def test_write_replaces_the_file_whole_and_leaves_no_temp_file(
    lise: Lise, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.pdf"
    write_plan_pdf(lise.draft, target, today=TODAY)
    first = target.read_bytes()
    assert first.startswith(b"%PDF") and os.listdir(folder) == ["plan.pdf"]

    def broken(*_a: object, **_k: object) -> bytes:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(plan_pdf, "build_plan_pdf", broken)
    with pytest.raises(RuntimeError):
        write_plan_pdf(lise.draft, target, today=TODAY)
    assert target.read_bytes() == first
    monkeypatch.undo()

    def full_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plan_pdf.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_plan_pdf(lise.approved, target, today=TODAY)
    assert target.read_bytes() == first
    assert os.listdir(folder) == ["plan.pdf"]


def test_write_into_a_missing_folder_is_an_os_error(lise: Lise, tmp_path: Path) -> None:
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(OSError):
        write_plan_pdf(lise.draft, tmp_path / "nowhere" / "plan.pdf", today=TODAY)
    assert sorted(os.listdir(tmp_path)) == before
