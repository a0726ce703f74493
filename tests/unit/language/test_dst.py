"""Times resolved across DST changes: Toronto, Paris and Lord Howe (a 30-minute shift)."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from nudge.language import parse_when
from tests.unit.language.moments import PARIS, TORONTO, local

LORD_HOWE = "Australia/Lord_Howe"

CASES = [
    # Toronto springs forward on 2027-03-14 at 02:00 → 03:00.
    (TORONTO, (2027, 3, 13, 10, 0), "en", "tomorrow at 8am", "2027-03-14T08:00:00-04:00"),
    (TORONTO, (2027, 3, 13, 10, 0), "en", "tomorrow at 2:30am", "2027-03-14T03:30:00-04:00"),
    (TORONTO, (2027, 3, 14, 1, 30), "en", "in 2 hours", "2027-03-14T04:30:00-04:00"),
    (TORONTO, (2027, 3, 12, 10, 0), "en", "sunday at 9am", "2027-03-14T09:00:00-04:00"),
    # Toronto falls back on 2026-11-01 at 02:00 → 01:00: 01:30 happens twice, the first wins.
    (TORONTO, (2026, 10, 31, 10, 0), "en", "tomorrow at 1:30am", "2026-11-01T01:30:00-04:00"),
    (TORONTO, (2026, 10, 31, 23, 0), "en", "in 3 hours", "2026-11-01T01:00:00-05:00"),
    # Paris springs forward on 2027-03-28 at 02:00 → 03:00, falls back on 2026-10-25 03:00 → 02:00.
    (PARIS, (2027, 3, 27, 10, 0), "fr", "demain à 8h", "2027-03-28T08:00:00+02:00"),
    (PARIS, (2027, 3, 27, 10, 0), "fr", "demain à 2h30", "2027-03-28T03:30:00+02:00"),
    (PARIS, (2027, 3, 26, 10, 0), "fr", "dimanche à 2h15", "2027-03-28T03:15:00+02:00"),
    (PARIS, (2026, 10, 24, 10, 0), "fr", "demain à 2h30", "2026-10-25T02:30:00+02:00"),
    (PARIS, (2026, 10, 24, 10, 0), "fr", "demain 9h", "2026-10-25T09:00:00+01:00"),
    # Lord Howe: 02:00 → 02:30 on 2026-10-04; 02:00 → 01:30 on 2027-04-04 (+11:00 → +10:30).
    (LORD_HOWE, (2026, 10, 3, 10, 0), "en", "tomorrow at 2:15am", "2026-10-04T02:45:00+11:00"),
    (LORD_HOWE, (2026, 10, 3, 10, 0), "en", "tomorrow at 8am", "2026-10-04T08:00:00+11:00"),
    (LORD_HOWE, (2027, 4, 3, 10, 0), "en", "tomorrow at 1:45am", "2027-04-04T01:45:00+11:00"),
    (LORD_HOWE, (2027, 4, 3, 10, 0), "en", "tomorrow at 8am", "2027-04-04T08:00:00+10:30"),
    (LORD_HOWE, (2027, 4, 4, 1, 0), "en", "in 1 hour", "2027-04-04T01:30:00+10:30"),
]  # fmt: skip


@pytest.mark.parametrize(("tz", "now", "lang", "text", "expected"), CASES)
def test_dst(
    tz: str, now: tuple[int, int, int, int, int], lang: str, text: str, expected: str
) -> None:
    when = parse_when(text, now=local(tz, *now), tz=tz, lang=lang)
    assert when is not None
    assert when.at.isoformat() == expected


def test_in_two_hours_is_real_elapsed_time_across_a_change() -> None:
    now = local(PARIS, 2027, 3, 28, 1, 30)
    when = parse_when("dans 2 heures", now=now, tz=PARIS, lang="fr")
    assert when is not None
    assert when.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)
    assert when.at.isoformat() == "2027-03-28T04:30:00+02:00"
