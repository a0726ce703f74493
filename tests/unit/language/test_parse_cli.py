"""``nudge parse``: one JSON object per phrase, from an argument or streamed from stdin."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from nudge.cli import app
from nudge.language.records import local_now, parse_record

NOW = ["--now", "2026-11-24T10:00:00", "--tz", "America/Toronto"]


def _run(*args: str, stdin: str | None = None) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["parse", *NOW, *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_example_of_the_issue() -> None:
    assert _run("--lang", "fr", "demain à 8h") == [
        {
            "text": "demain à 8h",
            "when": "2026-11-25T08:00:00-05:00",
            "grain": "hour",
            "rrule": None,
            "intent": "AskWhat",
        }
    ]


def test_a_day_answer_is_midnight_with_grain_day() -> None:
    [record] = _run("--lang", "fr", "rappelle-moi demain d'appeler Léa")
    assert record["when"] == "2026-11-25T00:00:00-05:00"
    assert record["grain"] == "day"
    assert record["intent"] == "CreateReminder"


def test_recurring_and_detected_language() -> None:
    [record] = _run("tous les lundis à 9h sortir les poubelles")
    assert record["rrule"] == "FREQ=WEEKLY;BYDAY=MO"
    assert record["when"] == "2026-11-30T09:00:00-05:00"


def test_stdin_gives_one_line_per_phrase() -> None:
    records = _run(stdin="remind me to call mom at 6pm\nwhat's on today\n\nhello\n")
    assert [r["intent"] for r in records] == ["CreateReminder", "Agenda", "Unknown", "Unknown"]
    assert records[0]["when"] == "2026-11-24T18:00:00-05:00"
    assert records[1]["when"] == "2026-11-24T00:00:00-05:00"  # the agenda's day, at midnight


def test_now_is_local_wall_time_in_the_zone() -> None:
    [record] = _run("--tz", "Europe/Paris", "in 20 min")
    assert record["when"] == "2026-11-24T10:20:00+01:00"


def test_a_snooze_reports_when_the_reminder_comes_again() -> None:
    now = local_now("2026-11-24T10:00", "America/Toronto")
    hour = parse_record("snooze 1 hour", now=now, tz="America/Toronto", lang="en")
    until = parse_record("plus tard à 20h", now=now, tz="America/Toronto", lang="fr")
    assert (hour["intent"], hour["when"]) == ("Snooze", "2026-11-24T11:00:00-05:00")
    assert (until["intent"], until["when"]) == ("Snooze", "2026-11-24T20:00:00-05:00")
