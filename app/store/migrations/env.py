"""Alembic environment: always driven from app.store.migrate with a live connection."""

from __future__ import annotations

from alembic import context

import app.models
from app.models.base import NFCText, UTCDateTime

target_metadata = app.models.Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations are plain SQLAlchemy: our TypeDecorators render as their impl.
    if type_ == "type" and isinstance(obj, NFCText):
        return f"sa.String(length={obj.impl.length})"  # type: ignore[attr-defined]
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The search indexes (app/store/search_sql.py: FTS5 tables and their shadow tables on
    # SQLite, expression indexes on PostgreSQL) are made by hand, not from the models.
    by_hand = ("search_", "case_list_trigram")
    return not (reflected and compare_to is None and (name or "").startswith(by_hand))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through app.store.migrate, not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=_render_item,
        compare_type=True,
        include_object=_include_object,
        # Each revision in a transaction of its own, on SQLite too (app.store.migrate drives
        # BEGIN there): a killed upgrade stops at the last whole revision.
        transactional_ddl=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
