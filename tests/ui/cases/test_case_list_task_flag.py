"""The case list flags a case with an open task past its due date ("Opgave overskredet"),
once typing pauses, beside its other flags; done tasks and tasks due today or later do not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseStatus
from app.services.cases.case_list import Scope, SortKey
from app.services.common.clock import local_today, now_utc
from app.services.common.context import AppContext
from app.services.tasks.tasks import TaskInput, create_task, set_task_done
from app.ui.cases.case_list_model import CASE_ID_ROLE, COLUMNS, CaseListModel
from app.ui.common.background import StoreWorker
from app.ui.common.colours import Tone, tone


@pytest.mark.parametrize(
    ("due_offset", "done", "flagged"),
    [(-30, False, True), (-1, False, True), (0, False, False), (1, False, False), (-1, True, False)],
    ids=["a-month-ago", "yesterday", "today", "tomorrow", "done-yesterday"],
)
def test_an_overdue_task_flags_its_case(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, danish, due_offset: int, done: bool, flagged: bool
) -> None:
    today = local_today()
    with demo_context.sessions.begin() as s:
        case_id = int(
            s.scalar(select(Case.id).where(Case.status != CaseStatus.CLOSED).order_by(Case.id.desc())) or 0
        )
        task_id = create_task(
            s, TaskInput("Ring", case_id, today + timedelta(days=due_offset), demo_context.user.id), today
        )
        if done:
            set_task_done(s, task_id, True, None, now_utc())
    model = CaseListModel(demo_context, StoreWorker())
    model.worker.setParent(model)
    model.set_scope(Scope.ALL)
    model.set_search(s_number(demo_context, case_id))
    qtbot.waitUntil(
        lambda: not model.busy and not model.flags_pending and model.rowCount() == 1, timeout=10_000
    )
    assert model.index(0, 0).data(CASE_ID_ROLE) == case_id
    flags = model.item(0, COLUMNS.index(SortKey.FLAGS))
    assert ("Opgave overskredet" in flags.text()) == flagged
    if flagged:
        assert "Opgave overskredet" in flags.toolTip()
        assert flags.foreground().color() == tone(Tone.ERROR)


def s_number(context: AppContext, case_id: int) -> str:
    with context.sessions() as s:
        return str(s.scalar(select(Case.number).where(Case.id == case_id)))
