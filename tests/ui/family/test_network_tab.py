"""The network tab of the family screen: the professionals listed and drawn in the eco-map, a new
one added and an existing one linked through their dialogs on the store lane, and the exports
(contact list, picture) in the audit log."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import func, select

from app.models import AuditEvent, Professional
from app.models.enums import Sector
from app.services.common import audit
from app.services.common.context import AppContext
from app.ui.family.family_dialogs import LinkProfessionalDialog, ProfessionalDialog
from app.ui.family.family_page import TAB_NETWORK, FamilyPage
from tests.ui.family.family_pages import case_titled, open_family_page
from tests.ui.lane_helpers import exec_saving, wait_for

pytestmark = pytest.mark.any_day


def _network_page(qtbot, context: AppContext, settings) -> FamilyPage:  # type: ignore[no-untyped-def]
    """Lise's family (the demo's) on the network tab."""
    case_id = case_titled(context, "Familien Holm Jensen")
    return open_family_page(qtbot, context, settings, case_id, TAB_NETWORK)


def _listed(page: FamilyPage) -> list[str]:
    table = page.network.contacts
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def _exports(context: AppContext) -> list[dict[str, str]]:
    with context.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action == audit.EXPORT).order_by(AuditEvent.id)
        )
        return [{"object_type": e.object_type, **json.loads(e.details or "{}")} for e in rows]


def test_professionals_are_listed_and_drawn(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(qtbot, demo_context, settings)
    assert page.analysis is not None
    overview = page.analysis.overview
    network = page.network
    assert sorted(_listed(page)) == sorted(p.name for p in overview.professionals)
    assert network.eco_map.isVisible()
    assert set(network.eco_map.professional_items) == {p.id for p in overview.professionals}
    assert set(network.eco_map.member_items) == {m.citizen_id for m in overview.members}
    drawn = {t for item in network.eco_map.professional_items.values() for t in item.texts}
    assert all(any(t.startswith(p.name[:10]) for t in drawn) for p in overview.professionals)
    assert network.add_button.isEnabled() and network.copy_button.isEnabled()


def test_a_new_professional_is_added_through_the_dialog(qtbot, demo_context, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(qtbot, demo_context, settings)
    before = len(_listed(page))

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfessionalDialog)
        dialog.name.setText("Birgit Sundhedsplejerske")
        dialog.role.setText("Sundhedsplejerske")
        dialog.sector.setCurrentIndex(dialog.sector.findData(Sector.HEALTH))
        dialog.email.setText("birgit@kommune.dk")

    monkeypatch.setattr(ProfessionalDialog, "exec", lambda self: exec_saving(self, fill))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.network.add_button.click()
    assert "Birgit Sundhedsplejerske" in _listed(page) and len(_listed(page)) == before + 1
    added = next(p for p in page.analysis.overview.professionals if p.name == "Birgit Sundhedsplejerske")  # type: ignore[union-attr]
    assert added.sector == Sector.HEALTH and not added.member_ids  # in the network, no intervention
    assert added.id in page.network.eco_map.professional_items


def test_an_existing_professional_is_linked_through_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, monkeypatch
) -> None:
    page = _network_page(qtbot, demo_context, settings)
    shown = set(_listed(page))
    with demo_context.sessions() as session:
        others = [name for name in session.scalars(select(Professional.name)) if name not in shown]
    assert others
    wanted = others[0]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, LinkProfessionalDialog)
        dialog.search.setText(wanted)
        wait_for(lambda: dialog.results.count() > 0 and wanted in dialog.results.item(0).text())

    monkeypatch.setattr(LinkProfessionalDialog, "exec", lambda self: exec_saving(self, fill))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.network.link_button.click()
    assert wanted in _listed(page)


def test_exports_are_logged(qtbot, demo_context, settings, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(qtbot, demo_context, settings)
    with demo_context.sessions() as session:
        before = int(
            session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == audit.EXPORT))
        )
    text = page.network.copy_contacts()
    assert all(name in text for name in _listed(page))
    picture = tmp_path / "netvaerk.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(picture), ""))
    page.network.save_button.click()
    assert picture.stat().st_size > 0
    wait_for(lambda: len(_exports(demo_context)) == before + 2)
    kinds = [(e["object_type"], e["kind"]) for e in _exports(demo_context)[before:]]
    assert kinds == [("contacts", "contact list (clipboard)"), ("ecomap", "eco-map.png")]
