"""Chat-message records in bundles: which messages go, and how the redacted profile shows them.

A bundle carries the messages linked to its items (the messages that carried
an exported file, and the messages of an exported chat file), as
``data/metadata/messages.json`` (schema: ``core/bundle_schemas_messages.py``).

The redacted profile publishes the provenance, not the people:

- the raw chat files (``result.json``, the HTML pages, the chat ``.txt``, the
  ``.zip``) are never in it: :func:`raw_chat_items` names them so the
  selection leaves them out, with the reason in the report;
- authors, forward origins and the people of service lines (added, removed…)
  become "Participant 1", "Participant 2"… (per bundle), except the authors
  of public channels, who are the channel; a private chat's name becomes
  "Chat 1"…; public channels and public groups keep their names;
- platform user ids, chat ids, shared locations and the export's file paths
  are dropped; phone numbers in any text are removed, and so are the real
  names replaced above wherever the text repeats them;
- WhatsApp message keys (digests of author and text) are replaced by a
  position.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core.bundle_schemas_messages import MESSAGES_FORMAT, MESSAGES_JSON
from evidence_desk.core.capture_time import format_offset
from evidence_desk.db.models_messages import ChatMessage
from evidence_desk.db.queries import bundle_messages as queries
from evidence_desk.db.queries import item_lookup
from evidence_desk.services.archive.archive import Archive

PUBLIC_CHATS = frozenset({"public_channel", "public_supergroup"})
AUTHOR_IS_CHAT = frozenset({"public_channel"})
RAW_CHAT_REASON = "raw chat export file (the redacted profile carries message records instead)"
PHONE_REMOVED = "[phone number removed]"
REPORT_LIMIT = 2_000  # message lines in the report
REDACTION_RULES = (
    "Chat messages: raw chat export files are left out; authors, forward origins and members "
    "of private chats are shown as Participant 1, 2…, private chat names as Chat 1, 2…; "
    "platform user ids, chat ids, shared locations, export file paths and phone numbers "
    "are removed.",
)
_PHONE = re.compile(r"(?<![\w+])\+?\d(?:[\s\-().]{0,2}\d){6,14}(?!\w)")


def raw_chat_items(session: Session, item_ids: list[int]) -> set[int]:
    """Those of ``item_ids`` that are a chat export file some message points into."""
    return queries.export_files_among(session, item_ids)


def bundle_messages(archive: Archive, item_uuids: list[str], profile: str) -> dict[str, Any]:
    """messages.json for the bundle's items (an empty dict when no message is linked)."""
    with archive.db.reader() as session:
        ids = item_lookup.ids_of_uuids(session, item_uuids)
        message_ids = queries.messages_of_items(session, list(ids))
        if not message_ids:
            return {}
        rows = queries.messages_by_ids(session, sorted(message_ids))
        rows.sort(key=lambda r: (r.chat_id, r.sent_sort is None, r.sent_sort, r.id))
        incidents = queries.incidents_of_messages(session, [r.id for r in rows])
        writer = _Writer(profile == "redacted")
        if writer.redacted:
            writer.prepare(rows)
            writer.know_people(
                session, {r.chat_id for r in rows if r.chat.chat_type not in AUTHOR_IS_CHAT}
            )
        messages = [writer.message(r, ids, incidents.get(r.id, [])) for r in rows]
    return {
        "format": MESSAGES_FORMAT,
        "profile": profile,
        "chats": list(writer.chats.values()),
        "messages": messages,
    }


def _iso(local: Any, offset: int | None) -> str | None:
    if local is None:
        return None
    return str(local.isoformat()) + (format_offset(offset) if offset is not None else "")


class _Writer:
    """Builds the records; in the redacted profile, keeps the pseudonyms of this bundle."""

    def __init__(self, redacted: bool) -> None:
        self.redacted = redacted
        self.chats: dict[int, dict[str, Any]] = {}
        self.people: dict[str, str] = {}
        self.private_names: dict[str, str] = {}
        self.position: dict[int, int] = {}
        self._pattern: re.Pattern[str] | None = None
        self._pattern_size = -1
        self._shown: dict[str, str] = {}

    def prepare(self, rows: list[ChatMessage]) -> None:
        """Give every chat and person a pseudonym first, so text before their first
        message is scrubbed too."""
        for row in rows:
            _, private = self.chat(row)
            if private or row.chat.chat_type not in AUTHOR_IS_CHAT:
                self.person(row.author)
            self.person(row.forwarded_from)
            service = json.loads(row.service_json) if row.service_json else {}
            for name in [service.get("actor"), *(service.get("members") or [])]:
                self.person(name)

    def know_people(self, session: Session, chat_ids: set[int]) -> None:
        """Everyone who wrote, forwarded or was named in a service line of these chats,
        also in messages not exported, so the text of those exported never names them."""
        for author, forwarded in queries.people_of_chats(session, chat_ids):
            self.person(author)
            self.person(forwarded)
        for raw in queries.service_lines_of_chats(session, chat_ids):
            service = json.loads(raw or "{}")
            for name in [service.get("actor"), *(service.get("members") or [])]:
                self.person(name if isinstance(name, str) else None)

    def person(self, name: str | None) -> str | None:
        if not name:
            return name
        if name not in self.people:
            self.people[name] = f"Participant {len(self.people) + 1}"
        return self.people[name]

    def scrub(self, text: str | None) -> str | None:
        """Phone numbers and the replaced real names out of free text."""
        if not text:
            return text
        names = self._names_pattern()
        if names is not None:
            text = names.sub(
                lambda m: self._shown.get(m.group(0).casefold(), "[name removed]"), text
            )
        return _PHONE.sub(PHONE_REMOVED, text)

    def _names_pattern(self) -> re.Pattern[str] | None:
        """One alternation of every replaced name, longest first (rebuilt when names are added):
        a chat of thousands of people is scrubbed in one pass per text, not one per name."""
        size = len(self.people) + len(self.private_names)
        if self._pattern_size != size:
            self._pattern_size = size
            self._shown = {}
            for real, shown in [*self.private_names.items(), *self.people.items()]:
                if len(real) >= 3:
                    self._shown.setdefault(real.casefold(), shown)
            names = sorted(self._shown, key=len, reverse=True)
            self._pattern = (
                re.compile("|".join(map(re.escape, names)), re.IGNORECASE) if names else None
            )
        return self._pattern

    def chat(self, row: ChatMessage) -> tuple[str, bool]:
        """The chat's ref and whether its people are pseudonymised."""
        chat = row.chat
        private = self.redacted and chat.chat_type not in PUBLIC_CHATS
        if chat.id not in self.chats:
            ref = f"C{len(self.chats) + 1}"
            name = chat.name
            if private:
                name = f"Chat {len(self.private_names) + 1}"
                if chat.name:
                    self.private_names[chat.name] = name
            self.chats[chat.id] = {
                "ref": ref,
                "platform": chat.platform,
                "name": name,
                "chat_type": chat.chat_type,
                "chat_id": None if self.redacted else chat.chat_key,
                "chat_id_source": "withheld" if self.redacted else chat.key_source,
                "pseudonymised": private,
            }
        record = self.chats[chat.id]
        return record["ref"], private

    def message(
        self, row: ChatMessage, items: dict[int, str], incidents: list[str]
    ) -> dict[str, Any]:
        ref, private = self.chat(row)
        service = json.loads(row.service_json) if row.service_json else None
        location = None
        if row.location_lat is not None and not self.redacted:
            location = {"latitude": row.location_lat, "longitude": row.location_lon}
            location.update(json.loads(row.location_json or "{}"))
        author, forwarded = row.author, row.forwarded_from
        message_id = row.message_key
        if self.redacted:
            if row.chat.chat_type not in AUTHOR_IS_CHAT or private:
                author = self.person(author)
            forwarded = self.person(forwarded) if forwarded else forwarded
            if service is not None:
                service["actor"] = self.person(service.get("actor"))
                service["members"] = [self.person(m) for m in service.get("members") or []]
            if row.key_source != "export":
                self.position[row.chat_id] = self.position.get(row.chat_id, 0) + 1
                message_id = f"position {self.position[row.chat_id]}"
        text = row.text
        links = json.loads(row.links_json)
        missing = json.loads(row.media_missing_json)
        if self.redacted:
            text = self.scrub(text) or ""
            links = [self.scrub(link) or "" for link in links]
            missing = [{**m, "reason": self.scrub(m.get("reason"))} for m in missing]
            if service is not None:
                for key in ("title", "text"):
                    service[key] = self.scrub(service.get(key))
        return {
            "chat": ref,
            "message_id": message_id,
            "message_id_source": row.key_source
            if not self.redacted
            else "withheld"
            if row.key_source != "export"
            else row.key_source,
            "kind": row.kind,
            "author": author,
            "author_id": None if self.redacted else row.author_id,
            "sent_at": _iso(row.sent_local, row.sent_offset_min),
            "sent_at_source": row.sent_source,
            "sent_at_offset_source": (
                row.sent_offset_source or "export"
                if row.sent_offset_min is not None
                else "offset unknown"
            ),
            "edited_at": _iso(row.edited_local, row.edited_offset_min),
            "forwarded_from": forwarded,
            "reply_to": row.reply_to,
            "text": text,
            "links": links,
            "service": service,
            "location": location,
            "media": [
                {
                    "id": items[m.item_id],
                    "position": m.position,
                    "media_kind": m.media_kind,
                    "export_path": None if self.redacted else m.export_path,
                }
                for m in row.media
                if m.item_id in items
            ],
            "media_missing": missing,
            "export": None if self.redacted else items.get(row.export_item_id),
            "export_where": row.export_where,
            "incidents": incidents,
        }


def report_lines(
    document: dict[str, Any], exhibits: dict[str, str], limit: int = REPORT_LIMIT
) -> list[str]:
    """One line per message for the report: chat, time, author, text and its exhibits.

    At most ``limit`` lines, those that carried a file first (a whole chat file
    can hold 100,000 messages; the PDF is built in memory): the rest are
    counted, and all of them are in messages.json.
    """
    chats = {c["ref"]: c for c in document.get("chats", [])}
    messages = document.get("messages", [])
    shown = sorted(messages, key=lambda m: not m["media"])[:limit]
    lines = []
    for m in shown:
        chat = chats.get(m["chat"], {})
        files = ", ".join(exhibits.get(x["id"], x["id"]) for x in m["media"])
        text = " ".join((m.get("text") or "").split())
        if len(text) > 200:
            text = text[:199] + "…"
        lines.append(
            f"{chat.get('platform', '')} «{chat.get('name') or chat.get('ref')}», "
            f"{m['export_where']}, {m.get('sent_at') or '-'} ({m.get('sent_at_offset_source')}), "
            f"{m.get('author') or '-'}: {text or '-'}" + (f" [{files}]" if files else "")
        )
    if len(messages) > len(shown):
        lines.append(f"{len(messages) - len(shown)} more messages: see {MESSAGES_JSON}")
    return lines
