"""Font checks on a PDF with pypdf (no system tools): every font embedded TrueType, no Helvetica."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def pdf_fonts(pdf: bytes) -> Iterator[DictionaryObject]:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = _resolve(page.get("/Resources")) or {}
        fonts = _resolve(resources.get("/Font")) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            if font.get("/Subtype") == "/Type0":
                for descendant in _resolve(font["/DescendantFonts"]):
                    yield _resolve(descendant)
            else:
                yield font


def assert_fonts_embedded(pdf: bytes) -> None:
    fonts = list(pdf_fonts(pdf))
    assert fonts, "the PDF uses no font"
    for font in fonts:
        descriptor = _resolve(font.get("/FontDescriptor"))
        assert descriptor is not None, font.get("/BaseFont")
        assert "/FontFile2" in descriptor, font.get("/BaseFont")
        assert "Helvetica" not in str(font.get("/BaseFont"))
