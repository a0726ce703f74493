"""Numbers and ordinals in words and digits: "twenty-five", "vingt et un", "1st", "2e"."""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.kit import c, opt, rule, w


def _tens(value: Any) -> bool:
    return (
        isinstance(value, Num)
        and not value.digits
        and value.value in (20, 30, 40, 50, 60, 70, 80, 90)
    )


def _unit(value: Any) -> bool:
    return isinstance(value, Num) and not value.digits and 1 <= value.value <= 9


def _add(_ctx: Context, values: list[Any]) -> Num:
    return Num(values[0].value + values[1].value)


def _ordinal_digits(_ctx: Context, values: list[Any]) -> int | None:
    number: Num = values[0]
    return number.value if number.digits and 1 <= number.value <= 31 else None


def _compound_ordinal(_ctx: Context, values: list[Any]) -> int:
    return int(values[0].value) + int(values[1])


BOTH: list[Rule] = [
    *rule(
        "<digits><st|nd|rd|th|er|e>",
        "ord",
        c("int"),
        c("ordsuffix", tight=True),
        make=_ordinal_digits,
        examples=("1st", "22nd", "3rd", "1er", "2e", "3eme"),
    ),
]

EN: list[Rule] = [
    *rule(
        "twenty five",
        "int",
        c("int", _tens),
        opt(w("-")),
        c("int", _unit),
        make=_add,
        examples=("twenty five", "forty-five"),
    ),
    *rule(
        "twenty first",
        "ord",
        c("int", _tens),
        opt(w("-")),
        c("ord", lambda v: 1 <= v <= 9),
        make=_compound_ordinal,
        examples=("twenty first", "twenty-third"),
    ),
]

FR: list[Rule] = [
    *rule(
        "vingt-cinq",
        "int",
        c("int", _tens),
        opt(w("-")),
        c("int", _unit),
        make=_add,
        examples=("vingt-cinq", "trente deux"),
    ),
    *rule(
        "vingt et un",
        "int",
        c("int", _tens),
        opt(w("-")),
        w("et"),
        opt(w("-")),
        c("int", lambda v: isinstance(v, Num) and v.value in (1, 11)),
        make=_add,
        examples=("vingt et un", "soixante-et-onze"),
    ),
    *rule(
        "soixante-dix-sept",
        "int",
        c("int", lambda v: isinstance(v, Num) and v.value in (60, 80)),
        opt(w("-")),
        c("int", lambda v: isinstance(v, Num) and 10 <= v.value <= 19),
        make=_add,
        examples=("soixante-dix-sept", "quatre-vingt-douze"),
    ),
    *rule(
        "vingt et unieme",
        "ord",
        c("int", _tens),
        opt(w("-")),
        opt(w("et")),
        opt(w("-")),
        c("ord", lambda v: 1 <= v <= 9),
        make=_compound_ordinal,
        examples=("vingt-deuxieme",),
    ),
]
