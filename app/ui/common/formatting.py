"""Dates and times the way Danish caseworkers write them (or English, when chosen)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from app.services.common.clock import to_local


def format_date(day: date | None) -> str:
    if day is None:
        return ""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = to_local(moment)
    return (
        QCoreApplication.translate("Formatting", "%1 at %2")
        .replace("%1", local.strftime("%d.%m.%Y"))
        .replace("%2", local.strftime("%H.%M"))
    )


def iso_week(day: date) -> int:
    return day.isocalendar().week


def week_label(day: date) -> str:
    return QCoreApplication.translate("Formatting", "week %1").replace("%1", str(iso_week(day)))


def format_load(value: Decimal | float | int) -> str:
    """A weighted caseload (any number) as the chosen language writes it: 12, 27,5 in Danish
    (the locale's decimal point), without trailing zeros."""
    number = (value if isinstance(value, Decimal) else Decimal(value)).normalize()
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)  # 1000, not 1.000
    return locale.toString(float(number), "f", places)
