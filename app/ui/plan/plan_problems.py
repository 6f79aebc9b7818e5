"""Sentences for why the plan cannot be saved or approved yet, naming the place in the editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.common.validation import FieldProblem, Problem
from app.services.plan.plan_draft import SHORT_TEXT_MAX, TEXT_MAX, PlanProblem
from app.ui.plan.sections_tab import SECTION_TITLES, section_title


def describe_problem(problem: FieldProblem, members: dict[int, str]) -> str:
    """A sentence for one reason the plan cannot be approved (or stored) yet."""
    field = problem.field
    if field == PlanProblem.GOALS:
        return QCoreApplication.translate("PlanPage", "The plan needs at least one goal.")
    if field.startswith(PlanProblem.AGREEMENT + "."):
        index = int(field.split(".")[1]) + 1
        return QCoreApplication.translate("PlanPage", "Agreement %1 has no one responsible.").replace(
            "%1", str(index)
        )
    if field.startswith(PlanProblem.CONSENT + "."):
        _, citizen, capacity = field.split(".", 2)
        name = members.get(int(citizen), "?")
        if capacity == "custody_holder":
            return QCoreApplication.translate(
                "PlanPage", "No consent from a custody holder about %1."
            ).replace("%1", name)
        if capacity == "youth":
            return QCoreApplication.translate("PlanPage", "%1 must consent too (16 years or older).").replace(
                "%1", name
            )
        return QCoreApplication.translate("PlanPage", "No consent from %1.").replace("%1", name)
    if problem.problem in (Problem.TOO_LONG, Problem.BAD_CHARACTERS):
        where = _where(field, members)
        if problem.problem == Problem.BAD_CHARACTERS:
            return QCoreApplication.translate(
                "PlanPage",
                "%1 holds characters that cannot be stored (a NUL or a broken character): remove them.",
            ).replace("%1", where)
        limit = TEXT_MAX if field.startswith(("sections.", "member_sections.")) else SHORT_TEXT_MAX
        return (
            QCoreApplication.translate("PlanPage", "%1 has too many characters: at most %2.")
            .replace("%1", where)
            .replace("%2", f"{limit:,}".replace(",", "."))
        )
    return QCoreApplication.translate("PlanPage", "The plan cannot be approved in its present state.")


def problems_text(problems: list[FieldProblem], members: dict[int, str]) -> str:
    return "; ".join(describe_problem(p, members) for p in problems)


def _where(field: str, members: dict[int, str]) -> str:
    """The place in the editor a problem's field names, as the start of a sentence."""
    parts = field.split(".")
    if parts[0] == "sections" and len(parts) > 1 and parts[1] in SECTION_TITLES:
        return QCoreApplication.translate("PlanPage", "The section “%1”").replace(
            "%1", section_title(parts[1])
        )
    if parts[0] == "member_sections" and len(parts) > 1 and parts[1].isdigit():
        return QCoreApplication.translate("PlanPage", "The part about %1").replace(
            "%1", members.get(int(parts[1]), "?")
        )
    if parts[0] == "goals" and len(parts) > 1 and parts[1].isdigit():
        return QCoreApplication.translate("PlanPage", "Goal %1").replace("%1", str(int(parts[1]) + 1))
    if parts[0] == "agreements" and len(parts) > 1 and parts[1].isdigit():
        return QCoreApplication.translate("PlanPage", "Agreement %1").replace("%1", str(int(parts[1]) + 1))
    if parts[0] == "offer_comments":
        return QCoreApplication.translate("PlanPage", "A comment in the offers overview")
    return QCoreApplication.translate("PlanPage", "A text in the plan")
