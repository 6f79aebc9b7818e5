"""Koordinator: one common plan for families and citizens across sectors."""

__version__ = "0.1.0"
