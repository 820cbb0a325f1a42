"""The SQL of the services, by feature; what is SQLite-specific is in ``db.dialect``."""
