"""Words of the FR/EN time grammar, as regex fragments over folded text (see ``fold``).

Used by the intent phrases (``durations``, ``agenda``, ``phrases``, ``intent_words``); the
time grammar has its own lexicon (``time/lexicon``). SMS spellings sit beside the dictionary
ones ("2main", "tmrw", "ds").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LITERAL = re.compile(r"(?:[\w'-]|\\s\+)+")
_ATOM = re.compile(r"\\s\+|.")


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of a regex fragment ("a|(?:b|c)d" → ["a", "(?:b|c)d"])."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*parts, pattern[start:]]


def _trie(alternatives: list[list[str]]) -> str:
    """Atom lists as one regex that tries them in the same order, sharing their prefixes.

    Only alternatives with the same first atom are grouped: two different first atoms (a
    letter, or a run of spaces) never match at the same place, so the regex engine meets the
    alternatives that can match in the original order. An empty alternative is a barrier:
    nothing moves across it.
    """
    groups: list[tuple[str, list[list[str]]]] = []
    for atoms in alternatives:
        head = atoms[0] if atoms else ""
        target = None
        for key, members in reversed(groups):
            if key == "":
                break
            if key == head:
                target = members
                break
        if head and target is not None:
            target.append(atoms[1:])
        else:
            groups.append((head, [atoms[1:]] if head else []))
    branches = [key + _trie(members) if key else "" for key, members in groups]
    if len(branches) == 1:
        return branches[0] if len(groups[0][1]) <= 1 else f"(?:{branches[0]})"
    return "(?:" + "|".join(branches) + ")"


def alternation(*fragments: str) -> str:
    """``(?:f1|f2|…)`` written as a prefix tree where the alternatives are plain words.

    The same language and the same preference order as the plain alternation (so the same
    matches, backtracking included), but Python's regex engine no longer tries every word
    at every word start: it follows the letters. Alternatives holding other regex syntax
    are kept as they are, in place (they are barriers for the grouping).
    """
    out: list[str] = []
    run: list[list[str]] = []
    for fragment in fragments:
        for alternative in _split(fragment):
            if _LITERAL.fullmatch(alternative):
                run.append(_ATOM.findall(alternative))
                continue
            if run:
                out.append(_trie(run))
                run = []
            out.append(alternative)
    if run:
        out.append(_trie(run))
    return "(?:" + "|".join(out) + ")"


def ahead(words: str, spaced: str = "") -> str:
    """A lookahead for the words (``|``-separated) a pattern can start with.

    ``spaced`` words are only ever followed by a space there ("on", "le" in "le 3"), which
    makes the test sharper. Put right after ``START``: it never changes what matches, but
    at the other word starts the engine fails at once instead of trying every branch.
    """
    first = rf"(?:{spaced})\s|" if spaced else ""
    return f"(?={first}{alternation(words)})"


START = r"(?<![\w'])"
END = r"(?![\w])"

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1,
    "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4,
    "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8,
    "nine": 9, "neuf": 9, "ten": 10, "dix": 10, "eleven": 11, "onze": 11,
    "twelve": 12, "douze": 12, "fifteen": 15, "quinze": 15, "twenty": 20, "vingt": 20,
    "thirty": 30, "trente": 30, "forty": 40, "quarante": 40, "forty-five": 45,
    "forty five": 45, "quarante-cinq": 45, "quarante cinq": 45, "fifty": 50,
    "cinquante": 50, "sixty": 60, "soixante": 60, "ninety": 90, "quatre-vingt-dix": 90,
    "a couple of": 2, "a couple": 2, "couple of": 2, "une couple de": 2, "une couple": 2,
    "une couple d'": 2, "couple d'": 2,
}  # fmt: skip

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}  # fmt: skip
_DIZAINES = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}
_UNITES = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9}  # fmt: skip
for _ten, _ten_value in _TENS.items():
    for _unit, _unit_value in _UNITS.items():
        for _joiner in ("-", " "):
            NUMBER_WORDS[f"{_ten}{_joiner}{_unit}"] = _ten_value + _unit_value
for _ten, _ten_value in _DIZAINES.items():
    NUMBER_WORDS[f"{_ten} et un"] = NUMBER_WORDS[f"{_ten}-et-un"] = _ten_value + 1
    for _unit, _unit_value in _UNITES.items():
        for _joiner in ("-", " "):
            NUMBER_WORDS[f"{_ten}{_joiner}{_unit}"] = _ten_value + _unit_value
NUMBER_WORDS.update({"treize": 13, "quatorze": 14, "seize": 16, "thirteen": 13,
                     "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                     "nineteen": 19, "dix-sept": 17, "dix sept": 17, "dix-huit": 18,
                     "dix huit": 18, "dix-neuf": 19, "dix neuf": 19,
                     "cent vingt": 120, "hundred": 100, "cent": 100})  # fmt: skip


def words_alternation(words: Iterable[str]) -> str:
    """A list of words as one regex (``alternation``): longest first, a space as any spaces."""
    return alternation(*(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True)))


NUMBER_WORD = words_alternation(NUMBER_WORDS)
NUMBER_DIGITS = r"\d{1,4}(?:[.,]\d{1,2})?"
_COUPLE = r"(?:une\s+)?couple\s+d'\s?"  # "une couple d'heures" (Québec): two
AMOUNT = rf"(?:{NUMBER_DIGITS}\s*|{NUMBER_WORD}\s+|{_COUPLE})"

UNIT_SECONDS = r"secondes?|seconds?|secs?|s"
UNIT_MINUTES = r"minutes?|mins?|mns?|mnt|m"
UNIT_HOURS = r"heures?|hours?|hrs?|h"
UNIT_DAYS = r"days?|jours?|j"
UNIT_WEEKS = r"weeks?|wks?|semaines?|sem"

TODAY = r"today|tday|tdy|2day|aujourd'?\s?hui|aujourdhui|auj|ajd"
TOMORROW = (
    r"tomorrow|tomorow|tommorow|tommorrow|tmrw|tmrow|tmr|tmw|2morrow|2moro|2mrw|2mro"
    r"|tomorro|tomoro|tommorw|demain|dmain|2main|dem1|demin|deamain"
)


def number_value(word: str) -> float | None:
    """The value of a matched ``NUMBER`` ("20", "1,5", "twenty", "une"), None if unknown."""
    plain = " ".join(word.split())
    if plain in NUMBER_WORDS:
        return float(NUMBER_WORDS[plain])
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None


WEEKDAY_NAMES: dict[str, int] = {
    "monday": 0, "lundi": 0, "tuesday": 1, "tues": 1, "tuesay": 1, "mardi": 1,
    "wednesday": 2, "weds": 2, "wed": 2, "wensday": 2, "wednsday": 2, "wendsday": 2, "mercredi": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "thursay": 3, "jeudi": 3,
    "friday": 4, "fri": 4, "fryday": 4, "vendredi": 4, "vendredis": 4,
    "saturday": 5, "sat": 5, "samedi": 5, "sunday": 6, "dimanche": 6,
}  # fmt: skip
WEEKDAY_FULL = words_alternation(WEEKDAY_NAMES)

MONTHS: dict[str, int] = {
    "january": 1, "janvier": 1, "janv": 1, "jan": 1, "february": 2, "fevrier": 2,
    "fevr": 2, "fev": 2, "feb": 2, "march": 3, "mars": 3, "april": 4, "avril": 4, "avr": 4,
    "apr": 4, "may": 5, "mai": 5, "june": 6, "juin": 6, "jun": 6, "july": 7, "juillet": 7,
    "juil": 7, "jul": 7, "august": 8, "aout": 8, "aug": 8, "september": 9, "septembre": 9,
    "sept": 9, "sep": 9, "october": 10, "octobre": 10, "oct": 10, "november": 11,
    "novembre": 11, "nov": 11, "december": 12, "decembre": 12, "dec": 12,
}  # fmt: skip
