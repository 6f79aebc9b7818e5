"""Editable Word copies (.docx, python-docx) of the plan and the meeting papers, on the
municipality's letter template. Qt-free; built from the same read models as the PDFs."""
