"""The first occurrence of a repeat, from a rule built of its fields, is the RRULE text's."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import islice

from dateutil.rrule import rrulestr

from nudge.language.time.kit import Repeat
from nudge.language.time.repeats import _first_rule

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAYS: tuple[tuple[str, ...], ...] = (
    (), ("MO",), ("SA", "SU"), _DAYS[:5], ("1MO",), ("-1FR",), ("2TU", "4TU"), ("+3WE",),
)  # fmt: skip


def _repeats() -> list[Repeat]:
    """Every shape the grammar builds, and a few it may yet (none that seldom occurs)."""
    found = []
    for freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        for bymonth in ((), (6, 12)):
            found += [Repeat(freq, 2, byday, (), bymonth) for byday in _BYDAYS]
            found += [Repeat(freq, 2, (), monthday, bymonth) for monthday in ((1,), (-1,))]
    return found


def _as_text(repeat: Repeat) -> str:
    """The RRULE text the first rule was parsed from before (the same choice of FREQ)."""
    if repeat.bymonth or any(day[0] in "-123456789" for day in repeat.byday):
        return replace(repeat, interval=1, until=None).rrule()
    return replace(repeat, freq="DAILY", interval=1, until=None).rrule()


def test_same_occurrences_as_the_rrule_text() -> None:
    start = datetime(2026, 12, 3, 9, 0)  # noqa: DTZ001 - naive local wall time, as expanded
    for repeat in _repeats():
        for days in (0, 40, 200):
            dtstart = start + timedelta(days=days)
            built = list(islice(_first_rule(repeat, dtstart), 6))
            parsed = list(islice(rrulestr(_as_text(repeat), dtstart=dtstart), 6))
            assert built == parsed, repeat
            assert _first_rule(repeat, dtstart).after(dtstart) == rrulestr(
                _as_text(repeat), dtstart=dtstart
            ).after(dtstart)
