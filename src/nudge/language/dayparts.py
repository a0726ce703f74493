"""Vague parts of the day and the wall times they default to (user-configurable).

"tonight" is 19:00 and "after lunch" 13:30 unless the user says otherwise: a
:class:`DayParts` carries the hours, ``DEFAULT_PARTS`` the documented defaults
(see ``docs/understanding.md``). ``VAGUE`` is the regex of the moment words over folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nudge.language.lexicon import ahead, holds_any

_MOMENTS: dict[str, str] = {
    "first_thing": (
        r"first\s+thing(?:\s+in\s+the\s+morning)?|when\s+i\s+wake\s+up|au\s+reveil"
        r"|des\s+le\s+reveil|a\s+la\s+premiere\s+heure|en\s+me\s+levant"
    ),
    "lunch": r"at\s+lunch(?:\s*time)?|lunch\s*time|a\s+l'?\s?heure\s+du\s+(?:dej|dejeuner|lunch)",
    "after_lunch": (
        r"after\s+lunch|apres\s+(?:le\s+)?(?:dejeuner|dej|dej'|lunch|manger|le\s+repas)"
        r"|apres\s+(?:le\s+)?diner(?=\s+(?:demain|ce|aujourd))"
    ),
    "after_work": (
        r"after\s+work|after\s+school|apres\s+(?:le\s+)?(?:travail|boulot|taf|taff|job|bureau)"
        r"|en\s+sortant\s+du\s+(?:travail|boulot|bureau)|apres\s+l'ecole"
    ),
    "end_of_day": r"(?:at\s+the\s+)?end\s+of\s+(?:the\s+)?day|eod|(?:en\s+)?fin\s+de\s+journee",
    "after_dinner": r"after\s+(?:dinner|supper)|apres\s+(?:le\s+)?(?:souper|diner)",
    "bedtime": (
        r"(?:at\s+)?bed\s*time|before\s+bed|before\s+i\s+go\s+to\s+(?:bed|sleep)"
        r"|avant\s+de\s+(?:dormir|me\s+coucher|(?:aller\s+)?(?:me\s+)?coucher)|au\s+coucher"
    ),
}
# Every moment above holds one of these words (a substring test, far cheaper than a scan).
MOMENT_WORDS = (
    "first", "wake", "reveil", "premiere", "levant", "lunch", "dej", "after", "apres",
    "sortant", "end", "eod", "fin", "bed", "before", "avant", "coucher",
)  # fmt: skip


def has_moment_word(folded: str) -> bool:
    """Whether folded text may hold a vague moment (``MOMENT_WORDS``)."""
    return holds_any(folded, MOMENT_WORDS)


# The words a moment can start with, as a lookahead: the same matches, fewer tries.
_VAGUE_START = ahead(
    "first|when|au|des|lunch|after|apres|end|eod|fin|bed|before|avant", spaced="a|en|at"
)
VAGUE = (
    f"{_VAGUE_START}(?:"
    + "|".join(f"(?P<v_{name}>{words})" for name, words in _MOMENTS.items())
    + ")"
)


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


def moment_name(match: re.Match[str]) -> str | None:
    """Which vague moment of ``VAGUE`` matched, if any."""
    for name in _MOMENTS:
        if match.group(f"v_{name}"):
            return name
    return None
