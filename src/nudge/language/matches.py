"""What the time grammar gives the intent layer: a time found in a text, and its resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Grain = Literal["second", "minute", "hour", "day"]
Kind = Literal["relative", "clock", "day", "recurring", "past"]


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: aware ``at`` in the user's zone, its precision, its repeat rule.

    ``span`` is the character span of the time expression in the text it was found in,
    so the caller can cut it out of the task.
    """

    at: datetime
    grain: Grain
    rrule: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One time expression found in a text; ``when`` is None when it lies in the past.

    ``other`` is the span of a second part of the same time, when a day and a clock time
    were written apart ("Dec 3 dentist at 10am", see ``splits``): cut it out of the task too.
    ``passed`` is the moment understood when it lies in the past ("yesterday", "at 8am" said
    at 9), so the refusal can name it; ``far`` the moment understood when it lies further
    ahead than a reminder may ("christmas 2040"). ``running``: the part of day named is
    the one it is in, its hour gone ("tonight" said at 19:40): what time in it is the question.
    """

    span: tuple[int, int]
    kind: Kind
    when: When | None
    other: tuple[int, int] | None = None
    passed: When | None = None
    far: When | None = None
    running: bool = False

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.span[1] - self.span[0]
