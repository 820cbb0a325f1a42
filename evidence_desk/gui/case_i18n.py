"""Russian and Kazakh for the case-record interface, in files of their own.

The case strings live in ``case_ru.ts`` / ``case_kk.ts`` beside the main
``evidence_desk_*.ts`` so the two interfaces can be translated without
editing each other's files. Compiling follows ``gui.i18n`` (lrelease at
first run into the cache, keyed by the .ts hash; reading the .ts directly
if lrelease is missing); this translator is installed next to the app's.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from evidence_desk.gui import i18n

_installed: list[QTranslator] = []


def case_ts(language: str) -> Path:
    return i18n.TRANSLATIONS / f"case_{language}.ts"


def compile_case_qm(language: str) -> Path | None:
    source = case_ts(language)
    if not source.is_file():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = i18n.cache_dir()
    target = folder / f"case_{language}-{digest}.qm"
    if target.is_file():
        return target
    command = i18n.lrelease_command()
    if command is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp.qm")
    result = subprocess.run(
        [*command, "-silent", str(source), "-qm", str(tmp)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0 or not tmp.is_file():
        return None
    os.replace(tmp, target)
    return target


def install_case_translator(language: str | None = None) -> str:
    """Install the case translator for ``language`` (default: the user's interface language)."""
    from evidence_desk.services.settings import load_settings

    app = QCoreApplication.instance()
    if app is None:
        return "en"
    language = language or i18n.resolve_language(load_settings().language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return language
    translator: QTranslator | None = None
    qm = compile_case_qm(language)
    if qm is not None:
        translator = QTranslator()
        if not translator.load(str(qm)):
            translator = None
    if translator is None and case_ts(language).is_file():
        translator = i18n.TsTranslator(case_ts(language))
    if translator is not None:
        _installed.append(translator)
        app.installTranslator(translator)
    return language
