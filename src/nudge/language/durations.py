"""Durations in FR/EN ("20 min", "1h30", "une heure et demie", "half an hour", "3/4 d'heure").

``DURATION`` is a regex fragment (no groups) for the time patterns; ``parse_duration`` reads
the text it matched. Seconds, minutes, hours, days and weeks only: months and years are
calendar arithmetic and belong to the date grammar.
"""

from __future__ import annotations

import re
from datetime import timedelta

from nudge.language.lexicon import (
    AMOUNT,
    END,
    UNIT_DAYS,
    UNIT_HOURS,
    UNIT_MINUTES,
    UNIT_SECONDS,
    UNIT_WEEKS,
    number_value,
)
from nudge.language.matches import Grain

_UNITS = rf"{UNIT_SECONDS}|{UNIT_MINUTES}|{UNIT_HOURS}|{UNIT_DAYS}|{UNIT_WEEKS}"
_HALF_HOUR = r"(?:half\s+an?\s+(?:hour|hr)|a\s+half[-\s]hour|(?:une\s+)?demi[-\s]?heure|1/2\s?h)"
_QUARTER = r"(?:(?:a\s+)?quarter\s+(?:of\s+an\s+)?hour|(?:un\s+)?quart\s+d'\s?heure)"
_THREE_QUARTERS = (
    r"(?:three\s+quarters\s+of\s+an\s+hour|3/4\s?(?:h|d'\s?heure)|trois\s+quarts?\s+d'\s?heure)"
)
_HALF = r"(?:and\s+a\s+half|and\s+half|et\s+demie?)"
_HOURS_MINUTES = rf"\d{{1,2}}\s?h\s?\d{{2}}(?:\s?(?:{UNIT_MINUTES}))?{END}"
_PART = rf"(?:{_HOURS_MINUTES}|{AMOUNT}(?:{_UNITS}){END}(?:\s+{_HALF})?)"
_JOIN = r"\s*(?:(?:,|and|et|&|\+)\s*)?"
DURATION = rf"(?:{_HALF_HOUR}|{_QUARTER}|{_THREE_QUARTERS}|{_PART}(?:{_JOIN}{_PART}){{0,4}})"

_PIECE = re.compile(
    rf"(?P<half_hour>{_HALF_HOUR})|(?P<quarter>{_QUARTER})|(?P<three_quarters>{_THREE_QUARTERS})"
    rf"|(?P<hh>\d{{1,2}})\s?h\s?(?P<hm>\d{{2}})(?:\s?(?:{UNIT_MINUTES}))?{END}"
    rf"|(?P<n>{AMOUNT})(?P<unit>{_UNITS}){END}(?:\s+(?P<half>{_HALF}))?"
)
_SECONDS_PER_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_UNIT_KEYS = [
    (re.compile(rf"(?:{UNIT_SECONDS})$"), "s"),
    (re.compile(rf"(?:{UNIT_MINUTES})$"), "m"),
    (re.compile(rf"(?:{UNIT_HOURS})$"), "h"),
    (re.compile(rf"(?:{UNIT_DAYS})$"), "d"),
    (re.compile(rf"(?:{UNIT_WEEKS})$"), "w"),
]
_GRAIN_OF_UNIT: dict[str, Grain] = {
    "s": "second",
    "m": "minute",
    "h": "hour",
    "d": "day",
    "w": "day",
}
_GRAINS: tuple[Grain, ...] = ("second", "minute", "hour", "day")


def _unit_key(unit: str) -> str:
    """``"mins"`` → ``"m"``, ``"heures"`` → ``"h"``."""
    for pattern, key in _UNIT_KEYS:
        if pattern.match(unit):
            return key
    return "m"


def _piece(match: re.Match[str]) -> tuple[float, str] | None:
    """Seconds and unit key of one piece of a duration."""
    if match["half_hour"]:
        return 1800.0, "m"
    if match["quarter"]:
        return 900.0, "m"
    if match["three_quarters"]:
        return 2700.0, "m"
    if match["hh"]:
        return int(match["hh"]) * 3600.0 + int(match["hm"]) * 60.0, "m"
    value = number_value(match["n"])
    if value is None:
        return None
    key = _unit_key(match["unit"])
    if match["half"]:
        value += 0.5
    return value * _SECONDS_PER_UNIT[key], key


def parse_duration(text: str) -> tuple[timedelta, Grain] | None:
    """The length and the finest unit of a folded duration (``"1h30"`` → 90 min, minute)."""
    seconds, finest = 0.0, len(_GRAINS) - 1
    for match in _PIECE.finditer(text):
        piece = _piece(match)
        if piece is None:
            return None
        seconds += piece[0]
        grain = _GRAIN_OF_UNIT[piece[1]]
        if piece[1] == "h" and piece[0] % 3600:
            grain = "minute"
        finest = min(finest, _GRAINS.index(grain))
    if seconds <= 0:
        return None
    return timedelta(seconds=round(seconds)), _GRAINS[finest]
