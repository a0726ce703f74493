"""Security headers on every dashboard response: a strict CSP, no framing, no caching.

The dashboard's pages hold a person's reminders, memories and messages, so: scripts only
from Nudge itself (``script-src 'self'``: the vendored htmx, nothing inline), no framing
(clickjacking), no referrer leaving the site, and ``no-store`` on pages so a shared
computer's back button or cache never shows them to the next person. HSTS is Nginx's
(``deploy/nginx``), where TLS ends.
"""

from __future__ import annotations

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFIX: Final = "/app"
STATIC: Final = f"{PREFIX}/static/"
POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
HEADERS: Final = (
    ("Content-Security-Policy", POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)


def is_dashboard(path: str) -> bool:
    """Whether ``path`` is the dashboard's (``/app`` and below)."""
    return path == PREFIX or path.startswith(f"{PREFIX}/")


class SecurityHeadersMiddleware:
    """Adds ``HEADERS`` (and ``no-store`` on pages) to every response under ``/app``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; decorate the response start of dashboard paths."""
        if scope["type"] != "http" or not is_dashboard(scope["path"]):
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(STATIC)

        async def decorated(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    headers[name] = value
                if not static:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, decorated)
