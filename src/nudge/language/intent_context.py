"""What one message is understood in: the user's clock, zone, language and pending state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nudge.commands import Pending
from nudge.language.dayparts import DayParts
from nudge.language.matches import TimeMatch
from nudge.language.time.matches import find_when, names_a_day


@dataclass(slots=True)  # not frozen: built per message, and a frozen init costs 4x more
class IntentContext:
    """The clock, zone, language and pending state one message is understood in."""

    now: datetime
    tz: str
    lang: str
    state: Pending | None
    parts: DayParts | None = None

    def find_within(self, text: str, start: int, end: int) -> TimeMatch | None:
        """The main time expression inside ``text[start:end]``, spans relative to ``start``."""
        return find_when(
            text, now=self.now, tz=self.tz, lang=self.lang, within=(start, end), parts=self.parts
        )

    def find(self, text: str) -> TimeMatch | None:
        """The main time expression in ``text`` (tokens are cached per text)."""
        return find_when(text, now=self.now, tz=self.tz, lang=self.lang, parts=self.parts)

    def names_a_day(self, text: str) -> bool:
        """Whether the main time of ``text`` names a day, not only a clock time."""
        return names_a_day(text, now=self.now, tz=self.tz, lang=self.lang, parts=self.parts)
