"""Settings → Letter template: shown to an admin and on a local store; it reads the template,
takes a logo that is a PNG or JPEG of at most 100 KB (else says why), and saves on the store
lane. "Save as Word…" in the plan's print dialog and in the calendar writes the same copy as
the PDF, on the template, and logs it as an export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from sqlalchemy import select

from app.models import AuditEvent
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.letter_template import check_logo, letter_template, set_letter_template
from app.ui.common.background import StoreLanes, StoreWorker
from app.ui.plan.plan_preview import PrintPlanDialog
from app.ui.settings.letter_template_dialog import LetterTemplateDialog
from tests.docx.reading import open_docx, text_of
from tests.docx.test_plan_docx import png
from tests.lise_consents import SCHOOL, SECTION_TEXT, prepare_lise
from tests.ui.lane_helpers import wait_for


def _template(context: AppContext) -> Any:
    with context.sessions() as s:
        return letter_template(s)


def test_the_dialog_reads_takes_a_logo_and_saves(
    qtbot: Any, sqlite_context: AppContext, tmp_path: Path
) -> None:
    lanes = StoreLanes()
    with sqlite_context.sessions.begin() as s:
        set_letter_template(s, sender="Gammel afsender", address=["Gade 1"])
    dialog = LetterTemplateDialog(sqlite_context, lanes)
    qtbot.addWidget(dialog)
    wait_for(lambda: dialog.sender_edit.isEnabled())
    assert dialog.sender_edit.text() == "Gammel afsender"
    assert dialog.address_edit.toPlainText() == "Gade 1"
    assert not dialog.remove_logo.isEnabled()  # no logo yet

    bad = tmp_path / "logo.gif"
    bad.write_bytes(b"GIF89a" + b"\x00" * 40)
    assert not dialog.use_logo_file(str(bad))
    assert "PNG" in dialog.message.text()
    good = tmp_path / "logo.png"
    good.write_bytes(png(240, 80))
    assert dialog.use_logo_file(str(good))
    assert dialog.logo_view.pixmap() is not None and not dialog.logo_view.pixmap().isNull()
    assert dialog.remove_logo.isEnabled()
    dialog.sender_edit.setText("Familieafdelingen, Eksempel Kommune")
    dialog.address_edit.setPlainText("Rådhuspladsen 1\n\n3000 Helsingør")
    dialog.show()
    dialog.grab().save(str(tmp_path / "letter_template.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    kept = _template(sqlite_context)
    assert kept.sender == "Familieafdelingen, Eksempel Kommune"
    assert kept.address == ("Rådhuspladsen 1", "3000 Helsingør")
    assert kept.logo is not None and kept.logo.data == good.read_bytes()
    lanes.wait()


def test_too_long_an_address_is_refused_before_saving(qtbot: Any, sqlite_context: AppContext) -> None:
    lanes = StoreLanes()
    dialog = LetterTemplateDialog(sqlite_context, lanes)
    qtbot.addWidget(dialog)
    wait_for(lambda: dialog.sender_edit.isEnabled())
    dialog.address_edit.setPlainText("\n".join(f"Linje {i}" for i in range(9)))
    dialog.accept()
    assert "6" in dialog.message.text() and dialog.isEnabled()
    assert _template(sqlite_context).address == ()
    lanes.wait()


def test_save_as_word_writes_the_recipients_copy_on_the_template(
    qtbot: Any, demo_context: AppContext, monkeypatch: Any, tmp_path: Path
) -> None:
    with demo_context.sessions.begin() as s:
        lise = prepare_lise(s, local_today())
        set_letter_template(s, sender="Eksempel Kommune", logo=check_logo(png(100, 40)).data)
    worker = StoreWorker()
    dialog = PrintPlanDialog(demo_context, lise.case_id, worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    choices = [dialog.copy_for.itemData(i) for i in range(dialog.copy_for.count())]
    dialog.copy_for.setCurrentIndex(choices.index(SCHOOL.encode()))
    assert not dialog.word_button.isEnabled()  # until the school's copy is made
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.word_button.isEnabled()
    target = tmp_path / "skolen"  # the ending is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "Word (*.docx)"))
    dialog.save_word()
    data = (tmp_path / "skolen.docx").read_bytes()
    word = text_of(data)
    assert "Kopi til: Skolen" in word and "Udeladt på grund af manglende samtykke" in word
    assert SECTION_TEXT["Emil"] not in word and SECTION_TEXT["Freja"] in word
    header = open_docx(data).sections[0].first_page_header
    assert "Eksempel Kommune" in " ".join(c.text for t in header.tables for r in t.rows for c in r.cells)
    with demo_context.sessions() as s:
        [entry] = s.scalars(select(AuditEvent).where(AuditEvent.action == audit.EXPORT)).all()
    details = json.loads(entry.details)
    assert details["format"] == "docx" and details["recipient"] == "sector:education"

    # a folder that is not there: a plain message, no file, nothing more in the log
    warned: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **_k: warned.append(a[2]))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "missing" / "x.docx"), "")
    )
    dialog.save_word()
    assert warned and "could not be saved" in warned[0]
    with demo_context.sessions() as s:
        assert len(s.scalars(select(AuditEvent).where(AuditEvent.action == audit.EXPORT)).all()) == 1
    worker.wait()
