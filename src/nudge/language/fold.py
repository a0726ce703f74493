"""Length-preserving text folding: lower case, no accents, plain apostrophes and spaces.

Every pattern in ``language/`` runs on folded text. Folding never changes the length of
the text, so a match's span in the folded text is also its span in what the user wrote.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u00e6": "a",
    "\u00c6": "a",
    "\u0153": "o",
    "\u0152": "o",
    "\u00df": "s",
}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character folded to one character (unchanged when it cannot be)."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part)).lower()
    if len(base) == 1:
        return base
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each new character once, then remembers it."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_ASCII_SPACES = {code: " " for code in range(128) if chr(code).isspace()} | {ord("`"): "'"}
_TABLE = _FoldTable()


@lru_cache(maxsize=64)  # one message is folded several times (words, scan, task); no more
def fold(text: str) -> str:
    """``text`` lower-cased, accents removed, same length (``"À 8H"`` → ``"a 8h"``)."""
    if text.isascii():
        lowered = text.lower()
        if lowered.isprintable() and "`" not in lowered:  # no space to map but " " itself
            return lowered
        return lowered.translate(_ASCII_SPACES)
    return text.translate(_TABLE)
