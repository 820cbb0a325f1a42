"""``messages list|show`` and the chat-export part of ``ingest``.

``ingest`` sends every path that holds a Telegram or WhatsApp export here
(``--timezone`` states the zone of WhatsApp's offset-less times); the other
paths go through the ordinary ingest.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from evidence_desk.cli.common import Command, add_command, lazy, print_json
from evidence_desk.services.archive.errors import EvidenceDeskError

if TYPE_CHECKING:
    from evidence_desk.core.messengers import StatedZone
    from evidence_desk.services.archive.archive import Archive
    from evidence_desk.services.catalogue.messages import MessageRecord
    from evidence_desk.services.intake.ingest import FileResult
    from evidence_desk.services.intake.messengers import ExportImportReport

# Loaded when a command runs, never to build the parser (tests/cli/test_cli_imports.py).
messengers = lazy("evidence_desk.core.messengers")
messages = lazy("evidence_desk.services.catalogue.messages")
messenger_importer = lazy("evidence_desk.services.intake.messenger_importer")

MAX_PROBLEM_LINES = 40


def add_ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--timezone",
        default=None,
        metavar="TZ",
        help="zone of chat times without an offset (WhatsApp): Asia/Almaty, +06:00 …",
    )
    p.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        default=None,
        help="WhatsApp date order, used only when the file itself cannot tell",
    )


def stated_zone(text: str | None) -> StatedZone | None:
    if text is None:
        return None
    try:
        return messengers.parse_zone(text)
    except ValueError as exc:
        raise EvidenceDeskError(f"--timezone: {exc}") from None


def options_for(importer: str, zone: StatedZone | None, date_order: str | None) -> dict[str, Any]:
    """The ingest command's options that an importer takes."""
    if importer == messenger_importer.MessengerExports.name:
        return {"zone": zone, "date_order": date_order}
    return {}


def exports_of(outcome: object) -> tuple[list[ExportImportReport | str], list[FileResult]]:
    """An export batch's reports, and the files of folders ingested instead."""
    if not isinstance(outcome, messenger_importer.ExportBatch):
        return [], []
    return list(outcome.exports), list(outcome.fallback)


def export_json(done: ExportImportReport | str) -> dict[str, Any]:
    if isinstance(done, str):
        return {"error": done}
    return {
        "path": done.path,
        "format": done.fmt,
        "batch": done.batch_uuid,
        "export_items": [r.exhibit for r in done.originals],
        "chats": [c.__dict__ for c in done.chats],
        "messages_new": done.messages_new,
        "messages_already_recorded": done.messages_known,
        "media": [r.__dict__ for r in done.media],
        "media_linked": done.media_linked,
        "messages_with_missing_media": done.media_missing,
        "item_times_from_messages": done.times_set,
        "notes": done.notes,
        "problems": done.problems,
        "cancelled": done.cancelled,
    }


def print_exports(done: list[ExportImportReport | str]) -> None:
    for d in done:
        if isinstance(d, str):
            print(f"{'FAILED':9} {'-':10} {d}")
            continue
        exhibit = d.originals[0].exhibit if d.originals else "-"
        print(
            f"{'export':9} {exhibit or '-':10} {d.path} ({d.fmt}): {d.messages_new} new messages, "
            f"{d.messages_known} already recorded, {len(d.chats)} chats"
        )
        media_new = sum(r.status == "new" for r in d.media)
        print(
            f"          {len(d.media)} attached files ({media_new} new), {d.media_linked} links, "
            f"{d.media_missing} messages with files the export left out"
        )
        for note in d.notes:
            print(f"          · {note}")
        for problem in d.problems[:MAX_PROBLEM_LINES]:
            print(f"          ! {problem}")
        if len(d.problems) > MAX_PROBLEM_LINES:
            print(f"          ! … {len(d.problems) - MAX_PROBLEM_LINES} more (see --json)")
        for r in d.media:
            if r.status == "failed":
                print(f"{'FAILED':9} {'-':10} {r.path}: {'; '.join(r.messages)}")


def exports_ok(done: list[ExportImportReport | str]) -> bool:
    return all(not isinstance(d, str) and d.ok for d in done)


def register(sub: Any) -> dict[str, Command]:
    p = add_command(sub, "messages", "chat messages recorded from Telegram and WhatsApp exports")
    actions = p.add_subparsers(dest="action", required=True)
    q = add_command(actions, "list", "list messages by chat and time")
    q.add_argument("--chat", default=None, help="chat name or id")
    q.add_argument("--author", default=None)
    q.add_argument("--search", default=None, metavar="TEXT", help="full-text search")
    q.add_argument("--limit", type=int, default=None)
    q.add_argument("--json", action="store_true")
    q = add_command(actions, "show", "show one message (record id, or --chat and message id)")
    q.add_argument("ref", metavar="ID")
    q.add_argument("--chat", default=None, help="chat name or id; ID is then the message id")
    q.add_argument("--json", action="store_true")
    return {"messages": Command(cmd_messages)}


def cmd_messages(args: argparse.Namespace, archive: Archive) -> int:
    if args.action == "list":
        found = messages.list_messages(
            archive, chat=args.chat, author=args.author, search=args.search, limit=args.limit
        )
        if args.json:
            print_json([r.as_json() for r in found])
            return 0
        for r in found:
            print(_line(r))
        print(f"{len(found)} messages")
        return 0
    record = messages.get_message(archive, args.ref, args.chat)
    if args.json:
        print_json(record.as_json())
        return 0
    _show(record)
    return 0


def _line(r: MessageRecord) -> str:
    text = r.text.replace("\n", " ⏎ ")
    if r.service:
        text = f"[{r.service.get('action')}] {r.service.get('text') or ''}".strip()
    extra = ""
    if r.media:
        extra += f" [{', '.join(r.media)}]"
    if r.media_missing:
        extra += f" [{len(r.media_missing)} missing]"
    when = r.sent_at or "-"
    return f"{r.id:>7} {r.chat or r.chat_id}  {when:25} {r.author or '-'}: {text[:120]}{extra}"


def _show(r: MessageRecord) -> None:
    print(f"message {r.message_id} in {r.platform} chat «{r.chat or r.chat_id}» (record {r.id})")
    fields = [
        ("author", f"{r.author or '-'}" + (f" ({r.author_id})" if r.author_id else "")),
        ("sent at", f"{r.sent_at or '-'}  ({r.sent_at_source}; {r.sent_at_offset_source})"),
        ("edited at", r.edited_at or "-"),
        ("forwarded", r.forwarded_from if r.forwarded_from is not None else "-"),
        ("reply to", r.reply_to or "-"),
        ("media", ", ".join(r.media) or "-"),
        ("missing", "; ".join(f"{m['kind']}: {m['reason']}" for m in r.media_missing) or "-"),
        ("location", f"{r.location['latitude']}, {r.location['longitude']}" if r.location else "-"),
        ("export", f"{r.export}, {r.export_where}"),
    ]
    if r.service:
        fields.append(("service", str(r.service)))
    for label, value in fields:
        print(f"  {label:10} {value}")
    if r.links:
        print(f"  {'links':10} {' '.join(r.links)}")
    print()
    print(r.text)
