"""Holidays: their days from each calendar source, and the forms said around them.

Expected days are the published ones (national calendars, the Hebrew and Umm al-Qura
calendars), not our sources' output read back.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.language.intents import interpret
from nudge.language.time.holidays import (
    COMMON,
    asian,
    date_of,
    hebrew,
    islamic,
    words_en,
    words_fr,
)  # fmt: skip
from nudge.language.time.read import read

NEW_YORK, TORONTO, MONTREAL, PARIS = (
    "America/New_York", "America/Toronto", "America/Montreal", "Europe/Paris",
)  # fmt: skip
WEDNESDAY = (2026, 12, 2, 8, 15)  # local wall time, the week after US Thanksgiving


@pytest.mark.parametrize(
    ("name", "region", "year", "want"),
    [
        ("thanksgiving", "en-US", 2026, date(2026, 11, 26)),
        ("thanksgiving", "en-CA", 2026, date(2026, 10, 12)),
        ("thanksgiving", "fr-CA", 2027, date(2027, 10, 11)),
        ("black_friday", "en-US", 2017, date(2017, 11, 24)),
        ("easter", "en-CA", 2027, date(2027, 3, 28)),
        ("orthodox_easter", "en-CA", 2027, date(2027, 5, 2)),
        ("mothers_day", "en-US", 2027, date(2027, 5, 9)),
        ("mothers_day", "fr-FR", 2027, date(2027, 5, 30)),
        ("mothers_day", "fr-FR", 2009, date(2009, 6, 7)),  # Pentecost was on the last Sunday
        ("victoria_day", "en-CA", 2027, date(2027, 5, 24)),
        ("labour_day_fr", "fr-FR", 2027, date(2027, 5, 1)),
        ("labour_day_fr", "fr-CA", 2027, date(2027, 9, 6)),
        ("national_day", "fr-CA", 2027, date(2027, 6, 24)),
        ("national_day", "fr-FR", 2027, date(2027, 7, 14)),
        ("boss_day", "en-US", 2016, date(2016, 10, 17)),  # 16 October was a Sunday
        ("boss_day", "en-US", 2021, date(2021, 10, 15)),  # a Saturday
        ("kings_day", "en-US", 2014, date(2014, 4, 26)),  # the 27th was a Sunday
        ("advent_sunday", "en-US", 2026, date(2026, 11, 29)),
        ("rosh_hashanah", "en-US", 2025, date(2025, 9, 23)),
        ("yom_kippur", "en-US", 2025, date(2025, 10, 2)),
        ("simchat_torah", "en-US", 2025, date(2025, 10, 15)),
        ("hanukkah", "en-US", 2025, date(2025, 12, 15)),
        ("purim", "en-US", 2025, date(2025, 3, 14)),
        ("passover", "en-US", 2025, date(2025, 4, 13)),
        ("tisha_bav", "en-US", 2018, date(2018, 7, 22)),  # 9 Av was Shabbat: the fast moved
        ("yom_hashoah", "en-US", 2018, date(2018, 4, 12)),
        ("yom_haatzmaut", "en-US", 2018, date(2018, 4, 19)),  # moved off Friday
        ("ramadan", "en-US", 2025, date(2025, 3, 1)),
        ("eid_al_fitr", "en-US", 2025, date(2025, 3, 30)),
        ("eid_al_adha", "en-US", 2025, date(2025, 6, 6)),
        ("diwali", "en-US", 2024, date(2024, 10, 31)),
        ("diwali", "en-US", 2025, date(2025, 10, 20)),
        ("holi", "en-US", 2025, date(2025, 3, 14)),
        ("vaisakhi", "en-US", 2018, date(2018, 4, 14)),
        ("chinese_new_year", "en-US", 2025, date(2025, 1, 29)),
        ("chinese_new_year", "en-US", 2026, date(2026, 2, 17)),
        ("vesak", "en-US", 2025, date(2025, 5, 11)),
    ],
)
def test_a_holiday_falls_on_its_published_day(
    name: str, region: str, year: int, want: date
) -> None:
    found = date_of(name, region)
    assert found is not None
    assert found(year)[0] == want


def test_an_islamic_holiday_may_fall_twice_in_a_year() -> None:
    assert islamic.DAYS["eid_al_fitr"](2000) == (date(2000, 1, 8), date(2000, 12, 27))
    assert islamic.DAYS["eid"](2025) == (date(2025, 3, 30), date(2025, 6, 6))


def test_a_calendar_gives_no_day_outside_its_years() -> None:
    assert islamic.DAYS["eid_al_fitr"](2090) == ()
    assert asian.DAYS["diwali"](2050) == ()
    assert hebrew.DAYS["yom_kippur"](2150)  # the Hebrew calendar has no end


def test_every_name_in_the_word_lists_has_days() -> None:
    for table in (words_en.HOLIDAYS, words_fr.HOLIDAYS):
        for name in table:
            assert name in COMMON, name
            found = date_of(name, "en-US")
            assert found is not None
            assert any(found(year) for year in range(2025, 2031)), name


@pytest.mark.parametrize("name", sorted(asian.LISTINGS))
def test_python_holidays_still_lists_each_holiday_we_read_from_it(name: str) -> None:
    listing = asian.LISTINGS[name]
    years = range(listing.first, listing.last + 1)
    assert sum(1 for year in years if asian.DAYS[name](year)) >= len(years) * 0.6, listing


Wall = tuple[int, int, int, int, int]


def _day(text: str, tz: str, lang: str = "en", now: Wall = WEDNESDAY) -> tuple[str, str]:
    reading = read(text, now=datetime(*now, tzinfo=ZoneInfo(tz)), tz=tz, lang=lang)
    assert reading is not None, text
    assert reading.moment is not None, text
    return reading.outcome, reading.moment.start.date().isoformat()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("thanksgiving day 2012", ("past", "2012-11-22")),  # was read as 20:12
        ("black friday 2017", ("past", "2017-11-24")),  # was read as 20:17
        ("remind me on thanksgiving 2027 to call mom", ("resolved", "2027-11-25")),
        ("easter sunday two thousand ten", ("past", "2010-04-04")),
        ("next thanksgiving", ("resolved", "2027-11-25")),
        ("last thanksgiving", ("past", "2026-11-26")),
        ("last easter", ("past", "2026-04-05")),
        ("this christmas", ("resolved", "2026-12-25")),
        ("thanksgiving of next year", ("resolved", "2027-11-25")),
        ("mlk day of last year", ("past", "2025-01-20")),
        ("christmas next year", ("resolved", "2027-12-25")),
        ("christmas in five years", ("resolved", "2031-12-25")),
        ("thanksgiving in 9 months", ("resolved", "2027-11-25")),
        ("lakshmi puja six years hence", ("resolved", "2032-11-02")),
        ("thanksgiving 3 months ago", ("past", "2026-11-26")),
        ("the closest xmas to today", ("resolved", "2026-12-25")),
        ("the 2nd closest xmas to today", ("past", "2025-12-25")),
        ("the third closest xmas to today", ("resolved", "2027-12-25")),
        ("the day before thanksgiving", ("resolved", "2027-11-24")),  # not the one just gone
        ("the day after thanksgiving", ("resolved", "2027-11-26")),
        ("the day before rosh hashanah", ("resolved", "2027-10-01")),
        ("erev yom kippur", ("resolved", "2027-10-10")),
        ("the third tuesday after christmas 2014", ("past", "2015-01-13")),
        ("the sunday before christmas", ("resolved", "2026-12-20")),
        ("remind me on diwali to call grandma", ("past", "2026-11-08")),  # 24 days ago
        ("diwali 2027", ("resolved", "2027-10-29")),
        ("eid 2027", ("resolved", "2027-03-09")),
        ("remind me on eid to call my aunt", ("resolved", "2027-03-09")),
        ("mother's day", ("resolved", "2027-05-09")),
        ("remind me on hanukkah to buy candles", ("resolved", "2026-12-05")),
        ("passover 2027", ("resolved", "2027-04-22")),
        ("first day of lent", ("resolved", "2027-02-10")),
        ("mardi gras", ("resolved", "2027-02-09")),
        ("lunar new year 2027", ("resolved", "2027-02-06")),
        ("christmas eve at 4pm", ("resolved", "2026-12-24")),
    ],
)
def test_english_forms_around_a_holiday(text: str, want: tuple[str, str]) -> None:
    assert _day(text, NEW_YORK) == want


@pytest.mark.parametrize(
    ("text", "tz", "want"),
    [
        ("Noël 2027", PARIS, ("resolved", "2027-12-25")),
        ("Noël prochain", PARIS, ("resolved", "2026-12-25")),
        ("Noël dernier", PARIS, ("past", "2025-12-25")),
        ("rappelle-moi le Noël dernier", PARIS, ("past", "2025-12-25")),
        ("la veille de Noël", PARIS, ("resolved", "2026-12-24")),
        ("le lendemain de Noël", PARIS, ("resolved", "2026-12-26")),
        ("la veille de Pâques", PARIS, ("resolved", "2027-03-27")),
        ("Noël de l'année prochaine", PARIS, ("resolved", "2027-12-25")),
        ("Noël dans deux ans", PARIS, ("resolved", "2028-12-25")),
        ("Noël deux mille vingt-sept", PARIS, ("resolved", "2027-12-25")),
        ("le dimanche avant Noël", PARIS, ("resolved", "2026-12-20")),
        ("le premier dimanche après Pâques", PARIS, ("resolved", "2027-04-04")),
        ("rappelle-moi noël à 18h d'appeler mamie", PARIS, ("resolved", "2026-12-25")),
        ("la Toussaint", PARIS, ("resolved", "2027-11-01")),
        ("le jour des morts", PARIS, ("resolved", "2027-11-02")),
        ("la fête des mères", PARIS, ("resolved", "2027-05-30")),
        ("la fête des mères", MONTREAL, ("resolved", "2027-05-09")),
        ("la fête des pères", PARIS, ("resolved", "2027-06-20")),
        ("la fête nationale", PARIS, ("resolved", "2027-07-14")),
        ("la fête nationale", MONTREAL, ("resolved", "2027-06-24")),
        ("le 14 juillet", MONTREAL, ("resolved", "2027-07-14")),
        ("la fête du Travail", PARIS, ("resolved", "2027-05-01")),
        ("la fête du Travail", MONTREAL, ("resolved", "2027-09-06")),
        ("rappelle-moi le 1er mai à 8h30", MONTREAL, ("resolved", "2027-05-01")),
        ("l'Action de grâce", MONTREAL, ("resolved", "2027-10-11")),
        ("à la Saint-Jean", MONTREAL, ("resolved", "2027-06-24")),
        ("Hanoukka", PARIS, ("resolved", "2026-12-05")),
        ("Yom Kippour", PARIS, ("resolved", "2027-10-11")),
        ("Roch Hachana", PARIS, ("resolved", "2027-10-02")),
        ("l'Aïd 2027", PARIS, ("resolved", "2027-03-09")),
        ("le Ramadan", PARIS, ("resolved", "2027-02-08")),
        ("Diwali 2027", PARIS, ("resolved", "2027-10-29")),
        ("le nouvel an chinois", PARIS, ("resolved", "2027-02-06")),
    ],
)
def test_french_forms_around_a_holiday(text: str, tz: str, want: tuple[str, str]) -> None:
    assert _day(text, tz, "fr") == want


def test_a_holiday_just_gone_is_past_as_a_month_and_day_is() -> None:
    """Held-out set 3: "remind me on christmas to call grandma" said on 30 December."""
    now = datetime(2026, 12, 30, 16, 45, tzinfo=ZoneInfo("America/Vancouver"))
    reading = read(
        "remind me on christmas to call grandma", now=now, tz="America/Vancouver", lang="en"
    )
    assert reading is not None
    assert reading.moment is not None
    assert (reading.outcome, reading.moment.start.date()) == ("past", date(2026, 12, 25))
    command = interpret(
        "remind me on christmas to call grandma",
        now=now,
        tz="America/Vancouver",
        lang="en",
        state=None,
    )
    assert type(command).__name__ == "RefusePast"
    assert _day("next christmas", "America/Vancouver", now=(2026, 12, 30, 16, 45)) == (
        "resolved",
        "2027-12-25",
    )


def test_a_year_its_calendar_lacks_is_no_time_rather_than_a_clock() -> None:
    """ "diwali 2050": python-holidays lists Diwali to 2035; 2050 is no 20:50."""
    assert read("diwali 2050", now=datetime(2026, 12, 2, tzinfo=ZoneInfo(TORONTO)),
                tz=TORONTO, lang="en") is None  # fmt: skip


def test_holiday_calendars_are_left_alone_without_a_holiday_word() -> None:
    caches = (asian._calendar, hebrew._first_days, islamic._hijri_years)
    before = [cache.cache_info() for cache in caches]
    now = datetime(2026, 12, 2, 8, 15, tzinfo=ZoneInfo(TORONTO))
    for text in ("remind me tomorrow at 8 to call mom", "every monday at 7", "in 20 min"):
        read(text, now=now, tz=TORONTO, lang="en")
    assert [cache.cache_info() for cache in caches] == before
