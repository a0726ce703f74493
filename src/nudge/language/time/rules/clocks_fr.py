"""French clock times: "8h", "20h15", "neuf heures moins cinq", "midi et demi", "à 8".

French is 24-hour: "à 8" is 08:00. Minutes said after the hour in any of the ways people
write them ("quinze heures et quinze minutes", "15h passé de 15 minutes", "onze heures
trois quarts") are part of the clock, never dropped.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.clock_kit import AT_FR, CLOCK, HOUR, amount, at_hour, clock, num
from nudge.language.time.rules.clock_kit import passing as _approx


def _french_h(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0].value, values[1].value if len(values) > 1 else None)


def _french_plus(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0].value, amount(values[1]))


def _french_less(_ctx: Context, values: list[Any]) -> Time | None:
    hour, minutes = values[0], amount(values[1])
    hour = hour if isinstance(hour, int) else hour.value
    if not 0 < minutes < 60:
        return None
    return clock((hour - 1) % 24, 60 - minutes)


def _named_plus(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0], amount(values[1]))


def _three_quarters(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "onze heures trois quarts": a quarter to the next hour."""
    return clock(values[0].value, 45)


def _afternoon_twin(ctx: Context, values: list[Any]) -> Time | None:
    """Québec "à 4h" may be 16:00 as well as 04:00 ("à 4h chercher les enfants"): a rival.

    In Québec an hour is often said and texted on a 12-hour clock, so without minutes or a
    part of day an hour from 1 to 5 is as likely the afternoon's as the night's: the two
    readings tie and the app asks. "à 4h du matin", "à 3h de l'après-midi" keep the one their
    part allows. In France a written "5h" is 05:00 (the 24-hour clock is how times are
    written there), so no rival.
    """
    if not ctx.region.endswith("-CA"):
        return None
    return clock(values[0].value + 12)


BOTH: list[Rule] = []
EN: list[Rule] = []

_H = ("h", "heure", "heures", "hr", "hrs", "heur")

FR: list[Rule] = [
    *rule("<hour>h", "time", c("int", HOUR), w(*_H), make=_french_h, examples=("8h", "20 heures")),
    *rule(
        "<hour 1-5>h, in the afternoon too (Québec)",
        "time",
        c("int", num(1, 5, digits=True)),
        w(*_H),
        make=_afternoon_twin,
        examples=("4h", "2 heures"),
    ),
    *rule(
        "<hour>h<minutes>",
        "time",
        c("int", HOUR),
        w(*_H),
        c("int", num(0, 59)),
        make=_french_h,
        examples=("8h30", "20h15", "quinze heures trente"),
    ),
    *rule(
        "<hour>h<minutes> min",
        "time",
        c("int", HOUR),
        w(*_H),
        c("int", num(0, 59)),
        w("min", "minutes", "mn"),
        make=_french_h,
        examples=("8 heures 30 minutes",),
    ),
    *rule(
        "<hour>h et quart|demie",
        "time",
        c("int", HOUR),
        w(*_H),
        w("et"),
        c("quarter"),
        make=_french_plus,
        examples=("8h et quart",),
    ),
    *rule(
        "<hour>h et demie",
        "time",
        c("int", HOUR),
        w(*_H),
        c("half"),
        make=_french_plus,
        examples=("8h et demie", "huit heures et demie"),
    ),
    *rule(
        "<hour>h moins le quart",
        "time",
        c("int", HOUR),
        w(*_H),
        w("moins"),
        c("quarter"),
        make=_french_less,
        examples=("9h moins le quart",),
    ),
    *rule(
        "<hour>h moins <n>",
        "time",
        c("int", HOUR),
        w(*_H),
        w("moins"),
        c("int", num(1, 59)),
        make=_french_less,
        examples=("9h moins 10", "neuf heures moins cinq"),
    ),
    *rule(
        "à <hour>",
        "time",
        w(*AT_FR),
        c("int", num(0, 23, digits=True)),
        make=at_hour,
        examples=("a 8", "vers 7"),
    ),
    *rule("à <clock>", "time", w(*AT_FR), CLOCK, make=_approx, examples=("a 8h", "vers midi")),
    *rule(
        "midi|minuit et quart",
        "time",
        c("named_clock"),
        w("et"),
        c("quarter"),
        make=_named_plus,
        examples=("midi et quart",),
    ),
    *rule(
        "midi|minuit et demi",
        "time",
        c("named_clock"),
        c("half"),
        make=_named_plus,
        examples=("midi et demi", "minuit et demie"),
    ),
    *rule(
        "midi <minutes>",
        "time",
        c("named_clock"),
        c("int", num(1, 59)),
        make=lambda _c, v: clock(v[0], v[1].value),
        examples=("midi 30", "midi vingt"),
    ),
    *rule(
        "midi moins le quart",
        "time",
        c("named_clock"),
        w("moins"),
        c("quarter"),
        make=lambda _c, v: clock((v[0] - 1) % 24, 45),
        examples=("midi moins le quart",),
    ),
    *rule(
        "midi|minuit moins <n>",
        "time",
        c("named_clock"),
        w("moins"),
        c("int", num(1, 59)),
        make=_french_less,
        examples=("midi moins cinq", "minuit moins 10"),
    ),
    *rule(
        "<hour>h et <n> minutes",
        "time",
        c("int", HOUR),
        w(*_H),
        w("et"),
        c("int", num(1, 59)),
        w("minutes", "minute", "min", "mn"),
        make=_french_plus,
        examples=("quinze heures et quinze minutes",),
    ),
    *rule(
        "<hour>h passé de <n> minutes",
        "time",
        c("int", HOUR),
        w(*_H),
        w("passe", "passee", "passees", "passes"),
        w("de"),
        c("int", num(1, 59)),
        opt(w("minutes", "minute", "min", "mn")),
        make=_french_plus,
        examples=("15h passé de 15 minutes", "quinze heures passé de trente minutes"),
    ),
    *rule(
        "<hour>h trois quarts",
        "time",
        c("int", HOUR),
        w(*_H),
        opt(w("et")),
        w("trois"),
        w("quarts", "quart"),
        make=_three_quarters,
        examples=("onze heures trois quarts", "11h et trois quarts"),
    ),
]
