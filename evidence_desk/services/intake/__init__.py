"""Bringing files into the archive: walking folders, analysis, ingest."""
