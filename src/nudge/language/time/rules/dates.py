"""Dates: "march 3", "the 24th", "31 Oct", "3/12", "10/31/1974", "2015-03-03", "Monday, Feb 18".

Conventions (see ``docs/understanding.md``):

* A numeric date that can be read one way only ("25/12") is read that way; an ambiguous one
  follows the region (``region.month_first``).
* A two-digit year is the nearest one that is not more than ten years ahead: "26" is 2026,
  "74" is 1974 (a reading further ahead would be no reminder anyway).
* "the 24th" / "le 24" is a day of the month: this month's if still ahead, else next month's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.compose import with_clock
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.region import month_first

YEARS_AHEAD = 10  # a two-digit year further ahead is last century's


def _day_of_month(_ctx: Context, values: list[Any]) -> Time | None:
    number = values[0]
    day = number if isinstance(number, int) else number.value
    return Time(Fields(day=day)) if 1 <= day <= 31 else None


def _clock_alone(time: Time) -> bool:
    """A clock without a day ("2:30pm")."""
    fields = time.fields
    return fields is not None and fields.has_clock and not fields.has_date


def _nth_at_clock(ctx: Context, values: list[Any]) -> Time | None:
    """Form "dentist 10th at 2:30pm": that day of the month, at the clock (digits only)."""
    day = _day_of_month(ctx, [values[0]])
    return None if day is None else with_clock(day, values[1], ctx)


def _month_day(_ctx: Context, values: list[Any]) -> Time | None:
    month, number = values[0], values[1]
    day = number if isinstance(number, int) else number.value
    if not _valid(month, day):
        return None
    return Time(Fields(month=month, day=day), day=True)


def _day_month(_ctx: Context, values: list[Any]) -> Time | None:
    number, month = values[0], values[1]
    day = number if isinstance(number, int) else number.value
    if not _valid(month, day):
        return None
    return Time(Fields(month=month, day=day), day=True)


def _valid(month: int, day: int) -> bool:
    try:
        date(2024, month, day)
    except ValueError:
        return False
    return True


def year_of(number: Num, ctx: Context) -> int | None:
    """A written year; two digits are the nearest year at most ten years ahead ("74": 1974)."""
    if len(number.digits) == 4 and 1900 <= number.value <= 2200:
        return number.value
    if len(number.digits) == 2:
        year = 2000 + number.value
        return year if year <= ctx.now.year + YEARS_AHEAD else year - 100
    return None


def _with_year(ctx: Context, values: list[Any]) -> Time | None:
    time, number = values[0], values[1]
    year = year_of(number, ctx) if isinstance(number, Num) else None
    fields = time.fields
    if year is None or fields is None or fields.year is not None:
        return None
    if len(number.digits) == 2 and fields.day is None:
        return None
    try:
        if fields.month and fields.day and fields.day > 0:
            date(year, fields.month, fields.day)
    except ValueError:
        return None
    return Time(
        Fields(year=year, month=fields.month, day=fields.day, weekday=fields.weekday), day=True
    )


def _month(_ctx: Context, values: list[Any]) -> Time:
    return Time(Fields(month=values[0]), latent=False)


def _numeric(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3/12", "25/12", "12/25/2026": order by region when both readings work."""
    first, second = values[0], values[1]
    year = year_of(values[2], ctx) if len(values) > 2 else None
    if len(values) > 2 and year is None:
        return None
    readings = []
    if _valid(first.value, second.value):
        readings.append((first.value, second.value))
    if _valid(second.value, first.value):
        readings.append((second.value, first.value))
    if not readings or len(first.digits) > 2 or len(second.digits) > 2:
        return None
    if len(readings) == 2 and readings[0] != readings[1]:
        month, day = readings[0] if month_first(ctx.region) else readings[1]
    else:
        month, day = readings[0]
    if year is not None and not valid_in(year, month, day):
        return None
    return Time(Fields(year=year, month=month, day=day), day=True)


def valid_in(year: int, month: int, day: int) -> bool:
    """Whether ``day``/``month`` is a real date in ``year`` (no February 30)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(_ctx: Context, values: list[Any]) -> Time | None:
    year, month, day = values[0], values[1], values[2]
    if len(year.digits) != 4 or not valid_in(year.value, month.value, day.value):
        return None
    return Time(Fields(year=year.value, month=month.value, day=day.value), day=True)


def _year_month(_ctx: Context, values: list[Any]) -> Time | None:
    year, month = values[0], values[1]
    if len(year.digits) != 4 or not 1 <= month.value <= 12:
        return None
    return Time(Fields(year=year.value, month=month.value))


_DAY_NUM = lambda v: isinstance(v, Num) and 1 <= v.value <= 31 and len(v.digits) <= 2  # noqa: E731
_NUM2 = lambda v: isinstance(v, Num) and 1 <= v.value <= 31 and 1 <= len(v.digits) <= 2  # noqa: E731
_YEAR = lambda v: isinstance(v, Num) and len(v.digits) in (2, 4)  # noqa: E731
_DATE = c(
    "time",
    lambda t: t.fields is not None and t.fields.month is not None and t.fields.day is not None,
)
_SEP = ("/", "-", ".")

BOTH: list[Rule] = [
    *rule("<month> (latent)", "time", c("month"), make=_month, prio=-2, examples=("march",)),
    *rule(
        "dd/mm",
        "time",
        c("int", _NUM2),
        w(*_SEP, tight=True),
        c("int", _NUM2, tight=True),
        make=_numeric,
        examples=("3/12", "25/12", "2-15"),
    ),
    *rule(
        "dd/mm/yyyy",
        "time",
        c("int", _NUM2),
        w(*_SEP, tight=True),
        c("int", _NUM2, tight=True),
        w(*_SEP, tight=True),
        c("int", _YEAR, tight=True),
        make=_numeric,
        examples=("3/3/2015", "10/31/74"),
    ),
    *rule(
        "dd / mm",
        "time",
        c("int", _NUM2),
        w("/", "-"),
        c("int", _NUM2),
        make=_numeric,
        prio=-1,
        examples=("2 / 15",),
    ),
    *rule(
        "yyyy-mm-dd",
        "time",
        c("int"),
        w("-", "/", tight=True),
        c("int", tight=True),
        w("-", "/", tight=True),
        c("int", tight=True),
        make=_iso,
        examples=("2015-03-03",),
    ),
    *rule(
        "yyyy-mm",
        "time",
        c("int"),
        w("-", "/", tight=True),
        c("int", tight=True),
        make=_year_month,
        examples=("2014-10",),
    ),
    *rule(
        "<date> <year>",
        "time",
        _DATE,
        opt(w(",")),
        c("int", _YEAR),
        make=_with_year,
        examples=("march 3 2015", "le 3 mars 2027"),
    ),
    *rule(
        "<month> <year>",
        "time",
        c(
            "time",
            lambda t: (
                t.fields is not None
                and t.fields.month is not None
                and t.fields.day is None
                and t.fields.year is None
            ),
        ),
        c("int", lambda v: len(v.digits) == 4),
        make=_with_year,
        examples=("october 2014",),
    ),
    *rule(
        "<weekday> <date>",
        "time",
        c("weekday"),
        opt(w(",")),
        _DATE,
        make=lambda ctx, v: _merge_weekday(v[0], v[1]),
        examples=("Monday, Feb 18",),
    ),
    *rule(
        "<date> <weekday>",
        "time",
        _DATE,
        opt(w(",")),
        c("weekday"),
        make=lambda ctx, v: _merge_weekday(v[1], v[0]),
        examples=("Jul 18, Fri",),
    ),
]


def _day_mon_year(ctx: Context, values: list[Any]) -> Time | None:
    """Form "31/Oct/1974", "31-Oct-74": a day, a month name and a year, written as one."""
    day, month = _day_month(ctx, values[:2]), values[2] if len(values) > 2 else None
    if day is None or month is None:
        return day
    return _with_year(ctx, [day, month])


def _weekday_ordinal(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "Thu 15th", "friday the 13th": the next month whose 15th is a Thursday."""
    weekday, day = values[0], values[1]
    return Time(Fields(day=day, weekday=weekday), day=True) if 1 <= day <= 31 else None


def _ides(_ctx: Context, values: list[Any]) -> Time:
    """Form "the ides of march": the 15th of March, May, July and October, else the 13th."""
    month = values[0]
    return Time(Fields(month=month, day=15 if month in (3, 5, 7, 10) else 13), day=True)


def _merge_weekday(weekday: int, time: Time) -> Time | None:
    fields = time.fields
    if fields is None:
        return None
    merged = fields.merge(Fields(weekday=weekday))
    return None if merged is None else Time(merged, day=True)


EN: list[Rule] = [
    *rule(
        "dd/Mon/yyyy",
        "time",
        c("int", _DAY_NUM),
        w("/", "-", tight=True),
        c("month", tight=True),
        w("/", "-", tight=True),
        c("int", _YEAR, tight=True),
        make=_day_mon_year,
        examples=("31/Oct/1974", "31-Oct-74"),
    ),
    *rule(
        "dd/Mon",
        "time",
        c("int", _DAY_NUM),
        w("/", "-", tight=True),
        c("month", tight=True),
        make=_day_mon_year,
        examples=("31-Oct",),
    ),
    *rule(
        "<weekday> <ordinal>",
        "time",
        c("weekday"),
        opt(w(",")),
        opt(w("the")),
        c("ord"),
        make=_weekday_ordinal,
        examples=("Thu 15th", "friday the 13th"),
    ),
    *rule(
        "the ides of <month>",
        "time",
        opt(w("the")),
        w("ides"),
        w("of"),
        c("month"),
        make=_ides,
        examples=("the ides of march",),
    ),
    *rule(
        "<month> <day>",
        "time",
        c("month"),
        opt(w("the")),
        c("int", _DAY_NUM),
        make=_month_day,
        examples=("march 3", "Aug 8", "february the 15th"),
    ),
    *rule(
        "<month> <ordinal>",
        "time",
        c("month"),
        opt(w("the")),
        c("ord"),
        make=_month_day,
        examples=("march first", "march 3rd"),
    ),
    *rule(
        "<day> (of) <month>",
        "time",
        opt(w("the")),
        c("int", _DAY_NUM),
        opt(w("of")),
        c("month"),
        make=_day_month,
        examples=("15 of february", "14april", "31 Oct"),
    ),
    *rule(
        "<ordinal> (of) <month>",
        "time",
        opt(w("the")),
        c("ord"),
        opt(w("of")),
        c("month"),
        make=_day_month,
        examples=("the 1st of march", "first of march", "15th february"),
    ),
    *rule("the <ordinal>", "time", w("the"), c("ord"), make=_day_of_month, examples=("the 24th",)),
    *rule(
        "on the <ordinal>",
        "time",
        w("on"),
        w("the"),
        c("ord"),
        make=_day_of_month,
        examples=("on the 15th",),
    ),
    *rule("on <ordinal>", "time", w("on"), c("ord"), make=_day_of_month, examples=("on 24th",)),
    *rule(
        "<nth> at <clock>",
        "time",
        c("int", _DAY_NUM),
        w("st", "nd", "rd", "th", tight=True),
        w("at", "@"),
        c("time", _clock_alone),
        make=_nth_at_clock,
        examples=("dentist 10th at 2:30pm",),
    ),
    *rule(
        "<month>. <day>",
        "time",
        c("month"),
        w(".", tight=True),
        c("int", _DAY_NUM),
        make=_month_day,
        examples=("Dec. 3",),
    ),
]

_ANY_DATE = c("time", lambda t: t.fields is not None and t.fields.day is not None and not t.latent)

FR: list[Rule] = []  # in days_fr.py
