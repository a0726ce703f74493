"""Clocks said in another time zone, read into the user's wall time (issue 10)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.language.records import parse_record
from nudge.language.time.read import read

ZONE = "Etc/GMT+2"
NOW = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo(ZONE))  # Duckling's reference, a Tuesday


def _local(text: str, *, lang: str = "en", tz: str = ZONE, now: datetime = NOW) -> str | None:
    reading = read(text, now=now, tz=tz, lang=lang)
    if reading is None or reading.at is None:
        return None
    return reading.at.isoformat(timespec="minutes")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4pm CET", "2013-02-12T13:00"),
        ("Thursday 8:00 GMT", "2013-02-14T06:00"),
        ("Thursday 8h00 gmt", "2013-02-14T06:00"),
        ("Thursday 8h GMT", "2013-02-14T06:00"),
        ("Thu at 8 GMT", "2013-02-14T06:00"),
        ("Thursday 8:00 PST", "2013-02-14T14:00"),
        ("Thu at 8 am PST", "2013-02-14T14:00"),
        ("Thursday at 9:30pm ist", "2013-02-14T14:00"),
        ("3pm UTC+2", "2013-02-12T11:00"),
        ("3pm GMT-5", "2013-02-12T18:00"),
        ("9am +0530", "2013-02-13T01:30"),
        ("9am +05:30", "2013-02-13T01:30"),
        ("8:00Z", "2013-02-12T06:00"),
        ("tomorrow 9am eastern time", "2013-02-13T12:00"),
        ("9am Paris time", "2013-02-12T06:00"),
    ],
)
def test_english_zones(text: str, expected: str) -> None:
    assert _local(text) == expected


def test_french_zones() -> None:
    assert _local("à seize heures CET", lang="fr") == "2013-02-12T13:00"
    assert _local("demain à 9h heure de Paris", lang="fr") == "2013-02-13T06:00"
    assert _local("à 9h heure de l'est", lang="fr") == "2013-02-12T12:00"


def test_a_season_abbreviation_names_the_region_clock() -> None:
    """ "EST" in July is New York's clock (EDT then); "BST" in winter London's (GMT)."""
    july = datetime(2026, 7, 1, 8, 0, tzinfo=ZoneInfo("America/Toronto"))
    assert _local("3pm EST", tz="America/Toronto", now=july) == "2026-07-01T15:00"
    assert _local("Thursday 9 am (BST)") == "2013-02-14T07:00"


def test_dst_on_both_sides() -> None:
    """New York springs forward on March 8 2026, Paris on March 29: three weeks of 5 hours."""
    here = "Europe/Paris"
    march = datetime(2026, 3, 16, 8, 0, tzinfo=ZoneInfo(here))
    assert _local("9am EST", tz=here, now=march) == "2026-03-16T14:00"
    april = datetime(2026, 4, 6, 8, 0, tzinfo=ZoneInfo(here))
    assert _local("9am EST", tz=here, now=april) == "2026-04-06T15:00"


def test_zone_words_only_after_a_clock() -> None:
    """A zone word elsewhere is a word: "pt session at 3", French "et" and "est"."""
    assert _local("pt session at 3") == "2013-02-12T15:00"
    assert _local("le rdv à 8h est annulé", lang="fr") == "2013-02-12T08:00"
    assert _local("à 8h et 9h", lang="fr") != "2013-02-12T11:00"
    assert _local("meet at 8 at the gym") == "2013-02-12T08:00"


def test_a_short_zone_that_may_be_a_word_is_asked_unless_it_agrees() -> None:
    """ "at 3 pt" may be physical therapy: asked, unless the user is on Pacific time."""
    assert _local("at 3 pt") is None
    pacific = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert _local("at 3 pt", tz="America/Los_Angeles", now=pacific) == "2013-02-12T15:00"


def test_the_record_reports_the_user_time() -> None:
    record = parse_record("remind me to call Raj at 4pm CET", now=NOW, tz=ZONE, lang="en")
    assert record["when"] == "2013-02-12T13:00:00-02:00"


TORONTO = "America/Toronto"
DECEMBER = datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo(TORONTO))  # a Thursday


def _toronto(text: str) -> tuple[str, str | None, str | None]:
    reading = read(text, now=DECEMBER, tz=TORONTO, lang="en")
    assert reading is not None, text
    at = None if reading.at is None else reading.at.isoformat(timespec="minutes")
    return reading.outcome, at, reading.rrule


def test_a_zone_a_constant_shift_away_is_a_clock_days_and_repeats_take() -> None:
    """Toronto keeps New York's clock all year: "EST" is the user's own clock."""
    assert _toronto("every day at 9am EST") == ("resolved", "2026-12-04T09:00", "FREQ=DAILY")
    assert _toronto("dec 10 dentist at 10am EST") == ("resolved", "2026-12-10T10:00", None)
    assert _toronto("tomorrow 9am pacific time") == ("resolved", "2026-12-04T12:00", None)


def test_a_clock_moved_past_midnight_changes_the_day() -> None:
    assert _toronto("tomorrow 11pm PST") == ("resolved", "2026-12-05T02:00", None)


def test_a_repeat_in_a_zone_that_drifts_is_asked() -> None:
    """Paris and Toronto are 6 hours apart but 5 for weeks in spring and fall: no one RRULE."""
    assert read("every day at 9am CET", now=DECEMBER, tz=TORONTO, lang="en") is None
    assert _toronto("9am CET") == ("resolved", "2026-12-04T03:00", None)


def test_a_short_zone_in_a_repeat_is_asked() -> None:
    assert _toronto("every monday at 3pm PT")[0] == "ambiguous"


TORONTO = "America/Toronto"
DEC_3 = datetime(2026, 12, 3, 10, 30, tzinfo=ZoneInfo(TORONTO))  # 16:30 in Paris


def _record(text: str, lang: str = "en") -> tuple[object, object]:
    record = parse_record(text, now=DEC_3, tz=TORONTO, lang=lang)
    return record["intent"], record["when"]


def test_a_date_in_a_zone_gone_today_is_past_not_next_year() -> None:
    """ "Dec 3 at 10am CET" once that has gone today: refused, never set for a year later."""
    assert _record("dentist Dec 3 at 10am CET") == ("RefusePast", "2026-12-03T04:00:00-05:00")
    assert _record("dentist Dec 1 at 10am PST") == ("RefusePast", "2026-12-01T13:00:00-05:00")
    assert _record("dentist Dec 3 at 11pm CET") == ("CreateReminder", "2026-12-03T17:00:00-05:00")


def test_a_day_and_a_zoned_clock_apart_are_one_time_in_that_zone() -> None:
    """The zone takes the day told apart from its clock, as it does the day next to it."""
    assert _record("Dec 5 dentist at 10am CET") == ("CreateReminder", "2026-12-05T04:00:00-05:00")
    assert _record("Dec 3 dentist at 10am CET") == ("RefusePast", "2026-12-03T04:00:00-05:00")
    assert _record("le 5 décembre dentiste à 10h heure de Paris", "fr") == (
        "CreateReminder",
        "2026-12-05T04:00:00-05:00",
    )
    assert _record("every day dentist at 10am CET")[0] == "Unknown"  # a drifting zone: asked


def test_the_day_of_the_month_said_today_once_its_clock_has_gone_is_past() -> None:
    """ "the 3rd at 9am" said on the 3rd at 10:30 is today's, refused, not January's unsaid."""
    assert _record("dentist the 3rd at 9am") == ("RefusePast", "2026-12-03T09:00:00-05:00")
    assert _record("dentiste le 3 à 9h", "fr") == ("RefusePast", "2026-12-03T09:00:00-05:00")
    assert _record("dentist the 3rd at 4pm") == ("CreateReminder", "2026-12-03T16:00:00-05:00")
    assert _record("pay rent on the 1st") == ("CreateReminder", "2027-01-01T00:00:00-05:00")
