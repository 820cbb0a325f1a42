"""db layer."""

# Case records share Base.metadata; importing them here keeps the metadata complete
# for Alembic and the schema test whichever module is imported first.
from evidence_desk.db import models_case, models_messages, models_signers  # noqa: F401
