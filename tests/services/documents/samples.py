"""Small files of every kind that may be attached (their first bytes as the real formats have
them), a renamed program, and a real one-page PDF (a school report) for the UI tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=kind)
    return buffer.getvalue()


def docx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", b"<Types/>"),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document>Skoleudtalelse</w:document>"),
        ]
    )


def odt() -> bytes:
    return _zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office:document-content/>"),
        ]
    )


SAMPLES: dict[str, bytes] = {
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n",
    "doc": OLE2 + bytes(504) + "Root Entry".encode("utf-16-le") + "WordDocument".encode("utf-16-le"),
    "docx": docx(),
    "odt": odt(),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00",
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
    "jpeg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xd9",
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00;",
    "tif": b"II*\x00\x08\x00\x00\x00\x00\x00",
    "tiff": b"MM\x00*\x00\x00\x00\x08\x00\x00",
    "heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(40),
    "eml": (
        b"Return-Path: <skole@example.dk>\r\n"
        b"From: Vestskolen <skole@example.dk>\r\n"
        b"To: Koordinator <koordinator@example.dk>\r\n"
        b"Subject: Skoleudtalelse om Freja\r\n"
        b"\tfortsat emne\r\n"
        b"Date: Mon, 30 Nov 2026 09:12:00 +0100\r\n"
        b"MIME-Version: 1.0\r\n"
        b"\r\n"
        b"Freja trives i klassen.\r\n"
    ),
    "msg": OLE2 + bytes(504) + "__substg1.0_0037001F".encode("utf-16-le"),
}
# A Windows program: what a renamed .exe starts with.
PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(48) + b"This program cannot be run"
)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def school_report_pdf(text: str = "Skoleudtalelse om Freja") -> bytes:
    """A real one-page PDF (reportlab)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()
