"""Holidays and what people say around them.

"christmas", "on thanksgiving", "à Noël"; "thanksgiving 2012", "Noël 2027", "Easter Sunday
two thousand ten"; "next|last|this thanksgiving", "Noël prochain", "le Noël dernier";
"MLK day of last year", "Noël de l'année prochaine"; "thanksgiving in 9 months", "Lakshmi
Puja six years hence", "thanksgiving 3 months ago"; "the closest xmas to today", "the 3rd
closest xmas to today"; "the day before thanksgiving", "la veille de Pâques", "le
lendemain de Noël"; "the third tuesday after christmas 2014", "le dimanche avant Noël".

Conventions:

* A holiday said alone is the coming one, but one passed less than ``RECENT_DAYS`` ago is
  past, as a month and day is ("on christmas" said on 30 December: the one just gone).
* "next christmas" is the first one after today, "last easter" the last one before today,
  "this thanksgiving" this year's (the coming one in a year without one).
* "<holiday> <year>" is that year's first (an Islamic holiday may fall twice in a year);
  a year its calendar has no date for names no time, rather than the year read as a clock.
* "<holiday> in <duration>" is the first one from that day on, "<holiday> <duration>
  ago" too, counted back (Duckling's reading: "thanksgiving 1 year ago" said in February
  2013 is 22 November 2012).
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Item, Num, Rule
from nudge.language.time.holidays import Counted, Holiday, Occurrence, date_of
from nudge.language.time.kit import Duration, Maker, Optional, Time, c, opt, rule, w
from nudge.language.time.resolve import RECENT_DAYS
from nudge.language.time.values import Shift, Span, Value, step, truncate

FIRST_YEAR, LAST_YEAR = 1900, 2200


def holiday(ctx: Context, name: str) -> Holiday | None:
    """Holiday ``name`` as kept in the user's region."""
    found = date_of(name, ctx.region)
    return None if found is None else Holiday(name, found)


def _day(holiday_: Holiday, span: Span | None, *, past: bool = False) -> Time:
    return Time(Occurrence(holiday_.name, span), day=True, past=past)


def _alone(ctx: Context, values: list[Any]) -> Time | None:
    """Form "christmas", "on christmas", "à Noël": the coming one, or the one just gone."""
    found = holiday(ctx, values[0])
    if found is None:
        return None
    recent = found.recent(ctx.now, RECENT_DAYS)
    if recent is None:
        return Time(found, day=True)
    return Time(Occurrence(found.name, recent, named=False), day=True)


def _year_of(number: Any) -> int | None:
    """A year said in digits ("2027") or as the spelled-year node's value."""
    if isinstance(number, Num):
        return number.value if len(number.digits) == 4 else None
    return number if isinstance(number, int) else None


def _in_year(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving 2012", "Noël 2027", "diwali in 2019": that year's (first) one."""
    found, year = holiday(ctx, values[0]), _year_of(values[-1])
    if found is None or year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    spans = found.spans(year)
    return _day(found, spans[0] if spans else None, past=bool(spans) and spans[0].end <= ctx.now)


def _of_year(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving of next year", "MLK day of last year", "Noël de l'an prochain"."""
    direction = next(value for value in values[1:] if isinstance(value, int))
    return _in_year(ctx, [values[0], ctx.now.year + direction])


def _directed(ctx: Context, values: list[Any]) -> Time | None:
    """Form "next thanksgiving", "last easter", "this christmas", "Noël prochain"."""
    direction, name = (values[0], values[1]) if isinstance(values[0], int) else values[::-1]
    found = holiday(ctx, name)
    if found is None:
        return None
    if direction > 0:
        return _day(found, found.next_after(ctx.now))
    if direction < 0:
        return _day(found, found.last_before(ctx.now), past=True)
    this_year = found.spans(ctx.now.year)
    coming = [span for span in this_year if span.end > ctx.now]
    if coming or this_year:
        span = (coming or this_year)[0]
        return _day(found, span, past=span.end <= ctx.now)
    return _day(found, found.next_after(ctx.now))


def _anchored(ctx: Context, name: str, duration: Duration, sign: int) -> Time | None:
    """Holiday ``name`` ``duration`` away: that year's, or the first from that day on.

    "christmas in two years" is the Christmas of the year two years from now; "thanksgiving
    in 9 months" the first Thanksgiving from the day nine months from now.
    """
    found = holiday(ctx, name)
    if found is None or duration.unit not in ("day", "week", "month", "year"):
        return None
    if duration.unit == "year":
        return _in_year(ctx, [name, ctx.now.year + sign * duration.amount])
    anchor = truncate(ctx.now, "day") + step(duration.unit, sign * duration.amount)
    span = next(found.future(anchor), None)
    return _day(found, span, past=span is not None and span.end <= ctx.now)


def _later(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving in 9 months", "Lakshmi Puja six years hence", "Noël dans deux ans"."""
    return _anchored(ctx, values[0], values[1], 1)


def _ago(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving 3 months ago", "Noël il y a deux ans"."""
    return _anchored(ctx, values[0], values[1], -1)


def _closest(ctx: Context, values: list[Any]) -> Time | None:
    """Form "the closest xmas to today", "the 2nd closest xmas to today"."""
    rank = values[0] if len(values) == 3 else 1
    found, anchor = holiday(ctx, values[-2]), values[-1]
    start = next(anchor.value.future(ctx.now), None)
    if found is None or start is None or not 1 <= rank <= 10:
        return None
    span = found.nearest(start.start, rank)
    return _day(found, span, past=span is not None and span.end <= ctx.now)


def _named_day(time: Any) -> bool:
    """Whether a time is a holiday's day the words chose ("thanksgiving 2027", "next easter")."""
    return isinstance(time, Time) and isinstance(time.value, Occurrence) and time.value.named


def _base(ctx: Context, said: Any) -> tuple[Value, bool] | None:
    """What a day is counted from: a holiday's every year (its name), or one named day.

    Counted from the series, "the day before thanksgiving" said the week after it is next
    year's: the one just gone is past only when the holiday is said alone.
    """
    if isinstance(said, Time):
        return said.value, said.past
    found = holiday(ctx, said)
    return None if found is None else (found, False)


def _shifted(ctx: Context, said: Any, days: int) -> Time | None:
    base = _base(ctx, said)
    return None if base is None else Time(Shift(base[0], days, "day"), day=True, past=base[1])


def _eve(ctx: Context, values: list[Any]) -> Time | None:
    """Form "the day before thanksgiving", "erev yom kippur", "la veille de Pâques"."""
    return _shifted(ctx, values[-1], -1)


def _morrow(ctx: Context, values: list[Any]) -> Time | None:
    """Form "the day after thanksgiving", "le lendemain de Noël"."""
    return _shifted(ctx, values[-1], 1)


def _counted(ctx: Context, values: list[Any], sign: int) -> Time | None:
    """Form "the third tuesday after christmas 2014", "le dimanche avant Pâques"."""
    n = values[0] if len(values) == 3 else 1
    weekday, base = values[-2], _base(ctx, values[-1])
    if not 1 <= n <= 5 or base is None:
        return None
    return Time(Counted(base[0], sign * n, weekday), day=True, past=base[1])


def _after(ctx: Context, values: list[Any]) -> Time | None:
    return _counted(ctx, values, 1)


def _before(ctx: Context, values: list[Any]) -> Time | None:
    return _counted(ctx, values, -1)


def _from_holiday(
    name: str, *items: Item | Optional, make: Maker, examples: tuple[str, ...]
) -> list[Rule]:
    """A rule counting from a holiday, once with its name and once with one of its days."""
    return [
        *rule(name, "time", *items, _HOLIDAY, make=make, examples=examples),
        *rule(f"{name} (day)", "time", *items, _NAMED_DAY, make=make, prio=_OVER_CLOCK),
    ]


def _spelled_year(_ctx: Context, values: list[Any]) -> int | None:
    """Form "two thousand ten", "deux mille vingt-sept": 2000 and a number under a hundred."""
    rest = values[-1]
    return 2000 + rest.value if isinstance(rest, Num) and 0 < rest.value < 100 else None


_HOLIDAY = c("holiday")
_NAMED_DAY = c("time", _named_day)
# A year after a holiday is no clock: "thanksgiving 2027" outranks "thanksgiving at 20:27",
# made of as many pieces.
_OVER_CLOCK = 1
_YEAR = c("int", lambda v: isinstance(v, Num) and len(v.digits) == 4)
_SPELLED = c("spelled_year")
_SPELLED_TWO = c("int", lambda v: isinstance(v, Num) and v.value == 2 and not v.digits)
_SPELLED_REST = c("int", lambda v: isinstance(v, Num) and not v.digits)  # "… thousand ten"
_SOME_DAYS = c("duration", lambda d: d.unit in ("day", "week", "month", "year"))
_YEAR_UNIT = c("unit", lambda u: u == "year")

BOTH: list[Rule] = [
    *rule("<holiday>", "time", _HOLIDAY, make=_alone, examples=("christmas", "noel")),
    *rule(
        "<holiday> <year>",
        "time",
        _HOLIDAY,
        opt(w(",")),
        _YEAR,
        make=_in_year,
        prio=_OVER_CLOCK,
        examples=("thanksgiving day 2012", "black friday 2017", "noel 2027"),
    ),
    *rule(
        "<holiday> <spelled year>",
        "time",
        _HOLIDAY,
        _SPELLED,
        make=_in_year,
        prio=_OVER_CLOCK,
        examples=("easter sunday two thousand ten", "noel deux mille vingt-sept"),
    ),
]

EN: list[Rule] = [
    *rule(
        "on <holiday>",
        "time",
        w("on", "for", "at"),
        opt(w("the")),
        _HOLIDAY,
        make=_alone,
        examples=("on christmas eve", "for thanksgiving"),
    ),
    *rule(
        "on <holiday day>",
        "time",
        w("on", "for", "at"),
        opt(w("the")),
        _NAMED_DAY,
        make=lambda _ctx, values: values[-1],
        prio=_OVER_CLOCK,
        examples=("on thanksgiving 2027", "for next christmas"),
    ),
    *rule(
        "two thousand <n>",
        "spelled_year",
        _SPELLED_TWO,
        w("thousand"),
        opt(w("and")),
        _SPELLED_REST,
        make=_spelled_year,
        examples=("two thousand ten", "two thousand and eighteen"),
    ),
    *rule(
        "<holiday> in|of <year>",
        "time",
        _HOLIDAY,
        w("in", "of"),
        _YEAR,
        make=_in_year,
        prio=_OVER_CLOCK,
        examples=("deepavali in 2019",),
    ),
    *rule(
        "<holiday> (of) next|last|this year",
        "time",
        _HOLIDAY,
        opt(w("of")),
        c("dir"),
        _YEAR_UNIT,
        make=_of_year,
        examples=("thanksgiving of next year", "mlk day of last year", "christmas next year"),
    ),
    *rule(
        "next|last|this <holiday>",
        "time",
        opt(w("the")),
        c("dir"),
        _HOLIDAY,
        make=_directed,
        examples=("next thanksgiving", "last easter", "this christmas"),
    ),
    *rule(
        "<holiday> in <duration>",
        "time",
        _HOLIDAY,
        w("in"),
        _SOME_DAYS,
        make=_later,
        examples=("thanksgiving in 9 months", "vijayadashami in five years"),
    ),
    *rule(
        "<holiday> <duration> from now|hence",
        "time",
        _HOLIDAY,
        _SOME_DAYS,
        w("hence", "from"),
        opt(w("now", "today")),
        make=_later,
        examples=("thanksgiving 9 months from now", "lakshmi puja six years hence"),
    ),
    *rule(
        "<holiday> <duration> ago",
        "time",
        _HOLIDAY,
        _SOME_DAYS,
        w("ago", "back", "earlier"),
        make=_ago,
        examples=("thanksgiving 3 months ago",),
    ),
    *rule(
        "the <ordinal> closest <holiday> to <time>",
        "time",
        w("the"),
        opt(c("ord")),
        w("closest", "nearest"),
        _HOLIDAY,
        w("to"),
        c("time"),
        make=_closest,
        examples=("the closest xmas to today", "the 3rd closest xmas to today"),
    ),
    *_from_holiday(
        "the day before <holiday>",
        opt(w("the")),
        w("day"),
        w("before"),
        make=_eve,
        examples=("the day before thanksgiving", "the day before rosh hashanah"),
    ),
    *_from_holiday(
        "the eve of <holiday>",
        opt(w("the")),
        w("eve"),
        w("of"),
        make=_eve,
        examples=("the eve of passover",),
    ),
    *_from_holiday("erev <holiday>", w("erev"), make=_eve, examples=("erev purim",)),
    *_from_holiday(
        "the day after <holiday>",
        opt(w("the")),
        w("day"),
        w("after"),
        make=_morrow,
        examples=("the day after thanksgiving",),
    ),
    *_from_holiday(
        "<ordinal> <weekday> after <holiday>",
        opt(w("the")),
        opt(c("ord")),
        c("weekday"),
        w("after"),
        make=_after,
        examples=("third tuesday after christmas 2014", "the sunday after easter"),
    ),
    *_from_holiday(
        "<ordinal> <weekday> before <holiday>",
        opt(w("the")),
        opt(c("ord")),
        c("weekday"),
        w("before"),
        make=_before,
        examples=("the sunday before christmas",),
    ),
]
