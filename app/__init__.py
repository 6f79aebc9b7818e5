"""Koordinator: one common plan for families and citizens across sectors."""

import os

__version__ = "0.1.0"

# PySide 6.11 makes its classes when first used; making one while an application-wide event
# filter sees a widget being made crashed the process now and then (app/ui/common/qt_types.py).
# Read when PySide6 is first imported: the program's package is imported before it.
os.environ.setdefault("PYSIDE6_OPTION_LAZY", "0")
