"""What the chart parser reads: rules and their items, the grammar's index, the lexicon.

The containers are built once per language (``grammar.grammar_for``, ``lexicon_for``) and
only read by ``chart.parse``: the grammar files each rule under what its items accept and
what lies next to them, and the lexicon its phrases under their first two words, so that a
parse looks up only what the words of its message can start.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from nudge.language.dayparts import DayParts
from nudge.language.time.quick import quick_init
from nudge.language.time.tokens import Token, tokenize

WORD = "w"  # the category of every literal word or symbol


@quick_init
@dataclass(frozen=True, slots=True)
class Num:
    """A number, from digits (``digits`` holds them: "08", "815") or words ("eight")."""

    value: int
    digits: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """What one position of a rule accepts."""

    cat: str
    words: frozenset[str] = frozenset()
    test: Callable[[Any], bool] | None = None
    tight: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What rules may read: now (naive local wall time), language, region, day-part hours."""

    now: datetime
    lang: str
    region: str
    parts: DayParts
    zone: str = "UTC"


Make = Callable[[Context, list[Any]], Any | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: its items, the category it builds, how, and the phrases it is for.

    ``make`` is fed the values of the typed items only, those at ``typed``: literal words
    are syntax.
    """

    name: str
    cat: str
    items: tuple[Item, ...]
    make: Make
    examples: tuple[str, ...] = ()
    prio: int = 0
    typed: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        typed = tuple(i for i, item in enumerate(self.items) if item.cat != WORD or not item.words)
        object.__setattr__(self, "typed", typed)


class Node(NamedTuple):
    """A piece of the chart: a value of ``cat`` over tokens ``[start, end)``.

    A named tuple, not a dataclass: a parse makes a few dozen, and a frozen dataclass costs
    several times as much to build.
    """

    cat: str
    value: Any
    start: int
    end: int
    chars: tuple[int, int]
    rule: str
    prio: int = 0
    size: int = 1  # nodes under it, itself included: a simpler reading ranks first

    @property
    def length(self) -> int:
        """Characters covered."""
        return self.chars[1] - self.chars[0]


Key = tuple[str, str]  # what a node is, for the index: (WORD, its text) or (category, "")
NOTHING: Key = ("", "")  # no item on that side of a rule's item


def _keys(item: Item) -> list[Key]:
    """The keys of the nodes an item may accept (its test aside)."""
    if item.cat == WORD:
        return [(WORD, word) for word in sorted(item.words)]
    return [(item.cat, "")]


class Trigger(NamedTuple):
    """One way a new node takes part in a rule: as item ``position``, between the others.

    ``before`` runs leftwards from the nearest item, ``after`` rightwards, so matching walks
    outwards from the node. ``order`` comes first: triggers sort by it, the order their
    rules were added in. ``needs``: the rule's literal-word groups, as ``Grammar`` bits.
    """

    order: int
    rule: Rule
    position: int
    item: Item
    before: tuple[Item, ...]
    after: tuple[Item, ...]
    needs: int


Index = dict[Key, dict[Key, dict[Key, list[Trigger]]]]


@dataclass(slots=True)
class Grammar:
    """Rules indexed by what a new node is and what lies on either side of it.

    ``index[own][left][right]`` holds the rule items accepting a node of key ``own`` whose
    rule has an item of key ``left`` just before it and ``right`` just after it (NOTHING
    where the rule has none). Each distinct set of literal words an item accepts is a bit of
    ``word_bits``: a rule one of whose sets has no word in the text cannot match.
    """

    rules: list[Rule] = field(default_factory=list)
    index: Index = field(default_factory=dict)
    groups: dict[frozenset[str], int] = field(default_factory=dict)
    word_bits: dict[str, int] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)
    count: int = 0

    def add(self, rule: Rule) -> None:
        """Index one rule (an item is either literal words or a category, never both)."""
        if rule.cat == WORD:  # a built node is never a literal word (``chart.parse`` relies on it)
            raise ValueError(f"rule {rule.name!r} builds literal words")
        self.rules.append(rule)
        items = rule.items
        needs = 0
        for position, item in enumerate(items):
            if (item.cat == WORD) != bool(item.words) or item.words and item.test is not None:
                raise ValueError(f"rule {rule.name!r}: item {position} mixes words and a category")
            if item.words:
                needs |= self._bit(item.words)
                self.words |= item.words
        for position, item in enumerate(items):
            before, after = tuple(reversed(items[:position])), items[position + 1 :]
            trigger = Trigger(self.count, rule, position, item, before, after, needs)
            self.count += 1
            for own in _keys(item):
                for left in _keys(before[0]) if before else [NOTHING]:
                    for right in _keys(after[0]) if after else [NOTHING]:
                        by_left = self.index.setdefault(own, {})
                        by_left.setdefault(left, {}).setdefault(right, []).append(trigger)

    def extend(self, rules: Iterable[Rule]) -> Grammar:
        """Index many rules; returns self."""
        for rule in rules:
            self.add(rule)
        return self

    def lacking(self, tokens: Sequence[Token]) -> int:
        """The word groups no token is in, as bits (``trigger.needs & lacking``: no match)."""
        have = 0
        for token in tokens:
            have |= self.word_bits.get(token.text, 0)
        return ~have

    def _bit(self, words: frozenset[str]) -> int:
        """The bit of one set of literal words, new the first time the set is seen."""
        bit = self.groups.get(words)
        if bit is None:
            bit = self.groups[words] = 1 << len(self.groups)
            for word in words:
                self.word_bits[word] = self.word_bits.get(word, 0) | bit
        return bit


@dataclass(slots=True)
class Lexicon:
    """Words and fixed phrases of one language, each mapped to typed values.

    Each entry keeps the rule name its nodes carry ("lexicon:<category>"). Phrases are filed
    under their first two words: French "la" and "le" open some fifty phrases each, and a
    message's "la" need only try those that go on with its next word, and a word that opens
    no phrase (``firsts``) tries none.
    """

    words: dict[str, list[tuple[str, Any, str]]] = field(default_factory=lambda: defaultdict(list))
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], str, Any, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    firsts: set[str] = field(default_factory=set)  # the first words of the phrases

    def add(self, cat: str, value: Any, *spellings: str) -> None:
        """Map each spelling (one word, or several separated by spaces) to ``cat``/``value``."""
        name = f"lexicon:{cat}"
        for spelling in spellings:
            words = tuple(token.text for token in tokenize(spelling))
            if len(words) == 1:
                self.words[words[0]].append((cat, value, name))
            else:
                self.phrases[words[0], words[1]].append((words, cat, value, name))
                self.firsts.add(words[0])
