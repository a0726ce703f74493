"""Holidays people set reminders around, computed for any year: no table of ours to go stale.

Each holiday is a function from a Gregorian year to its days that year (``DateOf``), from
one of four sources:

* ``western``: fixed dates, n-th weekdays and Easter's cycle, by rule (Thanksgiving, Mother's
  Day, Easter, Pentecost, Orthodox Easter…);
* ``hebrew``: the Hebrew calendar (``pyluach``): Rosh Hashanah, Yom Kippur, Hanukkah, Passover…;
* ``islamic``: the Umm al-Qura calendar (``hijridate``): Ramadan, Eid al-Fitr, Eid al-Adha…;
* ``asian``: python-holidays' country calendars: Diwali, Holi, Vaisakhi, Vesak, the lunar new
  year….

The regional ones are settled by region: Thanksgiving is the second Monday of October in
Canada and the fourth Thursday of November in the United States; "fête nationale" is
24 June in Québec and 14 July in France; "fête du Travail" is 1 May in France and the
first Monday of September in Québec. Each source caches its work per year, and nothing is
computed until a holiday word has been read.
"""

from __future__ import annotations

from nudge.language.time.holidays import asian, hebrew, islamic, western
from nudge.language.time.holidays.days import Counted, Holiday, Occurrence
from nudge.language.time.holidays.western import DateOf, Days

__all__ = [
    "COMMON", "REGIONAL", "Counted", "DateOf", "Days", "Holiday", "Occurrence", "date_of",
]  # fmt: skip

COMMON: dict[str, DateOf] = western.DAYS | hebrew.DAYS | islamic.DAYS | asian.DAYS
REGIONAL = western.REGIONAL


def date_of(name: str, region: str) -> DateOf | None:
    """How to find holiday ``name``'s days in a year, for ``region`` ("fr-CA", "en-US"…)."""
    country = region.rsplit("-", 1)[-1]
    return REGIONAL.get((country, name)) or COMMON.get(name)
