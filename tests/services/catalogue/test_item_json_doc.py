"""docs/item-json.md stays true: its keys exist and its chain checker works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from evidence_desk.services.catalogue import items
from tests import media
from tests.helpers.ingest import raw_db, run

DOC = Path(__file__).resolve().parents[3] / "docs" / "item-json.md"


def _checker() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    (script,) = [b for b in blocks if b.startswith("# check_custody_chain.py")]
    return script


def _documented_keys(heading: str) -> set[str]:
    section = DOC.read_text(encoding="utf-8").split(heading, 1)[1].split("\n#", 1)[0]
    keys: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            keys.update(re.findall(r"`([a-z_0-9]+)`", line.split("|")[1]))
    return keys


def test_every_item_key_is_documented_and_exists(archive, tmp_path):
    run(archive, media.make_jpeg(tmp_path / "a.jpg"))
    (item,) = items.list_items(archive)
    assert _documented_keys("## Item keys") == set(item)
    assert _documented_keys("### Source (provenance) records") == set(item["sources"][0])


def test_the_documented_chain_checker_agrees_with_verify(archive, tmp_path):
    script = tmp_path / "check_custody_chain.py"
    script.write_text(_checker(), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    media.make_jpeg(folder / "Фото.jpg")
    media.write_bytes(folder / "note.txt", "показания\n".encode())
    run(archive, folder, received_from="Свидетель «Б»\ttab", notes="заметка")
    items.set_tags(archive, ["ED-1"], add=["задержание"])
    db_file = archive.root / "evidence.sqlite"

    command = [sys.executable, str(script), str(db_file)]
    ok = subprocess.run(command, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.strip().endswith("6 events, 0 problems")  # creation, 2 x 2 ingest, tag

    conn = raw_db(archive)
    conn.execute("DROP TRIGGER custody_events_no_update")
    conn.execute("UPDATE custody_events SET actor = 'someone else' WHERE id = 2")
    conn.close()
    bad = subprocess.run(command, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "event #2: content altered" in bad.stdout
