""" "Min dag": the start page."""
