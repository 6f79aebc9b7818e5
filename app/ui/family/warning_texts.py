"""The family page's warnings in words."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.services.family.family_overview import FamilyOverview
from app.services.family.family_warnings import FamilyWarning, WarningCode
from app.ui.common.formatting import format_date, format_load


class FamilyWarningTexts(QObject):
    """One readable sentence per warning (translated in this class's context)."""

    def text(self, warning: FamilyWarning, overview: FamilyOverview) -> str:
        """One readable sentence per warning (translated)."""
        names = ", ".join(m.name for cid in warning.citizen_ids if (m := overview.member(cid)) is not None)
        match warning.code:
            case WarningCode.MULTI_SECTOR_NO_PLAN:
                return self.tr(
                    "Help from %n sector(s), and no approved common plan yet.",
                    "",
                    warning.count,
                )
            case WarningCode.FOLLOW_UP_OVERDUE:
                return self.tr("The follow-up was due on %1.").replace("%1", format_date(warning.day))
            case WarningCode.NO_CONSENT:
                return self.tr("No consent to share information is recorded for %1.").replace("%1", names)
            case WarningCode.CONSENT_REVIEW_DUE:
                return (
                    self.tr("%1 turned %2 on %3: review who consents to what.")
                    .replace("%1", names)
                    .replace("%2", str(warning.count))
                    .replace("%3", format_date(warning.day))
                )
            case WarningCode.YOUTH_WITHOUT_TRANSITION:
                return (
                    self.tr("%1 turns 18 on %2 and has no transition track.")
                    .replace("%1", names)
                    .replace("%2", format_date(warning.day))
                )
            case WarningCode.ENDING_WITHOUT_FOLLOW_ON:
                title, name, _law = _intervention(warning, overview)
                return (
                    self.tr("%1 for %2 ends on %3 and nothing follows it.")
                    .replace("%1", title)
                    .replace("%2", name)
                    .replace("%3", format_date(warning.day))
                )
            case WarningCode.STALE_DATA:
                return self.tr(
                    "%n intervention(s) not checked against the source system for a long time.",
                    "",
                    len(warning.intervention_ids),
                )
            case WarningCode.SECTION_EXPIRES:
                title, name, law = _intervention(warning, overview)
                return (
                    self.tr("%1 for %2 is given under %3, which applies only until %4: check it.")
                    .replace("%1", title)
                    .replace("%2", name)
                    .replace("%3", law)
                    .replace("%4", format_date(warning.day))
                )
            case WarningCode.CASELOAD_ABOVE_LIMIT:
                return (
                    self.tr("The coordinator's caseload is %1; the team's limit is %2.")
                    .replace("%1", format_load(warning.load))
                    .replace("%2", format_load(warning.limit))
                )
        return str(warning.code)


def _intervention(warning: FamilyWarning, overview: FamilyOverview) -> tuple[str, str, str]:
    """The warning's intervention: its title, whom it is for and its law section ("?" unknown)."""
    wanted = warning.intervention_ids[0] if warning.intervention_ids else None
    info = next((i for i in overview.interventions if i.id == wanted), None)
    if info is None:
        return "?", "?", "?"
    member = overview.member(info.citizen_id)
    return info.title, member.name if member else "?", info.law_reference or "?"


_TEXTS: FamilyWarningTexts | None = None


def warning_text(warning: FamilyWarning, overview: FamilyOverview) -> str:
    """One readable sentence per warning, in the program's language."""
    global _TEXTS
    if _TEXTS is None:
        _TEXTS = FamilyWarningTexts()
    return _TEXTS.text(warning, overview)
