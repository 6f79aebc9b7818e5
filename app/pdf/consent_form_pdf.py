"""The consent form as the family reads and signs it: one page in plain Danish saying what
the municipality may do with which information, from or to whom, for what and until when,
how to withdraw it, and lines to sign (``services/privacy/consent_form.py`` builds it)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.pdf.document import a4_document
from app.pdf.fonts import register_fonts
from app.pdf.styles import plan_styles
from app.services.privacy.consent_form import ConsentFormDoc
from app.store.safe_files import check_output, write_atomic


def _m(text: str) -> str:
    """Text for a Paragraph: its markup characters escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _list(items: tuple[str, ...], style) -> list[Flowable]:  # type: ignore[no-untyped-def]
    return [Paragraph("• " + _m(item), style) for item in items] or [Paragraph("–", style)]


def consent_form_story(doc: ConsentFormDoc) -> list[Flowable]:
    s = plan_styles(False)
    story: list[Flowable] = [Paragraph(_m(line), s.meta) for line in (doc.sender, *doc.address) if line]
    story += [
        Spacer(1, 4 * mm),
        Paragraph(_m(doc.text("title")), s.title),
        Paragraph(_m(doc.text("intro")), s.body),
        Spacer(1, 2 * mm),
        Paragraph(_m(doc.text("allowed_head")), s.h2),
    ]
    parties = ", ".join(doc.parties) or "–"
    for wanted, key in ((doc.collects, "collect_text"), (doc.shares, "share_text")):
        if wanted:
            story.append(Paragraph(f"• {_m(doc.text(key))} <b>{_m(parties)}</b>", s.bullet))
    story += [
        Spacer(1, 2 * mm),
        Paragraph(_m(doc.text("info_text")), s.body),
        *_list(doc.info_types, s.bullet),
        Spacer(1, 2 * mm),
    ]
    if doc.purpose:
        story += [Paragraph(f"{_m(doc.text('purpose'))} <b>{_m(doc.purpose)}</b>", s.body), Spacer(1, 2 * mm)]
    story += [
        Paragraph(_m(doc.text("expires" if doc.expires_on else "no_expiry")), s.body),
        Spacer(1, 2 * mm),
    ]
    for wanted, key in ((doc.collects, "collect_law"), (doc.shares, "share_law")):
        if wanted:
            story.append(Paragraph(_m(doc.text(key)), s.law))
    story += [
        Paragraph(_m(doc.text("rights_head")), s.h2),
        Paragraph(_m(doc.text("withdraw")), s.body),
        Spacer(1, 2 * mm),
        Paragraph(_m(doc.text("refuse")), s.body),
        Spacer(1, 8 * mm),
    ]
    giver = doc.given_by + (f" {doc.text('capacity')} {doc.capacity.lower()}" if doc.capacity else "")
    signature = Table(
        [
            [Paragraph(f"<b>{_m(doc.text('given_by'))}</b>", s.body), Paragraph(_m(giver), s.body)],
            ["", ""],
            [Paragraph(_m(doc.text("sign")), s.meta), ""],
        ],
        colWidths=[45 * mm, None],
        rowHeights=[None, 14 * mm, None],
        style=TableStyle(
            [
                ("LINEBELOW", (0, 1), (-1, 1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    story += [KeepTogether([signature]), Spacer(1, 4 * mm)]
    if doc.coordinator:
        story.append(Paragraph(f"{_m(doc.text('coordinator'))}: {_m(doc.coordinator)}", s.meta))
    return story


def write_consent_form(doc: ConsentFormDoc, path: Path) -> None:
    """The form as a PDF at ``path`` (written whole or not at all)."""
    check_output(path)
    fonts = register_fonts()
    styles = plan_styles(False)
    out = io.BytesIO()
    margin = 22 * mm
    a4_document(
        out,
        margin=margin,
        top=margin,
        bottom=margin,
        title=doc.text("title"),
        author=doc.sender or "Koordinator",
        subject=doc.text("title"),
        fonts=fonts,
        body_size=styles.body_size,
        page_name="consent",
    ).build(consent_form_story(doc))
    write_atomic(path, out.getvalue())
