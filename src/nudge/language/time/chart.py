"""A small bottom-up chart parser: named rules over tokens build typed values.

A rule is a sequence of items; an item accepts a literal word (or symbol) or a node of a
category ("int", "time", "duration"…), optionally only when it touches the previous piece
("8pm", "1st"). When every item of a rule matches consecutive nodes, the rule's ``make``
turns their values into a new node, or declines with None. New nodes feed further rules
until nothing new appears (the shape of Duckling's parser), so values compose: "first" +
"monday" + "of" + "next month" is one node.

Rules are indexed by what each item accepts, so a word no rule mentions costs nothing.
The work is bounded by ``MAX_NODES``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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

    def accepts(self, node: Node) -> bool:
        """Whether ``node`` fits here (``tight`` is checked by the parser)."""
        if node.cat != self.cat:
            return False
        if self.words and node.value not in self.words:
            return False
        return self.test is None or self.test(node.value)


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
    """A named rule: its items, the category it builds, how, and the phrases it is for."""

    name: str
    cat: str
    items: tuple[Item, ...]
    make: Make
    examples: tuple[str, ...] = ()
    prio: int = 0


@dataclass(frozen=True, slots=True)
class Node:
    """A piece of the chart: a value of ``cat`` over tokens ``[start, end)``."""

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


@dataclass(slots=True)
class Grammar:
    """Rules indexed by the literal word or category each of their items accepts."""

    rules: list[Rule] = field(default_factory=list)
    by_word: dict[str, list[tuple[Rule, int]]] = field(default_factory=lambda: defaultdict(list))
    by_cat: dict[str, list[tuple[Rule, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rule: Rule) -> None:
        """Index one rule."""
        self.rules.append(rule)
        for position, item in enumerate(rule.items):
            if item.cat == WORD and item.words:
                for word in item.words:
                    self.by_word[word].append((rule, position))
            else:
                self.by_cat[item.cat].append((rule, position))

    def extend(self, rules: Iterable[Rule]) -> Grammar:
        """Index many rules; returns self."""
        for rule in rules:
            self.add(rule)
        return self

    def seeded(self, node: Node) -> list[tuple[Rule, int]]:
        """The (rule, position) pairs ``node`` may fill."""
        if node.cat == WORD:
            return self.by_word.get(node.value, [])
        return self.by_cat.get(node.cat, [])


@dataclass(slots=True)
class Chart:
    """Every node found so far, indexed by where it starts and ends."""

    starting: dict[int, list[Node]] = field(default_factory=lambda: defaultdict(list))
    ending: dict[int, list[Node]] = field(default_factory=lambda: defaultdict(list))
    seen: set[tuple[str, int, int, Any]] = field(default_factory=set)
    nodes: list[Node] = field(default_factory=list)

    def add(self, node: Node) -> bool:
        """Record ``node``; False when an equal one is already there."""
        key = (node.cat, node.start, node.end, node.value)
        if key in self.seen:
            return False
        self.seen.add(key)
        self.starting[node.start].append(node)
        self.ending[node.end].append(node)
        self.nodes.append(node)
        return True


def _touch(left: Node, right: Node) -> bool:
    """Whether two pieces are written with nothing between them."""
    return left.chars[1] == right.chars[0]


def _rightwards(chart: Chart, items: Sequence[Item], at: int, prev: Node) -> Iterator[list[Node]]:
    """Node sequences matching ``items`` from token ``at`` on, ``prev`` just before."""
    if not items:
        yield []
        return
    item = items[0]
    for node in chart.starting.get(at, ()):
        if item.accepts(node) and (not item.tight or _touch(prev, node)):
            for rest in _rightwards(chart, items[1:], node.end, node):
                yield [node, *rest]


def _leftwards(
    chart: Chart, items: Sequence[Item], at: int, nxt: Node, nxt_item: Item
) -> Iterator[list[Node]]:
    """Node sequences matching ``items`` and ending at token ``at``, before ``nxt``."""
    if not items:
        yield []
        return
    item = items[-1]
    for node in chart.ending.get(at, ()):
        if item.accepts(node) and (not nxt_item.tight or _touch(node, nxt)):
            for rest in _leftwards(chart, items[:-1], node.start, node, item):
                yield [*rest, node]


def _matches(chart: Chart, rule: Rule, position: int, seed: Node) -> Iterator[list[Node]]:
    """Every way ``seed`` fills item ``position`` of ``rule`` with the chart around it."""
    items = rule.items
    if not items[position].accepts(seed):
        return
    for left in _leftwards(chart, items[:position], seed.start, seed, items[position]):
        for right in _rightwards(chart, items[position + 1 :], seed.end, seed):
            yield [*left, seed, *right]


def terminals(tokens: Sequence[Token], lexicon: Lexicon) -> list[Node]:
    """The chart's first nodes: each token as a literal, numbers, and lexicon entries."""
    nodes: list[Node] = []
    for index, token in enumerate(tokens):
        chars = (token.start, token.end)
        nodes.append(Node(WORD, token.text, index, index + 1, chars, "word"))
        if token.kind == "num" and len(token.text) <= 8:
            nodes.append(
                Node("int", Num(int(token.text), token.text), index, index + 1, chars, "digits")
            )
        for cat, value, length in lexicon.entries(tokens, index):
            end = index + length
            span = (token.start, tokens[end - 1].end)
            nodes.append(Node(cat, value, index, end, span, f"lexicon:{cat}"))
    return nodes


def parse(tokens: Sequence[Token], lexicon: Lexicon, grammar: Grammar, ctx: Context) -> list[Node]:
    """Every node the rules build over ``tokens``, terminals included."""
    chart = Chart()
    agenda = [node for node in terminals(tokens, lexicon) if chart.add(node)]
    while agenda and len(chart.nodes) < MAX_NODES:
        seed = agenda.pop()
        for rule, position in grammar.seeded(seed):
            for pieces in _matches(chart, rule, position, seed):
                value = rule.make(ctx, [piece.value for piece in pieces])
                if value is None:
                    continue
                chars = (pieces[0].chars[0], pieces[-1].chars[1])
                size = 1 + sum(piece.size for piece in pieces)
                node = Node(
                    rule.cat,
                    value,
                    pieces[0].start,
                    pieces[-1].end,
                    chars,
                    rule.name,
                    rule.prio,
                    size,
                )
                if chart.add(node):
                    agenda.append(node)
    return chart.nodes


@dataclass(slots=True)
class Lexicon:
    """Words and fixed phrases of one language, each mapped to typed values."""

    words: dict[str, list[tuple[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    phrases: dict[str, list[tuple[tuple[str, ...], str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, cat: str, value: Any, *spellings: str) -> None:
        """Map each spelling (one word, or several separated by spaces) to ``cat``/``value``."""
        for spelling in spellings:
            words = tuple(token.text for token in tokenize(spelling))
            if len(words) == 1:
                self.words[words[0]].append((cat, value))
            else:
                self.phrases[words[0]].append((words, cat, value))

    def entries(self, tokens: Sequence[Token], index: int) -> Iterator[tuple[str, Any, int]]:
        """(category, value, token count) of every entry starting at token ``index``."""
        text = tokens[index].text
        for cat, value in self.words.get(text, ()):
            yield cat, value, 1
        for words, cat, value in self.phrases.get(text, ()):
            end = index + len(words)
            if end <= len(tokens) and all(tokens[index + k].text == w for k, w in enumerate(words)):
                yield cat, value, len(words)
