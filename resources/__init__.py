"""Data shipped with Evidence Desk: translations and default vocabularies.

This folder sits at the top of the repository and is installed as the package
``evidence_desk.resources`` (see setup.py); ``evidence_desk.core.resources``
finds it.
"""
