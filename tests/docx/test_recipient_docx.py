"""A recipient's Word copy leaves out exactly what the recipient's PDF leaves out: both are made
from the same ``recipient_copy``, and every piece of the family's complete plan is either in
both or in neither — for the school, an organisation, the job centre and a named professional,
with consent given for some, all or none of the family."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.docx.plan_docx import build_plan_docx
from app.models import Professional
from app.pdf.plan_pdf import build_plan_pdf
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import PlanDocument
from app.services.plan.plan_words import law_line
from app.services.plan.recipient_copy import RecipientCopy, load_recipient_copy
from app.services.privacy.sharing import Party, PartyKind
from tests.docx.reading import headings, lines, open_docx, text_of
from tests.lise_consents import AGREEMENT_TEXT, GOAL_TEXT, SCHOOL, SECTION_TEXT, prepare_lise

TODAY = date(2026, 11, 24)

RECIPIENTS: dict[str, Party | None] = {
    "family": None,
    "school": SCHOOL,
    "organisation": Party(PartyKind.ORGANISATION, "Vestskolen"),
    "jobcentre": Party(PartyKind.SECTOR, "employment"),
    "professional": Party(PartyKind.PROFESSIONAL, "?"),  # the case's first professional
}
CONSENTS = {"some": ("Lise", "Freja"), "all": ("Lise", "Oliver", "Freja", "Emil"), "none": ()}


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def probes(doc: PlanDocument) -> set[str]:
    """Every piece of the family's complete plan a copy may keep or leave out."""
    plan = doc.plan
    assert plan is not None
    found = {flat(t) for _, text in plan.sections for t in text.splitlines() if t.strip()}
    found |= {flat(text) for _, text in plan.member_sections if text.strip()}
    found |= {flat(g.text) for g in plan.goals} | {flat(a.what) for a in plan.agreements}
    found |= {flat(item.title) for line in doc.offers for item in line.items}
    found |= {flat(law_line(line)) for line in doc.offers}
    found |= {flat(d.title) for d in doc.documents}
    found |= {f"Om {m.first_name}" for m in doc.members} | {f"Gælder {m.first_name}" for m in doc.members}
    found |= {*SECTION_TEXT.values(), *GOAL_TEXT.values(), *AGREEMENT_TEXT.values()}
    found |= {"Underskrifter", "Næste møde", "Kopi til", "Udeladt på grund af manglende samtykke"}
    found |= {"Sådan er situationen nu", "Med jeres egne ord", "Den hjælp I får", "Dokumenter i sagen"}
    return {p for p in found if len(p) > 3}


@pytest.fixture(scope="module", params=list(CONSENTS))
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("recipients") / "store.sqlite"), login="tester")
    with ctx.sessions.begin() as s:
        generate_demo(s, families=1, seed=1, today=TODAY, my_login="tester")
        lise = prepare_lise(s, TODAY, consent_for=CONSENTS[request.param])
    yield ctx, lise
    ctx.close()


def copy_for(store: Any, who: str) -> RecipientCopy:
    ctx, lise = store
    recipient = RECIPIENTS[who]
    with ctx.sessions() as s:
        if recipient is not None and recipient.kind == PartyKind.PROFESSIONAL:
            first = s.scalar(select(Professional.id).order_by(Professional.id).limit(1))
            recipient = Party(PartyKind.PROFESSIONAL, str(first))
        return load_recipient_copy(s, lise.case_id, recipient, TODAY)


@pytest.mark.parametrize("who", list(RECIPIENTS))
def test_the_word_copy_leaves_out_exactly_what_the_pdf_leaves_out(store: Any, who: str) -> None:
    family = copy_for(store, "family").document
    copy = copy_for(store, who)
    args = {"today": TODAY, "recipient": copy.recipient_label, "omitted": copy.omitted}
    printed = pdf_text(build_plan_pdf(copy.document, **args))
    word = text_of(build_plan_docx(copy.document, **args))
    differ = sorted(p for p in probes(family) if (p in printed) != (p in word))
    assert differ == [], f"in one copy but not the other: {differ}"
    # the same sections in the same order: each Word heading where the PDF prints it
    shown = [
        text for level, text in headings(open_docx(build_plan_docx(copy.document, **args))) if level == 2
    ]
    assert any(text.startswith("Om ") for text in shown) or who != "family"
    at = [printed.find(text) for text in shown]
    assert -1 not in at and at == sorted(at), shown
    # whom it is for and what was left out, in plain statements, before the coordinator
    for statement in copy.omitted:
        assert flat(statement) in word
    body = lines(open_docx(build_plan_docx(copy.document, **args)))
    coordinator = next(i for i, line in enumerate(body) if "koordinator /" in line)
    if copy.omitted:
        left_out = next(i for i, line in enumerate(body) if "Udeladt på grund af manglende samtykke" in line)
        assert left_out < coordinator
    if who == "family":
        assert "Kopi til" not in word and "Underskrifter" in word
    else:
        assert f"Kopi til: {copy.recipient_label}" in word and "Underskrifter" not in word


def test_the_schools_copy_names_no_member_it_does_not_cover(store: Any) -> None:
    _ctx, lise = store
    copy = copy_for(store, "school")
    word = text_of(build_plan_docx(copy.document, today=TODAY, recipient="Skolen", omitted=copy.omitted))
    covered = {m.first_name for m in copy.document.members}
    for first in ("Oliver", "Emil", "Lise", "Freja"):
        if first in covered:
            continue
        assert f"Om {first}" not in word and f"{first} Holm Jensen" not in word
        assert SECTION_TEXT[first] not in word
    assert lise.case_id
