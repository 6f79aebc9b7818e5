"""The consent register dialog: recording a consent through the dialog shows it covered in the
matrix; withdrawing it shows not covered at once; the signed form is kept with the record."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFileDialog

from app.models import Consent
from app.models.enums import ConsentCapacity, ConsentDirection, Sector
from app.services.privacy.consent_register import Cover
from app.services.privacy.consents import attachment_of
from app.services.privacy.sharing import INFO_TYPES, Party, PartyKind
from app.ui.common.background import StoreLanes
from app.ui.family.consent_dialog import ConsentDialog
from app.ui.privacy.consent_register_dialog import ConsentRegisterDialog
from tests.ui.contrast import PALETTES, TEXT_AA, contrast
from tests.ui.lane_helpers import ready, save


def _register(qtbot, context, case_id: int) -> ConsentRegisterDialog:  # type: ignore[no-untyped-def]
    """The register dialog, once its first read has come back from the store lane."""
    lanes = StoreLanes()
    register = ConsentRegisterDialog(context, lanes, case_id)
    lanes.setParent(register)
    qtbot.addWidget(register)
    _settle(qtbot, register)
    return register


def _settle(qtbot, register: ConsentRegisterDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not register.busy, timeout=10_000)


def _column(dialog: ConsentRegisterDialog, party: Party) -> int:
    assert dialog.matrix is not None
    return next(i for i, p in enumerate(dialog.matrix.parties) if p.party == party)


def test_record_then_withdraw_through_the_dialogs(
    qtbot, sqlite_context, case, tmp_path, monkeypatch, lanes
) -> None:  # type: ignore[no-untyped-def]
    case_id, mother, son, teacher = case
    register = _register(qtbot, sqlite_context, case_id)
    to_teacher = Party(PartyKind.PROFESSIONAL, str(teacher))
    school = Party(PartyKind.SECTOR, Sector.EDUCATION.value)
    column = _column(register, to_teacher)
    assert register.cover_level(son, column) == Cover.NONE
    assert register.cover_text(son, column) == "Not covered"
    assert register.consents.rowCount() == 0

    form = tmp_path / "samtykke.pdf"
    form.write_bytes(b"%PDF-1.4 underskrevet")
    members = register._members
    dialog = ConsentDialog(sqlite_context, lanes, case_id, members, son, register)
    qtbot.addWidget(dialog)
    ready(dialog)
    assert dialog.capacity.currentData() == ConsentCapacity.CUSTODY_HOLDER
    dialog.given_by.setEditText("Mona Holm")
    for key in INFO_TYPES:
        dialog.info_types[key].setChecked(True)
    dialog.check_party(school)
    dialog.purpose.setText("Fælles plan")
    dialog.attach_file(form)
    assert save(dialog), dialog.summary.text()
    with sqlite_context.sessions() as s:
        stored = s.get(Consent, dialog.stored_id)
        assert stored.given_by_citizen_id == mother
        assert attachment_of(s, stored.id) == ("samtykke.pdf", form.read_bytes())

    register.reload()
    _settle(qtbot, register)
    assert register.consents.rowCount() == 1
    assert register.cover_level(son, column) == Cover.FULL
    assert register.cover_text(son, column) == "Covered"
    assert register.cover_level(son, _column(register, school)) == Cover.FULL
    assert register.cover_level(mother, column) == Cover.NONE
    register.consents.selectRow(0)
    assert register.withdraw_button.isEnabled() and register.save_file_button.isEnabled()

    # the signed form saved where the caseworker says, under a fixed suggested name
    asked: list[str] = []

    def save_as(_parent, _caption, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "gemt"), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    register.save_file_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "gemt.pdf").exists(), timeout=10_000)
    assert asked == ["samtykkeerklaering"]
    assert (tmp_path / "gemt.pdf").read_bytes() == form.read_bytes()
    _settle(qtbot, register)
    register.consents.selectRow(0)

    # withdrawing asks for a reason and asks first; cancelling changes nothing
    monkeypatch.setattr(register, "ask_reason", lambda: ("Mor ønsker det ikke", True))
    monkeypatch.setattr(register, "confirm", lambda: False)
    register.withdraw_selected()
    assert not register.busy
    assert register.cover_level(son, column) == Cover.FULL
    monkeypatch.setattr(register, "confirm", lambda: True)
    register.withdraw_selected()
    _settle(qtbot, register)
    assert register.modified
    assert register.cover_level(son, column) == Cover.NONE  # at once, on the same day
    assert register.cover_text(son, column) == "Not covered"
    assert register.consents.item(0, 7).text().startswith("Withdrawn")
    assert "Mor ønsker det ikke" in register.consents.item(0, 7).text()
    register.consents.selectRow(0)
    assert not register.withdraw_button.isEnabled()


def test_some_information_types_are_partly_covered(qtbot, sqlite_context, case, lanes) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, son, teacher = case
    register = _register(qtbot, sqlite_context, case_id)
    dialog = ConsentDialog(sqlite_context, lanes, case_id, register._members, son, register)
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.given_by.setEditText("Mona Holm")
    dialog.info_types["school"].setChecked(True)
    dialog.check_party(Party(PartyKind.PROFESSIONAL, str(teacher)))
    assert save(dialog), dialog.summary.text()
    register.reload()
    _settle(qtbot, register)
    column = _column(register, Party(PartyKind.PROFESSIONAL, str(teacher)))
    assert register.cover_level(son, column) == Cover.PARTLY
    assert (
        register.cover_level(son, _column(register, Party(PartyKind.SECTOR, Sector.EDUCATION.value)))
        == Cover.NONE
    )


def test_a_guardian_needs_a_mandate(qtbot, sqlite_context, case, lanes) -> None:  # type: ignore[no-untyped-def]
    case_id, mother, _son, _teacher = case
    dialog = ConsentDialog(
        sqlite_context, lanes, case_id, _register(qtbot, sqlite_context, case_id)._members, mother
    )
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.capacity.setCurrentIndex(dialog.capacity.findData(ConsentCapacity.GUARDIAN))
    dialog.given_by.setEditText("Vera Værge")
    dialog.direction.setCurrentIndex(dialog.direction.findData(ConsentDirection.SHARE))
    assert not dialog.mandate["health"].isChecked() and dialog.mandate["health"].isEnabled()
    assert not save(dialog)
    dialog.mandate["health"].setChecked(True)
    assert save(dialog), dialog.summary.text()


@pytest.mark.parametrize("palette_name", sorted(PALETTES))
def test_the_cover_cells_read_on_a_light_and_a_dark_palette(
    qtbot, sqlite_context, case, palette_name
) -> None:  # type: ignore[no-untyped-def]
    """Each cell's text on its background at WCAG AA, and the cells dark on a dark palette
    (they were light green, yellow and pink under white text: 1.1:1)."""
    case_id, *_ = case
    register = _register(qtbot, sqlite_context, case_id)
    palette = PALETTES[palette_name]
    register.setPalette(palette)
    register.reload()
    _settle(qtbot, register)
    table = register.coverage
    assert table.rowCount() and table.columnCount()
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            fill, ink = item.background().color(), item.foreground().color()
            assert contrast(ink, fill) >= TEXT_AA, (row, column, fill.name(), ink.name())
            assert (fill.lightnessF() < 0.5) == dark
