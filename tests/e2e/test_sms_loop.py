"""SMS in → SMS out: ``nudge serve`` as a subprocess, signed webhooks, a fake Twilio on loopback."""

from __future__ import annotations

import asyncio
import http.client
import signal
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from nudge.bootstrap import build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock, SystemClock
from nudge.store.tables import Outbox
from tests.conftest import _clean, make_settings
from tests.e2e.server import NudgeServer, free_port, nudge_env, run_nudge
from tests.fakes.twilio_server import (
    FakeTwilio,
    signed_form,
    signed_status_callback,
    twilio_fixture,
)

pytestmark = pytest.mark.e2e
FROM_NUMBER = "+15145550100"


def wait_for(predicate: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def server(database_url: str, fake_twilio: FakeTwilio, tmp_path: Path) -> Iterator[NudgeServer]:
    port = free_port()
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": database_url,
            "NUDGE_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "NUDGE_TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
            "NUDGE_TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
            "NUDGE_TWILIO_FROM": FROM_NUMBER,
            "NUDGE_TWILIO_API_BASE": fake_twilio.base_url,
            "NUDGE_SCHEDULER_POLL_SECONDS": "0.2",
            "NUDGE_DELIVERY_POLL_SECONDS": "0.2",
        }
    )
    asyncio.run(_empty(database_url))
    if not database_url.startswith("sqlite"):
        assert "revision" in run_nudge("migrate", env=env, cwd=tmp_path)
    running = NudgeServer(env, tmp_path, port)
    yield running
    # uvicorn re-raises SIGTERM after its graceful shutdown, so -SIGTERM is a clean exit too.
    assert running.stop() in (0, -signal.SIGTERM), running.log()
    assert "Traceback" not in running.log()


async def _empty(database_url: str) -> None:
    services = build(make_settings(database_url))
    try:
        if services.db.dialect == "postgresql":
            from nudge.store.migrate import upgrade

            await upgrade(services.db)
            await _clean(services)
    finally:
        await services.close()


def post_sms(server: NudgeServer, form: dict[str, str], *, token: str) -> httpx.Response:
    url = f"{server.url}/webhooks/twilio/sms"
    return httpx.post(url, data=form, headers=signed_form(url, form, token), timeout=10)


def test_sms_in_reply_out_status_callback_and_replay(
    server: NudgeServer, fake_twilio: FakeTwilio, database_url: str
) -> None:
    form = twilio_fixture("inbound_sms_en")
    form["Body"] = "remind me to call mom in 20 minutes"
    response = post_sms(server, form, token=fake_twilio.auth_token)
    assert response.status_code == 200, server.log()
    assert "<Response" in response.text

    [reply] = wait_for(lambda: fake_twilio.messages)
    assert reply["to"] == form["From"]
    assert reply["from"] == FROM_NUMBER
    assert reply["body"].startswith("OK - today ")
    assert reply["body"].endswith(": call mom")
    assert reply["status_callback"].startswith(f"{server.url}/webhooks/twilio/status?outbox_id=")

    callback = signed_status_callback(reply, auth_token=fake_twilio.auth_token)
    assert httpx.post(callback.url, data=callback.form, headers=callback.headers).status_code < 300
    assert asyncio.run(_outbox_statuses(database_url)) == ["delivered"]

    assert post_sms(server, form, token=fake_twilio.auth_token).status_code == 200  # replay
    time.sleep(1.0)
    assert len(fake_twilio.messages) == 1


def test_bad_signature_is_refused(server: NudgeServer, fake_twilio: FakeTwilio) -> None:
    form = twilio_fixture("inbound_sms_en")
    assert post_sms(server, form, token="wrong-token").status_code == 403
    time.sleep(0.5)
    assert fake_twilio.messages == []


def test_reminder_fires_through_the_servers_scheduler(
    server: NudgeServer, fake_twilio: FakeTwilio, database_url: str
) -> None:
    asyncio.run(_text_from_the_past(database_url, "remind me to stretch in 20 min", seconds=1198))
    reminder = wait_for(
        lambda: [m for m in fake_twilio.messages if m["body"].startswith("Reminder: stretch")]
    )
    assert len(reminder) == 1
    time.sleep(1.0)
    assert len([m for m in fake_twilio.messages if m["body"].startswith("Reminder")]) == 1


async def _text_from_the_past(database_url: str, body: str, *, seconds: int) -> None:
    """Text Nudge as if ``seconds`` ago, so a reminder falls due about now in the server."""
    clock = FakeClock(SystemClock().now() - timedelta(seconds=seconds))
    services = build(make_settings(database_url), clock=clock)
    try:
        await services.handler.handle(Inbound("+15145550007", body, "SMpast0001", "simulator"))
    finally:
        await services.close()


async def _outbox_statuses(database_url: str) -> list[str]:
    services = build(make_settings(database_url))
    try:
        async with services.db.sessions() as session:
            return list(
                (await session.execute(select(Outbox.status).order_by(Outbox.id))).scalars()
            )
    finally:
        await services.close()


def test_an_idle_keep_alive_connection_outlives_uvicorns_default(server: NudgeServer) -> None:
    """Nginx keeps idle upstream connections 60 s; the app must not close them first (5 s
    was uvicorn's default, and a POST sent into a closing connection is dropped)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        assert connection.getresponse().read() == b'{"status":"ok"}'
        opened = connection.sock
        time.sleep(6)
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        assert response.status == 200
        assert connection.sock is opened
    finally:
        connection.close()
