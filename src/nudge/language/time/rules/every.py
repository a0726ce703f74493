"""Repeats → RFC 5545 RRULE: "every day at 8", "tous les lundis", "every first monday".

"every friday" is WEEKLY;BYDAY=FR, "les lundis, mercredis et vendredis à 6h" WEEKLY on three
days, "every first monday of the month" MONTHLY;BYDAY=1MO, "the last friday of every month"
MONTHLY;BYDAY=-1FR, "last day of every month" MONTHLY;BYMONTHDAY=-1, "every year on march
3" YEARLY;BYMONTH=3;BYMONTHDAY=3, "every other tuesday" WEEKLY;INTERVAL=2;BYDAY=TU.
A flexible hour on a repeat reads 1–6 as afternoon ("every day at 3" is 15:00).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.compose import in_part, settle_hour
from nudge.language.time.kit import Repeat, Time, c, opt, rule, w
from nudge.language.time.rules.clocks import clock

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


def repeat_with_clock(ctx: Context, values: list[Any]) -> Repeat | None:
    """A repeat and a clock time ("every day at 8", "8am every day"), in either order."""
    repeat, time = (
        (values[0], values[1]) if isinstance(values[0], Repeat) else (values[1], values[0])
    )
    if repeat.clock is not None or repeat.freq in ("HOURLY", "MINUTELY"):
        return None
    fields = time.fields
    if fields is None or not fields.has_clock or fields.has_date:
        return None
    clock = in_part(fields, repeat.part, ctx) if repeat.part else settle_hour(fields)
    return None if clock is None else repeat.at(clock)


def _with_part(ctx: Context, values: list[Any]) -> Repeat | None:
    repeat: Repeat = values[0]
    part = values[1]
    if repeat.part is not None or repeat.clock is not None or repeat.freq == "HOURLY":
        return None
    return replace(repeat, part=part)


def _part_daily(_ctx: Context, values: list[Any]) -> Repeat:
    return Repeat("DAILY", part=values[0])


def _until(ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "every 2 hours until 6pm": the rule ends at the next such time."""
    repeat, time = values[0], values[1]
    fields = time.fields
    if repeat.until is not None or fields is None or not fields.has_clock or fields.has_date:
        return None
    end = next(
        iter(
            settle_hour(fields).future(ctx.now)
            if repeat.freq not in ("HOURLY", "MINUTELY")
            else fields.future(ctx.now)
        ),
        None,
    )
    return None if end is None else replace(repeat, until=end.start)


def _on_weekday(_ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "every two weeks on friday": a weekly rule given its day."""
    repeat: Repeat = values[0]
    days = values[1]
    if repeat.freq != "WEEKLY" or repeat.byday:
        return None
    days = days if isinstance(days, tuple) else (days,)
    return replace(repeat, byday=tuple(CODES[d] for d in days))


def _on_month_day(_ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "tous les mois le 5", "every month on the 15th": a monthly rule given its day."""
    repeat: Repeat = values[0]
    number = values[1]
    day = number if isinstance(number, int) else number.value
    if repeat.freq != "MONTHLY" or repeat.bymonthday or repeat.byday or not 1 <= day <= 31:
        return None
    return replace(repeat, bymonthday=(day,))


def _fixed(repeat: Repeat) -> Any:
    return lambda _ctx, _values: repeat


_DAY_LIST = c("days")
_DAYS = c("weekday")
_EVERY_EN = ("every", "each", "evry", "evrey", "everyday", "all")
_EVERY_FR = ("chaque", "tous", "toutes", "ttes", "tts")
_REPEAT = c("repeat")
_CLOCK = c("time", lambda t: t.fields is not None and t.fields.has_clock and not t.fields.has_date)

BOTH: list[Rule] = [
    *rule(
        "<weekday>, <weekday>",
        "days",
        _DAYS,
        w(",", "and", "et", "&", "+", "/"),
        _DAYS,
        make=_days,
        examples=("monday and thursday", "lundis, mercredis"),
    ),
    *rule(
        "<days>, <weekday>",
        "days",
        _DAY_LIST,
        opt(w(",")),
        w(",", "and", "et", "&", "+"),
        _DAYS,
        make=_days,
        examples=("lundis, mercredis et vendredis",),
    ),
    *rule(
        "<repeat> <clock>",
        "repeat",
        _REPEAT,
        _CLOCK,
        make=repeat_with_clock,
        examples=("daily 8am",),
    ),
    *rule(
        "<repeat> at <clock>",
        "repeat",
        _REPEAT,
        w("at", "a", "@", "vers", "around"),
        _CLOCK,
        make=repeat_with_clock,
        examples=("every day at 8", "tous les jours a 8h"),
    ),
    *rule(
        "<clock> <repeat>",
        "repeat",
        _CLOCK,
        _REPEAT,
        make=repeat_with_clock,
        examples=("8am every day",),
    ),
    *rule(
        "<repeat> <part>",
        "repeat",
        _REPEAT,
        c("part"),
        make=_with_part,
        examples=("every saturday morning", "tous les lundis soir"),
    ),
    *rule(
        "<repeat> until <clock>",
        "repeat",
        _REPEAT,
        w("until", "till", "til", "jusqu", "to"),
        opt(w("'")),
        opt(w("a")),
        _CLOCK,
        make=_until,
        examples=("every 2 hours until 6pm", "toutes les 2 heures jusqu'a 18h"),
    ),
    *rule(
        "<repeat> until <hour>",
        "repeat",
        _REPEAT,
        w("until", "till", "til"),
        c("int", lambda n: bool(n.digits) and 1 <= n.value <= 23),
        make=lambda ctx, v: _until(ctx, [v[0], clock(v[1].value, flexible=True)]),
        examples=("every 2 hours until 6",),
    ),
    *rule(
        "<repeat> on <weekday>",
        "repeat",
        _REPEAT,
        w("on", "le"),
        _DAYS,
        make=_on_weekday,
        examples=("every two weeks on friday",),
    ),
    *rule(
        "<repeat> on <weekdays>",
        "repeat",
        _REPEAT,
        w("on", "les"),
        _DAY_LIST,
        make=_on_weekday,
        examples=("every week on monday and thursday",),
    ),
    *rule(
        "<repeat> le <day>",
        "repeat",
        _REPEAT,
        w("le", "on"),
        opt(w("the")),
        c("int"),
        make=_on_month_day,
        examples=("tous les mois le 5",),
    ),
    *rule(
        "<repeat> on the <ordinal>",
        "repeat",
        _REPEAT,
        w("le", "on"),
        opt(w("the")),
        c("ord"),
        make=_on_month_day,
        examples=("every month on the 15th", "tous les mois le 1er"),
    ),
    *rule(
        "<weekday> <weekday>", "days", _DAYS, _DAYS, make=_days, prio=-1, examples=("mon wed fri",)
    ),
    *rule(
        "<days> <weekday>", "days", _DAY_LIST, _DAYS, make=_days, prio=-1, examples=("mon wed fri",)
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
        w(*_EVERY_EN),
        opt(w("single")),
        _DAYS,
        make=_weekly,
        examples=("every monday",),
    ),
    *rule(
        "every <days>",
        "repeat",
        w(*_EVERY_EN),
        _DAY_LIST,
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
    *rule("<weekdays>", "repeat", c("days"), make=_weekly, prio=-2, examples=("mon wed fri",)),
    *rule(
        "every day|week|month",
        "repeat",
        w(*_EVERY_EN),
        opt(w("single")),
        c("unit"),
        make=_unit,
        examples=("every day", "each week"),
    ),
    *rule(
        "every weekday",
        "repeat",
        w(*_EVERY_EN),
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
        w(*_EVERY_EN),
        w("weekend", "weekends"),
        make=_fixed(Repeat("WEEKLY", byday=WEEKEND)),
        examples=("every weekend",),
    ),
    *rule(
        "every <n> <unit>",
        "repeat",
        w(*_EVERY_EN),
        c("int", lambda v: isinstance(v, Num)),
        c("unit"),
        make=_every_n,
        examples=("every 3 days", "every 2 hours"),
    ),
    *rule(
        "every other <unit|weekday>",
        "repeat",
        w(*_EVERY_EN),
        w("other", "second"),
        c("unit"),
        make=_every_other,
        examples=("every other day",),
    ),
    *rule(
        "every other <weekday>",
        "repeat",
        w(*_EVERY_EN),
        w("other", "second"),
        _DAYS,
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
        w(*_EVERY_EN),
        c("ord"),
        _DAYS,
        opt(w("of")),
        opt(w("the", "each", "every")),
        opt(w("month")),
        make=_nth_weekday,
        examples=("every first monday of the month",),
    ),
    *rule(
        "every last <weekday>",
        "repeat",
        w(*_EVERY_EN),
        w("last"),
        _DAYS,
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
        _DAYS,
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
        _DAYS,
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
        w("every", "each", "the"),
        w("month"),
        make=lambda ctx, v: _month_day(ctx, [-1]),
        examples=("the last day of every month",),
    ),
    *rule(
        "every year on <date>",
        "repeat",
        w(*_EVERY_EN),
        w("year"),
        opt(w("on")),
        c("time"),
        make=_yearly,
        examples=("every year on march 3",),
    ),
    *rule(
        "every <date>",
        "repeat",
        w(*_EVERY_EN),
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
        w(*_EVERY_EN),
        c("part"),
        make=_part_daily,
        examples=("every evening", "every night"),
    ),
]

FR: list[Rule] = []  # in every_fr.py
