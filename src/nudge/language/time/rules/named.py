"""Named times: "now", and the holidays ("christmas eve", "la saint-jean", "next thanksgiving")."""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.kit import Time, c, rule
from nudge.language.time.rules import holiday_forms, holiday_forms_fr
from nudge.language.time.values import Fixed, Span, truncate


def _now(ctx: Context, _values: list[Any]) -> Time:
    return Time(Fixed(Span.unit(truncate(ctx.now, "second"), "second")))


BOTH: list[Rule] = [
    *rule("now", "time", c("now"), make=_now, examples=("now", "right now", "maintenant")),
    *holiday_forms.BOTH,
]
EN: list[Rule] = holiday_forms.EN
FR: list[Rule] = holiday_forms_fr.FR
