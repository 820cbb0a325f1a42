"""SQL of the archive database, by subject."""
