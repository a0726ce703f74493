"""How a language's word lists become its lexicon: one category per concept, the same for all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from nudge.language.time.chart import Lexicon, Num

# Concept lists: the module's name for it → the category its words get.
SPELLINGS = {  # {value: (spelling, …)}
    "WEEKDAYS": "weekday", "WEEKDAYS_PLURAL": "weekdays", "MONTHS": "month", "UNITS": "unit",
    "DAYS": "day", "PARTS": "part",
    "DIRECTIONS": "dir", "AMPM": "ampm", "NAMED_CLOCKS": "named_clock", "HOLIDAYS": "holiday",
    "ZONES": "zone", "ZONES_SHORT": "zone_short", "AMPM_FULL": "ampm_full",
}  # fmt: skip
FIXED = {  # (spelling, …) → (category, value)
    "ARTICLES_ONE": ("article", Num(1)), "COUPLE": ("int", Num(2)), "FEW": ("int", Num(3)),
    "FORTNIGHT": ("fortnight", 14), "NOW": ("now", 0), "HALF": ("half", 30),
    "QUARTER": ("quarter", 15),
}  # fmt: skip


def build(words: ModuleType) -> Lexicon:
    """The lexicon of a module of word lists (``lexicon.en``, ``lexicon.fr``)."""
    lexicon = Lexicon()
    numbers: Mapping[str, int] = words.NUMBERS
    for word, number in numbers.items():
        lexicon.add("int", Num(number), word)
    ordinals: Mapping[str, int] = words.ORDINALS
    for word, rank in ordinals.items():
        lexicon.add("ord", rank, word)
    for suffix in words.ORDINAL_SUFFIXES:
        lexicon.add("ordsuffix", suffix, suffix)
    for name, cat in SPELLINGS.items():
        table: Mapping[Any, Sequence[str]] = getattr(words, name, {})
        for value, spellings in table.items():
            lexicon.add(cat, value, *spellings)
    for name, (cat, value) in FIXED.items():
        lexicon.add(cat, value, *getattr(words, name, ()))
    return lexicon
