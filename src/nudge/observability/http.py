"""HTTP RED metrics: rate, errors and duration by route template (never by raw path).

A pure ASGI middleware, so streaming responses and exceptions are both counted. The route
label is the template FastAPI matched (``/webhooks/twilio/sms``), ``<unmatched>`` for a 404 on
no route: scanners cannot blow up the label set.
"""

from __future__ import annotations

import time

from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nudge.observability.metrics import HTTP_LATENCY, HTTP_REQUESTS

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "<unmatched>"


def route_template(scope: Scope) -> str:
    """The template of the route that served ``scope``, or ``<unmatched>``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    app = scope.get("app")
    router = getattr(app, "router", None)
    for candidate in getattr(router, "routes", ()):
        match, _child = candidate.matches(scope)
        if match is Match.FULL:
            template = str(getattr(candidate, "path", UNMATCHED))
            return template + "/{path}" if type(candidate).__name__ == "Mount" else template
    return UNMATCHED


def status_class(status: int) -> str:
    """The status class label: ``2xx``, ``4xx``, ``5xx``."""
    return f"{status // 100}xx"


class MetricsMiddleware:
    """Count every HTTP request and time it, labelled by route template, method and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request, then record it (also when the app raised)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            route = route_template(scope)
            HTTP_REQUESTS.labels(route=route, method=method, status=status_class(status)).inc()
            elapsed = time.perf_counter() - started
            HTTP_LATENCY.labels(route=route, method=method).observe(elapsed)
