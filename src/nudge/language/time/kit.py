"""How rules are written: items, optional words, and the typed values rules exchange.

``rule("next <weekday>", "time", w("next", "coming"), c("weekday"), make=…)`` is a rule.
Literal words are syntax only: ``make`` receives the values of the typed items, in order.
``opt(w("the"))`` makes a word optional (the rule is indexed once with it, once without).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import product
from typing import Any

from nudge.language.time.chart import WORD, Context, Item, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.quick import quick_init
from nudge.language.time.values import Grain, Value
from nudge.language.time.zoned import Zoned


@quick_init
@dataclass(frozen=True, slots=True)
class Time:
    """A time value and what the words said about it, for composition and resolution.

    ``latent``: only a time in context (a bare "7", "the 24"). ``part``: a part of day whose
    hour the user sets ("tonight", "after lunch"). ``day``: a calendar day was named (a
    flexible hour on another day reads 1–6 as afternoon). ``elapsed``: counted from now
    ("in 20 min"). ``past``: said of the past ("yesterday", "2 hours ago").
    """

    value: Value
    latent: bool = False
    part: str | None = None
    day: bool = False
    elapsed: bool = False
    past: bool = False

    @property
    def fields(self) -> Fields | None:
        """The calendar pattern, when the value is one."""
        return self.value if isinstance(self.value, Fields) else None

    @property
    def said_fields(self) -> Fields | None:
        """The calendar pattern as said, before a zone word too ("Dec 3 at 10am CET")."""
        value = self.value.inner if isinstance(self.value, Zoned) else self.value
        return value if isinstance(value, Fields) else None


@quick_init
@dataclass(frozen=True, slots=True)
class Duration:
    """An amount of time: ``amount`` units of ``unit`` ("minute" … "year")."""

    amount: int
    unit: Grain

    def minutes(self) -> int | None:
        """The duration in minutes, when it has a fixed length."""
        per = {"second": 0, "minute": 1, "hour": 60, "day": 1440, "week": 10080}
        return self.amount * per[self.unit] if self.unit in per else None


@quick_init
@dataclass(frozen=True, slots=True)
class Repeat:
    """A repeating time, as RFC 5545 RRULE parts ("every monday at 8" → WEEKLY;BYDAY=MO)."""

    freq: str
    interval: int = 1
    byday: tuple[str, ...] = ()
    bymonthday: tuple[int, ...] = ()
    bymonth: tuple[int, ...] = ()
    clock: Fields | None = None
    part: str | None = None
    until: datetime | None = None

    def at(self, clock: Fields) -> Repeat:
        """The repeat at a clock time: ``replace(repeat, clock=clock)`` at half the cost."""
        return Repeat(
            self.freq, self.interval, self.byday, self.bymonthday, self.bymonth, clock,
            self.part, self.until,
        )  # fmt: skip

    def rrule(self) -> str:
        """The RRULE text (without DTSTART)."""
        pieces = [f"FREQ={self.freq}"]
        if self.interval > 1:
            pieces.append(f"INTERVAL={self.interval}")
        if self.bymonth:
            pieces.append("BYMONTH=" + ",".join(map(str, self.bymonth)))
        if self.bymonthday:
            pieces.append("BYMONTHDAY=" + ",".join(map(str, self.bymonthday)))
        if self.byday:
            pieces.append("BYDAY=" + ",".join(self.byday))
        if self.until is not None:
            pieces.append(f"UNTIL={self.until:%Y%m%dT%H%M%S}")
        return ";".join(pieces)


class Optional:
    """Marks an item a rule may go without."""

    __slots__ = ("item",)

    def __init__(self, item: Item) -> None:
        self.item = item


def w(*words: str, tight: bool = False) -> Item:
    """A literal word (or symbol), any of ``words``."""
    return Item(WORD, frozenset(words), None, tight)


def c(cat: str, test: Callable[[Any], bool] | None = None, *, tight: bool = False) -> Item:
    """A node of category ``cat`` whose value passes ``test``."""
    return Item(cat, frozenset(), test, tight)


def opt(item: Item) -> Optional:
    """``item``, or nothing."""
    return Optional(item)


def tight(item: Item) -> Item:
    """``item``, written against the piece before it ("8pm", "1st")."""
    return Item(item.cat, item.words, item.test, True)


Maker = Callable[[Context, list[Any]], Any | None]


def rule(
    name: str,
    cat: str,
    *items: Item | Optional,
    make: Maker,
    examples: tuple[str, ...] = (),
    prio: int = 0,
) -> Iterator[Rule]:
    """One named rule, expanded once per choice of its optional items."""
    choices = [
        ((piece.item,), ()) if isinstance(piece, Optional) else ((piece,),) for piece in items
    ]
    for chosen in product(*choices):
        flat = tuple(item for group in chosen for item in group)
        if flat:
            yield Rule(name, cat, flat, make, examples, prio)


def const(value: Any) -> Maker:
    """A ``make`` that always builds ``value``."""
    return lambda _ctx, _values: value


def first_value(_ctx: Context, values: list[Any]) -> Any:
    """A ``make`` that passes its first typed value on."""
    return values[0]
