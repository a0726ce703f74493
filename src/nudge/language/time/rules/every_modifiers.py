"""A repeat told more: its clock, part of day, end, days or days left out.

"every day at 8", "every 2 hours until 6pm", "every month on the last friday", "tous les
jours sauf le weekend" (WEEKLY;BYDAY=MO,TU,WE,TH,FR).

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
from nudge.language.time.rules.every import CLOCK, CODES, DAY_LIST, DAYS, REPEAT, WEEKEND


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


def _except(_ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "every day except weekends", "tous les jours sauf le dimanche": the days left."""
    repeat: Repeat = values[0]
    left_out = values[-1]
    if repeat.freq != "DAILY" or repeat.interval != 1 or repeat.until is not None:
        return None
    if isinstance(left_out, Repeat):
        plain = left_out.clock is None and left_out.part is None and left_out.interval == 1
        if left_out.freq != "WEEKLY" or not left_out.byday or not plain:
            return None
        out = set(left_out.byday)
    else:
        out = {CODES[day] for day in (left_out if isinstance(left_out, tuple) else (left_out,))}
    kept = tuple(code for code in CODES if code not in out)
    return replace(repeat, freq="WEEKLY", byday=kept) if kept else None


def _on_nth_weekday(_ctx: Context, values: list[Any]) -> Repeat | None:
    """Form "every month on the last friday", "tous les mois le premier lundi"."""
    repeat: Repeat = values[0]
    n, weekday = values[1], values[-1]
    if repeat.freq != "MONTHLY" or repeat.byday or repeat.bymonthday or not 0 < abs(n) <= 5:
        return None
    return replace(repeat, byday=(f"{n}{CODES[weekday]}",))


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
BOTH += [
    *rule(
        "<repeat> on the <ordinal> <weekday>",
        "repeat",
        REPEAT,
        w("on", "le"),
        opt(w("the")),
        c("ord"),
        DAYS,
        make=_on_nth_weekday,
        examples=("every month on the first monday", "tous les mois le 2e mardi"),
    ),
    *rule(
        "<repeat> on the last <weekday>",
        "repeat",
        REPEAT,
        w("on", "le"),
        opt(w("the")),
        w("last", "dernier"),
        DAYS,
        make=lambda ctx, v: _on_nth_weekday(ctx, [v[0], -1, v[-1]]),
        examples=("every month on the last friday", "chaque mois le dernier vendredi"),
    ),
]
EXCEPT = w("except", "but", "excluding", "exc", "sauf", "excepte", "hormis")
BOTH += [
    *rule(
        "<repeat> except <repeat>",
        "repeat",
        REPEAT,
        EXCEPT,
        REPEAT,
        make=_except,
        examples=("à 7h tous les jours sauf le weekend", "every day but the weekends"),
    ),
    *rule(
        "<repeat> except <weekday>",
        "repeat",
        REPEAT,
        EXCEPT,
        opt(w("not")),
        opt(w("on", "le", "les", "the")),
        DAYS,
        make=_except,
        examples=("every day at 8 but not on sundays", "tous les jours sauf le dimanche"),
    ),
    *rule(
        "<repeat> except <weekdays>",
        "repeat",
        REPEAT,
        EXCEPT,
        opt(w("not")),
        opt(w("on", "le", "les", "the")),
        DAY_LIST,
        make=_except,
        examples=("every day except sat and sun", "tous les jours sauf samedi et dimanche"),
    ),
    *rule(
        "<repeat> except weekends",
        "repeat",
        REPEAT,
        EXCEPT,
        opt(w("not")),
        opt(w("on", "the")),
        w("weekend", "weekends"),
        make=lambda ctx, v: _except(ctx, [v[0], Repeat("WEEKLY", byday=WEEKEND)]),
        examples=("every day at 7 except weekends", "daily except on weekends"),
    ),
]
EN: list[Rule] = []
FR: list[Rule] = []
