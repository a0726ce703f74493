"""A reminder ahead of the time the message names: "remind me an hour before"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nudge.commands import AskWhen, Command, CreateReminder, RefusePast
from nudge.language.intents import understand
from nudge.language.lead_time import ahead_of, lead_at_start
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local, local


def _en(text: str) -> Command:
    return understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return understand(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I have a dentist appt thursday at 4pm remind me an hour before", (26, 15, 0)),
        ("remind me 30 min before my meeting at 3pm", (24, 14, 30)),
        ("remind me 2 hours before the 9am meeting", (25, 7, 0)),
        ("remind me an hour early for my 4pm call", (24, 15, 0)),
        ("exam friday at 9am, remind me the day before", (26, 9, 0)),
        ("call with Sam at 6pm, remind me 15 minutes in advance", (24, 17, 45)),
    ],
)
def test_english_lead_times_count_back_from_the_event(
    text: str, want: tuple[int, int, int]
) -> None:
    command = _en(text)
    assert isinstance(command, CreateReminder)
    day, hour, minute = want
    assert command.at == at_local(TORONTO, hour, minute, day=day)
    assert "before" not in command.text
    assert "advance" not in command.text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("j'ai le dentiste jeudi à 16h rappelle-moi une heure avant", (26, 15, 0)),
        ("examen vendredi à 8h, rappelle-moi la veille", (26, 8, 0)),
        ("réunion à 15h, rappelle-moi 20 minutes plus tôt", (24, 14, 40)),
    ],
)
def test_french_lead_times_count_back_from_the_event(text: str, want: tuple[int, int, int]) -> None:
    command = _fr(text)
    assert isinstance(command, CreateReminder)
    day, hour, minute = want
    assert command.at == at_local(PARIS, hour, minute, day=day)


def test_a_repeat_keeps_its_rule_when_the_lead_stays_on_its_day() -> None:
    command = _en("every monday at 9 standup, remind me 10 min before")
    assert command == CreateReminder(
        "standup", local(TORONTO, 2026, 11, 30, 8, 50), "FREQ=WEEKLY;BYDAY=MO"
    )


def test_a_lead_that_moves_a_repeat_to_another_day_is_a_question() -> None:
    assert isinstance(_en("every monday at 9 standup, remind me the day before"), AskWhen)


def test_an_hour_before_a_day_without_a_clock_is_a_question() -> None:
    assert _en("exam on friday, remind me an hour before") == AskWhen("exam")


def test_a_lead_landing_in_the_past_is_refused_and_named() -> None:
    assert _en("meeting at 10:30am, remind me an hour before") == RefusePast(
        "meeting", at_local(TORONTO, 9, 30), "minute"
    )


def test_lead_words_are_read_only_at_the_start() -> None:
    assert lead_at_start("an hour before") is not None
    assert lead_at_start("me 20 min avant") is not None
    assert lead_at_start("to leave before noon") is None
    assert lead_at_start("before 5pm to call") is None


def test_a_day_before_keeps_the_wall_clock_across_a_dst_change() -> None:
    event = local(TORONTO, 2026, 11, 2, 9, 0)  # the day after clocks fell back
    assert ahead_of(event, timedelta(days=1), TORONTO) == local(TORONTO, 2026, 11, 1, 9, 0)
    assert ahead_of(event, timedelta(hours=1), TORONTO) == local(TORONTO, 2026, 11, 2, 8, 0)


def test_the_eve_of_a_named_day_is_that_day_not_a_lead() -> None:
    french = _fr("rappelle-moi la veille de Noël d'emballer les cadeaux")
    english = _en("remind me the day before christmas to wrap gifts")
    assert french == CreateReminder("emballer les cadeaux", local(PARIS, 2026, 12, 24, 9, 0))
    assert english == CreateReminder("wrap gifts", local(TORONTO, 2026, 12, 24, 9, 0))
