"""Engine, sessions, repositories, migrations and backups of the local database."""
