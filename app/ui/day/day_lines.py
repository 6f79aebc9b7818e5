"""The lines of "Min dag" as text: one function per section, each giving (when, case, what)
and whether the line is late. Kept apart from the page so the page holds only the widget."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.services.day.my_day import (
    ChangeSource,
    DayAgreement,
    DayChange,
    DayDeadline,
    DayMeeting,
    DayTask,
    MeetingRole,
    Opens,
)
from app.ui.common.formatting import format_date
from app.ui.common.labels import deadline_title, label
from app.ui.common.noop import QT_TRANSLATE_NOOP

_CONTEXT = "DayLines"

_ROLES = {
    MeetingRole.COORDINATOR: QT_TRANSLATE_NOOP("DayLines", "you coordinate"),
    MeetingRole.PARTNER: QT_TRANSLATE_NOOP("DayLines", "you are partner caseworker"),
    MeetingRole.PARTICIPANT: QT_TRANSLATE_NOOP("DayLines", "you take part"),
    MeetingRole.DEPUTY: QT_TRANSLATE_NOOP("DayLines", "you cover for a colleague"),
}
_SOURCES = {
    ChangeSource.CASE: QT_TRANSLATE_NOOP("DayLines", "the case"),
    ChangeSource.PLAN: QT_TRANSLATE_NOOP("DayLines", "the plan"),
    ChangeSource.MEETING: QT_TRANSLATE_NOOP("DayLines", "a meeting"),
    ChangeSource.JOURNAL: QT_TRANSLATE_NOOP("DayLines", "the journal"),
    ChangeSource.TASK: QT_TRANSLATE_NOOP("DayLines", "a task"),
    ChangeSource.DOCUMENT: QT_TRANSLATE_NOOP("DayLines", "a document"),
    ChangeSource.INTERVENTION: QT_TRANSLATE_NOOP("DayLines", "an intervention"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Line:
    when: str
    case: str
    what: str
    late: bool
    opens: Opens


def _case(number: str, title: str) -> str:
    return f"{number} {title}".strip()


def meeting_line(meeting: DayMeeting) -> Line:
    when = f"{meeting.starts_at.strftime('%H.%M')}–{meeting.ends_at.strftime('%H.%M')}"
    parts = [label(meeting.kind)]
    if meeting.place:
        parts.append(meeting.place)
    what = " · ".join(parts) + f" ({_tr(_ROLES[meeting.role])})"
    return Line(when, _case(meeting.case_number, meeting.case_title), what, False, meeting.opens)


def _due(day_text: str, late: bool) -> str:
    return (
        _tr(QT_TRANSLATE_NOOP("DayLines", "overdue since %1")).replace("%1", day_text) if late else day_text
    )


def task_line(task: DayTask) -> Line:
    case = (
        _case(task.case_number, task.case_title)
        if task.case_number
        else _tr(QT_TRANSLATE_NOOP("DayLines", "(no case)"))
    )
    what = f"{task.what} ({_tr('you cover for a colleague')})" if task.covering else task.what
    return Line(_due(format_date(task.due), task.overdue), case, what, task.overdue, task.opens)


def deadline_line(item: DayDeadline) -> Line:
    deadline = item.deadline
    what = deadline_title(deadline)
    if deadline.detail:
        what += f" ({deadline.detail})"
    if item.cites_law and not item.follow_up:  # the case's own dates cite no law
        what += f" · {deadline.law_reference}"
    case = _case(deadline.case_number, deadline.family_name)
    return Line(_due(format_date(deadline.due), item.overdue), case, what, item.overdue, item.opens)


def agreement_line(agreement: DayAgreement) -> Line:
    what = agreement.what
    if agreement.mine:
        what += " · " + _tr(QT_TRANSLATE_NOOP("DayLines", "you are responsible"))
    case = _case(agreement.case_number, agreement.case_title)
    return Line(
        _due(format_date(agreement.due), agreement.overdue), case, what, agreement.overdue, agreement.opens
    )


def change_line(change: DayChange) -> Line:
    when = f"{format_date(change.changed_at.date())} {change.changed_at.strftime('%H.%M')}"
    what = (
        _tr(QT_TRANSLATE_NOOP("DayLines", "%1 changed %2"))
        .replace("%1", change.changed_by)
        .replace("%2", _tr(_SOURCES[change.source]))
    )
    if change.rows_changed > 1:
        what += " " + _tr(QT_TRANSLATE_NOOP("DayLines", "(%1 changes)")).replace(
            "%1", str(change.rows_changed)
        )
    return Line(when, _case(change.case_number, change.case_title), what, False, change.opens)
