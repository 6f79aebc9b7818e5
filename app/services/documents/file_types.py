"""Which files may be attached to a case, known by their name AND their first bytes.

A file is taken when its extension is one of ``FILE_TYPES`` and its content is that kind of
file: a renamed program (``rapport.pdf`` that starts with ``MZ``) or a ZIP archive named
``.docx`` is refused. The size is checked from the file system before anything is read:
a file over ``DOCUMENT_MAX_BYTES`` is refused without reading it, an empty one too.

``read_upload(path)`` gives the checked file as an ``Upload`` (the content, its media type,
the name with CPR-shaped text masked), or raises ``FileRefusedError`` whose ``problem``
says why in a word the UI turns into a sentence ("Filen fylder 31,2 MB; højst 25 MB").
Qt-free; nothing here logs the file's name.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.models.casework import DOCUMENT_MAX_BYTES
from app.models.enums import DocumentKind

MEBIBYTE = 1024 * 1024
_HEAD_BYTES = 16 * 1024  # what the quick check of the content reads


@dataclass(frozen=True, slots=True)
class FileType:
    media_type: str
    kind: DocumentKind  # the kind a new document of this type gets, until the user says


_PDF = FileType("application/pdf", DocumentKind.OTHER)
_DOC = FileType("application/msword", DocumentKind.OTHER)
_DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentKind.OTHER
)
_ODT = FileType("application/vnd.oasis.opendocument.text", DocumentKind.OTHER)
_JPEG = FileType("image/jpeg", DocumentKind.IMAGE)
_TIFF = FileType("image/tiff", DocumentKind.IMAGE)

# The extensions that may be attached (lower case, without the dot) and what they are.
FILE_TYPES: dict[str, FileType] = {
    "pdf": _PDF,
    "doc": _DOC,
    "docx": _DOCX,
    "odt": _ODT,
    "png": FileType("image/png", DocumentKind.IMAGE),
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "gif": FileType("image/gif", DocumentKind.IMAGE),
    "tif": _TIFF,
    "tiff": _TIFF,
    "heic": FileType("image/heic", DocumentKind.IMAGE),
    "eml": FileType("message/rfc822", DocumentKind.EMAIL),
    "msg": FileType("application/vnd.ms-outlook", DocumentKind.EMAIL),
}
# The extension a stored media type is opened and saved with.
EXTENSION_OF: dict[str, str] = {}
for _ext, _type in FILE_TYPES.items():
    EXTENSION_OF.setdefault(_type.media_type, _ext)


class FileProblem(StrEnum):
    TOO_LARGE = "too_large"  # over DOCUMENT_MAX_BYTES
    EMPTY = "empty"
    UNREADABLE = "unreadable"  # missing, not a regular file, no permission, a read error
    TYPE_NOT_ALLOWED = "type_not_allowed"  # the extension is not one of FILE_TYPES
    CONTENT_MISMATCH = "content_mismatch"  # the first bytes are not what the extension says


class FileRefusedError(ValueError):
    """A file that is not attached; ``problem`` says why (and ``size_bytes`` how large)."""

    def __init__(self, problem: FileProblem, *, size_bytes: int | None = None, extension: str = "") -> None:
        self.problem = problem
        self.size_bytes = size_bytes
        self.extension = extension
        self.limit_bytes = DOCUMENT_MAX_BYTES
        super().__init__(self.plain())

    def plain(self) -> str:
        """The reason in plain English (the UI says it in the user's language)."""
        match self.problem:
            case FileProblem.TOO_LARGE:
                return (
                    f"the file is {format_megabytes(self.size_bytes or 0)} MB; "
                    f"at most {format_megabytes(self.limit_bytes)} MB"
                )
            case FileProblem.EMPTY:
                return "the file is empty"
            case FileProblem.UNREADABLE:
                return "the file could not be read"
            case FileProblem.TYPE_NOT_ALLOWED:
                allowed = ", ".join(f".{e}" for e in FILE_TYPES)
                return f"only these kinds of file can be attached: {allowed}"
        return f"the file is not a .{self.extension} file, as its name says"


def megabytes(size_bytes: int) -> float:
    """The size in MB (of 1024 × 1024 bytes), rounded UP to one decimal: a file one byte over
    the limit never reads as the limit itself."""
    return math.ceil(size_bytes * 10 / MEBIBYTE) / 10


def format_megabytes(size_bytes: int, decimal_point: str = ".") -> str:
    """The size in MB as text: "31.2", or "25" for a whole number."""
    value = megabytes(size_bytes)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", decimal_point)


def extension_of(file_name: str) -> str:
    """The extension in lower case, without the dot ("" when there is none)."""
    suffix = Path(file_name).suffix
    return suffix[1:].lower() if suffix else ""


# -- the content ---------------------------------------------------------------------------------

_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # Microsoft's compound file: .doc and .msg
_ZIP = b"PK\x03\x04"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
# A header line of an e-mail (RFC 5322: a field name of printable characters but the colon).
_MAIL_HEADER = re.compile(rb"^[!-9;-~]+:")
_MAIL_FIELDS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"received",
    b"message-id",
    b"mime-version",
    b"return-path",
    b"delivered-to",
}


def _is_heif(head: bytes) -> bool:
    if len(head) < 16 or head[4:8] != b"ftyp":
        return False
    box = int.from_bytes(head[0:4], "big")
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, min(box, len(head), 64), 4)]
    return any(brand in _HEIF_BRANDS for brand in brands)


def _is_mail(head: bytes) -> bool:
    """Text that starts with e-mail header lines, at least one of them a field every mail has."""
    if b"\x00" in head:
        return False
    text = head.removeprefix(b"\xef\xbb\xbf")
    lines = text.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"From "):  # an mbox separator line
        lines = lines[1:]
    known = False
    for index, line in enumerate(lines[:200]):
        if not line.strip():
            return known and index > 0
        if line[:1] in (b" ", b"\t") and index > 0:
            continue  # a folded header line
        if not _MAIL_HEADER.match(line):
            return False
        known = known or line.split(b":", 1)[0].strip().lower() in _MAIL_FIELDS
    return known


def head_matches(extension: str, head: bytes) -> bool:
    """Whether the first bytes of a file are what its extension says (the quick check)."""
    match extension:
        case "pdf":
            return b"%PDF-" in head[:1024]
        case "doc" | "msg":
            return head.startswith(_OLE2)
        case "docx":
            return head.startswith(_ZIP)
        case "odt":
            return (
                head.startswith(_ZIP) and head[30:38] == b"mimetype" and head[38:].startswith(_ODT_MIMETYPE)
            )
        case "png":
            return head.startswith(b"\x89PNG\r\n\x1a\n")
        case "jpg" | "jpeg":
            return head.startswith(b"\xff\xd8\xff")
        case "gif":
            return head.startswith((b"GIF87a", b"GIF89a"))
        case "tif" | "tiff":
            return head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"))
        case "heic":
            return _is_heif(head)
        case "eml":
            return _is_mail(head)
    return False


def content_matches(extension: str, content: bytes) -> bool:
    """The quick check and, for the container formats, a look inside: a Word document has
    ``word/document.xml``, an OpenDocument text says so in its ``mimetype``, a Word 97 file
    has its ``WordDocument`` stream and an Outlook message its ``__substg1.0_`` streams."""
    if not head_matches(extension, content[:_HEAD_BYTES]):
        return False
    if extension in ("docx", "odt"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if extension == "docx":
                    return "word/document.xml" in archive.namelist()
                with archive.open("mimetype") as member:
                    return member.read(len(_ODT_MIMETYPE) + 2).strip() == _ODT_MIMETYPE
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
            return False
    if extension == "doc":
        return "WordDocument".encode("utf-16-le") in content
    if extension == "msg":
        return "__substg1.0_".encode("utf-16-le") in content
    return True


# -- reading a file ------------------------------------------------------------------------------

# Ten digits, alone or as DDMMYY-SSSS with a hyphen, space, underscore or dot between (file
# names use all of them), not inside a longer run of digits.
_CPR_IN_NAME = re.compile(r"(?<![0-9])([0-9]{6})[-\s_.]?([0-9]{4})(?![0-9])")


def mask_cpr_in_name(text: str) -> str:
    """Every CPR-shaped number in a file name or title as DDMMYY-XXXX."""
    return _CPR_IN_NAME.sub(lambda m: f"{m.group(1)}-XXXX", text)


@dataclass(frozen=True, slots=True)
class Upload:
    """A checked file, ready to be stored."""

    file_name: str  # the name it had, CPR-shaped text masked (never a name on disk again)
    extension: str
    file_type: FileType
    content: bytes

    @property
    def size_bytes(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def media_type(self) -> str:
        return self.file_type.media_type


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def read_upload(path: str | os.PathLike[str], limit: int = DOCUMENT_MAX_BYTES) -> Upload:
    """The file at ``path``, checked: an allowed extension, at most ``limit`` bytes (known
    from the file system before reading), not empty, and content of the kind the extension
    says. Raises FileRefusedError."""
    name = os.path.basename(os.fspath(path))
    extension = extension_of(name)
    file_type = FILE_TYPES.get(extension)
    if file_type is None:
        raise FileRefusedError(FileProblem.TYPE_NOT_ALLOWED, extension=extension)
    try:
        info = os.stat(path)  # before opening: a pipe would block the open itself
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(FileProblem.UNREADABLE, extension=extension)
        _check_size(info.st_size, limit, extension)
        fd = os.open(path, _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())  # the file opened, which may differ from the name's
            if not stat.S_ISREG(info.st_mode):
                raise FileRefusedError(FileProblem.UNREADABLE, extension=extension)
            _check_size(info.st_size, limit, extension)
            content = handle.read(limit + 1)  # a file that grew since is not read past the limit
    except (OSError, ValueError) as exc:
        if isinstance(exc, FileRefusedError):
            raise
        raise FileRefusedError(FileProblem.UNREADABLE, extension=extension) from None
    _check_size(len(content), limit, extension)
    if not content_matches(extension, content):
        raise FileRefusedError(FileProblem.CONTENT_MISMATCH, extension=extension)
    return Upload(mask_cpr_in_name(name)[:255], extension, file_type, content)


def _check_size(size: int, limit: int, extension: str) -> None:
    if size > limit:
        raise FileRefusedError(FileProblem.TOO_LARGE, size_bytes=size, extension=extension)
    if size == 0:
        raise FileRefusedError(FileProblem.EMPTY, extension=extension)


def default_title(file_name: str) -> str:
    """The title a new document gets: its file name without the extension, CPR-shaped text
    masked, at most 300 characters ("Dokument" when nothing is left)."""
    stem = Path(file_name).stem if extension_of(file_name) in FILE_TYPES else file_name
    title = " ".join(mask_cpr_in_name(stem).split())
    return title[:300] or "Dokument"
