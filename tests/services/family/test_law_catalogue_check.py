"""``koordinator law-catalogue check``: the shipped catalogue is sound; each kind of fault in
a catalogue file is found and named by its line — overlaps and gaps for any periods."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.family.law_catalogue import FIELDS
from app.services.family.law_catalogue_check import check_catalogue, read_laws

OVERLAP_FIXTURE = Path(__file__).with_name("data") / "law_sections_overlap.csv"
GOOD = {
    "code": "BL-32",
    "law_abbr": "BL",
    "law_name": "Barnets lov",
    "law_ref": "LBK nr. 282 af 17/03/2025",
    "section": "§ 32",
    "title": "Støttende indsatser",
    "sector": "social_children",
    "age_group": "child",
    "valid_from": "2024-01-01",
    "valid_to": "",
    "status": "V",
    "note": "",
}


def write(path: Path, rows: list[dict[str, str]], header: list[str] = FIELDS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def errors(path: Path) -> list[str]:
    return [str(p) for p in check_catalogue(path) if not p.warning]


def test_the_shipped_catalogue_is_sound() -> None:
    problems = check_catalogue()
    assert [p for p in problems if not p.warning] == []
    # what is not verified yet is said, as a warning naming the row
    assert all("status P" in p.text or "status U" in p.text for p in problems)


def test_the_laws_file_names_every_law_once() -> None:
    laws = read_laws()
    assert "BL" in laws and laws["BL"] == "Barnets lov"
    assert len(set(laws.values())) == len(laws)


def test_the_overlap_fixture_fails_naming_both_rows() -> None:
    found = errors(OVERLAP_FIXTURE)
    assert len(found) == 1
    assert "line 3 (BL-32-NEW)" in found[0] and "overlaps BL-32-OLD (line 2" in found[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"law_abbr": "BLL"}, "unknown law 'BLL'"),
        ({"law_name": "Børneloven"}, "BL is named 'Børneloven'"),
        ({"valid_from": "2024-13-01"}, "valid_from '2024-13-01' is not a date"),
        ({"valid_to": "31-12-2025"}, "valid_to '31-12-2025' is not a date"),
        ({"valid_to": "2023-12-31"}, "ends (2023-12-31) before it starts (2024-01-01)"),
        ({"sector": "space"}, "unknown sector 'space'"),
        ({"status": "X"}, "unknown status 'X'"),
        ({"section": ""}, "section is empty"),
        ({"title": " "}, "title is empty"),
        ({"code": ""}, "code is empty"),
        ({"valid_from": ""}, "valid_from is empty"),
    ],
)
def test_each_fault_of_a_row_is_named_with_its_line(
    tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    path = write(tmp_path / "c.csv", [GOOD, {**GOOD, "code": "BL-33", "section": "§ 33", **change}])
    found = errors(path)
    assert any(expected in p and p.startswith("line 3") for p in found), found


def test_a_row_not_yet_verified_may_lack_its_section_number(tmp_path: Path) -> None:
    for status, is_error in (("P", False), ("U", False), ("V", True)):
        path = write(tmp_path / "c.csv", [GOOD, {**GOOD, "code": "X", "section": "", "status": status}])
        problems = check_catalogue(path)
        assert [p.warning for p in problems] == [not is_error], (status, problems)


def test_a_code_used_twice_and_a_broken_file(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", [GOOD, {**GOOD, "section": "§ 33"}])
    assert errors(path) == ["line 3 (BL-32): the code is also on line 2"]
    bad_header = write(tmp_path / "h.csv", [GOOD], header=[*FIELDS[:-1], "remark"])
    assert "the header is" in errors(bad_header)[0]
    short = tmp_path / "s.csv"
    short.write_text(",".join(FIELDS) + "\nBL-32,BL,Barnets lov\n", encoding="utf-8")
    assert errors(short) == ["line 2 (BL-32): expected 12 columns"]


periods = st.lists(
    st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30))), min_size=1, max_size=4
)


@settings(max_examples=150, deadline=None)
@given(periods=periods)
def test_overlaps_and_gaps_are_found_for_any_periods(
    tmp_path_factory: pytest.TempPathFactory, periods
) -> None:  # type: ignore[no-untyped-def]
    """One section in several rows (start, length or open-ended): an overlap is reported
    exactly when some day is covered twice, a gap exactly when a day between the first start
    and the last covered day is not covered (counted day by day, not as the check does)."""
    base = date(2020, 1, 1)
    spans = [(s, None if n is None else s + n) for s, n in periods]
    rows = [
        {
            **GOOD,
            "code": f"BL-32-{i}",
            "valid_from": (base + timedelta(days=start)).isoformat(),
            "valid_to": "" if end is None else (base + timedelta(days=end)).isoformat(),
        }
        for i, (start, end) in enumerate(spans)
    ]
    path = write(tmp_path_factory.mktemp("p") / "c.csv", rows)
    found = errors(path)
    horizon = 200  # past every end: an open period covers every day up to it
    cover = [0] * horizon
    for start, end in spans:
        for day in range(start, horizon if end is None else end + 1):
            cover[day] += 1
    first, last = min(s for s, _ in spans), max(d for d in range(horizon) if cover[d])
    twice = any(c > 1 for c in cover)
    hole = any(cover[d] == 0 for d in range(first, last + 1))
    assert any("overlaps" in p for p in found) == twice, (spans, found)
    assert any("a gap after" in p for p in found) == hole, (spans, found)
    assert all("overlaps" in p or "a gap after" in p for p in found)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "law-catalogue", "check", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_passes_on_the_shipped_file_and_fails_on_an_overlap(tmp_path: Path) -> None:
    shipped = _cli()
    assert shipped.returncode == 0, shipped.stderr
    assert "law_sections.csv: sound" in shipped.stdout and "Traceback" not in shipped.stderr
    overlap = _cli("--file", str(OVERLAP_FIXTURE))
    assert overlap.returncode == 1
    assert "line 3 (BL-32-NEW): BL § 32 overlaps BL-32-OLD" in overlap.stderr
    assert "1 problem(s) found" in overlap.stderr
    missing = _cli("--file", str(tmp_path / "nowhere.csv"))
    assert (
        missing.returncode == 2 and "cannot be read" in missing.stderr and "Traceback" not in missing.stderr
    )
