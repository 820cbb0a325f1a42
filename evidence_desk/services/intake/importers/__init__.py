"""Every way material enters the archive, behind one interface (``Importer``).

To add an intake source — a messenger export, a cloud takeout, a forensic
image — write a class implementing :class:`~.base.Importer` in the feature's
own module and add its ``"module:Class"`` to ``BUILTIN`` in ``registry.py``
(or call :func:`~.registry.register` at start-up). ``route`` then hands it the
paths it recognises whenever files are ingested from the command line or the
window; everything else still goes to the loose-files importer. Items are
created through ``services.intake.items.create_item`` only, so exhibit
numbers stay one sequence.
"""

from evidence_desk.services.intake.importers.base import Importer, ImportOutcome
from evidence_desk.services.intake.importers.registry import get, importers, register, route

__all__ = ["ImportOutcome", "Importer", "get", "importers", "register", "route"]
