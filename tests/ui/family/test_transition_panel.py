"""The transition to adulthood on the family screen: a young person of 17 is offered a track,
the track is started and saved through the store lane, and a refused save keeps the typing."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.models import Citizen, TransitionTrack
from app.models.enums import CoordinationModel, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.ui.family.family_page import TAB_TRANSITION, FamilyPage
from app.ui.family.transition_panel import TransitionPanel
from tests.ui.family.family_pages import open_family_page
from tests.ui.lane_helpers import wait_for

pytestmark = pytest.mark.any_day


@pytest.fixture
def young_family(sqlite_context: AppContext) -> tuple[int, int]:
    """A mother and her son of 17 (turning 18 within the year): the case and the son's id."""
    today = local_today()
    son_born = date(today.year - 17, 1, 1) if today.month > 1 else date(today.year - 18, 12, 31)
    with sqlite_context.sessions.begin() as session:
        case = create_case(
            session,
            CaseInput(
                family_name="Familien Overgang",
                members=[
                    MemberInput(
                        "Mette",
                        "Overgang",
                        fictional_cpr(date(today.year - 44, 6, 1), True, random.Random(1)),
                        Relation.PARENT,
                        custody=True,
                    ),
                    MemberInput(
                        "Mads", "Overgang", fictional_cpr(son_born, False, random.Random(2)), Relation.CHILD
                    ),
                ],
                coordinator_id=sqlite_context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            today,
        )
        son = session.scalar(
            select(Citizen.id).where(Citizen.first_name == "Mads", Citizen.last_name == "Overgang")
        )
        assert son is not None
        return case.id, son


def _started(qtbot, page: FamilyPage, son: int) -> TransitionPanel:  # type: ignore[no-untyped-def]
    panel = page.transition
    assert set(panel.start_buttons) == {son} and not panel.tracks  # only the son, and no track yet
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        panel.start_buttons[son].click()
    assert set(panel.tracks) == {son}
    return panel


def _stored(context: AppContext, son: int) -> TransitionTrack:
    with context.sessions() as session:
        track = session.scalar(select(TransitionTrack).where(TransitionTrack.citizen_id == son))
        assert track is not None
        session.expunge(track)
        return track


def test_a_track_is_started_shown_and_saved(qtbot, sqlite_context, settings, english, young_family) -> None:  # type: ignore[no-untyped-def]
    case_id, son = young_family
    page = open_family_page(qtbot, sqlite_context, settings, case_id, TAB_TRANSITION)
    panel = _started(qtbot, page, son)
    w = panel.tracks[son]
    assert w.track.citizen_id == son and w.topics and not any(box.isChecked() for box in w.topics.values())
    state = panel.findChild(type(panel.intro), f"transitionState_{son}")
    assert state is not None and state.text().startswith(f"0 of {len(w.topics)} topics ready")

    first = next(iter(w.topics))
    w.topics[first].setChecked(True)
    w.notes[first].setText("Aftalt med jobcenteret")
    w.contact_name.setText("Karin Voksen")
    w.contact_email.setText("karin@kommune.dk")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        assert panel.save(son)
    assert not w.error.isVisible()
    stored = _stored(sqlite_context, son)
    assert (stored.adult_contact_name, stored.adult_contact_email) == ("Karin Voksen", "karin@kommune.dk")
    shown = panel.tracks[son]  # the panel is built again from what was stored
    assert shown.topics[first].isChecked() and shown.notes[first].text() == "Aftalt med jobcenteret"
    assert shown.contact_name.text() == "Karin Voksen"


def test_a_refused_save_keeps_the_typing(qtbot, sqlite_context, settings, english, young_family) -> None:  # type: ignore[no-untyped-def]
    case_id, son = young_family
    page = open_family_page(qtbot, sqlite_context, settings, case_id, TAB_TRANSITION)
    panel = _started(qtbot, page, son)
    w = panel.tracks[son]
    w.contact_name.setText("Karin Voksen")
    w.contact_email.setText("ikke en adresse")
    assert panel.save(son)
    wait_for(lambda: not w.saving)
    assert not w.error.isHidden() and w.error.text()
    assert (w.contact_name.text(), w.contact_email.text()) == ("Karin Voksen", "ikke en adresse")
    assert _stored(sqlite_context, son).adult_contact_name == ""

    # Someone else saved the track meanwhile: refused too, and the typing stays.
    with sqlite_context.sessions.begin() as session:
        track = session.scalar(select(TransitionTrack).where(TransitionTrack.citizen_id == son))
        assert track is not None
        track.note = "Ændret af en kollega"
    w.contact_email.setText("karin@kommune.dk")
    assert panel.save(son)
    wait_for(lambda: not w.saving)
    assert not w.error.isHidden() and "Someone else changed this track" in w.error.text()
    assert w.contact_email.text() == "karin@kommune.dk" and w.contact_name.text() == "Karin Voksen"
    assert _stored(sqlite_context, son).adult_contact_name == ""
