"""The law-section catalogue: the shipped CSV, loading without overwriting, validity by date."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.models import LawSection
from app.resources import resources_dir
from app.services.family.law_catalogue import (
    CATALOGUE_FILE,
    FIELDS,
    CatalogueRow,
    load_catalogue,
    read_catalogue,
    sections_valid_on,
)

LAWS = {"BL", "SEL", "LAB", "SUL", "FSL", "KUI"}


@pytest.fixture(scope="module")
def shipped() -> list[CatalogueRow]:
    return read_catalogue()


def codes_on(session, day: date) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.code for s in sections_valid_on(session, day)]


# -- the shipped file ----------------------------------------------------------------------


def test_shipped_catalogue_reads_with_unique_codes(shipped: list[CatalogueRow]) -> None:
    with (resources_dir() / CATALOGUE_FILE).open(encoding="utf-8", newline="") as handle:
        data_lines = sum(1 for _ in csv.DictReader(handle))
    assert len(shipped) == data_lines > 0
    codes = [r.code for r in shipped]
    assert len(set(codes)) == len(codes)
    assert all(r.code and r.law_abbr and r.law_name and r.title for r in shipped)  # section may be unknown


def test_shipped_catalogue_has_the_main_laws(shipped: list[CatalogueRow]) -> None:
    assert {r.law_abbr for r in shipped} >= LAWS
    names = {r.law_abbr: r.law_name for r in shipped}
    assert names["BL"] == "Barnets lov"
    assert all(len({r.law_name for r in shipped if r.law_abbr == abbr}) == 1 for abbr in LAWS)


def test_shipped_catalogue_periods_are_sane(shipped: list[CatalogueRow]) -> None:
    for row in shipped:
        assert row.valid_to is None or row.valid_to >= row.valid_from, row.code


def test_renamed_sections_hand_over_without_gap_or_overlap(shipped: list[CatalogueRow]) -> None:
    by_code = {r.code: r for r in shipped}
    for old, new in (("BL-86-MERUDG", "BL-86"), ("SEL-100-MERUDG", "SEL-100")):
        assert by_code[old].valid_to is not None
        assert (by_code[new].valid_from - by_code[old].valid_to).days == 1


# -- loading -------------------------------------------------------------------------------


def test_load_adds_every_entry_once_and_never_overwrites(context, shipped: list[CatalogueRow]) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        # open_context loaded the catalogue already; start from an empty table
        assert s.scalar(select(func.count(LawSection.id))) == len(shipped)
        s.execute(delete(LawSection))
        assert load_catalogue(s) == len(shipped)
    with context.sessions.begin() as s:
        stored = {ls.code: ls for ls in s.scalars(select(LawSection))}
        assert set(stored) == {r.code for r in shipped}
        for row in shipped:
            assert {f: getattr(stored[row.code], f) for f in FIELDS} == {f: getattr(row, f) for f in FIELDS}
        assert load_catalogue(s) == 0
        stored["SEL-76"].title = "Efterværn (redigeret lokalt)"
        s.delete(stored["BL-86"])
    with context.sessions.begin() as s:
        assert load_catalogue(s) == 1  # only the missing entry
    with context.sessions() as s:
        assert s.scalar(select(func.count(LawSection.id))) == len(shipped)
        assert (
            s.scalar(select(LawSection.title).where(LawSection.code == "SEL-76"))
            == "Efterværn (redigeret lokalt)"
        )
        assert s.scalar(select(LawSection.title).where(LawSection.code == "BL-86")) == "Kompensationsydelse"


def test_a_bad_file_adds_nothing(sqlite_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = (resources_dir() / CATALOGUE_FILE).read_text(encoding="utf-8").splitlines()
    header = lines[0]
    good = "NEW-1,BL,Barnets lov,,§ 1,Ny,social_children,child,2024-01-01,,V,"
    bad = "NEW-2,BL,Barnets lov,,§ 2,Ny,social_children,child,2024-13-01,,V,"
    path = tmp_path / "catalogue.csv"
    path.write_text("\n".join([header, good, bad]) + "\n", encoding="utf-8")
    with sqlite_context.sessions.begin() as s:
        before = s.scalar(select(func.count(LawSection.id)))
        with pytest.raises(ValueError, match="line 3"):
            load_catalogue(s, path)
        assert s.scalar(select(func.count(LawSection.id))) == before
        assert s.scalar(select(LawSection.id).where(LawSection.code == "NEW-1")) is None
        path.write_text("\n".join([header, good]) + "\n", encoding="utf-8")
        assert load_catalogue(s, path) == 1


# -- validity by date ----------------------------------------------------------------------


def test_sections_valid_on_a_day(context, shipped: list[CatalogueRow]) -> None:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        mid_2023 = codes_on(s, date(2023, 6, 1))
        assert "SEL-76" in mid_2023  # efterværn, before Barnets lov
        assert "BL-113-116" not in mid_2023
        assert not any(code.startswith("BL-") for code in mid_2023)

        autumn_2025 = codes_on(s, date(2025, 10, 1))
        assert "BL-86" in autumn_2025  # kompensationsydelse
        assert "BL-86-MERUDG" not in autumn_2025
        assert "SEL-76" not in autumn_2025
        assert "BL-113-116" in autumn_2025

        # the hand-over day belongs to the new section; the day before to the old one
        assert "BL-86-MERUDG" in codes_on(s, date(2025, 8, 31))
        assert "BL-86" not in codes_on(s, date(2025, 8, 31))
        assert "BL-86" in codes_on(s, date(2025, 9, 1))
        assert "BL-86-MERUDG" not in codes_on(s, date(2025, 9, 1))
        assert "SEL-76" in codes_on(s, date(2023, 12, 31))
        assert "SEL-76" not in codes_on(s, date(2024, 1, 1))

        for day in (
            date(2017, 12, 31),
            date(2018, 1, 1),
            date(2024, 1, 1),
            date(2025, 7, 1),
            date(2027, 1, 1),
        ):
            found = sections_valid_on(s, day)
            expected = {
                r.code for r in shipped if r.valid_from <= day and (r.valid_to is None or day <= r.valid_to)
            }
            assert {ls.code for ls in found} == expected, day
            assert all(ls.valid_on(day) for ls in found)
            keys = [(ls.law_abbr, ls.code) for ls in found]
            assert keys == sorted(keys)
        assert sections_valid_on(s, date(2000, 1, 1)) == []


# -- reading bad files ---------------------------------------------------------------------


def write_csv(tmp_path: Path, header: str, *rows: str) -> Path:
    path = tmp_path / "law_sections.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


HEADER = ",".join(FIELDS)
ROW = "X-{n},BL,Barnets lov,,§ {n},Titel,social_children,child,{start},{end},V,"


@pytest.mark.parametrize(
    "header",
    [
        HEADER.replace("valid_from", "from"),
        ",".join(FIELDS[:-1]),
        ",".join([*FIELDS, "extra"]),
        ",".join(reversed(FIELDS)),
        "",
    ],
)
def test_wrong_header_is_refused(tmp_path: Path, header: str) -> None:
    path = write_csv(tmp_path, header, ROW.format(n=1, start="2024-01-01", end=""))
    with pytest.raises(ValueError, match="header"):
        read_catalogue(path)


@pytest.mark.parametrize(
    ("bad_row", "line"),
    [
        (ROW.format(n=3, start="2024-02-30", end=""), 4),  # bad valid_from
        (ROW.format(n=3, start="01-01-2024", end=""), 4),
        (ROW.format(n=3, start="", end=""), 4),  # missing valid_from
        (ROW.format(n=3, start="2024-01-01", end="2024-1-1x"), 4),  # bad valid_to
        (ROW.format(n=3, start="2024-01-01", end="").replace("social_children", "social"), 4),  # bad sector
    ],
)
def test_bad_value_is_refused_naming_the_line(tmp_path: Path, bad_row: str, line: int) -> None:
    good = [ROW.format(n=n, start="2024-01-01", end="") for n in (1, 2)]
    path = write_csv(tmp_path, HEADER, *good, bad_row, ROW.format(n=4, start="2024-01-01", end=""))
    with pytest.raises(ValueError, match=rf"law_sections\.csv line {line}\b"):
        read_catalogue(path)


def test_short_line_is_refused_naming_the_line(tmp_path: Path) -> None:
    short = "X-3,BL,Barnets lov,,§ 3,Titel,social_children,child"  # valid_from and the rest missing
    path = write_csv(tmp_path, HEADER, ROW.format(n=1, start="2024-01-01", end=""), short)
    with pytest.raises(ValueError, match=r"line 3\b"):
        read_catalogue(path)


def test_good_small_file_reads(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        HEADER,
        ROW.format(n=1, start="2024-01-01", end=""),
        ROW.format(n=2, start="2018-01-01", end="2023-12-31"),
    )
    rows = read_catalogue(path)
    assert [(r.code, r.valid_from, r.valid_to) for r in rows] == [
        ("X-1", date(2024, 1, 1), None),
        ("X-2", date(2018, 1, 1), date(2023, 12, 31)),
    ]
