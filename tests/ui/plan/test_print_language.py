"""The print dialog's language: the family's copy starts in the language recorded for the
family's adults, another choice makes the preview again in that language, a copy for someone
else is Danish (the choice is off), and the export is logged with its language."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.models import AuditEvent, Case, Citizen, FamilyMember
from app.services.common import audit
from app.services.common.context import AppContext
from app.ui.common.background import StoreWorker
from app.ui.plan.plan_preview import PrintPlanDialog


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _lise(context: AppContext, language: str) -> int:
    with context.sessions.begin() as s:
        case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        for citizen in s.scalars(
            select(Citizen).join(FamilyMember).where(FamilyMember.family_id == case.family_id)
        ):
            citizen.language = language
        return case.id


def test_the_familys_language_first_then_the_choice(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    case_id = _lise(demo_context, "pl")
    worker = StoreWorker()
    dialog = PrintPlanDialog(demo_context, case_id, worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.language.currentData() == "pl" and dialog.printed.language == "pl"  # type: ignore[union-attr]
    assert "Nasz wspólny plan" in _text(dialog.printed.pdf)  # type: ignore[union-attr]
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "da",
        "en",
        "uk",
        "pl",
        "ar",
    ]

    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert "Наш спільний план" in _text(dialog.preview.pdf)
    dialog.large_print.setChecked(True)  # the choice stays
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.printed.language == "uk"  # type: ignore[union-attr]

    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    dialog.save_pdf()
    assert "Наш спільний план" in _text(target.read_bytes())
    with demo_context.sessions() as s:
        [entry] = s.scalars(select(AuditEvent).where(AuditEvent.action == audit.EXPORT))
        assert json.loads(entry.details)["language"] == "uk"

    # A copy for someone else is Danish; back to the family, the choice is there again.
    dialog.copy_for.setCurrentIndex(1)
    assert not dialog.language.isEnabled()
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.printed.language == "da" and "Vores fælles plan" in _text(dialog.preview.pdf)  # type: ignore[union-attr]
    dialog.copy_for.setCurrentIndex(0)
    assert dialog.language.isEnabled()
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.printed.language == "uk"  # type: ignore[union-attr]
    worker.wait()


def test_a_danish_family_gets_the_danish_copy(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context, "da")
    worker = StoreWorker()
    dialog = PrintPlanDialog(demo_context, case_id, worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.language.currentData() == "da" and "Vores fælles plan" in _text(dialog.printed.pdf)  # type: ignore[union-attr]
    worker.wait()


def test_the_language_chosen_for_the_parents_is_where_the_print_dialog_starts(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, danish
) -> None:
    from app.services.cases.case_summary import case_summary
    from app.ui.common.background import StoreLanes
    from app.ui.family.family_dialogs import MemberDialog
    from tests.ui.lane_helpers import ready, save

    case_id = _lise(demo_context, "da")
    with demo_context.sessions() as s:
        parents = [m for m in case_summary(s, case_id).members if m.custody]
    lanes = StoreLanes()
    for parent in parents:
        dialog = MemberDialog(demo_context, lanes, case_id, parent, parent.member_version)
        qtbot.addWidget(dialog)
        ready(dialog)
        assert dialog.language.currentText() == "Dansk"
        assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == [
            "Dansk",
            "Engelsk",
            "Ukrainsk",
            "Polsk",
            "Arabisk",
        ]
        dialog.language.setCurrentIndex(dialog.language.findData("uk"))
        assert save(dialog), dialog.summary.text()
    printing = PrintPlanDialog(demo_context, case_id, StoreWorker())
    qtbot.addWidget(printing)
    qtbot.waitUntil(lambda: printing.printed is not None, timeout=10_000)
    assert printing.language.currentData() == "uk"
    assert "Наш спільний план" in _text(printing.printed.pdf)  # type: ignore[union-attr]
