"""The local day and time a reply echoes back ("tomorrow (Wed) 8:00 AM"), and repeats in words."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from nudge.texts.catalog import catalog


def format_clock(at: datetime | time, locale: str) -> str:
    """``8:00 PM`` in English, ``20:00`` in French."""
    if catalog(locale)["time"]["time_format"] == "12h":
        hour = at.hour % 12 or 12
        suffix = "AM" if at.hour < 12 else "PM"
        return f"{hour}:{at.minute:02d} {suffix}"
    return f"{at.hour}:{at.minute:02d}"


YEAR_SAID_AFTER_DAYS = 300  # further ahead (or behind) than this, "Fri Dec 4" names its year


def format_day(at: datetime, *, now: datetime, locale: str) -> str:
    """``today``, ``tomorrow (Wed)``, ``Fri Dec 4``: the local day of ``at`` seen from ``now``.

    A day about a year or more away says its year ("Tue Dec 25, 2040"): without it, the
    reply would name a day the person could read as this year's.
    """
    words = catalog(locale)["time"]
    days = (at.date() - now.date()).days
    weekday = words["weekdays"][at.weekday()]
    if days == 0:
        return str(words["today"])
    if days == 1:
        return str(words["tomorrow_with_weekday"]).format(weekday=weekday)
    month = words["months"][at.month - 1]
    form = "date_format_year" if abs(days) > YEAR_SAID_AFTER_DAYS else "date_format"
    return str(words[form]).format(weekday=weekday, month=month, day_num=at.day, year=at.year)


def format_when(at: datetime, *, now: datetime, tz: str, locale: str) -> str:
    """The local day and time of an instant, as the user reads it (``tomorrow (Wed) 8:00 AM``)."""
    zone = ZoneInfo(tz)
    local_at, local_now = at.astimezone(zone), now.astimezone(zone)
    day = format_day(local_at, now=local_now, locale=locale)
    return str(catalog(locale)["time"]["at_day"]).format(
        day=day, time=format_clock(local_at, locale)
    )


def describe_rrule(rule: str, *, locale: str) -> str:
    """A short human phrase for an RRULE (``every day``, ``every Mon and Thu``)."""
    words = catalog(locale)["rule"]
    parts = dict(item.split("=", 1) for item in rule.upper().split(";") if "=" in item)
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    days = parts.get("BYDAY", "")
    if freq == "DAILY" and interval == 1:
        return str(words["daily"])
    if freq == "WEEKLY" and days == "MO,TU,WE,TH,FR":
        return str(words["weekdays"])
    if freq == "WEEKLY" and days:
        return str(words["weekly"]).format(days=_join_days(days, locale))
    if freq == "HOURLY":
        return str(words["hourly"]).format(n=interval)
    if freq == "MINUTELY":
        return str(words["minutely"]).format(n=interval)
    if freq == "MONTHLY" and interval == 1:
        return str(words["monthly"])
    return str(words["custom"])


def _join_days(byday: str, locale: str) -> str:
    names = catalog(locale)["time"]["weekdays_long"]
    order = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    chosen = [names[order.index(code[-2:])] for code in byday.split(",") if code[-2:] in order]
    if len(chosen) <= 1:
        return "".join(chosen)
    joiner = str(catalog(locale)["rule"]["and"])
    return f"{', '.join(chosen[:-1])} {joiner} {chosen[-1]}"
