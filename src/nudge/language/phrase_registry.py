"""The registry of whole-message phrases: each pattern filed by the words it opens or ends with.

``phrases`` registers its patterns here as it imports (``on``); ``candidates`` gives a message
only the patterns its first or last word can start or end, in registration order (the first
that matches wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nudge.commands import Command
from nudge.language.intent_words import first_word

NUMBER_FIRST = "0 # no nr n° number numero num"  # how ``number`` opens ("0": a digit)


def number(name: str = "n") -> str:
    """A list number ("2", "#2", "no 2", "n°2") captured as group ``name``."""
    return rf"(?:#|no\.?|n°|nr|number|numero|num)?\s*(?P<{name}>\d{{1,4}})"


Builder = Callable[[re.Match[str]], Command | None]
Entry = tuple[re.Pattern[str], Builder]
PATTERNS: list[Entry] = []  # in the order they are tried
_BY_FIRST: dict[str, list[Entry]] = {}
_BY_LAST: dict[str, list[Entry]] = {}


def on(pattern: str, *, first: str = "", last: str = "") -> Callable[[Builder], Builder]:
    """Register a whole-message pattern, the words it opens (or ends) with, and its builder."""

    def register(build: Builder) -> Builder:
        entry = (re.compile(pattern), build)
        PATTERNS.append(entry)
        for index, words in ((_BY_FIRST, first), (_BY_LAST, last)):
            for word in dict.fromkeys(words.split()):
                index.setdefault(word, []).append(entry)
        return build

    return register


def candidates(clean: str) -> list[Entry]:
    """The patterns ``clean`` may fully match, in their order: by its first or last word."""
    found = _BY_FIRST.get(first_word(clean), [])
    ending = _BY_LAST.get(clean.rsplit(" ", 1)[-1])
    return found + ending if ending else found
