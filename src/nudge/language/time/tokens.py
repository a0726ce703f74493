"""One pass over folded text: words, numbers and symbols, each with its character span.

Folded text (``language.fold``) is lower case without accents and as long as the original,
so a token's span cuts the user's own words. French elisions are tokens of their own
("l'", "d'", "qu'"), so "l'heure" is "l'" + "heure"; a few words keep their apostrophe
("aujourd'hui", "o'clock"). The grammar's terminals come from these tokens and the lexicon.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Literal, NamedTuple

TokenKind = Literal["num", "word", "sym"]

_TOKEN = re.compile(
    r"(\s*)(?:"  # the spaces before a token, skipped in one match rather than tried one by one
    r"(\d+)"
    r"|(aujourd'\s?hui|o'\s?clock|(?:qu|[ldjmtsnc])'|[a-z]+|'s(?![a-z]))"
    r"|(\S))"
)
MAX_TOKENS = 120  # an SMS has a few dozen; this bounds the work on pathological text


class Token(NamedTuple):
    """A word, a run of digits or one symbol, with its ``[start, end)`` characters.

    A named tuple: cheaper to build than a frozen dataclass, and a message has dozens.
    """

    kind: TokenKind
    text: str
    start: int
    end: int


def tokenize(folded: str) -> list[Token]:
    """The tokens of folded text, in order (at most ``MAX_TOKENS``).

    ``findall`` gives each token's spaces and text without a match object apiece; the
    matches follow one another from the text's start (any other character is a symbol), so
    a token starts where its spaces end.
    """
    tokens: list[Token] = []
    at = 0
    for spaces, num, word, sym in islice(_TOKEN.findall(folded), MAX_TOKENS):
        start = at + len(spaces)
        if num:
            at = start + len(num)
            tokens.append(_new(Token, ("num", num, start, at)))
        elif word:
            at = start + len(word)
            tokens.append(
                _new(Token, ("word", word.replace(" ", "") if " " in word else word, start, at))
            )
        else:
            at = start + len(sym)
            tokens.append(_new(Token, ("sym", sym, start, at)))
    return tokens


_new = tuple.__new__  # a named tuple from its fields, without its slower keyword-ready __new__
