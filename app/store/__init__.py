"""Engine and session factory for SQLite and PostgreSQL, migrations, backups."""
