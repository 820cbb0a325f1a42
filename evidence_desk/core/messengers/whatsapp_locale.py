"""The words WhatsApp writes into an exported chat, per phone language.

WhatsApp localises the placeholders ("<Media omitted>"), the attachment
marker ("(file attached)") and its own system lines into the phone's
language. We recognise English, Russian and Kazakh. The Kazakh strings are
WhatsApp's wording as far as we know it; each list is plain data so a
variant met in a real export is one line to add (with a test).
"""

from __future__ import annotations

import re

# Whole-body placeholders for media left out of the export.
MEDIA_OMITTED = {
    # Android
    "<media omitted>": "unknown",
    "<без медиафайлов>": "unknown",
    "<медиафайлсыз>": "unknown",
    "<медиафайл жоқ>": "unknown",
    "<медиафайлдар қосылмаған>": "unknown",
    # iOS, English
    "image omitted": "photo",
    "video omitted": "video_file",
    "audio omitted": "voice_message",
    "sticker omitted": "sticker",
    "gif omitted": "animation",
    "document omitted": "file",
    "contact card omitted": "contact_vcard",
    # iOS, Russian
    "изображение отсутствует": "photo",
    "видео отсутствует": "video_file",
    "аудиофайл отсутствует": "voice_message",
    "аудио отсутствует": "voice_message",
    "стикер отсутствует": "sticker",
    "gif отсутствует": "animation",
    "документ отсутствует": "file",
    # iOS, Kazakh
    "сурет жоқ": "photo",
    "бейне жоқ": "video_file",
    "аудио жоқ": "voice_message",
    "стикер жоқ": "sticker",
    "құжат жоқ": "file",
}

# "IMG-20220105-WA0001.jpg (file attached)" on Android.
FILE_ATTACHED_LABELS = (
    "file attached",
    "файл прикреплен",
    "файл прикреплён",
    "файл тіркелді",
    "файл тіркелген",
)
_ATTACHED_ALT = "|".join(re.escape(x) for x in FILE_ATTACHED_LABELS)
ANDROID_ATTACHED = re.compile(
    rf"^(?P<file>[^\n<>]+?\.[A-Za-z0-9]{{1,6}}) \((?:{_ATTACHED_ALT})\)$", re.I
)
# "<attached: 00000012-PHOTO-2022-01-05-18-30-15.jpg>" on iOS.
IOS_ATTACHED = re.compile(
    r"^<(?:attached|прикреплено|прикреплён файл|тіркелген|тіркелді): (?P<file>[^<>\n]+)>$", re.I
)

# Bodies that mean the message itself is gone.
DELETED = {
    "this message was deleted",
    "you deleted this message",
    "данное сообщение удалено",
    "это сообщение удалено",
    "вы удалили данное сообщение",
    "вы удалили это сообщение",
    "бұл хабар жойылды",
    "сіз бұл хабарды жойдыңыз",
}

EDITED_SUFFIXES = ("<this message was edited>", "<сообщение изменено>", "<хабар өзгертілді>")

_TITLE = r"['\"«“]?(?P<title>.*?)['\"»”]?"

# System lines (no author). Each pattern maps to a service action.
SYSTEM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (action, re.compile(pattern, re.I))
    for action, pattern in (
        ("encryption_notice", r"end-to-end encrypted"),
        ("encryption_notice", r"защищены сквозным шифрованием"),
        ("encryption_notice", r"шифрлау(мен|ымен) қорғалған"),
        ("create_group", r"^(?P<actor>.+?) created (the )?group ['\"«“]?(?P<title>.*?)['\"»”]?$"),
        ("create_group", r"^(?P<actor>.+?) создал\(?а?\)? группу ['\"«“]?(?P<title>.*?)['\"»”]?$"),
        ("create_group", r"^(?P<actor>.+?) ['\"«“]?(?P<title>.*?)['\"»”]? тобын құрды$"),
        ("join_group_by_link", r"^(?P<actor>.+?) joined using this group's invite link$"),
        ("join_group_by_link", r"^(?P<actor>.+?) присоединил(ся|ась|ся\(-ась\)) .*ссылк"),
        ("join_group_by_link", r"^(?P<actor>.+?) .*сілтеме.* қосылды$"),
        ("invite_members", r"^(?P<actor>.+?) added (?P<members>.+)$"),
        ("invite_members", r"^(?P<actor>.+?) добавил\(?а?\)? (?P<members>.+)$"),
        ("invite_members", r"^(?P<actor>.+?) (?P<members>.+?) қосты$"),
        ("remove_members", r"^(?P<actor>.+?) removed (?P<members>.+)$"),
        ("remove_members", r"^(?P<actor>.+?) удалил\(?а?\)? (?P<members>.+)$"),
        ("leave_group", r"^(?P<actor>.+?) left$"),
        ("leave_group", r"^(?P<actor>.+?) вышел(\(-?а\))?$"),
        ("leave_group", r"^(?P<actor>.+?) (топтан )?шықты$"),
        ("edit_group_title", rf"^(?P<actor>.+?) changed the subject (from .+ )?to {_TITLE}$"),
        ("edit_group_title", rf"^(?P<actor>.+?) изменил\(?а?\)? тему .*?{_TITLE}$"),
        ("edit_group_photo", r"^(?P<actor>.+?) changed this group's icon$"),
        ("edit_group_photo", r"^(?P<actor>.+?) изменил\(?а?\)? изображение группы$"),
        ("security_code_changed", r"security code .*changed"),
        ("security_code_changed", r"код безопасности .*изменился"),
        ("security_code_changed", r"қауіпсіздік коды .*өзгерді"),
        ("pin_message", r"^(?P<actor>.+?) pinned a message$"),
        ("pin_message", r"^(?P<actor>.+?) закрепил\(?а?\)? сообщение$"),
    )
)

# Chat names from the names WhatsApp gives the exported file.
CHAT_FILE_NAMES = (
    re.compile(r"^WhatsApp Chat with (?P<name>.+)\.txt$", re.I),
    re.compile(r"^WhatsApp Chat - (?P<name>.+)\.(txt|zip)$", re.I),
    re.compile(r"^Чат WhatsApp с (?P<name>.+)\.txt$", re.I),
    re.compile(r"^WhatsApp чаты: (?P<name>.+)\.txt$", re.I),
    re.compile(r"^(?P<name>.+) WhatsApp чаты\.txt$", re.I),
)

AM = ("am", "a.m.", "a. m.", "дп", "до полудня", "таңертең")
PM = ("pm", "p.m.", "p. m.", "пп", "после полудня", "түстен кейін")


def system_action(text: str) -> tuple[str, dict[str, str]] | None:
    """The service action a system line stands for, with what it names."""
    for action, pattern in SYSTEM_PATTERNS:
        match = pattern.search(text)
        if match:
            return action, {k: v for k, v in match.groupdict().items() if v}
    return None


def chat_name_from_file(name: str) -> str | None:
    for pattern in CHAT_FILE_NAMES:
        match = pattern.match(name)
        if match:
            return match.group("name").strip() or None
    return None
