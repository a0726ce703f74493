"""A repeat told more: its clock, part of day, end or days ("every day at 8", "until 6pm").

Each rule takes a ``repeat`` already read ("every 2 hours", "tous les mois") and gives it one
more field, in either language; a repeat that has that field already is left alone, so
"every day at 8 at 9" is not read as one rule.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.compose import in_part, settle_hour
from nudge.language.time.kit import Repeat, c, opt, rule, w
from nudge.language.time.rules.clocks import clock
from nudge.language.time.rules.every import CLOCK, CODES, DAY_LIST, DAYS, REPEAT


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


BOTH: list[Rule] = [
    *rule(
        "<repeat> <clock>",
        "repeat",
        REPEAT,
        CLOCK,
        make=repeat_with_clock,
        examples=("daily 8am",),
    ),
    *rule(
        "<repeat> at <clock>",
        "repeat",
        REPEAT,
        w("at", "a", "@", "vers", "around"),
        CLOCK,
        make=repeat_with_clock,
        examples=("every day at 8", "tous les jours a 8h"),
    ),
    *rule(
        "<clock> <repeat>",
        "repeat",
        CLOCK,
        REPEAT,
        make=repeat_with_clock,
        examples=("8am every day",),
    ),
    *rule(
        "<repeat> <part>",
        "repeat",
        REPEAT,
        c("part"),
        make=_with_part,
        examples=("every saturday morning", "tous les lundis soir"),
    ),
    *rule(
        "<repeat> until <clock>",
        "repeat",
        REPEAT,
        w("until", "till", "til", "jusqu", "to"),
        opt(w("'")),
        opt(w("a")),
        CLOCK,
        make=_until,
        examples=("every 2 hours until 6pm", "toutes les 2 heures jusqu'a 18h"),
    ),
    *rule(
        "<repeat> until <hour>",
        "repeat",
        REPEAT,
        w("until", "till", "til"),
        c("int", lambda n: bool(n.digits) and 1 <= n.value <= 23),
        make=lambda ctx, v: _until(ctx, [v[0], clock(v[1].value, flexible=True)]),
        examples=("every 2 hours until 6",),
    ),
    *rule(
        "<repeat> on <weekday>",
        "repeat",
        REPEAT,
        w("on", "le"),
        DAYS,
        make=_on_weekday,
        examples=("every two weeks on friday",),
    ),
    *rule(
        "<repeat> on <weekdays>",
        "repeat",
        REPEAT,
        w("on", "les"),
        DAY_LIST,
        make=_on_weekday,
        examples=("every week on monday and thursday",),
    ),
    *rule(
        "<repeat> le <day>",
        "repeat",
        REPEAT,
        w("le", "on"),
        opt(w("the")),
        c("int"),
        make=_on_month_day,
        examples=("tous les mois le 5",),
    ),
    *rule(
        "<repeat> on the <ordinal>",
        "repeat",
        REPEAT,
        w("le", "on"),
        opt(w("the")),
        c("ord"),
        make=_on_month_day,
        examples=("every month on the 15th", "tous les mois le 1er"),
    ),
]
EN: list[Rule] = []
FR: list[Rule] = []
