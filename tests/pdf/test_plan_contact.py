"""The plan and the agreement slip name the case's current coordinator as the family's contact
(after a hand-over, the new one), and while the coordinator is away, whom to call instead."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from app.models import Case, User
from app.models.enums import AbsenceKind, MeetingStatus
from app.pdf.meeting_pdf import build_agreement_slip
from app.pdf.plan_pdf import build_plan_pdf
from app.services.common.clock import local_today
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import case_meetings
from app.services.plan.plan_document import load_plan_document
from app.services.team.absences import AbsenceInput, plan_absence
from app.services.team.hand_over import hand_over


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _store(context: Any) -> tuple[int, int, int]:
    """Lise's case, its coordinator and Mette Dahl (the deputy or the new coordinator)."""
    with context.sessions.begin() as s:
        generate_demo(s, families=3, seed=1, today=local_today(), my_login="tester")
    with context.sessions() as s:
        case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        mette = s.scalar(select(User.id).where(User.login == "mette.dahl"))
        assert mette is not None
        return case.id, case.coordinator_id, mette


def test_the_plan_and_slip_name_the_deputy_while_the_coordinator_is_away(sqlite_context: Any) -> None:
    case_id, coordinator, mette = _store(sqlite_context)
    today = local_today()
    with sqlite_context.sessions() as s:
        assert load_plan_document(s, case_id).cover is None
    with sqlite_context.sessions.begin() as s:
        away = AbsenceInput(
            coordinator, mette, AbsenceKind.HOLIDAY, today - timedelta(days=1), today + timedelta(days=6)
        )
        plan_absence(s, away, today)
    with sqlite_context.sessions() as s:
        doc = load_plan_document(s, case_id)
        held = [m for m in case_meetings(s, case_id) if m.status == MeetingStatus.HELD][-1]
    assert doc.cover is not None and doc.cover.deputy_name == "Mette Dahl"
    plan = _text(build_plan_pdf(doc, today=today))
    assert "stedfortræderen Mette Dahl" in plan and "fraværende til og med" in plan
    slip = _text(build_agreement_slip(doc, held, None, today=today))
    assert "stedfortræderen Mette Dahl" in slip


def test_no_deputy_is_printed_after_the_absence_or_for_another_coordinator(sqlite_context: Any) -> None:
    case_id, coordinator, mette = _store(sqlite_context)
    today = local_today()
    with sqlite_context.sessions.begin() as s:
        past = AbsenceInput(
            coordinator, mette, AbsenceKind.COURSE, today + timedelta(days=3), today + timedelta(days=5)
        )
        plan_absence(s, past, today)  # not yet begun
    with sqlite_context.sessions() as s:
        doc = load_plan_document(s, case_id)
    assert doc.cover is None
    assert "stedfortræder" not in _text(build_plan_pdf(doc, today=today))


def test_after_a_hand_over_the_plan_names_the_new_coordinator(sqlite_context: Any) -> None:
    case_id, _coordinator, _mette = _store(sqlite_context)
    with sqlite_context.sessions.begin() as s:
        hand_over(s, case_id, "mette.dahl", "Mor venter svar om bolig.", local_today())
    with sqlite_context.sessions() as s:
        doc = load_plan_document(s, case_id)
    assert doc.coordinator_name == "Mette Dahl"
    text = _text(build_plan_pdf(doc, today=local_today()))
    assert "Jeres koordinator Mette Dahl" in text
