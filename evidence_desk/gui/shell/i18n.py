"""Interface languages: English (source), Russian and Kazakh.

Translations are Qt Linguist ``.ts`` files shipped in the package. At first
run (and whenever a ``.ts`` changes) they are compiled with the
``lrelease`` that ships with PySide6 into a cache folder; if that tool is
missing, the ``.ts`` is read directly, so a broken install still speaks
the user's language.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from evidence_desk.core.resources import resource_dir

TRANSLATIONS = resource_dir("translations")
SUPPORTED = ("en", "ru", "kk")
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}

LOCALES = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ"}

_installed: list[QTranslator] = []
_current: str | None = None


def current() -> str:
    """The language installed last (else the one the settings ask for)."""
    if _current is not None:
        return _current
    from evidence_desk.services.archive.settings import load_settings

    return resolve_language(load_settings().language)


def resolve_language(setting: str) -> str:
    """The language to use: the preference if set, else the system locale, else English."""
    if setting in SUPPORTED:
        return setting
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"evidence_desk_{language}.ts"


def cache_dir() -> Path:
    return Path(user_cache_dir("evidence-desk", appauthor=False)) / "translations"


def lrelease_command() -> list[str] | None:
    exe = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).parent / f"lrelease{exe}"
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return [str(bundled)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def ts_paths(language: str) -> list[Path]:
    """Every translation file of ``language``: the main one and those of later features
    (``case_ru.ts``, ``bundle_ru.ts``…), so each part of the interface keeps its own file."""
    return sorted(TRANSLATIONS.glob(f"*_{language}.ts"))


def compile_qm(language: str, target_dir: Path | None = None) -> Path | None:
    """Compile the main .ts of ``language``; see ``compile_ts``."""
    return compile_ts(ts_path(language), target_dir)


def compile_ts(source: Path, target_dir: Path | None = None) -> Path | None:
    """Compile (once per .ts content) and return the .qm, or None if lrelease is missing."""
    if not source.is_file():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = target_dir or cache_dir()
    target = folder / f"{source.stem}-{digest}.qm"
    if target.is_file():
        return target
    command = lrelease_command()
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


def plural_form(language: str, n: int) -> int:
    """Which numerus form Qt's rules pick for ``n`` (Russian has three, English and Kazakh two)."""
    if language.startswith("ru"):
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    return 0 if n == 1 else 1


class TsTranslator(QTranslator):
    """Reads a .ts file directly: the fallback when lrelease is unavailable."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._messages: dict[tuple[str, str], str] = {}
        self._plurals: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(path).getroot()
        self._language = root.get("language") or ""
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                key = (name, message.findtext("source") or "")
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if forms and all(forms):
                    self._plurals[key] = forms
                elif translation.text and translation.text.strip():
                    self._messages[key] = translation.text

    def isEmpty(self) -> bool:
        return not self._messages and not self._plurals

    def translate(self, context, source_text, disambiguation=None, n=-1):
        forms = self._plurals.get((context, source_text))
        if forms:
            return forms[min(plural_form(self._language, max(n, 0)), len(forms) - 1)]
        return self._messages.get((context, source_text))


def install(language: str) -> str:
    """Install translators for ``language`` on the running application; returns it."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None
    _current = language if language in SUPPORTED else "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Month and day names (timeline, dates) follow the interface language, not the system.
    QLocale.setDefault(QLocale(LOCALES.get(language, "en_GB")))
    if language != "en":  # English is the source, but its plural forms ("1 item") are not
        qt_own = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            _installed.append(qt_own)
    for source in ts_paths(language):
        loaded = _load(source)
        if loaded is not None:
            _installed.append(loaded)
    for translator in _installed:
        app.installTranslator(translator)
    return language


def _load(source: Path) -> QTranslator | None:
    qm = compile_ts(source)
    if qm is not None:
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    fallback = TsTranslator(source)
    return None if fallback.isEmpty() else fallback
