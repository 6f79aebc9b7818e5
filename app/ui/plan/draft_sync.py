"""Keeping the plan editor's draft in step with the store: one state machine, no widgets.

The editor tells :class:`DraftSync` that the user changed something; the sync writes the
local draft at once (a killed program loses no keystroke), saves a second after the last
change (a job on the store lane: ``plans.save_edits``, which combines the edits with what
someone else saved meanwhile), and says what happened through signals. Its states:

* ``CLEAN`` — the store has everything on screen;
* ``DIRTY`` — there are edits the store lacks; the autosave is waiting;
* ``SAVING`` — a save is on the lane; edits made meanwhile are saved right after it;
* ``CONFLICT`` — the user and someone else changed the same part: nothing is saved until
  the user chooses (``decide``) or asks again (``resolve_now``);
* ``OFFLINE`` — the store does not answer: edits are kept in the local draft and saved when
  it answers again (or when the retry finds it back);
* ``GONE`` — the draft was approved or removed meanwhile (the user may carry the edits over
  into a new draft with ``resolve_now``), or the case was closed or deleted (nothing more is
  saved; the edits stay in the local draft).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.models.enums import ResponsibleKind
from app.services.common.clock import local_now, now_utc
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, ValidationError
from app.services.plan.local_drafts import LocalDraft, LocalDrafts
from app.services.plan.plan_draft import PlanDraft, PlanEdits, SaveOutcome, SaveResult
from app.services.plan.plan_merge import MergeResult, SavedBy, merge, normalize, resolve
from app.services.plan.plans import save_edits
from app.services.plan.three_way import Choice
from app.ui.common.background import StoreWorker

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
RETRY_MS = 5000


class SyncState(Enum):
    CLEAN = "clean"
    DIRTY = "dirty"
    SAVING = "saving"
    CONFLICT = "conflict"
    OFFLINE = "offline"
    GONE = "gone"


@dataclass(frozen=True, slots=True)
class PendingConflict:
    """Both changed the same part: what combined, the stored content the choice is made
    against, the stored draft (and row version) the choice is saved into, and who saved."""

    merged: MergeResult
    theirs: PlanDraft
    draft_id: int | None
    row_version: int | None
    by: SavedBy
    names: dict[tuple[ResponsibleKind, int], str]


@dataclass(frozen=True, slots=True)
class Stamp:
    """What the editor's content was read from: the draft and its row version, or (no draft)
    the newest version a new draft starts from."""

    draft_id: int | None
    row_version: int | None
    based_on: int | None


class DraftSync(QObject):
    state_changed = Signal(object)  # SyncState
    status = Signal(str, bool)  # a sentence for the user, and whether it is a problem
    saved = Signal(int)  # the draft's row version after a save
    reread = Signal(object)  # a SaveOutcome with the plan as re-read (header, scores, names)
    conflict = Signal(object)  # a PendingConflict: the user must choose
    kept_locally = Signal()  # the unsaved edits were written to the local draft
    store_failed = Signal()
    back_online = Signal()  # the store answers again and nothing was unsaved: look for news

    def __init__(
        self,
        lane: StoreWorker,
        sessions: sessionmaker[Session],
        local_drafts: LocalDrafts,
        read: Callable[[], PlanDraft],
        show: Callable[[PlanDraft], None],
        describe: Callable[[list[FieldProblem]], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lane = lane
        self._sessions = sessions
        self.local_drafts = local_drafts
        self._read = read
        self._show = show
        self._describe = describe
        self.state = SyncState.CLEAN
        self.case_id: int | None = None
        self.editable = False
        self.stamp = Stamp(None, None, None)
        self.base = PlanDraft()  # what the editor last loaded or saved (normalised)
        self.gone_because: SaveResult | None = None
        self.reachable = True  # as the store's events last said
        self._edits = 0  # edits made since the case was opened
        self._stored_edits = 0  # how many of them the store has
        self._sending = 0  # how many of them the save on the lane carries
        self._sent = PlanDraft()
        self._combined_with = ""  # whose changes the next save message names
        self._opened = 0  # which opening of a case a save belongs to
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self.retry = QTimer(self)  # after the store did not answer
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.save_now)

    # -- what the editor tells --------------------------------------------------------------
    def load(self, case_id: int, stamp: Stamp, base: PlanDraft, editable: bool) -> None:
        """A plan was opened (or re-read with nothing unsaved): the store has all of it."""
        self.autosave.stop()
        self.retry.stop()
        self._opened += 1
        self.case_id, self.stamp, self.editable = case_id, stamp, editable
        self.base = normalize(base)
        self._edits = self._stored_edits = self._sending = 0
        self._combined_with = ""
        self.gone_because = None
        self._enter(SyncState.OFFLINE if not self.reachable and editable else SyncState.CLEAN)

    def restore(self, local: LocalDraft) -> None:
        """Put a leftover local draft back as it was then (edits, draft, version and base);
        the save combines it with what is stored now."""
        self.stamp = Stamp(local.plan_version_id, local.row_version, self.stamp.based_on)
        self.base = normalize(local.base)
        self._show(local.draft)
        self._edits += 1
        self._enter(SyncState.DIRTY)
        self.status.emit(self.tr("Your unsaved changes are back. Saving…"), False)
        self.save_now()

    def edited(self) -> None:
        """The user changed something: into the local draft at once, saved after a pause."""
        if self.case_id is None or not self.editable:
            return
        self._edits += 1
        self.keep_locally()
        if self.state == SyncState.CLEAN:
            self._enter(SyncState.DIRTY)
        if self.state in (SyncState.DIRTY, SyncState.SAVING):
            self.status.emit(self.tr("Changes not saved yet…"), False)
        self.autosave.start()  # saves, or (held back) shows why it waits

    @property
    def unsaved(self) -> bool:
        """Whether the screen holds edits the store lacks."""
        return self._edits != self._stored_edits

    # -- saving ---------------------------------------------------------------------------
    def save_now(self) -> None:
        """Save what is on screen (one save at a time; typing goes on meanwhile)."""
        if self.case_id is None or not self.editable or not self.unsaved:
            return
        if self.state in (SyncState.CONFLICT, SyncState.GONE):
            self.keep_locally()  # waits for the user's choice
            return
        if self.state == SyncState.OFFLINE and not self.reachable:
            self.keep_locally()
            self._show_offline()
            return
        if self.state == SyncState.SAVING:
            return  # saved again when this one is done
        self._send()

    def _send(self, carry_over: bool = False) -> None:
        assert self.case_id is not None
        self.autosave.stop()
        self.retry.stop()
        self._sent = self._read()
        self._sending = self._edits
        edits = PlanEdits(
            self.case_id,
            self.base,
            self._sent,
            self.stamp.draft_id,
            self.stamp.row_version,
            self.stamp.based_on,
            carry_over,
        )
        sessions, opened = self._sessions, self._opened
        self._enter(SyncState.SAVING)
        self.status.emit(self.tr("Saving…"), False)
        self._lane.submit(
            lambda: save_edits(sessions, edits),
            lambda outcome: self._save_done(outcome, opened),
            lambda exc: self._save_failed(exc, opened),
        )

    def _save_done(self, outcome: SaveOutcome, opened: int) -> None:
        if opened != self._opened:
            return  # another case (or a fresh read of this one) since
        if outcome.document is not None:
            self.reread.emit(outcome)
        if outcome.result in (SaveResult.SAVED, SaveResult.UP_TO_DATE):
            self._stored(outcome)
        elif outcome.result == SaveResult.CONFLICT:
            self._conflicted(outcome)
        else:
            self._went_away(outcome)

    def _stored(self, outcome: SaveOutcome) -> None:
        assert outcome.stored is not None
        sent = normalize(self._sent)
        stored = normalize(outcome.stored)
        if self.unsaved_since_sent and stored != sent:
            # Typed while the save combined: add the new typing to what was stored, or
            # (where both touched one part) keep the old stamp so the next save combines.
            typed = merge(sent, normalize(self._read()), stored)
            if not typed.clean:
                self.base = sent
                self._stored_edits = self._sending
                self._enter(SyncState.DIRTY)
                self.save_now()
                return
            self._show(typed.merged)
        elif stored != sent:
            self._show(stored)
        based_on = self.stamp.based_on
        if outcome.document is not None and outcome.document.plan is not None:
            based_on = outcome.document.plan.id
        self.stamp = Stamp(outcome.draft_id, outcome.row_version, based_on)
        self.base = stored
        self._stored_edits = self._sending
        who = outcome.combined_with or self._combined_with
        self._combined_with = ""
        if outcome.result == SaveResult.UP_TO_DATE:
            by = outcome.by.name if outcome.by else ""
            self.status.emit(self.tr("Up to date with the changes of %1.").replace("%1", by), False)
        else:
            text = self.tr("Saved %1").replace("%1", local_now().strftime("%H.%M"))
            if who:
                text += " – " + self.tr("your changes were combined with those of %1.").replace("%1", who)
            self.status.emit(text, False)
        if self.unsaved:
            self._enter(SyncState.DIRTY)
            self.save_now()
        else:
            self._enter(SyncState.CLEAN if self.reachable else SyncState.OFFLINE)
            self._remove_local_draft()
        if outcome.result == SaveResult.SAVED and outcome.row_version is not None:
            self.saved.emit(outcome.row_version)

    @property
    def unsaved_since_sent(self) -> bool:
        return self._edits != self._sending

    def _conflicted(self, outcome: SaveOutcome) -> None:
        assert outcome.merged is not None and outcome.stored is not None and outcome.by is not None
        self.keep_locally()
        combined = outcome.merged
        if self.unsaved_since_sent:  # ask about what is on screen now
            combined = merge(self.base, self._read(), outcome.stored)
        self._enter(SyncState.CONFLICT)
        self.status.emit(
            self.tr(
                "Not saved yet: you and %1 changed the same part of the plan. Your text is kept here "
                "and in a local copy until you choose."
            ).replace("%1", outcome.by.name or self.tr("someone else")),
            True,
        )
        pending = PendingConflict(
            combined, outcome.stored, outcome.draft_id, outcome.row_version, outcome.by, outcome.names or {}
        )
        self.conflict.emit(pending)

    def decide(self, pending: PendingConflict, choices: dict[str, Choice]) -> None:
        """The user chose what to keep: saved into the stored draft, over what they saw."""
        self.stamp = Stamp(pending.draft_id, pending.row_version, self.stamp.based_on)
        self.base = normalize(pending.theirs)
        self._show(resolve(pending.merged.merged, pending.merged.conflicts, choices))
        self._combined_with = pending.by.name
        self._edits += 1
        self._enter(SyncState.DIRTY)
        self.save_now()

    def _went_away(self, outcome: SaveOutcome) -> None:
        """The draft cannot take the save any more: keep the edits, say why."""
        self.gone_because = outcome.result
        self.keep_locally()
        self._enter(SyncState.GONE)
        by = outcome.by.name if outcome.by is not None and outcome.by.name else self.tr("Someone else")
        if outcome.result == SaveResult.APPROVED:
            why = self.tr("%1 approved this draft meanwhile, so it can no longer change.").replace("%1", by)
        elif outcome.result == SaveResult.REMOVED:
            why = self.tr("Someone else replaced or removed this draft meanwhile.")
        else:
            self.status.emit(
                self.tr(
                    "The case was closed or removed meanwhile, so the plan can no longer change. "
                    "Your changes are kept in a local copy."
                ),
                True,
            )
            return
        more = self.tr(
            "Your changes are kept here and in a local copy, not saved. Continue them in a new draft?"
        )
        self.status.emit(why + " " + more, True)

    @property
    def can_carry_over(self) -> bool:
        return self.state == SyncState.GONE and self.gone_because in (SaveResult.APPROVED, SaveResult.REMOVED)

    def resolve_now(self) -> None:
        """Choose after "decide later" (the plan is read again: both sides may have changed),
        or carry the edits over into a new draft after the draft went away."""
        if self.can_carry_over:
            self.gone_because = None
            self._send(carry_over=True)
        elif self.state == SyncState.CONFLICT:
            self._send()

    def _save_failed(self, exc: Exception, opened: int) -> None:
        if opened != self._opened:
            return
        self.keep_locally()
        if isinstance(exc, ValidationError):
            self._enter(SyncState.DIRTY)
            self.status.emit(self.tr("Not saved: %1").replace("%1", self._describe(exc.problems)), True)
        elif isinstance(exc, SQLAlchemyError | ConcurrentEditError):
            log.warning("Saving a plan failed: %s", type(exc).__name__)
            self._enter(SyncState.OFFLINE)
            self.status.emit(
                self.tr(
                    "Not saved: the database did not answer. Your changes are kept here and in a "
                    "local copy; saving is tried again soon."
                ),
                True,
            )
            self.retry.start()
            if isinstance(exc, SQLAlchemyError):
                self.store_failed.emit()
        else:
            raise exc

    # -- the store's reachability ------------------------------------------------------------
    def set_reachable(self, reachable: bool) -> None:
        self.reachable = reachable
        if self.case_id is None or not self.editable:
            return
        if not reachable:
            if self.state in (SyncState.CLEAN, SyncState.DIRTY, SyncState.SAVING, SyncState.OFFLINE):
                if self.unsaved:
                    self.keep_locally()
                if self.state != SyncState.SAVING:  # a save on the lane ends by itself
                    self._enter(SyncState.OFFLINE)
                self._show_offline()
            return
        if self.state != SyncState.OFFLINE:
            return
        if self.unsaved:
            self.status.emit(self.tr("The database answers again: saving…"), False)
            self._send()
        else:
            self._enter(SyncState.CLEAN)
            self.status.emit("", False)
            self.back_online.emit()  # what others saved while we could not hear it

    def _show_offline(self) -> None:
        if self.unsaved:
            text = self.tr(
                "The database cannot be reached. Your changes are kept here and in a local copy, "
                "and saved as soon as it answers again."
            )
        else:
            text = self.tr("The database cannot be reached. What you write is saved when it answers again.")
        self.status.emit(text, True)

    # -- the local draft -------------------------------------------------------------------
    def keep_locally(self) -> bool:
        """Write what is on screen to the local draft (atomically); False if that failed."""
        if self.case_id is None or not self.editable:
            return False
        local = LocalDraft(
            case_id=self.case_id,
            plan_version_id=self.stamp.draft_id,
            row_version=self.stamp.row_version,
            base=self.base,
            draft=self._read(),
            written_at=now_utc(),
        )
        try:
            self.local_drafts.write(local)
        except OSError as exc:
            log.warning("The local plan draft could not be written: %s", type(exc).__name__)
            return False
        self.kept_locally.emit()
        return True

    def _remove_local_draft(self) -> None:
        assert self.case_id is not None
        try:
            self.local_drafts.remove(self.case_id)
        except OSError as exc:
            log.warning("The local plan draft could not be removed: %s", type(exc).__name__)

    # -- waiting for the store (before approving, printing, scoring or leaving) --------------
    def flush(self, deliver: Callable[[], None]) -> bool:
        """Save now and wait; True when the store has everything on screen. ``deliver``
        waits for the lane and delivers its results (the page's event loop)."""
        self.autosave.stop()
        if self.case_id is None or not self.editable:
            return True
        if self.unsaved and self.state != SyncState.SAVING:
            self.save_now()
        if self.state == SyncState.OFFLINE and not self.reachable:
            return not self.unsaved
        deliver()
        done = not self.unsaved and self.state == SyncState.CLEAN
        if not done and self.unsaved:
            self.keep_locally()  # leaving (or closing) with edits the store does not have yet
        return done

    @property
    def busy(self) -> bool:
        """Whether a re-read must not replace the screen (edits or a decision pending)."""
        return self.unsaved or self.state != SyncState.CLEAN

    def _enter(self, state: SyncState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
