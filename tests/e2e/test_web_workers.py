"""``NUDGE_WEB_WORKERS``: several ``nudge serve`` processes on one port, each answering."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.e2e.server import NudgeServer, free_port, nudge_env
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, signed_form, twilio_fixture

pytestmark = pytest.mark.e2e


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _cmdline(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_two_web_workers_share_the_port_and_store_every_webhook(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'nudge.db'}",
            "NUDGE_PUBLIC_URL": url,
            "NUDGE_TWILIO_AUTH_TOKEN": FAKE_AUTH_TOKEN,
            "NUDGE_WEB_WORKERS": "2",
        }
    )
    server = NudgeServer(env, tmp_path, port)
    try:
        spawned = [pid for pid in _children(server.process.pid) if b"spawn_main" in _cmdline(pid)]
        assert len(spawned) == 2  # uvicorn's two worker processes (and a resource tracker)
        with httpx.Client(base_url=url, timeout=10) as client:
            for n in range(6):
                form = {**twilio_fixture("inbound_sms_en"), "Body": f"add item {n}"}
                sid = f"SM{n:032x}"
                form.update(MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
                headers = signed_form(f"{url}/webhooks/twilio/sms", form, FAKE_AUTH_TOKEN)
                answer = client.post("/webhooks/twilio/sms", data=form, headers=headers)
                assert answer.status_code == 200, server.log()
    finally:
        assert server.stop() in (0, -15), server.log()
    assert "Traceback" not in server.log()
    with sqlite3.connect(tmp_path / "nudge.db") as db:  # handled, or still waiting its turn
        handled = db.execute("SELECT provider_sid FROM messages WHERE direction = 'in'")
        waiting = db.execute("SELECT provider_sid FROM inbox")
        stored = sorted(row[0] for row in [*handled.fetchall(), *waiting.fetchall()])
    assert stored == [f"SM{n:032x}" for n in range(6)]
