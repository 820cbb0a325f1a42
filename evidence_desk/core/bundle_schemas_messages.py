"""Schema of a bundle's chat-message records (``data/metadata/messages.json``).

Registered by member name in :data:`core.bundle_schemas.REGISTRY`. Messages
refer to items by UUID (the sender's exhibit numbers mean nothing to the
recipient) and to their chat by a reference local to the file (``C1``…), so
a redacted bundle can withhold a private chat's id and name.
"""

from __future__ import annotations

from typing import Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core.bundle_schema_parts import (
    FREE_OBJECT,
    LONG_TEXT,
    SHORT,
    TEXT,
    array,
    document,
    integer,
    number,
    record,
    string,
    uuid,
    when,
)

MESSAGES_FORMAT = "evidence-desk/bundle-messages/1"
MESSAGES_JSON = f"{L.METADATA_DIR}/messages.json"
CHAT_REF = string(12, pattern=r"^C[0-9]{1,10}$")

CHAT = record(
    {
        "ref": CHAT_REF,
        "platform": string(16, pattern=r"^[a-z]{1,16}$"),
        "name": string(SHORT * 4, null=True),
        "chat_type": string(40, null=True),
        "chat_id": string(SHORT * 4, null=True),
        "chat_id_source": string(SHORT),
        "pseudonymised": {"type": "boolean"},
    },
    ("ref", "platform", "chat_id_source"),
)

MESSAGE = record(
    {
        "chat": CHAT_REF,
        "message_id": string(SHORT),
        "message_id_source": string(SHORT),
        "kind": {"enum": ["message", "service"]},
        "author": string(SHORT * 4, null=True),
        "author_id": string(SHORT, null=True),
        "sent_at": when(),
        "sent_at_source": string(40, null=True),
        "sent_at_offset_source": string(SHORT, null=True),
        "edited_at": when(),
        "forwarded_from": string(SHORT * 4, null=True),
        "reply_to": string(SHORT, null=True),
        "text": string(LONG_TEXT),
        "links": array(string(TEXT), 10_000),
        "service": {**FREE_OBJECT, "type": ["object", "null"]},
        "location": record(
            {
                "latitude": number(-90, 90),
                "longitude": number(-180, 180),
                "place_name": string(TEXT, null=True),
                "address": string(TEXT, null=True),
                "live": {"type": ["boolean", "null"]},
            },
            ("latitude", "longitude"),
            null=True,
        ),
        "media": array(
            record(
                {
                    "id": uuid(),
                    "position": integer(0, 1_000_000),
                    "media_kind": string(24),
                    "export_path": string(4096, null=True),
                },
                ("id",),
            ),
            10_000,
        ),
        "media_missing": array(
            record({"kind": string(64, null=True), "reason": string(TEXT, null=True)}), 10_000
        ),
        "export": uuid(null=True),
        "export_where": string(SHORT),
        "incidents": array(uuid(), 10_000),
    },
    ("chat", "message_id", "kind", "text", "media", "export_where"),
)

MESSAGES: dict[str, Any] = document(
    {
        "format": {"const": MESSAGES_FORMAT},
        "profile": {"enum": list(L.PROFILES)},
        "chats": array(CHAT, 1_000_000),
        "messages": array(MESSAGE, 10_000_000),
    },
    ("format", "profile", "chats", "messages"),
)

MESSAGE_FILES: dict[str, dict[str, Any]] = {MESSAGES_JSON: MESSAGES}
