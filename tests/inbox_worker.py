"""The tests' stand-in for a worker's inbox loop: handle what the webhook stored, at once.

The Twilio webhook only stores an inbound SMS (``Inbox.accept``); a worker loop handles it.
Tests of the whole HTTP surface hook the client so that, after each inbound webhook's answer,
the waiting rows are handled by the real ``Inbox.run_once``, as a worker would a moment later.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

from nudge.bootstrap import Services

SMS_PATH = "/webhooks/twilio/sms"


async def handle_waiting(services: Services) -> int:
    """One inbox pass, which handles texts until none is waiting; how many it took."""
    return await services.inbox.run_once()


def handled_after_webhooks(
    services: Services,
) -> dict[str, list[Callable[[httpx.Response], Awaitable[None]]]]:
    """httpx event hooks: after every inbound-SMS webhook answered 200, the inbox is handled."""

    async def after(response: httpx.Response) -> None:
        if response.request.url.path.rstrip("/") == SMS_PATH and response.status_code == 200:
            await handle_waiting(services)

    return {"response": [after]}
