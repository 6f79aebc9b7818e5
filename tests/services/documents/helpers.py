"""A family case to keep documents with, and one call to attach a file to it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.models import AuditEvent, Document, DocumentFile, DocumentMember
from app.models.enums import DocumentKind, Relation
from app.services.cases.case_summary import case_summary
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.services.documents.documents import DocumentInput, attach_document
from app.services.documents.file_types import read_upload
from tests.services.documents.samples import SAMPLES, write

DOCUMENT_TABLES = (Document, DocumentFile, DocumentMember)


@dataclass(frozen=True)
class FamilyCase:
    case_id: int
    ids: dict[str, int]  # first name -> citizen id

    def __getitem__(self, first: str) -> int:
        return self.ids[first]


def family_case(ctx: AppContext, surname: str = "Ågård", seed: int = 0) -> FamilyCase:
    """A family of a custody-holding mother and two children."""
    rng = random.Random(f"documents-{surname}-{seed}")
    people = [
        ("Mette", date(1984, 3, 12), True, Relation.PARENT, True),
        ("Freja", date(2014, 9, 2), True, Relation.CHILD, False),
        ("Emil", date(2017, 1, 20), False, Relation.CHILD, False),
    ]
    with ctx.sessions.begin() as s:
        data = CaseInput(
            family_name=f"Familien {surname}",
            members=[
                MemberInput(first, surname, fictional_cpr(born, female, rng), relation, custody=custody)
                for first, born, female, relation, custody in people
            ],
            coordinator_id=ctx.user.id,
        )
        case_id = create_case(s, data, local_today()).id
        ids = {m.first_name: m.citizen_id for m in case_summary(s, case_id).members}
    return FamilyCase(case_id, ids)


def attach(
    ctx: AppContext,
    case_id: int,
    folder: Path,
    *,
    name: str = "Skoleudtalelse.pdf",
    data: bytes | None = None,
    title: str = "Skoleudtalelse",
    kind: DocumentKind = DocumentKind.REPORT,
    received_on: date | None = None,
    from_whom: str = "Vestskolen",
    members: tuple[int, ...] = (),
) -> int:
    ext = name.rsplit(".", 1)[-1].lower()
    upload = read_upload(write(folder, name, SAMPLES[ext] if data is None else data))
    info = DocumentInput(title, kind, received_on or local_today(), from_whom, tuple(sorted(members)))
    with ctx.sessions.begin() as s:
        return attach_document(s, case_id, upload, info, local_today())


def row_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.sessions() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in DOCUMENT_TABLES}


def entries(ctx: AppContext, document_id: int | None = None) -> list[AuditEvent]:
    with ctx.sessions() as s:
        stmt = select(AuditEvent).where(AuditEvent.object_type == "document").order_by(AuditEvent.id)
        if document_id is not None:
            stmt = stmt.where(AuditEvent.object_id == document_id)
        rows = list(s.scalars(stmt))
        s.expunge_all()
    return rows
