"""The schema revision this version of Evidence Desk writes.

A module of its own, free of SQLAlchemy, so that quick read-only commands can
check an archive's schema without loading the database layer.
"""

# The newest migration; tests/db/test_schema.py keeps it equal to Alembic's head, and
# tests/db/test_schema_script.py keeps schema_head.sql (new archives) at it: after adding
# a migration, run scripts/dump_schema.py.
SCHEMA_HEAD = "0011"
