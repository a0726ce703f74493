"""Places and zone names people text ("Paris", "Montreal", "EST") → IANA time zones."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

PLACES: dict[str, str] = {
    "paris": "Europe/Paris", "france": "Europe/Paris", "lyon": "Europe/Paris",
    "marseille": "Europe/Paris", "toulouse": "Europe/Paris", "bordeaux": "Europe/Paris",
    "lille": "Europe/Paris", "nice": "Europe/Paris", "nantes": "Europe/Paris",
    "strasbourg": "Europe/Paris", "montpellier": "Europe/Paris", "rennes": "Europe/Paris",
    "bruxelles": "Europe/Brussels", "brussels": "Europe/Brussels", "belgique": "Europe/Brussels",
    "belgium": "Europe/Brussels", "geneve": "Europe/Zurich", "geneva": "Europe/Zurich",
    "suisse": "Europe/Zurich", "switzerland": "Europe/Zurich", "zurich": "Europe/Zurich",
    "lausanne": "Europe/Zurich", "luxembourg": "Europe/Luxembourg", "london": "Europe/London",
    "londres": "Europe/London", "uk": "Europe/London", "dublin": "Europe/Dublin",
    "berlin": "Europe/Berlin", "madrid": "Europe/Madrid", "barcelona": "Europe/Madrid",
    "barcelone": "Europe/Madrid", "rome": "Europe/Rome", "lisbon": "Europe/Lisbon",
    "lisbonne": "Europe/Lisbon", "amsterdam": "Europe/Amsterdam", "athens": "Europe/Athens",
    "toronto": "America/Toronto", "ottawa": "America/Toronto", "ontario": "America/Toronto",
    "montreal": "America/Toronto", "quebec": "America/Toronto", "gatineau": "America/Toronto",
    "sherbrooke": "America/Toronto", "new york": "America/New_York", "nyc": "America/New_York",
    "boston": "America/New_York", "miami": "America/New_York", "washington": "America/New_York",
    "halifax": "America/Halifax", "moncton": "America/Moncton",
    "st john's": "America/St_Johns", "winnipeg": "America/Winnipeg",
    "chicago": "America/Chicago", "regina": "America/Regina", "calgary": "America/Edmonton",
    "edmonton": "America/Edmonton", "denver": "America/Denver", "phoenix": "America/Phoenix",
    "vancouver": "America/Vancouver", "victoria": "America/Vancouver",
    "seattle": "America/Los_Angeles", "los angeles": "America/Los_Angeles",
    "la": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "california": "America/Los_Angeles", "californie": "America/Los_Angeles",
    "mexico": "America/Mexico_City", "martinique": "America/Martinique",
    "guadeloupe": "America/Guadeloupe", "la reunion": "Indian/Reunion",
    "reunion": "Indian/Reunion", "dakar": "Africa/Dakar", "casablanca": "Africa/Casablanca",
    "maroc": "Africa/Casablanca", "morocco": "Africa/Casablanca", "alger": "Africa/Algiers",
    "tunis": "Africa/Tunis", "abidjan": "Africa/Abidjan", "tokyo": "Asia/Tokyo",
    "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne",
    "lord howe": "Australia/Lord_Howe", "auckland": "Pacific/Auckland",
    "dubai": "Asia/Dubai", "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata",
    "india": "Asia/Kolkata", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "utc": "UTC", "gmt": "UTC", "est": "America/Toronto", "edt": "America/Toronto",
    "eastern": "America/Toronto", "cst": "America/Chicago", "central": "America/Chicago",
    "mst": "America/Denver", "mountain": "America/Denver", "pst": "America/Vancouver",
    "pdt": "America/Vancouver", "pacific": "America/Vancouver", "atlantic": "America/Halifax",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "heure de paris": "Europe/Paris",
}  # fmt: skip


_IANA = re.compile(r"[a-z]+(?:/[a-z_]+){1,2}")


def _iana(name: str) -> str | None:
    """An IANA name typed in lower case ("america/new_york") in its real spelling, if it exists."""
    if not _IANA.fullmatch(name):
        return None
    parts = ("_".join(word.capitalize() for word in part.split("_")) for part in name.split("/"))
    spelled = "/".join(parts)
    try:
        ZoneInfo(spelled)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return None
    return spelled


def zone_for(place: str) -> str | None:
    """The IANA zone of a folded place or zone name, None when unknown."""
    plain = " ".join(place.replace("-", " ").split()).strip(" .!?")
    if plain in PLACES:
        return PLACES[plain]
    if "/" in plain:
        return _iana(plain.replace(" ", "_"))
    return None
