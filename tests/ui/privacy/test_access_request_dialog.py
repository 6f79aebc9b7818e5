"""The access request dialog (Aktindsigt…): a member of the open case or a CPR number, the
items held about them, withholding with a reason each (refused without one), and the PDF and
its CSV index saved on the store lane and logged; in Danish; opened from the main window."""

from __future__ import annotations

import csv
import io
import json
import threading
import traceback
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import event, select

from app.models import AuditEvent
from app.services.common import audit
from app.services.common.context import AppContext
from app.ui.common.background import StoreLanes
from app.ui.privacy.access_request_dialog import COL_REASON, COL_WITHHOLD, AccessRequestDialog
from tests.access_casework import LISE_NOTE, LiseCasework, add_casework, expected_keys
from tests.ui.lane_helpers import wait_for

REASON = "Oplysninger om tredjemand"


@pytest.fixture
def lise(demo_context: AppContext) -> LiseCasework:
    with demo_context.sessions.begin() as s:
        return add_casework(s)


def _events(context: AppContext, action: str) -> list[AuditEvent]:
    with context.sessions() as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
        s.expunge_all()
    return rows


def _dialog(qtbot, context: AppContext, lanes: StoreLanes, case_id: int | None) -> AccessRequestDialog:  # type: ignore[no-untyped-def]
    dialog = AccessRequestDialog(context, lanes, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_for(lambda: dialog.members_read)
    return dialog


def _keys(dialog: AccessRequestDialog) -> list[str]:
    table = dialog.table
    return [str(table.item(r, COL_WITHHOLD).data(Qt.ItemDataRole.UserRole)) for r in range(table.rowCount())]


def test_a_member_of_the_open_case_withheld_item_needs_a_reason_and_the_pdf_is_saved_and_logged(  # type: ignore[no-untyped-def]
    qtbot,
    demo_context: AppContext,
    lanes: StoreLanes,
    lise: LiseCasework,
    danish,
    monkeypatch,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, demo_context, lanes, lise.case_id)
    assert dialog.windowTitle() == "Aktindsigt"
    names = [dialog.who.itemText(i) for i in range(dialog.who.count())]
    assert len(names) == 5 and names[1].startswith("Lise Holm Jensen (") and names[1].endswith("-XXXX)")
    assert dialog.who.currentData() == lise.lise_id and not dialog.cpr.isVisible()
    dialog.look_up()
    wait_for(lambda: dialog.request is not None and not dialog.busy)
    with demo_context.sessions() as s:
        expected = expected_keys(s, lise)
    assert set(_keys(dialog)) == expected and dialog.table.rowCount() == len(expected)
    assert "Lise Holm Jensen" in dialog.summary.text() and lise.cpr not in dialog.summary.text()
    [looked] = _events(demo_context, audit.OPEN_CITIZEN)
    assert (looked.object_type, looked.citizen_id) == ("access_request", lise.lise_id)

    asked: list[str] = []
    target = tmp_path / "svar til Lise"

    def choose(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append("asked")
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    row = _keys(dialog).index(f"journal:{lise.journal['lise']}")
    dialog.table.item(row, COL_WITHHOLD).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    assert not asked and dialog.reason_error.isVisible()
    assert "begrundelsen" in dialog.reason_error.text() and str(row + 1) in dialog.reason_error.text()
    assert not _events(demo_context, audit.EXPORT)

    dialog.table.item(row, COL_REASON).setText(REASON)
    assert dialog.withheld() == {f"journal:{lise.journal['lise']}": REASON}
    dialog.save()
    wait_for(lambda: dialog.saved is not None and not dialog.busy)
    pdf, index = target.with_suffix(".pdf"), target.with_suffix(".csv")
    assert dialog.saved == (pdf, index) and asked == ["asked"]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert LISE_NOTE not in text and REASON in text
    rows = list(csv.DictReader(io.StringIO(index.read_text("utf-8-sig")), delimiter=";"))
    assert {r["Ref."] for r in rows} == expected
    exports = _events(demo_context, audit.EXPORT)
    assert len(exports) == len(expected) + 1
    withheld = [
        e for e in exports if "withheld" in json.loads(e.details) and e.object_type != "access_request"
    ]
    assert [(e.object_type, json.loads(e.details)["withheld"]) for e in withheld] == [
        ("journal_entry", REASON)
    ]
    assert all(json.loads(e.details)["via"] == "dialog" for e in exports)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Skriv personens CPR-nummer."),
        ("12345", "Det er ikke et CPR-nummer"),
        ("010190-1234", "010190-XXXX"),
    ],
)
def test_a_cpr_number_typed_is_looked_up_and_a_problem_said_beside_it(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lanes: StoreLanes, lise: LiseCasework, danish, typed: str, says: str
) -> None:
    dialog = _dialog(qtbot, demo_context, lanes, None)
    assert dialog.who.count() == 1 and dialog.who.currentData() is None
    dialog.cpr.setText(typed)
    dialog.look_up()
    wait_for(lambda: not dialog.busy and dialog.person_error.text() != "")
    assert says in dialog.person_error.text()
    assert typed[7:] == "" or typed[7:] not in dialog.person_error.text()
    assert dialog.request is None and not dialog.make_button.isEnabled()

    dialog.cpr.setText(f"{lise.cpr[:6]}-{lise.cpr[6:]}")
    dialog.look_up()
    wait_for(lambda: dialog.request is not None and not dialog.busy)
    assert dialog.make_button.isEnabled() and dialog.table.rowCount() > 10
    assert not dialog.person_error.isVisible()
    qtbot.keyClicks(dialog.cpr, "1")  # another number: the items shown are no longer theirs
    assert dialog.request is None and dialog.table.rowCount() == 0 and not dialog.make_button.isEnabled()


def test_the_main_windows_file_menu_opens_it_for_the_open_case(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lise: LiseCasework, settings, danish, monkeypatch
) -> None:
    from app.ui.main_window import MainWindow

    opened: list[int | None] = []
    monkeypatch.setattr(
        AccessRequestDialog,
        "open_for",
        classmethod(lambda cls, _c, _l, case_id, _p=None: opened.append(case_id)),
    )
    window = MainWindow(demo_context, settings, "da")
    qtbot.addWidget(window)
    action = window.findChild(QAction, "accessRequest")
    assert (
        action is not None and action.text() == "&Aktindsigt …"
    )  # the menus' Danish style: a space before …
    action.trigger()
    window.open_case(lise.case_id)
    action.trigger()
    assert opened == [None, lise.case_id]
    window.lanes.wait(10_000)


def test_the_dialog_reads_and_writes_only_on_the_store_lane(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lanes: StoreLanes, lise: LiseCasework, monkeypatch, tmp_path: Path
) -> None:
    on_gui_thread: list[str] = []

    def checkout(*_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append("".join(traceback.format_stack(limit=12)))

    event.listen(demo_context.engine.pool, "checkout", checkout)
    try:
        dialog = _dialog(qtbot, demo_context, lanes, lise.case_id)
        dialog.look_up()
        wait_for(lambda: dialog.request is not None and not dialog.busy)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "a.pdf"), ""))
        dialog.save()
        wait_for(lambda: dialog.saved is not None and not dialog.busy)
    finally:
        event.remove(demo_context.engine.pool, "checkout", checkout)
    assert not on_gui_thread, on_gui_thread[0]
    assert (tmp_path / "a.pdf").exists() and (tmp_path / "a.csv").exists()
