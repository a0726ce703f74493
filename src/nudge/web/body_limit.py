"""Refuse a request body over a bound before any of it is parsed.

Without it, the webhook route read a whole form before checking its signature: one
unsigned 100 MB post held 429 MB of the process. A ``Content-Length`` over the bound is
refused before the body is read; a chunked body is counted as it streams and cut off at
the bound. Either way the answer is 413 and nothing reaches a route.
"""

from __future__ import annotations

from typing import Final

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_LIMIT: Final = 64 * 1024
"""A Twilio webhook is a few KB (a 1,600-character body at most); the API's JSON is smaller."""


class BodyTooLarge(Exception):
    """The body passed the bound while it was being read."""


class BodyLimitMiddleware:
    """A pure ASGI middleware: 413 for a body over ``limit`` bytes."""

    def __init__(self, app: ASGIApp, *, limit: int = DEFAULT_LIMIT) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a counting ``receive``; answer 413 past the bound."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await _too_large(scope, receive, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    """The declared ``Content-Length``; a malformed one counts as too large."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() and len(text) < 19 else 1 << 62
    return None


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    """The 413 answer; the connection is closed so the rest of the body is never read."""
    response = PlainTextResponse(
        "Request body too large.", status_code=413, headers={"Connection": "close"}
    )
    await response(scope, receive, send)
