"""Qt's Python types loaded before an application-wide event filter is installed.

PySide 6.11 makes its classes when they are first used. An application-wide event filter
written in Python (:mod:`app.ui.common.a11y`, :mod:`app.ui.common.screen_fit`) sees every
widget while it is being made; making a class at that moment crashed the process now and then
(a segmentation fault in shiboken's lazy loading, seen in the tests). ``app/__init__.py``
turns the lazy loading off (``PYSIDE6_OPTION_LAZY=0``) where the program starts; for a
process that imported PySide6 before the program's package (a tool, a benchmark),
:func:`load_all` makes every class of the Qt modules imported so far.
"""

from __future__ import annotations

import sys

_loaded: set[str] = set()


def load_all() -> int:
    """Make every class of the PySide6 modules imported so far (each module once); how many
    names were read."""
    read = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("PySide6.Qt") and module is not None and name not in _loaded:
            for attribute in dir(module):
                getattr(module, attribute, None)
                read += 1
            _loaded.add(name)
    return read
