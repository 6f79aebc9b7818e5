"""The team's screens (issue 16): edit a case, hand it over, cover while away, the team overview."""
