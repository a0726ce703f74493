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
* nodes and tokens are named tuples, cheaper to build than frozen dataclasses;
* the chart files keys only at the tokens where nodes start or end, and terminals look
  a phrase up only after a word that opens one: most words of a message are no time.

The nodes built around a node taken from the agenda overlap it, so none joins its own
matches: the chart around a node stays the same while its matches are made.

The work is bounded by ``MAX_NODES``. The rules, their index and the lexicon are
``rulebook``'s.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import Any

from nudge.language.time.rulebook import (
    NOTHING,
    WORD,
    Context,
    Grammar,
    Item,
    Key,
    Lexicon,
    Make,
    Node,
    Num,
    Rule,
    Trigger,
)
from nudge.language.time.tokens import Token

__all__ = [  # the containers live in ``rulebook``; rules import them from here too
    "MAX_NODES", "NOTHING", "WORD", "Chart", "Context", "Grammar", "Item", "Key", "Lexicon",
    "Make", "Node", "Num", "Rule", "Trigger", "parse", "terminals",
]  # fmt: skip

MAX_NODES = 4000
ONLY_NOTHING: list[Key] = [NOTHING]  # the keys around a token where no node starts or ends


class Chart:
    """Every node found so far, indexed by the token and category where it starts and ends.

    ``seen`` holds the values of each category over each stretch of tokens: a value is
    hashed by nothing, and compared only with values over the same tokens.

    ``words[at]`` is the literal word at token ``at``, absent where no rule has that word
    (so it is no node). ``starts[at]`` and ``ends[at]`` hold the keys of the nodes starting
    and ending at token ``at``, with NOTHING; absent where there are none (``ONLY_NOTHING``):
    most words of a message are no time, and the chart spends nothing on them.
    """

    __slots__ = ("words", "starting", "ending", "starts", "ends", "seen", "nodes")

    def __init__(self, terminals: list[Node]) -> None:
        """A chart of the terminals (but those equal to one before)."""
        self.words: dict[int, Node] = {}
        self.starts: dict[int, list[Key]] = {}
        self.ends: dict[int, list[Key]] = {}
        self.starting: dict[tuple[int, str], list[Node]] = {}
        self.ending: dict[tuple[int, str], list[Node]] = {}
        self.seen: dict[tuple[str, int, int], list[Any]] = {}
        self.nodes: list[Node] = []
        for node in terminals:
            if node.cat == WORD:
                key = (WORD, node.value)
                self.words[node.start] = node
                _key_at(self.starts, node.start, key)
                _key_at(self.ends, node.end, key)
                self.nodes.append(node)
            else:
                self.add(node)

    def add(self, node: Node) -> bool:
        """Record ``node``; False when an equal one is already there.

        Literal words need no such check (one a token): the constructor records them.
        """
        cat, start, end = node.cat, node.start, node.end
        place = (cat, start, end)
        rivals = self.seen.get(place)
        if rivals is None:
            self.seen[place] = [node.value]
        elif node.value in rivals:
            return False
        else:
            rivals.append(node.value)
        found = self.starting.get((start, cat))
        if found is None:  # a key new at ``start``: ``_key_at``, inlined (the hot path)
            self.starting[start, cat] = [node]
            keys = self.starts.get(start)
            if keys is None:
                self.starts[start] = [NOTHING, (cat, "")]
            else:
                keys.append((cat, ""))
        else:
            found.append(node)
        found = self.ending.get((end, cat))
        if found is None:
            self.ending[end, cat] = [node]
            keys = self.ends.get(end)
            if keys is None:
                self.ends[end] = [NOTHING, (cat, "")]
            else:
                keys.append((cat, ""))
        else:
            found.append(node)
        self.nodes.append(node)
        return True

    def ending_at(self, item: Item, at: int) -> Sequence[Node]:
        """The nodes of ``item``'s words or category ending at token ``at``, oldest first.

        The item's test is the caller's to apply.
        """
        if item.cat != WORD:
            return self.ending.get((at, item.cat), ())
        word = self.words.get(at - 1)
        return (word,) if word is not None and word.value in item.words else ()

    def starting_at(self, item: Item, at: int) -> Sequence[Node]:
        """The nodes of ``item``'s words or category starting at token ``at``, oldest first.

        The item's test is the caller's to apply.
        """
        if item.cat != WORD:
            return self.starting.get((at, item.cat), ())
        word = self.words.get(at)
        return (word,) if word is not None and word.value in item.words else ()


def _key_at(keys: dict[int, list[Key]], at: int, key: Key) -> None:
    """Note a key new at token ``at`` (its list begins with NOTHING)."""
    found = keys.get(at)
    if found is None:
        keys[at] = [NOTHING, key]
    else:
        found.append(key)


def _triggers(grammar: Grammar, chart: Chart, seed: Node, ending: bool) -> list[Trigger]:
    """The rule items ``seed`` may fill, given its neighbours, in grammar order.

    As if every rule were tried: only rules that cannot match are left out, and with
    ``ending`` those whose item for ``seed`` is not their last. Each list of the index is
    in grammar order, and no rule item is in two of the lists met (one key a category, one
    word a token): only lists found together need sorting.
    """
    by_left = grammar.index.get((WORD, seed.value) if seed.cat == WORD else (seed.cat, ""))
    if by_left is None:
        return []
    found: list[Trigger] = []
    lists = 0
    rights = ONLY_NOTHING if ending else chart.starts.get(seed.end, ONLY_NOTHING)
    for left in chart.ends.get(seed.start, ONLY_NOTHING):
        by_right = by_left.get(left)
        if by_right is not None:
            for right in rights:
                triggers = by_right.get(right)
                if triggers is not None:
                    found = found + triggers if lists else triggers  # never grown in place
                    lists += 1
    return sorted(found) if lists > 1 else found


Run = tuple[Node, ...]


def _lefts(
    chart: Chart, items: tuple[Item, ...], k: int, nxt: Run, tight: bool, terminal: bool
) -> list[Run]:
    """Runs filling ``items[k:]`` (nearest first) before the run ``nxt``, it included, in order.

    ``tight``: ``nxt`` must touch the piece before it. ``terminal``: terminals only. Each
    run is built once, whole, from the right: no run is copied to add the seed after it.
    """
    item = items[k]
    last = k + 1 == len(items)
    test = item.test
    head = nxt[0]
    runs: list[Run] = []
    for node in chart.ending_at(item, head.start):
        if terminal and node.size != 1:
            continue
        if test is not None and not test(node.value) or tight and node.chars[1] != head.chars[0]:
            continue
        if last:
            runs.append((node, *nxt))
        else:
            runs += _lefts(chart, items, k + 1, (node, *nxt), item.tight, terminal)
    return runs


def _rights(chart: Chart, items: tuple[Item, ...], k: int, prev: Run) -> list[Run]:
    """The run ``prev`` followed by runs filling ``items[k:]`` after it, in order."""
    item = items[k]
    last = k + 1 == len(items)
    test = item.test
    tail = prev[-1]
    runs: list[Run] = []
    for node in chart.starting_at(item, tail.end):
        if test is not None and not test(node.value):
            continue
        if item.tight and tail.chars[1] != node.chars[0]:
            continue
        if last:
            runs.append((*prev, node))
        else:
            runs += _rights(chart, items, k + 1, (*prev, node))
    return runs


def _matches(chart: Chart, trigger: Trigger, seed: Node, terminal: bool) -> list[Run]:
    """Every way ``seed`` fills its trigger's item with the chart around it (its test passed).

    In the order of a nested walk: the pieces on the left (nearest first), then those on the
    right. ``terminal``: the pieces on the left are terminals (there are none on the right).
    """
    before, after = trigger.before, trigger.after
    if before:
        lefts = _lefts(chart, before, 0, (seed,), trigger.item.tight, terminal)
        if not lefts or not after:
            return lefts
        rights = _rights(chart, after, 0, (seed,))
        return [left + right[1:] for left in lefts for right in rights]
    if after:
        return _rights(chart, after, 0, (seed,))
    return [(seed,)]


def terminals(tokens: Sequence[Token], lexicon: Lexicon, literal: Container[str]) -> list[Node]:
    """The chart's first nodes: numbers, lexicon entries, and the tokens a rule names.

    Most words of a message are none of these: each costs a few set and dict lookups.
    """
    nodes: list[Node] = []
    add = nodes.append
    words, phrases, firsts = lexicon.words, lexicon.phrases, lexicon.firsts
    count = len(tokens)
    for index, token in enumerate(tokens):
        text = token.text
        entries = words.get(text)
        number = token.kind == "num" and len(text) <= 8
        if text in literal:
            add(_new(Node, (WORD, text, index, index + 1, (token.start, token.end), "word", 0, 1)))
        if number:
            chars = (token.start, token.end)
            add(_new(Node, ("int", Num(int(text), text), index, index + 1, chars, "digits", 0, 1)))
        if entries:
            chars = (token.start, token.end)
            for cat, value, name in entries:
                add(_new(Node, (cat, value, index, index + 1, chars, name, 0, 1)))
        if text in firsts and index + 1 < count:
            _phrases_at(tokens, index, phrases.get((text, tokens[index + 1].text), ()), add)
    return nodes


def _phrases_at(
    tokens: Sequence[Token],
    index: int,
    candidates: Sequence[tuple[tuple[str, ...], str, Any, str]],
    add: Any,
) -> None:
    """The lexicon phrases spelled from token ``index`` (their first two words already are)."""
    for spelled, cat, value, name in candidates:
        end = index + len(spelled)
        if end <= len(tokens) and all(
            tokens[index + k].text == spelled[k] for k in range(2, len(spelled))
        ):
            span = (tokens[index].start, tokens[end - 1].end)
            add(_new(Node, (cat, value, index, end, span, name, 0, 1)))


def _built(rule: Rule, value: Any, pieces: Run) -> Node:
    """The node ``rule`` made of ``pieces``, of ``value``."""
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
    chart = Chart(terminals(tokens, lexicon, grammar.words))
    nodes = chart.nodes
    index = grammar.index  # a node whose key no rule has needs no turn on the agenda
    agenda = [n for n in nodes if ((WORD, n.value) if n.cat == WORD else (n.cat, "")) in index]
    lacking = grammar.lacking(tokens)
    while agenda and len(nodes) < MAX_NODES:
        seed = agenda.pop()
        terminal = seed.size == 1
        for trigger in _triggers(grammar, chart, seed, terminal):
            test = trigger.item.test
            if trigger.needs & lacking or test is not None and not test(seed.value):
                continue
            rule = trigger.rule
            make, typed = rule.make, rule.typed
            for pieces in _matches(chart, trigger, seed, terminal):
                value = make(ctx, [pieces[index].value for index in typed])
                if value is None:
                    continue
                node = _built(rule, value, pieces)
                if chart.add(node) and (node.cat, "") in index:  # built: never a WORD
                    agenda.append(node)
    return nodes
