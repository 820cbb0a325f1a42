"""What the full-text index knows of each item, and how typed words become a query.

One row per item, rowid = item id: the title, and a body made of every text a
researcher may remember — description, notes, tags, original names and
paths, provenance, device and the text values of the extracted metadata.
The ``unicode61`` tokenizer folds case for Cyrillic as well as Latin, so
"Алматы" finds "алматы". Storing and matching is ``db.queries.search``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.db import dialect
from evidence_desk.db.models import Item
from evidence_desk.db.queries import search
from evidence_desk.services.case.translit import has_cyrillic, latin_words, to_latin

MAX_METADATA_TEXT = 20_000


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if len(value) < 500:
            yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def document(item: Item) -> str:
    parts: list[str] = [item.description, item.notes, item.exhibit, item.kind]
    parts += [t.name for t in item.tags]
    for src in item.sources:
        parts += [
            src.original_name,
            src.original_path,
            src.received_from,
            src.method,
            src.collector,
            src.notes,
        ]
    parts += [item.device_make or "", item.device_model or ""]
    try:
        meta_text = " ".join(_strings(json.loads(item.metadata_json)))
    except ValueError:
        meta_text = ""
    parts.append(meta_text[:MAX_METADATA_TEXT])
    text = "\n".join(p for p in parts if p)
    # Latin spellings of Cyrillic words, so "Zhanaozen" finds "Жаңаөзен".
    latin = latin_words(f"{item.title}\n{text}")
    return f"{text}\n{latin}" if latin else text


def reindex(session: Session, item: Item, *, new: bool = False) -> None:
    search.put_item_document(session, item.id, item.title, document(item), new=new)


def fts_query(user_text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word, as a prefix.

    A Cyrillic word also matches its Latin spelling ("Алматы" finds "Almaty");
    the reverse comes from the Latin forms indexed with every document.
    """
    terms = []
    for word in user_text.split():
        word = word.replace('"', "")
        if not word:
            continue
        if has_cyrillic(word) and (latin := to_latin(word)) and latin != word:
            terms.append(dialect.fts_any([dialect.fts_prefix(word), dialect.fts_prefix(latin)]))
        else:
            terms.append(dialect.fts_prefix(word))
    # Explicit AND: FTS5 refuses an implicit AND next to a parenthesised group, so
    # "Волонтёр 7" (a Cyrillic word, then another) was a syntax error.
    return " AND ".join(terms)
