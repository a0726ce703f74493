"""The app as production runs it (Twilio configured, our account and number), over ASGI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Final

import httpx

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.store.migrate import upgrade
from nudge.web.app import create_app
from tests.conftest import _clean, make_settings
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN
from tests.inbox_worker import handled_after_webhooks

PUBLIC: Final = "https://nudge.example.org"
OUR_NUMBER: Final = "+15145550100"
API_TOKEN: Final = "operator-secret-token"
EXTREMES: Final = (
    "",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "11",
    "2147483647",
    "2147483648",
    "9223372036854775808",
    "99999999999999999999",
    "1e400",
    "NaN",
    "٣",
    " 1",
    "SM" + "a" * 10_000,
    "é" * 300,
)
"""Field values a hostile tester tries first: empty, NUL, every integer width's edge, odd
digits, a 10 KB id."""


@asynccontextmanager
async def signed_web(
    database_url: str, clock: FakeClock, *, handle_inbox: bool = True, **overrides: object
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    """Services on an empty store and a client for the app, signatures checked over PUBLIC.

    ``handle_inbox``: after each inbound webhook's 200, the inbox pass runs (as a worker's
    would a moment later); without it the client sees what the webhook alone does.
    """
    settings = make_settings(
        database_url, public_url=PUBLIC, twilio_auth_token=FAKE_AUTH_TOKEN, **overrides
    )
    services = build(settings, clock=clock)
    await upgrade(services.db)
    await _clean(services)
    transport = httpx.ASGITransport(app=create_app(services, run_workers=False))
    hooks = handled_after_webhooks(services) if handle_inbox else {}
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://internal:8000", event_hooks=hooks
        ) as client:
            yield services, client
    finally:
        await services.close()


@asynccontextmanager
async def production_web(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    """``signed_web`` as production runs it: our account and number, the operator API on.

    Replies land in the simulator (no Twilio REST call is made).
    """
    async with signed_web(
        database_url,
        clock,
        twilio_account_sid=FAKE_ACCOUNT_SID,
        twilio_from=OUR_NUMBER,
        simulator_enabled=True,
        api_token=API_TOKEN,
    ) as served:
        yield served
