"""Which regional conventions apply: from the language and the person's time zone.

Regions decide numeric date order and a few words (Québec "dîner" is lunch). A numeric
date that can only be read one way ("25/12") is read that way everywhere; an ambiguous one
("3/4") follows the region: month/day in the United States and English Canada (where
month/day dominates informal writing, and Nudge's first users already write it so), day/month
elsewhere (France, Belgium, Switzerland, Québec, Britain, Ireland, Australia…).
"""

from __future__ import annotations

from functools import lru_cache

_CANADA = frozenset({
    "America/Toronto", "America/Montreal", "America/Vancouver", "America/Edmonton",
    "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina",
    "America/Moncton", "America/Glace_Bay", "America/Whitehorse", "America/Yellowknife",
    "America/Iqaluit", "America/Thunder_Bay", "America/Nipigon", "America/Dawson_Creek",
    "America/Swift_Current", "America/Goose_Bay", "Canada/Eastern", "Canada/Pacific",
    "Canada/Central", "Canada/Mountain", "Canada/Atlantic", "Canada/Newfoundland",
})  # fmt: skip
_BY_ZONE = {
    "Europe/Brussels": "BE", "Europe/Zurich": "CH", "Europe/Luxembourg": "LU",
    "Europe/London": "GB", "Europe/Dublin": "IE", "Europe/Paris": "FR",
}  # fmt: skip
MONTH_FIRST = frozenset({"en-US", "en-CA"})


@lru_cache(maxsize=256)
def region_of(lang: str, tz: str) -> str:
    """The region code ("fr-CA", "en-US", "fr-FR"…) for a language and an IANA zone."""
    if tz in _CANADA:
        return f"{lang}-CA"
    country = _BY_ZONE.get(tz)
    if country is not None:
        return f"{lang}-{country}"
    if tz.startswith("Australia/"):
        return f"{lang}-AU"
    if lang == "en" and (
        tz.startswith("America/") or tz.startswith("US/") or tz.startswith("Pacific/Honolulu")
    ):
        return "en-US"
    return "fr-FR" if lang == "fr" else "en-US"


def month_first(region: str) -> bool:
    """Whether an ambiguous numeric date is read month/day in ``region``."""
    return region in MONTH_FIRST
