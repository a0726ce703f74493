"""Properties over any text: a Command comes back, never an error, never a past reminder.

A reminder is due at or after the moment it is asked: "now" / "right away" is due at once.
"""

from __future__ import annotations

import typing
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nudge.commands import AskWhat, Command, CreateReminder, Pending
from nudge.language import parse_when
from nudge.language.intents import interpret
from nudge.language.records import local_now
from tests.language_eval.evalset import HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, IN_SAMPLE, load

COMMAND_TYPES = typing.get_args(Command)
ZONES = ["America/Toronto", "Europe/Paris", "Australia/Lord_Howe", "UTC", "Asia/Kolkata"]
FRAGMENTS = [
    "remind me", "rappelle-moi", "to", "de", "d'appeler", "call mom", "maman", "at", "à", "a",
    "8", "8pm", "8:30", "08:30", "20h", "8h30", "noon", "midi", "midnight", "minuit", "in",
    "dans", "ds", "20 min", "2 hours", "an hour", "1h30", "une heure", "2 days", "tomorrow",
    "demain", "2main", "tmrw", "today", "aujourd'hui", "tonight", "ce soir", "yesterday",
    "hier", "ago", "il y a", "every", "tous les", "day", "jours", "monday", "lundis",
    "weekdays", "morning", "soir", "done", "snooze", "10", "list", "add", "?", ",", "!",
    "stop", "o'clock", "@", "am", "pm", "et demie", "du soir", "🙂", "\x00",
    "friday", "vendredi", "next", "prochain", "on the 3rd", "le 3", "décembre", "Dec", "3/12",
    "31/2", "every other", "week", "until", "jusqu'à", "18h", "of every month",
    "de chaque mois", "le premier", "after lunch", "après manger", "before bed", "remember",
    "retiens", "I'm in", "Paris", "don't text me after", "stuck on", "next week", "noël",
    "in 3 months", "dans 2 mois", "2026-12-03", "2026-02-30", "1er", "every 2 hours",
    "toutes les", "sur deux", "what's on", "j'ai quoi", "on the 31st", "feb 29",
]  # fmt: skip

moments = st.datetimes(
    min_value=datetime(2025, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
    max_value=datetime(2030, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
phrases = st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join)
texts = st.one_of(st.text(max_size=200), phrases, st.text(max_size=1600))
states = st.one_of(
    st.none(),
    st.builds(Pending, text=st.text(max_size=20)),
    st.builds(Pending, at=moments),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, now=moments, tz=st.sampled_from(ZONES), lang=st.sampled_from(["en", "fr"]))
def test_any_text_gives_a_command_and_no_reminder_in_the_past(
    text: str, now: datetime, tz: str, lang: str
) -> None:
    command = interpret(text, now=now, tz=tz, lang=lang, state=None)
    assert isinstance(command, COMMAND_TYPES)
    if isinstance(command, CreateReminder | AskWhat):
        assert command.at >= now  # "now", "right away" is due at once; anything else later
        assert command.at.tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(text=texts, now=moments, state=states)
def test_any_text_with_any_pending_state(text: str, now: datetime, state: Pending | None) -> None:
    command = interpret(text, now=now, tz="Europe/Paris", lang="fr", state=state)
    assert isinstance(command, COMMAND_TYPES)
    if isinstance(command, CreateReminder | AskWhat):
        assert command.at >= now


@settings(max_examples=500, deadline=None)
@given(text=phrases, now=moments, tz=st.sampled_from(ZONES), lang=st.sampled_from(["en", "fr"]))
def test_parsed_times_are_ahead_in_the_users_zone_with_a_valid_span(
    text: str, now: datetime, tz: str, lang: str
) -> None:
    when = parse_when(text, now=now, tz=tz, lang=lang)
    if when is None:
        return
    assert when.at > now
    assert when.at - now <= timedelta(days=3661)
    assert str(when.at.tzinfo) == tz
    start, end = when.span
    assert 0 <= start < end <= len(text)
    assert text[start:end].strip() == text[start:end]


def _first_occurrence_is_the_confirmed_one(command: Command, tz: str) -> None:
    """A repeat's RRULE parses, and its first occurrence is the time the reply confirms."""
    if not isinstance(command, CreateReminder | AskWhat) or command.rrule is None:
        return
    local = command.at.astimezone(ZoneInfo(tz)).replace(tzinfo=None)  # rules run on wall time
    rule = rrulestr(command.rrule, dtstart=local)
    assert rule[0] == local


@settings(max_examples=500, deadline=None)
@given(text=phrases, now=moments, tz=st.sampled_from(ZONES), lang=st.sampled_from(["en", "fr"]))
def test_every_repeat_starts_at_the_time_it_confirms(
    text: str, now: datetime, tz: str, lang: str
) -> None:
    _first_occurrence_is_the_confirmed_one(
        interpret(text, now=now, tz=tz, lang=lang, state=None), tz
    )


def test_every_labelled_repeat_starts_at_the_time_it_confirms() -> None:
    repeats = 0
    for case in load(IN_SAMPLE + HELDOUT + HELDOUT2 + HELDOUT3 + HELDOUT4):
        command = interpret(
            case.text, now=local_now(case.now, case.tz), tz=case.tz, lang=case.lang, state=None
        )
        _first_occurrence_is_the_confirmed_one(command, case.tz)
        repeats += isinstance(command, CreateReminder) and command.rrule is not None
    assert repeats >= 100  # the sets hold many repeats: the property is exercised


def test_now_alone_is_due_at_once_and_a_clock_is_later() -> None:
    now = datetime(2025, 1, 1, 0, 0, tzinfo=UTC)
    at_once = interpret("right away", now=now, tz="America/Toronto", lang="en", state=None)
    later = interpret("at 8pm", now=now, tz="America/Toronto", lang="en", state=None)
    assert isinstance(at_once, AskWhat)
    assert at_once.at == now
    assert isinstance(later, AskWhat)
    assert later.at > now
