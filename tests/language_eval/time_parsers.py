"""The parsers we measure ourselves against, behind one signature (``corpus_score.ParseFn``).

Shared by the Duckling corpus score and ``bench/parse.py`` so both call each library the same
way. Duckling (``pyduckling-native-phihos``) and dateparser are imported lazily: they are
dev and bench tools, never needed by the tests or the product.

* ``nudge_record``: ``parse_record(...)["when"]``, what ``nudge parse`` prints;
* ``nudge_when``: ``parse_when`` alone (the time scan, no intent);
* ``DucklingParser``: Duckling's ``time`` dimension, locale ``<LANG>_XX`` (Duckling's default
  for the language), latent parses off; the entity spanning the whole text, else the longest;
  an interval answer counts as none;
* ``search_dates`` / ``dateparser_parse``: dateparser 1.x as ``libraries.md`` §4 says: naive
  local ``RELATIVE_BASE``, ``PREFER_DATES_FROM=future``, no timezone settings, the zone
  attached afterwards; ``search_dates`` keeps its last date found.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from nudge.language import parse_when
from nudge.language.records import parse_record
from nudge.language.time.read import read


def nudge_record(text: str, *, now: datetime, tz: str, lang: str) -> str | None:
    """The ``when`` of the ``nudge parse`` record."""
    when: str | None = parse_record(text, now=now, tz=tz, lang=lang)["when"]
    return when


def nudge_when(text: str, *, now: datetime, tz: str, lang: str) -> datetime | None:
    """``parse_when``'s moment (a day-grain answer is at the day's hour, same day)."""
    when = parse_when(text, now=now, tz=tz, lang=lang)
    return when.at if when is not None else None


def nudge_v2(text: str, *, now: datetime, tz: str, lang: str) -> datetime | None:
    """The new grammar's reading (``language.time``), ahead or past: the time understood."""
    reading = read(text, now=now, tz=tz, lang=lang)
    if reading is None or reading.moment is None:
        return None
    moment = reading.moment
    local = moment.start if moment.grain in ("day", "week", "month", "year") else moment.at
    return local.replace(tzinfo=ZoneInfo(tz))


def dateparser_settings(now: datetime) -> dict[str, object]:
    """The settings every dateparser call of ours uses (see the module docstring)."""
    return {"RELATIVE_BASE": now.replace(tzinfo=None), "PREFER_DATES_FROM": "future"}


def search_dates(text: str, *, now: datetime, tz: str, lang: str) -> datetime | None:
    """dateparser's ``search_dates`` (finds a date inside a text): its last date found."""
    from dateparser.search import search_dates as search

    found = search(text, languages=[lang], settings=dateparser_settings(now))
    return found[-1][1].replace(tzinfo=ZoneInfo(tz)) if found else None


def dateparser_parse(text: str, *, now: datetime, tz: str, lang: str) -> datetime | None:
    """dateparser's ``parse`` (the whole text must be a date)."""
    import dateparser

    found = dateparser.parse(text, languages=[lang], settings=dateparser_settings(now))
    return found.replace(tzinfo=ZoneInfo(tz)) if found else None


def zoneinfo_dir() -> str:
    """The TZif directory Python's ``zoneinfo`` reads, for Duckling to read the same zones."""
    for path in zoneinfo.TZPATH:
        if Path(path, "Etc", "GMT+2").is_file():
            return path
    return str(resources.files("tzdata") / "zoneinfo")


def duckling_installed() -> bool:
    """Whether ``import duckling`` (pyduckling-native-phihos) would work."""
    try:
        import duckling  # noqa: F401
    except ImportError:
        return False
    return True


def best_entity(entities: list[dict[str, Any]], text: str) -> str | None:
    """The value of the time entity covering ``text`` (else the longest); None for an interval."""
    times = [entity for entity in entities if entity.get("dim") == "time"]
    if not times:
        return None
    whole = [e for e in times if e["start"] == 0 and e["end"] == len(text)]
    chosen = whole[0] if whole else max(times, key=lambda e: e["end"] - e["start"])
    value = chosen["value"]
    return str(value["value"]) if value.get("type") == "value" else None


@dataclass
class DucklingParser:
    """Duckling through pyduckling; a ``Context`` per (zone, now, language), built once."""

    contexts: dict[tuple[str, datetime, str], Any] = field(default_factory=dict)
    _module: Any = None
    _zones: Any = None
    _dimensions: Any = None

    def context(self, *, now: datetime, tz: str, lang: str) -> Any:
        """The Duckling ``Context`` for a reference time, zone and language (cached)."""
        key = (tz, now, lang)
        if key not in self.contexts:
            if self._module is None:
                import duckling

                self._module = duckling
                self._zones = duckling.load_time_zones(zoneinfo_dir())
                self._dimensions = duckling.parse_dimensions(["time"])
            module = self._module
            reference = module.parse_ref_time(self._zones, tz, int(now.timestamp()))
            locale = module.default_locale_lang(module.parse_lang(lang.upper()))
            self.contexts[key] = module.Context(reference, locale)
        return self.contexts[key]

    def parse_in(self, text: str, context: Any) -> str | None:
        """Duckling's answer for ``text`` in a ready ``Context`` (the part worth timing)."""
        return best_entity(self._module.parse(text, context, self._dimensions, False), text)

    def __call__(self, text: str, *, now: datetime, tz: str, lang: str) -> str | None:
        """``ParseFn``: Duckling's answer for ``text``."""
        return self.parse_in(text, self.context(now=now, tz=tz, lang=lang))
