"""French days placed by a week, day words, numeric dates, symbols and repeats (issue 10)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.language.records import parse_record
from nudge.language.time.read import read

ZONE = "Etc/GMT+2"
TUESDAY = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo(ZONE))  # Duckling's reference
QUEBEC = "America/Toronto"


def _read(text: str, now: datetime = TUESDAY, tz: str = ZONE) -> tuple[str, str] | None:
    reading = read(text, now=now, tz=tz, lang="fr")
    if reading is None or reading.at is None:
        return None
    return reading.at.isoformat(timespec="minutes"), reading.outcome


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mardi de la semaine prochaine", "2013-02-19T09:00"),
        ("mardi de la semaine suivante", "2013-02-19T09:00"),
        ("mercredi de la semaine prochaine", "2013-02-20T09:00"),
        ("mercredi la semaine d'après", "2013-02-20T09:00"),
        ("mercredi de la semaine d'après", "2013-02-20T09:00"),
        ("mercredi suivant", "2013-02-20T09:00"),
        ("mardi suivant", "2013-02-19T09:00"),
        ("mercredi d'après", "2013-02-20T09:00"),
        ("mercredi prochain", "2013-02-13T09:00"),  # the coming one stays tomorrow
        ("lundi en huit", "2013-02-25T09:00"),
        ("lundi en 8", "2013-02-25T09:00"),
        ("mercredi en huit", "2013-02-20T09:00"),
        ("jeudi en huit", "2013-02-21T09:00"),
        ("lundi en quinze", "2013-03-04T09:00"),
        ("mardi en quinze", "2013-02-26T09:00"),  # said on a Tuesday: counts from today
        ("mercredi en 15", "2013-02-27T09:00"),
        ("demain en huit", "2013-02-20T09:00"),
        ("rappelle-moi d'aujourd'hui en huit de relancer le notaire", "2013-02-19T09:00"),
        ("réunion lundi en huit à 14h", "2013-02-25T14:00"),
        ("vendredi suivant à 14h", "2013-02-22T14:00"),  # one reading, not two
        ("mardi qui vient", "2013-02-19T09:00"),  # said on a Tuesday: never today
        ("vendredi qui s'en vient", "2013-02-15T09:00"),
        ("la semaine d'après", "2013-02-18T09:00"),
    ],
)
def test_weekday_placed_by_a_week(text: str, want: str) -> None:
    assert _read(text) == (want, "resolved")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("dimanche de la semaine dernière", "2013-02-10T09:00"),
        ("lundi cette semaine", "2013-02-11T09:00"),
        ("la veille", "2013-02-11T09:00"),
        ("le jour d'avant", "2013-02-11T09:00"),
        ("le jour précédent", "2013-02-11T09:00"),
    ],
)
def test_days_gone_are_understood_as_past(text: str, want: str) -> None:
    assert _read(text) == (want, "past")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("le lendemain", "2013-02-13T09:00"),
        ("jour suivant", "2013-02-13T09:00"),
        ("le jour d'après", "2013-02-13T09:00"),
        ("le lendemain du 13 février", "2013-02-14T09:00"),
        ("la veille du 14 mars", "2013-03-13T09:00"),
        ("ce jour", "2013-02-12T09:00"),
        ("dans la journée", "2013-02-12T09:00"),
        ("dans la journée de demain", "2013-02-13T09:00"),
        ("un jour après", "2013-02-13T09:00"),
        ("deux jours après", "2013-02-14T09:00"),
        ("rappelle-moi vendredi, la veille de l'examen", "2013-02-15T09:00"),  # friday stands
        ("rappelle-moi dans la journée de faire le plein", "2013-02-12T09:00"),
        ("en fin de semaine", "2013-02-16T09:00"),
    ],
)
def test_day_words(text: str, want: str) -> None:
    assert _read(text) == (want, "resolved")


@pytest.mark.parametrize(
    "text",
    [
        "le lendemain de la fête",  # the day after something else: ask
        "le jour suivant la réunion",
        "la veille du départ",
        "deux jours après l'opération",
        "rappelle-moi dans 2 3 jours",  # no March 2
        "il reste 3 2 jours",
        "rappelle-moi d'acheter 1 2 kg de farine",  # one digit each: no date without a year
        "le 06 12 34 56 78",  # a phone number
        "5 jui",  # juin or juillet
        "ce jour-là",  # a day said before, not today
    ],
)
def test_no_time_where_a_guess_would_be_wrong(text: str) -> None:
    assert _read(text) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("17 02", "2013-02-17T09:00"),
        ("17 2", "2013-02-17T09:00"),
        ("31 10", "2013-10-31T09:00"),
        ("le 31 10", "2013-10-31T09:00"),
        ("20 02 2014", "2014-02-20T09:00"),
        ("20 2 14", "2014-02-20T09:00"),
        ("le 20 02 2014", "2014-02-20T09:00"),
        ("le 24 12 14", "2014-12-24T09:00"),
        ("lundi 17 02 2014", "2014-02-17T09:00"),  # a year said: that Monday
        ("le premier mars 2013", "2013-03-01T09:00"),  # 2013 is a year, not 20:13
        ("le 3 mars 2015", "2015-03-03T09:00"),
        ("3eme jour d'octobre", "2013-10-03T09:00"),
        ("le 3eme jour d'octobre", "2013-10-03T09:00"),
        ("le dernier vendredi du mois", "2013-02-22T09:00"),
        ("le premier lundi du mois", "2013-03-04T09:00"),  # this month's has passed
    ],
)
def test_dates(text: str, want: str) -> None:
    assert _read(text) == (want, "resolved")


def test_fin_de_journee_before_its_task_is_the_end_of_today() -> None:
    at = _read("rappelle-moi en fin de journée de mettre à jour le suivi")
    assert at == ("2013-02-12T17:00", "resolved")


def test_a_pair_of_numbers_after_a_is_a_question() -> None:
    reading = read("rdv à 17 02", now=TUESDAY, tz=ZONE, lang="fr")
    assert reading is not None
    assert reading.outcome == "ambiguous"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("dans 2'", "2013-02-12T04:32:00"),
        ('dans 1"', "2013-02-12T04:30:01"),
        ("dans 2\u2019", "2013-02-12T04:32:00"),
    ],
)
def test_primes_are_minutes_and_seconds(text: str, want: str) -> None:
    reading = read(text, now=TUESDAY, tz=ZONE, lang="fr")
    assert reading is not None
    assert reading.at is not None
    assert reading.at.isoformat() == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("rdv coiffeur sam 11h", "2013-02-16T11:00"),
        ("sam 9h30", "2013-02-16T09:30"),
        ("le sam", "2013-02-16T09:00"),
        ("dim prochain", "2013-02-17T09:00"),
        ("appelle sam à 11h", "2013-02-12T11:00"),  # a name, then a clock
    ],
)
def test_weekday_abbreviations_that_are_words(text: str, want: str) -> None:
    assert _read(text) == (want, "resolved")


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("tous les premiers lundis du mois à 10h", "FREQ=MONTHLY;BYDAY=1MO"),
        ("tous les derniers vendredis du mois", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("les derniers vendredis du mois", "FREQ=MONTHLY;BYDAY=-1FR"),
    ],
)
def test_monthly_repeats_in_the_plural(text: str, rrule: str) -> None:
    reading = read(text, now=TUESDAY, tz=ZONE, lang="fr")
    assert reading is not None
    assert reading.rrule == rrule


def test_the_last_friday_of_the_month_is_once() -> None:
    record = parse_record(
        "rappelle-moi le dernier vendredi du mois de rendre mes notes de frais",
        now=TUESDAY,
        tz=ZONE,
        lang="fr",
    )
    assert record["when"] == "2013-02-22T00:00:00-02:00"
    assert record["rrule"] is None


def test_once_passed_the_last_friday_is_next_months() -> None:
    later = datetime(2013, 2, 25, 10, 0, tzinfo=ZoneInfo(ZONE))
    assert _read("le dernier vendredi du mois", now=later) == ("2013-03-29T09:00", "resolved")


def test_quebec_supper_is_at_six() -> None:
    now = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo(QUEBEC))
    assert _read("rappelle-moi au souper", now=now, tz=QUEBEC) == ("2026-12-06T18:00", "resolved")
    assert _read("rappelle-moi au dîner", now=now, tz=QUEBEC) == ("2026-12-06T12:00", "resolved")


def test_french_diner_stays_the_evening() -> None:
    now = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
    at = _read("rappelle-moi au dîner", now=now, tz="Europe/Paris")
    assert at == ("2026-12-06T19:00", "resolved")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("rappelle-moi le dernier jour du mois de payer le loyer", "2027-04-30T09:00"),
        ("le 15 du mois", "2027-05-15T09:00"),  # this month's has passed
        ("le 3e jour du mois", "2027-05-03T09:00"),
        ("le 20 du mois prochain", "2027-05-20T09:00"),
    ],
)
def test_days_of_the_month(text: str, want: str) -> None:
    now = datetime(2027, 4, 29, 18, 20, tzinfo=ZoneInfo(QUEBEC))
    assert _read(text, now=now, tz=QUEBEC) == (want, "resolved")


def test_every_fifth_of_the_month() -> None:
    now = datetime(2026, 12, 31, 13, 40, tzinfo=ZoneInfo("Europe/Paris"))
    reading = read(
        "tous les 5 du mois à 10h rappelle moi de payer", now=now, tz="Europe/Paris", lang="fr"
    )
    assert reading is not None
    assert reading.rrule == "FREQ=MONTHLY;BYMONTHDAY=5"
    assert reading.at is not None
    assert reading.at.isoformat(timespec="minutes") == "2027-01-05T10:00"


def test_le_prefixes_the_weekday_it_places() -> None:
    reading = read("rappelle-moi le lundi en huit d'appeler", now=TUESDAY, tz=ZONE, lang="fr")
    assert reading is not None
    assert reading.span == (13, 29)
