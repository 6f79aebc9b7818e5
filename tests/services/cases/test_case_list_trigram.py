"""The case list's search through SQLite's trigram index (migration 0015) finds exactly what
reading every case's search text finds, for any word — short, long, with LIKE's special
characters, Danish letters, a CPR prefix — and stays in step when the text changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from app.models import Case
from app.services.cases.case_list import CaseListQuery, case_list_statement, fetch_case_rows
from app.services.demo.demo import generate_demo
from app.store.search_sql import CASE_LIST_TRIGRAM

TODAY = date(2026, 12, 3)
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo(sqlite_context):  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=12, seed=23, today=TODAY, my_login="tester")
    return sqlite_context


def _found(context, words: str, trigram: bool) -> list[int]:  # type: ignore[no-untyped-def]
    query = CaseListQuery(TODAY, NOW, search=words)
    with context.sessions() as session:
        return [row.id for row in session.execute(case_list_statement(query, 0, 1000, trigram=trigram))]


def _texts(context) -> list[str]:  # type: ignore[no-untyped-def]
    with context.sessions() as session:
        return list(session.scalars(select(Case.search_text)))


WORDS = st.one_of(
    st.sampled_from(
        ["0101", "k-2026", "han", "ha", "h", "æ", "jø", "øster", "%", "_", "\\", "a%b", "x_y", "1203851234"]
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå0123456789-%_\\", min_size=1, max_size=6),
)


@given(st.lists(WORDS, min_size=1, max_size=3), st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_index_finds_what_reading_finds(demo, words: list[str], data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    # Also words cut from the texts there are, so that there is something to find.
    stored = _texts(demo)
    source = data.draw(st.sampled_from(stored))
    start = data.draw(st.integers(0, max(0, len(source) - 1)))
    words = [*words, source[start : start + data.draw(st.integers(1, 8))].strip() or "a"]
    for chosen in (words[-1:], words):
        search = " ".join(chosen)
        assert _found(demo, search, trigram=True) == _found(demo, search, trigram=False), search


def test_short_words_with_danish_letters_are_found_as_by_reading(demo) -> None:  # type: ignore[no-untyped-def]
    """SQLite 3.40's trigram index misses a two-letter pattern with a letter beyond ASCII
    ("jø"): every such pair in the stored texts is found as reading finds it."""
    pairs = {
        text[i : i + 2]
        for text in _texts(demo)
        for i in range(len(text) - 1)
        if not text[i : i + 2].isascii() and " " not in text[i : i + 2]
    }
    assert pairs, "the demo has names with æ, ø or å"
    for pair in sorted(pairs):
        assert _found(demo, pair, trigram=True) == _found(demo, pair, trigram=False), pair


def test_the_program_uses_the_index_on_sqlite_and_finds_a_cpr_prefix(demo) -> None:  # type: ignore[no-untyped-def]
    query = CaseListQuery(TODAY, NOW, search="han")
    with demo.sessions() as session:
        sql = str(case_list_statement(query, trigram=True).compile(session.get_bind()))
        assert CASE_LIST_TRIGRAM in sql
        plan = " ".join(
            str(row[3])
            for row in session.execute(
                text(
                    f"EXPLAIN QUERY PLAN SELECT rowid FROM {CASE_LIST_TRIGRAM} WHERE search_text LIKE '%han%'"
                )
            )
        )
        assert "VIRTUAL TABLE INDEX 0:L" in plan, plan  # the LIKE is answered by the index
        assert [r.id for r in fetch_case_rows(session, query, 0, 1000)] == _found(demo, "han", trigram=False)


def test_the_index_follows_the_text(demo) -> None:  # type: ignore[no-untyped-def]
    with demo.sessions() as session:
        first = session.scalars(select(Case.id).order_by(Case.id)).first()
    with demo.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == first).values(search_text="k-2026-9999 familien qwxz"))
    assert _found(demo, "qwxz", trigram=True) == [first]
    assert _found(demo, "qwxz", trigram=False) == [first]
    with demo.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == first).values(search_text="k-2026-9999 familien andet"))
    assert _found(demo, "qwxz", trigram=True) == []


@pytest.mark.parametrize("enough", [1, 3, 10_000])
@pytest.mark.parametrize("sort", ["follow_up_due", "cpr", "next_meeting", "coordinator"])
def test_a_common_word_read_in_list_order_finds_what_the_index_finds(  # type: ignore[no-untyped-def]
    demo, monkeypatch: pytest.MonkeyPatch, enough: int, sort: str
) -> None:
    """A word the index matches for many cases is looked for by reading the list in its
    order (case_list._common_words): the pages are the same whichever way is taken."""
    from app.services.cases import case_list

    searches = ["familien", "en", "han", "familien han", "xqzw", "0101"]
    expected = {}
    for search in searches:
        query = CaseListQuery(TODAY, NOW, search=search, sort=case_list.SortKey(sort))
        expected[search] = _found(demo, search, trigram=False) if sort == "follow_up_due" else None
        with demo.sessions() as session:
            whole = [row.id for row in fetch_case_rows(session, query, 0, 1000)]
        if expected[search] is not None:
            assert whole == expected[search], search
        expected[search] = whole
    monkeypatch.setattr(case_list, "COMMON_AT_LEAST", enough)
    monkeypatch.setattr(case_list.math, "isqrt", lambda _n: 0)  # the floor decides
    with demo.sessions() as session:
        commons = case_list._common_words(session, CaseListQuery(TODAY, NOW, search="familien xqzw"))
    assert commons == ((True, False) if enough <= 3 else (False, False))
    for search in searches:
        query = CaseListQuery(TODAY, NOW, search=search, sort=case_list.SortKey(sort))
        with demo.sessions() as session:
            assert [row.id for row in fetch_case_rows(session, query, 0, 1000)] == expected[search], search
            paged = [
                row.id for offset in range(0, 40, 4) for row in fetch_case_rows(session, query, offset, 4)
            ]
            assert paged == expected[search][:40], search
