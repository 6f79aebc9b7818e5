"""The caseworker's start page, "Min dag", and when each user last looked at a case."""
