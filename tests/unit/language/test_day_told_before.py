"""A reminder's clock without a day takes the day told before the remind verb."""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.commands import CreateReminder
from nudge.language.intents import interpret
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local


@pytest.mark.parametrize(
    ("lang", "text", "task", "at"),
    [
        ("fr", "rdv chez le dentiste jeudi à 14h, rappelle-moi à 13h", "rdv chez le dentiste",
         at_local(PARIS, 13, day=26)),
        ("fr", "faut que j'appelle le proprio ce soir, rappelle-moi à 7h",
         "faut que j'appelle le proprio", at_local(PARIS, 19)),
        ("fr", "demain je passe le permis, rappelle-moi à 7h de réviser", "réviser",
         at_local(PARIS, 7, day=25)),
        ("en", "dentist friday at 3pm, remind me at 2", "dentist", at_local(TORONTO, 14, day=27)),
        ("en", "big exam tomorrow. remind me at 8 to get ready", "get ready",
         at_local(TORONTO, 8, day=25)),
    ],
)  # fmt: skip
def test_the_day_before_the_verb_carries(lang: str, text: str, task: str, at: datetime) -> None:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    assert interpret(text, now=now, tz=tz, lang=lang, state=None) == CreateReminder(task, at, None)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        # a clock alone before the verb names no day: the next 13:45
        ("call at 2pm w/ my manager, remind me at 1:45", at_local(TORONTO, 13, 45)),
        # a day after the verb wins
        ("dentist friday, remind me tomorrow at 9", at_local(TORONTO, 9, day=25)),
        # a relative time is never moved to another day
        ("dentist friday, remind me in 2 hours", at_local(TORONTO, 12)),
    ],
)
def test_no_day_is_carried_where_none_applies(text: str, at: datetime) -> None:
    command = interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)
    assert isinstance(command, CreateReminder)
    assert command.at == at
