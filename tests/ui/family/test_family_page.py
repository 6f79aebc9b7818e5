"""The family screen driven like a caseworker: Lise's family, dialogs, collisions, network."""

from __future__ import annotations

import random
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QMessageBox, QTimeEdit
from sqlalchemy import func, select

from app.models import Case, Citizen, Consent, FamilyMember, Intervention, LawSection, TransitionTrack
from app.models.enums import ConsentDirection, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.ui.common.background import StoreLanes
from app.ui.family.consent_dialog import ConsentDialog
from app.ui.family.family_dialogs import MemberDialog
from app.ui.family.family_page import TAB_NETWORK, FamilyPage
from app.ui.family.intervention_dialog import InterventionDialog
from app.ui.family.people_tab import ID_ROLE
from tests.ui.lane_helpers import ready, save, wait_for

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day


def _cpr(born: date, female: bool, seed: int) -> str:
    return fictional_cpr(born, female, random.Random(9000 + seed))


def _page(qtbot, context: AppContext, settings, case_id: int) -> FamilyPage:  # type: ignore[no-untyped-def]
    page = FamilyPage(context, settings, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    return page


def _reload(qtbot, page: FamilyPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.item(i).text() for i in range(widget.count())]


def test_lise_family_shows_members_laws_collision_and_network(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, settings, _lise(demo_context))
    analysis = page.analysis
    assert analysis is not None
    assert page.heading.text().endswith("Familien Holm Jensen")
    assert page.people.members.rowCount() == 4
    names = [page.people.members.item(r, 0).text() for r in range(4)]
    assert names[0] == "Lise Holm Jensen"
    # Every intervention is in the tree with its law reference.
    laws = set()
    root = page.people.tree.invisibleRootItem()
    stack = [root.child(i) for i in range(root.childCount())]
    ids = set()
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.data(0, ID_ROLE) is not None and item.parent() is not None:
            ids.add(int(item.data(0, ID_ROLE)))
            laws.add(item.text(1))
    assert ids == {i.id for i in analysis.overview.interventions}
    assert any(text.startswith("BL § 32") for text in laws)
    # Emil's group needs a parent on Thursday while Lise is in her work placement.
    collisions = _texts(page.collisions)
    assert any("Emil" in t and "Lise" in t for t in collisions), collisions
    assert page.tabs.tabText(2).startswith("Uge (")
    # One eco-map node per professional, drawn when the tab is seen.
    page.tabs.setCurrentIndex(TAB_NETWORK)
    assert len(page.network.eco_map.professional_items) == len(analysis.overview.professionals) > 0
    assert page.network.contacts.rowCount() == len(analysis.overview.professionals)


def test_adding_an_intervention_through_the_dialog_shows_the_collision(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, settings, family_case
) -> None:
    page = _page(qtbot, sqlite_context, settings, family_case)
    assert _texts(page.collisions) == ["No collisions in the family's week."]
    overview = page.analysis.overview  # type: ignore[union-attr]
    mona = next(m for m in overview.members if m.first_name == "Mona")
    malthe = next(m for m in overview.members if m.first_name == "Malthe")

    def add(
        citizen_id: int, title: str, search: str, start: tuple[int, int], end: tuple[int, int], parent: bool
    ) -> None:
        dialog = InterventionDialog(sqlite_context, page.lanes, page.analysis.overview, None, citizen_id)  # type: ignore[union-attr]
        qtbot.addWidget(dialog)
        ready(dialog)
        qtbot.keyClicks(dialog.title_edit, title)
        qtbot.keyClicks(dialog.law.search, search)
        assert dialog.law.results.count() >= 1
        dialog.law.results.setCurrentRow(0)
        dialog.slot_table.add_slot()
        day = dialog.slot_table.cellWidget(0, 0)
        begin = dialog.slot_table.cellWidget(0, 1)
        finish = dialog.slot_table.cellWidget(0, 2)
        needs_parent = dialog.slot_table.cellWidget(0, 3)
        assert isinstance(day, QComboBox) and isinstance(begin, QTimeEdit)
        assert isinstance(finish, QTimeEdit) and isinstance(needs_parent, QCheckBox)
        day.setCurrentIndex(2)  # Wednesday
        begin.setTime(QTime(*start))
        finish.setTime(QTime(*end))
        needs_parent.setChecked(parent)
        assert save(dialog), dialog.summary.text()
        _reload(qtbot, page)

    add(mona.citizen_id, "Jobsamtale", "LAB", (9, 0), (11, 0), False)
    assert _texts(page.collisions) == ["No collisions in the family's week."]
    add(malthe.citizen_id, "Fysioterapi", "BL 90", (10, 0), (12, 0), True)
    collisions = _texts(page.collisions)
    assert len(collisions) == 1
    assert "Malthe" in collisions[0] and "Mona" in collisions[0]
    assert "10.00" in collisions[0] and "11.00" in collisions[0]
    assert len(page.week.collision_slot_ids) == 2


def test_intervention_dialog_refuses_end_before_start_and_stores_nothing(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, settings, family_case
) -> None:
    page = _page(qtbot, sqlite_context, settings, family_case)
    dialog = InterventionDialog(sqlite_context, page.lanes, page.analysis.overview)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    ready(dialog)
    qtbot.keyClicks(dialog.title_edit, "Aflastning")
    dialog.start.setDate(QDate(2026, 6, 1))
    dialog.end.check.setChecked(True)
    dialog.end.edit.setDate(QDate(2026, 5, 1))
    assert not save(dialog)
    assert dialog.errors["end_date"].isVisibleTo(dialog)
    assert dialog.errors["end_date"].text() == "The end cannot come before the start."
    assert "End" in dialog.summary.text()
    with sqlite_context.sessions() as session:
        assert (
            session.scalar(select(func.count(Intervention.id)).where(Intervention.case_id == family_case))
            == 0
        )


def test_law_picker_only_offers_sections_in_force_on_the_start_date(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, settings, family_case
) -> None:
    page = _page(qtbot, sqlite_context, settings, family_case)
    dialog = InterventionDialog(sqlite_context, page.lanes, page.analysis.overview)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    ready(dialog)
    qtbot.keyClicks(dialog.law.search, "Barnets lov")
    assert dialog.law.results.count() > 0
    dialog.start.setDate(QDate(2023, 6, 1))  # before Barnets lov came into force
    assert dialog.law.results.count() == 0
    with sqlite_context.sessions() as session:
        ended = session.scalars(select(LawSection).where(LawSection.valid_to.is_not(None))).first()
    if ended is not None:
        dialog.law.search.setText(ended.title)
        dialog.start.setDate(QDate(ended.valid_from.year, ended.valid_from.month, ended.valid_from.day))
        assert any(
            dialog.law.results.item(i).text().endswith(ended.title) for i in range(dialog.law.results.count())
        )


def test_add_member_through_the_dialog(qtbot, sqlite_context, settings, family_case) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, sqlite_context, settings, family_case)
    dialog = MemberDialog(sqlite_context, page.lanes, family_case)
    qtbot.addWidget(dialog)
    ready(dialog)
    qtbot.keyClicks(dialog.first_name, "Mille")
    assert not save(dialog)  # last name and CPR missing
    assert dialog.errors["last_name"].isVisibleTo(dialog)
    assert dialog.errors["cpr"].isVisibleTo(dialog)
    qtbot.keyClicks(dialog.last_name, "Testsen")
    qtbot.keyClicks(dialog.cpr, "310299-1234")
    assert not save(dialog)
    assert "date of birth" in dialog.errors["cpr"].text()
    dialog.cpr.clear()
    qtbot.keyClicks(dialog.cpr, _cpr(date(2019, 4, 4), True, 21))
    assert save(dialog), dialog.summary.text()
    _reload(qtbot, page)
    names = [page.people.members.item(r, 0).text() for r in range(page.people.members.rowCount())]
    assert names == ["Mona Testsen", "Malthe Testsen", "Mille Testsen"]


def test_removing_a_member_asks_first(qtbot, sqlite_context, settings, family_case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, sqlite_context, settings, family_case)
    malthe = next(m for m in page.analysis.overview.members if m.first_name == "Malthe")  # type: ignore[union-attr]
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    page.remove_member(malthe.citizen_id)
    wait_for(lambda: asked)  # what goes with the person is read on the lane first
    assert page.lanes.wait(10_000)
    assert "Malthe Testsen" in asked[0]
    with sqlite_context.sessions() as session:
        assert (
            session.scalar(
                select(func.count(FamilyMember.id)).where(FamilyMember.citizen_id == malthe.citizen_id)
            )
            == 1
        )
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.remove_member(malthe.citizen_id)
    assert page.people.members.rowCount() == 1
    with sqlite_context.sessions() as session:
        assert session.get(Citizen, malthe.citizen_id) is not None  # the person stays in the register


def test_consent_is_recorded_and_shown(qtbot, sqlite_context, settings, family_case) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, sqlite_context, settings, family_case)
    assert "Mona Testsen" in page.consent_state.text() or page.consent_state.text() == "None recorded"
    overview = page.analysis.overview  # type: ignore[union-attr]
    dialog = ConsentDialog(
        sqlite_context, page.lanes, family_case, overview.members, overview.members[1].citizen_id
    )
    qtbot.addWidget(dialog)
    ready(dialog)
    dialog.given_by.setEditText("")
    assert not save(dialog)
    dialog.given_by.setEditText("Mona Testsen")
    assert not save(dialog)  # both ways by default: collecting names what and from whom
    dialog.direction.setCurrentIndex(dialog.direction.findData(ConsentDirection.SHARE))
    assert save(dialog), dialog.summary.text()
    with sqlite_context.sessions() as session:
        assert session.scalar(select(func.count(Consent.id)).where(Consent.case_id == family_case)) == 1
    _reload(qtbot, page)
    assert page.consent_state.text() == "Missing for Mona Testsen"


def test_youth_gets_a_transition_track(qtbot, sqlite_context, settings) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    with sqlite_context.sessions.begin() as session:
        from app.services.demo.demo import generate_demo

        generate_demo(session, families=0, seed=5, today=today, my_login="tester")
        born = date(today.year - 17, 1, 10) if today.month > 1 else date(today.year - 17, 1, 1)
        case = create_case(
            session,
            CaseInput(
                family_name="Familien Ung",
                members=[
                    MemberInput("Ulla", "Ung", _cpr(date(1980, 2, 2), True, 31), Relation.PARENT, True),
                    MemberInput("Umar", "Ung", _cpr(born, False, 32), Relation.CHILD),
                ],
                coordinator_id=sqlite_context.user.id,
            ),
            today,
        )
        case_id = case.id
    page = _page(qtbot, sqlite_context, settings, case_id)
    assert any("Umar Ung" in t and "transition track" in t for t in _texts(page.warnings))
    umar = next(m for m in page.analysis.overview.members if m.first_name == "Umar")  # type: ignore[union-attr]
    button = page.transition.start_buttons[umar.citizen_id]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        button.click()
    widgets = page.transition.tracks[umar.citizen_id]
    widgets.topics["education"].setChecked(True)
    widgets.contact_name.setText("Birgitte Holm")
    widgets.contact_email.setText("not an address")
    assert page.transition.save(umar.citizen_id)  # handed to the lane; refused there
    wait_for(lambda: not page.transition.tracks[umar.citizen_id].saving)
    assert not page.transition.tracks[umar.citizen_id].error.isHidden()
    assert widgets.contact_email.text() == "not an address"  # the typing stays
    widgets.contact_email.setText("bh@kommune.dk")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        assert page.transition.save(umar.citizen_id)
    with sqlite_context.sessions() as session:
        track = session.scalar(select(TransitionTrack).where(TransitionTrack.citizen_id == umar.citizen_id))
        assert track is not None and track.adult_contact_email == "bh@kommune.dk"
        assert [t.topic for t in track.topics if t.done] == ["education"]
    assert not any("Umar Ung" in t and "transition track" in t for t in _texts(page.warnings))


def test_copy_contact_list(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, settings, _lise(demo_context))
    text = page.network.copy_contacts()
    assert QApplication.clipboard().text() == text
    lines = text.strip().split("\n")
    assert len(lines) == 1 + len(page.analysis.overview.professionals)  # type: ignore[union-attr]
    assert lines[1].split("\t")[0] == page.analysis.overview.professionals[0].name  # type: ignore[union-attr]


def test_slot_times_are_shown_in_the_tree(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, settings, _lise(demo_context))
    overview = page.analysis.overview  # type: ignore[union-attr]
    with_slot = next(i for i in overview.interventions if i.slots)
    slot = with_slot.slots[0]
    shown = time(slot.start.hour, slot.start.minute).strftime("%H.%M")
    root = page.people.tree.invisibleRootItem()
    stack = [root.child(i) for i in range(root.childCount())]
    found = []
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.data(0, ID_ROLE) == with_slot.id and item.parent() is not None:
            found.append(item.text(7))
    assert found and shown in found[0]


def test_only_the_newest_read_is_shown(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    lise = _lise(demo_context)
    with demo_context.sessions() as session:
        other = int(session.scalar(select(Case.id).where(Case.id != lise).order_by(Case.id).limit(1)))
    page = FamilyPage(demo_context, settings, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    shown: list[int] = []
    page.loaded.connect(shown.append)
    page.open_case(lise)
    page.open_case(other)  # asked for before the first answer arrived
    page.worker.wait()
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(50)
    assert shown == [other]
    assert page.analysis is not None and page.analysis.overview.summary.id == other


def test_the_case_deadlines_are_listed(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    from app.services.cases.deadlines import deadlines_for_case, upcoming
    from app.services.common.clock import local_today
    from app.ui.common.labels import deadline_title

    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, settings, case_id)
    today = local_today()
    with demo_context.sessions() as session:
        expected = [d for d in upcoming(deadlines_for_case(session, case_id, today), today) if not d.done]
    shown = [t for t in _texts(page.warnings) if t.startswith("Deadline ")]
    assert len(shown) == len(expected) > 0
    assert all(deadline_title(d) in t for d, t in zip(expected, shown, strict=True))


def test_opening_a_case_is_logged_and_a_re_read_is_not(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    from app.models import AuditEvent
    from app.services.common import audit

    def openings() -> int:
        with demo_context.sessions() as session:
            stmt = select(func.count(AuditEvent.id)).where(
                AuditEvent.action == audit.OPEN_CASE, AuditEvent.object_type == "case"
            )
            return int(session.scalar(stmt) or 0)

    before = openings()
    page = _page(qtbot, demo_context, settings, _lise(demo_context))
    assert openings() == before + 1
    _reload(qtbot, page)  # after a change: the same page read again, no new lookup
    assert openings() == before + 1
