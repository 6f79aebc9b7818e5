"""Checks of the law-section catalogue file, for IT and for whoever edits it
(``koordinator law-catalogue check``).

Each row of resources/law_sections.csv is a section of a law in force from ``valid_from``
to ``valid_to`` (both days included; an empty ``valid_to``: still in force). The check finds
what would make the program offer a wrong or no section for a date:

* a row that cannot be read: a missing field, a date that is not a date, an end before its
  start, an unknown sector or status;
* a law the program does not know (resources/laws.csv names each law and its full name);
* two rows with the same code;
* one section of one law in force twice on the same day (an overlap), or a section that
  lapses and comes back with days between (a gap: a case started in between would find no
  section).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.models.enums import Sector
from app.resources import resources_dir
from app.services.family.law_catalogue import CATALOGUE_FILE, FIELDS

LAWS_FILE = "laws.csv"
LAW_FIELDS = ["law_abbr", "law_name"]
STATUSES = {"V": "verified", "P": "to be verified", "U": "unverified"}
REQUIRED = ("code", "law_abbr", "law_name", "section", "title", "sector", "valid_from")
TO_BE_VERIFIED = ("P", "U")  # a row not yet verified may lack its section number: a warning


@dataclass(frozen=True, slots=True)
class CatalogueProblem:
    line: int  # the file's line (1: its header)
    code: str
    text: str
    warning: bool = False  # known and marked as not verified yet: said, not a failure

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.code})" if self.code else "")
        return f"{where}: {'warning: ' if self.warning else ''}{self.text}"


@dataclass(frozen=True, slots=True)
class _Period:
    line: int
    code: str
    start: date
    end: date | None  # included; None: still in force


def read_laws(path: Path | None = None) -> dict[str, str]:
    """The laws the program knows: abbreviation -> full name."""
    path = path or resources_dir() / LAWS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != LAW_FIELDS:
            raise ValueError(f"{path.name}: unexpected header {reader.fieldnames}")
        return {row["law_abbr"]: row["law_name"] for row in reader}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _row_problems(line: int, raw: dict[str, str], laws: dict[str, str]) -> list[CatalogueProblem]:
    code = raw.get("code") or ""

    def problem(text: str) -> CatalogueProblem:
        return CatalogueProblem(line, code, text)

    problems = [
        problem(f"{field} is empty")
        for field in REQUIRED
        if not (raw.get(field) or "").strip()
        and not (field == "section" and raw.get("status") in TO_BE_VERIFIED)
    ]
    if not (raw.get("section") or "").strip() and raw.get("status") in TO_BE_VERIFIED:
        problems.append(
            CatalogueProblem(line, code, f"no section number yet (status {raw['status']})", warning=True)
        )
    if raw.get("sector") and raw["sector"] not in {s.value for s in Sector}:
        problems.append(problem(f"unknown sector {raw['sector']!r}"))
    if raw.get("status") and raw["status"] not in STATUSES:
        problems.append(problem(f"unknown status {raw['status']!r} (known: {', '.join(STATUSES)})"))
    abbr = raw.get("law_abbr") or ""
    if abbr and abbr not in laws:
        problems.append(problem(f"unknown law {abbr!r} (not in {LAWS_FILE})"))
    elif abbr and raw.get("law_name") and raw["law_name"] != laws[abbr]:
        problems.append(problem(f"{abbr} is named {raw['law_name']!r}, in {LAWS_FILE} {laws[abbr]!r}"))
    start, end = _day(raw.get("valid_from") or ""), _day(raw.get("valid_to") or "")
    if raw.get("valid_from") and start is None:
        problems.append(problem(f"valid_from {raw['valid_from']!r} is not a date (YYYY-MM-DD)"))
    if raw.get("valid_to") and end is None:
        problems.append(problem(f"valid_to {raw['valid_to']!r} is not a date (YYYY-MM-DD)"))
    if start is not None and end is not None and end < start:
        problems.append(problem(f"ends ({end}) before it starts ({start})"))
    return problems


def _period_problems(section: str, periods: list[_Period]) -> list[CatalogueProblem]:
    """Overlaps and gaps, each row against all the rows before it (by start): ``covering``
    is the row whose period reaches furthest so far."""
    problems = []
    ordered = sorted(periods, key=lambda p: (p.start, p.line))
    covering = ordered[0]
    for after in ordered[1:]:
        if covering.end is None or after.start <= covering.end:
            until = "on" if covering.end is None else f"to {covering.end}"
            problems.append(
                CatalogueProblem(
                    after.line,
                    after.code,
                    f"{section} overlaps {covering.code} (line {covering.line}, in force from "
                    f"{covering.start} {until})",
                )
            )
        elif after.start > covering.end + timedelta(days=1):
            problems.append(
                CatalogueProblem(
                    after.line,
                    after.code,
                    f"{section} is not in force from {covering.end + timedelta(days=1)} to "
                    f"{after.start - timedelta(days=1)}: a gap after {covering.code} (line {covering.line})",
                )
            )
        if covering.end is not None and (after.end is None or after.end > covering.end):
            covering = after
    return problems


def check_catalogue(path: Path | None = None, laws_path: Path | None = None) -> list[CatalogueProblem]:
    """Every problem of the catalogue file, warnings included (none that is not a warning:
    it is sound)."""
    path = path or resources_dir() / CATALOGUE_FILE
    laws = read_laws(laws_path)
    problems: list[CatalogueProblem] = []
    codes: dict[str, int] = {}
    periods: dict[tuple[str, str], list[_Period]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != FIELDS:
            return [CatalogueProblem(1, "", f"the header is {reader.fieldnames}, expected {FIELDS}")]
        for line, raw in enumerate(reader, start=2):
            if None in raw or None in raw.values():
                problems.append(
                    CatalogueProblem(line, raw.get("code") or "", f"expected {len(FIELDS)} columns")
                )
                continue
            found = _row_problems(line, raw, laws)
            problems += found
            found = [p for p in found if not p.warning]
            code = raw["code"]
            if code in codes:
                problems.append(CatalogueProblem(line, code, f"the code is also on line {codes[code]}"))
            codes.setdefault(code, line)
            start = _day(raw["valid_from"])
            if not found and start is not None and raw["section"].strip():
                periods[(raw["law_abbr"], raw["section"])].append(
                    _Period(line, code, start, _day(raw["valid_to"]))
                )
    for (abbr, section), rows in periods.items():
        problems += _period_problems(f"{abbr} {section}", rows)
    return sorted(problems, key=lambda p: (p.line, p.text))
