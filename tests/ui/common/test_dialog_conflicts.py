"""No lost edits: when someone else saves the same row while a dialog is open, what only
they changed is taken over, what both changed is put side by side to choose, and Cancel
keeps the form as typed. Another caseworker's client on the same store does the other save."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import update

from app.models import User
from app.models.enums import AgreementStatus, CoordinationModel, InterventionStatus, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import LOCAL_TZ, local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.services.family.family_overview import FamilyOverview, InterventionInfo, load_family_overview
from app.services.family.interventions import (
    InterventionInput,
    SlotInput,
    add_intervention,
    update_intervention,
)
from app.services.family.members import MemberChange, update_member
from app.services.family.professionals import ProfessionalInput, add_professional, update_professional
from app.services.meetings.meetings import (
    MeetingInfo,
    MeetingInput,
    ParticipantInput,
    create_meeting,
    meeting_info,
    update_meeting,
)
from app.services.plan.plan_document import PlanVersionView, load_plan_document
from app.services.plan.plans import AgreementInput, PlanDraft, new_agreement_key, save_draft, start_draft
from app.ui.calendar.meeting_dialog import KEY_ROLE, MeetingDialog
from app.ui.calendar.minutes_dialog import MinutesDialog
from app.ui.common.background import StoreLanes
from app.ui.common.field_conflict_dialog import FieldConflictDialog, merge_fields
from app.ui.family.family_dialogs import MemberDialog, ProfessionalDialog
from app.ui.family.intervention_dialog import InterventionDialog
from tests.ui.lane_helpers import ready, wait_for

OTHER_NAME = "Anne Andersen"


# -- the store: a family with an intervention, a professional and a meeting --------------------


@pytest.fixture
def other(context: AppContext, store_url: str) -> Iterator[AppContext]:
    """A second client on the same store, logged in as another caseworker."""
    from app.startup import open_context

    ctx = open_context(store_url, login="anne")
    with ctx.sessions.begin() as session:
        session.execute(update(User).where(User.login == "anne").values(full_name=OTHER_NAME))
    yield ctx
    ctx.close()


@pytest.fixture
def case_id(context: AppContext) -> int:
    """Mona (custody) and her son Malthe; Malthe has an intervention, the network a teacher."""
    today = local_today()
    rng = random.Random(4711)
    with context.sessions.begin() as session:
        case = create_case(
            session,
            CaseInput(
                family_name="Familien Testsen",
                members=[
                    MemberInput(
                        "Mona",
                        "Testsen",
                        fictional_cpr(date(today.year - 35, 3, 14), True, rng),
                        Relation.PARENT,
                        custody=True,
                    ),
                    MemberInput(
                        "Malthe",
                        "Testsen",
                        fictional_cpr(date(today.year - 8, 5, 2), False, rng),
                        Relation.CHILD,
                    ),
                ],
                coordinator_id=context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            today,
        )
        overview = load_family_overview(session, case.id)
        malthe = next(m for m in overview.members if m.first_name == "Malthe")
        add_intervention(
            session,
            case.id,
            InterventionInput(
                citizen_id=malthe.citizen_id,
                title="Aflastning",
                start_date=today - timedelta(days=30),
                slots=[SlotInput(4, time(15, 0), time(17, 0))],
            ),
            today,
        )
        add_professional(
            session, case.id, ProfessionalInput("Pia Lærer", "Lærer", "Skolen", phone="49 28 10 00")
        )
        return case.id


def _overview(context: AppContext, case_id: int) -> FamilyOverview:
    with context.sessions() as session:
        return load_family_overview(session, case_id)


def _intervention(context: AppContext, case_id: int) -> InterventionInfo:
    return _overview(context, case_id).interventions[0]


def _as_input(info: InterventionInfo) -> InterventionInput:
    return InterventionInput(
        citizen_id=info.citizen_id,
        title=info.title,
        sector=info.sector,
        law_section_id=info.law_section_id,
        professional_id=info.professional_id,
        start_date=info.start_date,
        end_date=info.end_date,
        status=info.status,
        sector_plan=info.sector_plan,
        source_system=info.source_system,
        last_checked=info.last_checked,
        slots=[SlotInput(s.weekday, s.start, s.end, s.needs_parent) for s in info.slots],
    )


def _other_saves_intervention(other: AppContext, case_id: int, **changes: object) -> None:
    """The other caseworker changes the intervention (against the version they read)."""
    info = _intervention(other, case_id)
    with other.sessions.begin() as session:
        update_intervention(
            session, case_id, info.id, replace(_as_input(info), **changes), info.version, local_today()
        )


def _meeting(context: AppContext, case_id: int, held: bool = False) -> MeetingInfo:
    """A meeting with Mona and the coordinator: in three days, or held yesterday."""
    overview = _overview(context, case_id)
    mona = next(m for m in overview.members if m.first_name == "Mona")
    day = local_today() + (timedelta(days=-1) if held else timedelta(days=3))
    start = datetime.combine(day, time(10, 0), LOCAL_TZ)
    with context.sessions.begin() as session:
        meeting_id = create_meeting(
            session,
            MeetingInput(
                case_id=case_id,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                place="Rådhuset",
                participants=[
                    ParticipantInput(f"citizen:{mona.citizen_id}"),
                    ParticipantInput(f"user:{context.user.id}"),
                ],
                held=held,
            ),
            datetime.now(LOCAL_TZ),
        )
    with context.sessions() as session:
        return meeting_info(session, meeting_id)


def _other_saves_meeting(other: AppContext, meeting_id: int, **changes: object) -> int:
    """The other caseworker changes the meeting; the version it has afterwards."""
    with other.sessions() as session:
        info = meeting_info(session, meeting_id)
    data = MeetingInput(
        case_id=info.case_id,
        kind=info.kind,
        starts_at=info.starts_at,
        ends_at=info.ends_at,
        place=info.place,
        video_link=info.video_link,
        interpreter_needed=info.interpreter_needed,
        participants=[ParticipantInput(key) for key in info.participant_keys],
        held=info.status == "held",
    )
    with other.sessions.begin() as session:
        update_meeting(session, meeting_id, replace(data, **changes), info.version, datetime.now(LOCAL_TZ))
    return _stored_meeting(other, meeting_id).version


def _stored_meeting(context: AppContext, meeting_id: int) -> MeetingInfo:
    with context.sessions() as session:
        return meeting_info(session, meeting_id)


# -- driving the dialogs -------------------------------------------------------------------------


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The old way out ("copy what you need, cancel, open again") must not be needed."""
    shown: list[str] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def conflicts(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[FieldConflictDialog]]:
    """Answer the conflict dialog with ``answer(dialog) -> accepted``; the dialogs seen."""

    def install(answer: Callable[[FieldConflictDialog], bool]) -> list[FieldConflictDialog]:
        seen: list[FieldConflictDialog] = []

        def fake_exec(self: FieldConflictDialog) -> int:
            seen.append(self)
            accepted = answer(self)
            return int(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)

        monkeypatch.setattr(FieldConflictDialog, "exec", fake_exec)
        return seen

    return install


LANES: list[StoreLanes] = []  # the test's store lanes (the autouse fixture below)


@pytest.fixture(autouse=True)
def _lanes(lanes: StoreLanes) -> Iterator[None]:
    LANES[:] = [lanes]
    yield
    LANES.clear()


def _open(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    return ready(dialog)


def _save(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """Click Save and wait for the lane's answer (a merge and a second save included)."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_for(lambda: not dialog.saving)  # type: ignore[attr-defined]


# -- the merge itself ----------------------------------------------------------------------------


def test_merge_takes_what_only_they_changed_and_asks_about_the_rest() -> None:
    base = ProfessionalInput("Pia", "Lærer", "Skolen", phone="1", email="a@b.dk")
    mine = replace(base, role="Klasselærer", phone="2")
    theirs = replace(base, organisation="Byskolen", phone="3", email="a@b.dk")
    merge = merge_fields(base, mine, theirs)
    assert merge.conflicts == ("phone",)
    assert merge.taken == ("organisation",)
    assert merge.merged == replace(base, role="Klasselærer", organisation="Byskolen", phone="2")
    # Without a base every difference is asked about; the same change on both sides is no conflict.
    assert merge_fields(None, mine, theirs).conflicts == ("role", "organisation", "phone")
    assert merge_fields(base, mine, replace(base, phone="2")).conflicts == ()


# -- interventions -------------------------------------------------------------------------------


def test_intervention_different_fields_are_merged_without_asking(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _intervention(context, case_id)
    dialog = _open(qtbot, InterventionDialog(context, LANES[0], _overview(context, case_id), opened))
    dialog.title_edit.setText("Aflastning hver anden weekend")
    _other_saves_intervention(other, case_id, sector_plan="Barnets plan")
    asked = conflicts(lambda _d: pytest.fail("nothing to choose: the fields differ"))

    _save(qtbot, dialog)

    stored = _intervention(context, case_id)
    assert stored.title == "Aflastning hver anden weekend"  # mine
    assert stored.sector_plan == "Barnets plan"  # theirs, kept
    assert stored.version == opened.version + 2
    assert asked == [] and no_message_boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.sector_plan.currentText() == "Barnets plan"  # the form shows what was stored


def test_intervention_same_field_is_chosen_side_by_side(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _intervention(context, case_id)
    dialog = _open(qtbot, InterventionDialog(context, LANES[0], _overview(context, case_id), opened))
    dialog.title_edit.setText("Aflastning i weekender")
    dialog.source.setEditText("DUBU")
    _other_saves_intervention(
        other, case_id, title="Aflastningsfamilie", status=InterventionStatus.PAUSED, slots=[]
    )

    def take_theirs(conflict: FieldConflictDialog) -> bool:
        assert conflict.fields() == ["title"]  # status and times only they changed
        assert conflict.value_texts("title") == ("Aflastning i weekender", "Aflastningsfamilie")
        header = conflict.findChild(QLabel, "savedBy")
        assert OTHER_NAME in header.text()  # type: ignore[union-attr]
        note = conflict.findChild(QLabel, "takenNote")
        assert "Status" in note.text() and "Weekly times" in note.text()  # type: ignore[union-attr]
        conflict.choose("title", theirs=True)
        return True

    asked = conflicts(take_theirs)
    _save(qtbot, dialog)

    assert len(asked) == 1 and no_message_boxes == []
    stored = _intervention(context, case_id)
    assert stored.title == "Aflastningsfamilie"  # chosen: theirs
    assert stored.source_system == "DUBU"  # my other change is kept
    assert stored.status == InterventionStatus.PAUSED and stored.slots == ()  # their other changes too
    assert stored.version == opened.version + 2
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancel_in_the_conflict_stores_nothing_and_keeps_the_typing(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _intervention(context, case_id)
    dialog = _open(qtbot, InterventionDialog(context, LANES[0], _overview(context, case_id), opened))
    dialog.title_edit.setText("Min titel")
    _other_saves_intervention(other, case_id, title="Deres titel")
    asked = conflicts(lambda _d: False)

    _save(qtbot, dialog)

    assert len(asked) == 1
    stored = _intervention(context, case_id)
    assert stored.title == "Deres titel" and stored.version == opened.version + 1  # nothing stored
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.title_edit.text() == "Min titel"  # nothing thrown away

    # Saving again asks again (the other save is still newer); keeping mine stores it.
    def keep_mine(conflict: FieldConflictDialog) -> bool:
        assert conflict.value_texts("title") == ("Min titel", "Deres titel")
        return True

    asked = conflicts(keep_mine)
    _save(qtbot, dialog)
    assert len(asked) == 1 and no_message_boxes == []
    assert _intervention(context, case_id).title == "Min titel"


def test_a_third_save_while_choosing_is_not_overwritten(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _intervention(context, case_id)
    dialog = _open(qtbot, InterventionDialog(context, LANES[0], _overview(context, case_id), opened))
    dialog.title_edit.setText("Mine")
    _other_saves_intervention(other, case_id, title="Theirs")

    def answer(conflict: FieldConflictDialog) -> bool:
        if len(asked) == 1:  # while I choose, they save once more: my choice is checked again
            assert conflict.value_texts("title") == ("Mine", "Theirs")
            _other_saves_intervention(other, case_id, title="Theirs again")
            return True  # keep mine
        assert conflict.value_texts("title") == ("Mine", "Theirs again")
        conflict.choose("title", theirs=True)
        return True

    asked = conflicts(answer)
    _save(qtbot, dialog)

    assert len(asked) == 2 and no_message_boxes == []
    stored = _intervention(context, case_id)
    assert stored.title == "Theirs again"
    assert stored.version == opened.version + 3


# -- meetings ------------------------------------------------------------------------------------


def test_meeting_different_fields_are_merged_without_asking(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _meeting(context, case_id)
    dialog = _open(qtbot, MeetingDialog(context, LANES[0], case_id, opened))
    dialog.place.setText("Familiens hjem")
    theirs = _other_saves_meeting(
        other, opened.id, video_link="https://video.example/abc", interpreter_needed=True
    )
    asked = conflicts(lambda _d: pytest.fail("nothing to choose: the fields differ"))

    _save(qtbot, dialog)

    stored = _stored_meeting(context, opened.id)
    assert stored.place == "Familiens hjem"
    assert stored.video_link == "https://video.example/abc" and stored.interpreter_needed
    assert stored.version > theirs
    assert asked == [] and no_message_boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_meeting_same_field_chosen_and_cancel_keeps_the_form(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _meeting(context, case_id)
    dialog = _open(qtbot, MeetingDialog(context, LANES[0], case_id, opened))
    dialog.place.setText("Skolen, lokale 4")
    moved = opened.starts_at + timedelta(hours=2)
    theirs = _other_saves_meeting(
        other, opened.id, place="Sundhedshuset", starts_at=moved, ends_at=moved + timedelta(hours=1)
    )

    asked = conflicts(lambda _d: False)
    _save(qtbot, dialog)
    assert [d.fields() for d in asked] == [["place"]]
    unchanged = _stored_meeting(context, opened.id)
    assert (unchanged.place, unchanged.version) == ("Sundhedshuset", theirs)  # nothing stored
    assert dialog.isVisible() and dialog.place.text() == "Skolen, lokale 4"

    def take_theirs(conflict: FieldConflictDialog) -> bool:
        assert conflict.value_texts("place") == ("Skolen, lokale 4", "Sundhedshuset")
        conflict.choose("place", theirs=True)
        return True

    asked = conflicts(take_theirs)
    _save(qtbot, dialog)
    assert len(asked) == 1 and no_message_boxes == []
    stored = _stored_meeting(context, opened.id)
    assert stored.place == "Sundhedshuset"
    assert stored.starts_at == moved  # their move, which I did not touch, is kept
    assert stored.version > theirs
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_minutes_survive_a_change_of_the_meeting(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    opened = _meeting(context, case_id, held=True)
    with context.sessions() as session:
        plan = load_plan_document(session, case_id)
    dialog = _open(qtbot, MinutesDialog(context, LANES[0], opened, plan, local_today()))
    dialog.decisions.setPlainText("Mona starter i praktik. Malthe får aflastning.")
    _other_saves_meeting(other, opened.id, place="Rådhuset, lokale 2")
    asked = conflicts(lambda _d: pytest.fail("nothing to choose"))

    _save(qtbot, dialog)

    stored = _stored_meeting(context, opened.id)
    assert stored.minutes == "Mona starter i praktik. Malthe får aflastning."
    assert stored.place == "Rådhuset, lokale 2"
    assert asked == [] and no_message_boxes == []


# -- family members and professionals -----------------------------------------------------------


def test_member_same_field_keeps_mine_and_takes_their_other_change(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    mona = next(m for m in _overview(context, case_id).members if m.first_name == "Mona")
    dialog = _open(qtbot, MemberDialog(context, LANES[0], case_id, mona, mona.member_version))
    dialog.first_name.setText("Monna")
    assert mona.member_id is not None
    with other.sessions.begin() as session:
        update_member(
            session,
            case_id,
            mona.member_id,
            MemberChange("Mone", "Testsen", Relation.PARENT, True, False),
            mona.member_version,
        )

    def keep_mine(conflict: FieldConflictDialog) -> bool:
        assert conflict.fields() == ["first_name"]
        assert conflict.choices[0].label == "First name"
        assert "Household" in conflict.findChild(QLabel, "takenNote").text()  # type: ignore[union-attr]
        return True

    asked = conflicts(keep_mine)
    _save(qtbot, dialog)

    assert len(asked) == 1 and no_message_boxes == []
    stored = next(m for m in _overview(context, case_id).members if m.member_id == mona.member_id)
    assert (stored.first_name, stored.lives_in_household) == ("Monna", False)
    assert not dialog.lives.isChecked()


def test_professional_different_fields_are_merged(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, conflicts, no_message_boxes
) -> None:
    pia = _overview(context, case_id).professionals[0]
    dialog = _open(qtbot, ProfessionalDialog(context, LANES[0], case_id, pia, pia.version))
    dialog.phone.setText("49 28 10 01")
    with other.sessions.begin() as session:
        update_professional(
            session,
            pia.id,
            ProfessionalInput(pia.name, pia.role, pia.organisation, pia.sector, pia.phone, "pia@skolen.dk"),
            pia.version,
        )
    asked = conflicts(lambda _d: pytest.fail("nothing to choose"))

    _save(qtbot, dialog)

    stored = _overview(context, case_id).professionals[0]
    assert (stored.phone, stored.email) == ("49 28 10 01", "pia@skolen.dk")
    assert stored.version == pia.version + 2
    assert asked == [] and no_message_boxes == []


# -- minutes close agreements by key ----------------------------------------------------------


def _plan_view(ctx: AppContext, case_id: int) -> PlanVersionView:
    with ctx.sessions() as session:
        view = load_plan_document(session, case_id).plan
    assert view is not None
    return view


def _draft_with_two_agreements(ctx: AppContext, case_id: int) -> int:
    with ctx.sessions.begin() as session:
        draft_id = start_draft(session, case_id)
        agreements = [
            AgreementInput("Søge om aflastning", agreement_key=new_agreement_key()),
            AgreementInput("Ringe til skolen", agreement_key=new_agreement_key()),
        ]
        save_draft(session, draft_id, PlanDraft(agreements=agreements), None)
    return draft_id


def _tick(dialog: MinutesDialog, what: str) -> str:
    for i in range(dialog.closed.count()):
        item = dialog.closed.item(i)
        if item.text().startswith(what):
            item.setCheckState(Qt.CheckState.Checked)
            return str(item.data(KEY_ROLE))
    raise AssertionError(what)


def _other_edits(other: AppContext, case_id: int, draft_id: int, agreements) -> None:  # type: ignore[no-untyped-def]
    view = _plan_view(other, case_id)
    with other.sessions.begin() as session:
        save_draft(
            session, draft_id, replace(PlanDraft.from_view(view), agreements=agreements), view.row_version
        )


def _minutes_on_two_agreements(qtbot, context: AppContext, case_id: int) -> tuple[int, MinutesDialog]:  # type: ignore[no-untyped-def]
    """A draft with two open agreements and the minutes dialog of yesterday's meeting on it."""
    draft_id = _draft_with_two_agreements(context, case_id)
    opened = _meeting(context, case_id, held=True)
    dialog = _open(
        qtbot,
        MinutesDialog(context, LANES[0], opened, _plan_document(context, case_id), opened.starts_at.date()),
    )
    dialog.decisions.setPlainText("Skolen er ringet op.")
    return draft_id, dialog


def test_the_ticked_agreement_is_closed_after_another_was_put_first(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, no_message_boxes
) -> None:
    draft_id, dialog = _minutes_on_two_agreements(qtbot, context, case_id)
    key = _tick(dialog, "Ringe til skolen")
    stored = PlanDraft.from_view(_plan_view(other, case_id)).agreements
    _other_edits(
        other, case_id, draft_id, [AgreementInput("Ny aftale", agreement_key=new_agreement_key()), *stored]
    )

    _save(qtbot, dialog)

    after = _plan_view(context, case_id)
    assert [(a.what, a.status) for a in after.agreements] == [
        ("Ny aftale", AgreementStatus.OPEN),
        ("Søge om aflastning", AgreementStatus.OPEN),
        ("Ringe til skolen", AgreementStatus.DONE),
    ]
    assert after.agreements[2].agreement_key == key
    assert no_message_boxes == []


def test_an_agreement_removed_meanwhile_is_asked_about_and_nothing_is_stored(  # type: ignore[no-untyped-def]
    qtbot, context, other, case_id, monkeypatch
) -> None:
    draft_id, dialog = _minutes_on_two_agreements(qtbot, context, case_id)
    _tick(dialog, "Ringe til skolen")
    _tick(dialog, "Søge om aflastning")
    kept = [
        a for a in PlanDraft.from_view(_plan_view(other, case_id)).agreements if a.what != "Ringe til skolen"
    ]
    _other_edits(other, case_id, draft_id, kept)
    before = _plan_view(context, case_id).row_version
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))

    _save(qtbot, dialog)

    assert len(warned) == 1 and "Ringe til skolen" in warned[0]
    assert _plan_view(context, case_id).row_version == before  # nothing stored
    assert dialog.isVisible()
    offered = [dialog.closed.item(i).text() for i in range(dialog.closed.count())]
    assert len(offered) == 1 and offered[0].startswith("Søge om aflastning")
    assert dialog.closed.item(0).checkState() == Qt.CheckState.Checked  # the tick is kept
    _save(qtbot, dialog)  # saved again: now it goes through
    assert [(a.what, a.status) for a in _plan_view(context, case_id).agreements] == [
        ("Søge om aflastning", AgreementStatus.DONE)
    ]


def _plan_document(ctx: AppContext, case_id: int):  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        return load_plan_document(session, case_id)
