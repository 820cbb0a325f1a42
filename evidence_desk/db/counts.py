"""Catalogue counts kept by the database itself, for the sidebar and the search order.

At a million items, counting items by kind and sensitivity and tag uses by
tag walks two million index entries (250-330 ms on a loaded machine) every
time the sidebar refreshes. Triggers keep the counts in two small tables
instead, so they stay right whatever writes: ingest, bundle import,
testimonies, removal and restoring, tag and sensitivity edits, a rolled-back
transaction (its trigger writes roll back with it), or a hand-written
``UPDATE``.

- ``item_counts``: items per (removed, kind, sensitivity).
- ``tag_counts``: ``item_tags`` rows per tag, over all items; the removed
  items' (usually few) tags are subtracted when read.
- ``counters`` row ``id_order_breaks``: how many writes gave an item an id
  out of exhibit order (or deleted an item). While it is 0, item ids follow
  exhibit numbers, so the search index's rowid order (= item id) is the
  catalogue's default order and a search needs no sort. Every path that
  creates items takes the next id and the next exhibit number in the same
  transaction, so it stays 0 unless the database was edited by hand.

Migration 0011 creates the tables and triggers from ``TRIGGERS`` and fills
them with ``FILL``.
"""

from __future__ import annotations

ORDER_BREAKS = "id_order_breaks"

_ITEM_PLUS = (
    "INSERT INTO item_counts (removed, kind, sensitivity, n) "
    "VALUES (NEW.removed_at IS NOT NULL, NEW.kind, NEW.sensitivity, 1) "
    "ON CONFLICT (removed, kind, sensitivity) DO UPDATE SET n = n + 1;"
)
_ITEM_MINUS = (
    "UPDATE item_counts SET n = n - 1 WHERE removed = (OLD.removed_at IS NOT NULL) "
    "AND kind = OLD.kind AND sensitivity = OLD.sensitivity;"
)
_BREAK = f"UPDATE counters SET value = value + 1 WHERE name = '{ORDER_BREAKS}';"

TRIGGERS: dict[str, str] = {
    "item_counts_insert": (
        f"CREATE TRIGGER item_counts_insert AFTER INSERT ON items BEGIN {_ITEM_PLUS} END"
    ),
    "item_counts_delete": (
        f"CREATE TRIGGER item_counts_delete AFTER DELETE ON items BEGIN {_ITEM_MINUS} "
        f"{_BREAK} END"
    ),
    "item_counts_update": (
        "CREATE TRIGGER item_counts_update AFTER UPDATE OF kind, sensitivity, removed_at "
        "ON items WHEN OLD.kind IS NOT NEW.kind OR OLD.sensitivity IS NOT NEW.sensitivity "
        "OR (OLD.removed_at IS NULL) IS NOT (NEW.removed_at IS NULL) "
        f"BEGIN {_ITEM_MINUS} {_ITEM_PLUS} END"
    ),
    "tag_counts_insert": (
        "CREATE TRIGGER tag_counts_insert AFTER INSERT ON item_tags BEGIN "
        "INSERT INTO tag_counts (tag_id, n) VALUES (NEW.tag_id, 1) "
        "ON CONFLICT (tag_id) DO UPDATE SET n = n + 1; END"
    ),
    "tag_counts_delete": (
        "CREATE TRIGGER tag_counts_delete AFTER DELETE ON item_tags BEGIN "
        "UPDATE tag_counts SET n = n - 1 WHERE tag_id = OLD.tag_id; END"
    ),
    "tag_counts_update": (
        "CREATE TRIGGER tag_counts_update AFTER UPDATE OF tag_id ON item_tags "
        "WHEN OLD.tag_id IS NOT NEW.tag_id BEGIN "
        "UPDATE tag_counts SET n = n - 1 WHERE tag_id = OLD.tag_id; "
        "INSERT INTO tag_counts (tag_id, n) VALUES (NEW.tag_id, 1) "
        "ON CONFLICT (tag_id) DO UPDATE SET n = n + 1; END"
    ),
    # A new item whose id or exhibit number is below an existing one's, or any change of
    # either, may put ids out of exhibit order (conservative: counted, never checked).
    "items_order_insert": (
        "CREATE TRIGGER items_order_insert AFTER INSERT ON items "
        "WHEN NEW.id < (SELECT max(id) FROM items) "
        f"OR NEW.exhibit_no < (SELECT max(exhibit_no) FROM items) BEGIN {_BREAK} END"
    ),
    "items_order_update": (
        "CREATE TRIGGER items_order_update AFTER UPDATE OF id, exhibit_no ON items "
        f"WHEN OLD.id IS NOT NEW.id OR OLD.exhibit_no IS NOT NEW.exhibit_no BEGIN {_BREAK} END"
    ),
}

# The counts from the rows themselves: fills the tables (migration 0011), and is what the
# maintained counts must always equal (tests).
ITEM_COUNTS_SQL = (
    "SELECT removed_at IS NOT NULL, kind, sensitivity, count(*) FROM items "
    "GROUP BY removed_at IS NOT NULL, kind, sensitivity"
)
TAG_COUNTS_SQL = "SELECT tag_id, count(*) FROM item_tags GROUP BY tag_id"
# Rows where the next item by id has a lower exhibit number: 0 when ids follow exhibits.
ORDER_BREAKS_SQL = (
    "SELECT count(*) FROM (SELECT exhibit_no, lag(exhibit_no) OVER (ORDER BY id) AS prev "
    "FROM items) WHERE prev > exhibit_no"
)
FILL = (
    f"INSERT INTO item_counts (removed, kind, sensitivity, n) {ITEM_COUNTS_SQL}",
    f"INSERT INTO tag_counts (tag_id, n) {TAG_COUNTS_SQL}",
    f"INSERT INTO counters (name, value) VALUES ('{ORDER_BREAKS}', ({ORDER_BREAKS_SQL}))",
)
