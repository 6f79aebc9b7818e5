"""Tasks (opgaver): something to do, for a case or for none, assigned to me, the case's
partner caseworker (makkerpar) or any active colleague, with a due date, a reminder and a
note; done or not done, with who and when.

A task of a case is reached with the case (on a shared server: the team's cases); a task of
no case by the one who made it and the one it is assigned to. A task of a closed case is
shown with the case and no longer changed; the cross-case lists leave it out.

The audit log gets every change and every read of tasks, never a task's words (they are
case text): the action, the task and its case, and the names of the fields changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models import Case, Task, User
from app.models.enums import CaseStatus, TaskSource, UserRole
from app.models.plans import LONG_TEXT
from app.services.common import audit
from app.services.common.editing import (
    ConcurrentEditError,
    RowGoneError,
    load_for_edit,
    open_case,
    raise_if_blocking,
    required,
)
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.store.reach import narrowed_to

MAX_WHAT = 2000
# The fields a change may touch (and the audit log names); the source stays as made.
_FIELDS = ("what", "case_id", "due_date", "assigned_to_id", "remind_at", "note")
MAX_SOURCE_REF = 100
# A due date or a reminder lies within ten years of today: anything further is a typing slip.
TASK_REACH = timedelta(days=3653)
AUDIT_TYPE = "task"


class TaskExistsError(ValueError):
    """An open task made from the same agreement, deadline or follow-up is there already;
    nothing was stored. ``task_id`` is the open one."""

    def __init__(self, task_id: int) -> None:
        super().__init__(f"an open task for this already exists (task {task_id}); no second one was made")
        self.task_id = task_id


class AssigneeKind(StrEnum):
    ME = "me"
    COORDINATOR = "coordinator"  # the case's coordinator, when that is not me
    PARTNER = "partner"  # the case's partner caseworker (makkerpar)
    COLLEAGUE = "colleague"


@dataclass(frozen=True, slots=True)
class Assignee:
    user_id: int
    name: str
    kind: AssigneeKind


@dataclass(frozen=True, slots=True)
class TaskInput:
    """A task as the dialog and the one-step makers give it. ``remind_at`` is aware."""

    what: str
    case_id: int | None = None
    due_date: date | None = None
    assigned_to_id: int | None = None
    remind_at: datetime | None = None
    note: str = ""
    # Where it came from (kept when the task is changed): the agreement key, the deadline's
    # key or the follow-up date.
    source: TaskSource = TaskSource.MANUAL
    source_ref: str = ""


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    what: str
    note: str
    case_id: int | None
    case_number: str  # "" for a task of no case
    case_title: str
    case_closed: bool
    due_date: date | None
    assigned_to_id: int
    assignee: str  # the colleague's name
    remind_at: datetime | None  # aware UTC
    done_at: datetime | None
    done_by: str  # the login that marked it done
    done_by_name: str
    source: TaskSource
    source_ref: str
    created_by: str  # the login that made it
    version: int

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_date is not None and self.due_date < today

    def as_input(self) -> TaskInput:
        return TaskInput(
            self.what,
            self.case_id,
            self.due_date,
            self.assigned_to_id,
            self.remind_at,
            self.note,
            self.source,
            self.source_ref,
        )


@dataclass(frozen=True, slots=True)
class OpenTask:
    """One line of someone's open tasks (``open_tasks_for``; "Min dag" uses it): kept stable."""

    id: int
    what: str
    case_id: int | None
    case_number: str
    case_title: str
    due_date: date | None
    overdue: bool


# -- validation ----------------------------------------------------------------------------


def validate_task(data: TaskInput, today: date) -> list[FieldProblem]:
    """What can be said of the input alone (the store's part is said when saving)."""
    problems: list[FieldProblem] = []
    required(problems, "what", data.what, MAX_WHAT)
    if len(data.note.strip()) > LONG_TEXT:
        problems.append(FieldProblem("note", Problem.TOO_LONG))
    if data.assigned_to_id is None:
        problems.append(FieldProblem("assigned_to", Problem.REQUIRED))
    if data.due_date is not None and abs(data.due_date - today) > TASK_REACH:
        problems.append(FieldProblem("due_date", Problem.OUT_OF_RANGE))
    if data.remind_at is not None:
        if data.remind_at.tzinfo is None:
            raise ValueError("a reminder needs an aware moment")
        if abs(data.remind_at.date() - today) > TASK_REACH:
            problems.append(FieldProblem("remind_at", Problem.OUT_OF_RANGE))
    if data.source != TaskSource.MANUAL:
        if data.case_id is None:
            problems.append(FieldProblem("case", Problem.REQUIRED))
        required(problems, "source_ref", data.source_ref, MAX_SOURCE_REF)
    return problems


def _login(session: Session) -> str:
    return str(session.info.get("user", ""))


def _check_assignee(session: Session, user_id: int | None, keep: int | None = None) -> None:
    """An active colleague who may work on cases (or the one the task has now, unchanged)."""
    if user_id is not None and user_id == keep:
        return
    user = session.get(User, user_id) if user_id is not None else None
    if user is None or not user.active or user.role == UserRole.READ_ONLY:
        raise ValidationError([FieldProblem("assigned_to", Problem.REQUIRED)])


def _case_for_source(session: Session, case_id: int) -> None:
    """The case, locked until the transaction ends: two clients making a task from the same
    agreement at once take turns, so the second finds the first one's task."""
    try:
        load_for_edit(session, Case, case_id, None)
    except RowGoneError:
        raise ValidationError([FieldProblem("case", Problem.REQUIRED)]) from None
    open_case(session, case_id)


def open_task_from(session: Session, case_id: int, source: TaskSource, source_ref: str) -> int | None:
    """The open task made from this agreement, deadline or follow-up, if there is one."""
    return session.scalar(
        select(Task.id)
        .where(
            Task.case_id == case_id,
            Task.done_at.is_(None),
            Task.source == source,
            Task.source_ref == source_ref,
        )
        .order_by(Task.id)
        .limit(1)
    )


# -- changing --------------------------------------------------------------------------------


def create_task(session: Session, data: TaskInput, today: date) -> int:
    """A new task; returns its id. Stores nothing on a problem. A task made from an agreement,
    a deadline or a follow-up is refused with TaskExistsError while an open one made from
    the same is there (doing the same step twice makes no second task)."""
    raise_if_blocking(validate_task(data, today))
    if data.case_id is not None:
        if data.source != TaskSource.MANUAL:
            _case_for_source(session, data.case_id)
        else:
            open_case(session, data.case_id)
    _check_assignee(session, data.assigned_to_id)
    if data.source != TaskSource.MANUAL and data.case_id is not None:
        existing = open_task_from(session, data.case_id, data.source, data.source_ref.strip())
        if existing is not None:
            raise TaskExistsError(existing)
    assert data.assigned_to_id is not None
    task = Task(
        case_id=data.case_id,
        what=data.what.strip(),
        note=data.note.strip(),
        due_date=data.due_date,
        assigned_to_id=data.assigned_to_id,
        remind_at=data.remind_at,
        source=data.source,
        source_ref=data.source_ref.strip(),
        done_by="",
    )
    session.add(task)
    session.flush()
    filled = [name for name in _FIELDS if getattr(task, name) not in (None, "")]
    audit.record(
        session,
        audit.CREATE,
        object_type=AUDIT_TYPE,
        object_id=task.id,
        case_id=task.case_id,
        details={"fields": filled, "source": data.source.value},
    )
    return task.id


def update_task(
    session: Session, task_id: int, data: TaskInput, expected_version: int | None, today: date
) -> None:
    """Change a task (not whether it is done, nor where it came from). Refused with
    ConcurrentEditError when someone saved it after ``expected_version``."""
    raise_if_blocking([p for p in validate_task(data, today) if p.field not in ("case", "source_ref")])
    task: Task = load_for_edit(session, Task, task_id, expected_version)
    if task.case_id is not None:
        open_case(session, task.case_id)  # a closed case's tasks are kept as they were
    if data.case_id is not None and data.case_id != task.case_id:
        open_case(session, data.case_id)
    _check_assignee(session, data.assigned_to_id, keep=task.assigned_to_id)
    new = {
        "what": data.what.strip(),
        "case_id": data.case_id,
        "due_date": data.due_date,
        "assigned_to_id": data.assigned_to_id,
        "remind_at": data.remind_at,
        "note": data.note.strip(),
    }
    changed = [name for name in _FIELDS if getattr(task, name) != new[name]]
    for name in changed:
        setattr(task, name, new[name])
    if changed:
        _store_change(session, task, {"fields": changed})


def _store_change(session: Session, task: Task, details: dict[str, Any]) -> None:
    """Write a changed task, refused when someone saved it between the read and the write,
    and log which fields changed."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEditError(f"tasks {task.id}") from exc
    audit.record(
        session,
        audit.CHANGE,
        object_type=AUDIT_TYPE,
        object_id=task.id,
        case_id=task.case_id,
        details=details,
    )


def set_task_done(
    session: Session, task_id: int, done: bool, expected_version: int | None, now: datetime
) -> None:
    """Mark a task done (when, and by the login) or not done again."""
    task: Task = load_for_edit(session, Task, task_id, expected_version)
    if task.case_id is not None:
        open_case(session, task.case_id)
    if done == (task.done_at is not None):
        return
    task.done_at = now if done else None
    task.done_by = _login(session) if done else ""
    _store_change(session, task, {"fields": ["done"], "done": done})


# -- reading ---------------------------------------------------------------------------------


def _rows(session: Session, stmt: Select[Any]) -> list[TaskRow]:
    """The tasks and, in a second read narrowed to their cases, the cases' numbers."""
    tasks = list(session.scalars(stmt))
    case_ids = sorted({t.case_id for t in tasks if t.case_id is not None})
    cases: dict[int, tuple[str, str, bool]] = {}
    if case_ids:
        with narrowed_to(session, case_ids):
            for case_id, number, title, status in session.execute(
                select(Case.id, Case.number, Case.title, Case.status).where(Case.id.in_(case_ids))
            ):
                cases[case_id] = (number, title, status == CaseStatus.CLOSED)
    logins = {t.done_by for t in tasks if t.done_by}
    user_ids = {t.assigned_to_id for t in tasks}
    names: dict[int, str] = {}
    login_names: dict[str, str] = {}
    if tasks:
        for user_id, login, full_name in session.execute(
            select(User.id, User.login, User.full_name).where(
                or_(User.id.in_(user_ids), User.login.in_(logins))
            )
        ):
            names[user_id] = full_name
            login_names[login] = full_name
    rows = []
    for t in tasks:
        number, title, closed = (
            cases.get(t.case_id, ("", "", False)) if t.case_id is not None else ("", "", False)
        )
        rows.append(
            TaskRow(
                id=t.id,
                what=t.what,
                note=t.note,
                case_id=t.case_id,
                case_number=number,
                case_title=title,
                case_closed=closed,
                due_date=t.due_date,
                assigned_to_id=t.assigned_to_id,
                assignee=names.get(t.assigned_to_id, ""),
                remind_at=t.remind_at,
                done_at=t.done_at,
                done_by=t.done_by,
                done_by_name=login_names.get(t.done_by, t.done_by),
                source=TaskSource(t.source),
                source_ref=t.source_ref,
                created_by=t.created_by,
                version=t.version,
            )
        )
    return rows


def _open_first() -> tuple[Any, ...]:
    """Open before done, then by due date (none last), then in the order made."""
    return (Task.done_at.is_not(None), Task.due_date.is_(None), Task.due_date, Task.id)


def _logged(session: Session, which: str, count: int, case_id: int | None = None) -> None:
    audit.record_now(
        session,
        audit.OPEN_CASE if case_id is not None else audit.SEARCH,
        object_type="tasks",
        object_id=case_id,
        case_id=case_id,
        details={"list": which, "count": count},
    )


def task_row(session: Session, task_id: int) -> TaskRow:
    """One task as stored now (RowGoneError when it is gone or out of reach)."""
    found = _rows(session, select(Task).where(Task.id == task_id))
    if not found:
        raise RowGoneError(f"tasks {task_id}")
    return found[0]


def case_tasks(
    session: Session, case_id: int, *, include_done: bool = True, logged: bool = True
) -> list[TaskRow]:
    """The case's tasks, open ones first (soonest due first). ``logged``: a read for the
    user's eyes (an audit entry), not a re-read after the panel's own change."""
    stmt = select(Task).where(Task.case_id == case_id)
    if not include_done:
        stmt = stmt.where(Task.done_at.is_(None))
    with narrowed_to(session, [case_id]):
        rows = _rows(session, stmt.order_by(*_open_first()))
    if logged:
        _logged(session, "case", len(rows), case_id)
    return rows


def _without_closed(rows: Iterable[TaskRow]) -> list[TaskRow]:
    return [r for r in rows if not r.case_closed]


def my_tasks(session: Session, user_id: int, *, logged: bool = True) -> list[TaskRow]:
    """The user's open tasks (closed cases' left out), overdue and due first."""
    stmt = select(Task).where(Task.assigned_to_id == user_id, Task.done_at.is_(None))
    rows = _without_closed(_rows(session, stmt.order_by(*_open_first())))
    if logged:
        _logged(session, "mine", len(rows))
    return rows


def given_tasks(
    session: Session, user_id: int, login: str, *, include_done: bool = False, logged: bool = True
) -> list[TaskRow]:
    """Tasks the user (``login``) made for others, open first."""
    stmt = select(Task).where(Task.created_by == login, Task.assigned_to_id != user_id)
    if not include_done:
        stmt = stmt.where(Task.done_at.is_(None))
    rows = _without_closed(_rows(session, stmt.order_by(*_open_first())))
    if logged:
        _logged(session, "given", len(rows))
    return rows


def open_tasks_for(session: Session, user_id: int, today: date) -> list[OpenTask]:
    """The user's open tasks as plain lines, overdue and due first (stable for "Min dag")."""
    return [
        OpenTask(r.id, r.what, r.case_id, r.case_number, r.case_title, r.due_date, r.overdue(today))
        for r in my_tasks(session, user_id)
    ]


def due_reminders(session: Session, user_id: int, after: datetime, until: datetime) -> list[TaskRow]:
    """The user's open tasks whose reminder time lies in (``after``, ``until``], earliest first."""
    stmt = (
        select(Task)
        .where(
            Task.assigned_to_id == user_id,
            Task.done_at.is_(None),
            Task.remind_at > after,
            Task.remind_at <= until,
        )
        .order_by(Task.remind_at, Task.id)
    )
    rows = _without_closed(_rows(session, stmt))
    if rows:
        _logged(session, "reminders", len(rows))
    return rows


def assignee_choices(session: Session, me: int, case_id: int | None = None) -> list[Assignee]:
    """Who a task may be given to: me, the case's partner caseworker and coordinator, then
    every other active colleague by name."""
    people = {
        u.id: u.full_name
        for u in session.scalars(select(User).where(User.active.is_(True), User.role != UserRole.READ_ONLY))
    }
    chosen: list[Assignee] = []
    user = session.get(User, me)
    if user is not None:
        chosen.append(Assignee(me, user.full_name, AssigneeKind.ME))
    if case_id is not None:
        case = session.get(Case, case_id)
        if case is not None:
            for user_id, kind in (
                (case.partner_id, AssigneeKind.PARTNER),
                (case.coordinator_id, AssigneeKind.COORDINATOR),
            ):
                if user_id is not None and user_id in people and user_id != me:
                    chosen.append(Assignee(user_id, people[user_id], kind))
    taken = {a.user_id for a in chosen}
    others = sorted(
        ((name, uid) for uid, name in people.items() if uid not in taken),
        key=lambda p: (p[0].casefold(), p[1]),
    )
    chosen += [Assignee(uid, name, AssigneeKind.COLLEAGUE) for name, uid in others]
    return chosen
