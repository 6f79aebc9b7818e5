"""The team overview against a store counted by hand: every figure of every coordinator, and
every list of cases behind a figure; the team is the users with the lead's team (on a local
store, every caseworker)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import Citizen
from app.models.enums import AbsenceKind
from app.services.team.overview import Figure, TeamOverview, team_overview
from tests.services.team.team_builders import DAY, TODAY, Team


def _read(ctx, team_name: str | None) -> TeamOverview:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return team_overview(s, TODAY, team_name)


def _names(overview: TeamOverview, figure: Figure, user_id: int | None, team: Team) -> list[str]:
    by_id = {v: k for k, v in team.cases.items()}
    return [by_id[c.id] for c in overview.cases_behind(figure, user_id)]


EXPECTED = {  # per coordinator: load, caseload, follow-ups, deadlines, plans, absence cases
    "lead": ("1", ["L3"], [], [], [], []),
    "anna": ("4", ["A1", "A2", "A3"], ["A1"], ["A1"], ["A1"], ["A1", "A2", "A3", "A5", "B2"]),
    "bo": ("3.5", ["B1", "B2", "B3"], ["B3"], ["B1"], ["B1"], ["B1"]),
}


@pytest.mark.parametrize("chunk", [500, 1, 2])  # the plans are read 500 cases at a time
def test_every_figure_of_the_team_matches_the_hand_count(
    sqlite_context, team: Team, chunk: int, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import app.services.team.overview as overview_module

    monkeypatch.setattr(overview_module, "_CHUNK", chunk)
    overview = _read(sqlite_context, "A")
    assert overview.settings.limit == Decimal("3.5")
    assert [r.name for r in overview.rows] == ["Anna Andersen", "Bo Berg", "Lene Leder"]  # not Dan, not Carl
    for who, (load, cases, follow_ups, deadlines, plans, covered) in EXPECTED.items():
        uid = team.users[who]
        row = overview.row(uid)
        assert row is not None
        assert row.load == Decimal(load), who
        assert _names(overview, Figure.CASELOAD, uid, team) == cases, who
        assert _names(overview, Figure.FOLLOW_UPS, uid, team) == follow_ups, who
        assert _names(overview, Figure.DEADLINES, uid, team) == deadlines, who
        assert _names(overview, Figure.PLANS, uid, team) == plans, who
        assert _names(overview, Figure.ABSENCE, uid, team) == covered, who
    assert [r.above(overview.settings.limit) for r in overview.rows] == [
        True,
        False,
        False,
    ]  # 4, 3.5 (at it), 1
    assert _names(overview, Figure.WITHOUT_COORDINATOR, None, team) == ["L1", "L2"]
    anna, bo, lead = overview.rows
    [away] = anna.absences
    assert (away.deputy_name, away.kind, away.starts_on, away.ends_on) == (
        "Bo Berg",
        AbsenceKind.HOLIDAY,
        TODAY - DAY,
        TODAY + 6 * DAY,
    )
    [course] = bo.absences
    assert (course.deputy_name, course.kind, course.all_cases) == ("Anna Andersen", AbsenceKind.COURSE, False)
    assert lead.absences == ()  # ended yesterday


def test_on_a_local_store_the_team_is_every_caseworker(sqlite_context, team: Team) -> None:  # type: ignore[no-untyped-def]
    overview = _read(sqlite_context, None)
    names = [r.name for r in overview.rows]
    assert names == sorted(names) and "Carl Cæsar" in names and "Dan Gone" not in names
    carl = overview.row(team.users["carl"])
    assert carl is not None and carl.load == Decimal("1.5")
    assert _names(overview, Figure.FOLLOW_UPS, team.users["carl"], team) == ["C2"]
    assert _names(overview, Figure.WITHOUT_COORDINATOR, None, team) == ["L1", "L2", "C1"]
    assert carl.absences[0].deputy_name == "Anna Andersen"


def test_the_lists_behind_hold_no_cpr_number(sqlite_context, team: Team) -> None:  # type: ignore[no-untyped-def]
    overview = _read(sqlite_context, "A")
    with sqlite_context.sessions() as s:
        numbers = set(s.scalars(select(Citizen.cpr)))
    shown = repr(overview)
    assert numbers and not any(n and n in shown for n in numbers)


def test_a_team_with_no_one_is_empty(sqlite_context, team: Team) -> None:  # type: ignore[no-untyped-def]
    overview = _read(sqlite_context, "Z")
    assert overview.rows == () and overview.without_coordinator == () and overview.cases == {}


def test_the_pdf_for_the_team_meeting_holds_every_figure_and_no_cpr_number(  # type: ignore[no-untyped-def]
    sqlite_context, team: Team, tmp_path
) -> None:
    from pypdf import PdfReader

    from app.pdf.team_overview_pdf import write_team_overview_pdf

    overview = _read(sqlite_context, "A")
    path = tmp_path / "teamoverblik.pdf"
    write_team_overview_pdf(overview, path)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "Teamoverblik" in text and "Team A · 03.12.2026 · grænse 3,5" in text
    for bar in ("4 af 3,5", "3,5 af 3,5", "1 af 3,5"):  # the bars' figures
        assert bar in text
    assert "Anna Andersen: ferie 02.12.2026–09.12.2026, stedfortræder Bo Berg" in text
    assert "Bo Berg: kursus 13.12.2026–15.12.2026, stedfortræder Anna Andersen (1 sager)" in text
    assert "Kandidatsager uden koordinator: 2" in text
    for case in overview.cases_behind(Figure.WITHOUT_COORDINATOR):
        assert case.number in text
    with sqlite_context.sessions() as s:
        numbers = [n for n in s.scalars(select(Citizen.cpr)) if n]
    assert numbers and not any(n in text or f"{n[:6]}-{n[6:]}" in text for n in numbers)
    assert "Carl" not in text and "Dan Gone" not in text
