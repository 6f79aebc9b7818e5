"""The meeting papers as Word files: the agenda's numbered points, the agreement slip and the
minutes hold what the printed papers hold, in the same order, as Word headings and tables, on
the letter template; a CPR number typed into the minutes or the agenda is removed."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.docx import meeting_docx
from app.docx.meeting_docx import build_paper_docx
from app.models import Case, Citizen
from app.models.enums import AgreementStatus, MeetingStatus
from app.pdf import meeting_pdf
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import MeetingInfo, approved_plan_number, case_meetings
from app.services.meetings.papers import PaperInputs
from app.services.plan.plan_document import PlanDocument, load_plan_document
from tests.docx.reading import headings, lines, open_docx, table_rows, text_of, xml_parts
from tests.docx.test_plan_docx import TEMPLATE

TODAY = date(2026, 11, 24)
DEADLINES = (
    (date(2026, 12, 1), "Børnefaglig undersøgelse færdig for Freja", "BL § 20"),
    (date(2026, 11, 20), "Opfølgning på Emils indsats", "BL § 94, stk. 1"),
)


@dataclasses.dataclass(frozen=True)
class Lise:
    doc: PlanDocument
    held: MeetingInfo
    next: MeetingInfo
    approved: int | None
    cprs: tuple[str, ...]


@pytest.fixture(scope="module")
def lise(tmp_path_factory: pytest.TempPathFactory) -> Lise:
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("meetings") / "store.sqlite"), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
        with ctx.sessions() as s:
            case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
            meetings = case_meetings(s, case_id or 0)
            held = [m for m in meetings if m.status == MeetingStatus.HELD][-1]
            planned = next(m for m in meetings if m.status == MeetingStatus.PLANNED)
            doc = load_plan_document(s, case_id or 0)
            approved = approved_plan_number(s, held.id)
            cprs = tuple(c for c in s.scalars(select(Citizen.cpr)) if c)
    finally:
        ctx.close()
    return Lise(doc, held, planned, approved, cprs)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def inputs(lise: Lise, **changes: Any) -> PaperInputs:
    base = PaperInputs(
        lise.held,
        doc=lise.doc,
        approved=lise.approved,
        later=[lise.next],
        due=list(DEADLINES),
        template=TEMPLATE,
    )
    return dataclasses.replace(base, **changes)


def printed(what: str, i: PaperInputs) -> str:
    if what == "agenda":
        pdf = meeting_pdf.build_agenda(i.doc, i.meeting, i.due, consent_missing=i.missing, today=TODAY)
    elif what == "slip":
        pdf = meeting_pdf.build_agreement_slip(i.doc, i.meeting, i.later[0] if i.later else None, today=TODAY)
    else:
        pdf = meeting_pdf.build_minutes(i.doc, i.meeting, today=TODAY, approved_version=i.approved)
    return pdf_text(pdf)


def test_the_agenda_is_numbered_points_in_the_printed_order(lise: Lise) -> None:
    data = build_paper_docx("agenda", inputs(lise, missing=["Oliver Holm Jensen"]), today=TODAY)
    found = headings(open_docx(data))
    assert found[0] == (1, "Dagsorden")
    points = [t for level, t in found if level == 2]
    names = [p.split(". ", 1)[1] for p in points]
    expected = ["Velkommen og runde"] + (["Punkter til dette møde"] if lise.held.agenda.strip() else [])
    expected += ["Mål vi følger op på", "Aftaler", "Samtykke", "Frister", "Næste møde", "Eventuelt"]
    assert names == expected
    assert [p.split(".")[0] for p in points] == [str(n) for n in range(1, len(points) + 1)]
    document = open_docx(data)
    consent = next(table_rows(t) for t in document.tables if table_rows(t)[0] == ["Hvem", "Samtykke"])
    assert ["Oliver Holm Jensen", "Mangler\ntales om på mødet"] in consent
    deadlines = next(
        table_rows(t) for t in document.tables if table_rows(t)[0] == ["Senest", "Hvad", "Efter"]
    )
    assert deadlines[1] == ["20.11.2026\noverskredet", "Opfølgning på Emils indsats", "BL § 94, stk. 1"]


@pytest.mark.parametrize("what", ["agenda", "slip", "minutes"])
def test_each_paper_says_what_the_printed_one_says(lise: Lise, what: str) -> None:
    i = inputs(lise)
    data = build_paper_docx(what, i, today=TODAY)
    paper = printed(what, i)
    assert headings(open_docx(data))[0] == (1, meeting_docx.TITLES[what])
    for line in lines(open_docx(data)):
        parts = (
            [c.strip() for c in line.strip("|").split("|")] if line.startswith("|") else [line.lstrip("#- ")]
        )
        for part in (p for cell in parts for p in cell.split(" / ") if p):
            assert " ".join(part.split()) in paper, part
    props = open_docx(data).core_properties
    assert props.language == "da-DK" and props.title.startswith(meeting_docx.TITLES[what])
    footer = " ".join(p.text for p in open_docx(data).sections[0].footer.paragraphs)
    assert f"Sag {lise.doc.case_number}" in footer


def test_the_slip_holds_every_open_agreement_whole(lise: Lise) -> None:
    doc = lise.doc
    assert doc.plan is not None
    long = "Lise ringer til praktikstedet og aftaler mødetider for de første fire uger " * 6
    agreements = tuple(dataclasses.replace(a, what=long) for a in doc.plan.agreements) * 12
    doc = dataclasses.replace(doc, plan=dataclasses.replace(doc.plan, agreements=agreements))
    data = build_paper_docx("slip", inputs(lise, doc=doc), today=TODAY)
    [table] = [t for t in open_docx(data).tables if table_rows(t)[0] == ["Hvad", "Hvem", "Senest"]]
    open_ones = [a for a in agreements if a.status == AgreementStatus.OPEN]
    assert len(table.rows) == 1 + len(open_ones)
    assert all(row[0].strip() == long.strip() for row in table_rows(table)[1:])


def test_the_minutes_hold_who_came_what_was_said_and_every_agreement(lise: Lise) -> None:
    data = build_paper_docx("minutes", inputs(lise), today=TODAY)
    assert [t for lv, t in headings(open_docx(data)) if lv == 2][:3] == [
        "Til stede",
        "Det talte vi om",
        "Aftaler",
    ]
    text = text_of(data)
    assert " ".join(lise.held.minutes.split()) in text
    [table] = [t for t in open_docx(data).tables if table_rows(t)[0] == ["Hvad", "Hvem", "Senest", "Status"]]
    assert len(table.rows) == 1 + len(lise.doc.plan.agreements if lise.doc.plan else ())
    if lise.approved is not None:
        assert f"Version {lise.approved} af planen blev godkendt på mødet." in text


@pytest.mark.parametrize("cpr", ["0101901234", "010190-1234", "010190 1234"])
def test_a_cpr_typed_into_the_minutes_agenda_or_place_is_removed(lise: Lise, cpr: str) -> None:
    meeting = dataclasses.replace(
        lise.held, minutes=f"Lise ({cpr}) kom.", agenda=f"- Tal om {cpr}", place=f"Lokale {cpr}"
    )
    for what in ("agenda", "slip", "minutes"):
        data = build_paper_docx(what, inputs(lise, meeting=meeting), today=TODAY)
        everything = "\n".join(xml_parts(data).values())
        assert cpr not in everything and cpr.replace("-", "").replace(" ", "") not in everything
        for real in lise.cprs:
            assert real.replace("-", "") not in everything


def test_an_unknown_paper_is_refused(lise: Lise) -> None:
    with pytest.raises(ValueError, match="no meeting paper"):
        build_paper_docx("invitation", inputs(lise), today=TODAY)
