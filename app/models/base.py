"""Declarative base, naming convention and the columns every mutable table carries."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def nfc(value: str | None) -> str | None:
    """Text enters the store in Unicode NFC so that searches on æ, ø, å match."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value)


class NFCText(TypeDecorator[str]):
    """A string column whose values are NFC-normalised on the way in.

    Applies to ORM flushes, Core inserts and bound query parameters alike.
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return nfc(value)

    def process_literal_param(self, value: Any, dialect: Dialect) -> str:
        return nfc(value) or ""

    @property
    def python_type(self) -> type[str]:
        return str


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps that read back aware on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        result: datetime = value.astimezone(UTC)
        return result

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]

    @property
    def python_type(self) -> type[datetime]:
        return datetime


def utcnow() -> datetime:
    from app.services.common.clock import now_utc  # the program's one clock (dependency-free)

    return now_utc()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Version counter and who/when columns for every mutable table.

    ``version`` is SQLAlchemy's ``version_id_col``: an ORM flush of a stale row
    raises ``StaleDataError`` instead of overwriting someone else's change.
    The user columns are filled from ``session.info["user"]`` (see store.session).
    """

    __tracked__: ClassVar[bool] = True

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(NFCText(64), nullable=False, default="system")
    updated_by: Mapped[str] = mapped_column(NFCText(64), nullable=False, default="system")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}
