"""Readings the words around them undo: "at one point", "the sun is out", "06 12 34 56 78".

Rules cannot see past their own words, so these checks run on the chart's readings before
ranking (``out_of_place``).

A clock time in number words is far more often a count than a clock: such a reading is
dropped after "for", "pendant", "durant", "depuis", "en", "pour" (a duration: "for two
hours", "pour deux heures"); before "of", "point", "people", "avant", "more", a unit of
time ("at two of them", "une heure avant"); before "de" unless "à"/"vers" comes first
("deux heures de ménage", but "à huit heures de prendre…").

A weekday abbreviation that is also a word ("sun", "sat", "mon", "wed", French "sam",
"mar") names a day alone only after "on", "next", "this", "every", "le"… ("the sun is out",
"sam is here" are no days).

An ordinal word alone is no date without "on" before it ("take the second dose"; "on the
second" is one).

The tail of a hyphenated word is no time of its own ("midi" in "après-midi").

A date in a run of four or more numbers is a phone number ("le 06 12 34 56 78"), and a bare
number after a day counts what follows it ("friday 3 kids", "demain 15 personnes").
"""

from __future__ import annotations

from collections.abc import Sequence

from nudge.language.time.chart import Node
from nudge.language.time.holidays import context as holidays
from nudge.language.time.kit import Time
from nudge.language.time.lexicon import en, fr
from nudge.language.time.tokens import Token

DURATION_BEFORE = frozenset({"for", "during", "pendant", "durant", "depuis", "en", "pour"})
COUNT_AFTER = frozenset(
    {"of", "point", "points", "people", "more", "avant", "hours", "hour", "heures", "heure",
     "minutes", "min", "mins", "jours", "days", "fois", "times", "personnes", "kids",
     "enfants", "persons", "guests", "invites", "x"}
)  # fmt: skip
CLOCK_BEFORE_DE = frozenset({"a", "vers", "at"})
NUMBER_WORDS = frozenset(en.NUMBERS) | frozenset(fr.NUMBERS)
ORDINAL_WORDS = frozenset(en.ORDINALS) | frozenset(fr.ORDINALS)
ORDINAL_CUES = frozenset({"on", "by", "until", "till", "before", "after", "le", "du", "au"})


def _spelled_clock(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether the node is a clock time told with number words ("deux heures", not "midi")."""
    value = node.value
    if not isinstance(value, Time) or value.fields is None or not value.fields.has_clock:
        return False
    if value.fields.has_date:
        return False
    words = tokens[node.start : node.end]
    if any(token.text[:1].isdigit() for token in words):
        return False
    return any(token.text in NUMBER_WORDS for token in words)


def counts_something(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether a clock reading in words is a count in its context (see the module)."""
    if not _spelled_clock(node, tokens):
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    after = tokens[node.end].text if node.end < len(tokens) else ""
    first = tokens[node.start].text
    if before in DURATION_BEFORE or first in DURATION_BEFORE:
        return True
    if after in COUNT_AFTER:
        return True
    return after == "de" and before not in CLOCK_BEFORE_DE and first not in CLOCK_BEFORE_DE


AMBIGUOUS_DAYS = frozenset({"sun", "sat", "mon", "wed", "thu", "tue", "sam", "mar", "dim", "jeu"})
DAY_CUES = frozenset(
    {"on", "next", "this", "last", "every", "each", "by", "until", "till", "before", "after",
     "le", "ce", "chaque", "tous", "les", "prochain", "dernier", "avant", "apres", "jusqu'a"}
)  # fmt: skip
PHONE_RUN = 4


def _lone_ambiguous_day(node: Node, tokens: Sequence[Token]) -> bool:
    """A one-word reading that is an ambiguous weekday abbreviation, with no cue before it."""
    if node.end - node.start != 1 or tokens[node.start].text not in AMBIGUOUS_DAYS:
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    return before not in DAY_CUES


def _in_phone_number(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether one of the reading's numbers is in a run of ``PHONE_RUN`` or more numbers."""
    for index in range(node.start, node.end):
        if not tokens[index].text.isdigit():
            continue
        low = high = index
        while low > 0 and tokens[low - 1].text.isdigit():
            low -= 1
        while high + 1 < len(tokens) and tokens[high + 1].text.isdigit():
            high += 1
        if high - low + 1 >= PHONE_RUN:
            return True
    return False


def _day_and_count(node: Node, tokens: Sequence[Token]) -> bool:
    """A day and a bare number that counts what follows ("friday 3 kids")."""
    if node.rule != "<day> <bare hour>":
        return False
    return node.end < len(tokens) and tokens[node.end].text in COUNT_AFTER


def _end_of_compound(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading that is the tail of a hyphenated word: "midi" in "après-midi"."""
    if node.start < 2 or tokens[node.start - 1].text != "-":
        return False
    hyphen, word = tokens[node.start - 1], tokens[node.start - 2]
    return (
        word.end == hyphen.start and hyphen.end == tokens[node.start].start and word.text.isalpha()
    )


def _ordinal_word_alone(node: Node, tokens: Sequence[Token]) -> bool:
    """An ordinal word read as a day of the month with no "on" before it ("the second dose")."""
    words = [token.text for token in tokens[node.start : node.end]]
    if words[0] == "le" or not any(word in ORDINAL_WORDS for word in words):
        return False  # French "le premier" is a date
    if not all(word in ORDINAL_WORDS or word == "the" for word in words):
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    return before not in ORDINAL_CUES


def out_of_place(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether the words around a reading say it is no time (see the module)."""
    return (
        counts_something(node, tokens)
        or _ordinal_word_alone(node, tokens)
        or _end_of_compound(node, tokens)
        or _day_and_count(node, tokens)
        or _lone_ambiguous_day(node, tokens)
        or _in_phone_number(node, tokens)
        or holidays.out_of_place(node, tokens)
    )
