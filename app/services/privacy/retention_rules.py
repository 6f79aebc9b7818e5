"""The retention rules as data: the periods per coordination model and the interventions
whose cases the archive keeps, each from the municipality's file in the machine-wide
settings folder or else the program's own (app/services/privacy/retention.py says how they
are used)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from app.models.enums import CoordinationModel
from app.resources import municipal_file

RULES_FILE = "retention_rules.csv"
ARCHIVE_FILE = "retention_archive.csv"
FIELDS = ["model", "years_after_closing", "count_from"]
ARCHIVE_FIELDS = ["code", "note"]
MAX_YEARS = 100


class CountFrom:
    CLOSING_DATE = "closing_date"  # N years after the day the case was closed
    END_OF_YEAR = "end_of_closing_year"  # N years after 31 December of the closing year


@dataclass(frozen=True, slots=True)
class RetentionRule:
    model: CoordinationModel
    years: int | None  # None: not set by the municipality — such cases are never erased
    count_from: str = CountFrom.CLOSING_DATE


def data_file(name: str) -> Path:
    """The municipality's own file in the machine-wide settings folder, else the program's."""
    return municipal_file(name)


def load_rules(path: Path | None = None) -> dict[CoordinationModel, RetentionRule]:
    """The periods per coordination model; raises ValueError naming the file and line."""
    if path is None:
        path = data_file(RULES_FILE)
        return dict(_cached(str(path), path.stat().st_mtime_ns))
    return _read(path)


def load_archive_codes(path: Path | None = None) -> frozenset[str]:
    """The catalogue codes of interventions whose cases the archive keeps (never erased);
    raises ValueError naming the file and line."""
    path = path or data_file(ARCHIVE_FILE)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or reader.fieldnames[: len(ARCHIVE_FIELDS)] != ARCHIVE_FIELDS:
            raise ValueError(f"{path.name} line 1: expected the columns {','.join(ARCHIVE_FIELDS)}")
        codes = {(raw["code"] or "").strip() for raw in reader}
    return frozenset(codes - {""})


@functools.lru_cache(maxsize=4)
def _cached(path: str, _mtime: int) -> tuple[tuple[CoordinationModel, RetentionRule], ...]:
    return tuple(_read(Path(path)).items())


def _read(path: Path) -> dict[CoordinationModel, RetentionRule]:
    rules: dict[CoordinationModel, RetentionRule] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or reader.fieldnames[: len(FIELDS)] != FIELDS:
            raise ValueError(f"{path.name} line 1: expected the columns {','.join(FIELDS)}")
        for raw in reader:
            where = f"{path.name} line {reader.line_num}"
            if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
                continue
            try:
                model = CoordinationModel(raw["model"].strip())
            except (ValueError, AttributeError):
                raise ValueError(f"{where}: unknown coordination model {raw['model']!r}") from None
            text = (raw["years_after_closing"] or "").strip()
            try:
                years = int(text) if text else None  # empty: not set, never erased
            except ValueError:
                raise ValueError(f"{where}: years_after_closing must be a whole number") from None
            if years is not None and not 0 <= years <= MAX_YEARS:
                raise ValueError(f"{where}: years_after_closing must be between 0 and {MAX_YEARS}")
            count_from = (raw["count_from"] or "").strip() or CountFrom.CLOSING_DATE
            if count_from not in (CountFrom.CLOSING_DATE, CountFrom.END_OF_YEAR):
                raise ValueError(f"{where}: count_from must be closing_date or end_of_closing_year")
            if model in rules:
                raise ValueError(f"{where}: {model.value} is named twice")
            rules[model] = RetentionRule(model, years, count_from)
    return rules
