"""Move-only reorganisation by feature (issue 14, item 1): git mv + rewrite of dotted module
names and file paths. A one-off: run it on a clean checkout, check with check_old.py, fix
what it cannot (tests/test_log_privacy.py names two UI files by path; see the issue's note),
run the whole suite, commit the move alone, then delete this folder.

Usage: python tools/reorganise/move.py REPO   (moves and rewrites in place: a clean checkout)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SERVICES = {
    "common": "audit clock context cpr editing safe_files text users",
    "cases": "case_list case_summary cases deadlines",
    "family": "family_analysis family_overview family_warnings interventions members professionals "
    "timeline transition transition_tracks law_catalogue",
    "plan": "plan_document plan_merge plans local_drafts lix recipient_copy",
    "meetings": "meetings free_slots collisions days_off ics",
    "privacy": "audit_anchor consent_register consents retention sharing",
    "demo": "demo demo_content",
}
UI = {
    "common": "background canvas form_dialog formatting i18n labels store_events live_updates crash_dialog "
    "conflict_dialog field_conflict_dialog",
    "cases": "case_list_model case_list_page new_case_dialog close_case_dialog name_choice",
    "family": "family_page family_dialogs eco_map network_tab people_tab timeline_view transition_panel "
    "week_grid intervention_dialog",
    "plan": "plan_page plan_dialogs plan_preview compare_dialog lix_meter score_chart",
    "calendar": "calendar_page calendar_views meeting_dialog",
    "privacy": "audit_viewer consent_register_dialog share_override_dialog",
    "settings": "connection_dialog preferences_dialog",
}
TESTS_SERVICES = {
    "common": "test_audit test_audit_exports test_cpr test_trust_limits",
    "cases": "test_case_list test_cases test_deadlines",
    "family": "test_family_overview test_family_warnings test_interventions test_law_catalogue test_members "
    "test_professionals test_timeline test_transition test_transition_tracks",
    "plan": "test_lix test_local_drafts test_plan_document test_plan_merge test_plan_races test_plans "
    "test_recipient_copy",
    "meetings": "test_collisions test_days_off test_free_slots test_ics test_meetings",
    "privacy": "test_audit_anchor test_consent_register test_consents test_retention",
    "demo": "test_demo",
}
TESTS_UI = {
    "common": "test_dialog_conflicts test_labels test_live_updates",
    "cases": "test_case_list_model test_close_case test_name_choice test_new_case_dialog",
    "family": "test_eco_map test_family_page test_timeline_view test_week_grid",
    "plan": "test_compare_dialog test_lix_meter test_plan_conflict test_plan_page test_score_chart",
    "calendar": "test_calendar_page test_calendar_views test_local_time_fields",
    "privacy": "test_audit_viewer test_consent_output test_consent_register",
    "settings": "test_connection_dialog",
}
TESTS_CLI = (
    "test_cli test_cli_audit test_cli_export_ics test_cli_export_plan test_cli_export_plan_for "
    "test_cli_retention test_cli_server test_trust_cli"
)

# old module (dotted) -> new module (dotted)
MODULES: dict[str, str] = {}
for feature, names in SERVICES.items():
    for name in names.split():
        MODULES[f"app.services.{name}"] = f"app.services.{feature}.{name}"
for feature, names in UI.items():
    for name in names.split():
        MODULES[f"app.ui.{name}"] = f"app.ui.{feature}.{name}"
MODULES["app.ui.screenshots"] = "tools.screenshots"
MODULES["app.ui.english_plurals"] = "tools.english_plurals"
for name in ("cli", "cli_audit", "cli_common", "cli_retention"):
    MODULES[f"app.{name}"] = f"app.cli.{name}"
for feature, names in TESTS_SERVICES.items():
    for name in names.split():
        MODULES[f"tests.services.{name}"] = f"tests.services.{feature}.{name}"
for feature, names in TESTS_UI.items():
    for name in names.split():
        MODULES[f"tests.ui.{name}"] = f"tests.ui.{feature}.{name}"
for name in TESTS_CLI.split():
    MODULES[f"tests.{name}"] = f"tests.cli.{name}"

NEW_PACKAGES = sorted(
    {new.rsplit(".", 1)[0] for new in MODULES.values()}
)  # app.services.common, ..., tools, app.cli, tests.cli, ...


def path_of(module: str) -> str:
    return module.replace(".", "/") + ".py"


def run(*args: str, cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True)


def move(repo: Path) -> None:
    for package in NEW_PACKAGES:
        folder = repo / package.replace(".", "/")
        folder.mkdir(parents=True, exist_ok=True)
    # app/cli.py must leave before app/cli/ gets its files: move it aside first.
    run("git", "mv", "app/cli.py", "app/_cli_moving.py", cwd=repo)
    for old, new in MODULES.items():
        src = "app/_cli_moving.py" if old == "app.cli" else path_of(old)
        run("git", "mv", src, path_of(new), cwd=repo)
    for package in NEW_PACKAGES:
        init = repo / package.replace(".", "/") / "__init__.py"
        if not init.exists():
            init.write_text("", encoding="utf-8")
            run("git", "add", str(init.relative_to(repo)), cwd=repo)


# -- rewriting -------------------------------------------------------------------------------

_alt = "|".join(sorted((re.escape(m) for m in MODULES), key=len, reverse=True))
DOTTED = re.compile(rf"(?<![\w.])({_alt})(?![\w])")
_alt_paths = "|".join(
    sorted((re.escape(m.replace(".", "/")) for m in MODULES), key=len, reverse=True)
)
SLASHED = re.compile(rf"(?<![\w./])({_alt_paths})(?![\w/])")

# from <package> import a, b as c   (single line; parenthesised forms are checked for)
FROM_IMPORT = re.compile(
    r"^(?P<indent>[ \t]*)from (?P<pkg>app\.services|app\.ui|app|tests\.services|tests\.ui|tests) import "
    r"(?P<names>[^\n(#]+?)(?P<comment>[ \t]*#[^\n]*)?$",
    re.M,
)
FROM_IMPORT_PAREN = re.compile(
    r"^[ \t]*from (app\.services|app\.ui|app|tests\.services|tests\.ui|tests) import \(", re.M
)


def _rewrite_from_import(match: re.Match[str]) -> str:
    indent, pkg, names, comment = match["indent"], match["pkg"], match["names"], match["comment"] or ""
    groups: dict[str, list[str]] = {}
    for part in names.split(","):
        part = part.strip()
        if not part:
            continue
        name = part.split(" as ")[0].strip()
        new = MODULES.get(f"{pkg}.{name}")
        target = new.rsplit(".", 1)[0] if new else pkg
        groups.setdefault(target, []).append(part)
    if list(groups) == [pkg]:
        return match.group(0)
    lines = [f"{indent}from {target} import {', '.join(parts)}" for target, parts in groups.items()]
    lines[0] += comment
    return "\n".join(lines)


def rewrite_text(text: str) -> str:
    for m in FROM_IMPORT_PAREN.finditer(text):
        raise SystemExit(f"parenthesised package import needs a hand: {m.group(0)!r}")
    # dotted names first: a package-relative import rewritten to "from app.cli import x" must
    # not then be taken for the old module app.cli
    text = DOTTED.sub(lambda m: MODULES[m.group(1)], text)
    text = FROM_IMPORT.sub(_rewrite_from_import, text)
    text = SLASHED.sub(lambda m: MODULES[m.group(1).replace("/", ".")].replace(".", "/"), text)
    return text


TEXT_SUFFIXES = {".py", ".toml", ".spec", ".md", ".cfg", ".ini", ".txt", ".sh", ".yml", ".yaml"}
TEXT_NAMES = {"Makefile", "run"}


def text_files(repo: Path) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    files = []
    for rel in listed:
        if not rel:
            continue
        path = repo / rel
        if path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES:
            files.append(path)
    return files


def rewrite(repo: Path) -> list[Path]:
    changed = []
    for path in text_files(repo):
        if path.name == "pyproject.toml":
            # The console entry point "app.cli:main" keeps working through app/cli/__init__.py;
            # only paths (per-file ignores) are rewritten there.
            before = path.read_text(encoding="utf-8")
            after = SLASHED.sub(
                lambda m: MODULES[m.group(1).replace("/", ".")].replace(".", "/"), before
            )
        else:
            before = path.read_text(encoding="utf-8")
            after = rewrite_text(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


def replace_once(repo: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (rel, old, text.count(old))
    path.write_text(text.replace(old, new), encoding="utf-8")


def post(repo: Path) -> None:
    """What the move needs beyond the mechanical rewrite."""
    # app.cli is a package now: its __init__ keeps `from app.cli import main` and the console
    # entry point "app.cli:main" working.
    (repo / "app/cli/__init__.py").write_text(
        '"""The command line (``koordinator``): the entry point and its sub-commands."""\n\n'
        "from app.cli.cli import main\n\n"
        '__all__ = ["main"]\n',
        encoding="utf-8",
    )
    # The logger's name is not a module path: it stays "app.cli".
    replace_once(repo, "app/cli/cli.py", 'logging.getLogger("app.cli.cli")', 'logging.getLogger("app.cli")')
    # `python -m app.cli.cli` would import the module twice (once through the package): use
    # the program's own `python -m app`, which calls the same main().
    replace_once(repo, "tests/test_kill_safety.py", '"-m", "app.cli.cli"', '"-m", "app"')
    # Paths from __file__ in tests that moved one level deeper.
    for rel in ("tests/services/meetings/test_ics.py", "tests/services/family/test_transition.py"):
        replace_once(repo, rel, "Path(__file__).resolve().parents[2]", "Path(__file__).resolve().parents[3]")
    for rel in ("tests/cli/test_cli_export_plan.py", "tests/cli/test_cli_export_ics.py", "tests/cli/test_trust_cli.py"):
        replace_once(repo, rel, "Path(__file__).resolve().parents[1]", "Path(__file__).resolve().parents[2]")
    # A path in a docstring wrapped over two lines (the rewrite sees one line at a time).
    replace_once(
        repo,
        "app/services/privacy/retention.py",
        "(``audit_prune``, app/services/\n    audit_anchor.py)",
        "(``audit_prune``, app/services/privacy/\n    audit_anchor.py)",
    )
    # The one clock module's path.
    replace_once(
        repo,
        "tests/test_architecture.py",
        'ROOT / "app" / "services" / "clock.py"',
        'ROOT / "app" / "services" / "common" / "clock.py"',
    )
    # ruff over tools/ as well (the architecture test and make lint).
    replace_once(
        repo,
        "tests/test_architecture.py",
        '[str(ruff), "check", "app", "tests", "benchmarks"]',
        '[str(ruff), "check", "app", "tests", "benchmarks", "tools"]',
    )
    replace_once(repo, "Makefile", "ruff check app tests benchmarks\n", "ruff check app tests benchmarks tools\n")
    replace_once(
        repo, "Makefile", "ruff format --check app tests benchmarks\n", "ruff format --check app tests benchmarks tools\n"
    )
    # tools/screenshots.py drives the Qt program: Qt is allowed there.
    replace_once(repo, "pyproject.toml", '"benchmarks/**" = ["TID251"]\n', '"benchmarks/**" = ["TID251"]\n"tools/**" = ["TID251"]\n')
    # The save-dialog scan of the UI sources: the screens sit in sub-packages now.
    replace_once(repo, "tests/test_log_privacy.py", 'for path in sorted(UI.glob("*.py")):', 'for path in sorted(UI.rglob("*.py")):')
    replace_once(
        repo,
        "tests/test_log_privacy.py",
        "found.append((path.name, node.lineno, node.args[2]))",
        "found.append((path.relative_to(UI).as_posix(), node.lineno, node.args[2]))",
    )
    replace_once(
        repo,
        "tests/test_log_privacy.py",
        '{"plan_preview.py", "calendar_page.py"}',
        '{"plan/plan_preview.py", "calendar/calendar_page.py"}',
    )


def main() -> None:
    repo = Path(sys.argv[1]).resolve()
    if "--rewrite-only" not in sys.argv:
        move(repo)
    for path in rewrite(repo):
        print("rewrote", path.relative_to(repo))
    if "--rewrite-only" not in sys.argv:
        post(repo)


if __name__ == "__main__":
    main()
