"""Clock times: "8pm", "8:30", "at 8", "20h15", "half past six", "midi et demi", "7p".

An English hour 1–11 without am/pm is flexible ("at 8": 08:00 or 20:00, whichever comes
first; on another day 1–6 is afternoon, see ``compose``). French is 24-hour. A bare
number is no time ("call 911", "3 kids"): a clock needs "at"/"à", a colon, am/pm, "h" or
a day beside it.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w

AT_EN = ("at", "@", "around", "about", "by", "for", "arround", "round", "til", "till", "until")
AT_FR = ("a", "@", "vers", "pour", "avant", "des", "dès")


def _num(low: int, high: int, *, digits: bool | None = None) -> Any:
    def test(value: Any) -> bool:
        if not isinstance(value, Num) or not low <= value.value <= high:
            return False
        return digits is None or bool(value.digits) == digits

    return test


HOUR = _num(0, 24)
HOUR12 = _num(1, 12)
MINUTE2 = lambda v: isinstance(v, Num) and len(v.digits) == 2 and v.value <= 59  # noqa: E731


def clock(hour: int, minute: int | None = None, *, flexible: bool = False) -> Time | None:
    """A clock time value, or None when out of range; hour 24 is midnight."""
    if not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    if hour == 24:
        hour, flexible = 0, False
    return Time(Fields(hour=hour, minute=minute, flexible=flexible and 1 <= hour <= 11))


def _english(ctx: Context, number: Num) -> bool:
    """A bare hour said the English way may be 12-hour (never zero-padded "08")."""
    return ctx.lang == "en" and not number.digits.startswith("0")


def _at_hour(ctx: Context, values: list[Any]) -> Time | None:
    number: Num = values[0]
    return clock(number.value, flexible=_english(ctx, number))


def _hh_mm(ctx: Context, values: list[Any]) -> Time | None:
    hour, minute = values[0], values[1]
    return clock(hour.value, minute.value, flexible=_english(ctx, hour))


def _meridiem(hour: int, meridiem: str) -> int | None:
    if not 1 <= hour <= 12:
        return None
    if meridiem == "am":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _ampm(_ctx: Context, values: list[Any]) -> Time | None:
    hour = _meridiem(values[0].value, values[-1])
    return None if hour is None else clock(hour)


def _hh_mm_ampm(_ctx: Context, values: list[Any]) -> Time | None:
    hour = _meridiem(values[0].value, values[2])
    return None if hour is None else clock(hour, values[1].value)


def _compact(ctx: Context, values: list[Any]) -> Time | None:
    number: Num = values[0]
    if len(number.digits) not in (3, 4):
        return None
    hour, minute = divmod(number.value, 100)
    return clock(hour, minute, flexible=_english(ctx, Num(hour, str(hour))))


def _named(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0])


def _named_plus(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0], values[1])


def _past(ctx: Context, values: list[Any]) -> Time | None:
    minutes, hour = values[0], values[1]
    amount = minutes if isinstance(minutes, int) else minutes.value
    return clock(hour.value, amount, flexible=_english(ctx, hour)) if amount < 60 else None


def _to(ctx: Context, values: list[Any]) -> Time | None:
    minutes, hour = values[0], values[1]
    amount = minutes if isinstance(minutes, int) else minutes.value
    if not 0 < amount < 60 or not 1 <= hour.value <= 24:
        return None
    return clock(
        hour.value - 1 if hour.value > 1 else 12, 60 - amount, flexible=_english(ctx, hour)
    )


def _french_h(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0].value, values[1].value if len(values) > 1 else None)


def _french_plus(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0].value, values[1])


def _french_less(_ctx: Context, values: list[Any]) -> Time | None:
    hour, amount = values[0].value, values[1]
    amount = amount if isinstance(amount, int) else amount.value
    if not 0 < amount < 60:
        return None
    return clock((hour - 1) % 24, 60 - amount)


def _approx(_ctx: Context, values: list[Any]) -> Any:
    return values[0]


def _hour_words(ctx: Context, values: list[Any]) -> Time | None:
    hour, minute = values[0], values[1]
    if hour.digits or minute.digits or not 1 <= hour.value <= 12 or not 10 <= minute.value <= 59:
        return None
    return clock(hour.value, minute.value, flexible=ctx.lang == "en")


def _oh_minute(ctx: Context, values: list[Any]) -> Time | None:
    hour, minute = values[0], values[1]
    if hour.digits or minute.digits or not 1 <= minute.value <= 9:
        return None
    return clock(hour.value, minute.value, flexible=ctx.lang == "en")


_CLOCK = c("time", lambda t: t.fields is not None and t.fields.has_clock and not t.fields.has_date)

BOTH: list[Rule] = [
    *rule(
        "<hour>h (tight)",
        "time",
        c("int", HOUR),
        w("h", tight=True),
        make=_french_h,
        examples=("22h", "8h"),
    ),
    *rule(
        "<hour>h<minutes> (tight)",
        "time",
        c("int", HOUR),
        w("h", tight=True),
        c("int", MINUTE2, tight=True),
        make=_french_h,
        examples=("22h30",),
    ),
    *rule(
        "hh:mm",
        "time",
        c("int", HOUR),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        make=_hh_mm,
        examples=("8:30", "20:15", "08:00"),
    ),
    *rule(
        "hh:mm:ss",
        "time",
        c("int", HOUR),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        make=lambda ctx, v: (
            None
            if (t := _hh_mm(ctx, v)) is None or t.fields is None
            else Time(
                Fields(
                    hour=t.fields.hour,
                    minute=t.fields.minute,
                    second=v[2].value,
                    flexible=t.fields.flexible,
                )
            )
        ),
        examples=("4:30:15",),
    ),
    *rule(
        "noon/midnight", "time", c("named_clock"), make=_named, examples=("noon", "midi", "minuit")
    ),
    *rule("<clock> ish", "time", _CLOCK, w("ish", tight=True), make=_approx, examples=("9ish",)),
]

EN: list[Rule] = [
    *rule(
        "<hour> am|pm",
        "time",
        c("int", HOUR12),
        c("ampm"),
        make=_ampm,
        examples=("8pm", "8 pm", "7p", "11 a.m."),
    ),
    *rule(
        "<hh:mm> am|pm",
        "time",
        c("int", HOUR12),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        c("ampm"),
        make=_hh_mm_ampm,
        examples=("8:30pm", "11:15 am"),
    ),
    *rule(
        "<hh.mm> am|pm",
        "time",
        c("int", HOUR12),
        w(".", tight=True),
        c("int", MINUTE2, tight=True),
        c("ampm"),
        make=_hh_mm_ampm,
        examples=("8.30pm",),
    ),
    *rule(
        "<noon> am|pm",
        "time",
        c("named_clock", lambda v: v == 12),
        c("ampm"),
        make=lambda _c, v: clock(12),
        examples=("12 noon",),
    ),
    *rule(
        "at <hour>",
        "time",
        w(*AT_EN),
        c("int", _num(0, 23, digits=True)),
        make=_at_hour,
        examples=("at 8", "@ 7", "around 3"),
    ),
    *rule(
        "at <hour word>",
        "time",
        w(*AT_EN),
        c("int", _num(1, 12, digits=False)),
        make=_at_hour,
        examples=("at eight",),
    ),
    *rule(
        "at <hhmm>",
        "time",
        w(*AT_EN),
        c("int", _num(100, 2359, digits=True)),
        make=_compact,
        examples=("at 830", "at 1545"),
    ),
    *rule(
        "at <hh mm>",
        "time",
        w(*AT_EN),
        c("int", HOUR),
        c("int", MINUTE2),
        make=_hh_mm,
        examples=("at 2 30",),
    ),
    *rule(
        "at <hh.mm>",
        "time",
        w(*AT_EN),
        c("int", HOUR),
        w(".", tight=True),
        c("int", MINUTE2, tight=True),
        make=_hh_mm,
        examples=("at 8.30",),
    ),
    *rule(
        "at <clock>", "time", w(*AT_EN), _CLOCK, make=_approx, examples=("at 8pm", "around noon")
    ),
    *rule(
        "<hour> o'clock",
        "time",
        c("int", HOUR12),
        w("o'clock", "oclock"),
        make=_at_hour,
        examples=("8 o'clock", "eight o'clock"),
    ),
    *rule(
        "<hour> o clock",
        "time",
        c("int", HOUR12),
        w("o"),
        w("clock"),
        make=_at_hour,
        examples=("eight o clock",),
    ),
    *rule(
        "half past <hour>",
        "time",
        c("half"),
        w("past", "after"),
        c("int", HOUR12),
        make=_past,
        examples=("half past six",),
    ),
    *rule(
        "quarter past <hour>",
        "time",
        c("quarter"),
        w("past", "after"),
        c("int", HOUR12),
        make=_past,
        examples=("quarter past 9", "a quarter after five"),
    ),
    *rule(
        "quarter to <hour>",
        "time",
        c("quarter"),
        w("to", "of", "till", "til", "before"),
        c("int", HOUR12),
        make=_to,
        examples=("quarter to nine", "a quarter of 5"),
    ),
    *rule(
        "<minutes> past <hour>",
        "time",
        c("int", _num(1, 59)),
        opt(w("minutes", "mins", "min")),
        w("past", "after"),
        c("int", HOUR12),
        make=_past,
        examples=("10 past 6", "twenty after 4"),
    ),
    *rule(
        "<minutes> to <hour>",
        "time",
        c("int", _num(1, 59)),
        opt(w("minutes", "mins", "min")),
        w("to", "till", "til", "before"),
        c("int", HOUR12),
        make=_to,
        examples=("10 to 6",),
    ),
    *rule(
        "<hour word> <minute word>",
        "time",
        c("int"),
        opt(w("-")),
        c("int"),
        make=_hour_words,
        prio=-1,
        examples=("ten thirty", "eight fifteen", "ten-thirty"),
    ),
    *rule(
        "<hour word> oh <minute>",
        "time",
        c("int"),
        opt(w("-")),
        w("oh", "o", "ou", "zero"),
        opt(w("-")),
        c("int"),
        make=_oh_minute,
        examples=("twelve oh three",),
    ),
]

_H = ("h", "heure", "heures", "hr", "hrs", "heur")

FR: list[Rule] = [
    *rule("<hour>h", "time", c("int", HOUR), w(*_H), make=_french_h, examples=("8h", "20 heures")),
    *rule(
        "<hour>h<minutes>",
        "time",
        c("int", HOUR),
        w(*_H),
        c("int", _num(0, 59)),
        make=_french_h,
        examples=("8h30", "20h15", "quinze heures trente"),
    ),
    *rule(
        "<hour>h<minutes> min",
        "time",
        c("int", HOUR),
        w(*_H),
        c("int", _num(0, 59)),
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
        c("int", _num(1, 59)),
        make=_french_less,
        examples=("9h moins 10", "neuf heures moins cinq"),
    ),
    *rule(
        "à <hour>",
        "time",
        w(*AT_FR),
        c("int", _num(0, 23, digits=True)),
        make=_at_hour,
        examples=("a 8", "vers 7"),
    ),
    *rule("à <clock>", "time", w(*AT_FR), _CLOCK, make=_approx, examples=("a 8h", "vers midi")),
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
        c("int", _num(1, 59)),
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
]
