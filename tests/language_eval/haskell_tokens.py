"""Just enough of a Haskell lexer to read Duckling's corpus files as data, not as text.

Regular expressions over the raw source would miss string escapes (``\\"``, ``\\233``,
``\\x…``, string gaps), comments between a block's head and its list, and blocks laid out over
several lines; tokens make every block shape look the same to ``duckling_examples``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["string", "number", "name", "symbol", "char"]


@dataclass(frozen=True, slots=True)
class Token:
    """One lexeme: its kind, its value (a string's decoded text), where it starts (1-based)."""

    kind: Kind
    value: str
    line: int
    column: int


class LexError(ValueError):
    """The source holds something this lexer does not read (an unterminated string…)."""


_SIMPLE_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    "\\": "\\", '"': '"', "'": "'",
}  # fmt: skip
_ASCII_NAMES = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
    "ESC", "FS", "GS", "RS", "US",
]  # fmt: skip
_ASCII_CODES = {name: chr(code) for code, name in enumerate(_ASCII_NAMES)} | {
    "SP": " ",
    "DEL": "\x7f",
}
_ASCII_ESCAPE = re.compile("|".join(sorted(_ASCII_CODES, key=len, reverse=True)))
_NUMERIC_ESCAPE = re.compile(r"(\d+)|x([0-9a-fA-F]+)|o([0-7]+)")
_SYMBOLS = "!#$%&*+./<=>?@\\^|-~:"
_KINDS: dict[str, Kind] = {
    "number": "number", "name": "name", "char": "char", "special": "symbol", "symbol": "symbol"
}  # fmt: skip
_LEXEME = re.compile(
    r"(?P<space>\s+)|(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_']*)"
    r"|(?P<char>'(?:\\[^']+|[^'\\])')|(?P<special>[()\[\],;`{}])"
    f"|(?P<symbol>[{re.escape(_SYMBOLS)}]+)"
)


def _escape(source: str, at: int) -> tuple[str, int]:
    """The character of the escape after the backslash at ``source[at - 1]``, and where it ends."""
    head = source[at : at + 1]
    if head in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[head], at + 1
    if head == "&":  # the empty escape, a separator ("\SO\&H")
        return "", at + 1
    if head == "^" and at + 1 < len(source):  # control: \^A is chr(1)
        return chr(ord(source[at + 1]) - 64), at + 2
    if head.isspace():  # a string gap: backslash, white space, backslash
        close = source.index("\\", at)
        return "", close + 1
    numeric = _NUMERIC_ESCAPE.match(source, at)
    if numeric:
        decimal, hexadecimal, octal = numeric.groups()
        code = int(decimal) if decimal else int(hexadecimal, 16) if hexadecimal else int(octal, 8)
        return chr(code), numeric.end()
    named = _ASCII_ESCAPE.match(source, at)
    if named:
        return _ASCII_CODES[named.group()], named.end()
    raise LexError(f"unknown string escape \\{head} at offset {at}")


def read_string(source: str, start: int) -> tuple[str, int]:
    """The decoded text of the string literal opening at ``source[start]``, and its end."""
    parts: list[str] = []
    at = start + 1
    while at < len(source):
        found = source[at]
        if found == '"':
            return "".join(parts), at + 1
        if found == "\n":
            break
        if found == "\\":
            decoded, at = _escape(source, at + 1)
            parts.append(decoded)
            continue
        parts.append(found)
        at += 1
    raise LexError(f"unterminated string at offset {start}")


def _comment_end(source: str, at: int) -> int | None:
    """Where the comment at ``source[at]`` ends, or None if no comment starts there."""
    dashes = re.compile(r"--+").match(source, at)
    if dashes and (dashes.end() == len(source) or source[dashes.end()] not in _SYMBOLS):
        newline = source.find("\n", at)
        return len(source) if newline < 0 else newline
    if not source.startswith("{-", at):
        return None
    depth, scan = 0, at
    while scan < len(source):  # block comments nest
        if source.startswith("{-", scan):
            depth, scan = depth + 1, scan + 2
        elif source.startswith("-}", scan):
            depth, scan = depth - 1, scan + 2
            if depth == 0:
                return scan
        else:
            scan += 1
    raise LexError(f"unterminated block comment at offset {at}")


def _lexeme(source: str, at: int) -> tuple[Kind | None, str, int]:
    """The lexeme at ``source[at]``: its kind (None for white space and comments), value, end."""
    comment_end = _comment_end(source, at)
    if comment_end is not None:
        return None, "", comment_end
    if source[at] == '"':
        value, end = read_string(source, at)
        return "string", value, end
    lexeme = _LEXEME.match(source, at)
    if lexeme is None:
        raise LexError(f"unexpected {source[at]!r} at offset {at}")
    kind = lexeme.lastgroup
    if kind == "space":
        return None, "", lexeme.end()
    return _KINDS[kind or ""], lexeme.group(), lexeme.end()


def tokenize(source: str) -> Iterator[Token]:
    """The tokens of ``source``, comments and white space left out."""
    at, line, line_start = 0, 1, 0
    while at < len(source):
        kind, value, end = _lexeme(source, at)
        if kind is not None:
            yield Token(kind, value, line, at - line_start + 1)
        newlines = source.count("\n", at, end)
        if newlines:
            line, line_start = line + newlines, source.rindex("\n", at, end) + 1
        at = end
