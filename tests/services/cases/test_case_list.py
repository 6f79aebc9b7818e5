"""The case list: scope, search, sorting, paging and the computed columns, on both stores."""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from app.models import Agreement, Case, Citizen, Family, Meeting, PlanVersion
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    CoordinationModel,
    MeetingKind,
    MeetingStatus,
    PlanState,
    Relation,
)
from app.services.cases.case_list import (
    PAGE_SIZE,
    CaseListQuery,
    CaseRow,
    Scope,
    SortKey,
    count_cases,
    fetch_case_rows,
    turning_18_window,
)
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import LOCAL_TZ
from app.services.common.cpr import fictional_cpr, mask_cpr
from app.services.common.users import ensure_user
from app.services.demo.demo import generate_demo

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day
# The shape a caseworker's role gets on a shared server: tests/store/test_reach_case_list.py.


TODAY = date(2025, 6, 11)
NOW = datetime(2025, 6, 11, 10, 0, tzinfo=UTC)
EVERYTHING = 100_000

Person = tuple[str, str, date, Relation, bool]  # first, last, born, relation, custody


def born_years_ago(years: int, days: int = 0) -> date:
    return TODAY.replace(year=TODAY.year - years) + timedelta(days=days)


def add_case(
    s, title: str, people: list[Person], coordinator: int, partner: int | None = None, single: bool = False
) -> int:  # type: ignore[no-untyped-def]
    members = [
        MemberInput(
            first,
            last,
            fictional_cpr(born, False, random.Random(f"{first} {last} {born}")),
            relation,
            custody,
        )
        for first, last, born, relation, custody in people
    ]
    data = CaseInput(
        single_citizen=single,
        family_name="" if single else title,
        members=members,
        coordinator_id=coordinator,
        partner_id=partner,
        model=CoordinationModel.HOLISTIC_PLAN if single else CoordinationModel.ONE_FAMILY_ONE_ENTRY,
    )
    return create_case(s, data, TODAY).id


@dataclass
class Store:
    me: int
    colleague: int
    other: int
    ids: dict[str, int]  # case title -> id


def build_store(context) -> Store:  # type: ignore[no-untyped-def]
    """Seven cases, numbered K-2025-0001 … 0007, with three caseworkers."""
    parent, child = Relation.PARENT, Relation.CHILD
    with context.sessions.begin() as s:
        me = context.user.id
        colleague = ensure_user(s, "kollega").id
        other = ensure_user(s, "anden").id
        ids = {
            "Familien Østergaard": add_case(
                s,
                "Familien Østergaard",
                [
                    ("Mette", "Østergaard", date(1985, 3, 12), parent, True),
                    ("Søren", "Østergaard", date(2014, 9, 2), child, False),
                ],
                me,
            ),
            "Familien Hansen": add_case(
                s,
                "Familien Hansen",
                [
                    ("Lars", "Hansen", date(1979, 11, 30), parent, True),
                    ("Emma", "Hansen", date(2012, 2, 14), child, False),
                ],
                colleague,
                me,
            ),
            "Ærling Nielsen": add_case(
                s,
                "",
                [("Ærling", "Nielsen", date(1966, 4, 21), Relation.OTHER, False)],
                colleague,
                other,
                single=True,
            ),
            "Familien 100% Jensen": add_case(
                s, "Familien 100% Jensen", [("Pia", "Jensen", date(1988, 7, 7), parent, True)], other
            ),
            "Familien 1005 Jensen": add_case(
                s, "Familien 1005 Jensen", [("Bo", "Jensen", date(1975, 1, 20), parent, True)], other
            ),
            "Familien Lund_Berg": add_case(
                s, "Familien Lund_Berg", [("Anne", "Lund", date(1990, 10, 10), parent, True)], other
            ),
            "Familien Lundxberg": add_case(
                s, "Familien Lundxberg", [("Ole", "Berg", date(1970, 5, 5), parent, True)], other
            ),
        }
    return Store(me, colleague, other, ids)


def query(**kw: object) -> CaseListQuery:
    return CaseListQuery(today=TODAY, now=NOW, **kw)  # type: ignore[arg-type]


def all_rows(s, q: CaseListQuery) -> list[CaseRow]:  # type: ignore[no-untyped-def]
    return fetch_case_rows(s, q, 0, EVERYTHING)


def by_id(rows: list[CaseRow]) -> dict[int, CaseRow]:
    return {r.id: r for r in rows}


# -- scope -----------------------------------------------------------------------------------


def test_scope_mine_is_coordinator_or_partner(context) -> None:  # type: ignore[no-untyped-def]
    store = build_store(context)
    t = store.ids
    expected = {
        store.me: {t["Familien Østergaard"], t["Familien Hansen"]},  # coordinator; partner
        store.colleague: {t["Familien Hansen"], t["Ærling Nielsen"]},
        store.other: {t["Ærling Nielsen"], t["Familien 100% Jensen"], t["Familien 1005 Jensen"]}
        | {t["Familien Lund_Berg"], t["Familien Lundxberg"]},
    }
    with context.sessions() as s:
        for user, ids in expected.items():
            q = query(scope=Scope.MINE, user_id=user)
            assert {r.id for r in all_rows(s, q)} == ids
            assert count_cases(s, q) == len(ids)
        everything = query(scope=Scope.ALL, user_id=store.me)
        assert {r.id for r in all_rows(s, everything)} == set(t.values())
        assert count_cases(s, everything) == len(t)


# -- search ----------------------------------------------------------------------------------


def test_search_by_name_number_and_cpr(context) -> None:  # type: ignore[no-untyped-def]
    store = build_store(context)
    t = store.ids
    with context.sessions() as s:
        cprs = {first: cpr for first, cpr in s.execute(select(Citizen.first_name, Citizen.cpr))}
        rows = all_rows(s, query())
    lars = cprs["Lars"]
    assert lars is not None
    numbers = {r.title: r.number for r in rows}
    # what a row shows: the first member's (or the citizen's) masked CPR, the coordinator's name
    shown = {r.title: (r.cpr_masked, r.coordinator) for r in by_id(rows).values()}
    assert shown["Familien Østergaard"] == (mask_cpr(cprs["Mette"]), "tester")
    assert shown["Familien Hansen"] == (mask_cpr(lars), "kollega")
    assert shown["Ærling Nielsen"] == (mask_cpr(cprs["Ærling"]), "kollega")
    searches = {
        "ØSTER": {t["Familien Østergaard"]},
        "østergaard": {t["Familien Østergaard"]},
        unicodedata.normalize("NFD", "ØSTERGAARD"): {t["Familien Østergaard"]},
        "SØREN": {t["Familien Østergaard"]},  # a member's name, not in the title
        "ærling": {t["Ærling Nielsen"]},
        "ÆRLING": {t["Ærling Nielsen"]},
        "hAnSeN": {t["Familien Hansen"]},
        "emma": {t["Familien Hansen"]},
        numbers["Familien Hansen"]: {t["Familien Hansen"]},
        numbers["Familien Hansen"].lower(): {t["Familien Hansen"]},
        "jensen": {t["Familien 100% Jensen"], t["Familien 1005 Jensen"]},
        # several terms must all match
        "mette østergaard": {t["Familien Østergaard"]},
        "  familien   HANSEN ": {t["Familien Hansen"]},
        "jensen pia": {t["Familien 100% Jensen"]},
        "østergaard hansen": set(),
        f"emma {lars[:6]}": {t["Familien Hansen"]},
        f"emma {numbers['Familien Østergaard']}": set(),
        # CPR prefixes, with and without the hyphen
        lars[:6]: {t["Familien Hansen"]},
        lars[:4]: {t["Familien Hansen"]},
        f"{lars[:6]}-": {t["Familien Hansen"]},
        f"{lars[:6]}-{lars[6:8]}": {t["Familien Hansen"]},
        lars[:8]: {t["Familien Hansen"]},
        f"{lars[:6]}-{lars[6:]}": {t["Familien Hansen"]},
        lars: {t["Familien Hansen"]},
        f"{lars[:6]} {lars[6:]}": {t["Familien Hansen"]},  # typed with a space: one CPR number
        f"emma {lars[:6]} {lars[6:]}": {t["Familien Hansen"]},
        "999999": set(),
        "": set(t.values()),
        "   ": set(t.values()),
        "ingen-sådan": set(),
    }
    with context.sessions() as s:
        for term, expected in searches.items():
            q = query(search=term)
            assert {r.id for r in all_rows(s, q)} == expected, term
            assert count_cases(s, q) == len(expected), term


def test_search_wildcards_are_literal(context) -> None:  # type: ignore[no-untyped-def]
    t = build_store(context).ids
    searches = {
        "%": {t["Familien 100% Jensen"]},
        "100%": {t["Familien 100% Jensen"]},
        "0%": {t["Familien 100% Jensen"]},
        "1005": {t["Familien 1005 Jensen"]},
        "_": {t["Familien Lund_Berg"]},
        "lund_berg": {t["Familien Lund_Berg"]},
        "LUND_": {t["Familien Lund_Berg"]},
        "lundxberg": {t["Familien Lundxberg"]},
        "%jensen": set(),
        "f_milien": set(),
        "\\": set(),
    }
    with context.sessions() as s:
        for term, expected in searches.items():
            q = query(search=term)
            assert {r.id for r in all_rows(s, q)} == expected, term
            assert count_cases(s, q) == len(expected), term


# -- sorting and paging ----------------------------------------------------------------------

SORT_VALUE: dict[SortKey, Callable[[CaseRow], object]] = {
    SortKey.NUMBER: lambda r: r.number,
    SortKey.TITLE: lambda r: r.title,
    SortKey.CPR: lambda r: r.cpr_masked[:6] or None,
    SortKey.COORDINATOR: lambda r: r.coordinator,
    SortKey.MODEL: lambda r: r.model.value,
    SortKey.STATUS: lambda r: r.status.value,
    SortKey.NEXT_MEETING: lambda r: r.next_meeting,
    SortKey.FOLLOW_UP_DUE: lambda r: r.follow_up_due,
    SortKey.OPEN_AGREEMENTS: lambda r: r.open_agreements,
    SortKey.FLAGS: lambda r: int(r.turning_18),
}


def test_every_sort_key_is_covered() -> None:
    assert set(SORT_VALUE) == set(SortKey)


def expected_order(rows: list[CaseRow], key: Callable[[CaseRow], object], descending: bool) -> list[int]:
    """By the value (NULLs last in both directions), then by id the same way."""
    present = sorted((r for r in rows if key(r) is not None), key=lambda r: r.id, reverse=descending)
    present.sort(key=key, reverse=descending)  # type: ignore[arg-type]  # stable: ties stay by id
    missing = sorted((r.id for r in rows if key(r) is None), reverse=descending)
    return [r.id for r in present] + missing


def build_rich_store(context) -> Store:  # type: ignore[no-untyped-def]
    """The seven cases, a case without members or follow-up date, plus demo households.

    Everything added through the ORM comes before the demo (see test_demo for why).
    """
    store = build_store(context)
    with context.sessions.begin() as s:
        empty = Family(name="Familien Uden Medlemmer")
        s.add(
            Case(
                number="K-2025-0099",
                title="Familien Uden Medlemmer",
                family=empty,
                coordinator_id=store.other,
                model=CoordinationModel.OTHER,
                status=CaseStatus.CANDIDATE,
                opened_on=TODAY,
                follow_up_interval_days=42,
                follow_up_due=None,
                search_text="k-2025-0099 familien uden medlemmer",
            )
        )
        s.flush()
        store.ids["Familien Uden Medlemmer"] = s.scalar(select(Case.id).where(Case.number == "K-2025-0099"))
        youth = ("Malthe", "Ung", born_years_ago(17, 100), Relation.OTHER, False)
        store.ids["Malthe Ung"] = add_case(s, "", [youth], store.colleague, single=True)
        generate_demo(s, families=10, seed=11, today=TODAY)
    return store


def test_sorting_by_every_key_in_both_directions(context) -> None:  # type: ignore[no-untyped-def]
    build_rich_store(context)
    with context.sessions() as s:
        total = s.scalar(select(func.count(Case.id)))
        for sort in SortKey:
            values = {SORT_VALUE[sort](r) for r in all_rows(s, query(sort=sort))}
            assert len(values - {None}) >= 2, f"the data cannot tell whether {sort} sorts"
            for descending in (False, True):
                rows = all_rows(s, query(sort=sort, descending=descending))
                assert len(rows) == total
                assert [r.id for r in rows] == expected_order(rows, SORT_VALUE[sort], descending), (
                    sort,
                    descending,
                )
        for sort in (SortKey.CPR, SortKey.NEXT_MEETING, SortKey.FOLLOW_UP_DUE):
            assert None in {SORT_VALUE[sort](r) for r in all_rows(s, query(sort=sort))}, sort


def test_paging_gives_disjoint_pages_that_make_up_the_list(context) -> None:  # type: ignore[no-untyped-def]
    store = build_rich_store(context)
    queries = [
        query(),
        query(sort=SortKey.TITLE, descending=True),
        query(sort=SortKey.NEXT_MEETING),
        query(scope=Scope.MINE, user_id=store.me, sort=SortKey.FLAGS, descending=True),
        query(search="familien", sort=SortKey.CPR),
    ]
    with context.sessions() as s:
        for q in queries:
            full = [r.id for r in all_rows(s, q)]
            assert len(full) == len(set(full)) == count_cases(s, q) > 0
            assert [r.id for r in fetch_case_rows(s, q)] == full[:PAGE_SIZE]
            pages: list[list[int]] = []
            for offset in range(0, len(full) + 5, 5):
                pages.append([r.id for r in fetch_case_rows(s, q, offset, 5)])
            assert all(len(p) <= 5 for p in pages)
            seen: set[int] = set()
            for page in pages:
                assert seen.isdisjoint(page)
                seen.update(page)
            assert [i for p in pages for i in p] == full
            assert pages[-1] == []  # past the end


# -- computed columns ------------------------------------------------------------------------


def pages_after(s, q: CaseListQuery, size: int) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The list read as the case list scrolls: each page starts after the last row shown."""
    pages = [fetch_case_rows(s, q, 0, size)]
    while pages[-1]:
        pages.append(fetch_case_rows(s, q, limit=size, after=pages[-1][-1].after))
        assert len(pages) < 1_000, "paging does not end"
    return [[r.id for r in page] for page in pages]


def test_next_pages_after_the_last_row_make_up_the_list(context) -> None:  # type: ignore[no-untyped-def]
    """Keyset paging, for every sort key both ways, with ties, empty keys (they come last)
    and searches: the pages are disjoint, in order, and make up the whole list."""
    store = build_rich_store(context)
    shapes = [
        {},
        {"scope": Scope.MINE, "user_id": store.me},
        {"search": "familien"},
        {"search": "0"},  # a CPR-like word: the CPR index as well as the text
    ]
    with context.sessions() as s:
        for sort in SortKey:
            for descending in (False, True):
                for shape in shapes:
                    q = query(sort=sort, descending=descending, **shape)
                    full = [r.id for r in all_rows(s, q)]
                    assert full, (sort, shape)
                    for size in (1, 3, 50):
                        pages = pages_after(s, q, size)
                        assert all(0 < len(p) <= size for p in pages[:-1]) and pages[-1] == []
                        assert [i for p in pages for i in p] == full, (sort, descending, shape, size)


@pytest.mark.parametrize("sort", [SortKey.NUMBER, SortKey.FOLLOW_UP_DUE, SortKey.CPR])
def test_a_case_added_above_while_scrolling_neither_repeats_nor_skips_a_row(context, sort) -> None:  # type: ignore[no-untyped-def]
    """A colleague creates a case that sorts before the rows shown: the next page goes on
    from the last row shown (an OFFSET would show that row a second time)."""
    store = build_store(context)
    q = query(sort=sort)
    with context.sessions() as s:
        first = fetch_case_rows(s, q, 0, 3)
        before = [r.id for r in all_rows(s, q)]
    with context.sessions.begin() as s:
        new_id = add_case(
            s, "Familien Aagaard", [("Aase", "Aagaard", date(1980, 1, 1), Relation.PARENT, True)], store.me
        )
        s.execute(
            Case.__table__.update()
            .where(Case.id == new_id)
            .values(number="K-2025-0000", follow_up_due=date(2000, 1, 1))
        )
    with context.sessions() as s:
        rest = [r.id for r in fetch_case_rows(s, q, limit=EVERYTHING, after=first[-1].after)]
        assert [r.id for r in all_rows(s, q)].index(new_id) < 3  # it sorts above the rows shown
    assert [r.id for r in first] + rest == before  # nothing twice, nothing left out


def test_follow_up_overdue(context) -> None:  # type: ignore[no-untyped-def]
    t = build_store(context).ids
    setup = {  # title -> (status, follow_up_due, overdue?)
        "Familien Østergaard": (CaseStatus.ACTIVE, TODAY - timedelta(days=1), True),
        "Familien Hansen": (CaseStatus.ACTIVE, TODAY, False),  # due today: not yet overdue
        "Ærling Nielsen": (CaseStatus.CLOSED, TODAY - timedelta(days=30), False),
        "Familien 100% Jensen": (CaseStatus.ACTIVE, TODAY + timedelta(days=1), False),
        "Familien 1005 Jensen": (CaseStatus.ACTIVE, None, False),
        "Familien Lund_Berg": (CaseStatus.PAUSED, TODAY - timedelta(days=100), True),
        "Familien Lundxberg": (CaseStatus.CANDIDATE, TODAY - timedelta(days=2), True),
    }
    with context.sessions.begin() as s:
        for title, (status, due, _) in setup.items():
            case = s.get(Case, t[title])
            assert case is not None
            case.status, case.follow_up_due = status, due
    with context.sessions() as s:
        rows = by_id(all_rows(s, query()))
    for title, (status, due, overdue) in setup.items():
        row = rows[t[title]]
        assert (row.status, row.follow_up_due) == (status, due), title
        assert row.follow_up_overdue is overdue, title
    # the same case seen a day later is overdue
    assert dataclasses.replace(rows[t["Familien Hansen"]], today=TODAY + timedelta(days=1)).follow_up_overdue


@settings(database=None, deadline=None)
@given(
    today=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)).filter(
        lambda d: (d.month, d.day) != (2, 29)
    ),
    born=st.dates(min_value=date(1930, 1, 1), max_value=date(2099, 12, 31)).filter(
        lambda d: (d.month, d.day) != (2, 29)
    ),
)
def test_turning_18_window_is_the_18th_birthday_within_12_months(today: date, born: date) -> None:
    low, high = turning_18_window(today)
    eighteenth = born.replace(year=born.year + 18)
    assert (low < born <= high) == (today < eighteenth <= today.replace(year=today.year + 1))


def test_turning_18_window_on_29_february() -> None:
    low, high = turning_18_window(date(2024, 2, 29))
    # born 28 Feb 2006: 18 on 28 Feb 2024, already 18; born 1 Mar 2006: 18 tomorrow
    assert not (low < date(2006, 2, 28) <= high)
    assert low < date(2006, 3, 1) <= high
    assert low < date(2007, 2, 28) <= high  # 18 on 28 Feb 2025, within the year


def test_turning_18_flag(context) -> None:  # type: ignore[no-untyped-def]
    parent, child = Relation.PARENT, Relation.CHILD
    mother = ("Tina", "Mor", date(1980, 1, 15), parent, True)
    cases = {  # title -> (people, single?, flagged?)
        "18 i morgen": ([mother, ("Mads", "Et", born_years_ago(18, 1), child, False)], False, True),
        "18 om 11 måneder": ([mother, ("Maja", "To", born_years_ago(17, -31), child, False)], False, True),
        "18 om præcis et år": ([mother, ("Noah", "Tre", born_years_ago(17), child, False)], False, True),
        "18 om 13 måneder": ([mother, ("Ida", "Fire", born_years_ago(17, 30), child, False)], False, False),
        "18 i dag": ([mother, ("Carl", "Fem", born_years_ago(18), child, False)], False, False),
        "allerede 19": ([mother, ("Alma", "Seks", born_years_ago(19, -40), child, False)], False, False),
        "kun voksne": ([mother, ("Per", "Far", date(1978, 8, 1), parent, True)], False, False),
        "enkelt borger 18 snart": (
            [("Sofie", "Syv", born_years_ago(18, 90), Relation.OTHER, False)],
            True,
            True,
        ),
        "enkelt borger 18 længe": (
            [("Oscar", "Otte", born_years_ago(18, -5), Relation.OTHER, False)],
            True,
            False,
        ),
    }
    with context.sessions.begin() as s:
        ids = {
            title: add_case(s, title, people, context.user.id, single=single)
            for title, (people, single, _) in cases.items()
        }
    with context.sessions() as s:
        rows = by_id(all_rows(s, query()))
    assert {title: rows[ids[title]].turning_18 for title in cases} == {
        title: flagged for title, (_, _, flagged) in cases.items()
    }


def _meeting(case_id: int, starts: datetime, status: MeetingStatus, uid: str) -> Meeting:
    return Meeting(
        case_id=case_id,
        kind=MeetingKind.FOLLOW_UP,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        status=status,
        ical_uid=f"{uid}@test",
    )


def test_next_meeting_is_the_earliest_planned_from_now(context) -> None:  # type: ignore[no-untyped-def]
    t = build_store(context).ids
    a, b, c = t["Familien Østergaard"], t["Familien Hansen"], t["Ærling Nielsen"]
    tomorrow_local = (NOW + timedelta(days=1)).astimezone(LOCAL_TZ)
    with context.sessions.begin() as s:
        s.add_all(
            [
                _meeting(a, NOW - timedelta(hours=1), MeetingStatus.PLANNED, "a-past"),
                _meeting(a, NOW + timedelta(days=3), MeetingStatus.PLANNED, "a-later"),
                _meeting(a, tomorrow_local, MeetingStatus.PLANNED, "a-next"),
                _meeting(a, NOW + timedelta(hours=2), MeetingStatus.HELD, "a-held"),
                _meeting(a, NOW + timedelta(hours=1), MeetingStatus.CANCELLED, "a-cancelled"),
                _meeting(b, NOW, MeetingStatus.PLANNED, "b-now"),
                _meeting(b, NOW + timedelta(days=40), MeetingStatus.PLANNED, "b-later"),
                _meeting(c, NOW - timedelta(days=2), MeetingStatus.PLANNED, "c-past"),
                _meeting(c, NOW + timedelta(days=2), MeetingStatus.CANCELLED, "c-cancelled"),
            ]
        )
    with context.sessions() as s:
        rows = by_id(all_rows(s, query()))
        later = by_id(
            all_rows(s, CaseListQuery(today=TODAY, now=NOW + timedelta(days=2), sort=SortKey.NEXT_MEETING))
        )
    assert rows[a].next_meeting == NOW + timedelta(days=1)
    assert rows[b].next_meeting == NOW  # "from now on" includes now
    assert rows[c].next_meeting is None
    assert rows[t["Familien Lund_Berg"]].next_meeting is None  # no meetings at all
    assert all(r.next_meeting is None or r.next_meeting.utcoffset() is not None for r in rows.values())
    assert later[a].next_meeting == NOW + timedelta(days=3)
    assert later[b].next_meeting == NOW + timedelta(days=40)


OPEN, DONE, CANCELLED = AgreementStatus.OPEN, AgreementStatus.DONE, AgreementStatus.CANCELLED


def add_plans(context, case_id: int, versions: list[tuple[int, list[AgreementStatus]]]) -> None:  # type: ignore[no-untyped-def]
    """Plan versions (in this insertion order) with agreements of the given statuses."""
    with context.sessions.begin() as s:
        for number, statuses in versions:
            pv = PlanVersion(case_id=case_id, number=number, state=PlanState.DRAFT)
            s.add(pv)
            s.flush()
            s.add_all(
                Agreement(plan_version_id=pv.id, what=f"Aftale {i}", status=status, position=i)
                for i, status in enumerate(statuses)
            )


def open_agreements(context) -> dict[int, int]:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return {r.id: r.open_agreements for r in all_rows(s, query())}


def test_open_agreements_count_the_open_ones_in_the_highest_version(context) -> None:  # type: ignore[no-untyped-def]
    # One case at a time has a plan; several cases with plans: the next test.
    scenarios = [
        ([(1, [OPEN, DONE, OPEN, CANCELLED, OPEN])], 3),
        ([(2, [OPEN, DONE, CANCELLED, OPEN]), (1, [OPEN, OPEN, OPEN])], 2),  # v2 stored first
        ([(1, [OPEN, OPEN, OPEN]), (2, [])], 0),  # a new, still empty draft
        ([(10, [OPEN, OPEN, OPEN]), (2, [OPEN]), (9, [OPEN] * 5)], 3),  # numbers compare as numbers
        ([(1, [DONE, CANCELLED])], 0),
    ]
    t = build_store(context).ids
    hansen = t["Familien Hansen"]
    for versions, expected in scenarios:
        add_plans(context, hansen, versions)
        counts = open_agreements(context)
        assert counts[hansen] == expected, versions
        assert {n for i, n in counts.items() if i != hansen} == {0}  # no plan, no agreements
        with context.sessions.begin() as s:
            s.execute(delete(Agreement))
            s.execute(delete(PlanVersion))


def test_open_agreements_use_each_cases_own_highest_version(context) -> None:  # type: ignore[no-untyped-def]
    t = build_store(context).ids
    plans = {
        "Familien Østergaard": [(2, [OPEN, DONE, CANCELLED, OPEN]), (1, [OPEN, OPEN, OPEN])],
        "Familien Hansen": [(1, [OPEN, DONE, DONE])],
        "Ærling Nielsen": [(1, [OPEN, OPEN, OPEN]), (2, [])],
        "Familien 100% Jensen": [(10, [OPEN, OPEN, OPEN]), (2, [OPEN])],
    }
    for title, versions in plans.items():
        add_plans(context, t[title], versions)
    counts = open_agreements(context)
    assert {title: counts[t[title]] for title in plans} == {
        "Familien Østergaard": 2,
        "Familien Hansen": 1,
        "Ærling Nielsen": 0,
        "Familien 100% Jensen": 3,
    }
