"""Jewish holidays from the Hebrew calendar (``pyluach``), for any year, as kept outside Israel.

A holiday is the Gregorian day whose daytime it fills: Yom Kippur 2018 is Wednesday
19 September (it began at sundown the evening before, "erev Yom Kippur"). Simchat Torah
is the day after Shemini Atzeret, as in the diaspora. pyluach names each festival and fast
of a Hebrew year, and moves the fast of Tisha B'Av off Shabbat itself; Israel's national
days come from ``holidays`` (Yom Ha'atzmaut moves with the weekday, by Israeli law), and
Yom HaShoah is 27 Nisan moved off Friday and Sunday as the Knesset set it.
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from functools import lru_cache

from nudge.language.time.holidays.western import DateOf, Days

# Our holiday → pyluach's festival or fast name (the diaspora reading of each).
FESTIVALS = {
    "rosh_hashanah": "Rosh Hashana", "yom_kippur": "Yom Kippur", "sukkot": "Succos",
    "shemini_atzeret": "Shmini Atzeres", "simchat_torah": "Simchas Torah",
    "hanukkah": "Chanuka", "tu_bishvat": "Tu B'shvat", "purim": "Purim",
    "shushan_purim": "Shushan Purim", "passover": "Pesach", "lag_baomer": "Lag Ba'omer",
    "shavuot": "Shavuos", "tisha_bav": "9 of Av",
}  # fmt: skip
_HEBREW_EPOCH = 3760  # Gregorian year + 3760 is the Hebrew year from Tishrei to Elul before it
_NISAN = 1


@lru_cache(maxsize=32)
def _first_days(hebrew_year: int) -> dict[str, date]:
    """The first day of each festival and fast of a Hebrew year, by pyluach's name."""
    from pyluach.dates import HebrewDate
    from pyluach.hebrewcal import Year

    found: dict[str, date] = {}
    day: HebrewDate
    for day in Year(hebrew_year).iterdates():
        for name in (day.festival(israel=False), day.fast_day()):
            if name is not None and name not in found:
                found[name] = day.to_pydate()
    return found


def festival(name: str) -> DateOf:
    """The days of pyluach festival ``name`` in a Gregorian year."""

    def found(year: int) -> Days:
        days = (_first_days(year + _HEBREW_EPOCH + k).get(name) for k in (0, 1))
        return tuple(day for day in days if day is not None and day.year == year)

    return found


def yom_hashoah(year: int) -> Days:
    """27 Nisan, the Thursday before when a Friday, the Monday after when a Sunday."""
    from pyluach.dates import HebrewDate

    day = HebrewDate(year + _HEBREW_EPOCH, _NISAN, 27).to_pydate()
    shift = {4: -1, 6: 1}.get(day.weekday(), 0)
    return (day + timedelta(days=shift),) if year >= 1951 else ()


@lru_cache(maxsize=64)
def _israel(year: int) -> dict[str, date]:
    """Israel's public days of ``year`` (English names) from ``holidays``."""
    import holidays

    if not 1948 <= year <= 2100:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        days = holidays.country_holidays("IL", years=year, language="en_US")
    return {name: day for day, name in sorted(days.items(), reverse=True)}


def independence_day(year: int) -> Days:
    """Yom Ha'atzmaut as Israel keeps it (moved off Friday, Saturday and Monday)."""
    day = next(
        (day for name, day in _israel(year).items() if name.startswith("Independence Day")), None
    )
    return () if day is None else (day,)


DAYS: dict[str, DateOf] = {key: festival(name) for key, name in FESTIVALS.items()}
DAYS |= {
    "yom_hashoah": yom_hashoah,
    "yom_haatzmaut": independence_day,
    "yom_hazikaron": lambda year: tuple(day - timedelta(days=1) for day in independence_day(year)),
}
