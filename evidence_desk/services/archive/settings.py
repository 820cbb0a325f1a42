"""User settings shared by the GUI and the CLI (a small JSON file).

The collector's name lives here so that custody events name the same actor
whichever front end records them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from platformdirs import user_config_dir

ENV_CONFIG_DIR = "EVIDENCE_DESK_CONFIG_DIR"


@dataclass
class Settings:
    collector: str = ""
    organisation: str = ""
    # How bundles name who exported them (an organisation or a pseudonym).
    exporter: str = ""
    language: str = ""
    recent_archives: list[str] = field(default_factory=list)
    # Encrypted archives join recent_archives only when the user opts in (Preferences).
    remember_encrypted_archives: bool = False
    last_received_from: str = ""
    last_method: str = ""
    # An unlocked encrypted archive locks itself after this many idle minutes (0: never).
    auto_lock_minutes: int = 10
    # The recipients address book: "name<TAB>age1…" per entry (public keys only).
    recipients: list[str] = field(default_factory=list)


def settings_path() -> Path:
    folder = os.environ.get(ENV_CONFIG_DIR) or user_config_dir("evidence-desk", appauthor=False)
    return Path(folder) / "settings.json"


def load_settings() -> Settings:
    """Read settings; a missing or damaged file gives the defaults."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    kept = {}
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, type(getattr(defaults, f.name))):
            kept[f.name] = value
    return Settings(**kept)


def save_settings(settings: Settings) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
