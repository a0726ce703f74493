"""Time zone words, read only right after a clock ("4pm CET", "à 16h heure de Paris").

A season-specific abbreviation names its region's clock in any season: "3pm EST" in July
is 3pm in New York (EDT then), since people write the letters they know and mean the clock
on the wall there; UTC and GMT always mean UTC ("BST" is London's clock, so in winter GMT).
Words that are also words ("at", "met", "wet", "west", French "et" and "est") are never
zones; "pt", "ct" and "mt" ("at 3 pt session") are ``SHORT``: ambiguous, asked about
unless the user's own zone gives the same time. IST is India.
"""

from __future__ import annotations

_COMMON = {
    "UTC": ("utc", "gmt", "zulu", "utc time", "gmt time"),
    "Europe/Paris": ("cet", "cest", "central european time"),
    "Europe/London": ("bst", "uk time", "london time"),
    "Europe/Lisbon": ("western european time", "lisbon time"),
    "Europe/Athens": ("eet", "eest"),
    "Asia/Kolkata": ("ist", "india time"),
    "Asia/Tokyo": ("jst", "japan time", "tokyo time"),
    "Australia/Sydney": ("aest", "aedt", "sydney time"),
}  # fmt: skip
_AMERICAN = {
    "America/New_York": ("est", "edt", "et", "eastern", "eastern time", "new york time"),
    "America/Chicago": ("cst", "cdt", "central time"),
    "America/Denver": ("mst", "mdt", "mountain time"),
    "America/Los_Angeles": ("pst", "pdt", "pacific", "pacific time"),
    "America/Anchorage": ("akst", "akdt", "alaska time"),
    "Pacific/Honolulu": ("hst", "hawaii time"),
    "America/Halifax": ("ast", "adt", "atlantic time"),
    "America/St_Johns": ("nst", "ndt", "newfoundland time"),
}  # fmt: skip
SHORT = {"America/Chicago": ("ct",), "America/Denver": ("mt",), "America/Los_Angeles": ("pt",)}

ZONES_EN = {**_COMMON, **_AMERICAN, "Europe/Paris": (*_COMMON["Europe/Paris"], "paris time")}

ZONES_FR = {
    "UTC": ("utc", "gmt", "heure utc", "temps universel"),
    "Europe/Paris": ("cet", "cest", "heure de paris", "heure de france", "heure francaise"),
    "Europe/London": ("bst", "heure de londres"),
    "America/New_York": ("edt", "hne", "hae", "heure de l'est", "heure de new york"),
    "America/Toronto": ("heure de toronto", "heure de montreal"),
    "America/Chicago": ("hnc", "hac", "heure du centre"),
    "America/Denver": ("hnr", "har", "heure des rocheuses"),
    "America/Los_Angeles": ("pst", "pdt", "hnp", "hap", "heure du pacifique"),
    "America/Halifax": ("hna", "haa", "heure de l'atlantique"),
    "America/St_Johns": ("hnt", "hat", "heure de terre-neuve"),
    "Asia/Kolkata": ("ist",),
    "Asia/Tokyo": ("jst", "heure de tokyo"),
}  # fmt: skip
