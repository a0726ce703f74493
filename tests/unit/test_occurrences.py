from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from nudge.scheduler.occurrences import next_after

TORONTO = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")


def test_daily_8am_stays_8am_across_spring_forward() -> None:
    first = datetime(2026, 3, 6, 8, 0, tzinfo=TORONTO)
    after = datetime(2026, 3, 7, 8, 0, tzinfo=TORONTO)
    nxt = next_after("FREQ=DAILY", first=first, after=after, tz="America/Toronto")
    assert nxt is not None
    assert nxt == datetime(2026, 3, 8, 8, 0, tzinfo=TORONTO)
    assert nxt.utcoffset() is not None
    assert nxt.astimezone(UTC).hour == 12  # EDT now, was 13:00 UTC under EST


def test_daily_8am_stays_8am_across_fall_back() -> None:
    first = datetime(2026, 10, 20, 8, 0, tzinfo=PARIS)
    after = datetime(2026, 10, 24, 8, 0, tzinfo=PARIS)
    nxt = next_after("FREQ=DAILY", first=first, after=after, tz="Europe/Paris")
    assert nxt is not None
    assert nxt.astimezone(PARIS).hour == 8
    assert nxt.astimezone(UTC).hour == 7  # CET after the change


def test_time_in_the_spring_gap_moves_forward() -> None:
    first = datetime(2026, 3, 1, 2, 30, tzinfo=TORONTO)
    after = datetime(2026, 3, 7, 2, 30, tzinfo=TORONTO)
    nxt = next_after("FREQ=DAILY", first=first, after=after, tz="America/Toronto")
    assert nxt is not None
    assert nxt == datetime(2026, 3, 8, 3, 30, tzinfo=TORONTO)
    assert nxt.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_ambiguous_fall_back_time_takes_the_first() -> None:
    first = datetime(2026, 10, 20, 2, 30, tzinfo=PARIS)
    after = datetime(2026, 10, 24, 2, 30, tzinfo=PARIS)
    nxt = next_after("FREQ=DAILY", first=first, after=after, tz="Europe/Paris")
    assert nxt is not None
    assert nxt.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST


def test_lord_howe_half_hour_shift() -> None:
    first = datetime(2026, 9, 30, 9, 0, tzinfo=LORD_HOWE)
    after = datetime(2026, 10, 3, 9, 0, tzinfo=LORD_HOWE)
    nxt = next_after("FREQ=DAILY", first=first, after=after, tz="Australia/Lord_Howe")
    assert nxt is not None
    assert nxt == datetime(2026, 10, 4, 9, 0, tzinfo=LORD_HOWE)
    assert nxt.utcoffset() == timedelta(hours=11)  # +11:00 after the 30-minute shift


def test_weekly_rule_and_end_of_rule() -> None:
    first = datetime(2026, 11, 23, 9, 0, tzinfo=TORONTO)  # a Monday
    nxt = next_after("FREQ=WEEKLY;BYDAY=MO,TH", first=first, after=first, tz="America/Toronto")
    assert nxt == datetime(2026, 11, 26, 9, 0, tzinfo=TORONTO)
    assert next_after("FREQ=DAILY;COUNT=1", first=first, after=first, tz="America/Toronto") is None
