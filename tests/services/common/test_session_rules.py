"""Every way the program opens a store keeps the services' flush rules (text limits, the audit
log's before/after), although the store itself no longer imports the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Professional
from app.services.common.context import AppContext
from app.services.common.session_rules import SESSION_RULES, missing_session_rules
from app.services.common.validation import Problem, ValidationError
from app.startup import open_context, session_factory
from app.store.engine import make_session_factory
from app.store.opening import OpenMode


def test_the_store_alone_keeps_none_of_them(sqlite_context: AppContext) -> None:
    """What the rule below would catch: the store's own factory lacks every rule."""
    bare = make_session_factory(sqlite_context.engine)
    assert len(missing_session_rules(bare)) == len(SESSION_RULES)
    assert missing_session_rules(session_factory(sqlite_context.engine)) == []


def test_the_tests_context_keeps_them(context: AppContext) -> None:
    assert missing_session_rules(context.sessions) == []


@pytest.mark.parametrize("mode", list(OpenMode))
def test_every_opening_mode_keeps_them(tmp_path: Path, mode: OpenMode) -> None:
    path = str(tmp_path / "store.sqlite")
    open_context(path, login="tester").close()  # made and migrated first
    opened = open_context(path, login="tester", mode=mode)
    try:
        assert missing_session_rules(opened.sessions) == []
    finally:
        opened.close()


def test_a_text_longer_than_its_column_is_refused_at_flush(context: AppContext) -> None:
    """The text-limit rule at work on both stores, through no service's own checks."""
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as session:
        session.add(Professional(name="P" * 201))
    assert [(p.field, p.problem) for p in refused.value.problems] == [
        ("professionals.name", Problem.TOO_LONG)
    ]
    with context.sessions() as session:
        assert session.scalar(select(Professional.id).where(Professional.name == "P" * 201)) is None
