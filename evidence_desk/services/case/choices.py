"""Fixed choices of case records that the command line offers before any archive is open.

They live apart from their services so that building the parser (``--help``)
does not load the database layer.
"""

from __future__ import annotations

VERIFICATION = ("unverified", "partly_verified", "verified")
PERSON_KINDS = ("individual", "unit")
TESTIMONY_TEXT_FIELDS = ("statement", "translation")
