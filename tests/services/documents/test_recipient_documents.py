"""The consent rules decide which copies of the plan may mention a document: a recipient's copy
lists a document (title, date, from whom) only when consent covers sharing the plan about
every member it concerns with that recipient; else it is left out and the copy says so.
On both stores, with Lise's case (the school has consent for Lise and Freja only)."""

from __future__ import annotations

import dataclasses
import io
from datetime import timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Consent
from app.models.enums import DocumentKind
from app.pdf.plan_pdf import build_plan_pdf
from app.services.common.clock import local_today
from app.services.demo.demo import generate_demo
from app.services.documents.documents import DocumentLine
from app.services.plan.plan_document import load_plan_document
from app.services.plan.recipient_copy import RecipientCopy, load_recipient_copy, recipient_copy
from app.services.privacy.consents import withdraw_consent
from tests.lise_consents import SCHOOL, LiseCase, prepare_lise
from tests.services.documents.helpers import attach

STATEMENT = "Nogle af sagens dokumenter er udeladt: der er ikke samtykke til at dele dem med Skolen."
ALL = frozenset({"plan", "social", "health", "school", "employment", "family"})
# Title -> the members (first names) the document concerns.
DOCUMENTS: dict[str, tuple[str, ...]] = {
    "Skoleudtalelse om Freja": ("Freja",),
    "Lægeerklæring om Emil": ("Emil",),
    "Brev til Lise og Freja": ("Lise", "Freja"),
    "Notat om Freja og Emil": ("Freja", "Emil"),
    "Husstandsoplysninger": (),  # the whole family
}


@pytest.fixture
def lise(context: Any, tmp_path: Path) -> tuple[Any, LiseCase]:
    today = local_today()
    with context.sessions.begin() as s:
        generate_demo(s, families=1, seed=1, today=today, my_login="tester")
        case = prepare_lise(s, today)
    for n, (title, members) in enumerate(DOCUMENTS.items()):
        attach(
            context,
            case.case_id,
            tmp_path,
            title=title,
            kind=DocumentKind.REPORT,
            from_whom=f"Afsender {n}",
            received_on=today - timedelta(days=n),
            members=tuple(case.ids[m] for m in members),
        )
    return context, case


def school_copy(ctx: Any, case: LiseCase) -> RecipientCopy:
    with ctx.sessions() as s:
        return load_recipient_copy(s, case.case_id, SCHOOL, local_today())


def titles(copy: RecipientCopy) -> set[str]:
    return {d.title for d in copy.document.documents}


def test_the_family_copy_lists_every_document_oldest_first(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    with ctx.sessions() as s:
        family = load_recipient_copy(s, case.case_id, None, local_today())
    assert [d.title for d in family.document.documents] == list(reversed(DOCUMENTS))
    freja = family.document.documents[-1]
    assert (freja.from_whom, freja.received_on, freja.member_ids) == (
        "Afsender 0",
        local_today(),
        (case.ids["Freja"],),
    )
    assert family.complete


def test_the_school_sees_only_documents_about_members_it_has_consent_for(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    copy = school_copy(ctx, case)
    assert titles(copy) == {"Skoleudtalelse om Freja", "Brev til Lise og Freja"}
    assert STATEMENT in copy.omitted
    assert copy.omitted.count(STATEMENT) == 1
    for statement in copy.omitted:  # no statement names a document left out
        assert not any(title in statement for title in DOCUMENTS)


def test_a_withdrawn_consent_takes_the_documents_out_at_once(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    with ctx.sessions.begin() as s:
        withdraw_consent(s, case.consent_ids["Freja"], local_today(), expected_version=None)
    assert titles(school_copy(ctx, case)) == set()
    assert STATEMENT in school_copy(ctx, case).omitted


@pytest.mark.parametrize("days", [1, 30])
def test_an_expired_consent_covers_no_document(lise: tuple[Any, LiseCase], days: int) -> None:
    ctx, case = lise
    with ctx.sessions.begin() as s:
        consent = s.scalar(select(Consent).where(Consent.id == case.consent_ids["Freja"]))
        consent.expires_on = local_today() - timedelta(days=days)
    copy = school_copy(ctx, case)
    assert "Skoleudtalelse om Freja" not in titles(copy)
    assert "Brev til Lise og Freja" not in titles(copy)
    assert STATEMENT in copy.omitted


def test_consent_for_everyone_lets_every_document_through(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    with ctx.sessions() as s:
        doc = load_plan_document(s, case.case_id)
    copy = recipient_copy(doc, {cid: ALL for cid in case.ids.values()}, "Skolen", SCHOOL)
    assert titles(copy) == set(DOCUMENTS)
    assert STATEMENT not in copy.omitted


# -- the rule itself, over every combination of cover ------------------------------------------


def test_a_document_needs_plan_cover_for_each_member_it_concerns(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    with ctx.sessions() as s:
        doc = load_plan_document(s, case.case_id)
    everyone = ("Lise", "Oliver", "Freja", "Emil")
    for covered in [set(c) for n in range(5) for c in combinations(everyone, n)]:
        # "school" alone is not enough: a document needs the plan's own information type
        cover = {cid: (ALL if first in covered else frozenset({"school"})) for first, cid in case.ids.items()}
        copy = recipient_copy(doc, cover, "Skolen", SCHOOL)
        expected = {
            title
            for title, members in DOCUMENTS.items()
            if (set(members) <= covered if members else covered == set(everyone))
        }
        assert titles(copy) == expected, covered
        assert (STATEMENT in copy.omitted) == (expected != set(DOCUMENTS)), covered


def test_a_document_about_someone_no_longer_in_the_family_is_left_out(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    with ctx.sessions() as s:
        doc = load_plan_document(s, case.case_id)
    gone = DocumentLine("Gammelt brev", local_today(), "Kommunen", (987654,))
    doc = dataclasses.replace(doc, documents=(*doc.documents, gone))
    copy = recipient_copy(doc, {cid: ALL for cid in case.ids.values()}, "Skolen", SCHOOL)
    assert "Gammelt brev" not in titles(copy) and STATEMENT in copy.omitted


def test_the_printed_copies_list_what_they_may(lise: tuple[Any, LiseCase]) -> None:
    ctx, case = lise
    school = school_copy(ctx, case)
    with ctx.sessions() as s:
        family = load_recipient_copy(s, case.case_id, None, local_today())

    def text(copy: RecipientCopy) -> str:
        pdf = build_plan_pdf(
            copy.document, today=local_today(), recipient=copy.recipient_label, omitted=copy.omitted
        )
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)

    printed = text(school)
    assert "Dokumenter i sagen" in printed
    assert "Skoleudtalelse om Freja" in printed and "Brev til Lise og Freja" in printed
    for hidden in ("Lægeerklæring om Emil", "Notat om Freja og Emil", "Husstandsoplysninger", "Afsender 1"):
        assert hidden not in printed
    assert "Nogle af sagens dokumenter er udeladt" in printed
    whole = text(family)
    assert all(title in whole for title in DOCUMENTS)
