"""A small bottom-up chart parser: named rules over tokens build typed values.

A rule is a sequence of items; an item accepts a literal word (or symbol) or a node of a
category ("int", "time", "duration"…), optionally only when it touches the previous piece
("8pm", "1st"). When every item of a rule matches consecutive nodes, the rule's ``make``
turns their values into a new node, or declines with None. New nodes feed further rules
until nothing new appears (the shape of Duckling's parser), so values compose: "first" +
"monday" + "of" + "next month" is one node.

Speed, with the same nodes built in the same order as by trying every rule item on every
node taken from the agenda, against the whole chart:

* rules are indexed by what an item accepts and by what its neighbouring items accept, so
  a node meets only the rules whose neighbours the chart already has next to it; a node no
  rule takes never goes on the agenda, and a rule needing a word the text lacks is passed
  over (``Grammar.lacking``). Only rules that cannot match are left out;
* each match is made once, on the turn of the first of its pieces taken while the others
  were there. The agenda is a stack over the terminals, in text order: when a terminal is
  taken, every node built so far has been taken, and only the terminals before it have not.
  So a terminal's new matches are those it ends whose other pieces are all terminals; and
  a built node's matches are all new, for what was taken between its making and its turn
  overlaps it (see ``parse``);
* nodes and tokens are named tuples, cheaper to build than frozen dataclasses.

The nodes built around a node taken from the agenda overlap it, so none joins its own
matches: the chart around a node stays the same while its matches are made.

The work is bounded by ``MAX_NODES``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from nudge.language.dayparts import DayParts
from nudge.language.time.tokens import Token, tokenize

MAX_NODES = 4000
WORD = "w"  # the category of every literal word or symbol


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

    def takes(self, node: Node) -> bool:
        """Whether any rule has an item for ``node``: else it needs no turn on the agenda."""
        return ((WORD, node.value) if node.cat == WORD else (node.cat, "")) in self.index

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


class Chart:
    """Every node found so far, indexed by the token and category where it starts and ends.

    ``seen`` holds the values of each category over each stretch of tokens: a value is
    hashed by nothing, and compared only with values over the same tokens.

    ``words[at]`` is the literal word at token ``at``, None where no rule has that word (so
    it is no node). ``starts[at]`` and ``ends[at]`` hold the keys of the nodes starting and
    ending at token ``at``, with NOTHING.
    """

    __slots__ = ("words", "starting", "ending", "starts", "ends", "seen", "nodes")

    def __init__(self, terminals: list[Node], size: int) -> None:
        """A chart of the terminals over ``size`` tokens (but those equal to one before)."""
        self.words: list[Node | None] = [None] * size
        self.starts: list[list[Key]] = [[NOTHING] for _ in range(size + 1)]
        self.ends: list[list[Key]] = [[NOTHING] for _ in range(size + 1)]
        self.starting: dict[tuple[int, str], list[Node]] = {}
        self.ending: dict[tuple[int, str], list[Node]] = {}
        self.seen: dict[tuple[str, int, int], list[Any]] = {}
        self.nodes: list[Node] = []
        for node in terminals:
            if node.cat == WORD:
                self.words[node.start] = node
                self.starts[node.start].append((WORD, node.value))
                self.ends[node.end].append((WORD, node.value))
                self.nodes.append(node)
            else:
                self.add(node)

    def add(self, node: Node) -> bool:
        """Record ``node``; False when an equal one is already there.

        Literal words need no such check (one a token): the constructor records them.
        """
        place = (node.cat, node.start, node.end)
        rivals = self.seen.get(place)
        if rivals is None:
            self.seen[place] = [node.value]
        elif node.value in rivals:
            return False
        else:
            rivals.append(node.value)
        _file(self.starting, self.starts, node.start, node)
        _file(self.ending, self.ends, node.end, node)
        self.nodes.append(node)
        return True

    def ending_at(self, item: Item, at: int) -> Sequence[Node]:
        """The nodes of ``item``'s words or category ending at token ``at``, oldest first.

        The item's test is the caller's to apply.
        """
        if item.cat != WORD:
            return self.ending.get((at, item.cat), ())
        word = self.words[at - 1] if at > 0 else None
        return (word,) if word is not None and word.value in item.words else ()

    def starting_at(self, item: Item, at: int) -> Sequence[Node]:
        """The nodes of ``item``'s words or category starting at token ``at``, oldest first.

        The item's test is the caller's to apply.
        """
        if item.cat != WORD:
            return self.starting.get((at, item.cat), ())
        word = self.words[at] if at < len(self.words) else None
        return (word,) if word is not None and word.value in item.words else ()


def _file(
    nodes: dict[tuple[int, str], list[Node]], keys: list[list[Key]], at: int, node: Node
) -> None:
    """Add ``node`` to the nodes of its category at ``at``, noting a category new there."""
    found = nodes.get((at, node.cat))
    if found is None:
        nodes[at, node.cat] = [node]
        keys[at].append((node.cat, ""))
    else:
        found.append(node)


def _triggers(grammar: Grammar, chart: Chart, seed: Node, ending: bool) -> list[Trigger]:
    """The rule items ``seed`` may fill, given its neighbours, in grammar order.

    As if every rule were tried: only rules that cannot match are left out, and with
    ``ending`` those whose item for ``seed`` is not their last.
    """
    by_left = grammar.index.get((WORD, seed.value) if seed.cat == WORD else (seed.cat, ""))
    if by_left is None:
        return []
    found: list[Trigger] = []
    lists = 0
    rights = ONLY_NOTHING if ending else chart.starts[seed.end]
    for left in chart.ends[seed.start]:
        by_right = by_left.get(left)
        if by_right is not None:
            for right in rights:
                triggers = by_right.get(right)
                if triggers is not None:
                    found += triggers
                    lists += 1
    if lists > 1:
        found.sort()
    return found


ONLY_NOTHING: list[Key] = [NOTHING]


Run = tuple[Node, ...]


def _lefts(
    chart: Chart, items: tuple[Item, ...], k: int, nxt: Node, tight: bool, terminal: bool
) -> list[Run]:
    """Runs filling ``items[k:]`` (nearest first) that end where ``nxt`` starts, in order.

    ``tight``: ``nxt`` must touch the piece before it. ``terminal``: terminals only.
    """
    item = items[k]
    last = k + 1 == len(items)
    test = item.test
    runs: list[Run] = []
    for node in chart.ending_at(item, nxt.start):
        if terminal and node.size != 1:
            continue
        if test is not None and not test(node.value) or tight and node.chars[1] != nxt.chars[0]:
            continue
        if last:
            runs.append((node,))
        else:
            runs.extend(
                run + (node,) for run in _lefts(chart, items, k + 1, node, item.tight, terminal)
            )
    return runs


def _rights(chart: Chart, items: tuple[Item, ...], k: int, prev: Node) -> list[Run]:
    """Runs filling ``items[k:]`` that start where ``prev`` ends, in order."""
    item = items[k]
    last = k + 1 == len(items)
    test = item.test
    runs: list[Run] = []
    for node in chart.starting_at(item, prev.end):
        if test is not None and not test(node.value):
            continue
        if item.tight and prev.chars[1] != node.chars[0]:
            continue
        if last:
            runs.append((node,))
        else:
            runs.extend((node,) + run for run in _rights(chart, items, k + 1, node))
    return runs


def _matches(chart: Chart, trigger: Trigger, seed: Node, terminal: bool) -> list[Run]:
    """Every way ``seed`` fills its trigger's item with the chart around it.

    In the order of a nested walk: the pieces on the left (nearest first), then those on the
    right. ``terminal``: the pieces on the left are terminals (there are none on the right).
    """
    item = trigger.item
    if item.test is not None and not item.test(seed.value):
        return []
    if trigger.before:
        lefts = _lefts(chart, trigger.before, 0, seed, item.tight, terminal)
        if not lefts:
            return []
    if trigger.after:
        rights = _rights(chart, trigger.after, 0, seed)
        if not trigger.before:
            return [(seed, *right) for right in rights]
        return [(*left, seed, *right) for left in lefts for right in rights]
    return [(*left, seed) for left in lefts] if trigger.before else [(seed,)]


def terminals(tokens: Sequence[Token], lexicon: Lexicon, literal: Container[str]) -> list[Node]:
    """The chart's first nodes: numbers, lexicon entries, and the tokens a rule names."""
    nodes: list[Node] = []
    add = nodes.append
    words, phrases = lexicon.words, lexicon.phrases
    for index, token in enumerate(tokens):
        text = token.text
        chars = (token.start, token.end)
        if text in literal:
            add(_new(Node, (WORD, text, index, index + 1, chars, "word", 0, 1)))
        if token.kind == "num" and len(text) <= 8:
            add(_new(Node, ("int", Num(int(text), text), index, index + 1, chars, "digits", 0, 1)))
        for cat, value, name in words.get(text, ()):
            add(_new(Node, (cat, value, index, index + 1, chars, name, 0, 1)))
        if index + 1 < len(tokens):
            for spelled, cat, value, name in phrases.get((text, tokens[index + 1].text), ()):
                end = index + len(spelled)
                if end <= len(tokens) and all(
                    tokens[index + k].text == spelled[k] for k in range(2, len(spelled))
                ):
                    span = (token.start, tokens[end - 1].end)
                    add(_new(Node, (cat, value, index, end, span, name, 0, 1)))
    return nodes


def _built(trigger: Trigger, pieces: Run, ctx: Context) -> Node | None:
    """The node a rule makes of ``pieces``, or None when it declines."""
    rule = trigger.rule
    value = rule.make(ctx, [pieces[index].value for index in rule.typed])
    if value is None:
        return None
    first, last = pieces[0], pieces[-1]
    size = 1
    for piece in pieces:
        size += piece.size
    chars = (first.chars[0], last.chars[1])
    return _new(Node, (rule.cat, value, first.start, last.end, chars, rule.name, rule.prio, size))


_new = tuple.__new__  # a named tuple from its fields, without its slower keyword-ready __new__


def parse(tokens: Sequence[Token], lexicon: Lexicon, grammar: Grammar, ctx: Context) -> list[Node]:
    """Every node the rules build over ``tokens``, terminals included (but words no rule has).

    The agenda is a stack: it starts with the terminals in text order, and a node built is
    taken before any node below it. So a terminal taken has seen every node but the
    terminals before it taken, each of which met then every match it was in: its new
    matches hold only terminals before it. A built node's matches are all new: a piece
    taken before it was either taken before it was built, or after and so built from the
    node whose turn built it, overlapping it. (A terminal's ``size`` is 1, a built node's
    more.)
    """
    chart = Chart(terminals(tokens, lexicon, grammar.words), len(tokens))
    agenda = [node for node in chart.nodes if grammar.takes(node)]
    lacking = grammar.lacking(tokens)
    while agenda and len(chart.nodes) < MAX_NODES:
        seed = agenda.pop()
        terminal = seed.size == 1
        for trigger in _triggers(grammar, chart, seed, terminal):
            if trigger.needs & lacking:
                continue
            for pieces in _matches(chart, trigger, seed, terminal):
                node = _built(trigger, pieces, ctx)
                if node is not None and chart.add(node) and grammar.takes(node):
                    agenda.append(node)
    return chart.nodes


@dataclass(slots=True)
class Lexicon:
    """Words and fixed phrases of one language, each mapped to typed values.

    Each entry keeps the rule name its nodes carry ("lexicon:<category>"). Phrases are filed
    under their first two words: French "la" and "le" open some fifty phrases each, and a
    message's "la" need only try those that go on with its next word.
    """

    words: dict[str, list[tuple[str, Any, str]]] = field(default_factory=lambda: defaultdict(list))
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], str, Any, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, cat: str, value: Any, *spellings: str) -> None:
        """Map each spelling (one word, or several separated by spaces) to ``cat``/``value``."""
        name = f"lexicon:{cat}"
        for spelling in spellings:
            words = tuple(token.text for token in tokenize(spelling))
            if len(words) == 1:
                self.words[words[0]].append((cat, value, name))
            else:
                self.phrases[words[0], words[1]].append((words, cat, value, name))
