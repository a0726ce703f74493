"""Briefing settings in words."""

from datetime import UTC, datetime, time

import pytest

from nudge.commands import SetBriefing
from nudge.language import understand

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send me a briefing every morning at 7", SetBriefing("morning", time(7, 0))),
        ("morning briefing at 7:30am", SetBriefing("morning", time(7, 30))),
        ("briefing à 7h", SetBriefing("morning", time(7, 0))),
        ("bilan du soir à 21h", SetBriefing("evening", time(21, 0))),
        ("evening check-in at 9", SetBriefing("evening", time(21, 0))),
        ("check in at 8:30pm please", SetBriefing("evening", time(20, 30))),
        ("no more briefing", SetBriefing("morning", None)),
        ("stop the check-in", SetBriefing("evening", None)),
        ("pas de briefing", SetBriefing("morning", None)),
    ],
)
def test_briefing_settings(text: str, expected: SetBriefing) -> None:
    assert understand(text, now=NOW, tz="America/Toronto", lang="en", state=None) == expected


def test_a_reminder_about_a_briefing_is_still_a_reminder() -> None:
    result = understand(
        "remind me to prepare the team briefing at 3pm",
        now=NOW,
        tz="America/Toronto",
        lang="en",
        state=None,
    )
    assert type(result).__name__ == "CreateReminder"
