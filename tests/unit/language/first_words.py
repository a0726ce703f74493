"""Every first word a regex can open a fully matched text with, read off the parsed pattern.

The parsed pattern is the private, untyped ``re._parser`` data, hence the ``Any``.

The intent rules index some patterns by the message's first word (``intent_words.first_word``)
so that most messages skip them on one set test; tests use this to keep those lists complete.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from typing import Any

_CUTS = frozenset(" ,!.-0123456789")  # where ``first_word`` ends a word
_MAX_TURNS = 3  # repeats followed this far ("??" is "?" to ``first_word``)


class Unbounded(Exception):
    """The first word can be any word (a ``.`` or ``\\w`` before any cut)."""


def _class_chars(items: list[tuple[object, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE):
            chars.add("0" if av is sre.CATEGORY_DIGIT else " ")
        elif op is sre.RANGE and av[1] - av[0] < 40:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            raise Unbounded
    return chars


def _sequence(items: list[tuple[object, Any]], opened: set[str]) -> set[tuple[str, bool]]:
    """Where ``items`` can take the open words: (word so far, whether a cut ended it)."""
    states = {(word, False) for word in opened}
    for op, av in items:
        still = {word for word, cut in states if not cut}
        states = {state for state in states if state[1]} | _step(op, av, still)
    return states


def _step(op: object, av: Any, opened: set[str]) -> set[tuple[str, bool]]:
    if not opened:
        return set()
    if op is sre.LITERAL or op is sre.IN:
        chars = {chr(av)} if op is sre.LITERAL else _class_chars(av)
        return {(w, True) if c in _CUTS else (w + c, False) for w in opened for c in chars}
    if op is sre.BRANCH:
        return {state for branch in av[1] for state in _sequence(branch, opened)}
    if op is sre.SUBPATTERN:
        return _sequence(av[3], opened)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        states, reached = {(word, False) for word in opened}, set()
        for turn in range(min(high, low + _MAX_TURNS) + 1):
            if turn >= low:
                reached |= states
            still = {word for word, cut in states if not cut}
            states = {state for state in states if state[1]} | _sequence(body, still)
        return reached
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {(word, False) for word in opened}
    raise Unbounded


def first_words(pattern: re.Pattern[str]) -> set[str]:
    """Every ``first_word`` of a text ``pattern`` fully matches (a superset: lookarounds pass)."""
    states = _sequence(list(sre_parse.parse(pattern.pattern)), {""})
    return {word or "0" for word, _ in states}
