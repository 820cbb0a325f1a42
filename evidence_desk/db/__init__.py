"""db layer.

Importing the package loads nothing: quick read-only commands use
``revision`` without the ORM. ``models`` imports ``models_case``,
``models_messages`` and ``models_signers`` so the metadata is complete for
Alembic and the schema test.
"""
