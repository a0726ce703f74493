from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nudge.language import When, parse_when
from nudge.language.time.matches import find_when
from tests.unit.language.moments import (
    NOW_PARIS,
    NOW_TORONTO,
    PARIS,
    TORONTO,
    at_local,
    local,
)


def _en(text: str, now: datetime = NOW_TORONTO) -> When | None:
    return parse_when(text, now=now, tz=TORONTO, lang="en")


def _fr(text: str, now: datetime = NOW_PARIS) -> When | None:
    return parse_when(text, now=now, tz=PARIS, lang="fr")


ENGLISH = [
    ("in 20 min", at_local(TORONTO, 10, 20), "minute"),
    ("in 20 mins", at_local(TORONTO, 10, 20), "minute"),
    ("in 20 minutes", at_local(TORONTO, 10, 20), "minute"),
    ("in 2 hours", at_local(TORONTO, 12), "minute"),
    ("in 2 hrs", at_local(TORONTO, 12), "minute"),
    ("in an hour", at_local(TORONTO, 11), "minute"),
    ("in a minute", at_local(TORONTO, 10, 1), "minute"),
    ("in half an hour", at_local(TORONTO, 10, 30), "minute"),
    ("in 1h30", at_local(TORONTO, 11, 30), "minute"),
    ("in 1 hour and 30 minutes", at_local(TORONTO, 11, 30), "minute"),
    ("in an hour and a half", at_local(TORONTO, 11, 30), "minute"),
    ("in 90 seconds", at_local(TORONTO, 10, 1).replace(second=30), "second"),
    ("in 2 days", at_local(TORONTO, 10, day=26), "minute"),
    ("in five minutes", at_local(TORONTO, 10, 5), "minute"),
    ("at 8pm", at_local(TORONTO, 20), "hour"),
    ("at 8 pm", at_local(TORONTO, 20), "hour"),
    ("at 8:30 pm", at_local(TORONTO, 20, 30), "minute"),
    ("at 8:30pm", at_local(TORONTO, 20, 30), "minute"),
    ("at 8 p.m.", at_local(TORONTO, 20), "hour"),
    ("at 20:00", at_local(TORONTO, 20), "minute"),
    ("at 9am", at_local(TORONTO, 9, day=25), "hour"),
    ("at noon", at_local(TORONTO, 12), "hour"),
    ("at midnight", at_local(TORONTO, 0, day=25), "hour"),
    ("8pm", at_local(TORONTO, 20), "hour"),
    ("tomorrow at 8am", at_local(TORONTO, 8, day=25), "hour"),
    ("tomorrow 8am", at_local(TORONTO, 8, day=25), "hour"),
    ("tmrw at 8am", at_local(TORONTO, 8, day=25), "hour"),
    ("tmr 7:45am", at_local(TORONTO, 7, 45, day=25), "minute"),
    ("at 8am tomorrow", at_local(TORONTO, 8, day=25), "hour"),
    ("tomorrow at 9", at_local(TORONTO, 9, day=25), "hour"),
    ("tomorrow at 3", at_local(TORONTO, 15, day=25), "hour"),
    ("tomorrow at noon", at_local(TORONTO, 12, day=25), "hour"),
    ("today at 3", at_local(TORONTO, 15), "hour"),
    ("today at 6pm", at_local(TORONTO, 18), "hour"),
    ("tonight at 8", at_local(TORONTO, 20), "hour"),
    ("tonight at 12", at_local(TORONTO, 0, day=25), "hour"),
    ("tomorrow at 12", at_local(TORONTO, 12, day=25), "hour"),
    ("tomorrow at 1am", at_local(TORONTO, 1, day=25), "hour"),
    ("tomorrow morning at 7", at_local(TORONTO, 7, day=25), "hour"),
    ("at 7 tomorrow evening", at_local(TORONTO, 19, day=25), "hour"),
    ("at 3 in the afternoon", at_local(TORONTO, 15), "hour"),
    ("day after tomorrow at 10am", at_local(TORONTO, 10, day=26), "hour"),
    ("tomorrow", at_local(TORONTO, 9, day=25), "day"),
    ("tomorrow evening", at_local(TORONTO, 19, day=25), "hour"),
    ("tonight", at_local(TORONTO, 19), "hour"),
    ("8 o'clock", at_local(TORONTO, 20), "hour"),
    ("@ 7", at_local(TORONTO, 19), "hour"),
    ("20 min", at_local(TORONTO, 10, 20), "minute"),
]

FRENCH = [
    ("dans 20 minutes", at_local(PARIS, 10, 20), "minute"),
    ("dans 20 min", at_local(PARIS, 10, 20), "minute"),
    ("ds 5 min", at_local(PARIS, 10, 5), "minute"),
    ("dans 2h", at_local(PARIS, 12), "minute"),
    ("dans 2 heures", at_local(PARIS, 12), "minute"),
    ("dans une heure", at_local(PARIS, 11), "minute"),
    ("dans 1h30", at_local(PARIS, 11, 30), "minute"),
    ("dans une heure et demie", at_local(PARIS, 11, 30), "minute"),
    ("dans une demi-heure", at_local(PARIS, 10, 30), "minute"),
    ("dans un quart d'heure", at_local(PARIS, 10, 15), "minute"),
    ("dans 3 jours", at_local(PARIS, 10, day=27), "minute"),
    ("à 20h", at_local(PARIS, 20), "hour"),
    ("a 20h", at_local(PARIS, 20), "hour"),
    ("À 20H", at_local(PARIS, 20), "hour"),
    ("à 8h30", at_local(PARIS, 8, 30, day=25), "minute"),
    ("à 8h", at_local(PARIS, 8, day=25), "hour"),
    ("à 8", at_local(PARIS, 8, day=25), "hour"),
    ("20h15", at_local(PARIS, 20, 15), "minute"),
    ("à 20 heures", at_local(PARIS, 20), "hour"),
    ("vers 15h", at_local(PARIS, 15), "hour"),
    ("midi", at_local(PARIS, 12), "hour"),
    ("à midi et demi", at_local(PARIS, 12, 30), "minute"),
    ("minuit", at_local(PARIS, 0, day=25), "hour"),
    ("demain à 8h", at_local(PARIS, 8, day=25), "hour"),
    ("demain 8h", at_local(PARIS, 8, day=25), "hour"),
    ("2main 8h", at_local(PARIS, 8, day=25), "hour"),
    ("demain a 8h", at_local(PARIS, 8, day=25), "hour"),
    ("à 14h demain", at_local(PARIS, 14, day=25), "hour"),
    ("aujourd'hui à 18h", at_local(PARIS, 18), "hour"),
    ("ce soir à 8h", at_local(PARIS, 20), "hour"),
    ("8h du soir", at_local(PARIS, 20), "hour"),
    ("demain matin", at_local(PARIS, 9, day=25), "hour"),
    ("demain soir", at_local(PARIS, 19, day=25), "hour"),
    ("demain", at_local(PARIS, 9, day=25), "day"),
    ("après-demain à 10h", at_local(PARIS, 10, day=26), "hour"),
    ("apres demain a 10h", at_local(PARIS, 10, day=26), "hour"),
]


@pytest.mark.parametrize(("text", "expected", "grain"), ENGLISH)
def test_english_times(text: str, expected: datetime, grain: str) -> None:
    when = _en(text)
    assert when is not None
    assert (when.at, when.grain, when.rrule) == (expected, grain, None)
    assert when.at.tzinfo == ZoneInfo(TORONTO)


@pytest.mark.parametrize(("text", "expected", "grain"), FRENCH)
def test_french_times(text: str, expected: datetime, grain: str) -> None:
    when = _fr(text)
    assert when is not None
    assert (when.at, when.grain, when.rrule) == (expected, grain, None)
    assert when.at.tzinfo == ZoneInfo(PARIS)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("remind me to call mom in 20 minutes", "in 20 minutes"),
        ("call mom at 6pm please", "at 6pm"),
        ("remind me tomorrow at 9 to call", "tomorrow at 9"),
        ("rappelle-moi d'appeler maman à 20h", "à 20h"),
        ("Rappelle-moi DEMAIN À 8H de sortir", "DEMAIN À 8H"),
        ("prendre mes médicaments dans 1h30", "dans 1h30"),
        ("at 8 tomorrow morning call", "at 8 tomorrow morning"),
    ],
)
def test_span_is_the_time_expression_in_the_original_text(text: str, expression: str) -> None:
    when = parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert text[when.span[0] : when.span[1]] == expression


@pytest.mark.parametrize(
    ("now_hour", "expected_hour", "expected_day"),
    [(6, 8, 24), (7, 8, 24), (8, 20, 24), (10, 20, 24), (19, 20, 24), (20, 8, 25), (23, 8, 25)],
)
def test_bare_english_hour_is_its_next_occurrence_morning_then_evening(
    now_hour: int, expected_hour: int, expected_day: int
) -> None:
    now = at_local(TORONTO, now_hour)
    when = _en("at 8", now)
    assert when is not None
    assert when.at == at_local(TORONTO, expected_hour, day=expected_day)


@pytest.mark.parametrize(
    ("now_hour", "expected_day"), [(6, 24), (7, 24), (8, 25), (10, 25), (23, 25)]
)
@pytest.mark.parametrize("text", ["à 8h", "à 8", "a 8h", "8h"])
def test_french_hour_is_24_hour_today_if_ahead_else_tomorrow(
    text: str, now_hour: int, expected_day: int
) -> None:
    when = _fr(text, at_local(PARIS, now_hour))
    assert when is not None
    assert when.at == at_local(PARIS, 8, day=expected_day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 8:30", at_local(TORONTO, 20, 30)),
        ("at 08:30", at_local(TORONTO, 8, 30, day=25)),
        ("at 12", at_local(TORONTO, 12)),
        ("at 11", at_local(TORONTO, 11)),
        ("at 9", at_local(TORONTO, 21)),
        ("at 3", at_local(TORONTO, 15)),
        ("at 15:00", at_local(TORONTO, 15)),
    ],
)
def test_bare_hour_variants_at_ten(text: str, expected: datetime) -> None:
    when = _en(text)
    assert when is not None
    assert when.at == expected


def test_bare_hour_in_english_from_a_french_user_is_still_english() -> None:
    when = parse_when("at 8", now=NOW_PARIS, tz=PARIS, lang="fr")
    assert when is not None
    assert when.at == at_local(PARIS, 20)


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "yesterday at 8pm",
        "hier",
        "hier à 20h",
        "avant-hier",
        "2 hours ago",
        "il y a 2 heures",
        "today at 8am",
        "aujourd'hui à 8h",
        "this morning",
        "in 0 minutes",
    ],
)
def test_past_times_give_none(text: str) -> None:
    lang = "fr" if any(word in text for word in ("hier", "il y a", "aujourd")) else "en"
    assert parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang=lang) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("yesterday", "past"),
        ("hier à 20h", "past"),  # said of the past, as "yesterday" is
        ("2 hours ago", "past"),
        ("il y a 2 heures", "past"),
        ("today at 8am", "clock"),
    ],
)
def test_past_times_are_still_found(text: str, kind: str) -> None:
    found = find_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert found is not None
    assert (found.kind, found.when) == (kind, None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "list",
        "buy a 6 pack",
        "Léo a 8 ans",
        "meet 8 people",
        "call 911",
        "today",
        "8",
        "price is 8.50",
        "room 204",
        "print it in 3d",
    ],
)
def test_no_time_in_text(text: str) -> None:
    assert _en(text) is None


@pytest.mark.parametrize("hour", range(24))
@pytest.mark.parametrize(
    "text", ["at 8pm", "at 8", "at 11:59", "à 8h", "midi", "minuit", "at 12am", "20h15", "at 0:00"]
)
def test_clock_times_are_never_in_the_past(text: str, hour: int) -> None:
    for minute in (0, 1, 59):
        now = datetime(2026, 11, 24, hour, minute, tzinfo=ZoneInfo(TORONTO))
        when = parse_when(text, now=now, tz=TORONTO, lang="fr" if "h" in text else "en")
        assert when is not None
        assert now.astimezone(UTC) < when.at.astimezone(UTC) <= now + timedelta(days=1)


def test_clock_time_equal_to_now_rolls_to_tomorrow() -> None:
    when = _en("at 10am")
    assert when is not None
    assert when.at == at_local(TORONTO, 10, day=25)


# DST: America/Toronto springs forward 2026-03-08 02:00 → 03:00;
# Europe/Paris falls back 2026-10-25 03:00 → 02:00; Toronto falls back 2026-11-01 02:00 → 01:00.


def test_wall_time_in_a_spring_forward_gap_moves_forward_by_the_gap() -> None:
    now = local(TORONTO, 2026, 3, 8, 1, 0)
    when = parse_when("at 2:30am", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at == local(TORONTO, 2026, 3, 8, 3, 30)
    assert when.at.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_tomorrow_in_a_gap_moves_forward() -> None:
    now = local(TORONTO, 2026, 3, 7, 10, 0)
    when = parse_when("tomorrow at 2:30am", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert (when.at.hour, when.at.minute) == (3, 30)


def test_ambiguous_wall_time_takes_the_first_occurrence() -> None:
    now = local(PARIS, 2026, 10, 24, 10, 0)
    when = parse_when("demain à 2h30", now=now, tz=PARIS, lang="fr")
    assert when is not None
    assert when.at.utcoffset() == timedelta(hours=2)
    assert when.at.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_relative_offsets_are_elapsed_time_across_spring_forward() -> None:
    now = local(TORONTO, 2026, 3, 8, 1, 30)
    when = parse_when("in 2 hours", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)
    assert (when.at.hour, when.at.minute) == (4, 30)


def test_days_from_now_keep_the_time_of_day_across_fall_back() -> None:
    now = local(TORONTO, 2026, 10, 31, 10, 0)
    when = parse_when("in 2 days", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(days=2, hours=1)
    assert (when.at.day, when.at.hour) == (2, 10)  # calendar days: 10:00 stays 10:00


def test_relative_across_paris_fall_back() -> None:
    now = local(PARIS, 2026, 10, 25, 1, 30)
    when = parse_when("dans 2h", now=now, tz=PARIS, lang="fr")
    assert when is not None
    assert when.at.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)
    assert (when.at.hour, when.at.minute) == (2, 30)
    assert when.at.utcoffset() == timedelta(hours=1)


def test_lord_howe_half_hour_gap() -> None:
    tz = "Australia/Lord_Howe"
    now = local(tz, 2026, 10, 3, 12, 0)
    when = parse_when("tomorrow at 2:10am", now=now, tz=tz, lang="en")
    assert when is not None
    assert (when.at.hour, when.at.minute) == (2, 40)


def test_now_may_be_any_aware_zone() -> None:
    utc_now = NOW_TORONTO.astimezone(UTC)
    tokyo_now = NOW_TORONTO.astimezone(ZoneInfo("Asia/Tokyo"))
    assert _en("at 8pm", utc_now) == _en("at 8pm", tokyo_now)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("at 8pm", now=datetime(2026, 11, 24, 10, 0), tz=TORONTO, lang="en")  # noqa: DTZ001


def test_longest_expression_wins() -> None:
    when = _en("remind me to call at 8 tomorrow morning")
    assert when is not None
    assert when.at == at_local(TORONTO, 8, day=25)


def test_absurdly_far_offsets_are_ignored() -> None:
    assert _en("in 9999 weeks") is None


def test_fall_back_hour_compares_instants_not_wall_clocks() -> None:
    # 01:45 EST is the second 01:45 of 2026-11-01; 01:50 EDT is past, 01:50 EST five minutes off.
    now = datetime(2026, 11, 1, 6, 45, tzinfo=UTC)
    when = parse_when("at 1:50", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at.isoformat() == "2026-11-01T01:50:00-05:00"
    assert when.at.astimezone(UTC) - now == timedelta(minutes=5)
