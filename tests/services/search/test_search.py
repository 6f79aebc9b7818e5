"""Search across everything, on both stores: every place is found and named, the order, the
limit, CPR numbers (found, never shown, masked in the log), Danish letters, and text that
looks like query syntax. The index's keeping in step is in test_search_index.py."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import AuditEvent, Case, JournalEntry, Task
from app.models.enums import JournalKind
from app.services.common.context import AppContext
from app.services.search.search import (
    SEARCH_LIMIT,
    SearchHit,
    SearchResult,
    Source,
    mask_criterion,
    parse_query,
    search_everything,
)
from app.services.search.snippets import words_of
from app.startup import open_context
from tests.conftest import _postgres_admin
from tests.services.search.search_world import NOTE_AT, WORDS, World, build_world, family


def _postgres_database() -> tuple[str, object]:
    admin = _postgres_admin()
    name = f"koordinator_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    params = admin.info.get_parameters()
    url = f"postgresql+psycopg://{params.get('user', 'postgres')}@{params.get('host', '127.0.0.1')}:{params.get('port', '5432')}/{name}"

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return url, drop


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def searched(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppContext, World]]:
    """One store per kind for the tests that only read: the world, and a crowd of cases."""
    drop = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("search") / "store.sqlite")
    else:
        url, drop = _postgres_database()
    ctx = open_context(url, login="tester")
    try:
        with ctx.sessions.begin() as session:
            world = build_world(session, ctx.user.id)
            for n in range(SEARCH_LIMIT + 5):  # more than a page of "Lindholm" families
                family(
                    session,
                    ctx.user.id,
                    f"Lindholm{'-Berg' if n % 2 else ''}",
                    ("Alma", "Otto"),
                    f"crowd-{n}",
                )
        yield ctx, world
    finally:
        ctx.close()
        if drop is not None:
            drop()  # type: ignore[operator]


def search(ctx: AppContext, text: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    with ctx.sessions() as session:
        return search_everything(session, text, limit)


def found(result: SearchResult, source: Source, item_id: int) -> SearchHit:
    hits = [h for h in result.hits if h.source is source and h.item_id == item_id]
    assert hits, [(h.source, h.item_id, h.snippet) for h in result.hits]
    return hits[0]


# -- every place, and what is shown --------------------------------------------------------


@pytest.mark.parametrize(("word", "source"), WORDS, ids=[w for w, _ in WORDS])
@pytest.mark.parametrize("typed", [str, str.upper, str.lower, lambda w: w[: max(3, len(w) - 2)]])
def test_every_place_is_found_and_named(
    searched: tuple[AppContext, World], word: str, source: Source, typed
) -> None:  # type: ignore[no-untyped-def]
    """A word of one place, typed whole, in capitals, in small letters, or only its beginning."""
    ctx, world = searched
    result = search(ctx, typed(word))
    hit = found(result, source, world.item(source))
    assert (hit.case_id, hit.case_number) == (world.case_id, world.number)
    assert hit.case_title == "Familien Quistgaard"
    assert world.other_case_id not in {h.case_id for h in result.hits}
    marked = [hit.snippet[a:b] for a, b in hit.marks]
    assert any(m.lower().startswith(typed(word).lower()[:3]) for m in marked), (hit.snippet, marked)


def test_the_case_number_finds_its_case_first(searched: tuple[AppContext, World]) -> None:
    ctx, world = searched
    for typed in (world.number, world.number.lower(), world.number.replace("K-", "")):
        result = search(ctx, typed)
        assert (result.hits[0].source, result.hits[0].case_id) == (Source.CASE, world.case_id), typed
        assert result.hits[0].snippet == world.number


def test_a_journal_entry_shows_its_day_and_the_words_around(searched: tuple[AppContext, World]) -> None:
    ctx, world = searched
    hit = found(search(ctx, "sygefraværet"), Source.JOURNAL, world.entry_id)
    assert hit.day == NOTE_AT.date()
    assert "sygefraværet" in hit.snippet and len(hit.snippet) <= 100
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["sygefraværet"]


def test_dates_of_the_places(searched: tuple[AppContext, World]) -> None:
    ctx, world = searched
    days = {h.source: h.day for h in search(ctx, "Quistgaard").hits}
    assert days[Source.CASE] is None
    for word, source, day in (
        ("udflugten", Source.TASK, "2026-12-09"),
        ("Skolerapport", Source.DOCUMENT, "2026-12-01"),
        ("cykelhjelmen", Source.AGREEMENT, "2026-12-11"),
    ):
        hit = found(search(ctx, word), source, world.item(source))
        assert hit.day is not None and hit.day.isoformat() == day


def test_words_from_several_places_must_all_match_one(searched: tuple[AppContext, World]) -> None:
    ctx, world = searched
    assert search(ctx, "Ingolf Roskilde").hits[0].source is Source.PERSON
    assert not search(ctx, "cykelhjelmen sygefraværet").hits
    assert found(search(ctx, "skolen sygefraværet"), Source.JOURNAL, world.entry_id)


# -- CPR -----------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["full", "hyphen", "space", "birth date", "eight digits", "four digits"])
def test_a_cpr_number_or_its_beginning_finds_the_persons_case(
    searched: tuple[AppContext, World], shape: str
) -> None:
    ctx, world = searched
    cpr = world.cpr
    typed = {
        "full": cpr,
        "hyphen": f"{cpr[:6]}-{cpr[6:]}",
        "space": f"{cpr[:6]} {cpr[6:]}",
        "birth date": cpr[:6],
        "eight digits": cpr[:8],
        "four digits": cpr[:4],
    }[shape]
    result = search(ctx, typed)
    hit = found(result, Source.CPR, world.citizen_id)
    assert hit.case_id == world.case_id
    assert f"{cpr[:6]}-XXXX" in hit.snippet and "Ingolf" in hit.snippet
    for h in result.hits:  # never the whole number, anywhere
        assert cpr not in h.snippet and cpr[6:] not in h.snippet.replace(cpr[:6], "")
    assert cpr[6:] not in result.criterion
    with ctx.sessions() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (last.action, last.object_type) == ("search", "everything")
    assert cpr[6:] not in last.search_term and cpr[:4] in last.search_term


def test_a_cpr_number_in_a_journal_text_is_masked_in_the_snippet(context: AppContext) -> None:
    with context.sessions.begin() as session:
        world = build_world(session, context.user.id)
        entry = session.get(JournalEntry, world.entry_id)
        assert entry is not None
        entry.text = f"Ingolfs far har cpr {world.cpr[:6]}-{world.cpr[6:]} og ringede om sygefraværet"
    for typed in ("sygefraværet", world.cpr):
        for hit in search(context, typed).hits:
            assert world.cpr[6:] not in hit.snippet.replace(world.cpr[:6], ""), hit.snippet


@pytest.mark.parametrize(
    ("typed", "logged"),
    [
        ("1203851234", "120385-XXXX"),
        ("120385-1234", "120385-XXXX"),
        ("120385 1234", "120385-XXXX"),
        ("12038512", "120385-XXXX"),
        ("120385", "120385"),
        ("skolen 1203851234 mor", "skolen 120385-XXXX mor"),
        ("K-2026-0042", "K-2026-0042"),
    ],
)
def test_the_criterion_is_masked_past_the_birth_date(typed: str, logged: str) -> None:
    assert (
        parse_query(typed).criterion == logged == mask_criterion(typed.replace("120385 1234", "1203851234"))
    )


# -- order and limit -----------------------------------------------------------------------


def test_names_come_first_whole_words_before_beginnings(searched: tuple[AppContext, World]) -> None:
    """ "Lindholm" is the whole name of some families and the beginning of others'
    ("Lindholm-Berg" is two words: its first is whole too); a page of them at most."""
    ctx, _world = searched
    result = search(ctx, "lindholm")
    assert len(result.hits) == SEARCH_LIMIT and result.more
    assert {h.source for h in result.hits} == {Source.CASE}
    assert len({h.case_id for h in result.hits}) == SEARCH_LIMIT  # one row per case
    shorter = search(ctx, "lindhol", limit=10)
    assert len(shorter.hits) == 10 and shorter.more


def test_exact_names_before_beginnings_and_prose_last(context: AppContext) -> None:
    with context.sessions.begin() as session:
        prefix_case = family(session, context.user.id, "Bergstrøm", ("Anne", "Kaj"), "order-1").id
        exact_case = family(session, context.user.id, "Berg", ("Eva", "Ib"), "order-2").id
        prose_case = family(session, context.user.id, "Nielsen", ("Bo", "Ea"), "order-3").id
        session.add(
            JournalEntry(
                case_id=prose_case,
                kind=JournalKind.OTHER,
                occurred_at=NOTE_AT,
                author_id=context.user.id,
                text="Mødet blev holdt hos Berg",
            )
        )
    result = search(context, "Berg")
    assert [h.case_id for h in result.hits] == [exact_case, prefix_case, prose_case]
    assert [h.source for h in result.hits] == [Source.CASE, Source.CASE, Source.JOURNAL]
    assert not result.more


def test_prose_newest_written_first_and_more_known(context: AppContext) -> None:
    """Notes of the last twelve days, written on the day or later (one backdated): the
    last written first, whatever day each is about."""
    with context.sessions.begin() as session:
        case_id = family(session, context.user.id, "Krogh", ("Mie", "Aksel"), "limit").id
        for n in (11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 0, 1):
            session.add(
                JournalEntry(
                    case_id=case_id,
                    kind=JournalKind.PHONE,
                    occurred_at=NOTE_AT - timedelta(days=n),
                    author_id=context.user.id,
                    text=f"Opringning nummer {n} om lektiecaféen",
                )
            )
            session.flush()
    result = search(context, "lektiecaféen", limit=10)
    assert len(result.hits) == 10 and result.more
    ids = [h.item_id for h in result.hits]
    assert ids == sorted(ids, reverse=True)
    assert [h.day for h in result.hits][:2] == [(NOTE_AT - timedelta(days=1)).date(), NOTE_AT.date()]
    everything = search(context, "lektiecaféen", limit=20)
    assert len(everything.hits) == 12 and not everything.more


def test_tasks_of_no_case_and_old_plan_versions_are_not_results(context: AppContext) -> None:
    from app.models import Agreement, PlanVersion

    with context.sessions.begin() as session:
        world = build_world(session, context.user.id)
        session.add(Task(case_id=None, what="Bestil flere udflugtsbusser", assigned_to_id=context.user.id))
        newer = PlanVersion(case_id=world.case_id, number=2)
        session.add(newer)
        session.flush()
        session.add(Agreement(plan_version_id=newer.id, what="Ingolf har fået en ny hjelm"))
    assert not search(context, "udflugtsbusser").hits
    assert not search(context, "cykelhjelmen").hits  # only in plan 1; plan 2 is the case's plan now
    assert search(context, "hjelm").hits[0].source is Source.AGREEMENT


# -- Danish letters, decomposed text, and what looks like syntax ---------------------------


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Ærøskøbing", "ærøskøbing"),
        ("Ærøskøbing", "ÆRØ"),
        ("Østergård", "østergård"),
        ("Østergård", "Østergaard"[:5]),
        ("Åbenrå", "åbenrå"),
        ("Gåsebæk", "gåse"),
        ("Søndergade", "sønder"),
        ("Blåbærvej", "blåbær"),
        ("Ærtebjerg", "ærte"),
    ],
)
def test_danish_letters_are_found_as_written(context: AppContext, stored: str, typed: str) -> None:
    with context.sessions.begin() as session:
        case_id = family(session, context.user.id, stored, ("Sif", "Uffe"), f"dk-{stored}").id
    result = search(context, typed)
    assert [h.case_id for h in result.hits if h.source is Source.CASE] == [case_id]
    decomposed = search(context, unicodedata.normalize("NFD", typed))  # pasted from elsewhere
    assert [h.case_id for h in decomposed.hits] == [h.case_id for h in result.hits]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Søndergade", "sondergade"),
        ("Ærø", "aero"),
        ("Ørsted", "orsted"),
        ("Åbenrå", "abenra"),
        ("Café", "cafe"),
    ],
)
def test_every_letter_is_the_letter_written(context: AppContext, stored: str, typed: str) -> None:
    with context.sessions.begin() as session:
        family(session, context.user.id, stored, ("Sif", "Uffe"), f"dk-{stored}")
    assert not search(context, typed).hits


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"skolen',
        "skolen*",
        "*",
        "-skolen",
        "skolen -mor",
        "skolen AND mor",
        "skolen OR mor",
        "NOT skolen",
        "NEAR(skolen mor",
        "NEAR(skolen mor, 2)",
        "(skolen",
        "skolen)",
        "((",
        "skolen:*",
        "'skolen'",
        "skolen & mor | !far",
        "t0:skolen",
        "{t0 t1}: skolen",
        "^skolen",
        "skolen <-> mor",
        "\\",
        "%_",
        "\x00skolen",
        "sk\u0301olen",
    ],
)
def test_query_syntax_is_never_read_as_such(searched: tuple[AppContext, World], typed: str) -> None:
    ctx, world = searched
    result = search(ctx, typed)
    words = set(words_of(typed))
    if words and words <= {"skolen", "mor"}:  # the journal entry holds both; operators are not words
        assert found(result, Source.JOURNAL, world.entry_id)
    elif words & {"and", "or", "not", "near", "t0", "far"}:  # each a word that must be found too
        assert world.entry_id not in {h.item_id for h in result.hits if h.source is Source.JOURNAL}


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=60))
def test_any_text_gives_a_result_never_an_error(searched: tuple[AppContext, World], typed: str) -> None:
    ctx, _world = searched
    result = search(ctx, typed)
    assert isinstance(result, SearchResult) and len(result.hits) <= SEARCH_LIMIT


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    typed=st.text(
        alphabet=st.sampled_from("\"*-()^:{}+,.NEARORANDOT skolen0123456789æøå\\'&|!<>"), max_size=40
    )
)
def test_text_made_of_operators_gives_a_result_never_an_error(
    searched: tuple[AppContext, World], typed: str
) -> None:
    ctx, _world = searched
    assert isinstance(search(ctx, typed), SearchResult)


# -- the log ---------------------------------------------------------------------------------


def test_every_search_is_logged_with_its_criterion(searched: tuple[AppContext, World]) -> None:
    ctx, _world = searched
    before = datetime.now(UTC)
    for typed in ("skolen", "Ingolf Quistgaard", "zzyzx"):
        search(ctx, typed)
    with ctx.sessions() as session:
        terms = session.scalars(
            select(AuditEvent.search_term)
            .where(AuditEvent.action == "search", AuditEvent.object_type == "everything")
            .where(AuditEvent.occurred_at >= before - timedelta(seconds=1))
            .order_by(AuditEvent.id)
        ).all()
    assert terms[-3:] == ["skolen", "Ingolf Quistgaard", "zzyzx"]


def test_nothing_to_search_for_is_no_search(searched: tuple[AppContext, World]) -> None:
    ctx, _world = searched
    with ctx.sessions() as session:
        count = len(session.scalars(select(AuditEvent.id)).all())
    for typed in ("", "   ", "!?", "---"):
        assert search(ctx, typed) == SearchResult(typed.strip() if typed.strip() else "", (), False)
    with ctx.sessions() as session:
        assert len(session.scalars(select(AuditEvent.id)).all()) == count


def test_a_closed_case_is_found_too(context: AppContext) -> None:
    from app.models.enums import CaseStatus

    with context.sessions.begin() as session:
        case = family(session, context.user.id, "Vindeløv", ("Ane", "Mads"), "closed")
        stored = session.get(Case, case.id)
        assert stored is not None
        stored.status = CaseStatus.CLOSED
    assert [h.case_id for h in search(context, "Vindeløv").hits] == [case.id]
