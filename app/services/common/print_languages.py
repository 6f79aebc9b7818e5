"""The languages the family's copy of the plan can be printed in (issue 17 item 6), named
without loading the PDF code: app.pdf.plan_language.LANGUAGES reads the same from
resources/plan_texts, and tests/cli keeps the two in step."""

from __future__ import annotations

PRINT_LANGUAGES = ("da", "en", "uk", "pl", "ar")


def allowed_language(chosen: str, recorded: str) -> bool:
    """A language a person may be given: one the plan prints in, or the one recorded already
    (an older record may name a language in words, which is kept until changed)."""
    return chosen in PRINT_LANGUAGES or chosen == recorded
