"""Times made of times: "tomorrow at 8", "friday evening", "le 2e mardi de janvier".

Intersection follows ``compose`` (a flexible hour on another day is settled; a part of
day places the hour). The English nth-of rules are in ``nth.py``.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.compose import in_part, intersect
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.parts import part_value
from nudge.language.time.rules.nth import (
    LAST as _LAST,
)
from nudge.language.time.rules.nth import (
    MONTHISH as _MONTHISH,
)
from nudge.language.time.rules.nth import (
    _ordinal_of,
    _this_month,
    nth_day_of,
    nth_of,
)
from nudge.language.time.values import Fixed, Intersect


def _both(ctx: Context, values: list[Any]) -> Time | None:
    a, b = values[0], values[1]
    if _fine_elapsed(a) or _fine_elapsed(b) or a.latent and b.latent or a.part and b.part:
        return None
    if _now(a) or _now(b):  # "tomorrow at this time" is the day at this clock (day_clock.py)
        return None
    return intersect(a, b, ctx)


def _fine_elapsed(time: Time) -> bool:
    """Form "in 20 min" takes no other time; "in 2 days" takes a clock ("in 2 days at 9am")."""
    return time.elapsed and time.value.grain != "day"


def _now(time: Time) -> bool:
    """Whether the time is "now" (one second, this one): it takes no other time."""
    return isinstance(time.value, Fixed) and time.value.grain == "second"


def _with_part(ctx: Context, values: list[Any]) -> Time | None:
    """Form "friday evening", "demain matin", "tomorrow night"."""
    time, word = values[0], values[1]
    fields = time.fields
    if fields is not None and fields.has_clock:
        return None
    span = part_value(word, ctx)
    if span is None:
        return None
    return Time(Intersect(time.value, span), part=word, day=True, past=time.past)


def _clock_in_part(ctx: Context, values: list[Any]) -> Time | None:
    """Form "8 in the evening", "8h du soir", "7 am tomorrow morning"."""
    time, word = values[0], values[1]
    fields = time.fields
    if fields is None or not fields.has_clock or fields.has_date:
        return None
    placed = in_part(fields, word, ctx)
    return None if placed is None else Time(placed)


def _part_alone(ctx: Context, values: list[Any]) -> Time | None:
    """Form "in the evening", "ce soir", "after lunch": today's (or the next) part."""
    span = part_value(values[0], ctx)
    return None if span is None else Time(span, part=values[0])


_DAY = c("time", lambda t: t.value.grain == "day" or t.part is not None)
_TIME = c("time")

_BARE_PARTS = frozenset(
    {
        "morning",
        "afternoon",
        "evening",
        "lunch",
        "dinner",
        "dejeuner",
        "diner",
        "souper",
        "breakfast",
    }
)
_MOMENT = c("part", lambda p: p not in _BARE_PARTS)  # "after lunch": a time on its own


def _not_a_date(time: Time) -> bool:
    """What "at" leads to: a clock or a part of day, never a date ("friday at 12.30" is 12:30)."""
    fields = time.fields
    return fields is None or fields.has_clock or not fields.has_date


BOTH: list[Rule] = [
    *rule(
        "<moment>", "time", _MOMENT, make=_part_alone, examples=("after lunch", "avant de dormir")
    ),
    *rule(
        "<moment> <day>",
        "time",
        _MOMENT,
        c("time", lambda t: t.value.grain == "day" and t.part is None),
        make=lambda ctx, v: _with_part(ctx, [v[1], v[0]]),
        examples=("first thing tomorrow", "au reveil demain"),
    ),
    *rule(
        "<time> <time>",
        "time",
        _TIME,
        _TIME,
        make=_both,
        prio=-1,
        examples=("tomorrow 8pm", "friday 3pm", "8pm tomorrow"),
    ),
    *rule(
        "<time>, <time>",
        "time",
        _TIME,
        w(","),
        _TIME,
        make=_both,
        prio=-2,
        examples=("monday, feb 18",),
    ),
    *rule(
        "<time> <part>",
        "time",
        _DAY,
        c("part"),
        make=_with_part,
        examples=("friday evening", "demain matin", "tomorrow night"),
    ),
]

EN: list[Rule] = [
    *rule(
        "<time> at <time>",
        "time",
        _TIME,
        w("at", "@", "around", "by"),
        c("time", _not_a_date),
        make=_both,
        examples=("tomorrow at 8", "friday at 3pm", "friday at 12.30"),
    ),
    *rule(
        "<time> on <time>", "time", _TIME, w("on"), _TIME, make=_both, examples=("at 3 on friday",)
    ),
    *rule(
        "<time> of <time>",
        "time",
        _TIME,
        w("of"),
        _TIME,
        make=_both,
        prio=-1,
        examples=("sunday of next week",),
    ),
    *rule(
        "<clock> in the <part>",
        "time",
        _TIME,
        w("in"),
        opt(w("the")),
        c("part"),
        make=_clock_in_part,
        examples=("8 in the evening", "7 this morning"),
    ),
    *rule("<clock> <part>", "time", _TIME, c("part"), make=_clock_in_part, examples=("8 tonight",)),
    *rule(
        "in the <part>",
        "time",
        w("in", "this"),
        opt(w("the")),
        c("part"),
        make=_part_alone,
        examples=("in the evening", "this afternoon"),
    ),
    *rule(
        "at <part>",
        "time",
        w("at", "around", "by"),
        c("part"),
        make=_part_alone,
        examples=("at lunch",),
    ),
]

_DE = ("de", "du", "d'")

FR: list[Rule] = [
    *rule(
        "<time> à <time>",
        "time",
        _TIME,
        w("a", "vers", "@"),
        _TIME,
        make=_both,
        examples=("demain a 8h", "vendredi vers 15h"),
    ),
    *rule(
        "<clock> du <part>",
        "time",
        _TIME,
        w("du", "de", "au", "en"),
        opt(w("la", "l'")),
        c("part"),
        make=_clock_in_part,
        examples=("8h du soir", "3h de l'apres-midi"),
    ),
    *rule(
        "<clock> ce <part>",
        "time",
        _TIME,
        w("ce", "cet", "cette"),
        c("part"),
        make=_clock_in_part,
        examples=("8h ce soir",),
    ),
    *rule(
        "<time> dans la <part>",
        "time",
        _DAY,
        w("dans", "en"),
        w("la", "l'"),
        c("part"),
        make=_with_part,
        examples=("demain dans la matinee",),
    ),
    *rule(
        "au <part>",
        "time",
        w("au", "a", "pour", "en", "dans"),
        opt(w("la", "l'", "le")),
        c("part"),
        make=_part_alone,
        examples=("au souper", "au diner", "dans la soiree"),
    ),
    *rule(
        "<time> au <part>",
        "time",
        _DAY,
        w("au", "a", "pour", "en"),
        opt(w("la", "l'", "le")),
        c("part"),
        make=_with_part,
        examples=("demain au diner",),
    ),
    *rule(
        "le <ordinal> <weekday> de <time>",
        "time",
        opt(w("le", "la")),
        c("ord"),
        c("weekday"),
        w(*_DE),
        opt(w("la", "le", "ce", "cette")),
        _MONTHISH,
        make=nth_of,
        examples=("le 2e mardi de janvier", "le premier lundi du mois prochain"),
    ),
    *rule(
        "le dernier <weekday> de <time>",
        "time",
        opt(w("le", "la")),
        c("ord", _LAST),
        c("weekday"),
        w(*_DE),
        opt(w("la", "le", "ce", "cette")),
        _MONTHISH,
        make=nth_of,
        examples=("le dernier vendredi du mois",),
    ),
    *rule(
        "le dernier jour de <time>",
        "time",
        opt(w("le")),
        c("ord", _LAST),
        w("jour"),
        w(*_DE),
        opt(w("la", "le", "ce", "cette")),
        _MONTHISH,
        make=nth_day_of,
        examples=("le dernier jour du mois",),
    ),
    *rule(
        "le <day> de <time>",
        "time",
        opt(w("le")),
        c("int", lambda v: isinstance(v, Num) and bool(v.digits)),
        w(*_DE),
        opt(w("la", "le", "ce", "cette")),
        _MONTHISH,
        make=_ordinal_of,
        examples=("le 20 du mois prochain",),
    ),
    *rule(
        "fin de <time>",
        "time",
        opt(w("a", "en")),
        opt(w("la")),
        w("fin"),
        opt(w(*_DE)),
        opt(w("la", "le", "ce", "cette")),
        _MONTHISH,
        make=lambda ctx, v: nth_day_of(ctx, [-1, v[-1]]),
        examples=("à la fin du mois", "fin du mois prochain", "fin décembre"),
    ),
    *rule("le mois", "time", w("le"), w("mois"), make=_this_month, examples=("du mois",)),
    *rule("du mois", "time", w("du"), w("mois"), make=_this_month, examples=("du mois",)),
]
