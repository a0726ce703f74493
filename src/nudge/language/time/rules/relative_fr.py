"""French relative forms: "dans 2'" (two minutes), "dans 30″" (seconds), "deux jours après".

The prime and double prime are minutes and seconds only written against a number, so a
quote elsewhere ("le 'truc'") is no unit. "<duration> après" said alone counts from today
("deux jours après": the day after tomorrow); followed by words it is relative to something
else ("deux jours après l'opération") and ``surroundings`` drops it.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.kit import Duration, Time, c, rule, w
from nudge.language.time.rules.durations import MAX_AMOUNT
from nudge.language.time.rules.relative import later
from nudge.language.time.values import Grain

_MINUTES = ("'", "\u2032", "\u2019")  # the prime, its ASCII and its phone-keyboard stand-ins
_SECONDS = ('"', "\u2033", "\u201d")


def _minutes(_ctx: Context, values: list[Any]) -> Duration | None:
    return _count(values[0], "minute")


def _seconds(_ctx: Context, values: list[Any]) -> Duration | None:
    return _count(values[0], "second")


def _count(number: Num, unit: Grain) -> Duration | None:
    """``number`` of ``unit``, when written in digits and in range."""
    if not number.digits or not 0 < number.value <= MAX_AMOUNT:
        return None
    return Duration(number.value, unit)


FR: list[Rule] = [
    *rule(
        "<n>'",
        "duration",
        c("int"),
        w(*_MINUTES, tight=True),
        make=_minutes,
        examples=("dans 2'",),
    ),
    *rule(
        '<n>"',
        "duration",
        c("int"),
        w(*_SECONDS, tight=True),
        make=_seconds,
        examples=('dans 1"',),
    ),
    *rule(
        "<duration> après",
        "time",
        c("duration", lambda d: d.unit in ("day", "week", "month", "year")),
        w("apres"),
        make=lambda ctx, v: Time(later(ctx, v[0]), day=True),
        prio=-1,
        examples=("deux jours apres", "un jour apres"),
    ),
]

BOTH: list[Rule] = []
EN: list[Rule] = []
