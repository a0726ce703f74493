"""Islamic holidays from the Umm al-Qura calendar (``hijridate``), 1924 to 2077.

Umm al-Qura is Saudi Arabia's computed calendar, the one most North American and French
mosques' printed calendars follow; a community that waits for the crescent to be seen may
keep a holiday a day later. An Islamic year is about eleven days shorter than a Gregorian
one, so a holiday falls twice in some Gregorian years (Eid al-Fitr in 2000: 8 January and
27 December). Outside the calendar's range there is no date rather than a guess.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from nudge.language.time.holidays.western import DateOf, Days

FIRST, LAST = date(1924, 8, 1), date(2077, 11, 16)  # hijridate's Umm al-Qura range
MUHARRAM, RABI_AL_AWWAL, RAJAB, SHABAN, RAMADAN, SHAWWAL, DHU_AL_HIJJAH = 1, 3, 7, 8, 9, 10, 12
FRIDAY = 4


@lru_cache(maxsize=64)
def _hijri_years(year: int) -> tuple[int, ...]:
    """The Hijri years a Gregorian year overlaps."""
    from hijridate import Gregorian

    first = max(date(year, 1, 1), FIRST)
    last = min(date(year, 12, 31), LAST)
    if first > last:
        return ()
    start = Gregorian.fromdate(first).to_hijri().year
    end = Gregorian.fromdate(last).to_hijri().year
    return tuple(range(start, end + 1))


@lru_cache(maxsize=2048)
def _gregorian(hijri_year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date, or None outside the calendar."""
    from hijridate import Hijri

    try:
        found = Hijri(hijri_year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None
    return date(found.year, found.month, found.day)  # a plain date, not hijridate's subclass


def hijri(month: int, day: int) -> DateOf:
    """The Gregorian days of Hijri ``day``/``month`` in a Gregorian year."""

    def found(year: int) -> Days:
        days = (_gregorian(hijri_year, month, day) for hijri_year in _hijri_years(year))
        return tuple(day for day in days if day is not None and day.year == year)

    return found


def _farewell_friday(hijri_year: int) -> date | None:
    """The last Friday of Ramadan (Jumu'atul-Wida)."""
    eid = _gregorian(hijri_year, SHAWWAL, 1)
    if eid is None:
        return None
    return eid - timedelta(days=(eid.weekday() - FRIDAY - 1) % 7 + 1)


def farewell_friday(year: int) -> Days:
    """Jumu'atul-Wida in a Gregorian year."""
    days = (_farewell_friday(hijri_year) for hijri_year in _hijri_years(year))
    return tuple(day for day in days if day is not None and day.year == year)


def _either(*sources: DateOf) -> DateOf:
    """The days of any of ``sources``, in order ("Eid": either Eid)."""
    return lambda year: tuple(sorted(day for source in sources for day in source(year)))


EID_AL_FITR, EID_AL_ADHA = hijri(SHAWWAL, 1), hijri(DHU_AL_HIJJAH, 10)
DAYS: dict[str, DateOf] = {
    "islamic_new_year": hijri(MUHARRAM, 1), "ashura": hijri(MUHARRAM, 10),
    "mawlid": hijri(RABI_AL_AWWAL, 12), "isra_miraj": hijri(RAJAB, 27),
    "shab_e_barat": hijri(SHABAN, 15), "ramadan": hijri(RAMADAN, 1),
    "laylat_al_qadr": hijri(RAMADAN, 27), "jumuatul_wida": farewell_friday,
    "eid_al_fitr": EID_AL_FITR, "arafah": hijri(DHU_AL_HIJJAH, 9), "eid_al_adha": EID_AL_ADHA,
    "eid": _either(EID_AL_FITR, EID_AL_ADHA),
}  # fmt: skip
