"""French days and dates: "mardi prochain", "le 3 mars", "ce week-end"."""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.days import (
    _ANY_DATE,
    _DAY_NUM,
    _coming,
    _day_month,
    _day_of_month,
    _dir_cycle,
    _last_weekday,
    _merge_weekday,
    _on_weekday,
    _this_weekday,
    _weekend,
)

# "mercredi prochain": the coming one. "suivant" is no such word: "mercredi suivant" is next
# week's (``weeks_fr``), so it is left out here.
_COMING = ("prochain", "prochaine", "prochains", "prochaines", "pro")


def _no_clock(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "le <date>": a date without a clock ("le 1er mars 2013" is no 20:13)."""
    time: Time = values[0]
    fields = time.fields
    return None if fields is not None and fields.has_clock else time


FR: list[Rule] = [
    *rule(
        "le <date>",
        "time",
        w("le", "du", "au"),
        _ANY_DATE,
        make=_no_clock,
        examples=("le 15/01", "le 3 mars"),
    ),
    *rule(
        "ce week-end",
        "time",
        w("ce", "cette", "en"),
        w("week", "weekend"),
        opt(w("-")),
        opt(w("end")),
        make=_weekend,
        examples=("ce week-end", "ce weekend"),
    ),
    *rule(
        "en fin de semaine",
        "time",
        w("cette", "en"),
        w("fin"),
        w("de"),
        w("semaine"),
        make=_weekend,
        examples=("en fin de semaine", "cette fin de semaine"),
    ),
    *rule(
        "le week-end prochain",
        "time",
        w("le", "ce"),
        w("week", "weekend"),
        opt(w("-")),
        opt(w("end")),
        c("dir", lambda d: d == 1),
        make=_weekend,
        examples=("le week-end prochain",),
    ),
    *rule(
        "<weekday> prochain",
        "time",
        c("weekday"),
        w(*_COMING),
        make=_coming,
        examples=("mardi prochain",),
    ),
    *rule(
        "<weekday> dernier",
        "time",
        c("weekday"),
        c("dir", lambda d: d == -1),
        make=_last_weekday,
        examples=("lundi dernier",),
    ),
    *rule(
        "ce <weekday>", "time", w("ce"), c("weekday"), make=_this_weekday, examples=("ce mercredi",)
    ),
    *rule(
        "<weekday> qui vient",
        "time",
        c("weekday"),
        w("qui"),
        opt(w("s'")),
        opt(w("en")),
        w("vient"),
        make=_coming,
        examples=("vendredi qui vient", "vendredi qui s'en vient"),
    ),
    *rule(
        "le <weekday>", "time", w("le"), c("weekday"), make=_on_weekday, examples=("le vendredi",)
    ),
    *rule(
        "<unit> prochain",
        "time",
        c("unit", lambda u: u in ("week", "month", "year")),
        c("dir"),
        make=lambda ctx, v: _dir_cycle(ctx, [v[1], v[0]]),
        examples=("semaine prochaine", "le mois dernier"),
    ),
    *rule(
        "la semaine prochaine",
        "time",
        w("la", "le", "l'"),
        c("unit", lambda u: u in ("week", "month", "year")),
        c("dir"),
        make=lambda ctx, v: _dir_cycle(ctx, [v[1], v[0]]),
        examples=("la semaine prochaine", "l'an prochain"),
    ),
    *rule(
        "cette semaine",
        "time",
        c("dir", lambda d: d == 0),
        c("unit", lambda u: u in ("week", "month", "year")),
        make=_dir_cycle,
        examples=("cette semaine", "ce mois"),
    ),
    *rule(
        "le <day> <month>",
        "time",
        opt(w("le", "du", "au")),
        c("int", _DAY_NUM),
        c("month"),
        make=_day_month,
        examples=("le 3 mars", "15 fevrier"),
    ),
    *rule(
        "le 1er <month>",
        "time",
        opt(w("le", "du", "au")),
        c("ord"),
        c("month"),
        make=_day_month,
        examples=("le 1er mars", "premier avril"),
    ),
    *rule("le <day>", "time", w("le"), c("int", _DAY_NUM), make=_day_of_month, examples=("le 24",)),
    *rule(
        "le <ordinal>",
        "time",
        w("le"),
        c("ord", lambda v: v > 0),
        make=_day_of_month,
        examples=("le 1er",),
    ),
    *rule(
        "<weekday> <day>",
        "time",
        c("weekday"),
        c("int", _DAY_NUM),
        make=lambda ctx, v: _merge_weekday(v[0], Time(Fields(day=v[1].value))),
        examples=("mardi 19",),
    ),
    *rule(
        "<weekday> le <day>",
        "time",
        c("weekday"),
        w("le"),
        c("int", _DAY_NUM),
        make=lambda ctx, v: _merge_weekday(v[0], Time(Fields(day=v[1].value))),
        examples=("mardi le 19",),
    ),
]

BOTH: list[Rule] = []
EN: list[Rule] = []
