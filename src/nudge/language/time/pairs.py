"""A day and a clock time written apart: "Dec 3 dentist at 10am", "demain dentiste à 15h".

When the time readings of a text are exactly two pieces, one a day or repeat without a
clock ("dec 3", "demain", "every friday") and the other a clock time alone ("at 10am",
"à 15h"), with no sentence break between them, they are one time: the day or rule from
one, the clock from the other, composed as the "<day> at <clock>" rules compose them.
Never with a time counted from now ("in 20 min") or said of the past. A clock said in
another zone takes the day into it, as "Dec 3 at 10am CET" does ("Dec 3 dentist at 10am
CET" is 10:00 in Paris on the 3rd); a repeat at such a clock is no pair (asked, as
``rules.zones`` asks "every day at 9am PST").

The reading's ``span`` is the later piece and ``other`` the earlier one, so the task
text between or around them keeps only its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from nudge.language.time.chart import Context, Node
from nudge.language.time.compose import with_clock
from nudge.language.time.kit import Repeat, Time
from nudge.language.time.rules.every_modifiers import repeat_with_clock
from nudge.language.time.rules.zones import zoned
from nudge.language.time.zoned import Zoned

BREAK = re.compile(r"[.;!?\n]")


def _pieces(nodes: Sequence[Node], stands: Callable[[Node], bool]) -> list[Node]:
    """The outermost readings that stand: one per span not inside a longer one.

    Each span's best ranked node that stands (fewest pieces, then priority, then the first).
    Spans are taken longest first, so one inside a piece already found is passed over
    without asking whether its nodes stand; a third piece ends the search (no pair).
    """
    by_span: dict[tuple[int, int], list[Node]] = {}
    for node in nodes:
        found = by_span.get(node.chars)
        if found is None:
            by_span[node.chars] = [node]
        else:
            found.append(node)
    pieces: list[Node] = []
    taken: list[tuple[int, int]] = []  # the pieces' spans
    for span in sorted(by_span, key=_longest_first):
        start, end = span
        if any(left <= start and end <= right for left, right in taken):
            continue
        group = by_span[span]
        ranked = sorted(group, key=_simplest) if len(group) > 1 else group
        kept = next((node for node in ranked if stands(node)), None)
        if kept is not None:
            pieces.append(kept)
            taken.append(span)
            if len(pieces) > 2:
                break
    return pieces


def _longest_first(chars: tuple[int, int]) -> int:
    """Spans longest first (the sort is stable: equal lengths keep the chart's order)."""
    return chars[0] - chars[1]


def _simplest(node: Node) -> tuple[int, int]:
    """Fewest pieces, then the highest priority (stable: then the first)."""
    return node.size, -node.prio


def _day_only(node: Node) -> bool:
    """A day or repeat without a clock, not counted from now nor said of the past."""
    value = node.value
    if isinstance(value, Repeat):
        return value.clock is None and value.freq not in ("HOURLY", "MINUTELY")
    if not isinstance(value, Time) or value.elapsed or value.past or value.latent:
        return False
    fields = value.said_fields
    return fields is None or not fields.has_clock


def _clock_only(node: Node) -> bool:
    """A clock time alone ("at 10am", "à 15h", "at 10am CET"): no date, no part of day."""
    value = node.value
    if not isinstance(value, Time) or value.elapsed or value.past or value.part:
        return False
    fields = value.said_fields
    return fields is not None and fields.has_clock and not fields.has_date


def _joined(day: Time | Repeat, clock: Time, ctx: Context) -> Time | Repeat | None:
    """The day (or rule) at the clock, in the clock's zone when it names one."""
    there = clock.value.there if isinstance(clock.value, Zoned) else None
    if isinstance(day, Repeat):
        return None if there else repeat_with_clock(ctx, [day, clock])
    if there is None:
        return with_clock(day, clock, ctx)
    assert isinstance(clock.value, Zoned)
    local = with_clock(day, Time(clock.value.inner), ctx)
    return None if local is None else zoned(ctx, local, there)


def pair(
    text: str, nodes: Sequence[Node], ctx: Context, stands: Callable[[Node], bool]
) -> tuple[Node, Node, Node] | None:
    """The day and clock of ``text`` as one node, with the earlier and later pieces.

    ``nodes`` are the usable readings of the chart, ``stands`` whether the words around
    one leave it standing. None when the text's time is not exactly a day and a clock apart.
    """
    pieces = _pieces(nodes, stands)
    if len(pieces) != 2:
        return None
    first, second = sorted(pieces, key=lambda node: node.chars)
    if first.chars[1] > second.chars[0] or BREAK.search(text, first.chars[1], second.chars[0]):
        return None
    days = [node for node in pieces if _day_only(node)]
    clocks = [node for node in pieces if _clock_only(node)]
    if len(days) != 1 or len(clocks) != 1 or days[0] is clocks[0]:
        return None
    day, clock = days[0], clocks[0]
    value = _joined(day.value, clock.value, ctx)
    if value is None:
        return None
    cat = "repeat" if isinstance(value, Repeat) else "time"
    joined = second._replace(cat=cat, value=value, rule="<day> … <clock>", size=1)
    return joined, first, second
