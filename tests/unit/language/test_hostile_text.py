"""Hostile and enormous text through the rules: a Command, no error, no hang.

``test_properties`` covers ordinary fragments and text up to an SMS's 1,600 characters. This
adds what a hostile tester sends: injection strings, control and invisible characters,
thousands of emoji, and text up to 100 KB (``nudge parse`` reads any length; an SMS is cut
at ``NUDGE_MAX_BODY_CHARS`` before the rules). ``interpret`` lets errors out, and
``understand`` must not have swallowed one either (its ``understand_failed`` log line), so
a crash cannot hide behind the safety net. The per-example deadline is generous, for a
loaded 2-core machine: it catches a hang (a walk of minutes), not a slow phrase.
"""

from __future__ import annotations

import logging
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nudge.commands import AskWhat, Command, CreateReminder, Pending
from nudge.language import intents
from nudge.language.intents import interpret, understand
from nudge.language.records import parse_record
from tests.hostile_strings import HOSTILE_TEXT, INJECTIONS

COMMAND_TYPES = typing.get_args(Command)
ZONES = ["America/Toronto", "Europe/Paris", "Australia/Lord_Howe", "Pacific/Kiritimati"]
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
HANG = timedelta(seconds=20)

moments = st.datetimes(
    min_value=datetime(2025, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
    max_value=datetime(2030, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
TIME_WORDS = st.sampled_from(
    ["friday", "midnight", "tomorrow", "at 8", "in 20 min", "à 20h", "demain", "every", "noon"]
)
LONG_TEXT = st.one_of(
    st.builds(lambda text, count: text * count, HOSTILE_TEXT, st.integers(10, 400)),
    st.lists(TIME_WORDS, min_size=500, max_size=3000).map(" ".join),
    st.builds(
        lambda head, filler, tail: f"{head} {filler} {tail}",
        st.sampled_from(["remind me to", "rappelle-moi de", "add"]),
        st.integers(20_000, 100_000).map(lambda size: "x" * size),
        st.sampled_from(["call mom at 8pm", "payer le loyer demain", "milk"]),
    ),
)


class _Kept(logging.Handler):
    """Keeps every record logged while installed."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def errors_logged() -> Iterator[list[logging.LogRecord]]:
    """The error records ``understand`` logs inside the block (one per swallowed crash)."""
    kept = _Kept()
    intents.log.addHandler(kept)
    try:
        yield kept.records
    finally:
        intents.log.removeHandler(kept)


def _check(command: Command, now: datetime) -> None:
    assert isinstance(command, COMMAND_TYPES)
    if isinstance(command, CreateReminder | AskWhat):
        assert command.at >= now


@settings(max_examples=300, deadline=HANG, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=HOSTILE_TEXT,
    now=moments,
    tz=st.sampled_from(ZONES),
    lang=st.sampled_from(["en", "fr"]),
    state=st.one_of(st.none(), st.builds(Pending, text=HOSTILE_TEXT)),
)
def test_hostile_text_gives_a_command_without_an_error(
    text: str, now: datetime, tz: str, lang: str, state: Pending | None
) -> None:
    _check(interpret(text, now=now, tz=tz, lang=lang, state=state), now)


@settings(
    max_examples=40,
    deadline=HANG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=LONG_TEXT, tz=st.sampled_from(ZONES), lang=st.sampled_from(["en", "fr"]))
def test_text_up_to_100_kb_gives_a_command_in_bounded_time(text: str, tz: str, lang: str) -> None:
    _check(interpret(text, now=NOW, tz=tz, lang=lang, state=None), NOW)


@settings(max_examples=200, deadline=HANG, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(HOSTILE_TEXT, LONG_TEXT),
    tz=st.sampled_from(ZONES),
    lang=st.sampled_from(["en", "fr", None]),
)
def test_parse_record_answers_any_text_and_understand_swallows_nothing(
    text: str, tz: str, lang: str | None
) -> None:
    with errors_logged() as errors:
        record = parse_record(text, now=NOW, tz=tz, lang=lang)
        understand(text, now=NOW, tz=tz, lang=lang or "en", state=None)
    assert errors == []
    assert record["text"] == text
    assert record["intent"] in {kind.__name__ for kind in COMMAND_TYPES}
    if record["when"] is not None:
        assert datetime.fromisoformat(record["when"]).tzinfo is not None


def test_every_injection_string_is_read_as_something_plain() -> None:
    """Each one, not only those hypothesis happens to draw, in both languages."""
    for text in INJECTIONS:
        for lang in ("en", "fr"):
            command = interpret(text, now=NOW, tz="America/Toronto", lang=lang, state=None)
            _check(command, NOW)
