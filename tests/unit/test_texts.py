from datetime import UTC, datetime

import pytest

from nudge.texts.catalog import catalog, render
from nudge.texts.formatting import describe_rrule, format_when

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tue 10:00 Toronto, 16:00 Paris


def test_today_in_english_uses_12_hour_clock() -> None:
    at = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)  # 20:30 Toronto, same day
    assert format_when(at, now=NOW, tz="America/Toronto", locale="en") == "today 8:30 PM"


def test_tomorrow_names_the_weekday() -> None:
    at = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
    assert format_when(at, now=NOW, tz="America/Toronto", locale="en") == "tomorrow (Wed) 8:00 AM"
    assert format_when(at, now=NOW, tz="Europe/Paris", locale="fr") == "demain (mer.) 14:00"


def test_later_dates_show_weekday_and_date() -> None:
    at = datetime(2026, 12, 4, 19, 0, tzinfo=UTC)
    assert format_when(at, now=NOW, tz="Europe/Paris", locale="fr") == "ven. 4 déc. 20:00"
    assert format_when(at, now=NOW, tz="America/Toronto", locale="en") == "Fri Dec 4 2:00 PM"


def test_a_day_about_a_year_away_names_its_year() -> None:
    """ "Fri Dec 4" next year would read as this year's: far days say their year."""
    soon = datetime(2027, 9, 15, 18, 0, tzinfo=UTC)  # 295 days ahead: no year
    assert format_when(soon, now=NOW, tz="America/Toronto", locale="en") == "Wed Sep 15 2:00 PM"
    far = datetime(2027, 12, 4, 19, 0, tzinfo=UTC)
    assert format_when(far, now=NOW, tz="America/Toronto", locale="en") == (
        "Sat Dec 4, 2027 2:00 PM"
    )
    assert format_when(far, now=NOW, tz="Europe/Paris", locale="fr") == "sam. 4 déc. 2027 20:00"


def test_midnight_and_noon_in_12_hour_clock() -> None:
    noon = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    assert format_when(noon, now=NOW, tz="America/Toronto", locale="en") == "today 12:00 PM"
    midnight = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
    assert format_when(midnight, now=NOW, tz="America/Toronto", locale="en").endswith("12:00 AM")


@pytest.mark.parametrize(
    ("rule", "locale", "expected"),
    [
        ("FREQ=DAILY", "en", "every day"),
        ("FREQ=DAILY", "fr", "tous les jours"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "en", "every weekday"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "en", "every Monday and Thursday"),
        ("FREQ=WEEKLY;BYDAY=MO", "fr", "chaque lundi"),
        ("FREQ=HOURLY;INTERVAL=2", "en", "every 2 hours"),
        ("FREQ=YEARLY", "en", "repeating"),
    ],
)
def test_describe_rrule(rule: str, locale: str, expected: str) -> None:
    assert describe_rrule(rule, locale=locale) == expected


def test_both_catalogs_have_the_same_keys() -> None:
    for section in ("reply", "time", "rule", "web"):
        assert set(catalog("en")[section]) == set(catalog("fr")[section]), section


def test_render_fills_placeholders_and_unknown_locale_falls_back_to_english() -> None:
    assert render("de", "done_reminder", text="stretch") == "Nice, done: stretch."


SAMPLE = {
    "text": "call mom about the dentist",
    "when": "tomorrow (Wed) 10:30 AM",
    "n": 12,
    "rule": "every weekday",
    "time": "10:30 PM",
    "code": "042917",
    "host": "nudge.example.org",
    "url": "https://nudge.example.org/api/v1/auth/link/" + "x" * 43,  # a texted sign-in link
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_reply_is_one_gsm7_segment(locale: str) -> None:
    from nudge.channels.segments import count_segments, encoding, gsm_friendly

    for key in catalog(locale)["reply"]:
        sent = gsm_friendly(render(locale, key, **SAMPLE))
        assert encoding(sent) == "GSM-7", (locale, key, sent)
        assert count_segments(sent) == 1, (locale, key, len(sent), sent)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_replies_never_scold(locale: str) -> None:
    words = ("overdue", "forgot", "failed", "en retard", "oublie", "oublié", "should have")
    for key, template in catalog(locale)["reply"].items():
        assert not any(word in template.lower() for word in words), (locale, key)
