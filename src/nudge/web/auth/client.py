"""Who is at the other end of a request: the client's address and browser, and language.

The address is the ASGI scope's client: ``nudge serve`` runs uvicorn with
``--proxy-headers``, so behind Nginx it is the ``X-Forwarded-For`` address Nginx set, when
uvicorn trusts the proxy (``FORWARDED_ALLOW_IPS``; see docs/accounts.md).
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import Request

from nudge.accounts.sessions import Client
from nudge.texts.catalog import LOCALES, catalog

_DEFAULT_LOCALE: Final = "en"


def client_of(request: Request) -> Client:
    """The client's address and user agent, as the sessions list shows them."""
    host = request.client.host if request.client is not None else None
    return Client(ip=host, user_agent=request.headers.get("user-agent"))


def locale_of(request: Request, *, default: str = _DEFAULT_LOCALE) -> str:
    """The first of our languages the browser asks for (``Accept-Language``), else ``default``.

    The answer never depends on whose number was typed, so it cannot tell who uses Nudge.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = _weight(params)
        language = tag.strip().lower()[:2]
        if language in LOCALES and weight > 0:
            ranked.append((-weight, position, language))
    return min(ranked)[2] if ranked else default


def _weight(params: str) -> float:
    name, _, value = params.strip().partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        weight = float(value)
    except ValueError:
        return 0.0
    return weight if 0.0 <= weight <= 1.0 else 0.0  # NaN too


def web_text(locale: str, key: str, **values: Any) -> str:
    """A text of the catalogs' ``[web]`` section, filled."""
    template: str = catalog(locale)["web"][key]
    return template.format(**values)
