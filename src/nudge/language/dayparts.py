"""Vague parts of the day and the wall times they default to (user-configurable).

"tonight" is 19:00 and "after lunch" 13:30 unless the user says otherwise: a
:class:`DayParts` carries the hours, ``DEFAULT_PARTS`` the documented defaults
(see ``docs/understanding.md``). The words for them are the time grammar's
(``time/lexicon``, ``time/parts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DayParts:
    """Hours (and minutes) of the vague parts of a day, as ``(hour, minute)``."""

    morning: tuple[int, int] = (9, 0)
    afternoon: tuple[int, int] = (15, 0)
    evening: tuple[int, int] = (19, 0)
    first_thing: tuple[int, int] = (8, 0)
    lunch: tuple[int, int] = (12, 0)
    after_lunch: tuple[int, int] = (13, 30)
    after_work: tuple[int, int] = (17, 30)
    end_of_day: tuple[int, int] = (17, 0)
    after_dinner: tuple[int, int] = (20, 0)
    bedtime: tuple[int, int] = (22, 0)
    day: tuple[int, int] = (9, 0)

    def of(self, name: str) -> tuple[int, int]:
        """The ``(hour, minute)`` of part ``name`` ("morning", "after_lunch", …)."""
        value: tuple[int, int] = getattr(self, name)
        return value


DEFAULT_PARTS = DayParts()
