"""The "who looked at me" report for a citizen's request for access (DOMAIN.md §3.1): every
lookup of their data with date, action, case and department; staff pseudonymised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.pdf.document import a4_document, ruled_table
from app.pdf.fonts import register_fonts
from app.pdf.styles import plan_styles
from app.services.common.audit import AccessLine
from app.services.common.clock import to_local
from app.store.safe_files import check_output, write_atomic, write_text_atomic

ACTION_LABELS = {
    "open_case": "Sag åbnet",
    "open_citizen": "Borger åbnet",
    "search": "Søgning",
    "change": "Ændring",
    "create": "Oprettelse",
    "print": "Udskrift",
    "export": "Eksport",
    "cpr_reveal": "CPR-nummer vist",
    "share_override": "Deling uden samtykke",
}
HEADERS = ("Dato og tid", "Handling", "Sag", "Formål", "Medarbejder", "Afdeling")


def _row(line: AccessLine) -> list[str]:
    return [
        to_local(line.occurred_at).strftime("%d-%m-%Y %H:%M"),
        ACTION_LABELS.get(line.action, line.action),
        line.case_number,
        line.purpose,
        line.staff,
        line.department,
    ]


def write_access_csv(lines: Sequence[AccessLine], path: Path) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows(_row(line) for line in lines)
    write_text_atomic(path, buffer.getvalue(), encoding="utf-8-sig")


def write_access_pdf(lines: Sequence[AccessLine], path: Path, citizen_label: str, today: date) -> None:
    """``citizen_label``: the name and masked CPR (never the full number)."""
    styles = plan_styles(False)
    story = [
        Paragraph("Opslag i dine oplysninger", styles.title),
        Paragraph(f"{citizen_label} · udskrevet {today.strftime('%d-%m-%Y')}", styles.meta),
        Spacer(1, 4 * mm),
        Paragraph(
            "Her er hvert opslag i dine oplysninger i Koordinator: hvornår, hvad og i hvilken sag. "
            "Medarbejderne er ikke nævnt ved navn, men den samme medarbejder har det samme nummer.",
            styles.body,
        ),
        Spacer(1, 4 * mm),
    ]
    fonts = register_fonts()  # never the unembedded Helvetica
    if lines:
        data = [[Paragraph(h, styles.cell_head) for h in HEADERS]]
        data += [[Paragraph(cell, styles.cell) for cell in _row(line)] for line in lines]
        widths = [30 * mm, 30 * mm, 25 * mm, 35 * mm, 27 * mm, 30 * mm]
        story.append(ruled_table(data, widths, fonts.regular, styles.body_size, styles.leading, 1.0, 6))
    else:
        story.append(Paragraph("Der er ingen opslag i perioden.", styles.body))
    check_output(path)
    out = io.BytesIO()
    margin = 25.4 * mm  # one inch all round, as before
    a4_document(
        out,
        margin=margin,
        top=margin,
        bottom=margin,
        title="Opslag i dine oplysninger",
        author="Koordinator",
        subject="Opslag i dine oplysninger",
        fonts=fonts,
        body_size=styles.body_size,
        page_name="access",
    ).build(story)
    write_atomic(path, out.getvalue())
