"""The house's import rules, per layer and per feature (issue 14).

Layers, from the bottom: models → store → services → pdf and docx (the printed and the Word
papers, side by side) → the UI and the command line.
A module imports its own layer and the layers below it, never one above.

Features: ``app/services/<feature>/`` and ``app/ui/<feature>/``. ``common`` is shared by
every feature and imports none. A feature's UI imports its own services, the services it
is declared to use (``UI_USES``) and ``common``; from another feature's UI it may import
only what that feature offers to others (``UI_OFFERS``), never its internals. New coupling
between features is a decision: it is written into these tables, not slipped in.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

# What each layer may import (its own layer always).
LAYER_MAY_IMPORT: dict[str, set[str]] = {
    "base": {"base"},  # app/__init__, resources, logging_setup, qt_libraries, machine_settings
    "models": {"base"},
    "store": {"base", "models"},
    "services": {"base", "models", "store"},
    "pdf": {"base", "models", "store", "services"},
    "docx": {"base", "models", "store", "services"},
    "startup": {"base", "models", "store", "services"},
    "cli": {"base", "models", "store", "services", "pdf", "docx", "startup"},
    "ui": {"base", "models", "store", "services", "pdf", "docx", "startup"},
}
# Single edges across the layers, each with its reason.
LAYER_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("app.models.base", "app.services.common.clock"): "the program's one clock stamps the rows",
    ("app.logging_setup", "app.services.common.clock"): "log lines carry the program's clock",
    ("app.cli.cli", "app.ui.app"): "the command line starts the window when no command is given",
    ("app.__main__", "app.cli"): "python -m app",
}

# Single edges from common to a feature, each with its reason.
FEATURE_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("app.services.common.audit", "app.services.privacy.audit_anchor"): "verify_chain hands the "
    "checkpoints and pruning records to the anchor's check_log",
    ("app.ui.common.labels", "app.services.cases.deadlines"): "the UI's one table of names also "
    "names the deadline rules",
}

UI_FEATURES = (
    "cases",
    "family",
    "plan",
    "calendar",
    "privacy",
    "settings",
    "documents",
    "tasks",
    "journal",
    "day",
    "search",
    "team",
)
SERVICE_FEATURES = (
    "cases",
    "family",
    "plan",
    "meetings",
    "privacy",
    "demo",
    "documents",
    "tasks",
    "journal",
    "day",
    "search",
    "team",
)
# The services each UI feature uses besides common (its own first).
UI_USES: dict[str, set[str]] = {
    "cases": {"cases", "privacy", "team"},  # closing a case starts its retention clock; caseloads
    "family": {"family", "cases", "meetings", "privacy"},  # the hub: members, consents, collisions
    "plan": {"plan", "cases", "meetings", "privacy", "family"},  # the plan prints all of these
    "calendar": {"meetings", "cases", "plan", "family", "privacy"},  # meeting papers print the plan
    "privacy": {"privacy", "cases", "family"},
    "settings": {"cases"},  # the follow-up interval's default
    "documents": {"documents"},
    "tasks": {"tasks", "cases"},  # a task names its case
    "journal": {"journal"},
    "day": {"day"},  # the start page reads the day's one service
    "search": {"search"},  # the main window opens what it finds
    "team": {"team", "cases"},  # a case's coordinator, partner, model and status
}
# What a UI feature offers to the others (modules), and why.
UI_OFFERS: dict[str, set[str]] = {
    "cases": {"close_case_dialog", "name_choice", "new_case_dialog"},  # opened from family, settings
    "family": {"family_page", "consent_dialog"},  # settings' overview limits; the register records
    "plan": {"plan_dialogs", "compare_dialog"},  # agreements from a meeting's minutes
    "calendar": set(),
    "privacy": {"consent_register_dialog", "share_override_dialog"},
    "settings": {"connection_dialog", "preferences_dialog", "profile_dialog"},  # invitations open Min profil
    "documents": set(),  # the main window wires the panel into the family page
    "tasks": set(),  # wired in by the main window
    "journal": set(),  # its panel is wired into the family page by the main window
    "day": set(),
    "search": set(),  # the main window's toolbar holds it
    "team": {"team_overview"},  # the main window's Team menu opens it
}


@dataclass(frozen=True)
class Edge:
    source: str  # module importing
    target: str  # module imported
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, module: str, is_package: bool) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name.startswith("app")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module's package
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if not name.startswith("app"):
                continue
            # "from app.ui.common import painting" imports the module app.ui.common.painting
            for alias in node.names:
                candidate = f"{name}.{alias.name}"
                found.append((candidate if _is_module(candidate) else name, node.lineno))
    return found


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def edges(root: Path = APP) -> list[Edge]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = _module_name(path)
        for target, line in _imports(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            if target != module:
                found.append(Edge(module, target, line))
    return found


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("resources", "logging_setup", "qt_libraries", "machine_settings"):
        return "base"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def feature_of(module: str) -> tuple[str, str] | None:
    """("ui" | "services", feature) for a module inside a feature package."""
    parts = module.split(".")
    if len(parts) >= 4 and parts[1] in ("ui", "services"):
        return parts[1], parts[2]
    if len(parts) == 3 and parts[1] in ("ui", "services") and parts[2] in UI_FEATURES + SERVICE_FEATURES:
        return parts[1], parts[2]  # the package itself
    return None


def layer_violations(found: list[Edge]) -> list[str]:
    bad = []
    for edge in found:
        source, target = layer_of(edge.source), layer_of(edge.target)
        if source == target or target in LAYER_MAY_IMPORT[source]:
            continue
        if (edge.source, edge.target) in LAYER_EXCEPTIONS:
            continue
        bad.append(f"{edge.source}:{edge.line} ({source}) imports {edge.target} ({target})")
    return bad


def feature_violations(found: list[Edge]) -> list[str]:
    bad = []
    for edge in found:
        source, target = feature_of(edge.source), feature_of(edge.target)
        if source is None or target is None or source == target:
            continue
        (source_layer, source_feature), (target_layer, target_feature) = source, target
        where = f"{edge.source}:{edge.line} imports {edge.target}"
        if target_feature == "common" or (edge.source, edge.target) in FEATURE_EXCEPTIONS:
            continue
        if source_feature == "common":
            bad.append(f"{where}: common imports no feature")
        elif source_layer == "ui" and target_layer == "ui":
            module = edge.target.split(".")[3] if len(edge.target.split(".")) > 3 else ""
            if module not in UI_OFFERS[target_feature]:
                bad.append(f"{where}: not offered by the {target_feature} UI (UI_OFFERS)")
        elif source_layer == "ui" and target_layer == "services":
            if target_feature not in UI_USES[source_feature]:
                bad.append(f"{where}: the {source_feature} UI does not use {target_feature} (UI_USES)")
        elif source_layer == "services" and target_feature == "demo":
            bad.append(f"{where}: nothing builds on the demo")
    return bad


def test_layers_import_downwards_only() -> None:
    bad = sorted(set(layer_violations(edges())))
    assert not bad, "\n".join(bad)


def test_features_import_common_and_what_they_are_offered() -> None:
    bad = sorted(set(feature_violations(edges())))
    assert not bad, "\n".join(bad)


def test_the_tables_name_real_features_and_modules() -> None:
    for feature in UI_FEATURES:
        assert (APP / "ui" / feature / "__init__.py").exists(), feature
        for module in UI_OFFERS[feature]:
            assert (APP / "ui" / feature / f"{module}.py").exists(), f"{feature}.{module}"
        for used in UI_USES[feature]:
            assert (APP / "services" / used / "__init__.py").exists(), used
    for feature in (*SERVICE_FEATURES, "common"):
        assert (APP / "services" / feature / "__init__.py").exists(), feature


@pytest.mark.parametrize(
    ("source", "target", "rule"),
    [
        ("app.store.engine", "app.services.common.audit", "layer"),
        ("app.models.case", "app.store.reach", "layer"),
        ("app.services.cases.cases", "app.ui.common.labels", "layer"),
        ("app.pdf.plan_pdf", "app.ui.plan.plan_page", "layer"),
        ("app.docx.plan_docx", "app.pdf.plan_pdf", "layer"),
        ("app.docx.word", "app.cli.cli_export", "layer"),
        ("app.cli.cli_export", "app.ui.plan.plan_page", "layer"),
        ("app.ui.common.form_dialog", "app.ui.plan.plan_page", "feature"),
        ("app.services.common.editing", "app.services.cases.cases", "feature"),
        ("app.ui.calendar.meeting_dialog", "app.ui.family.family_dialogs", "feature"),
        ("app.ui.settings.preferences_dialog", "app.services.plan.plans", "feature"),
        ("app.services.plan.plans", "app.services.demo.demo", "feature"),
    ],
)
def test_the_rules_find_what_they_forbid(source: str, target: str, rule: str) -> None:
    edge = [Edge(source, target, 1)]
    assert (layer_violations if rule == "layer" else feature_violations)(edge), (source, target)


def test_relative_and_package_imports_are_resolved() -> None:
    code = "from . import painting\nfrom ..common.background import StoreLanes\nimport app.store.engine\n"
    assert [name for name, _ in _imports(code, "app.ui.common.labels", False)] == [
        "app.ui.common.painting" if _is_module("app.ui.common.painting") else "app.ui.common",
        "app.ui.common.background",
        "app.store.engine",
    ]
