"""The printed plan names every member a goal concerns, in the family's order and joined the
Danish way ("Oliver, Freja og Emil"); a sub-goal names them again only when they differ."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Case
from app.pdf.plan_pdf import build_plan_pdf
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import PlanDocument, load_plan_document

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def lise(tmp_path_factory: pytest.TempPathFactory) -> PlanDocument:
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("goal-members") / "store.sqlite"), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=0, seed=1, today=TODAY, my_login="tester")
        with ctx.sessions() as s:
            case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
            assert case_id is not None
            return load_plan_document(s, case_id)
    finally:
        ctx.close()


def text_of(pdf: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _ids(doc: PlanDocument, *names: str) -> tuple[int, ...]:
    by_name = {m.first_name: m.citizen_id for m in doc.members}
    return tuple(by_name[n] for n in names)


def test_lises_plan_names_every_member_of_each_goal(lise: PlanDocument) -> None:
    text = text_of(build_plan_pdf(lise, today=TODAY))
    assert "Mål: Børnene trives i skolen Gælder Oliver, Freja og Emil · Senest" in text
    assert "Mål: Oliver og Freja har et fritidsliv Gælder Oliver og Freja · Senest" in text
    assert "Delmål: Oliver får et fritidsjob Gælder Oliver · Senest" in text
    assert "Skridt på vejen: Freja og Emil kommer i skole hver dag Gælder Freja og Emil · Senest" in text
    # the same members as its goal: not said again
    assert "Delmål: Børnene har overskud i skoledagen Senest" in text


@pytest.mark.parametrize(
    ("names", "printed"),
    [
        ((), "hele familien"),
        (("Freja",), "Freja"),
        (("Freja", "Oliver"), "Oliver og Freja"),
        (("Emil", "Lise"), "Lise og Emil"),
        (("Emil", "Freja", "Oliver"), "Oliver, Freja og Emil"),
        (("Emil", "Freja", "Oliver", "Lise"), "Lise, Oliver, Freja og Emil"),
    ],
)
def test_the_goal_line_joins_the_members_in_the_familys_order(
    lise: PlanDocument, names: tuple[str, ...], printed: str
) -> None:
    assert lise.plan is not None
    first = lise.plan.goals[0]
    plan: Any = dataclasses.replace(
        lise.plan, goals=(dataclasses.replace(first, member_ids=_ids(lise, *names)),)
    )
    text = text_of(build_plan_pdf(dataclasses.replace(lise, plan=plan), today=TODAY))
    assert f"Mål: {first.text} Gælder {printed} · Senest" in text
