"""The start page, "Min dag"."""
