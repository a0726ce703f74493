"""Read the time in an SMS: tokens → chart → the best reading → a resolved moment.

Ranking (``_rank``): the reading covering the most characters wins; then the simpler
one (fewer pieces); then the rule's priority; then the last in the text. When the best
readings cover the same words but give different times, the result is ``ambiguous``:
the caller asks, never guesses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from nudge.language.dayparts import DEFAULT_PARTS, DayParts
from nudge.language.fold import fold
from nudge.language.time.chart import Context, Grammar, Lexicon, Node, parse
from nudge.language.time.grammar import grammar_for, lexicon_for
from nudge.language.time.kit import Repeat, Time
from nudge.language.time.pairs import pair
from nudge.language.time.parsed import Moments, Parsed, Readings
from nudge.language.time.quick import quick_init
from nudge.language.time.region import region_of
from nudge.language.time.repeats import first_time
from nudge.language.time.resolve import Moment, resolve
from nudge.language.time.rules.relative import later
from nudge.language.time.tokens import Token, tokenize
from nudge.language.time.values import WalkTooLong, bounded_walk

Outcome = Literal["resolved", "past", "far", "current", "ambiguous"]
TIMED = frozenset({"time", "repeat"})
Stands = Callable[[Node], bool]  # whether the words around a reading leave it standing


@quick_init
@dataclass(frozen=True, slots=True)
class Reading:
    """The time a text names: what was understood, where, and whether it lies ahead."""

    outcome: Outcome
    moment: Moment | None
    span: tuple[int, int]
    node: Node
    rrule: str | None = None
    other: tuple[int, int] | None = None  # the earlier piece of a day and clock apart

    @property
    def at(self) -> datetime | None:
        """The local wall time understood (naive), if any."""
        return None if self.moment is None else self.moment.at


def _rank(node: Node) -> tuple[int, int, int, int]:
    """Most characters, then fewest pieces, then priority, then the last."""
    return node.length, -node.size, node.prio, node.chars[0]


def _usable(node: Node) -> bool:
    """Whether a node is a time reading on its own (latent ones need context)."""
    if node.cat not in TIMED:
        return False
    return not (isinstance(node.value, Time) and node.value.latent)


def _moment(node: Node, ctx: Context) -> Moment | None:
    """The moment a time or repeat node resolves to."""
    value = node.value
    if isinstance(value, Repeat):
        return first_time(value, ctx)
    assert isinstance(value, Time)
    return resolve(value, ctx)


def _stands(node: Node) -> bool:
    """Every node of a list made here stands (a pair, a duration alone)."""
    return True


def _known_moment(node: Node, ctx: Context, moments: Moments) -> Moment | None:
    """``_moment``, once per value: the same chart's values resolve alike in the same ctx."""
    value = node.value
    known = moments.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    moment = _moment(node, ctx)
    moments[id(value)] = (value, moment)
    return moment


def best(
    nodes: Sequence[Node],
    ctx: Context,
    stands: Stands = _stands,
    moments: Moments | None = None,
) -> Reading | None:
    """The best reading among the chart's nodes, those ``stands`` keeps (asked in rank order).

    ``moments``: the moments already found for values of the same chart (``Readings``).
    """
    timed = sorted((n for n in nodes if _usable(n)), key=_rank, reverse=True)
    at = next((k for k, node in enumerate(timed) if stands(node)), None)
    if at is None:
        return None
    known: Moments = {} if moments is None else moments
    top = timed[at]
    moment = _known_moment(top, ctx, known)
    for rival in timed[at + 1 :]:  # the rivals of equal rank follow it (the sort is stable)
        if rival.chars != top.chars or rival.size != top.size or rival.prio != top.prio:
            break
        if not stands(rival):
            continue
        other = _known_moment(rival, ctx, known)
        if other is not None and moment is not None and other.at != moment.at:
            return Reading("ambiguous", None, top.chars, top)
    if moment is None:
        return None
    rrule = top.value.rrule() if isinstance(top.value, Repeat) else None
    return Reading(moment.status, moment, top.chars, top, rrule)


@lru_cache(maxsize=512)
def read_nodes(text: str, ctx: Context) -> Parsed:
    """The chart of ``text`` (cached: a message is read once, whole and in pieces)."""
    lexicon: Lexicon = lexicon_for(ctx.lang)
    grammar: Grammar = grammar_for(ctx.lang)
    tokens = folded_tokens(text)
    return Parsed(tokens, parse(tokens, lexicon, grammar, ctx))


def _readings(text: str, ctx: Context, within: tuple[int, int] | None) -> Readings:
    """The reading nodes over ``text`` or over ``text[start:end]``, from the whole text's chart.

    A piece is read from the whole text's chart when it can be (``Parsed.window``): the whole
    is read next, or was just read, for the same message.
    """
    if within is None:
        return read_nodes(text, ctx).standing
    start, end = within
    piece = text[start:end]
    nodes = read_nodes(text, ctx).window_readings(start, folded_tokens(piece))
    return read_nodes(piece, ctx).standing if nodes is None else nodes


@lru_cache(maxsize=64)  # as ``fold``: one message is tokenized for each language tried
def folded_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, folded (cached: a message and its task are asked many times)."""
    return tuple(tokenize(fold(text)))


def read(
    text: str,
    *,
    now: datetime,
    tz: str,
    lang: str,
    region: str | None = None,
    parts: DayParts | None = None,
    within: tuple[int, int] | None = None,
) -> Reading | None:
    """The best reading of the time in ``text``, said at aware ``now`` in zone ``tz``.

    ``within``: read only ``text[start:end]`` (spans relative to ``start``), from the chart
    of the whole text when its tokens allow (``parsed``).
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    try:
        with bounded_walk():
            return _read(text, now, tz, lang, region, parts, within)
    except WalkTooLong:
        return None  # a reading no real time needs that long to find ("friday friday…")


def _read(
    text: str,
    now: datetime,
    tz: str,
    lang: str,
    region: str | None,
    parts: DayParts | None,
    within: tuple[int, int] | None,
) -> Reading | None:
    """``read`` within its walk budget."""
    ctx = _context(now, tz, lang, region, parts)
    memo = read_nodes(text, ctx).read  # the answer is the text's, the piece's and ctx's alone
    if within in memo:
        return memo[within]
    found = _read_mixed((text, within), ctx)
    memo[within] = found
    return found


@lru_cache(maxsize=16)  # a message is read several times with the same clock and settings
def _context(
    now: datetime, tz: str, lang: str, region: str | None, parts: DayParts | None
) -> Context:
    """What the rules read for a message said at aware ``now`` (to the second) in ``tz``."""
    local = now.astimezone(ZoneInfo(tz)).replace(tzinfo=None, microsecond=0)
    return Context(local, lang, region or region_of(lang, tz), parts or DEFAULT_PARTS, tz)


def _read_mixed(source: Source, ctx: Context) -> Reading | None:
    """The best reading in ``ctx``'s language, or in the other one when plainly that."""
    text, within = source
    piece = text if within is None else text[within[0] : within[1]]
    found = _read_in(source, ctx)
    lang, tz = ctx.lang, ctx.zone
    other = "en" if lang == "fr" else "fr"  # a mixed message: "remind me demain à 9h"
    if not _may_be_other(piece, other):
        return found
    mixed = _read_in(source, Context(ctx.now, other, region_of(other, tz), ctx.parts, tz))
    if mixed is None or not _plainly_other(piece, mixed, other):
        return found
    if found is None or _covers_more(mixed, found):
        return mixed  # "dans 1h30" from an English setting is French, not 1:30
    return found


def _covers_more(a: Reading, b: Reading) -> bool:
    """Whether reading ``a`` covers ``b`` and more of the text."""
    (a_start, a_end), (b_start, b_end) = a.span, b.span
    return a_start <= b_start and b_end <= a_end and a_end - a_start > b_end - b_start


# Words that name a time in one language and mean nothing else in the other: only readings
# holding one are taken from the other language ("buy a 6 pack" is no French "à 6").
MIXED_WORDS = {
    "en": frozenset({"at", "today", "tomorrow", "tonight", "tmrw", "tmr", "tonite", "monday",
                     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
                     "afternoon", "evening", "noon", "midnight", "pm", "am"}),
    "fr": frozenset({"demain", "aujourd'hui", "soir", "matin", "lundi", "mardi", "mercredi",
                     "jeudi", "vendredi", "samedi", "dimanche", "midi", "minuit", "h", "heures",
                     "apres-midi", "prochain", "prochaine", "dans"}),
}  # fmt: skip


def _may_be_other(text: str, lang: str) -> bool:
    """Whether ``text`` holds a word only ``lang`` uses: else no reading in it would count.

    A reading's span cuts the text at token edges, so its tokens are the text's own: the
    other grammar need not run on a text without any of these words.
    """
    return not MIXED_WORDS[lang].isdisjoint(token.text for token in folded_tokens(text))


def _plainly_other(text: str, reading: Reading, lang: str) -> bool:
    """Whether a reading in the other language holds a word only that language uses."""
    said = {token.text for token in tokenize(fold(text[reading.span[0] : reading.span[1]]))}
    return not said.isdisjoint(MIXED_WORDS[lang])


Source = tuple[str, tuple[int, int] | None]  # a text, and the piece of it to read if not all


def _read_in(source: Source, ctx: Context) -> Reading | None:
    """The best reading with one language's grammar."""
    whole, within = source
    readings = _readings(whole, ctx, within)
    nodes, stands = readings.nodes, readings.stands
    text = whole if within is None else whole[within[0] : within[1]]
    paired = pair(text, [node for node in nodes if _usable(node)], ctx, stands)
    if paired is not None:
        joined, first, second = paired
        reading = best([joined], ctx)
        if reading is not None:
            return replace(reading, span=second.chars, other=first.chars)
    return best(nodes, ctx, stands, readings.moments) or _duration_alone(text, readings, ctx)


def _duration_alone(text: str, readings: Readings, ctx: Context) -> Reading | None:
    """A message that is only a duration ("20 min", "2 hours") means that long from now."""
    tokens = folded_tokens(text)
    words = [index for index, token in enumerate(tokens) if token.text not in _TRAILING]
    if not words:
        return None
    first, last = words[0], words[-1] + 1
    for node in readings.nodes:
        if node.cat == "duration" and node.start == first and node.end == last:
            if not readings.stands(node):
                continue
            elapsed = Node(
                "time",
                Time(later(ctx, node.value), elapsed=True),
                node.start,
                node.end,
                node.chars,
                "<duration> alone",
            )
            return best([elapsed], ctx)
    return None


_TRAILING = frozenset({".", "!", "?", ","})
