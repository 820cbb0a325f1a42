"""Evidence Desk: an offline archive for evidence of human-rights violations."""

__version__ = "0.1.0"
TOOL_NAME = "Evidence Desk"


def tool_version() -> str:
    """The agent string recorded in custody events and provenance."""
    return f"{TOOL_NAME} {__version__}"
