"""Repeats → RFC 5545 RRULE: "every day at 8", "tous les lundis", "every first monday".

"every friday" is WEEKLY;BYDAY=FR, "les lundis, mercredis et vendredis à 6h" WEEKLY on three
days, "every first monday of the month" MONTHLY;BYDAY=1MO, "the last friday of every month"
MONTHLY;BYDAY=-1FR, "last day of every month" MONTHLY;BYMONTHDAY=-1, "every year on march
3" YEARLY;BYMONTH=3;BYMONTHDAY=3, "every other tuesday" WEEKLY;INTERVAL=2;BYDAY=TU.
A flexible hour on a repeat reads 1–6 as afternoon ("every day at 3" is 15:00).
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.kit import Repeat, Time, c, opt, rule, w

CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAYS = CODES[:5]
WEEKEND = CODES[5:]
_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY",
         "hour": "HOURLY", "minute": "MINUTELY"}  # fmt: skip


def _days(_ctx: Context, values: list[Any]) -> tuple[int, ...]:
    """A list of weekdays: "monday and thursday", "lundis, mercredis et vendredis"."""
    found: list[int] = []
    for value in values:
        found.extend(value if isinstance(value, tuple) else (value,))
    return tuple(sorted(set(found))) if len(set(found)) == len(found) else None  # type: ignore[return-value]


def _weekly(_ctx: Context, values: list[Any]) -> Repeat:
    days = values[0] if isinstance(values[0], tuple) else (values[0],)
    return Repeat("WEEKLY", byday=tuple(CODES[d] for d in days))


MIN_MINUTES = 5
"""A repeat more often than every 5 minutes is no reminder ("every 1 min")."""


def _unit(_ctx: Context, values: list[Any]) -> Repeat | None:
    freq = _FREQ.get(values[0])
    return None if freq is None or freq == "MINUTELY" else Repeat(freq)


def _every_n(_ctx: Context, values: list[Any]) -> Repeat | None:
    number, unit = values[0], values[1]
    freq = _FREQ.get(unit)
    if freq is None or not 1 <= number.value <= 500:
        return None
    if freq == "MINUTELY" and number.value < MIN_MINUTES:
        return None
    if unit == "day" and number.value in (14, 15):  # "tous les 15 jours": every other week
        return Repeat("WEEKLY", interval=2)
    return Repeat(freq, interval=number.value)


def _every_nth_unit(ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "every 2nd day", "every third week": every n units."""
    return _every_n(ctx, [Num(values[0]), values[1]]) if values[0] >= 2 else None


def _every_other(_ctx: Context, values: list[Any]) -> Repeat | None:
    value = values[0]
    if isinstance(value, str):
        freq = _FREQ.get(value)
        return None if freq is None else Repeat(freq, interval=2)
    return Repeat("WEEKLY", interval=2, byday=(CODES[value],))


def _nth_weekday(_ctx: Context, values: list[Any]) -> Repeat | None:
    n, weekday = values[0], values[1]
    if n == 0 or abs(n) > 5:
        return None
    return Repeat("MONTHLY", byday=(f"{n}{CODES[weekday]}",))


def _month_day(_ctx: Context, values: list[Any]) -> Repeat | None:
    number = values[0]
    day = number if isinstance(number, int) else number.value
    return Repeat("MONTHLY", bymonthday=(day,)) if 1 <= day <= 31 or day == -1 else None


def _yearly(_ctx: Context, values: list[Any]) -> Repeat | None:
    time: Time = values[0]
    fields = time.fields
    if fields is None or fields.month is None or fields.day is None or fields.has_clock:
        return None
    return Repeat("YEARLY", bymonth=(fields.month,), bymonthday=(fields.day,))


def _part_daily(_ctx: Context, values: list[Any]) -> Repeat:
    return Repeat("DAILY", part=values[0])


def _fixed(repeat: Repeat) -> Any:
    return lambda _ctx, _values: repeat


DAY_LIST = c("days")
DAYS = c("weekday")
EVERY_EN = ("every", "each", "evry", "evrey", "everyday", "all")
EVERY_FR = ("chaque", "tous", "toutes", "ttes", "tts")
REPEAT = c("repeat")
CLOCK = c("time", lambda t: t.fields is not None and t.fields.has_clock and not t.fields.has_date)

BOTH: list[Rule] = [
    *rule(
        "<weekday>, <weekday>",
        "days",
        DAYS,
        w(",", "and", "et", "&", "+", "/"),
        DAYS,
        make=_days,
        examples=("monday and thursday", "lundis, mercredis"),
    ),
    *rule(
        "<days>, <weekday>",
        "days",
        DAY_LIST,
        opt(w(",")),
        w(",", "and", "et", "&", "+"),
        DAYS,
        make=_days,
        examples=("lundis, mercredis et vendredis",),
    ),
    *rule(
        "<weekday> <weekday>", "days", DAYS, DAYS, make=_days, prio=-1, examples=("mon wed fri",)
    ),
    *rule(
        "<days> <weekday>", "days", DAY_LIST, DAYS, make=_days, prio=-1, examples=("mon wed fri",)
    ),
    # a list of days alone is a schedule, weekly: "gym mon wed fri", "sport lundi mercredi"
    *rule(
        "<weekdays>",
        "repeat",
        c("days"),
        make=_weekly,
        prio=-2,
        examples=("mon wed fri", "lundi mercredi vendredi"),
    ),
]

EN: list[Rule] = [
    *rule(
        "daily",
        "repeat",
        w("daily", "everyday", "nightly"),
        make=_fixed(Repeat("DAILY")),
        examples=("daily",),
    ),
    *rule("weekly", "repeat", w("weekly"), make=_fixed(Repeat("WEEKLY")), examples=("weekly",)),
    *rule("monthly", "repeat", w("monthly"), make=_fixed(Repeat("MONTHLY")), examples=("monthly",)),
    *rule(
        "yearly",
        "repeat",
        w("yearly", "annually"),
        make=_fixed(Repeat("YEARLY")),
        examples=("yearly", "annually"),
    ),
    *rule(
        "every <weekday>",
        "repeat",
        w(*EVERY_EN),
        opt(w("single")),
        DAYS,
        make=_weekly,
        examples=("every monday",),
    ),
    *rule(
        "every <days>",
        "repeat",
        w(*EVERY_EN),
        DAY_LIST,
        make=_weekly,
        examples=("every monday and thursday",),
    ),
    *rule(
        "on <weekday>s",
        "repeat",
        w("on"),
        c("days"),
        make=_weekly,
        prio=-1,
        examples=("on mondays and wednesdays",),
    ),
    *rule(
        "on <weekday>s",
        "repeat",
        w("on"),
        c("weekdays"),
        make=_weekly,
        examples=("on mondays", "on fridays at 6pm"),
    ),
    *rule(
        "every day|week|month",
        "repeat",
        w(*EVERY_EN),
        opt(w("single")),
        c("unit"),
        make=_unit,
        examples=("every day", "each week"),
    ),
    *rule(
        "every weekday",
        "repeat",
        w(*EVERY_EN),
        w("weekday", "weekdays", "workday", "workdays"),
        make=_fixed(Repeat("WEEKLY", byday=WEEKDAYS)),
        examples=("every weekday",),
    ),
    *rule(
        "on weekdays",
        "repeat",
        opt(w("on")),
        w("weekdays"),
        make=_fixed(Repeat("WEEKLY", byday=WEEKDAYS)),
        examples=("on weekdays", "weekdays"),
    ),
    *rule(
        "every weekend",
        "repeat",
        w(*EVERY_EN),
        w("weekend", "weekends"),
        make=_fixed(Repeat("WEEKLY", byday=WEEKEND)),
        examples=("every weekend",),
    ),
    *rule(
        "every <n> <unit>",
        "repeat",
        w(*EVERY_EN),
        c("int", lambda v: isinstance(v, Num)),
        c("unit"),
        make=_every_n,
        examples=("every 3 days", "every 2 hours"),
    ),
    *rule(
        "every other <unit|weekday>",
        "repeat",
        w(*EVERY_EN),
        w("other", "second"),
        c("unit"),
        make=_every_other,
        examples=("every other day",),
    ),
    *rule(
        "every other <weekday>",
        "repeat",
        w(*EVERY_EN),
        w("other", "second"),
        DAYS,
        make=_every_other,
        examples=("every other tuesday",),
    ),
    *rule(
        "biweekly",
        "repeat",
        w("biweekly", "fortnightly"),
        make=_fixed(Repeat("WEEKLY", interval=2)),
        examples=("biweekly",),
    ),
    *rule(
        "every <ordinal> <weekday> (of the month)",
        "repeat",
        w(*EVERY_EN),
        c("ord"),
        DAYS,
        opt(w("of")),
        opt(w("the", "each", "every")),
        opt(w("month")),
        make=_nth_weekday,
        examples=("every first monday of the month",),
    ),
    *rule(
        "every <ordinal> <unit>",
        "repeat",
        w(*EVERY_EN),
        c("ord"),
        c("unit"),
        make=_every_nth_unit,
        examples=("every 2nd day", "every third week"),
    ),
    *rule(
        "every <ordinal> (of the month)",
        "repeat",
        w(*EVERY_EN),
        c("ord"),
        opt(w("of")),
        opt(w("the", "each", "every")),
        opt(w("month")),
        make=_month_day,
        prio=-1,
        examples=("pay rent every 3rd", "every 15th of the month"),
    ),
    *rule(
        "every last <weekday>",
        "repeat",
        w(*EVERY_EN),
        w("last"),
        DAYS,
        opt(w("of")),
        opt(w("the", "each", "every")),
        opt(w("month")),
        make=lambda ctx, v: _nth_weekday(ctx, [-1, v[0]]),
        examples=("every last friday of the month",),
    ),
    *rule(
        "the <ordinal> <weekday> of every month",
        "repeat",
        opt(w("the", "on")),
        c("ord"),
        DAYS,
        w("of"),
        w("every", "each"),
        w("month"),
        make=_nth_weekday,
        examples=("the first monday of every month",),
    ),
    *rule(
        "the last <weekday> of every month",
        "repeat",
        opt(w("the", "on")),
        w("last"),
        DAYS,
        w("of"),
        w("every", "each"),
        w("month"),
        make=lambda ctx, v: _nth_weekday(ctx, [-1, v[0]]),
        examples=("the last friday of every month",),
    ),
    *rule(
        "the <ordinal> of every month",
        "repeat",
        opt(w("the", "on")),
        c("ord"),
        opt(w("day")),
        w("of"),
        w("every", "each"),
        w("month"),
        make=_month_day,
        examples=("the 1st of every month",),
    ),
    *rule(
        "last day of every month",
        "repeat",
        opt(w("the", "on")),
        w("last"),
        w("day"),
        w("of"),
        w("every", "each"),
        w("month"),
        make=lambda ctx, v: _month_day(ctx, [-1]),
        examples=("the last day of every month",),
    ),
    *rule(
        "every year on <date>",
        "repeat",
        w(*EVERY_EN),
        w("year"),
        opt(w("on")),
        c("time"),
        make=_yearly,
        examples=("every year on march 3",),
    ),
    *rule(
        "every <date>",
        "repeat",
        w(*EVERY_EN),
        c("time"),
        make=_yearly,
        prio=-1,
        examples=("every march 3",),
    ),
    *rule(
        "<date> every year",
        "repeat",
        c("time"),
        w("every", "each"),
        w("year"),
        make=_yearly,
        examples=("march 3 every year",),
    ),
    *rule(
        "every <part>",
        "repeat",
        w(*EVERY_EN),
        c("part"),
        make=_part_daily,
        examples=("every evening", "every night"),
    ),
]

FR: list[Rule] = []  # in every_fr.py
