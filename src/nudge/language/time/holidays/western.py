"""Holidays computed by rule, for any year: fixed days, n-th weekdays, Easter and its cycle.

Easter comes from ``dateutil.easter`` (Western, and Orthodox for the Eastern churches);
every other day here is a fixed date, the n-th weekday of a month or a day counted from
another holiday, the way the holiday is defined ("the second Monday of October").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from dateutil.easter import easter

Days = tuple[date, ...]  # a holiday's days in one Gregorian year, in order (most have one)
DateOf = Callable[[int], Days]
ORTHODOX: Final = 2  # dateutil.easter's EASTER_ORTHODOX, typed as the literal it takes


def fixed(month: int, day: int) -> DateOf:
    """The same day every year."""
    return lambda year: (date(year, month, day),)


def from_easter(days: int, *, orthodox: bool = False) -> DateOf:
    """``days`` after Easter Sunday (before, when negative)."""
    if orthodox:
        return lambda year: (easter(year, ORTHODOX) + timedelta(days=days),)
    return lambda year: (easter(year) + timedelta(days=days),)


def nth_weekday(n: int, weekday: int, month: int) -> DateOf:
    """The n-th (``n < 0``: from the end) ``weekday`` (0 = Monday) of ``month``."""
    return lambda year: (_nth(year, n, weekday, month),)


def _nth(year: int, n: int, weekday: int, month: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def after(base: DateOf, days: int) -> DateOf:
    """``days`` after each day of ``base`` (before, when negative)."""
    return lambda year: tuple(day + timedelta(days=days) for day in base(year))


def since(first_year: int, base: DateOf) -> DateOf:
    """``base`` from the year the holiday began."""
    return lambda year: base(year) if year >= first_year else ()


def weekday_before(month: int, day: int, weekday: int) -> DateOf:
    """The last ``weekday`` before ``month``/``day`` (Victoria Day: the Monday before 25 May)."""

    def found(year: int) -> Days:
        limit = date(year, month, day) - timedelta(days=1)
        return (limit - timedelta(days=(limit.weekday() - weekday) % 7),)

    return found


def nearest_weekday(month: int, day: int) -> DateOf:
    """The day, or the Friday before it if a Saturday, the Monday after if a Sunday."""

    def found(year: int) -> Days:
        day_of = date(year, month, day)
        shift = {5: -1, 6: 1}.get(day_of.weekday(), 0)
        return (day_of + timedelta(days=shift),)

    return found


def kings_day(year: int) -> Days:
    """Dutch King's Day: 27 April, the 26th when the 27th is a Sunday (since 2014)."""
    if year < 2014:
        return ()
    day = date(year, 4, 27)
    return (day - timedelta(days=1) if day.weekday() == 6 else day,)


def advent_sunday(year: int) -> Days:
    """The first Sunday of Advent: the fourth Sunday before Christmas."""
    christmas = date(year, 12, 25)
    last_sunday = christmas - timedelta(days=(christmas.weekday() + 1) % 7 or 7)
    return (last_sunday - timedelta(weeks=3),)


def french_mothers_day(year: int) -> Days:
    """France: the last Sunday of May, or the first of June when Pentecost falls on it."""
    day = _nth(year, -1, 6, 5)
    if day == easter(year) + timedelta(days=49):
        day += timedelta(weeks=1)
    return (day,)


US_THANKSGIVING = nth_weekday(4, 3, 11)
US_LABOR_DAY = nth_weekday(1, 0, 9)
DAYS: dict[str, DateOf] = {
    # fixed days
    "new_year": fixed(1, 1), "epiphany": fixed(1, 6), "orthodox_christmas": fixed(1, 7),
    "groundhog_day": fixed(2, 2), "candlemas": fixed(2, 2), "valentine": fixed(2, 14),
    "womens_day": fixed(3, 8), "st_patrick": fixed(3, 17), "april_fools": fixed(4, 1),
    "earth_day": fixed(4, 22), "st_george": fixed(4, 23), "labour_day_fr": fixed(5, 1),
    "cinco_de_mayo": fixed(5, 5), "victory_day_fr": fixed(5, 8), "juneteenth": fixed(6, 19),
    "fete_musique": fixed(6, 21), "saint_jean": fixed(6, 24), "canada_day": fixed(7, 1),
    "independence_day": fixed(7, 4), "bastille_day": fixed(7, 14), "national_day": fixed(7, 14),
    "assumption": fixed(8, 15), "truth_reconciliation": fixed(9, 30),
    "halloween": fixed(10, 31), "toussaint": fixed(11, 1), "world_vegan_day": fixed(11, 1),
    "all_souls": fixed(11, 2), "armistice": fixed(11, 11), "st_catherine": fixed(11, 25),
    "st_nicholas": fixed(12, 6), "immaculate_conception": fixed(12, 8),
    "christmas_eve": fixed(12, 24), "christmas": fixed(12, 25), "boxing_day": fixed(12, 26),
    "kwanzaa": fixed(12, 26), "new_year_eve": fixed(12, 31),
    # n-th weekdays and their kin
    "mlk_day": nth_weekday(3, 0, 1), "presidents_day": nth_weekday(3, 0, 2),
    "family_day": nth_weekday(3, 0, 2), "mothers_day": nth_weekday(2, 6, 5),
    "victoria_day": weekday_before(5, 25, 0), "patriots_day": weekday_before(5, 25, 0),
    "memorial_day": nth_weekday(-1, 0, 5), "fathers_day": nth_weekday(3, 6, 6),
    "civic_holiday": nth_weekday(1, 0, 8), "labor_day": US_LABOR_DAY,
    "grandparents_day": after(US_LABOR_DAY, 6), "columbus_day": nth_weekday(2, 0, 10),
    "boss_day": nearest_weekday(10, 16), "thanksgiving": US_THANKSGIVING,
    "black_friday": after(US_THANKSGIVING, 1), "cyber_monday": after(US_THANKSGIVING, 4),
    "grandmothers_day_fr": nth_weekday(1, 6, 3), "kings_day": kings_day,
    "advent_sunday": advent_sunday,
    # Easter and the days counted from it
    "shrove_tuesday": from_easter(-47), "ash_wednesday": from_easter(-46),
    "mothering_sunday": from_easter(-21), "palm_sunday": from_easter(-7),
    "maundy_thursday": from_easter(-3), "good_friday": from_easter(-2),
    "holy_saturday": from_easter(-1), "easter": from_easter(0), "easter_monday": from_easter(1),
    "ascension": from_easter(39), "pentecost": from_easter(49), "whit_monday": from_easter(50),
    "trinity_sunday": from_easter(56), "corpus_christi": from_easter(60),
    "clean_monday": from_easter(-48, orthodox=True), "great_lent": from_easter(-48, orthodox=True),
    "lazarus_saturday": from_easter(-8, orthodox=True),
    "orthodox_palm_sunday": from_easter(-7, orthodox=True),
    "orthodox_good_friday": from_easter(-2, orthodox=True),
    "orthodox_easter": from_easter(0, orthodox=True),
}  # fmt: skip
REGIONAL: dict[tuple[str, str], DateOf] = {
    ("CA", "thanksgiving"): nth_weekday(2, 0, 10),
    ("CA", "labour_day_fr"): US_LABOR_DAY,  # "fête du Travail" in Québec is Labour Day
    ("CA", "national_day"): fixed(6, 24),  # "fête nationale" in Québec is la Saint-Jean
    ("CA", "grandparents_day"): nth_weekday(2, 6, 9),
    ("FR", "mothers_day"): french_mothers_day,
    ("GB", "mothers_day"): from_easter(-21),  # Mothering Sunday
    ("BE", "labor_day"): fixed(5, 1),
}
