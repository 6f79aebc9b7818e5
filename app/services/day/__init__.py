""" "Min dag": the caseworker's start page, and when each user last looked at a case."""
