"""The printed plan: an A4 PDF written for the family, in plain Danish (or the family's language).

    build_plan_pdf(doc, today=…)  -> bytes
    write_plan_pdf(doc, path, today=…)  (temp file in the same folder, then rename)

A copy for someone other than the family (app.services.plan.recipient_copy) says whom it is for
("Kopi til: Skolen", on page 1 and in every footer) and, in a box on page 1, what was left out
for want of consent. The family's copy has neither.

Page 1 holds the title, the family, the plan's version and date and the coordinator's name,
phone and e-mail. Then come the goals, the agreements ("what, who, by when"), the family's own
words, the other sections, a section per member, the help each person gets (law references in
small print), the case's documents (those a recipient's copy may mention), the next meeting
and places to sign. Empty sections are left out. Every page carries "Side x af y", a
confidentiality line and the case number; CPR numbers are not printed at all. Fonts are
embedded TrueType (fonts.py), the catalog's /Lang is the copy's language.

``language`` prints the family's copy in another language (plan_language.py: English,
Ukrainian, Polish or Arabic): every fixed text, date and the footer in that language, the
caseworker's own text as written, in DejaVu Sans; Arabic is set right to left (rtl.py).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from functools import partial

from reportlab.lib.units import mm

from app.pdf.document import PAGE_WIDTH, NumberedCanvas, PageFurniture, a4_document, draft_watermark
from app.pdf.fonts import printable, register_fonts
from app.pdf.plan_language import DANISH, plan_language
from app.pdf.plan_story import SECTION_ORDER, NoPlanError, PlanStory, law_line
from app.pdf.styles import plan_styles
from app.services.plan.plan_document import PlanDocument
from app.store.safe_files import check_output, write_atomic

__all__ = [
    "SECTION_ORDER",
    "NoPlanError",
    "PlanStory",
    "build_plan_pdf",
    "law_line",
    "write_plan_pdf",
]

# -- public API --------------------------------------------------------------------------------


def build_plan_pdf(
    doc: PlanDocument,
    *,
    today: date,
    large_print: bool = False,
    recipient: str = "",
    omitted: Sequence[str] = (),
    language: str = DANISH,
) -> bytes:
    """The plan in ``doc`` as PDF bytes. Raises NoPlanError when the case has no plan, and
    UnknownLanguageError for a ``language`` that is not one of plan_language.LANGUAGES.

    ``recipient`` (e.g. "Skolen") makes it a copy for someone other than the family: ``doc``
    is then the recipient's copy (recipient_copy) and ``omitted`` says what was left out.
    ``language`` is the copy's language (Danish by default)."""
    if doc.plan is None:
        raise NoPlanError(doc.case_number)
    lang = plan_language(language)
    fonts = register_fonts(lang.font)
    styles = plan_styles(large_print, lang.font)
    margin = (20 if large_print else 22) * mm
    top = 20 * mm
    bottom = 9 * mm + 2.6 * styles.footer_size + 8 * mm
    width = PAGE_WIDTH - 2 * margin
    plan = doc.plan
    font = fonts.regular
    number = plan.number
    version = lang.t("subject_version" if plan.approved else "subject_draft", number=number)
    recipient = printable(recipient.strip(), font)
    copy_for = lang.t("copy_for")
    buffer = io.BytesIO()
    template = a4_document(
        buffer,
        margin=margin,
        top=top,
        bottom=bottom,
        title=printable(f"{lang.t('title')} – {doc.family_name}", font),
        author=printable(doc.coordinator_name, font) or "Koordinator",
        subject=lang.t("subject", case=doc.case_number, version=version)
        + (f", {copy_for.lower()} {recipient}" if recipient else ""),
        fonts=fonts,
        body_size=styles.body_size,
        page_name="plan",
        on_page=None if plan.approved else draft_watermark(fonts, lang.t("draft_mark"), lang.rtl),
        lang=lang.code,
    )
    reference = [lang.t("reference_case", case=doc.case_number), lang.t("reference_version", number=number)]
    reference += [] if plan.approved else [lang.t("reference_draft")]
    reference += [f"{copy_for} {recipient}"] if recipient else []
    furniture = PageFurniture(
        fonts=fonts,
        size=styles.footer_size,
        margin=margin,
        header=printable(f"{lang.t('title')} · {doc.family_name}", font),
        reference=" · ".join(reference),
        draft=not plan.approved,
        confidential=lang.t("confidential"),
        page_label=lang.texts["page"],
        draft_mark=lang.t("draft_mark"),
        rtl=lang.rtl,
    )
    story = PlanStory(doc, today, styles, fonts, width, recipient, omitted, lang).story()
    template.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()


def write_plan_pdf(
    doc: PlanDocument,
    path: str | os.PathLike[str],
    *,
    today: date,
    large_print: bool = False,
    recipient: str = "",
    omitted: Sequence[str] = (),
    language: str = DANISH,
) -> None:
    """Write the plan to ``path``: a temp file in the same folder, synced, then renamed over it.

    The PDF is built before the folder is touched, so a failure never leaves half a file.
    Raises OSError when the file cannot be written (the message names the reason).
    """
    check_output(path)  # refused before the work of building it
    data = build_plan_pdf(
        doc, today=today, large_print=large_print, recipient=recipient, omitted=omitted, language=language
    )
    write_atomic(path, data)
