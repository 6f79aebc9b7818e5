"""A consent's direction through the dialogs (issue 20 item 3): a consent to collect must name
from whom and what, next to the fields; recorded, the register shows its way and the school
as a party information may be collected from but not passed on to; the form printed to sign
says what the family agrees to, and no CPR number."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEvent, Citizen, Consent
from app.models.enums import ConsentDirection
from app.services.privacy.consent_register import Cover
from app.services.privacy.sharing import INFO_TYPES, Party, PartyKind
from app.ui.family.consent_dialog import ConsentDialog
from tests.ui.lane_helpers import ready, save
from tests.ui.privacy.test_consent_register import _column, _register, _settle


def _dialog(qtbot, context, register, son: int, lanes) -> ConsentDialog:  # type: ignore[no-untyped-def]
    dialog = ConsentDialog(context, lanes, register._case_id, register._members, son, register)
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.given_by.setEditText("Mona Holm")
    return dialog


def test_a_consent_to_collect_is_recorded_printed_and_shown_its_way(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, case, lanes, tmp_path: Path
) -> None:
    case_id, _mother, son, teacher = case
    register = _register(qtbot, sqlite_context, case_id)
    dialog = _dialog(qtbot, sqlite_context, register, son, lanes)
    assert dialog.direction.currentData() == ConsentDirection.BOTH  # the dialog asks; both is offered first
    dialog.direction.setCurrentIndex(dialog.direction.findData(ConsentDirection.COLLECT))
    assert not save(dialog)  # nothing named: from whom, and what
    for field in ("parties", "info_types"):
        assert dialog.errors[field].isVisibleTo(dialog), field
    with sqlite_context.sessions() as s:
        assert s.scalar(select(Consent.id)) is None

    school = Party(PartyKind.PROFESSIONAL, str(teacher))
    named = [school.encode()]

    def listed() -> bool:
        return named[0] in {
            dialog.parties.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.parties.count())
        }

    qtbot.waitUntil(listed, timeout=10_000)  # the case's professionals arrive from the store
    dialog.check_party(school)
    for key in INFO_TYPES:
        dialog.info_types[key].setChecked(True)
    dialog.purpose.setText("Den fælles plan")
    form = tmp_path / "samtykke.pdf"
    dialog.write_form(form)
    qtbot.waitUntil(lambda: form.exists() and dialog.print_button.isEnabled(), timeout=10_000)
    text = " ".join(page.extract_text() for page in PdfReader(form).pages)
    assert "Kommunen må hente oplysninger om Bo Holm hos" in text
    assert "give oplysninger om Bo Holm videre" not in text  # collecting only
    assert "Lone Lærer" in text and "Mona Holm" in text and "Den fælles plan" in text
    assert "Retssikkerhedsloven § 11 a" in text and "Forvaltningsloven" not in text
    with sqlite_context.sessions() as s:
        cpr = s.scalar(select(Citizen.cpr).where(Citizen.id == son))
        assert cpr and cpr not in text.replace("-", "") and cpr[:6] not in text
        logged = s.scalar(select(AuditEvent).where(AuditEvent.object_type == "consent_form"))
        assert logged is not None and logged.case_id == case_id
    assert save(dialog), dialog.summary.text()
    with sqlite_context.sessions() as s:
        assert s.scalar(select(Consent.direction)) == ConsentDirection.COLLECT

    register.reload()
    _settle(qtbot, register)
    assert register.consents.item(0, 3).text() == "Collect"
    column = _column(register, school)
    assert register.cover_level(son, column) == Cover.NONE  # nothing may be passed on to the school
    register.cover_way.setCurrentIndex(register.cover_way.findData(ConsentDirection.COLLECT))
    assert register.cover_level(son, _column(register, school)) == Cover.FULL  # … but asked for
    assert "collected from" in register.cover_note.text()
