"""③a Offline French/English understanding: SMS text → typed Commands, times resolved."""

from nudge.language.dayparts import DEFAULT_PARTS, DayParts
from nudge.language.detect import detect_locale
from nudge.language.intents import understand
from nudge.language.matches import When
from nudge.language.time.matches import parse_when

__all__ = ["DEFAULT_PARTS", "DayParts", "When", "detect_locale", "parse_when", "understand"]
