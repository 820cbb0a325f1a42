"""Latin spellings of Cyrillic words, so one search finds every spelling of a name.

Kazakh and Russian names reach the archive in Cyrillic and in several
Latin transliterations (Жаңаөзен, Жанаозен, Zhanaozen). We fold both
alphabets to one simple Latin scheme: Kazakh letters map to their nearest
Latin letter (ң → n, ө → o, қ → k), Russian letters follow the common
passport-like spelling (ж → zh, х → kh, ы → y). The full-text index stores
the folded form beside the original and queries are folded the same way,
so "Zhanaozen" finds "Жаңаөзен" and "Жанаозен" finds "Zhanaozen".
"""

from __future__ import annotations

import re
import unicodedata

_MAP = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ї": "i",
    "є": "e",
    "ў": "u",
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+", re.UNICODE)


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def to_latin(text: str) -> str:
    """Fold Cyrillic letters of ``text`` to Latin, lower-cased; other letters stay."""
    return "".join(_MAP.get(ch, ch) for ch in text.casefold())


def fold(text: str) -> str:
    """A comparison key: Latin, lower case, no diacritics, single spaces.

    Used to match a typed name against name variants ("almaty" = "Алматы",
    "Jañaözen" = "Janaozen").
    """
    decomposed = unicodedata.normalize("NFKD", to_latin(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


def latin_words(text: str) -> str:
    """The Latin forms of the distinct Cyrillic words of ``text``, for indexing."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        if has_cyrillic(word):
            seen.setdefault(to_latin(word), None)
    return " ".join(seen)
