"""The team's side of the program (issue 16): changing a case, handing it over, cover while a
caseworker is away, the weighted caseload, the team overview and the candidate families."""
