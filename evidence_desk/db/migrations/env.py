"""Alembic environment: always run on a connection handed over by db.schema."""

from alembic import context

from evidence_desk.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
