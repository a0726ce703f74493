"""The ``nudge`` command as a user runs it: chat in the terminal, export, erase."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.server import nudge_env, run_nudge

pytestmark = pytest.mark.e2e


def test_chat_export_erase_on_the_embedded_default(tmp_path: Path) -> None:
    env = nudge_env({"NUDGE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/nudge.db"})
    chat = subprocess.run(
        [sys.executable, "-m", "nudge", "chat", "--phone", "+1 514 555 0001"],
        input=(
            "remind me to call mom in 20 minutes\nadd dentist to my list\nlist\n"
            "remember my locker code is 4512\n"
        ),
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert chat.returncode == 0, chat.stderr
    assert "Nudge: OK - today " in chat.stdout
    assert ": call mom" in chat.stdout
    assert "Nudge: Added: dentist." in chat.stdout
    assert "1. dentist" in chat.stdout

    exported = json.loads(run_nudge("export", "--phone", "+15145550001", env=env, cwd=tmp_path))
    assert exported["profile"]["phone"] == "+15145550001"
    assert [m["body"] for m in exported["messages"]][:2] == [
        "remind me to call mom in 20 minutes",
        "add dentist to my list",
    ]
    assert exported["reminders"][0]["text"] == "call mom"
    assert exported["reminders"][0]["occurrences"][0]["state"] == "pending"
    assert exported["todos"][0]["text"] == "dentist"
    assert len(exported["outbox"]) == 4

    remembered = json.loads(run_nudge("memories", "--phone", "+15145550001", env=env, cwd=tmp_path))
    assert ["4512" in memory["text"] for memory in remembered["memories"]] == [True]
    usage = json.loads(run_nudge("usage", "--phone", "+15145550001", env=env, cwd=tmp_path))
    assert sum(day["calls"] for day in usage["days"]) == 0  # no model configured: rules only

    assert "Erased" in run_nudge("erase", "--phone", "+15145550001", "--yes", env=env, cwd=tmp_path)
    gone = subprocess.run(
        [sys.executable, "-m", "nudge", "export", "--phone", "+15145550001"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert gone.returncode == 1
    assert "No one" in gone.stderr
