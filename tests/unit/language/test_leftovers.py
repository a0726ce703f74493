"""A repeat left in a reminder's task is asked about, never set as a one-off (issue 10)."""

from __future__ import annotations

import pytest

from nudge.commands import AskWhen, CreateReminder
from nudge.language import understand
from nudge.language.leftovers import hour_left_by_day, names_repeat_left, without_cut_days
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO


@pytest.mark.parametrize(
    ("task", "lang"),
    [
        ("every 3rd to pay rent", "en"),
        ("pay rent every 3rd", "en"),
        ("water plants every other day", "en"),
        ("every 2 weeks call grandma", "en"),
        ("each monday gym", "en"),
        ("payer le loyer chaque 3", "fr"),
        ("chaque lundi sport", "fr"),
        ("arroser les plantes tous les 2 jours", "fr"),
        ("tlj arroser", "fr"),
    ],
)
def test_a_repeat_left_is_seen(task: str, lang: str) -> None:
    assert names_repeat_left(task, lang)


@pytest.mark.parametrize(
    ("task", "lang"),
    [
        ("do the weekly review", "en"),
        ("take my daily meds", "en"),
        ("thank everyone", "en"),
        ("every single thing on the list", "en"),
        ("appeler tous les enfants", "fr"),
        ("faire le bilan mensuel", "fr"),
    ],
)
def test_task_words_are_no_repeat(task: str, lang: str) -> None:
    assert not names_repeat_left(task, lang)


def test_a_repeat_the_time_did_not_take_is_asked() -> None:
    english = understand(
        "remind me every 2nd payday at 9 to pay rent",
        now=NOW_TORONTO,
        tz=TORONTO,
        lang="en",
        state=None,
    )
    assert english == AskWhen("every 2nd payday to pay rent")  # not the 2nd of each month
    french = understand(
        "rappelle-moi chaque 3e à 9h de payer le loyer",
        now=NOW_PARIS,
        tz=PARIS,
        lang="fr",
        state=None,
    )
    assert isinstance(french, AskWhen)
    kept = understand(
        "remind me to call every client at 9am", now=NOW_TORONTO, tz=TORONTO, lang="en", state=None
    )
    assert isinstance(kept, CreateReminder)
    assert kept.text == "call every client"


@pytest.mark.parametrize(
    ("text", "rrule", "task"),
    [
        ("pay rent every 3rd", "FREQ=MONTHLY;BYMONTHDAY=3", "pay rent"),
        ("remind me every 3rd at 9 to pay rent", "FREQ=MONTHLY;BYMONTHDAY=3", "pay rent"),
        ("every 15th of the month pay bills", "FREQ=MONTHLY;BYMONTHDAY=15", "pay bills"),
    ],
)
def test_every_ordinal_alone_is_a_day_of_the_month(text: str, rrule: str, task: str) -> None:
    found = understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)
    assert isinstance(found, CreateReminder)
    assert (found.rrule, found.text) == (rrule, task)


def test_an_ordinal_counting_the_next_word_is_no_day_of_the_month() -> None:
    """ "every 3rd weekish" counts weeks, loosely: asked, never the 3rd of each month."""
    found = understand(
        "remind me at 9 every 3rd weekish to pay rent",
        now=NOW_TORONTO,
        tz=TORONTO,
        lang="en",
        state=None,
    )
    assert found == AskWhen("every 3rd weekish to pay rent")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("remind me dentist monday or tuesday at 9", "en"),  # was Tue 9:00, "dentist monday or"
        ("rappelle-moi dentiste lundi ou mardi à 9h", "fr"),
        ("rappelle-moi lundi de préparer la réunion de mardi", "fr"),  # was Tuesday 9:00
        ("remind me monday to prep the tuesday talk", "en"),
    ],
)
def test_a_day_the_reading_cut_off_is_asked_about(text: str, lang: str) -> None:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    assert isinstance(understand(text, now=now, tz=tz, lang=lang, state=None), AskWhen)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("remind me about the monday report at 10", "the report"),
        ("remind me to prep for monday at 9", "prep"),
    ],
)
def test_a_day_inside_the_task_is_still_read(text: str, task: str) -> None:
    command = understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)
    assert isinstance(command, CreateReminder)
    assert command.text == task


@pytest.mark.parametrize(
    "text",
    [
        "rappelle-moi sport lundi mercredi vendredi à 7h",
        "sport lundi, mercredi et vendredi à 7h",
        "remind me gym mon wed fri at 7am",
    ],
)
def test_a_list_of_days_alone_is_weekly_in_both_languages(text: str) -> None:
    lang = "en" if "gym" in text else "fr"
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    command = understand(text, now=now, tz=tz, lang=lang, state=None)
    assert isinstance(command, CreateReminder)  # was a one-off Friday, "sport lundi mercredi"
    assert command.rrule == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert command.text in ("sport", "gym")
    assert command.at.hour == 7


def test_a_bare_hour_at_either_end_of_a_task_is_an_hour_left() -> None:
    assert hour_left_by_day("5 call mom")
    assert hour_left_by_day("pills 8")
    assert hour_left_by_day("gym 715")
    assert not hour_left_by_day("buy 2 tickets")
    assert not hour_left_by_day("budget 2027")
    assert not hour_left_by_day("pills 30")
    assert not hour_left_by_day("")


def test_a_weekday_after_or_opening_the_task_was_cut_off() -> None:
    """ "at 9 tomorrow or friday" read tomorrow and left "or friday": which day is asked."""
    assert isinstance(understand("remind me at 9 tomorrow or friday", now=NOW_TORONTO,
                                 tz=TORONTO, lang="en", state=None), AskWhen)  # fmt: skip


def test_the_question_for_a_cut_off_day_names_the_task_alone() -> None:
    """The pending task becomes the reminder's text once the person answers "When?"."""
    assert without_cut_days("friday or to call", "en") == "to call"
    assert without_cut_days("dentist monday or", "en") == "dentist"
    assert without_cut_days("monday report", "en") == "monday report"
    said = understand("remind me friday or monday at 9 to call", now=NOW_TORONTO, tz=TORONTO,
                      lang="en", state=None)  # fmt: skip
    assert said == AskWhen("call")
