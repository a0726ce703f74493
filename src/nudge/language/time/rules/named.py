"""Named times: "now", holidays ("christmas eve", "la saint-jean", "thanksgiving")."""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.holidays import Holiday, date_of
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.values import Fixed, Span, truncate


def _now(ctx: Context, _values: list[Any]) -> Time:
    return Time(Fixed(Span.unit(truncate(ctx.now, "second"), "second")))


def _holiday(ctx: Context, values: list[Any]) -> Time | None:
    found = date_of(values[0], ctx.region)
    return None if found is None else Time(Holiday(values[0], found), day=True)


BOTH: list[Rule] = [
    *rule("now", "time", c("now"), make=_now, examples=("now", "right now", "maintenant")),
    *rule("<holiday>", "time", c("holiday"), make=_holiday, examples=("christmas", "noel")),
]

EN: list[Rule] = [
    *rule(
        "on <holiday>",
        "time",
        w("on", "for", "at"),
        opt(w("the")),
        c("holiday"),
        make=_holiday,
        examples=("on christmas eve",),
    ),
]

FR: list[Rule] = [
    *rule(
        "à <holiday>",
        "time",
        w("a", "pour", "le", "la", "au", "d'ici"),
        c("holiday"),
        make=_holiday,
        examples=("a noel", "pour la saint-jean"),
    ),
]
