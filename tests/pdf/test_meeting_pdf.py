"""The meeting documents: the one-page agreement slip, the agenda and the minutes, in the plan's
style (embedded fonts, Side x af y, the confidentiality line, /Lang da) and without CPR."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Case, Citizen
from app.models.enums import AgreementStatus, MeetingStatus, ResponsibleKind
from app.pdf import meeting_pdf
from app.pdf.meeting_pdf import (
    SLIP_CLIP,
    build_agenda,
    build_agreement_slip,
    build_minutes,
    write_meeting_pdf,
)
from app.services.common.clock import LOCAL_TZ
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import MeetingInfo, ParticipantInfo, approved_plan_number, case_meetings
from app.services.plan.plan_document import AgreementView, PlanDocument, load_plan_document
from tests.pdf.fonts import assert_fonts_embedded

TODAY = date(2026, 11, 24)
CONFIDENTIAL = "Fortroligt – indeholder personoplysninger"
DEADLINES = (
    (date(2026, 12, 1), "Børnefaglig undersøgelse færdig for Freja", "BL § 20"),
    (date(2026, 11, 20), "Opfølgning på Emils indsats", "BL § 94, stk. 1"),
    (date(2027, 1, 3), "Barnets plan for Oliver", "BL § 91"),
)


@dataclasses.dataclass(frozen=True)
class Lise:
    doc: PlanDocument
    held: MeetingInfo  # the last network meeting, held 3 November 2026 (plan version 1 approved)
    next: MeetingInfo  # the planned follow-up meeting on 5 January 2027
    approved: int | None
    cprs: tuple[str, ...]


@pytest.fixture
def lise(sqlite_context: Any) -> Lise:
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
    with sqlite_context.sessions() as s:
        case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
        assert case_id is not None
        meetings = case_meetings(s, case_id)
        held = [m for m in meetings if m.status == MeetingStatus.HELD][-1]
        planned = next(m for m in meetings if m.status == MeetingStatus.PLANNED)
        doc = load_plan_document(s, case_id)
        approved = approved_plan_number(s, held.id)
        cprs = tuple(c for c in s.scalars(select(Citizen.cpr)) if c)
    assert doc.plan is not None and held.minutes
    return Lise(doc, held, planned, approved, cprs)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def text_of(pdf: bytes) -> str:
    return flat("\n".join(pages(pdf)))


def _open(doc: PlanDocument) -> list[AgreementView]:
    assert doc.plan is not None
    return [a for a in doc.plan.agreements if a.status == AgreementStatus.OPEN]


def _with_agreements(doc: PlanDocument, agreements: list[AgreementView]) -> PlanDocument:
    assert doc.plan is not None
    return dataclasses.replace(doc, plan=dataclasses.replace(doc.plan, agreements=tuple(agreements)))


def _twelve(doc: PlanDocument) -> list[AgreementView]:
    """Twelve agreements of the length caseworkers write, with everyone kind of responsible."""
    whats = (
        "Sende skema om tabt arbejdsfortjeneste til Lise",
        "Indkalde skolen og PPR til et møde om Frejas fravær",
        "Søge om aflastning en weekend om måneden",
        "Ringe til tandlægen og aftale en tid til Emil inden jul",
        "Finde en fritidsjobannonce sammen med Oliver og hjælpe med ansøgningen",
        "Tale med lægen om Lises søvn og medicin",
        "Lave en ugeplan med faste tider for lektier og sengetid",
        "Undersøge om familien kan få tilskud til Frejas håndboldkontingent",
        "Sende referat af mødet til alle deltagere",
        "Aftale praktikstart med virksomhedskonsulenten i jobcentret",
        "Følge op på ansøgningen om boligstøtte hos Udbetaling Danmark",
        "Give besked til skolen, hvis Emil er syg om morgenen",
    )
    who = (
        (ResponsibleKind.COORDINATOR, 1, "Lone Madsen"),
        (ResponsibleKind.PROFESSIONAL, 1, "Mohammed Laursen (Mentor)"),
        (ResponsibleKind.MEMBER, doc.members[0].citizen_id, "Lise Holm Jensen"),
        (ResponsibleKind.PROFESSIONAL, 3, "Malthe Søndergaard (Familiebehandler)"),
    )
    return [
        AgreementView(what, *who[i % len(who)], date(2026, 12, 1 + i), AgreementStatus.OPEN)
        for i, what in enumerate(whats)
    ]


# -- the agreement slip ------------------------------------------------------------------------


def test_slip_holds_the_open_agreements_the_next_meeting_and_the_coordinator(lise: Lise) -> None:
    pdf = build_agreement_slip(lise.doc, lise.held, lise.next, today=TODAY)
    assert len(pages(pdf)) == 1
    text = text_of(pdf)
    assert "Det aftalte vi i dag" in text
    assert "Familien Holm Jensen" in text
    assert "Netværksmøde · Tirsdag den 3. november 2026 kl. 14.00–15.30" in text
    assert "Hvad Hvem Senest" in text
    for agreement in _open(lise.doc):
        assert flat(agreement.what) in text
        assert agreement.due_date is not None and f"{agreement.due_date:%d.%m.%Y}" in text
    assert "Lone Madsen (koordinator)" in text and "Lise" in text
    assert "Næste møde" in text
    assert "Tirsdag den 5. januar 2027 kl. 10.00–11.30" in text
    assert "Rådhuset, mødelokale 2" in text
    assert lise.doc.coordinator_name in text and lise.doc.coordinator_phone in text
    assert "Side 1 af 1" in text and CONFIDENTIAL in text and lise.doc.case_number in text


def test_slip_leaves_out_done_agreements_and_says_when_the_next_meeting_is_not_set(lise: Lise) -> None:
    open_ = _open(lise.doc)
    done = dataclasses.replace(open_[0], what="Hente skemaet på rådhuset", status=AgreementStatus.DONE)
    doc = _with_agreements(lise.doc, [done, *open_[1:]])
    text = text_of(build_agreement_slip(doc, lise.held, None, today=TODAY))
    assert "Hente skemaet på rådhuset" not in text
    assert "Næste møde aftales." in text
    cancelled = dataclasses.replace(lise.next, status=MeetingStatus.CANCELLED)
    assert "Næste møde aftales." in text_of(build_agreement_slip(doc, lise.held, cancelled, today=TODAY))
    empty = text_of(build_agreement_slip(_with_agreements(doc, []), lise.held, None, today=TODAY))
    assert "Der er ingen åbne aftaler lige nu." in empty


def test_slip_is_one_page_with_twelve_agreements_all_shown(lise: Lise) -> None:
    twelve = _twelve(lise.doc)
    doc = _with_agreements(lise.doc, twelve)
    long_place = dataclasses.replace(lise.next, place="Familiehuset, Nørregade 12, 1. sal, mødelokale Ærø")
    pdf = build_agreement_slip(doc, lise.held, long_place, today=TODAY)
    assert len(pages(pdf)) == 1
    text = text_of(pdf)
    for agreement in twelve:
        assert flat(agreement.what) in text  # none shortened or left out
    assert "aftaler mere" not in text
    assert "Tirsdag den 5. januar 2027" in text and lise.doc.coordinator_phone in text


def test_slip_shrinks_the_text_before_it_shortens_or_leaves_out(lise: Lise) -> None:
    fonts = meeting_pdf.register_fonts()

    def sizes(pdf: bytes) -> set[float]:
        found: set[float] = set()

        def visit(_text: str, _cm: Any, tm: Any, font: Any, size: float) -> None:
            if _text.strip():
                found.add(round(size * tm[0], 1))

        PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
        return found

    assert fonts.regular
    three = build_agreement_slip(lise.doc, lise.held, lise.next, today=TODAY)
    fourteen = _twelve(lise.doc) + _twelve(lise.doc)[:2]
    longer = _with_agreements(
        lise.doc, [dataclasses.replace(a, what=a.what + " – og give besked") for a in fourteen]
    )
    squeezed = build_agreement_slip(longer, lise.held, lise.next, today=TODAY)
    assert len(pages(squeezed)) == 1
    assert 11.0 in sizes(three)
    assert 11.0 not in sizes(squeezed) and min(sizes(squeezed)) > 6
    text = text_of(squeezed)
    assert all(flat(a.what) in text for a in longer.plan.agreements)  # type: ignore[union-attr]


def test_slip_stays_one_page_however_long_the_list(lise: Lise) -> None:
    essay = "Vi skal tale med mange forskellige mennesker om det her i løbet af foråret. " * 8
    many = [dataclasses.replace(a, what=f"{i}. {essay}") for i, a in enumerate(_twelve(lise.doc) * 4)]
    pdf = build_agreement_slip(_with_agreements(lise.doc, many), lise.held, lise.next, today=TODAY)
    assert len(pages(pdf)) == 1
    text = text_of(pdf)
    assert "aftaler mere. Alle aftaler står i planen." in text
    assert "0. Vi skal tale" in text  # the first ones are kept, shortened
    assert len(essay) > SLIP_CLIP and flat(essay) not in text
    assert "Tirsdag den 5. januar 2027" in text and lise.doc.coordinator_name in text


def test_slip_for_a_case_without_a_plan(lise: Lise) -> None:
    doc = dataclasses.replace(lise.doc, plan=None)
    text = text_of(build_agreement_slip(doc, lise.held, lise.next, today=TODAY))
    assert "Der er ingen åbne aftaler lige nu." in text and "Familien Holm Jensen" in text


# -- the agenda --------------------------------------------------------------------------------


def test_agenda_has_every_point_in_order(lise: Lise) -> None:
    doc = lise.doc
    assert doc.plan is not None
    pdf = build_agenda(doc, lise.next, DEADLINES, today=TODAY, consent_missing=["Oliver Holm Jensen"])
    text = text_of(pdf)
    points = [
        "1. Velkommen og runde",
        "2. Mål vi følger op på",
        "3. Aftaler",
        "4. Samtykke",
        "5. Frister",
        "6. Næste møde",
        "7. Eventuelt",
    ]
    positions = [text.index(p) for p in points]
    assert positions == sorted(positions)
    assert text.startswith("Dagsorden Familien Holm Jensen")
    assert "Opfølgningsmøde · Tirsdag den 5. januar 2027 kl. 10.00–11.30" in text
    assert "Inviteret: Lise Holm Jensen, Oliver Holm Jensen" in text
    for goal in doc.plan.goals:
        assert flat(goal.text) in text
    first = doc.plan.goals[0].scores[-1]
    assert f"Familien: {first.family_score}/10 · Fagpersonerne: {first.professional_score}/10" in text
    for agreement in _open(doc):
        assert flat(agreement.what) in text
    assert "Oliver Holm Jensen Mangler – tales om på mødet" in text
    assert "Lise Holm Jensen Givet" in text and "Emil Holm Jensen Givet" in text
    for due, title, law in DEADLINES:
        assert f"{due:%d.%m.%Y}" in text and title in text and law in text
    assert text.index("Opfølgning på Emils indsats") < text.index("Børnefaglig undersøgelse")  # by date
    assert "20.11.2026 overskredet" in text  # before today
    assert "01.12.2026 overskredet" not in text
    assert "Vi aftaler tid og sted for næste møde." in text
    texts = pages(pdf)
    for i, page in enumerate(texts, start=1):
        assert f"Side {i} af {len(texts)}" in page and CONFIDENTIAL in page


def test_agenda_with_its_own_points_a_booked_next_meeting_and_nothing_else(lise: Lise) -> None:
    meeting = dataclasses.replace(
        lise.held, agenda="Oliver vil gerne fortælle om fritidsjobbet\n- Ferieplaner"
    )
    later = dataclasses.replace(lise.next, starts_at=datetime(2027, 2, 2, 9, 0, tzinfo=LOCAL_TZ))
    text = text_of(build_agenda(lise.doc, meeting, [], today=TODAY, next_meeting=later))
    assert "2. Punkter til dette møde" in text
    assert "Oliver vil gerne fortælle om fritidsjobbet" in text and "Ferieplaner" in text
    assert "Ingen frister i de kommende uger." in text
    assert "Allerede planlagt (opfølgningsmøde): Tirsdag den 2. februar 2027" in text
    assert "Mangler" not in text
    bare = text_of(build_agenda(dataclasses.replace(lise.doc, plan=None), meeting, [], today=TODAY))
    assert "Planen har ingen åbne mål endnu." in bare and "Der er ingen åbne aftaler." in bare


# -- the minutes -------------------------------------------------------------------------------


def test_minutes_hold_who_came_the_text_the_agreements_and_the_approved_version(lise: Lise) -> None:
    doc, held = lise.doc, lise.held
    assert doc.plan is not None and lise.approved == 1
    text = text_of(build_minutes(doc, held, today=TODAY, approved_version=lise.approved))
    assert text.startswith("Referat Familien Holm Jensen")
    assert "Netværksmøde · Tirsdag den 3. november 2026 kl. 14.00–15.30" in text
    assert "Til stede" in text
    for person in held.participants:
        assert person.attended and person.name in text
    assert flat(held.minutes) in text
    assert "Hvad Hvem Senest Status" in text
    for agreement in doc.plan.agreements:
        assert flat(agreement.what) in text
    assert "Version 1 af planen blev godkendt på mødet." in text
    assert f"Referent: {doc.coordinator_name}, koordinator" in text
    assert "Side 1 af 1" in text


def test_minutes_name_the_absent_and_fall_back_to_everyone_invited(lise: Lise) -> None:
    people = list(lise.held.participants)
    people[1] = dataclasses.replace(people[1], attended=False)
    text = text_of(
        build_minutes(lise.doc, dataclasses.replace(lise.held, participants=tuple(people)), today=TODAY)
    )
    assert f"Ikke til stede: {people[1].name}" in text
    assert "godkendt på mødet" not in text
    unknown = tuple(dataclasses.replace(p, attended=None) for p in people)
    meeting = dataclasses.replace(lise.next, participants=unknown)
    text = text_of(build_minutes(lise.doc, meeting, today=TODAY))
    assert all(p.name in text for p in unknown)
    assert "fremmødet er ikke registreret" in text
    assert "Referatet er ikke skrevet endnu." in text


# -- no CPR, fonts, metadata -------------------------------------------------------------------


def _all_documents(lise: Lise, doc: PlanDocument | None = None, **meeting_changes: Any) -> Iterator[bytes]:
    doc = doc or lise.doc
    held = dataclasses.replace(lise.held, **meeting_changes)
    yield build_agreement_slip(doc, held, lise.next, today=TODAY)
    yield build_agenda(doc, held, DEADLINES, today=TODAY, consent_missing=["Lise Holm Jensen"])
    yield build_minutes(doc, held, today=TODAY, approved_version=1)


def test_no_cpr_number_is_printed_even_when_typed_into_free_text(lise: Lise) -> None:
    cpr = lise.cprs[0]
    typed = {
        "minutes": f"Lise ({cpr[:6]}-{cpr[6:]}) fortalte om hverdagen.",
        "agenda": f"Sagen om {cpr}",
        "place": f"Hos {cpr}",
    }
    extra = ParticipantInfo("guest:x", f"Gæst {cpr}", "", "guest", True)
    open_ = _open(lise.doc)
    doc = _with_agreements(
        lise.doc, [dataclasses.replace(open_[0], what=f"Skriv {cpr} på skemaet"), *open_[1:]]
    )
    documents = _all_documents(lise, doc, participants=(*lise.held.participants, extra), **typed)
    for pdf in documents:
        raw = "\n".join(pages(pdf))
        squeezed = "".join(raw.split())
        for number in lise.cprs:
            assert number not in squeezed and f"{number[:6]}-{number[6:]}" not in squeezed
        assert "[cpr-nr.fjernet]" in squeezed


def test_every_font_is_embedded_truetype(lise: Lise) -> None:
    for pdf in _all_documents(lise):
        assert_fonts_embedded(pdf)


def test_metadata_and_language(lise: Lise) -> None:
    titles = ("Det aftalte vi i dag", "Dagsorden", "Referat")
    for pdf, title in zip(_all_documents(lise), titles, strict=True):
        reader = PdfReader(io.BytesIO(pdf))
        meta = reader.metadata
        assert meta is not None
        assert meta.title == f"{title} – Familien Holm Jensen"
        assert meta.author == lise.doc.coordinator_name
        assert meta.subject == f"{title}, netværksmøde 03.11.2026, sag {lise.doc.case_number}"
        assert reader.trailer["/Root"]["/Lang"] == "da"


def test_later_pages_carry_the_header(lise: Lise) -> None:
    many = _twelve(lise.doc) * 3
    pdf = build_agenda(_with_agreements(lise.doc, many), lise.next, DEADLINES, today=TODAY)
    texts = pages(pdf)
    assert len(texts) >= 2
    assert "Dagsorden · Familien Holm Jensen" in texts[1]
    assert "Hvad Hvem Senest" in flat(texts[1]) or "Hvad Hvem Senest" in flat(texts[2])  # header repeats


def test_write_is_whole_or_nothing(lise: Lise, tmp_path: Path) -> None:
    target = tmp_path / "aftaleseddel.pdf"
    data = build_agreement_slip(lise.doc, lise.held, lise.next, today=TODAY)
    write_meeting_pdf(data, target)
    assert target.read_bytes() == data
    with pytest.raises(OSError):
        write_meeting_pdf(data, tmp_path / "nowhere" / "x.pdf")
