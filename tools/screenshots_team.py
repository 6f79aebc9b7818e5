"""The team's screens for `make screenshots` (issue 16): the edit-case dialog with a hand-over
open and its consequences shown, the hand-over note as the new coordinator meets it, and the
absences dialog with a new absence. Each dialog at the size it takes itself (a 768 screen
must hold it)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.services.common.clock import local_today, now_utc
from app.services.team.hand_over import HandOverNote


def team_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, lise: int, save: object, settle: object
) -> list[Path]:
    from app.ui.team.absence_dialog import AbsenceDialog, NewAbsenceDialog
    from app.ui.team.edit_case_dialog import EditCaseDialog
    from app.ui.team.hand_over_note import HandOverNoteDialog

    context = window.context  # type: ignore[attr-defined]
    lanes = window.lanes  # type: ignore[attr-defined]
    written: list[Path] = []

    def shot(dialog: QWidget, name: str) -> None:
        dialog.show()
        for _ in range(3):  # the dialog's reads, then a preview asked after a change
            lanes.wait(10_000)
            settle(app)  # type: ignore[operator]
        written.append(out / f"{name}{suffix}.png")
        save(dialog, app, written[-1])  # type: ignore[operator]
        dialog.close()

    edit = EditCaseDialog(context, lanes, lise, window)
    edit.show()
    lanes.wait(10_000)
    settle(app)  # type: ignore[operator]
    other = next(i for i in range(edit.coordinator.count()) if i != edit.coordinator.currentIndex())
    edit.coordinator.setCurrentIndex(other)
    edit.note.setPlainText(
        "Mor er lovet svar fra skolen om støttetimer inden fredag. Oliver starter i fritidsklub "
        "i januar; aftalen med Jobcenteret om Lises praktik følges op på næste netværksmøde."
    )
    edit.read_only_days.setValue(14)
    edit.interval.setValue(edit.interval.value() + 14)
    edit._ask_preview()  # now, not after the typing pause
    lanes.wait(10_000)
    settle(app)  # type: ignore[operator]
    shot(edit, "edit_case_hand_over")

    note = HandOverNote(
        0,
        1,
        "Anna Andersen",
        "Ali Aydin",
        now_utc(),
        "Mor er lovet svar fra skolen om støttetimer inden fredag.\n"
        "Lises praktik i Jobcenteret følges op på næste netværksmøde.",
        local_today() + timedelta(days=14),
        None,
    )
    shot(HandOverNoteDialog(note, True, window), "hand_over_note")

    from app.models.enums import AbsenceKind
    from app.services.common.users import list_caseworkers
    from app.services.team.absences import AbsenceInput, plan_absence

    today = local_today()
    with context.sessions.begin() as session:
        deputy = next(u for u in list_caseworkers(session) if u.id != context.user.id)
        plan_absence(
            session,
            AbsenceInput(
                context.user.id,
                deputy.id,
                AbsenceKind.HOLIDAY,
                today + timedelta(days=7),
                today + timedelta(days=20),
            ),
            today,
        )
    absences = AbsenceDialog(context, lanes, window)
    absences.resize(800, 420)
    shot(absences, "absences")
    new = NewAbsenceDialog(context, lanes, window)
    new.all_cases.setChecked(False)
    new.adjustSize()
    shot(new, "absence_new")
    return written
