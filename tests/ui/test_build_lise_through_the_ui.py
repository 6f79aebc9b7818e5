"""Acceptance: a caseworker builds Lise's family (seed 004) through the UI alone, sees every
intervention with its law, where the week collides and where help is missing, and saves
the network picture."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QTimeEdit

from app.services.cases.case_list import SortKey
from app.services.common.clock import local_today
from app.services.common.cpr import fictional_cpr
from app.ui.cases.case_list_model import COLUMNS
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.family.family_dialogs import ProfessionalDialog
from app.ui.family.family_page import TAB_NETWORK, FamilyPage
from app.ui.family.intervention_dialog import InterventionDialog
from app.ui.family.people_tab import ID_ROLE
from app.ui.main_window import PAGE_FAMILY, MainWindow
from tests.ui.lane_helpers import ready, save


def _reload(qtbot, page: FamilyPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()


def _add_intervention(  # type: ignore[no-untyped-def]
    qtbot,
    page: FamilyPage,
    context,
    member: str,
    title: str,
    law: str,
    start: date,
    slots: list[tuple[int, int, int, bool]],
    professional: str | None = None,
    end: date | None = None,
) -> None:
    overview = page.analysis.overview  # type: ignore[union-attr]
    dialog = InterventionDialog(context, page.lanes, overview)
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.member.setCurrentIndex(dialog.member.findText(member))
    dialog.start.setDate(QDate(start.year, start.month, start.day))
    qtbot.keyClicks(dialog.law.search, law)
    assert dialog.law.results.count() >= 1, law
    dialog.law.results.setCurrentRow(0)
    dialog.title_edit.setText(title)
    if professional is not None:
        index = next(
            i
            for i in range(dialog.professional.count())
            if dialog.professional.itemText(i).startswith(professional)
        )
        dialog.professional.setCurrentIndex(index)
    if end is not None:
        dialog.end.set_value(end)
    for row, (weekday, begin, finish, parent) in enumerate(slots):
        dialog.slot_table.add_slot()
        day, start_edit, end_edit, needs_parent = (dialog.slot_table.cellWidget(row, c) for c in range(4))
        assert isinstance(day, QComboBox) and isinstance(start_edit, QTimeEdit)
        assert isinstance(end_edit, QTimeEdit) and isinstance(needs_parent, QCheckBox)
        day.setCurrentIndex(weekday)
        start_edit.setTime(QTime(begin, 0))
        end_edit.setTime(QTime(finish, 0))
        needs_parent.setChecked(parent)
    assert save(dialog), dialog.summary.text()
    _reload(qtbot, page)


@pytest.fixture(params=["sqlite", pytest.param("server", marks=pytest.mark.postgres)])
def builder_context(request, open_store_context):  # type: ignore[no-untyped-def]
    """On a local store, and as a caseworker's own role on a shared server (where every
    read and write goes through the reach views and their triggers)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_context")
    store = request.getfixturevalue("shared_store")
    return open_store_context(store.url_for("anna"))


def test_build_lise_family_through_the_ui(
    builder_context, qtbot, settings, tmp_path, monkeypatch, english
) -> None:  # type: ignore[no-untyped-def]
    sqlite_context = builder_context
    # The shared store's demo already has Lise's family: this one is told apart by its title.
    title = "Familien Holm Jensen" if sqlite_context.store_kind == "sqlite" else "Familien Holm Jensen (ny)"
    today = local_today()
    rng = random.Random(2017)
    window = MainWindow(sqlite_context, settings, "en")
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)

    # 1. The new case: Lise, single mother, three children aged 9-15.
    dialog = NewCaseDialog(sqlite_context, window.lanes, window)
    ready(dialog)
    qtbot.addWidget(dialog)
    dialog.family_name.setText(title)
    people = [
        ("Lise", date(today.year - 38, 2, 11), True),
        ("Oliver", date(today.year - 15, 3, 3), False),
        ("Freja", date(today.year - 12, 6, 21), True),
        ("Emil", date(today.year - 9, 9, 9), False),
    ]
    while len(dialog.members) < len(people):
        dialog.add_member()
    for widgets, (first, born, female) in zip(dialog.members, people, strict=True):
        widgets.first_name.setText(first)
        widgets.last_name.setText("Holm Jensen")
        widgets.cpr.setText(fictional_cpr(born, female, rng))
    assert save(dialog), dialog.summary.text()
    window.cases.scope.setCurrentIndex(window.cases.scope.findData("all"))
    window.cases.model.reload()

    # 2. Open it from the case list with a double-click.
    model = window.cases.model
    qtbot.waitUntil(lambda: not model.busy, timeout=20_000)  # the list is read on the lane
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == title)
    index = model.index(row, COLUMNS.index(SortKey.TITLE))
    table = window.cases.table
    table.scrollTo(index)
    page = window.family
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.nav.currentRow() == PAGE_FAMILY
    assert page.people.members.rowCount() == 4

    # 3. The network: a family therapist and the job consultant.
    for name, role, sector_text in (
        ("Anne Familiebehandler", "Familiebehandler", "Children and families"),
        ("Jonas Jobkonsulent", "Jobkonsulent", "Employment"),
    ):
        pro = ProfessionalDialog(sqlite_context, page.lanes, page.case_id)  # type: ignore[arg-type]
        ready(pro)
        qtbot.addWidget(pro)
        qtbot.keyClicks(pro.name, name)
        qtbot.keyClicks(pro.role, role)
        pro.sector.setCurrentIndex(pro.sector.findText(sector_text))
        qtbot.keyClicks(pro.email, "not-an-address")
        assert not save(pro)
        assert pro.errors["email"].text() == "Write the e-mail address as name@example.dk."
        pro.email.setText(name.split()[0].lower() + "@helsingor.dk")
        assert save(pro), pro.summary.text()
    _reload(qtbot, page)

    # 4. Interventions across sectors and laws, with their weekly times.
    start = today - timedelta(days=60)
    _add_intervention(
        qtbot, page, sqlite_context, "Lise Holm Jensen", "Virksomhedspraktik", "virksomhedspraktik", start,
        [(0, 8, 13, False), (3, 8, 13, False)], "Jonas",
    )  # fmt: skip
    _add_intervention(
        qtbot, page, sqlite_context, "Lise Holm Jensen", "Familiebehandling", "BL 32", start,
        [(1, 16, 18, False)], "Anne",
    )  # fmt: skip
    _add_intervention(
        qtbot, page, sqlite_context, "Emil Holm Jensen", "Samtalegruppe", "BL 30", start,
        [(3, 12, 14, True)],
    )  # fmt: skip
    _add_intervention(
        qtbot, page, sqlite_context, "Freja Holm Jensen", "Støtte i klassen", "FSL 3", start - timedelta(days=200),
        [(1, 9, 12, False)], end=start - timedelta(days=120),
    )  # fmt: skip

    analysis = page.analysis
    assert analysis is not None
    # Every intervention is shown with its law.
    shown: dict[int, str] = {}
    root = page.people.tree.invisibleRootItem()
    stack = [root.child(i) for i in range(root.childCount())]
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.parent() is not None and item.data(0, ID_ROLE) is not None:
            shown[int(item.data(0, ID_ROLE))] = item.text(1)
    assert len(shown) == 4
    assert sorted(text.split(" §")[0].split(" kap")[0] for text in shown.values()) == [
        "BL",
        "BL",
        "FSL",
        "LAB",
    ]

    # Where the week collides: Emil needs Lise on Thursday while she is in her placement.
    collisions = [page.collisions.item(i).text() for i in range(page.collisions.count())]
    assert len(collisions) == 1
    assert "Emil" in collisions[0] and "Lise" in collisions[0] and "12.00–13.00" in collisions[0]
    # Where help is missing: Freja's school support ended months ago.
    assert [page.analysis.overview.member(g.citizen_id).first_name for g in analysis.gaps] == ["Freja"]  # type: ignore[union-attr]
    assert any(gap == g for g, _rect in page.timeline.gap_rects for gap in analysis.gaps)
    warnings = [page.warnings.item(i).text() for i in range(page.warnings.count())]
    assert any("No consent" in w for w in warnings)
    assert any("Help from 2 sectors," in w for w in warnings)

    # The network picture: one node per professional, saved as PNG and SVG.
    page.tabs.setCurrentIndex(TAB_NETWORK)
    assert {
        page.network.eco_map.professional_items[p.id].toolTip().split("\n")[0]
        for p in analysis.overview.professionals
    } >= {
        "Anne Familiebehandler",
        "Jonas Jobkonsulent",
    } or len(page.network.eco_map.professional_items) == 2
    png, svg = tmp_path / "netvaerk.png", tmp_path / "netvaerk.svg"
    for target, kind in ((png, "PNG image (*.png)"), (svg, "SVG drawing (*.svg)")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, t=target, k=kind: (str(t), k))
        page.network.save_button.click()
    assert not QImage(str(png)).isNull()
    names = "".join(ET.parse(svg).getroot().itertext())
    assert "Jonas Jobkonsulent" in names and "Anne Familiebehandler" in names
