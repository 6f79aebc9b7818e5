"""Documents kept with a case: attach a checked file, list them, change what is said about
them, remove one, and read one's content.

The content lives in ``document_files`` (a row of its own), so listing a case's documents
never reads a file. Every change and every read of a file's content is in the audit log,
by the document's id, kind, type and size: never its title or file name, which are case
text. CPR-shaped text in a title is masked, as in the file name.

A recipient's copy of the plan lists documents through ``document_lines`` (see
app/services/plan/recipient_copy.py for which recipient may see which). Qt-free.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Document, DocumentFile, DocumentMember
from app.models.enums import DocumentKind
from app.services.common import audit
from app.services.common.clock import now_utc
from app.services.common.editing import (
    RowGoneError,
    case_citizen_ids,
    load_for_edit,
    open_case,
    raise_if_blocking,
    required,
)
from app.services.common.validation import FieldProblem, Problem
from app.services.documents.file_types import (
    EXTENSION_OF,
    FILE_TYPES,
    Upload,
    extension_of,
    mask_cpr_in_name,
)
from app.store.reach import narrowed_to

TITLE_MAX = 300
FROM_MAX = 300
OLDEST_RECEIVED = date(1900, 1, 1)
OBJECT_TYPE = "document"


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """What the caseworker says about a document."""

    title: str
    kind: DocumentKind = DocumentKind.OTHER
    received_on: date | None = None
    from_whom: str = ""
    member_ids: tuple[int, ...] = ()  # the members it concerns (citizen ids), sorted


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    case_id: int
    title: str
    kind: DocumentKind
    received_on: date
    from_whom: str
    member_ids: tuple[int, ...]
    file_name: str  # the name it had (CPR-shaped text masked): shown, never used on disk
    media_type: str
    size_bytes: int
    sha256: str
    version: int

    @property
    def extension(self) -> str:
        """The extension a copy is opened and saved with (one of the allowed ones)."""
        own = extension_of(self.file_name)
        if own in FILE_TYPES and FILE_TYPES[own].media_type == self.media_type:
            return own
        return EXTENSION_OF.get(self.media_type, "bin")

    def as_input(self) -> DocumentInput:
        return DocumentInput(self.title, self.kind, self.received_on, self.from_whom, self.member_ids)


def validate_document(data: DocumentInput, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    required(problems, "title", data.title, TITLE_MAX)
    if len(data.from_whom.strip()) > FROM_MAX:
        problems.append(FieldProblem("from_whom", Problem.TOO_LONG))
    if data.received_on is None:
        problems.append(FieldProblem("received_on", Problem.REQUIRED))
    elif data.received_on > today:
        problems.append(FieldProblem("received_on", Problem.IN_FUTURE))
    elif data.received_on < OLDEST_RECEIVED:
        problems.append(FieldProblem("received_on", Problem.OUT_OF_RANGE))
    if len(set(data.member_ids)) != len(data.member_ids):
        problems.append(FieldProblem("members", Problem.ALREADY_MEMBER))
    return problems


def _check_members(session: Session, case_id: int, member_ids: tuple[int, ...]) -> None:
    """The members a document concerns are the case's own."""
    people = case_citizen_ids(session, case_id)
    problems = [
        FieldProblem(f"members.{index}", Problem.REQUIRED)
        for index, citizen_id in enumerate(member_ids)
        if citizen_id not in people
    ]
    raise_if_blocking(problems)


def _apply(doc: Document, data: DocumentInput) -> None:
    doc.title = mask_cpr_in_name(" ".join(data.title.split()))
    doc.kind = DocumentKind(data.kind)
    assert data.received_on is not None
    doc.received_on = data.received_on
    doc.from_whom = data.from_whom.strip()


def _details(doc: Document, **more: object) -> dict[str, object]:
    """What the audit log says about a document: never its title or file name."""
    return {"kind": doc.kind.value, "media_type": doc.media_type, "size_bytes": doc.size_bytes, **more}


def log_document(
    session: Session,
    action: str,
    doc: Document | DocumentInfo,
    details: dict[str, object],
    *,
    now: bool = False,
) -> None:
    """An audit entry about a document (``now``: a read, logged in a transaction of its own)."""
    write = audit.record_now if now else audit.record
    write(session, action, object_type=OBJECT_TYPE, object_id=doc.id, case_id=doc.case_id, details=details)


def attach_document(session: Session, case_id: int, upload: Upload, data: DocumentInput, today: date) -> int:
    """Store a checked file with the case (the case must be open); returns the document's id."""
    open_case(session, case_id)
    raise_if_blocking(validate_document(data, today))
    _check_members(session, case_id, data.member_ids)
    doc = Document(
        case_id=case_id,
        original_name=upload.file_name,
        media_type=upload.media_type,
        size_bytes=upload.size_bytes,
        sha256=upload.sha256,
    )
    _apply(doc, data)
    doc.members = [DocumentMember(citizen_id=cid) for cid in sorted(set(data.member_ids))]
    session.add(doc)
    session.flush()
    session.add(DocumentFile(document_id=doc.id, content=upload.content))
    session.flush()
    log_document(session, audit.CREATE, doc, _details(doc, members=len(doc.members)))
    return doc.id


def _info(doc: Document, member_ids: tuple[int, ...]) -> DocumentInfo:
    return DocumentInfo(
        doc.id,
        doc.case_id,
        doc.title,
        doc.kind,
        doc.received_on,
        doc.from_whom,
        member_ids,
        doc.original_name,
        doc.media_type,
        doc.size_bytes,
        doc.sha256,
        doc.version,
    )


def list_documents(session: Session, case_id: int) -> list[DocumentInfo]:
    """The case's documents, newest received first (the files themselves are not read)."""
    with narrowed_to(session, [case_id]):
        docs = list(
            session.scalars(
                select(Document)
                .where(Document.case_id == case_id)
                .order_by(Document.received_on.desc(), Document.id.desc())
            )
        )
        members: dict[int, list[int]] = defaultdict(list)
        if docs:
            rows = session.execute(
                select(DocumentMember.document_id, DocumentMember.citizen_id).where(
                    DocumentMember.document_id.in_([d.id for d in docs])
                )
            )
            for document_id, citizen_id in rows:
                members[document_id].append(citizen_id)
    return [_info(d, tuple(sorted(members.get(d.id, ())))) for d in docs]


def get_document(session: Session, document_id: int) -> DocumentInfo:
    """One document as stored now; RowGoneError when it is not there (or not within reach)."""
    doc = session.get(Document, document_id, populate_existing=True)
    if doc is None:
        raise RowGoneError(f"documents {document_id}")
    with narrowed_to(session, [doc.case_id]):
        member_ids = session.scalars(
            select(DocumentMember.citizen_id).where(DocumentMember.document_id == document_id)
        ).all()
    return _info(doc, tuple(sorted(member_ids)))


def update_document(
    session: Session, document_id: int, data: DocumentInput, expected_version: int | None, today: date
) -> None:
    """Change what is said about a document (the file stays); refused when someone else
    changed it since ``expected_version`` or the case is closed."""
    raise_if_blocking(validate_document(data, today))
    doc: Document = load_for_edit(session, Document, document_id, expected_version)
    open_case(session, doc.case_id)
    _check_members(session, doc.case_id, data.member_ids)
    before = (doc.title, doc.kind, doc.received_on, doc.from_whom)
    _apply(doc, data)
    after = (doc.title, doc.kind, doc.received_on, doc.from_whom)
    changed = [
        name
        for name, old, new in zip(("title", "kind", "received_on", "from_whom"), before, after, strict=True)
        if old != new
    ]
    wanted = set(data.member_ids)
    kept = [m for m in doc.members if m.citizen_id in wanted]
    have = {m.citizen_id for m in kept}
    if len(kept) != len(doc.members) or have != wanted:
        changed.append("members")
        doc.members = kept + [DocumentMember(citizen_id=cid) for cid in sorted(wanted - have)]
        if len(changed) == 1:
            doc.updated_at = now_utc()  # the document's version moves on with its members
    if not changed:
        return
    session.flush()
    log_document(session, audit.CHANGE, doc, _details(doc, fields=changed))


def remove_document(session: Session, document_id: int, expected_version: int | None) -> None:
    """Delete a document and its file from the store (the case must be open)."""
    doc: Document = load_for_edit(session, Document, document_id, expected_version)
    open_case(session, doc.case_id)
    log_document(session, audit.DELETE, doc, _details(doc))
    with narrowed_to(session, [doc.case_id]):
        session.execute(delete(DocumentFile).where(DocumentFile.document_id == document_id))
        session.delete(doc)
        session.flush()


def read_content(session: Session, document_id: int) -> tuple[DocumentInfo, bytes]:
    """A document and its file's content (the caller logs why it was read)."""
    info = get_document(session, document_id)
    with narrowed_to(session, [info.case_id]):
        content = session.scalar(select(DocumentFile.content).where(DocumentFile.document_id == document_id))
    if content is None:
        raise RowGoneError(f"document_files {document_id}")
    return info, bytes(content)


# -- for the plan's recipient copies ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A document as a copy of the plan may mention it: title, date, from whom."""

    title: str
    received_on: date
    from_whom: str
    member_ids: tuple[int, ...]  # whom it concerns (none: the whole case)


def document_lines(session: Session, case_id: int) -> tuple[DocumentLine, ...]:
    """The case's documents, oldest first, as the plan lists them."""
    infos = list_documents(session, case_id)
    return tuple(
        DocumentLine(i.title, i.received_on, i.from_whom, i.member_ids)
        for i in sorted(infos, key=lambda i: (i.received_on, i.id))
    )
