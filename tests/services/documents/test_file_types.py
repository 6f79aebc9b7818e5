"""Which files may be attached: by extension AND first bytes, at most 25 MB (refused before the
file is read), never empty, never a CPR number in the name kept."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.casework import DOCUMENT_MAX_BYTES
from app.models.enums import DocumentKind
from app.services.documents import file_types
from app.services.documents.file_types import (
    FILE_TYPES,
    FileProblem,
    FileRefusedError,
    default_title,
    format_megabytes,
    mask_cpr_in_name,
    megabytes,
    read_upload,
)
from tests.services.documents.samples import PROGRAM, SAMPLES, write

MB = 1024 * 1024


def refusal(path: Path) -> FileRefusedError:
    with pytest.raises(FileRefusedError) as caught:
        read_upload(path)
    return caught.value


# -- types, by their first bytes -----------------------------------------------------------------


def test_every_allowed_extension_has_a_sample() -> None:
    assert set(SAMPLES) == set(FILE_TYPES)


@pytest.mark.parametrize("ext", sorted(FILE_TYPES))
@pytest.mark.parametrize("upper", [False, True])
def test_each_kind_is_taken(tmp_path: Path, ext: str, upper: bool) -> None:
    name = f"Skoleudtalelse.{ext.upper() if upper else ext}"
    upload = read_upload(write(tmp_path, name, SAMPLES[ext]))
    assert upload.extension == ext
    assert upload.content == SAMPLES[ext]
    assert upload.media_type == FILE_TYPES[ext].media_type
    assert upload.size_bytes == len(SAMPLES[ext])
    assert upload.file_name == name


@pytest.mark.parametrize(
    ("ext", "kind"),
    [
        ("png", DocumentKind.IMAGE),
        ("heic", DocumentKind.IMAGE),
        ("eml", DocumentKind.EMAIL),
        ("pdf", DocumentKind.OTHER),
    ],
)
def test_the_type_suggests_a_kind(tmp_path: Path, ext: str, kind: DocumentKind) -> None:
    assert read_upload(write(tmp_path, f"x.{ext}", SAMPLES[ext])).file_type.kind == kind


@pytest.mark.parametrize("ext", sorted(FILE_TYPES))
def test_a_renamed_program_is_refused(tmp_path: Path, ext: str) -> None:
    error = refusal(write(tmp_path, f"rapport.{ext}", PROGRAM))
    assert error.problem == FileProblem.CONTENT_MISMATCH
    assert error.extension == ext
    assert f".{ext}" in str(error)


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (content, ext)
        for source, content in SAMPLES.items()
        for ext in sorted(FILE_TYPES)
        if FILE_TYPES[ext].media_type != FILE_TYPES[source].media_type
    ],
)
def test_one_kind_named_as_another_is_refused(tmp_path: Path, content: bytes, named: str) -> None:
    assert refusal(write(tmp_path, f"bilag.{named}", content)).problem == FileProblem.CONTENT_MISMATCH


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("zip-as-word.docx", b"PK\x03\x04" + bytes(60)),  # a ZIP header, no archive
        ("text-as-mail.eml", b"Hej Anna,\r\nhermed udtalelsen.\r\n"),
        ("nul-mail.eml", b"From: a@b.dk\r\nSubject: x\x00\r\n\r\n"),
        ("headers-unknown.eml", b"X-Thing: 1\r\nY-Other: 2\r\n\r\nbody"),
        ("ole-no-word.doc", SAMPLES["msg"]),
        ("ole-no-mail.msg", SAMPLES["doc"]),
        ("not-heif.heic", b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isomavc1" + bytes(40)),
        ("gif86.gif", b"GIF86a" + bytes(20)),
    ],
)
def test_near_misses_are_refused(tmp_path: Path, name: str, data: bytes) -> None:
    assert refusal(write(tmp_path, name, data)).problem == FileProblem.CONTENT_MISMATCH


def test_a_zip_named_docx_with_other_content_is_refused(tmp_path: Path) -> None:
    from tests.services.documents.samples import _zip

    archive = _zip([("readme.txt", b"hello"), ("payload.exe", PROGRAM)])
    assert refusal(write(tmp_path, "rapport.docx", archive)).problem == FileProblem.CONTENT_MISMATCH
    assert refusal(write(tmp_path, "rapport.odt", archive)).problem == FileProblem.CONTENT_MISMATCH


@pytest.mark.parametrize(
    "name", ["program.exe", "archive.zip", "notes.txt", "no-extension", "report.pdf.exe", "script.sh", ".pdf"]
)
def test_other_kinds_of_file_are_refused_by_name(tmp_path: Path, name: str) -> None:
    error = refusal(write(tmp_path, name, SAMPLES["pdf"]))
    assert error.problem == FileProblem.TYPE_NOT_ALLOWED
    assert ".pdf" in str(error) and ".msg" in str(error)


# -- size ------------------------------------------------------------------------------------------


def sparse(path: Path, size: int, head: bytes = SAMPLES["pdf"]) -> Path:
    """A file of ``size`` bytes that takes no room on the disk beyond its head."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def test_exactly_the_limit_is_taken(tmp_path: Path) -> None:
    upload = read_upload(sparse(tmp_path / "stor.pdf", DOCUMENT_MAX_BYTES))
    assert upload.size_bytes == DOCUMENT_MAX_BYTES == 25 * MB


@pytest.mark.parametrize(
    ("size", "shown"),
    [(DOCUMENT_MAX_BYTES + 1, "25.1"), (int(31.2 * MB), "31.2"), (2**31 + 5, "2048.1"), (10**12, "953674.4")],
)
def test_over_the_limit_is_refused_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, shown: str
) -> None:
    path = sparse(tmp_path / "for-stor.pdf", size)
    real_open = os.open

    def guarded_open(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert Path(name) != path, "a file over the limit was opened"
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(file_types.os, "open", guarded_open)
    error = refusal(path)
    assert error.problem == FileProblem.TOO_LARGE
    assert error.size_bytes == size
    assert str(error) == f"the file is {shown} MB; at most 25 MB"


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sparse(tmp_path / "voksende.pdf", 1000)
    real_fstat = os.fstat

    def grown(fd: int) -> os.stat_result:
        sparse(path, DOCUMENT_MAX_BYTES + 10)  # it grows after the name was checked
        return real_fstat(fd)

    monkeypatch.setattr(file_types.os, "fstat", grown)
    error = refusal(path)
    assert error.problem == FileProblem.TOO_LARGE


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (DOCUMENT_MAX_BYTES, "25"),
        (DOCUMENT_MAX_BYTES + 1, "25,1"),  # one byte over never reads as the limit
        (int(31.2 * MB), "31,2"),
        (1, "0,1"),
        (MB, "1"),
        (MB + 1, "1,1"),
    ],
)
def test_sizes_are_shown_rounded_up(size: int, text: str) -> None:
    assert format_megabytes(size, ",") == text
    assert megabytes(size) * MB >= size


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "tom.pdf", b"")).problem == FileProblem.EMPTY


def test_what_cannot_be_read_is_refused_plainly(tmp_path: Path) -> None:
    assert refusal(tmp_path / "findes-ikke.pdf").problem == FileProblem.UNREADABLE
    (tmp_path / "mappe.pdf").mkdir()
    assert refusal(tmp_path / "mappe.pdf").problem == FileProblem.UNREADABLE
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "rør.pdf")
        assert refusal(tmp_path / "rør.pdf").problem == FileProblem.UNREADABLE  # and does not hang
    if hasattr(os, "symlink"):
        os.symlink("/dev/zero", tmp_path / "nul.pdf")
        assert refusal(tmp_path / "nul.pdf").problem == FileProblem.UNREADABLE


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "I/O error")])
def test_a_file_that_cannot_be_opened_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    path = write(tmp_path, "låst.pdf", SAMPLES["pdf"])

    def refused(*_args: object, **_kwargs: object) -> int:
        raise error

    monkeypatch.setattr(file_types.os, "open", refused)  # as for a file without permission
    assert refusal(path).problem == FileProblem.UNREADABLE


# -- names and titles: never a CPR number ------------------------------------------------------------

SEPARATORS = ["", "-", " ", "_", "."]
cpr_numbers = st.tuples(st.integers(1, 31), st.integers(1, 12), st.integers(0, 99), st.integers(0, 9999)).map(
    lambda t: (f"{t[0]:02d}{t[1]:02d}{t[2]:02d}", f"{t[3]:04d}")
)
words = st.text(alphabet=string.ascii_letters + "æøåÆØÅ -_()", max_size=30)


@given(before=words, after=words, cpr=cpr_numbers, sep=st.sampled_from(SEPARATORS))
def test_cpr_shaped_text_in_a_name_is_masked(before: str, after: str, cpr: tuple[str, str], sep: str) -> None:
    name = f"{before}{cpr[0]}{sep}{cpr[1]}{after}.pdf"
    masked = mask_cpr_in_name(name)
    title = default_title(name)
    for text in (masked, title):
        assert cpr[0] + sep + cpr[1] not in text
        assert f"{cpr[0]}-XXXX" in text


@given(before=words, cpr=cpr_numbers, sep=st.sampled_from(SEPARATORS))
def test_the_kept_name_of_a_read_file_is_masked(
    tmp_path_factory: pytest.TempPathFactory, before: str, cpr: tuple[str, str], sep: str
) -> None:
    folder = tmp_path_factory.mktemp("cpr")
    name = f"{before.strip() or 'x'}{cpr[0]}{sep}{cpr[1]}.pdf".replace("/", "")
    upload = read_upload(write(folder, name, SAMPLES["pdf"]))
    assert cpr[1] not in upload.file_name.replace(cpr[0], "")
    assert upload.file_name.endswith(f"{cpr[0]}-XXXX.pdf")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Skoleudtalelse Freja.pdf", "Skoleudtalelse Freja"),
        ("Lægeerklæring_120379-1234.docx", "Lægeerklæring_120379-XXXX"),
        ("  mange   mellemrum .odt", "mange mellemrum"),
        ("0101011234.jpg", "010101-XXXX"),
        ("12345678901.pdf", "12345678901"),  # eleven digits: not a CPR number
        ("   .pdf", "Dokument"),
        ("x" * 400 + ".pdf", "x" * 300),
    ],
)
def test_default_titles(name: str, title: str) -> None:
    assert default_title(name) == title
