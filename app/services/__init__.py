"""Use cases in plain Python (no Qt). Each takes a Session: one unit of work."""
