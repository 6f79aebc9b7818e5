"""The meeting papers as editable Word files, on the municipality's letter template: the
agreement slip ("Det aftalte vi i dag"), the agenda ("Dagsorden") and the minutes ("Referat").

    build_agreement_slip_docx(doc, meeting, next_meeting, today=…, template=…) -> bytes
    build_agenda_docx(doc, meeting, deadlines, today=…, template=…, …)         -> bytes
    build_minutes_docx(doc, meeting, today=…, template=…, approved_version=…)   -> bytes
    build_paper_docx(what, inputs, today=…)                                     -> bytes

They say what the printed papers (app/pdf/meeting_pdf.py) say, in the same order, from the same
read models. The printed slip is fitted to one page (shortened, the last agreements left out
if need be); in Word it holds every open agreement, whole, since the caseworker may edit it.
No CPR number is written: there is none in the read models, and CPR-shaped numbers typed
into free text (minutes, agenda, agreements, place) are removed (``word.clean``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from docx.document import Document
from docx.shared import Mm

from app.docx.plan_docx import WIDTH_MM, Voice, clip, cover_parts, meeting_where
from app.docx.word import (
    Bold,
    Furniture,
    Quiet,
    box,
    heading,
    line,
    new_document,
    ruled_table,
    text_block,
    to_bytes,
)
from app.models.enums import AgreementStatus, GoalStatus, MeetingStatus
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.common.letter_template import LetterTemplate
from app.services.meetings.meetings import MeetingInfo
from app.services.meetings.papers import PaperInputs
from app.services.plan import plan_words as words
from app.services.plan.plan_document import AgreementView, PlanDocument

SLIP_TITLE = "Det aftalte vi i dag"
AGENDA_TITLE = "Dagsorden"
MINUTES_TITLE = "Referat"
TITLES = {"slip": SLIP_TITLE, "agenda": AGENDA_TITLE, "minutes": MINUTES_TITLE}


class _Paper:
    """A meeting paper being written: the head, the agreement table, the coordinator box."""

    def __init__(
        self,
        title: str,
        doc: PlanDocument,
        meeting: MeetingInfo,
        today: date,
        template: LetterTemplate | None,
    ) -> None:
        self.doc, self.meeting, self.today = doc, meeting, today
        self.voice = Voice(doc.is_family)
        start = to_local(meeting.starts_at)
        self.kind = danish.meeting_kind(meeting.kind)
        day = danish.short_date(start.date())
        self.d: Document = new_document(
            template or LetterTemplate(),
            Furniture(
                title=f"{title} – {doc.family_name}",
                subject=f"{title}, {self.kind.lower()} {day}, sag {doc.case_number}",
                author=doc.coordinator_name,
                header=f"{title} · {doc.family_name}",
                reference=f"Sag {doc.case_number} · {self.kind} {day}",
                keywords=f"Sag {doc.case_number}",
            ),
        )
        self.title = title

    def head(self, *, place: bool = True, family_limit: int = 200) -> None:
        d, meeting = self.d, self.meeting
        heading(d, self.title, 1)
        line(d, Bold(clip(self.doc.family_name, family_limit)))
        period = danish.meeting_period(to_local(meeting.starts_at), to_local(meeting.ends_at))
        line(d, Bold(self.kind), f" · {period}")
        if place and meeting.place.strip():
            line(d, f"Sted: {clip(meeting.place, 200)}")
        if place and meeting.video_link.strip():
            line(d, f"Videolink: {clip(meeting.video_link, 200)}")
        if meeting.status == MeetingStatus.CANCELLED:
            line(d, Bold("Mødet er aflyst."))
        line(d, f"Udskrevet {danish.short_date(self.today)}")

    def agreement_table(
        self, items: Sequence[AgreementView], *, status: bool, late_before: date | None = None
    ) -> None:
        head = ["Hvad", "Hvem", "Senest", "Status"] if status else ["Hvad", "Hvem", "Senest"]
        rows: list[list[str | list[str]]] = []
        for a in items:
            late = late_before is not None and words.overdue(a, late_before)
            when = danish.short_date(a.due_date)
            row: list[str | list[str]] = [
                a.what,
                words.responsible(self.doc, a),
                [Bold(when), "overskredet"] if late else when,
            ]
            if status:
                row.append(danish.AGREEMENT_STATUS.get(a.status, ""))
            rows.append(row)
        widths = [WIDTH_MM - 50 - 24, 50, 24] if not status else [WIDTH_MM - 46 - 24 - 22, 46, 24, 22]
        ruled_table(self.d, head, rows, widths, quiet_rows=[a.status != AgreementStatus.OPEN for a in items])

    def open_agreements(self) -> list[AgreementView]:
        plan = self.doc.plan
        return [a for a in plan.agreements if a.status == AgreementStatus.OPEN] if plan else []

    def coordinator_box(self) -> None:
        doc = self.doc
        cell = box(self.d, WIDTH_MM)
        line(cell, Bold(f"{self.voice.your.capitalize()} koordinator"))
        line(cell, Bold(doc.coordinator_name or "Koordinatoren"))
        contact = [f"Telefon {doc.coordinator_phone}"] if doc.coordinator_phone else []
        contact += [f"E-mail {doc.coordinator_email}"] if doc.coordinator_email else []
        if contact:
            line(cell, " · ".join(contact))
        if doc.cover is not None:  # the coordinator is away: whom to call instead
            line(cell, *cover_parts(doc.cover, self.voice))

    def names(self, people: Sequence[str]) -> str:
        return danish.join([p for p in people if p.strip()])


# -- the three papers --------------------------------------------------------------------------


def build_agreement_slip_docx(
    doc: PlanDocument,
    meeting: MeetingInfo,
    next_meeting: MeetingInfo | None,
    *,
    today: date,
    template: LetterTemplate | None = None,
) -> bytes:
    """ "Det aftalte vi i dag": the open agreements (what / who / by when), the next meeting (or
    "Næste møde aftales") and the coordinator."""
    paper = _Paper(SLIP_TITLE, doc, meeting, today, template)
    d, v = paper.d, paper.voice
    paper.head(place=False, family_limit=120)
    line(
        d,
        "Her er det, vi aftalte på mødet: hvad der skal gøres, hvem der gør det, og hvornår det "
        f"skal være gjort. Gem sedlen, så {v.you_subject} kan se, hvad der er aftalt.",
    )
    heading(d, "Det har vi aftalt", 2)
    items = paper.open_agreements()
    if items:
        paper.agreement_table(items, status=False)
    else:
        line(d, "Der er ingen åbne aftaler lige nu.")
    cell = box(d, WIDTH_MM)
    line(cell, Bold("Næste møde"))
    if next_meeting is not None and next_meeting.status != MeetingStatus.CANCELLED:
        start, end = to_local(next_meeting.starts_at), to_local(next_meeting.ends_at)
        line(cell, Bold(danish.meeting_period(start, end)))
        line(cell, meeting_where(next_meeting.kind, next_meeting.place, next_meeting.video_link))
    else:
        line(cell, Bold("Næste møde aftales."))
        line(cell, f"{v.your.capitalize()} koordinator giver besked om tid og sted.")
    paper.coordinator_box()
    return to_bytes(d)


def _goals(paper: _Paper) -> None:
    """The open goals as trees with their latest scores, as the plan writes them."""
    plan = paper.doc.plan
    goals = [g for g in plan.goals if g.status == GoalStatus.OPEN] if plan else []
    for goal, depth, parent in words.goal_tree(goals):
        indent = Mm(8 * min(depth, 2))
        label = danish.GOAL_LEVEL.get(goal.level, "Mål")
        line(paper.d, Bold(f"{label}:"), f" {goal.text.strip()}").paragraph_format.left_indent = indent
        meta = " · ".join(words.goal_meta(paper.doc, goal, parent))
        score = words.score_line(goal, paper.doc.is_family)
        for text in (meta, score):
            if text:
                line(paper.d, Quiet(text)).paragraph_format.left_indent = indent


def build_agenda_docx(
    doc: PlanDocument,
    meeting: MeetingInfo,
    deadlines: Sequence[tuple[date, str, str]],
    *,
    today: date,
    template: LetterTemplate | None = None,
    consent_missing: Sequence[str] = (),
    next_meeting: MeetingInfo | None = None,
) -> bytes:
    """ "Dagsorden": welcome and a round, the meeting's own points, the goals to follow up, the
    open agreements, consent per member, the deadlines coming, the next meeting, any other
    business — numbered Heading 2 points."""
    paper = _Paper(AGENDA_TITLE, doc, meeting, today, template)
    d = paper.d
    paper.head()
    invited = [p.name for p in meeting.participants]
    if invited:
        line(d, f"Inviteret: {paper.names(invited)}")
    if meeting.interpreter_needed:
        line(d, "Der er tolk til mødet.")
    if doc.coordinator_name:
        phone = f" · telefon {doc.coordinator_phone}" if doc.coordinator_phone else ""
        line(d, f"Koordinator: {doc.coordinator_name}{phone}")
    number = iter(range(1, 20))

    def point(title: str) -> None:
        heading(d, f"{next(number)}. {title}", 2)

    point("Velkommen og runde")
    line(d, "Vi siger goddag og tager en runde: Hvordan er det gået siden sidst?")
    if meeting.agenda.strip():
        point("Punkter til dette møde")
        text_block(d, meeting.agenda)
    point("Mål vi følger op på")
    plan_goals = doc.plan.goals if doc.plan else ()
    if any(g.status == GoalStatus.OPEN for g in plan_goals):
        line(d, "Vi ser på, hvordan det går med målene, og giver point fra 0 til 10 igen.")
        _goals(paper)
    else:
        line(d, "Planen har ingen åbne mål endnu.")
    point("Aftaler")
    items = paper.open_agreements()
    if items:
        line(d, "Er aftalerne gjort? Hvad skal vi aftale nu?")
        paper.agreement_table(items, status=False, late_before=today)
    else:
        line(d, "Der er ingen åbne aftaler.")
    if doc.members:
        point("Samtykke")
        line(d, "Samtykke til, at fagpersonerne må dele oplysninger med hinanden.")
        missing = {name.strip() for name in consent_missing}
        rows = [
            [m.name, [Bold("Mangler"), "tales om på mødet"] if m.name.strip() in missing else "Givet"]
            for m in doc.members
        ]
        ruled_table(d, ["Hvem", "Samtykke"], rows, [WIDTH_MM * 0.5, WIDTH_MM * 0.5])
    point("Frister")
    if deadlines:
        line(d, "Disse frister nærmer sig:")
        rows = []
        for due, title, law in sorted(deadlines, key=lambda x: (x[0], x[1])):
            when = danish.short_date(due)
            rows.append([[Bold(when), "overskredet"] if due < today else when, title, law])
        ruled_table(d, ["Senest", "Hvad", "Efter"], rows, [26, WIDTH_MM - 26 - 50, 50])
    else:
        line(d, "Ingen frister i de kommende uger.")
    point("Næste møde")
    if next_meeting is not None and next_meeting.status != MeetingStatus.CANCELLED:
        start, end = to_local(next_meeting.starts_at), to_local(next_meeting.ends_at)
        kind = danish.meeting_kind(next_meeting.kind).lower()
        line(d, f"Allerede planlagt ({kind}): {danish.meeting_period(start, end)}.")
    else:
        line(d, "Vi aftaler tid og sted for næste møde.")
    point("Eventuelt")
    line(d, "Er der andet, nogen vil tage op?")
    return to_bytes(d)


def build_minutes_docx(
    doc: PlanDocument,
    meeting: MeetingInfo,
    *,
    today: date,
    template: LetterTemplate | None = None,
    approved_version: int | None = None,
) -> bytes:
    """ "Referat": who took part, the minutes text, the plan's agreements with their status and
    the plan version approved at the meeting, if any."""
    paper = _Paper(MINUTES_TITLE, doc, meeting, today, template)
    d = paper.d
    paper.head()
    people = meeting.participants
    came = [p.name for p in people if p.attended]
    absent = [p.name for p in people if p.attended is False]
    heading(d, "Til stede", 2)
    if came:
        line(d, paper.names(came))
        if absent:
            line(d, f"Ikke til stede: {paper.names(absent)}")
    elif people:
        line(d, paper.names([p.name for p in people]))
        line(d, Quiet("(Inviteret – fremmødet er ikke registreret.)"))
    else:
        line(d, "Ingen deltagere registreret.")
    if meeting.interpreter_needed:
        line(d, "Der var tolk til mødet.")
    heading(d, "Det talte vi om", 2)
    if meeting.minutes.strip():
        text_block(d, meeting.minutes)
    else:
        line(d, "Referatet er ikke skrevet endnu.")
    heading(d, "Aftaler", 2)
    plan = doc.plan
    if plan is not None and plan.agreements:
        paper.agreement_table(words.agreements_in_order(plan.agreements), status=True)
    else:
        line(d, "Der er ingen aftaler i planen.")
    if approved_version is not None:
        heading(d, "Planen", 2)
        line(d, f"Version {approved_version} af planen blev godkendt på mødet.")
    writer = doc.coordinator_name or meeting.coordinator_name
    line(d, f"Referent: {writer}, koordinator" if writer else "Referent: koordinatoren")
    return to_bytes(d)


def build_paper_docx(what: str, inputs: PaperInputs, *, today: date) -> bytes:
    """The paper ``what`` ("agenda", "slip" or "minutes") from what ``read_paper_inputs`` read."""
    doc, meeting, template = inputs.doc, inputs.meeting, inputs.template
    if what == "agenda":
        return build_agenda_docx(
            doc, meeting, inputs.due, today=today, template=template, consent_missing=inputs.missing
        )
    if what == "slip":
        following = inputs.later[0] if inputs.later else None
        return build_agreement_slip_docx(doc, meeting, following, today=today, template=template)
    if what == "minutes":
        return build_minutes_docx(
            doc, meeting, today=today, template=template, approved_version=inputs.approved
        )
    raise ValueError(f"no meeting paper {what!r}")
