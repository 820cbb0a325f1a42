"""Packaging that pyproject.toml cannot express: ``resources/`` at the top of the
repository is installed as the package ``evidence_desk.resources``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["evidence_desk*"]), "evidence_desk.resources"],
    package_dir={"evidence_desk.resources": "resources"},
)
