"""Parsing JSON from someone else without trusting it.

Python's ``json`` accepts things a hostile bundle can use against us: NaN and
Infinity (which compare unequal to themselves and break sorting and sums),
numbers like ``1e999`` that become infinity, integers of thousands of digits
(which SQLite cannot store and Python refuses to print), lone surrogates
from ``\\ud800`` escapes (which cannot be encoded as UTF-8 when written to the
database), duplicate keys (two readers may disagree which one counts) and
nesting deep enough to exhaust the C parser's recursion. Here the nesting is
measured on the raw bytes before parsing, and every other oddity is found
after parsing by one iterative walk that names its place as a JSON pointer.
The walk also bounds every string, list and object, so free-form parts (a
photo's extracted metadata) need no recursive schema of their own.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 32
MAX_STRING = 16 * 2**20  # characters: a long testimony fits, a memory bomb does not
MAX_ITEMS = 10_000_000  # entries of one list (the items of a bundle)
MAX_KEYS = 10_000  # keys of one object
INT_MAX = 2**63 - 1
INT_MIN = -(2**63)
_MAX_INT_DIGITS = 20

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class JSONInputError(ValueError):
    """Not acceptable JSON; ``pointer`` names the place (RFC 6901) when known."""

    def __init__(self, message: str, pointer: str = "") -> None:
        super().__init__(message)
        self.pointer = pointer


class _Odd:
    """A value the parser saw but must not pass on; the walk reports where it was."""

    def __init__(self, why: str) -> None:
        self.why = why


def nesting_depth(data: bytes) -> int:
    """Deepest bracket nesting outside strings, without recursion and at C speed.

    Strings are removed first (so brackets inside text do not count), then
    every byte but brackets; the running sum of +1/-1 gives the depth.
    """
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if not brackets:
        return 0
    return max(accumulate(_STEP[b] for b in brackets))


def _parse_int(text: str) -> Any:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INT_DIGITS:
        return _Odd("integer beyond 64 bits")
    value = int(text)
    if not INT_MIN <= value <= INT_MAX:
        return _Odd("integer beyond 64 bits")
    return value


def _parse_float(text: str) -> Any:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return _Odd(f"number {text[:40]} is out of range")
    return value


def _parse_constant(name: str) -> Any:
    return _Odd(f"{name} is not allowed")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            out[key] = _Odd("duplicate key")
        else:
            out[key] = value
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """An RFC 6901 JSON pointer; ``""`` is the whole document.

    Control characters in keys are shown as ``\\xNN``: the pointer is printed on a
    terminal, and a key made of escape sequences must not drive it.
    """
    text = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk(value: Any) -> None:
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _Odd):
            raise JSONInputError(node.why, pointer(path))
        if isinstance(node, str):
            if len(node) > MAX_STRING:
                raise JSONInputError(f"text longer than {MAX_STRING:,} characters", pointer(path))
            if _has_surrogate(node):
                raise JSONInputError("text with an unpaired surrogate", pointer(path))
        elif isinstance(node, dict):
            if len(node) > MAX_KEYS:
                raise JSONInputError(f"more than {MAX_KEYS:,} keys", pointer(path))
            for key, child in node.items():
                if _has_surrogate(key):
                    raise JSONInputError("key with an unpaired surrogate", pointer(path))
                stack.append((child, (*path, key)))
        elif isinstance(node, list):
            if len(node) > MAX_ITEMS:
                raise JSONInputError(f"more than {MAX_ITEMS:,} entries", pointer(path))
            stack.extend((child, (*path, i)) for i, child in enumerate(node))


def loads(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse UTF-8 JSON bytes; JSONInputError says why and where it is not acceptable."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise JSONInputError("starts with a byte-order mark")
    depth = nesting_depth(data)
    if depth > max_depth:
        raise JSONInputError(f"nested {depth} levels deep, more than {max_depth}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JSONInputError(f"not UTF-8 (byte {exc.start})") from None
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
            object_pairs_hook=_pairs,
        )
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:  # belt and braces: depth was checked above
        raise JSONInputError(f"not valid JSON: {str(exc)[:80]}") from None
    _walk(value)
    return value
