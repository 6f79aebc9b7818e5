"""The team overview for the team meeting (A4, Danish like the other papers): per coordinator
the caseload against the team's limit as a bar, follow-ups and deadlines overdue, plans waiting
for approval, absences and deputies; then the candidate cases without a coordinator and the
cases behind each figure by number and name. No CPR numbers, no case text."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.pdf.document import a4_document, markup, ruled_table
from app.pdf.fonts import register_fonts
from app.pdf.styles import ACCENT, plan_styles
from app.services.team.caseload import format_load
from app.services.team.overview import CoordinatorFigures, Figure, TeamOverview
from app.store.safe_files import check_output, write_atomic

TITLE = "Teamoverblik"
HEADERS = (
    "Koordinator",
    "Sagsbelastning",
    "Opfølgning over tid",
    "Frister over tid",
    "Planer uden godkendelse",
)
ABSENCE_KINDS = {"holiday": "ferie", "illness": "sygdom", "course": "kursus"}
FIGURE_TITLES = {
    Figure.FOLLOW_UPS: "Opfølgning over tid",
    Figure.DEADLINES: "Frister over tid",
    Figure.PLANS: "Planer uden godkendelse",
}
OVER = colors.HexColor("#b3261e")
BAR_WIDTH = 42 * mm


def _load(value: Decimal) -> str:
    return format_load(value).replace(".", ",")


def _day(value: object) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else ""


def _rect(width: float, height: float, fill: colors.Color) -> Rect:
    rect = Rect(0, 0, width, height)
    rect.fillColor = fill
    rect.strokeColor = None
    return rect


def caseload_bar(load: Decimal, limit: Decimal, font: str) -> Drawing:
    """A bar filled to load / limit (full and red above the limit) with the figures on it."""
    height = 5 * mm
    drawing = Drawing(BAR_WIDTH, height)
    drawing.add(_rect(BAR_WIDTH, height, colors.HexColor("#e6eef1")))
    share = float(min(load / limit, Decimal(1))) if limit > 0 else 1.0
    above = load > limit
    drawing.add(_rect(BAR_WIDTH * share, height, OVER if above else ACCENT))
    label = f"{_load(load)} af {_load(limit)}"
    drawing.add(
        String(
            2,
            1.4 * mm,
            label,
            fontName=font,
            fontSize=8,
            fillColor=colors.white if share > 0.4 else colors.black,
        )
    )
    return drawing


def _absence_lines(row: CoordinatorFigures) -> list[str]:
    return [
        f"{row.name}: {ABSENCE_KINDS.get(a.kind.value, a.kind.value)} {_day(a.starts_on)}–{_day(a.ends_on)}, "
        f"stedfortræder {a.deputy_name}" + ("" if a.all_cases else f" ({len(a.case_ids)} sager)")
        for a in row.absences
    ]


def team_overview_story(overview: TeamOverview) -> list[Flowable]:
    styles = plan_styles(False)
    fonts = register_fonts()
    team = f"Team {overview.team}" if overview.team else "Alle koordinatorer"
    story: list[Flowable] = [
        Paragraph(TITLE, styles.title),
        Paragraph(
            f"{team} · {_day(overview.today)} · grænse {_load(overview.settings.limit)} "
            f"(en familie tæller {_load(overview.settings.family_weight)}, "
            f"en borger {_load(overview.settings.citizen_weight)})",
            styles.meta,
        ),
        Spacer(1, 4 * mm),
    ]
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in HEADERS]]
    for row in overview.rows:
        data.append(
            [
                Paragraph(markup(row.name), styles.cell),
                caseload_bar(row.load, overview.settings.limit, fonts.regular),
                Paragraph(str(len(row.follow_ups)), styles.cell),
                Paragraph(str(len(row.deadlines)), styles.cell),
                Paragraph(str(len(row.plans)), styles.cell),
            ]
        )
    widths = [40 * mm, BAR_WIDTH + 4 * mm, 28 * mm, 26 * mm, 32 * mm]
    story.append(ruled_table(data, widths, fonts.regular, styles.body_size, styles.leading, 1.0, 4))
    story.append(Spacer(1, 5 * mm))
    story.append(Paragraph("Fravær og stedfortrædere", styles.h2))
    away = [line for row in overview.rows for line in _absence_lines(row)]
    story += [Paragraph(markup(line), styles.body) for line in away] or [
        Paragraph("Intet fravær.", styles.body)
    ]
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(f"Kandidatsager uden koordinator: {len(overview.without_coordinator)}", styles.h2))
    story += [
        Paragraph(markup(f"{c.number} {c.title}"), styles.body)
        for c in overview.cases_behind(Figure.WITHOUT_COORDINATOR)
    ]
    for figure, title in FIGURE_TITLES.items():
        listed = [(row, overview.cases_behind(figure, row.user_id)) for row in overview.rows]
        listed = [(row, cases) for row, cases in listed if cases]
        if not listed:
            continue
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(title, styles.h2))
        for row, cases in listed:
            text = markup(", ".join(f"{c.number} {c.title}" for c in cases))
            story.append(Paragraph(f"<b>{markup(row.name)}</b>: {text}", styles.body))
    return story


def write_team_overview_pdf(overview: TeamOverview, path: Path) -> None:
    check_output(path)
    styles = plan_styles(False)
    fonts = register_fonts()
    out = io.BytesIO()
    margin = 18 * mm
    a4_document(
        out,
        margin=margin,
        top=margin,
        bottom=margin,
        title=TITLE,
        author="Koordinator",
        subject=TITLE,
        fonts=fonts,
        body_size=styles.body_size,
        page_name="team",
    ).build(team_overview_story(overview))
    write_atomic(path, out.getvalue())
