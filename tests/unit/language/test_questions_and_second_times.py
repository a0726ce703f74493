"""Messages that name a time but ask no reminder: questions, and two times with no verb."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from nudge.commands import Agenda, AskWhen, Command, CreateReminder, RefusePast, Unknown
from nudge.language.intents import understand
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO


def _say(text: str, lang: str) -> Command:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    return understand(text, now=now, tz=tz, lang=lang, state=None)


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("what did i ask you to remind me about tomorrow", "en", 25),
        ("what did I ask u to remind me of today?", "en", 24),
        ("qu'est-ce que je t'ai demandé de me rappeler demain", "fr", 25),
    ],
)
def test_asking_what_was_asked_is_an_agenda_question(text: str, lang: str, day: int) -> None:
    assert _say(text, lang) == Agenda(date(2026, 11, day))


@pytest.mark.parametrize(
    ("text", "lang"),
    [("on mange quoi ce soir", "fr"), ("on se retrouve où demain", "fr")],
)
def test_a_spoken_question_is_no_reminder(text: str, lang: str) -> None:
    assert not isinstance(_say(text, lang), CreateReminder)


@pytest.mark.parametrize(
    "text",
    ["tomorrow i have exam at 9, wake me up at 7", "friday dentist at 3 then gym at 6"],
)
def test_two_times_without_a_remind_verb_set_no_reminder(text: str) -> None:
    assert isinstance(_say(text, "en"), Unknown)


def test_one_time_without_a_verb_still_sets_its_reminder() -> None:
    command = _say("tomorrow call the garage", "en")
    assert isinstance(command, CreateReminder)
    assert command.text == "call the garage"


def test_the_last_day_of_the_month_is_once_and_of_every_month_repeats() -> None:
    once = _say("remind me on the last day of the month to pay rent", "en")
    every = _say("remind me on the last day of every month to pay rent", "en")
    assert isinstance(once, CreateReminder)
    assert isinstance(every, CreateReminder)
    assert (once.at.day, once.rrule) == (30, None)
    assert (every.at.day, every.rrule) == (30, "FREQ=MONTHLY;BYMONTHDAY=-1")


def test_a_quebec_hour_from_1_to_5_alone_is_a_question_a_paris_one_is_the_night() -> None:
    kids = "check ben ça, rappelle moi à 4h de chercher les enfants à la garderie"
    montreal = understand(kids, now=NOW_TORONTO, tz="America/Toronto", lang="fr", state=None)
    paris = understand(kids, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)
    assert isinstance(montreal, AskWhen)
    assert isinstance(paris, CreateReminder)
    assert paris.at.astimezone(ZoneInfo(PARIS)).hour == 4


@pytest.mark.parametrize(
    ("text", "hour"),
    [("rappelle-moi à 4h du matin de x", 4), ("rappelle-moi à 3h de l'après-midi de x", 15)],
)
def test_a_quebec_hour_with_its_part_of_day_is_read(text: str, hour: int) -> None:
    command = understand(text, now=NOW_TORONTO, tz="America/Toronto", lang="fr", state=None)
    assert isinstance(command, CreateReminder)
    assert command.at.astimezone(ZoneInfo("America/Toronto")).hour == hour


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("remind me in 5 to 10 minutes to check the oven", "en"),
        ("rappelle-moi dans 2 à 3 heures de rappeler le garage", "fr"),
    ],
)
def test_a_range_of_minutes_or_hours_is_a_question_not_a_clock(text: str, lang: str) -> None:
    assert isinstance(_say(text, lang), AskWhen)


def test_today_without_a_clock_after_its_hour_is_asked_not_refused() -> None:
    assert _say("remind me today to call", "en") == AskWhen("call")


def test_a_past_part_of_the_day_is_named_at_its_hour() -> None:
    afternoon = NOW_TORONTO.astimezone(ZoneInfo(TORONTO)).replace(hour=13)
    refused = understand(
        "remind me this morning to call back", now=afternoon, tz=TORONTO, lang="en", state=None
    )
    assert isinstance(refused, RefusePast)
    assert refused.at is not None
    assert (refused.at.hour, refused.at.minute, refused.grain) == (9, 0, "hour")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("remind me this morning to call back", "en"),  # at 10:00: its 9:00 gone, not it
        ("rappelle-moi ce matin de rappeler", "fr"),
    ],
)
def test_the_part_of_the_day_it_is_in_is_asked_not_refused(text: str, lang: str) -> None:
    asked = _say(text, lang)
    assert isinstance(asked, AskWhen)
    assert asked.text in ("call back", "rappeler")
