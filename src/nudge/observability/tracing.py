"""Trace ids in every log line of a request, so Loki can show one request end to end.

The id comes from a W3C ``traceparent`` header (what an OpenTelemetry-instrumented proxy sends),
else from ``X-Request-ID`` (Nginx's ``$request_id``), else it is made here. It is bound to the
structlog context for the request and echoed in the ``X-Trace-Id`` response header.
OpenTelemetry export is not built in; the ids are compatible with it.
"""

from __future__ import annotations

import re
import secrets

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
REQUEST_ID = re.compile(r"^[0-9a-fA-F]{32}$")
ZERO_TRACE = "0" * 32


def trace_id_from(headers: dict[str, str]) -> str:
    """The caller's trace id if it sent a valid one, else a new random one (32 hex digits)."""
    match = TRACEPARENT.match(headers.get("traceparent", "").strip().lower())
    if match and match.group(1) != ZERO_TRACE:
        return match.group(1)
    request_id = headers.get("x-request-id", "").strip()
    if REQUEST_ID.match(request_id) and request_id != ZERO_TRACE:
        return request_id.lower()
    return secrets.token_hex(16)


class TraceMiddleware:
    """Bind ``trace_id`` to the logs of each HTTP request and return it as ``X-Trace-Id``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request inside a log context carrying its trace id."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): val.decode("latin-1") for key, val in scope["headers"]}
        trace_id = trace_id_from(headers)

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-trace-id", trace_id.encode())]
            await send(message)

        with structlog.contextvars.bound_contextvars(trace_id=trace_id):
            await self.app(scope, receive, send_wrapper)
