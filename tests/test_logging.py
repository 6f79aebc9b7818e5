"""The technical log never holds a CPR number."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.logging_setup import CPR_PATTERN, redact, setup_logging
from app.models.enums import Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case


@given(st.from_regex(r"\A\d{6}-?\d{4}\Z"), st.text(alphabet="abc ,.", max_size=10))
def test_redact_removes_every_cpr_shape(cpr: str, around: str) -> None:
    assert CPR_PATTERN.search(redact(f"{around}{cpr}{around}")) is None


def test_no_cpr_in_the_log_file(tmp_path: Path, sqlite_context) -> None:  # type: ignore[no-untyped-def]
    log_file = setup_logging(tmp_path)
    data = CaseInput(
        single_citizen=True,
        members=[MemberInput("Karl", "Nyborg", "050585-1234", Relation.OTHER)],
        coordinator_id=sqlite_context.user.id,
    )
    with sqlite_context.sessions.begin() as session:
        create_case(session, data, date(2026, 11, 23))
    log = logging.getLogger("app.test")
    log.warning("looked up %s", "0505851234")
    try:
        raise ValueError("bad cpr 050585-1234")
    except ValueError:
        log.exception("failure")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "looked up XXXXXX-XXXX" in content
    assert CPR_PATTERN.search(content) is None
