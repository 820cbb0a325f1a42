"""Where the shipped data files (translations, default vocabularies) are.

They live in ``resources/`` at the top of the repository, beside
``evidence_desk/``, and are installed as the package ``evidence_desk.resources``
(a setuptools package-dir mapping, see setup.py), so an installed copy — wheel
or editable — finds them through ``importlib.resources``. A source checkout run
in place (``python -m evidence_desk.cli.main`` from its root) uses its own
``resources/`` first, so editing a translation in one checkout never reads
another checkout's files through a shared editable install.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPOSITORY = Path(__file__).resolve().parents[2]


def resource_dir(name: str) -> Path:
    """The folder ``name`` (``"translations"``, ``"vocabularies"``) of the shipped resources."""
    checkout = _REPOSITORY / "resources"
    if (_REPOSITORY / "pyproject.toml").is_file() and (checkout / "__init__.py").is_file():
        return checkout / name
    return Path(str(resources.files("evidence_desk.resources") / name))
