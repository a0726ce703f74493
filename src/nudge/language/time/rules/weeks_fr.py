"""French weekdays placed by a week: "mardi de la semaine prochaine", "lundi en huit".

Conventions (Duckling's corpus and common French usage agree):

* "<weekday> de la semaine prochaine" is that day of next week (Monday to Sunday); "de la
  semaine dernière" of last week (past), "de cette semaine" of this one.
* "<weekday> suivant" / "<weekday> d'après" is that day of next week, as English "next
  wednesday" ("mercredi suivant" said on a Tuesday is eight days away, "mardi suivant" a
  week), where "mercredi prochain" is the coming one (tomorrow).
* "<day> en huit" is a week after that day, "<day> en quinze" two weeks: "lundi en huit"
  said on a Tuesday is the Monday after next; "mardi en huit" said on a Tuesday is a week
  away (the weekday counts from today); "aujourd'hui en huit" is a week from today.
* A weekday abbreviation that is also a word or a name ("sam", "dim", "mar") is a day
  only written against a clock ("rdv coiffeur sam 11h") or after "le", "ce", "prochain"…:
  these words are not in the lexicon, so no other rule reads them alone.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.days import _coming, _next_weeks, _this_weekday
from nudge.language.time.values import Cycle, Fixed, Shift, Span, truncate

_WEEK = c("unit", lambda u: u == "week")
_WEEKS_LATER = {8: 1, 15: 2}  # "en huit": a week later, "en quinze": two


def _in_week(ctx: Context, weekday: int, weeks: int) -> Time:
    """That weekday in the week ``weeks`` away from this one (Monday to Sunday)."""
    monday = truncate(ctx.now, "week") + timedelta(days=7 * weeks + weekday)
    return Time(Fixed(Span.unit(monday, "day")), day=True, past=weeks < 0)


def _of_week(ctx: Context, values: list[Any]) -> Time:
    """Form "mardi de la semaine prochaine": ``[weekday, direction]``."""
    return _in_week(ctx, values[0], values[-1])


def _of_this_week(ctx: Context, values: list[Any]) -> Time:
    """Form "lundi de cette semaine": this week's, even when it has passed."""
    day = truncate(ctx.now, "week") + timedelta(days=values[0])
    return Time(Fixed(Span.unit(day, "day")), day=True, past=day < truncate(ctx.now, "day"))


def _of_next_week(ctx: Context, values: list[Any]) -> Time:
    """Form "mercredi la semaine d'après": next week's."""
    return _in_week(ctx, values[0], 1)


def _weeks_later(number: Num) -> int | None:
    """The weeks "en huit" / "en quinze" add, or None for another number."""
    return _WEEKS_LATER.get(number.value) if isinstance(number, Num) else None


def _weekday_en_huit(ctx: Context, values: list[Any]) -> Time | None:
    """Form "lundi en huit": the coming Monday (today included), a week later."""
    weeks = _weeks_later(values[1])
    if weeks is None:
        return None
    base = _this_weekday(ctx, [values[0]])
    return Time(Shift(base.value, 7 * weeks, "day"), day=True)


def _is_one_day(time: Time) -> bool:
    """A named day without a clock ("demain", "aujourd'hui"), not a part of it."""
    return (
        isinstance(time.value, Cycle)
        and time.value.unit == "day"
        and time.part is None
        and not time.past
    )


def _day_en_huit(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "demain en huit", "d'aujourd'hui en huit": that day, a week later."""
    time, weeks = values[0], _weeks_later(values[1])
    if weeks is None or not _is_one_day(time):
        return None
    return Time(Shift(time.value, 7 * weeks, "day"), day=True)


_ABBREVIATIONS = {"sam": 5, "dim": 6, "mar": 1}


def _abbr_rule(word: str) -> list[Rule]:
    """Rules for one abbreviation: "sam 11h", "le sam", "ce sam", "sam prochain".

    Only written against a clock ("appelle sam à 11h" is a name and a clock).
    """
    day = _ABBREVIATIONS[word]
    return [
        *rule(
            f"{word} <hour>h<mm>",
            "time",
            w(word),
            c("int"),
            w("h", ":", tight=True),
            opt(c("int", tight=True)),
            make=lambda _c, v: _weekday_clock(day, v),
            examples=(f"{word} 11h", f"{word} 9h30", f"{word} 14:00"),
        ),
        *rule(
            f"le {word}",
            "time",
            w("le"),
            w(word),
            make=lambda _c, _v: Time(Fields(weekday=day)),
            examples=(f"le {word}",),
        ),
        *rule(
            f"ce {word}",
            "time",
            w("ce"),
            w(word),
            make=lambda ctx, _v: _this_weekday(ctx, [day]),
            examples=(f"ce {word}",),
        ),
        *rule(
            f"{word} prochain",
            "time",
            w(word),
            c("dir", lambda d: d == 1),
            make=lambda ctx, _v: _coming(ctx, [day]),
            examples=(f"{word} prochain",),
        ),
    ]


def _weekday_clock(weekday: int, numbers: list[Num]) -> Time | None:
    """A weekday at ``numbers`` (hour, minute?): that day's clock (today's if still ahead)."""
    hour = numbers[0].value
    minute = numbers[1].value if len(numbers) > 1 else None
    if not 0 <= hour <= 23 or (minute is not None and not 0 <= minute <= 59):
        return None
    return Time(Fields(weekday=weekday, hour=hour, minute=minute), day=True)


FR: list[Rule] = [
    *rule(
        "<weekday> de la semaine <dir>",
        "time",
        opt(w("le")),
        c("weekday"),
        opt(w("de")),
        w("la"),
        _WEEK,
        c("dir", lambda d: d != 0),
        make=_of_week,
        examples=("mardi de la semaine prochaine", "dimanche de la semaine derniere"),
    ),
    *rule(
        "<weekday> de cette semaine",
        "time",
        opt(w("le")),
        c("weekday"),
        opt(w("de")),
        c("dir", lambda d: d == 0),
        _WEEK,
        make=_of_this_week,
        examples=("lundi de cette semaine", "lundi cette semaine"),
    ),
    *rule(
        "<weekday> la semaine d'après",
        "time",
        opt(w("le")),
        c("weekday"),
        opt(w("de")),
        w("la"),
        _WEEK,
        w("d'"),
        w("apres"),
        make=_of_next_week,
        examples=("mercredi la semaine d'apres", "mercredi de la semaine d'apres"),
    ),
    *rule(
        "la semaine d'après",
        "time",
        opt(w("la", "le", "l'")),
        c("unit", lambda u: u in ("week", "month", "year")),
        w("d'"),
        w("apres"),
        make=lambda ctx, v: Time(Cycle(v[0], 1, ctx.now), day=True),
        examples=("la semaine d'apres", "le mois d'apres"),
    ),
    *rule(
        "<weekday> suivant",
        "time",
        opt(w("le")),
        c("weekday"),
        w("suivant", "suivante"),
        make=_next_weeks,
        examples=("mercredi suivant",),
    ),
    *rule(
        "<weekday> d'après",
        "time",
        opt(w("le")),
        c("weekday"),
        w("d'"),
        w("apres"),
        make=_next_weeks,
        examples=("mercredi d'apres",),
    ),
    *rule(
        "<weekday> en huit",
        "time",
        opt(w("le")),
        c("weekday"),
        w("en"),
        c("int"),
        make=_weekday_en_huit,
        examples=("lundi en huit", "mercredi en 8", "mardi en quinze"),
    ),
    *rule(
        "<day> en huit",
        "time",
        opt(w("d'")),
        c("time", _is_one_day),
        w("en"),
        c("int"),
        make=_day_en_huit,
        examples=("demain en huit", "d'aujourd'hui en huit"),
    ),
    *(found for word in _ABBREVIATIONS for found in _abbr_rule(word)),
]

BOTH: list[Rule] = []
EN: list[Rule] = []
