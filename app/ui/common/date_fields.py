"""Date and date-time fields shared by the dialogs of every feature.

Qt's date/time widgets would read and show a moment in the computer's own zone. A date-time
field is given the Copenhagen wall-clock time instead, held as a zone-less (UTC-spec) value,
and app.services.common.clock does the one conversion between that wall time and the stored
moment.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QWidget

from app.services.common.clock import from_local_wall, local_wall

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH.mm"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class _Optional(QWidget):
    """A value that may be left out: a check box that enables the field beside it."""

    def _place(self, text: str, edit: QWidget, given: bool) -> None:
        self.check = QCheckBox(text, self)
        self.check.setChecked(given)
        edit.setEnabled(given)
        self.check.toggled.connect(edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(edit, 1)
        QWidget.setTabOrder(self.check, edit)  # as they read: the box, then its field


class OptionalDate(_Optional):
    """A date that may be left out: a check box and a date field."""

    def __init__(self, text: str, day: date | None, fallback: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = date_edit(self, day or fallback)
        self._place(text, self.edit, day is not None)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def to_qdatetime(moment: datetime) -> QDateTime:
    """A stored moment as the Copenhagen wall time a date-time field holds."""
    wall = local_wall(moment)
    return QDateTime(
        QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second), QTimeZone.utc()
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """What a date-time field holds (Copenhagen wall time) as a moment."""
    day, at = value.date(), value.time()
    wall = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(), at.second())
    return from_local_wall(wall)


def to_the_second(moment: datetime) -> datetime:
    """What a date-time field holds: local time, whole seconds."""
    return from_qdatetime(to_qdatetime(moment))


def datetime_edit(parent: QWidget, moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(QTimeZone.utc())  # holds Copenhagen wall time; see to_qdatetime
    edit.setDateTime(to_qdatetime(moment))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


class OptionalDateTime(_Optional):
    """A moment that may be left out: a check box and a date-time field (Copenhagen time)."""

    def __init__(
        self, text: str, moment: datetime | None, fallback: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = datetime_edit(self, moment or fallback)
        self._place(text, self.edit, moment is not None)

    def value(self) -> datetime | None:
        return from_qdatetime(self.edit.dateTime()) if self.check.isChecked() else None

    def set_value(self, moment: datetime | None) -> None:
        self.check.setChecked(moment is not None)
        if moment is not None:
            self.edit.setDateTime(to_qdatetime(moment))
