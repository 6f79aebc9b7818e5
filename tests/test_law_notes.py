"""Every rule of the law kept as data has its note in docs/law-notes.md — its source and a
worked example — and a test that repeats that example (issue 20's done-when)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.cases.deadlines import load_rules

ROOT = Path(__file__).resolve().parent.parent
NOTES = (ROOT / "docs" / "law-notes.md").read_text(encoding="utf-8")
TESTS = {
    path: path.read_text(encoding="utf-8")
    for path in (ROOT / "tests").rglob("test_*.py")
    if path.name != Path(__file__).name
}


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.code)
def test_each_deadline_rule_has_its_note_source_and_a_test(rule) -> None:  # type: ignore[no-untyped-def]
    assert f"`{rule.code}`" in NOTES, f"{rule.code} has no note in docs/law-notes.md"
    heading = next(line for line in NOTES.splitlines() if line.startswith("## ") and f"`{rule.code}`" in line)
    assert "Worked example" in NOTES.split(heading, 1)[1].split("\n## ", 1)[0], (
        f"{rule.code}: no worked example"
    )
    tested = [path.name for path, text in TESTS.items() if rule.code in text]
    assert tested, f"{rule.code}: no test names it"
    if rule.kind.value != "own":
        assert rule.full_source.startswith(rule.law_reference) and rule.source


@pytest.mark.parametrize(
    "name", ["consent_rules.toml", "consent_form.toml", "law_sections.csv", "retention_rules.csv"]
)
def test_the_other_rule_files_are_described(name: str) -> None:
    assert name in NOTES
