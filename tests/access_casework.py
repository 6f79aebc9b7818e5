"""Lise's case (the demo's standard family) with a day's casework around it, for the access
request's tests (service, command line, dialog): journal entries, documents and tasks that
concern Lise and others that concern only her children, plus a case of Lise's own.

The rows are written with the models directly (as an import or another program would), so
the tests do not depend on the journal, task and document services."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Agreement,
    Case,
    Citizen,
    Consent,
    Document,
    DocumentFile,
    DocumentMember,
    FamilyMember,
    Intervention,
    JournalEntry,
    JournalEntryMember,
    Meeting,
    PlanVersion,
    Task,
    User,
)
from app.models.enums import (
    CaseStatus,
    CoordinationModel,
    DocumentKind,
    JournalKind,
    ResponsibleKind,
    TaskSource,
)
from app.services.demo.rows import DEMO_USER

# Text found only in one row each: what the PDF must (or must not) show.
LISE_NOTE = "Lise ringede og fortalte, at skolen har indkaldt til møde om Emil."
OLIVER_NOTE = "Oliver fortalte om sin søvn; kun om ham."
FAMILY_NOTE = "Notat uden personer om familiens sag."
OWN_CASE_NOTE = "Lise fortalte om sin praktik (hendes egen sag)."
CORRECTION_NOTE = "Rettelse: mødet er om Freja, ikke Emil."
SCHOOL_REPORT_PAGE = "Skolens udtalelse om Lise side"
LISE_TASK = "Ring til Lise om praktikken"
OLIVER_TASK = "Oliver bestiller tid hos lægen"
FAMILY_TASK = "Book lokale til netværksmødet"
LONE_TASK = "Ryd op i skrivebordet"


@dataclass(frozen=True, slots=True)
class LiseCasework:
    case_id: int
    number: str
    own_case_id: int  # a case of Lise's alone
    own_number: str
    lise_id: int
    cpr: str
    ids: dict[str, int]  # first name -> citizen id
    journal: dict[str, int]  # lise, oliver, family, own, correction
    documents: dict[str, int]  # report (PDF), word, emil, own_image
    tasks: dict[str, int]  # lise, oliver, family, none


def small_pdf(text: str, pages: int = 2) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 720, f"{text} {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _entry(
    session: Session, case_id: int, author: int, text: str, members: list[int], when: datetime, **kw: object
) -> int:
    entry = JournalEntry(
        case_id=case_id,
        kind=kw.pop("kind", JournalKind.PHONE),
        occurred_at=when,
        author_id=author,
        subject=kw.pop("subject", ""),
        text=text,
        **kw,
    )
    entry.members = [JournalEntryMember(citizen_id=cid) for cid in members]
    session.add(entry)
    session.flush()
    return entry.id


def _document(
    session: Session, case_id: int, title: str, name: str, media: str, content: bytes, members: list[int]
) -> int:
    doc = Document(
        case_id=case_id,
        title=title,
        kind=DocumentKind.REPORT,
        received_on=date(2026, 11, 20),
        from_whom="Vestskolen",
        original_name=name,
        media_type=media,
        size_bytes=len(content),
    )
    doc.members = [DocumentMember(citizen_id=cid) for cid in members]
    session.add(doc)
    session.flush()
    session.add(DocumentFile(document_id=doc.id, content=content))
    return doc.id


def add_casework(session: Session) -> LiseCasework:
    """The casework around Lise's case (made by the demo), in the session's transaction."""
    case = session.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
    ids = {
        c.first_name: c.id
        for c in session.scalars(
            select(Citizen)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id == case.family_id)
        )
    }
    lise = session.get(Citizen, ids["Lise"])
    assert lise is not None and lise.cpr
    author = case.coordinator_id
    when = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    own = Case(
        number="K-2026-0900",
        title="Lise Holm Jensen",
        citizen_id=lise.id,
        coordinator_id=author,
        model=CoordinationModel.HOLISTIC_PLAN,
        status=CaseStatus.ACTIVE,
        opened_on=date(2026, 10, 1),
    )
    session.add(own)
    session.flush()
    journal = {
        "lise": _entry(session, case.id, author, LISE_NOTE, [ids["Lise"]], when, subject="Opkald fra Lise")
    }
    journal["oliver"] = _entry(
        session, case.id, author, OLIVER_NOTE, [ids["Oliver"]], when + timedelta(hours=1)
    )
    journal["family"] = _entry(session, case.id, author, FAMILY_NOTE, [], when + timedelta(hours=2))
    journal["own"] = _entry(
        session, own.id, author, OWN_CASE_NOTE, [], when + timedelta(hours=3), kind=JournalKind.HOME_VISIT
    )
    journal["correction"] = _entry(
        session,
        case.id,
        author,
        CORRECTION_NOTE,
        [ids["Lise"], ids["Freja"]],
        when + timedelta(days=2),
        corrects_id=journal["lise"],
    )
    report = small_pdf(SCHOOL_REPORT_PAGE)
    documents = {
        "report": _document(
            session,
            case.id,
            "Udtalelse fra skolen",
            "udtalelse.pdf",
            "application/pdf",
            report,
            [ids["Lise"]],
        ),
        "word": _document(
            session,
            case.id,
            "Brev fra Lise",
            "brev.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK\x03\x04 not really a word file",
            [ids["Lise"], ids["Oliver"]],
        ),
        "emil": _document(
            session,
            case.id,
            "Emils elevplan",
            "elevplan.pdf",
            "application/pdf",
            small_pdf("Emil", 1),
            [ids["Emil"]],
        ),
        "own_image": _document(
            session, own.id, "Foto af kontrakten", "kontrakt.jpg", "image/jpeg", b"\xff\xd8\xff", []
        ),
    }
    latest = session.scalar(
        select(PlanVersion.id)
        .where(PlanVersion.case_id == case.id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )
    agreements = list(
        session.scalars(select(Agreement).where(Agreement.plan_version_id == latest).order_by(Agreement.id))
    )
    assert len(agreements) >= 2
    agreements[0].responsible_kind, agreements[0].responsible_citizen_id = ResponsibleKind.MEMBER, ids["Lise"]
    agreements[1].responsible_kind, agreements[1].responsible_citizen_id = (
        ResponsibleKind.MEMBER,
        ids["Oliver"],
    )
    user_ids = list(session.scalars(select(User.id).order_by(User.id)))
    partner = case.partner_id or user_ids[-1]

    def task(case_id: int | None, what: str, source: TaskSource = TaskSource.MANUAL, ref: str = "") -> int:
        row = Task(
            case_id=case_id,
            what=what,
            due_date=date(2026, 12, 4),
            assigned_to_id=partner,
            source=source,
            source_ref=ref,
        )
        session.add(row)
        session.flush()
        return row.id

    tasks = {
        "lise": task(case.id, LISE_TASK, TaskSource.AGREEMENT, agreements[0].agreement_key),
        "oliver": task(case.id, OLIVER_TASK, TaskSource.AGREEMENT, agreements[1].agreement_key),
        "family": task(case.id, FAMILY_TASK),
        "none": task(None, LONE_TASK),
    }
    session.flush()
    return LiseCasework(
        case_id=case.id,
        number=case.number,
        own_case_id=own.id,
        own_number=own.number,
        lise_id=lise.id,
        cpr=lise.cpr,
        ids=ids,
        journal=journal,
        documents=documents,
        tasks=tasks,
    )


def expected_keys(session: Session, work: LiseCasework) -> set[str]:
    """Every item concerning Lise, found the plain way: the rule of each kind spelled out."""
    cases = [work.case_id, work.own_case_id]
    keys = {
        f"plan:{i}" for i in session.scalars(select(PlanVersion.id).where(PlanVersion.case_id.in_(cases)))
    }
    keys |= {f"meeting:{i}" for i in session.scalars(select(Meeting.id).where(Meeting.case_id.in_(cases)))}
    keys |= {
        f"consent:{c.id}"
        for c in session.scalars(select(Consent))
        if work.lise_id in (c.citizen_id, c.given_by_citizen_id)
    }
    keys |= {
        f"intervention:{i}"
        for i in session.scalars(select(Intervention.id).where(Intervention.citizen_id == work.lise_id))
    }
    keys |= {f"journal:{work.journal[k]}" for k in ("lise", "own", "correction")}
    keys |= {f"document:{work.documents[k]}" for k in ("report", "word", "own_image")}
    keys |= {f"task:{work.tasks[k]}" for k in ("lise", "family")}
    # the demo's own notes and tasks of the family's case: notes naming Lise, every task
    demo_notes = select(JournalEntry.id).where(
        JournalEntry.case_id.in_(cases), JournalEntry.created_by == DEMO_USER
    )
    keys |= {
        f"journal:{i}"
        for i in session.scalars(
            select(JournalEntryMember.entry_id).where(
                JournalEntryMember.entry_id.in_(demo_notes), JournalEntryMember.citizen_id == work.lise_id
            )
        )
    }
    keys |= {
        f"task:{i}"
        for i in session.scalars(select(Task.id).where(Task.case_id.in_(cases), Task.created_by == DEMO_USER))
    }
    return keys


def not_lises(work: LiseCasework) -> set[str]:
    """Rows of the case that concern someone else only (or no case at all)."""
    return {
        f"journal:{work.journal['oliver']}",
        f"journal:{work.journal['family']}",
        f"document:{work.documents['emil']}",
        f"task:{work.tasks['oliver']}",
        f"task:{work.tasks['none']}",
    }
