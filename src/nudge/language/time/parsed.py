"""One text's chart, kept for its message: its readings, and those of a piece of it.

A message is read whole and in pieces: "remind me to call mom at 8pm" is read after its
verb ("to call mom at 8pm", ``reminding``), then whole (``nudge parse``). Rules see only
their own tokens, so the nodes a parse of the whole text builds over a stretch of its
tokens are the nodes a parse of that stretch alone builds, in the same order: a node is
built only on the turn of a node inside it, the chart's agenda is a stack (the turns of
the stretch's nodes keep their order among the others), and a rule passed over for a word
the whole text lacks cannot match in the stretch either. So a piece cut at the whole
text's token edges is read from the whole text's chart: its nodes are those within it,
moved to the piece's tokens and characters. Only the surroundings are checked again, on
the piece's own tokens: a reading at the piece's start has no word before it there.

This holds only when the whole text's parse ran to its end (under ``MAX_NODES``) and its
tokens are all of it (under ``MAX_TOKENS``); else the piece is parsed on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from nudge.language.time.chart import MAX_NODES, Node
from nudge.language.time.holidays.context import names_near
from nudge.language.time.surroundings import Surroundings
from nudge.language.time.tokens import MAX_TOKENS, Token

READ = frozenset({"time", "repeat", "duration"})  # what a reading is made of: those checked


def checked(tokens: Sequence[Token], nodes: Sequence[Node]) -> tuple[Node, ...]:
    """The nodes the words around them leave standing (``surroundings``).

    Most messages hold no reading at all: their words are glanced at only when one is found.
    """
    kept: list[Node] = []
    around: Surroundings | None = None
    for node in nodes:
        if node.cat in READ:
            if around is None:
                around = Surroundings(tokens, names=names_near(tokens))
            if around.out_of_place(node):
                continue
        kept.append(node)
    return tuple(kept)


class Parsed:
    """The tokens of a text and every node its parse built, before the surroundings."""

    __slots__ = ("tokens", "nodes", "complete", "_readings")

    def __init__(self, tokens: tuple[Token, ...], nodes: list[Node]) -> None:
        """The chart of ``tokens``: ``nodes`` as ``chart.parse`` built them."""
        self.tokens = tokens
        self.nodes = nodes
        self.complete = len(nodes) < MAX_NODES and len(tokens) < MAX_TOKENS
        self._readings: tuple[Node, ...] | None = None

    @property
    def readings(self) -> tuple[Node, ...]:
        """The nodes the surroundings leave standing, checked on first use only."""
        if self._readings is None:
            self._readings = checked(self.tokens, self.nodes)
        return self._readings

    def window(self, start: int, piece: tuple[Token, ...]) -> tuple[Node, ...] | None:
        """The readings of the piece of this text from character ``start``, of tokens ``piece``.

        None when the piece's tokens are not this text's own from a token edge (a piece cut
        inside a word), or when this text's chart may lack nodes (see the module).
        """
        if not self.complete:
            return None
        tokens = self.tokens
        first = next((at for at, token in enumerate(tokens) if token.start >= start), len(tokens))
        last = first + len(piece)
        if last > len(tokens):
            return None
        for own, theirs in zip(piece, tokens[first:last], strict=True):
            if own != (theirs.kind, theirs.text, theirs.start - start, theirs.end - start):
                return None
        return checked(piece, _moved(self.nodes, first, last, start))


def _moved(nodes: list[Node], first: int, last: int, start: int) -> list[Node]:
    """The nodes over tokens ``[first, last)``, counted from that token and character ``start``."""
    moved: list[Node] = []
    for cat, value, begin, end, (left, right), rule, prio, size in nodes:
        if first <= begin and end <= last:
            chars = (left - start, right - start)
            moved.append(
                _new(Node, (cat, value, begin - first, end - first, chars, rule, prio, size))
            )
    return moved


_new = tuple.__new__  # a named tuple from its fields, as ``chart`` builds them
