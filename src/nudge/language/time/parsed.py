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
from typing import TYPE_CHECKING

from nudge.language.time.chart import MAX_NODES, Node
from nudge.language.time.holidays.context import names_near
from nudge.language.time.surrounding_checks import Surroundings
from nudge.language.time.tokens import MAX_TOKENS, Token

if TYPE_CHECKING:
    from nudge.language.time.read import Reading
    from nudge.language.time.resolve import Moment

READ = frozenset({"time", "repeat", "duration"})  # what a reading is made of: those checked
# The moment each value read resolved to, by the value's id (the value kept beside it, so
# the id cannot be another's): a message's time is resolved once, whole and in pieces.
Moments = dict[int, tuple[object, "Moment | None"]]


def checked(tokens: Sequence[Token], nodes: Sequence[Node]) -> tuple[Node, ...]:
    """The nodes the words around them leave standing (``surroundings``).

    Most messages hold no reading at all: their words are glanced at only when one is found.
    """
    standing = Readings(tokens, [node for node in nodes if node.cat in READ])
    return tuple(node for node in nodes if node.cat not in READ or standing.stands(node))


class Readings:
    """The reading nodes of a text (or a piece), each checked against its words when asked.

    The reading chosen is among the best ranked and outermost ones: the surroundings of
    the others never matter, so they are looked at only for the nodes the ranking reaches
    (``stands``). Each node's verdict is its own (the checks see the node and the tokens),
    so checking fewer changes no answer.
    """

    __slots__ = ("tokens", "nodes", "moments", "_around", "_verdicts")

    def __init__(
        self, tokens: Sequence[Token], nodes: list[Node], moments: Moments | None = None
    ) -> None:
        """The nodes of categories ``READ`` over ``tokens``, in the chart's order.

        ``moments``: where the moments of their values are kept, shared by a text and its
        pieces (the same values: a piece's nodes are the whole text's, moved).
        """
        self.tokens = tokens
        self.nodes = nodes
        self.moments: Moments = {} if moments is None else moments
        self._around: Surroundings | None = None
        self._verdicts: dict[int, bool] = {}  # by id: ``nodes`` keeps every node alive

    def stands(self, node: Node) -> bool:
        """Whether the words around ``node`` (one of ``nodes``) leave it standing."""
        verdict = self._verdicts.get(id(node))
        if verdict is None:
            around = self._around
            if around is None:
                tokens = self.tokens
                around = self._around = Surroundings(tokens, names=names_near(tokens))
            verdict = self._verdicts[id(node)] = not around.out_of_place(node)
        return verdict


class Parsed:
    """The tokens of a text and every node its parse built, before the surroundings."""

    __slots__ = ("tokens", "nodes", "complete", "_standing", "read")

    def __init__(self, tokens: tuple[Token, ...], nodes: list[Node]) -> None:
        """The chart of ``tokens``: ``nodes`` as ``chart.parse`` built them."""
        self.tokens = tokens
        self.nodes = nodes
        self.complete = len(nodes) < MAX_NODES and len(tokens) < MAX_TOKENS
        self._standing: Readings | None = None
        # What ``read`` gave for this text (or a piece of it, by its span): a message is asked
        # for its time several times (each intent, then ``nudge parse``), read once.
        self.read: dict[tuple[int, int] | None, Reading | None] = {}

    @property
    def standing(self) -> Readings:
        """The reading nodes of the whole text, checked as they are asked about."""
        if self._standing is None:
            self._standing = Readings(self.tokens, [n for n in self.nodes if n.cat in READ])
        return self._standing

    @property
    def readings(self) -> tuple[Node, ...]:
        """The nodes the surroundings leave standing (every one checked)."""
        standing = self.standing
        return tuple(node for node in self.nodes if node.cat not in READ or standing.stands(node))

    def window(self, start: int, piece: tuple[Token, ...]) -> tuple[Node, ...] | None:
        """The readings of the piece of this text from character ``start``, of tokens ``piece``.

        None when the piece's tokens are not this text's own from a token edge (a piece cut
        inside a word), or when this text's chart may lack nodes (see the module).
        """
        span = self._span(start, piece)
        if span is None:
            return None
        return checked(piece, _moved(self.nodes, *span, start))

    def window_readings(self, start: int, piece: tuple[Token, ...]) -> Readings | None:
        """As ``window``, the reading nodes only, each checked when asked (``Readings``)."""
        span = self._span(start, piece)
        if span is None:
            return None
        whole = self.standing
        return Readings(piece, _moved(whole.nodes, *span, start), whole.moments)

    def _span(self, start: int, piece: tuple[Token, ...]) -> tuple[int, int] | None:
        """The tokens ``[first, last)`` of this text that are ``piece`` from ``start``, if any."""
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
        return first, last


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
