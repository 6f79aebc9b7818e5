"""The law-section catalogue: data in resources/law_sections.csv, loaded into the store."""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import LawSection
from app.models.enums import Sector
from app.resources import resources_dir
from app.services.common.text import fold

CATALOGUE_FILE = "law_sections.csv"
FIELDS = [
    "code",
    "law_abbr",
    "law_name",
    "law_ref",
    "section",
    "title",
    "sector",
    "age_group",
    "valid_from",
    "valid_to",
    "status",
    "note",
]


@dataclass(frozen=True, slots=True)
class CatalogueRow:
    code: str
    law_abbr: str
    law_name: str
    law_ref: str
    section: str
    title: str
    sector: Sector
    age_group: str
    valid_from: date
    valid_to: date | None
    status: str
    note: str


def read_catalogue(path: Path | None = None) -> list[CatalogueRow]:
    path = path or resources_dir() / CATALOGUE_FILE
    rows: list[CatalogueRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != FIELDS:
            raise ValueError(f"{path.name}: unexpected header {reader.fieldnames}")
        for line, raw in enumerate(reader, start=2):
            if None in raw.values() or None in raw:
                raise ValueError(f"{path.name} line {line}: expected {len(FIELDS)} columns")
            try:
                rows.append(
                    CatalogueRow(
                        code=raw["code"],
                        law_abbr=raw["law_abbr"],
                        law_name=raw["law_name"],
                        law_ref=raw["law_ref"],
                        section=raw["section"],
                        title=raw["title"],
                        sector=Sector(raw["sector"]),
                        age_group=raw["age_group"],
                        valid_from=date.fromisoformat(raw["valid_from"]),
                        valid_to=date.fromisoformat(raw["valid_to"]) if raw["valid_to"] else None,
                        status=raw["status"],
                        note=raw["note"],
                    )
                )
            except ValueError as exc:
                raise ValueError(f"{path.name} line {line}: {exc}") from exc
    return rows


def load_catalogue(session: Session, path: Path | None = None) -> int:
    """Add catalogue entries the store does not have yet (by code); never overwrite edits.

    Returns the number of entries added.
    """
    known = set(session.scalars(select(LawSection.code)))
    added = 0
    for row in read_catalogue(path):
        if row.code in known:
            continue
        session.add(LawSection(**{f: getattr(row, f) for f in FIELDS}))
        added += 1
    session.flush()
    return added


def sections_valid_on(session: Session, day: date) -> list[LawSection]:
    stmt = (
        select(LawSection)
        .where(LawSection.valid_from <= day)
        .where((LawSection.valid_to.is_(None)) | (LawSection.valid_to >= day))
        .order_by(LawSection.law_abbr, LawSection.code)
    )
    return list(session.scalars(stmt))


@dataclass(frozen=True, slots=True)
class SectionChoice:
    """A catalogue row offered by the law-section picker."""

    id: int
    code: str
    reference: str  # "BL § 32"
    title: str
    law_name: str
    sector: Sector
    age_group: str

    @property
    def display(self) -> str:
        return f"{self.reference} – {self.title}"


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One catalogue row as the picker searches it: the choice, when it is in force, and its
    text folded once for searching."""

    choice: SectionChoice
    valid_from: date
    valid_to: date | None
    haystack: str  # law, name, section, title and code, folded, "§" as a space
    tokens: tuple[str, ...]  # the law's abbreviation and the section, folded, in words

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def _natural_key(row: LawSection) -> tuple[str, tuple[tuple[int, str], ...]]:
    parts = re.split(r"([0-9]+)", row.section)
    return row.law_abbr, tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts if p.strip(" §,."))


def _entry(row: LawSection) -> CatalogueEntry:
    choice = SectionChoice(
        row.id, row.code, row.reference, row.title, row.law_name, row.sector, row.age_group
    )
    haystack = fold(f"{row.law_abbr} {row.law_name} {row.section} {row.title} {row.code}")
    tokens = tuple(re.split(r"[^0-9a-zæøå]+", fold(f"{row.law_abbr} {row.section}")))
    return CatalogueEntry(choice, row.valid_from, row.valid_to, haystack.replace("§", " "), tokens)


@dataclass(frozen=True, slots=True)
class LawCatalogue:
    """The whole catalogue, read once (``read_law_catalogue``) and searched in memory: the
    law-section picker asks it on every keystroke without asking the store."""

    entries: tuple[CatalogueEntry, ...]  # by law, then section in natural order

    def entry(self, section_id: int | None) -> CatalogueEntry | None:
        return next((e for e in self.entries if e.choice.id == section_id), None)

    def search(self, text: str, day: date, limit: int = 50) -> list[SectionChoice]:
        """Rows in force on ``day`` whose law, section or title contains every word of
        ``text`` (case-insensitive); all rows in force when ``text`` is empty."""
        words = fold(text).replace("§", " ").split()
        rows = [e for e in self.entries if e.valid_on(day)]
        if words:
            # Whole-number matches first: "BL 32" puts § 32 before §§ 132-138.
            rows.sort(key=lambda e: not all(word in e.tokens for word in words))
        found = (e.choice for e in rows if all(word in e.haystack for word in words))
        return list(itertools.islice(found, limit))


def read_law_catalogue(session: Session) -> LawCatalogue:
    """Every catalogue row (in force or not), ready to search without the store."""
    rows = list(session.scalars(select(LawSection).order_by(LawSection.law_abbr, LawSection.code)))
    rows.sort(key=_natural_key)  # § 3 before § 18 before § 132
    return LawCatalogue(tuple(_entry(row) for row in rows))


def search_sections(session: Session, text: str, day: date, limit: int = 50) -> list[SectionChoice]:
    """Catalogue rows in force on ``day`` whose law, section or title contains every word of
    ``text`` (case-insensitive); all rows in force when ``text`` is empty."""
    return read_law_catalogue(session).search(text, day, limit)
