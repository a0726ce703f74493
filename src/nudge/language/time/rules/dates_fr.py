"""French dates: "17 02", "le 24 12 2014", "le lendemain du 13 février", "3e jour d'octobre".

* Day and month written as numbers apart ("le 31 10") are a date only when both are a real
  day and month, one of them in two digits unless a year follows ("1 2 kg" is none); a run
  of four numbers or more is a phone number (``surroundings``). After "à" or "vers" the
  same pair may be a clock ("à 17 02"): both readings are kept, so the user is asked.
* "le lendemain" / "le jour d'après" alone is tomorrow, "la veille" / "le jour d'avant"
  yesterday; followed by a day they are the day after or before it.
* "le dernier vendredi du mois" is this month's (once), next month's once it has passed
  (as "le 24"); "le 3e jour d'octobre" is a day counted in a month.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.dates import valid_in, year_of
from nudge.language.time.rules.nth import nth_day_of, nth_of
from nudge.language.time.values import Cycle, Shift


def _digits_upto(top: int) -> Callable[[Any], bool]:
    """A test for a number written in one or two digits, from 1 to ``top``."""
    return lambda v: isinstance(v, Num) and 1 <= len(v.digits) <= 2 and 1 <= v.value <= top


_DAY, _MONTH = _digits_upto(31), _digits_upto(12)
_YEAR = lambda v: isinstance(v, Num) and len(v.digits) in (2, 4)  # noqa: E731
_LEAP = 2024  # a day and month without a year is valid if it is in a leap year


def _date(ctx: Context, day: int, month: int, said_year: Num | None) -> Time | None:
    """The date, when real (a two-digit year is the nearest at most ten years ahead)."""
    year = None if said_year is None else year_of(said_year, ctx)
    if said_year is not None and year is None:
        return None
    if not valid_in(year or _LEAP, month, day):
        return None
    return Time(Fields(year=year, month=month, day=day), day=True)


def _spaced(ctx: Context, values: list[Any]) -> Time | None:
    """Form "17 02", "20 2 14": day, month (and year) written apart.

    Without a year, one of the two takes two digits: "1 2 kg de farine" is no February 1.
    """
    day, month = values[0], values[1]
    if len(values) == 2 and len(day.digits) < 2 and len(month.digits) < 2:
        return None
    return _date(ctx, day.value, month.value, values[2] if len(values) > 2 else None)


def _named_month(ctx: Context, values: list[Any]) -> Time | None:
    """Form "le 3 mars 2015": a year after a date is no clock (20:15)."""
    number = values[0]
    day = number if isinstance(number, int) else number.value
    return _date(ctx, day, values[1], values[2])


def _spaced_clock(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "à 17 02" read as a clock: hour, then two-digit minutes."""
    hour, minute = values[0], values[1]
    if len(minute.digits) != 2 or not 0 <= hour.value <= 23 or not 0 <= minute.value <= 59:
        return None
    return Time(Fields(hour=hour.value, minute=minute.value))


def _one_day(time: Time) -> bool:
    """A day said without a clock, not latent ("13 fevrier", "noel", "demain")."""
    fields = time.fields
    return (
        not time.latent
        and time.value.grain == "day"
        and time.part is None
        and not (fields is not None and fields.has_clock)
    )


def _day_after(_ctx: Context, values: list[Any]) -> Time:
    """Form "le lendemain du 13 fevrier": the day after."""
    time: Time = values[0]
    return Time(Shift(time.value, 1, "day"), day=True, past=time.past)


def _day_before(_ctx: Context, values: list[Any]) -> Time:
    """Form "la veille du 13 fevrier": the day before."""
    time: Time = values[0]
    return Time(Shift(time.value, -1, "day"), day=True, past=time.past)


def _tomorrow(ctx: Context, _values: list[Any]) -> Time:
    return Time(Cycle("day", 1, ctx.now), day=True)


def _yesterday(ctx: Context, _values: list[Any]) -> Time:
    return Time(Cycle("day", -1, ctx.now), day=True, past=True)


def _today(ctx: Context, _values: list[Any]) -> Time:
    return Time(Cycle("day", 0, ctx.now), day=True)


def _this_or_next_month(ctx: Context, make: Callable[[Time], Time | None]) -> Time | None:
    """``make`` of this month, or of next month when this month's has passed."""
    found = None
    for months in (0, 1):
        found = make(Time(Cycle("month", months, ctx.now)))
        if found is None or next(iter(found.value.future(ctx.now)), None) is not None:
            return found
    return found


def _nth_of_month(ctx: Context, values: list[Any]) -> Time | None:
    """Form "le dernier vendredi du mois": this month's, or next month's once it has passed."""
    return _this_or_next_month(ctx, lambda month: nth_of(ctx, [values[0], values[1], month]))


def _nth_day_of_month(ctx: Context, values: list[Any]) -> Time | None:
    """Form "le dernier jour du mois", "le 3e jour du mois", "le 15 du mois"."""
    number = values[0]
    n = number if isinstance(number, int) else number.value
    if isinstance(number, Num) and not 1 <= n <= 31:
        return None
    return _this_or_next_month(ctx, lambda month: nth_day_of(ctx, [n, month]))


_DE = ("de", "du", "d'")
_NUM_DAY, _NUM_MONTH = c("int", _DAY), c("int", _MONTH)

FR: list[Rule] = [
    *rule(
        "<dd> <mm>",
        "time",
        _NUM_DAY,
        _NUM_MONTH,
        make=_spaced,
        examples=("17 02", "31 10", "le 31 10"),
    ),
    *rule(
        "<dd> <mm> <yyyy>",
        "time",
        _NUM_DAY,
        _NUM_MONTH,
        c("int", _YEAR),
        make=_spaced,
        examples=("20 02 2014", "24 12 14"),
    ),
    *rule(
        "le <day> <month> <year>",
        "time",
        opt(w("le", "du", "au")),
        c("int", _DAY),
        c("month"),
        c("int", _YEAR),
        make=_named_month,
        examples=("le 3 mars 2015", "31 octobre 2027"),
    ),
    *rule(
        "le premier <month> <year>",
        "time",
        opt(w("le", "du", "au")),
        c("ord", lambda v: v > 0),
        c("month"),
        c("int", _YEAR),
        make=_named_month,
        examples=("le premier mars 2013", "le 1er mars 2027"),
    ),
    *rule(
        "à <dd> <mm> (date)",
        "time",
        w("a", "vers"),
        _NUM_DAY,
        _NUM_MONTH,
        make=_spaced,
        examples=("a 17 02",),
    ),
    *rule(
        "à <hh> <mm> (clock)",
        "time",
        w("a", "vers"),
        _NUM_DAY,
        _NUM_MONTH,
        make=_spaced_clock,
        examples=("a 17 02",),
    ),
    *rule(
        "le lendemain",
        "time",
        opt(w("le")),
        w("lendemain"),
        make=_tomorrow,
        examples=("le lendemain",),
    ),
    *rule(
        "le jour suivant",
        "time",
        opt(w("le")),
        c("unit", lambda u: u == "day"),
        w("suivant", "suivante"),
        make=_tomorrow,
        examples=("jour suivant", "le jour d'apres"),
    ),
    *rule(
        "le jour d'après",
        "time",
        opt(w("le")),
        c("unit", lambda u: u == "day"),
        w("d'"),
        w("apres"),
        make=_tomorrow,
        examples=("le jour d'apres",),
    ),
    *rule("la veille", "time", w("la"), w("veille"), make=_yesterday, examples=("la veille",)),
    *rule(
        "le jour précédent",
        "time",
        opt(w("le")),
        c("unit", lambda u: u == "day"),
        w("precedent"),
        make=_yesterday,
        examples=("le jour precedent",),
    ),
    *rule(
        "le jour d'avant",
        "time",
        opt(w("le")),
        c("unit", lambda u: u == "day"),
        w("d'"),
        w("avant"),
        make=_yesterday,
        examples=("le jour d'avant",),
    ),
    *rule(
        "le lendemain de <day>",
        "time",
        opt(w("le")),
        w("lendemain"),
        w(*_DE),
        c("time", _one_day),
        make=_day_after,
        examples=("le lendemain du 13 fevrier", "le lendemain de noel"),
    ),
    *rule(
        "la veille de <day>",
        "time",
        opt(w("la")),
        w("veille"),
        w(*_DE),
        c("time", _one_day),
        make=_day_before,
        examples=("la veille du 13 fevrier",),
    ),
    *rule("ce jour", "time", w("ce"), w("jour"), make=_today, examples=("ce jour",)),
    *rule(
        "dans la journée",
        "time",
        w("dans", "pendant", "durant"),
        w("la"),
        w("journee"),
        make=_today,
        examples=("dans la journee",),
    ),
    *rule(
        "dans la journée de <day>",
        "time",
        w("dans", "pendant", "durant"),
        w("la"),
        w("journee"),
        w(*_DE),
        c("time", _one_day),
        make=lambda _c, v: Time(v[0].value, day=True, past=v[0].past),
        examples=("dans la journee de demain", "dans la journee du 3 mars"),
    ),
    *rule(
        "le <ordinal> jour de <month>",
        "time",
        opt(w("le")),
        c("ord", lambda v: v > 0),
        w("jour"),
        w(*_DE),
        c("time", lambda t: t.value.grain in ("month", "year") and not t.latent),
        make=nth_day_of,
        examples=("le 3eme jour d'octobre", "3e jour du mois prochain"),
    ),
    *rule(
        "le <ordinal> <weekday> du mois",
        "time",
        opt(w("le", "la")),
        c("ord"),
        c("weekday"),
        w("du", "de"),
        opt(w("ce")),
        w("mois"),
        make=_nth_of_month,
        examples=("le dernier vendredi du mois", "le premier lundi de ce mois"),
    ),
    *rule(
        "le <ordinal> jour du mois",
        "time",
        opt(w("le")),
        c("ord"),
        w("jour"),
        w("du", "de"),
        opt(w("ce")),
        w("mois"),
        make=_nth_day_of_month,
        examples=("le dernier jour du mois", "le 3e jour du mois"),
    ),
    *rule(
        "le <n> du mois",
        "time",
        w("le"),
        c("int", _DAY),
        w("du", "de"),
        opt(w("ce")),
        w("mois"),
        make=_nth_day_of_month,
        examples=("le 15 du mois",),
    ),
]

BOTH: list[Rule] = []
EN: list[Rule] = []
