"""The checks of ``surroundings`` for one text: those its words allow, chosen once.

Most checks need a word most texts lack (a number word, an ordinal, a hyphen, a run of
digits…): each clue word sets the bits of the checks it may fire, so a text's checks are one
set intersection and a cached tuple away, not a call per check.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nudge.language.time.chart import Node
from nudge.language.time.holidays import context as holidays
from nudge.language.time.surroundings import CHECKS, Check
from nudge.language.time.tokens import Token


class Surroundings:
    """The checks a reading of one text faces: those its words allow, glanced at once.

    A text has a few readings to check, and most checks need a word most texts lack (a
    number word, an ordinal, a hyphen, a run of digits…): a check whose clue the text does
    not hold could fire on none of its readings, so it is left out for all of them. Each
    check is a test on its own, so which run and in what order changes no answer.
    """

    __slots__ = ("tokens", "checks")

    def __init__(self, tokens: Sequence[Token], *, names: bool = True) -> None:
        """The checks for the text of ``tokens``.

        ``names``: whether the text holds a word of a holiday name (``holidays.names_near``).
        """
        texts = frozenset(token.text for token in tokens)
        self.tokens = tokens
        bits = 0
        for text in texts & _CLUE_WORDS:  # most words of a text are no clue
            bits |= _WORD_BITS[text]
        for bit, clue in _CALLED:
            if not bits & bit and clue(texts, tokens):
                bits |= bit
        self.checks = _checks(bits, names)

    def out_of_place(self, node: Node) -> bool:
        """Whether the words around ``node`` say it is no time."""
        tokens = self.tokens
        for check in self.checks:  # noqa: SIM110 - a loop: no generator for a few checks
            if check(node, tokens):
                return True
        return False


def _word_bits() -> dict[str, int]:
    """Each clue word, and the checks (one bit each, in ``CHECKS`` order) it may fire."""
    bits: dict[str, int] = {}
    for index, (_, clue) in enumerate(CHECKS):
        if isinstance(clue, frozenset):
            for word in clue:
                bits[word] = bits.get(word, 0) | 1 << index
    return bits


_WORD_BITS = _word_bits()
_CLUE_WORDS = frozenset(_WORD_BITS)
_CALLED = tuple((1 << k, clue) for k, (_, clue) in enumerate(CHECKS) if callable(clue))


@lru_cache(maxsize=256)  # a few dozen sets of checks occur: one per set of clues held
def _checks(bits: int, names: bool) -> tuple[Check, ...]:
    """The checks of ``CHECKS`` whose bits are set, in order; the holiday check with names."""
    chosen = tuple(check for k, (check, _) in enumerate(CHECKS) if bits >> k & 1)
    return (*chosen, holidays.out_of_place) if names else chosen
