"""Table columns sized to what they hold, within the view's width (issue 17: nothing clipped
on a 1366×768 laptop).

:func:`fit_columns` gives each column the width of its header and of the rows in view, up to
a limit; when that is wider than the view, the *flexible* columns (free text such as a name,
a purpose or a comment, whose cells carry their full text as a tooltip and elide) give up
width, the least important first, so the short columns — dates, numbers, a status — are
never cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView
from typing_extensions import override

MAX_WIDTH = 380  # px: no column wider than this from its content alone
MIN_FLEXIBLE = 90  # px: a flexible column keeps at least this (or its header's width)


def _header(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def content_widths(view: QAbstractItemView) -> dict[int, int]:
    """Each shown column's width from its header and the rows in view, uncapped."""
    header = _header(view)
    model = view.model()
    if header is None or model is None:
        return {}
    return {
        column: max(max(view.sizeHintForColumn(column), 0) + 2, header.sectionSizeHint(column))
        for column in range(model.columnCount())
        if not header.isSectionHidden(column)
    }


def natural_widths(view: QAbstractItemView, limit: int = MAX_WIDTH) -> dict[int, int]:
    """Each shown column's width from its header and the rows in view (content at most ``limit``)."""
    header = _header(view)
    full = content_widths(view)
    return {c: max(min(w, limit), header.sectionSizeHint(c)) for c, w in full.items()} if header else {}


def fit_columns(
    view: QAbstractItemView, flexible: Sequence[int] = (), limit: int = MAX_WIDTH, fill: int | None = None
) -> None:
    """Size ``view``'s columns to their content within the view's width; where they do not
    fit, the ``flexible`` columns give up width in the order given, the least important
    first (their cells must carry a tooltip with the full text); where there is room to
    spare, the flexible columns cut at the limit get it back (the most important first), then
    the ``fill`` column (if given) takes the rest."""
    header = _header(view)
    if header is None:
        return
    full = content_widths(view)  # measured once: the capped widths and the spare room come from it
    widths = {c: max(min(w, limit), header.sectionSizeHint(c)) for c, w in full.items()}
    if not widths:
        return
    excess = sum(widths.values()) - view.viewport().width()
    for column in flexible:  # the first gives up width first, down to its floor
        if excess <= 0:
            break
        if column not in widths:
            continue
        spare = widths[column] - max(MIN_FLEXIBLE, header.sectionSizeHint(column))
        taken = min(max(spare, 0), excess)
        widths[column] -= taken
        excess -= taken
    if excess < 0:  # room to spare: first to the cut columns (most important first) …
        for column in reversed(flexible):
            if excess >= 0:
                break
            if column in widths and full.get(column, 0) > widths[column]:
                given = min(full[column] - widths[column], -excess)
                widths[column] += given
                excess += given
        if fill is not None and fill in widths and excess < 0:
            widths[fill] -= excess  # … then the rest
    stretch = header.stretchLastSection()
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setStretchLastSection(stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


class _Refit(QObject):
    """Fits a view's columns again when its viewport changes width."""

    def __init__(self, view: QAbstractItemView, flexible: Sequence[int]) -> None:
        super().__init__(view)
        self.view = view
        self.flexible = tuple(flexible)
        self.limit = MAX_WIDTH
        self.then: Callable[[], None] | None = None
        self.fill: int | None = None
        self._width = -1
        view.viewport().installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self.refit()
        return False

    def refit(self) -> None:
        self._width = self.view.viewport().width()
        fit_columns(self.view, self.flexible, self.limit, self.fill)
        if self.then is not None:
            self.then()


def keep_fitted(
    view: QAbstractItemView,
    flexible: Sequence[int] = (),
    limit: int = MAX_WIDTH,
    then: Callable[[], None] | None = None,
    fill: int | None = None,
) -> None:
    """Fit ``view``'s columns now and whenever it changes width (call again after refilling
    it: the content's widths change); ``then`` runs after each fitting (e.g. to size the
    rows of word-wrapped text to the new widths)."""
    refit = view.findChild(_Refit)
    if refit is None:
        refit = _Refit(view, flexible)
    refit.flexible = tuple(flexible)
    refit.limit = limit
    refit.then = then
    refit.fill = fill
    refit.refit()
