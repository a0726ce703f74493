"""Checks of ``surroundings`` on what a number in a reading is part of.

A clock range ("from 9 to 5", "between 2 and 4") is no one clock, and an ordinal that counts
the word after it ("every 2nd payday", "the 5th floor") is no day of the month.
"""

from __future__ import annotations

from collections.abc import Sequence

from nudge.language.time.chart import Node
from nudge.language.time.lexicon import en, fr
from nudge.language.time.rules.every import EVERY_EN
from nudge.language.time.tokens import Token

ORDINAL_WORDS = frozenset(en.ORDINALS) | frozenset(fr.ORDINALS)
RANGE_FROM = frozenset({"from", "between", "btw", "btwn", "de", "entre"})
RANGE_TO = frozenset({"to", "till", "til", "until", "and", "-", "a", "et"})  # "à" folded


def opens_clock_range(tokens: Sequence[Token], at: int) -> bool:
    """Whether tokens from ``at`` are "from <n> to <n>" ("between 2 and 4", "de 2 à 4")."""
    return (
        at + 3 < len(tokens)
        and tokens[at].text in RANGE_FROM
        and tokens[at + 2].text in RANGE_TO
        and tokens[at + 1].kind == "num"
        and tokens[at + 3].kind == "num"
    )


def in_a_clock_range(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading over part of "from 9 to 5" or "between 2 and 4": a range, not "nine to five".

    "every 2 hrs from 9 to 5" is no one-off at 18:51, "between 2 and 4 tomorrow" no 16:00
    tomorrow; the range is asked about.
    """
    return any(
        opens_clock_range(tokens, at)
        for at in range(max(node.start - 3, 0), min(node.end, len(tokens) - 3))
    )


EVERY = frozenset(EVERY_EN) - {"everyday"}  # the repeat rules' "every" words, before a count
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# Words after "every 3rd" or "the 5th" that leave it a day of the month: "pay rent every 3rd
# at 9", "on the 5th in the morning".
AFTER_NTH = frozenset({"at", "to", "and", "or", "on", "for", "by", "around", "please", "pls",
                       "plz", "@", "remind", "i", "we", "of", "in", "this", "next", "morning",
                       "afternoon", "evening", "night", "am", "pm"})  # fmt: skip
BEFORE_NTH = EVERY | {"the", "on"}
# What "the 5th" counts when a noun follows it: "meet on the 5th floor" is no date, "dinner
# on the 10th with bob" is.
COUNTED = frozenset({"floor", "fl", "grade", "time", "row", "street", "st", "avenue", "ave",
                     "anniversary", "birthday", "bday", "place", "edition", "season", "episode",
                     "chapter", "period", "round", "inning", "century", "level", "stage",
                     "house", "door", "gate", "room", "step", "try", "attempt", "one"})  # fmt: skip


def nth_of_what(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading ending on "every 3rd" or "the 5th" before the word it counts.

    Then the ordinal counts that word ("every 2nd payday", "meet on the 5th floor at 3pm"),
    not the days of the month. After "every", any word but a connector counts ("pay rent
    every 3rd at 9" stays a day); after "the", only a noun that is counted ("floor",
    "anniversary"…): "dinner on the 10th with bob" is the 10th.
    """
    end = node.end
    if end >= len(tokens) or tokens[end].kind != "word" or tokens[end].text in AFTER_NTH:
        return False
    last = tokens[end - 1].text
    if last in ORDINAL_SUFFIXES and end - 3 >= node.start and tokens[end - 2].kind == "num":
        before = tokens[end - 3].text
    elif last in ORDINAL_WORDS and end - 2 >= node.start:
        before = tokens[end - 2].text
    else:
        return False
    return before in EVERY or (before in BEFORE_NTH and tokens[end].text in COUNTED)
