"""The plan as an editable Word file, on the municipality's letter template.

    build_plan_docx(doc, today=…, template=…, recipient=…, omitted=…)  -> bytes
    write_plan_docx(doc, path, today=…, …)  (temp file in the same folder, then rename)

It says what the printed plan (app/pdf/plan_pdf.py) says, in the same order, from the same
document: title, family, version and date, "Kopi til …" on a recipient's copy, whom the plan
is for, the coordinator with phone and e-mail (and a deputy while they are away), what a
recipient's copy leaves out, the goals, the agreements (what, who, by when, status; an open one
past its date "Over tid"), the family's own words and the other sections, a section per member,
the help each person gets, the case's documents, and on the family's copy the next meeting and
the signatures. A recipient's copy is made from ``recipient_copy``'s document, so it leaves out
exactly what the PDF leaves out. Headings are Word's Heading 1-3, the agreements and documents
are tables with a repeating header row; a draft says "UDKAST" in every header.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from docx.document import Document
from docx.shared import Mm, Pt

from app.docx.word import (
    ACCENT,
    Bold,
    Furniture,
    Quiet,
    bare_cells,
    box,
    cell_line,
    heading,
    line,
    new_document,
    rule_cell,
    ruled_table,
    text_block,
    to_bytes,
    widths,
    write_docx,
)
from app.models.enums import AgreementStatus
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.common.letter_template import LetterTemplate
from app.services.plan import plan_words as words
from app.services.plan.plan_document import PRINT_ORDER, PlanDocument
from app.services.plan.plan_words import Voice as Voice  # re-exported for the papers
from app.services.team.absences import Cover
from app.store.safe_files import check_output

TITLE = "Vores fælles plan"
COPY_FOR = "Kopi til"
OMITTED_HEAD = "Udeladt på grund af manglende samtykke"
WIDTH_MM = 210 - 2 * 22
SECTION_ORDER = PRINT_ORDER  # the text sections after goals and agreements


class NoPlanError(ValueError):
    """The case has no plan version to write."""


def section_headings(voice: Voice) -> dict[str, str]:
    return {
        "family_views": f"Med {voice.your_plural} egne ord",
        "summary": "Sådan er situationen nu",
        "resources": f"Det går godt – {voice.your_plural} styrker",
        "barriers": "Det er svært",
        "sequencing": "Rækkefølgen",
        "follow_up": "Sådan følger vi op",
        "closing": "Når planen slutter",
    }


class PlanWriter:
    """Writes the plan's parts into a Word document, page 1 to the signatures."""

    def __init__(
        self, d: Document, doc: PlanDocument, today: date, recipient: str, omitted: Sequence[str]
    ) -> None:
        if doc.plan is None:
            raise NoPlanError(doc.case_number)
        self.d = d
        self.doc = doc
        self.plan = doc.plan
        self.today = today
        self.recipient = recipient.strip()
        self.omitted = tuple(t for t in omitted if t.strip())
        self.voice = Voice(doc.is_family)

    def write(self) -> None:
        self.front()
        self.goals()
        self.agreements()
        self.sections()
        self.member_sections()
        self.offers()
        self.documents()
        if not self.recipient:  # the family's copy only: signed, and the meeting is theirs
            self.next_meeting()
            self.signatures()

    # page 1 --------------------------------------------------------------------------------
    def front(self) -> None:
        d, doc, plan, v = self.d, self.doc, self.plan, self.voice
        heading(d, TITLE, 1)
        family = line(d, Bold(doc.family_name))
        family.runs[0].font.size = Pt(15)
        if plan.approved and plan.approved_on:
            status = f"Version {plan.number}, godkendt {danish.short_date(plan.approved_on)}"
            kind = plan.meeting_label.partition("|")[0]
            if kind:
                status += f" på {danish.meeting_word(kind)}"
            line(d, status)
        elif plan.approved:
            line(d, f"Version {plan.number}, godkendt")
        else:
            line(d, Bold("Udkast"), f" til version {plan.number} – planen er ikke godkendt endnu")
        line(d, f"Udskrevet {danish.short_date(self.today)}")
        if self.recipient:
            line(d, Bold(f"{COPY_FOR}: {self.recipient}"))
        if doc.is_family and doc.members:
            names = danish.join([words.first_name(doc, m.citizen_id) for m in doc.members])
            line(d, f"Planen gælder for {names}")
        line(
            d,
            f"Denne plan har vi lavet sammen med {v.you}. Den samler det, {v.you_subject} arbejder "
            f"hen imod, og det, vi har aftalt. Ring til {v.your} koordinator, hvis noget er "
            "uklart, eller hvis der sker noget nyt.",
        )
        if self.omitted:  # before the coordinator: the reader must see it on page 1
            cell = box(d, WIDTH_MM)
            line(cell, Bold(OMITTED_HEAD))
            for statement in self.omitted:
                line(cell, statement, style="List Bullet")
        self.coordinator_box()

    def coordinator_box(self) -> None:
        doc, v = self.doc, self.voice
        cell = box(self.d, WIDTH_MM)
        line(cell, Bold(f"{v.your.capitalize()} koordinator"))
        line(cell, Bold(doc.coordinator_name))
        if doc.coordinator_phone:
            line(cell, f"Telefon {doc.coordinator_phone}")
        if doc.coordinator_email:
            line(cell, f"E-mail {doc.coordinator_email}")
        if doc.cover is not None:  # away: the deputy first, then the partner as ever
            line(cell, *cover_parts(doc.cover, v))
        if doc.partner_name:
            first = doc.coordinator_name.split(" ")[0] or "koordinatoren"
            text = f"Hvis {first} ikke kan træffes, kan {v.you_subject} "
            if doc.partner_phone:
                text += f"ringe til {doc.partner_name} på telefon {doc.partner_phone}."
            else:
                text += f"kontakte {doc.partner_name}."
            line(cell, text)

    # goals and agreements ------------------------------------------------------------------
    def goals(self) -> None:
        tree = words.goal_tree(self.plan.goals)
        if not tree:
            return
        heading(self.d, "Det arbejder vi hen imod", 2)
        for goal, depth, parent in tree:
            label = danish.GOAL_LEVEL.get(goal.level, "Mål")
            indent = Mm(8 * min(depth, 2))
            head = line(self.d, Bold(f"{label}:"), f" {goal.text.strip()}")
            head.paragraph_format.left_indent = indent
            head.paragraph_format.space_after = Pt(1)
            if depth == 0:
                head.runs[0].font.color.rgb = ACCENT
            meta: list[str] = []
            concerns = words.goal_meta(self.doc, goal, parent)
            if concerns:
                meta.append(" · ".join(concerns))
            status = danish.GOAL_STATUS.get(goal.status, "")
            if status:
                meta += [" · " if concerns else "", Bold(status)]
            score = words.score_line(goal, self.doc.is_family)
            for parts in (meta, [score] if score else []):
                if parts:
                    small = line(self.d, *parts)
                    small.paragraph_format.left_indent = indent
                    small.paragraph_format.space_after = Pt(1)
                    for run in small.runs:
                        run.font.size = Pt(9.5)

    def agreements(self) -> None:
        items = words.agreements_in_order(self.plan.agreements)
        if not items:
            return
        heading(self.d, "Det har vi aftalt", 2)
        rows = []
        for a in items:
            status = words.agreement_status(a, self.today)
            rows.append(
                [
                    a.what,
                    words.responsible(self.doc, a),
                    danish.short_date(a.due_date),
                    Bold(status) if words.overdue(a, self.today) else status,
                ]
            )
        ruled_table(
            self.d,
            ["Hvad", "Hvem", "Senest", "Status"],
            rows,
            [WIDTH_MM - 44 - 22 - 22, 44, 22, 22],
            quiet_rows=[a.status != AgreementStatus.OPEN for a in items],
        )

    # text sections ---------------------------------------------------------------------------
    def sections(self) -> None:
        headings = section_headings(self.voice)
        for name in SECTION_ORDER:
            text = self.plan.section(name).strip()
            if text:
                heading(self.d, headings[name], 2)
                text_block(self.d, text, style="Quote" if name == "family_views" else None)

    def member_sections(self) -> None:
        known = {m.citizen_id for m in self.doc.members}
        order = [m.citizen_id for m in self.doc.members]
        order += [cid for cid, _ in self.plan.member_sections if cid not in known]
        for cid in order:
            text = self.plan.member_section(cid).strip()
            if text:
                heading(self.d, f"Om {words.first_name(self.doc, cid) or 'et familiemedlem'}", 2)
                text_block(self.d, text)

    def offers(self) -> None:
        groups = words.offers_by_member(self.doc)
        if not groups:
            return
        heading(self.d, f"Den hjælp {self.voice.you_subject} får", 2)
        for cid, lines in groups:
            if self.doc.is_family or len(groups) > 1:
                heading(self.d, words.first_name(self.doc, cid) or "Andre", 3)
            for offer in lines:
                for item in offer.items:
                    line(self.d, Bold(item.title), style="List Bullet")
                    detail = line(self.d, Quiet(words.offer_detail(item, self.today)))
                    detail.paragraph_format.left_indent = Mm(6)
                if offer.comment.strip():
                    text_block(self.d, offer.comment, indent_mm=6)
                law = line(self.d, Quiet(words.law_line(offer)))
                law.paragraph_format.left_indent = Mm(6)

    def documents(self) -> None:
        if not self.doc.documents:
            return
        heading(self.d, "Dokumenter i sagen", 2)
        rows = [[danish.short_date(x.received_on), x.title, x.from_whom] for x in self.doc.documents]
        rest = WIDTH_MM - 24
        ruled_table(self.d, ["Dato", "Dokument", "Fra"], rows, [24, rest * 0.6, rest * 0.4])

    # next meeting and signatures ---------------------------------------------------------------
    def next_meeting(self) -> None:
        when, info = self.doc.next_meeting, self.doc.next_meeting_info
        heading(self.d, "Næste møde", 2)
        if when is None or to_local(when).date() < self.today:
            line(self.d, "Tidspunktet aftales.")
        elif info is None or info.starts_at != when:
            line(self.d, danish.meeting_time(to_local(when)))
        else:
            line(self.d, Bold(danish.meeting_period(to_local(info.starts_at), to_local(info.ends_at))))
            line(self.d, meeting_where(info.kind, info.place, info.video_link))

    def signatures(self) -> None:
        d = self.d
        heading(d, "Underskrifter", 2)
        views = self.doc.plan.consent_views if self.doc.plan is not None else ""
        if views:  # the youth's yes and the parents' no, instead of "we agree"
            heading(d, "Samtykke til planen", 3)
            for text in views.splitlines():
                line(d, text)
        else:
            line(d, "Vi har lavet planen sammen og er enige om den.")
        names = words.signers(self.doc, self.today)
        table = d.add_table(rows=2 * len(names), cols=3)
        bare_cells(table)
        for i, name in enumerate(names):
            space, label = table.rows[2 * i], table.rows[2 * i + 1]
            space.height = Mm(14)
            rule_cell(space.cells[0])
            rule_cell(space.cells[2])
            cell_line(label.cells[0], Quiet("Dato"))
            cell_line(label.cells[2], Quiet(name))
        widths(table, [WIDTH_MM * 0.3, 8, WIDTH_MM * 0.7 - 8])


def cover_parts(cover: Cover, voice: Voice) -> list[str]:
    """Whom to call while the coordinator is away, as parts of a line: "Lone Madsen er fraværende
    til og med 12. juni. Indtil da kan I i stedet kontakte stedfortræderen Mette Dahl, …"."""
    how = [f"telefon {cover.deputy_phone}"] if cover.deputy_phone else []
    how += [f"e-mail {cover.deputy_email}"] if cover.deputy_email else []
    reach = f", {', '.join(how)}" if how else ""
    return [
        Bold(
            f"{cover.absent_name or 'Koordinatoren'} er fraværende til og med {danish.long_date(cover.until)}."
        ),
        f" Indtil da kan {voice.you_subject} i stedet kontakte stedfortræderen ",
        Bold(cover.deputy_name),
        f"{reach}.",
    ]


def meeting_where(kind: str, place: str, video_link: str, limit: int = 120) -> str:
    """ "Netværksmøde · Rådhuset" (the place, else the video link), free text cut near ``limit``."""
    where = [danish.meeting_kind(kind)]
    if place.strip():
        where.append(clip(place, limit))
    elif video_link.strip():
        where.append(f"Video: {clip(video_link, limit)}")
    return " · ".join(where)


def clip(text: str, limit: int) -> str:
    """Free text on one line, cut at a word near ``limit`` characters (with an ellipsis)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


# -- public API --------------------------------------------------------------------------------


def build_plan_docx(
    doc: PlanDocument,
    *,
    today: date,
    template: LetterTemplate | None = None,
    recipient: str = "",
    omitted: Sequence[str] = (),
) -> bytes:
    """The plan in ``doc`` as .docx bytes. Raises NoPlanError when the case has no plan.

    ``recipient`` (e.g. "Skolen") makes it a copy for someone other than the family: ``doc`` is
    then the recipient's copy (recipient_copy) and ``omitted`` says what was left out."""
    plan = doc.plan
    if plan is None:
        raise NoPlanError(doc.case_number)
    template = template or LetterTemplate()
    to = recipient.strip()
    version = f"version {plan.number}" + ("" if plan.approved else " (udkast)")
    furniture = Furniture(
        title=f"{TITLE} – {doc.family_name}",
        subject=f"Koordinerende plan, sag {doc.case_number}, {version}"
        + (f", {COPY_FOR.lower()} {to}" if to else ""),
        author=doc.coordinator_name,
        header=f"{TITLE} · {doc.family_name}",
        reference=f"Sag {doc.case_number} · Version {plan.number}"
        + ("" if plan.approved else " · Udkast")
        + (f" · {COPY_FOR} {to}" if to else ""),
        draft=not plan.approved,
        keywords=f"Sag {doc.case_number}",
    )
    d = new_document(template, furniture)
    PlanWriter(d, doc, today, to, omitted).write()
    return to_bytes(d)


def write_plan_docx(
    doc: PlanDocument,
    path: str | os.PathLike[str],
    *,
    today: date,
    template: LetterTemplate | None = None,
    recipient: str = "",
    omitted: Sequence[str] = (),
) -> None:
    """Write the plan to ``path`` whole or not at all; OSError says why it could not be."""
    check_output(path)  # refused before the work of building it
    data = build_plan_docx(doc, today=today, template=template, recipient=recipient, omitted=omitted)
    write_docx(data, path)
