"""The plan as a Word file: it opens with python-docx and holds every section the printed plan
holds, in the same order, as real Word headings; the agreements are a table with their rows;
the letter template's logo, sender and address are in page 1's header; the core properties say
what it is, in Danish; no CPR number is anywhere in the package; a draft is marked."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import struct
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from app.docx.plan_docx import NoPlanError, build_plan_docx, write_plan_docx
from app.models import Case, Citizen
from app.models.enums import AgreementStatus, ResponsibleKind
from app.pdf.plan_pdf import build_plan_pdf
from app.services.common.letter_template import LetterTemplate, check_logo
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import AgreementView, PlanDocument, load_plan_document
from tests.docx.reading import headings, lines, open_docx, table_rows, text_of, xml_parts

TODAY = date(2026, 11, 24)


def png(width: int, height: int, colour: tuple[int, int, int] = (29, 92, 115)) -> bytes:
    """A small, real PNG image."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


TEMPLATE = LetterTemplate(
    sender="Familieafdelingen, Eksempel Kommune",
    address=("Rådhuspladsen 1", "3000 Helsingør", "Telefon 49 28 28 28"),
    logo=check_logo(png(300, 100)),
)


@dataclasses.dataclass(frozen=True)
class Plans:
    draft: PlanDocument
    approved: PlanDocument
    single: PlanDocument
    cprs: tuple[str, ...]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Plans:
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("docx") / "store.sqlite"), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=3, seed=1, today=TODAY, my_login="tester")
        with ctx.sessions() as s:
            case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
            single_id = s.scalar(select(Case.id).where(Case.family_id.is_(None)).limit(1))
            assert case_id is not None and single_id is not None
            draft = load_plan_document(s, case_id)
            approved_id = next(v.id for v in draft.history if v.approved_on is not None)
            approved = load_plan_document(s, case_id, approved_id)
            single = load_plan_document(s, single_id)
            cprs = tuple(c for c in s.scalars(select(Citizen.cpr)) if c)
    finally:
        ctx.close()
    return Plans(draft, approved, single, cprs)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


# -- the sections ------------------------------------------------------------------------------


def test_every_section_is_a_heading_in_the_printed_plans_order(plans: Plans) -> None:
    doc = plans.draft
    data = build_plan_docx(doc, today=TODAY, template=TEMPLATE)
    found = headings(open_docx(data))
    assert found[0] == (1, "Vores fælles plan")
    second = [text for level, text in found if level == 2]
    expected = [
        "Det arbejder vi hen imod",
        "Det har vi aftalt",
        "Med jeres egne ord",
        "Sådan er situationen nu",
    ]
    expected += ["Det går godt – jeres styrker", "Det er svært", "Rækkefølgen", "Sådan følger vi op"]
    expected += ["Når planen slutter"]
    expected += [
        f"Om {m.first_name}" for m in doc.members if doc.plan and doc.plan.member_section(m.citizen_id)
    ]
    expected += ["Den hjælp I får"]
    expected += ["Dokumenter i sagen"] if doc.documents else []
    expected += ["Næste møde", "Underskrifter"]
    assert second == expected
    # each member with help is a Heading 3 under "Den hjælp I får", in the family's order
    helped = {line.citizen_id for line in doc.offers}
    assert [t for lv, t in found if lv == 3] == [m.first_name for m in doc.members if m.citizen_id in helped]
    # and the PDF prints the same headings in the same order
    printed = pdf_text(build_plan_pdf(doc, today=TODAY))
    positions = [printed.find(text) for text in second]
    assert -1 not in positions and positions == sorted(positions)


def test_page_one_says_whose_plan_which_version_and_whom_to_call(plans: Plans) -> None:
    doc = plans.draft
    body = lines(open_docx(build_plan_docx(doc, today=TODAY)))
    front = " ".join(body[: body.index("## Det arbejder vi hen imod")])
    assert doc.family_name in front
    assert f"Udkast til version {doc.plan.number if doc.plan else 0} – planen er ikke godkendt endnu" in front
    assert "Udskrevet 24.11.2026" in front
    assert "Planen gælder for Lise, Oliver, Freja og Emil" in front
    assert doc.coordinator_name in front and f"Telefon {doc.coordinator_phone}" in front
    assert "Kopi til" not in front


def test_the_agreements_table_holds_every_agreement_open_first(plans: Plans) -> None:
    doc = plans.draft
    assert doc.plan is not None and doc.plan.agreements
    document = open_docx(build_plan_docx(doc, today=TODAY))
    [table] = [t for t in document.tables if table_rows(t)[0] == ["Hvad", "Hvem", "Senest", "Status"]]
    rows = table_rows(table)
    assert len(rows) == 1 + len(doc.plan.agreements)
    whats = [r[0] for r in rows[1:]]
    assert sorted(whats) == sorted(a.what for a in doc.plan.agreements)
    statuses = [r[3] for r in rows[1:]]
    open_rows = [s in ("Skal gøres", "Over tid") for s in statuses]
    assert open_rows == sorted(open_rows, reverse=True)  # the open ones come first
    # the header row repeats on every page (a screen reader and Word know it is the header)
    assert table.rows[0]._tr.trPr is not None and "tblHeader" in table.rows[0]._tr.trPr.xml


@pytest.mark.parametrize("days", [-400, -30, -1, 0, 1, 30])
@pytest.mark.parametrize("status", list(AgreementStatus))
def test_an_open_agreement_past_its_date_is_marked_over_tid(
    plans: Plans, days: int, status: AgreementStatus
) -> None:
    doc = plans.draft
    assert doc.plan is not None
    agreement = AgreementView(
        "Ringe til tandlægen",
        ResponsibleKind.MEMBER,
        doc.members[0].citizen_id,
        "",
        TODAY + timedelta(days),
        status,
    )
    doc = dataclasses.replace(doc, plan=dataclasses.replace(doc.plan, agreements=(agreement,)))
    document = open_docx(build_plan_docx(doc, today=TODAY))
    [table] = [t for t in document.tables if table_rows(t)[0][0] == "Hvad"]
    row = table_rows(table)[1]
    assert row[:3] == ["Ringe til tandlægen", "Lise", (TODAY + timedelta(days)).strftime("%d.%m.%Y")]
    late = status == AgreementStatus.OPEN and days < 0
    assert (row[3] == "Over tid") is late
    cell_runs = table.rows[1].cells[3].paragraphs[0].runs
    assert bool(cell_runs[0].bold) is late  # in bold, as on paper
    assert ("Over tid" in pdf_text(build_plan_pdf(doc, today=TODAY))) is late


def test_the_family_copy_is_signed_by_the_adults_and_the_coordinator(plans: Plans) -> None:
    body = lines(open_docx(build_plan_docx(plans.draft, today=TODAY)))
    signing = body[body.index("## Underskrifter") :]
    assert "| Dato |  | Lise Holm Jensen |" in signing
    assert f"| Dato |  | {plans.draft.coordinator_name}, koordinator |" in signing


def test_a_single_citizens_plan_speaks_to_one_person(plans: Plans) -> None:
    found = [t for _, t in headings(open_docx(build_plan_docx(plans.single, today=TODAY)))]
    assert "Med dine egne ord" in found and "Det går godt – dine styrker" in found
    assert ("Den hjælp du får" in found) is bool(plans.single.offers)
    assert not any("jeres" in t or " I " in f" {t} " for t in found)


def test_a_case_without_a_plan_is_refused(plans: Plans) -> None:
    with pytest.raises(NoPlanError):
        build_plan_docx(dataclasses.replace(plans.draft, plan=None), today=TODAY)


# -- draft, template, properties ------------------------------------------------------------------


@pytest.mark.parametrize("which", ["draft", "approved"])
def test_a_draft_says_udkast_in_every_header_an_approved_plan_does_not(plans: Plans, which: str) -> None:
    doc = plans.draft if which == "draft" else plans.approved
    document = open_docx(build_plan_docx(doc, today=TODAY))
    section = document.sections[0]
    headers = [section.first_page_header, section.header]
    marked = ["UDKAST" in " ".join(p.text for p in h.paragraphs) for h in headers]
    assert marked == [which == "draft"] * 2
    footer = " ".join(p.text for p in section.footer.paragraphs)
    assert "Fortroligt – indeholder personoplysninger" in footer and f"Sag {doc.case_number}" in footer
    assert ("Udkast" in footer) is (which == "draft")
    assert 'instr="NUMPAGES"' in section.footer._element.xml  # "Side x af y", filled in by Word


def test_the_logo_sender_and_address_are_in_page_ones_header(plans: Plans) -> None:
    data = build_plan_docx(plans.draft, today=TODAY, template=TEMPLATE)
    header = open_docx(data).sections[0].first_page_header
    images = [r.target_part.blob for r in header.part.rels.values() if r.reltype == RT.IMAGE]
    assert images == [TEMPLATE.logo.data if TEMPLATE.logo else b""]
    text = "\n".join(cell.text for t in header.tables for row in t.rows for cell in row.cells)
    assert TEMPLATE.sender in text and all(line in text for line in TEMPLATE.address)


def test_without_a_template_the_header_is_plain(plans: Plans) -> None:
    header = open_docx(build_plan_docx(plans.approved, today=TODAY)).sections[0].first_page_header
    assert not [r for r in header.part.rels.values() if r.reltype == RT.IMAGE]


def test_the_core_properties_say_what_it_is_in_danish(plans: Plans) -> None:
    doc = plans.draft
    props = open_docx(build_plan_docx(doc, today=TODAY, template=TEMPLATE)).core_properties
    assert props.title == f"Vores fælles plan – {doc.family_name}"
    assert props.language == "da-DK"
    assert props.author == doc.coordinator_name
    assert props.subject.startswith(f"Koordinerende plan, sag {doc.case_number}")
    assert props.comments == "" and props.created is not None
    assert abs(props.created.replace(tzinfo=UTC) - datetime.now(UTC)) < timedelta(hours=1)
    parts = xml_parts(build_plan_docx(doc, today=TODAY))
    assert "python-docx" not in " ".join(parts.values())  # nothing of the library's sample
    assert 'w:val="da-DK"' in parts["word/styles.xml"]


def test_a_recipients_copy_is_named_in_the_properties_and_every_footer(plans: Plans) -> None:
    document = open_docx(build_plan_docx(plans.draft, today=TODAY, recipient="Skolen", omitted=["x"]))
    assert document.core_properties.subject.endswith("kopi til Skolen")
    for footer in (document.sections[0].footer, document.sections[0].first_page_footer):
        assert "Kopi til Skolen" in " ".join(p.text for p in footer.paragraphs)


# -- no CPR, text that XML cannot hold -------------------------------------------------------------


def _all_xml(data: bytes) -> str:
    return "\n".join(xml_parts(data).values())


def test_no_cpr_number_anywhere_in_the_package(plans: Plans) -> None:
    for doc in (plans.draft, plans.approved, plans.single):
        everything = _all_xml(build_plan_docx(doc, today=TODAY, template=TEMPLATE))
        for cpr in plans.cprs:
            digits = cpr.replace("-", "")
            assert digits not in everything and f"{digits[:6]}-{digits[6:]}" not in everything


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cpr=st.from_regex(r"[0-3][0-9][01][0-9]{3}[- ]?[0-9]{4}", fullmatch=True),
    before=st.text(max_size=30),
    after=st.text(max_size=30),
)
def test_a_cpr_typed_into_any_free_text_is_removed(plans: Plans, cpr: str, before: str, after: str) -> None:
    doc = plans.draft
    assert doc.plan is not None
    typed = f"{before.strip('0123456789')} {cpr} {after.strip('0123456789')}"
    plan = dataclasses.replace(
        doc.plan,
        sections=tuple((name, typed) for name, _ in doc.plan.sections),
        agreements=tuple(dataclasses.replace(a, what=typed) for a in doc.plan.agreements),
    )
    data = build_plan_docx(dataclasses.replace(doc, plan=plan), today=TODAY, recipient=typed)
    everything = _all_xml(data)
    digits = re.sub(r"\D", "", cpr)
    assert digits not in re.sub(r"[- ]", "", re.sub(r"<[^>]+>", "", everything))
    assert "[cpr-nr. fjernet]" in text_of(data)


def test_markup_and_control_characters_are_written_safely(plans: Plans) -> None:
    doc = plans.draft
    assert doc.plan is not None
    odd = 'Mor & far <b>siger</b> "ja" \x00\x07 – 😀 ﬁ'
    plan = dataclasses.replace(doc.plan, sections=(("summary", odd),))
    text = text_of(build_plan_docx(dataclasses.replace(doc, plan=plan), today=TODAY))
    assert 'Mor & far <b>siger</b> "ja" – 😀 ﬁ' in text


# -- writing -------------------------------------------------------------------------------------


def test_write_replaces_the_file_whole_and_leaves_no_temp_file(plans: Plans, tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    write_plan_docx(plans.draft, target, today=TODAY, template=TEMPLATE)
    assert headings(open_docx(target.read_bytes()))[0] == (1, "Vores fælles plan")
    assert os.listdir(tmp_path) == ["plan.docx"]


def test_write_into_a_missing_folder_is_an_os_error(plans: Plans, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_plan_docx(plans.draft, tmp_path / "missing" / "plan.docx", today=TODAY)
    assert not (tmp_path / "missing").exists()


def test_the_body_reads_as_the_printed_plan_does(plans: Plans) -> None:
    """Every line of the Word body (outside the signature table) is text the PDF prints too."""
    doc = plans.draft
    printed = pdf_text(build_plan_pdf(doc, today=TODAY))
    word: Any = lines(open_docx(build_plan_docx(doc, today=TODAY)))
    for line in word:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|") if c.strip()]
            for cell in cells:
                for part in cell.split(" / "):
                    assert flat(part) in printed, part
        else:
            assert flat(line.lstrip("#- ")) in printed, line


@pytest.mark.parametrize(
    ("phone", "email"), [("49 28 11 22", "mette@kommune.dk"), ("", ""), ("49 28 11 22", "")]
)
def test_while_the_coordinator_is_away_the_deputy_is_named_as_in_print(
    plans: Plans, phone: str, email: str
) -> None:
    from app.services.team.absences import Cover

    cover = Cover(1, plans.draft.coordinator_name, 2, "Mette Dahl", phone, email, date(2026, 12, 12))
    doc = dataclasses.replace(plans.draft, cover=cover)
    word = text_of(build_plan_docx(doc, today=TODAY))
    sentence = f"{doc.coordinator_name} er fraværende til og med 12. december 2026. Indtil da kan I i stedet"
    assert sentence in word and "stedfortræderen Mette Dahl" in word
    how = [f"telefon {phone}"] if phone else []
    how += [f"e-mail {email}"] if email else []
    assert "stedfortræderen Mette Dahl" + "".join(f", {h}" for h in how) + "." in word
    assert sentence in pdf_text(build_plan_pdf(doc, today=TODAY))
