"""CSRF protection for cookie-signed requests: the double-submit token.

A browser sends the cookies of a site with any request to it, even one another site's
page makes; what that page cannot do is read our cookies. So an unsafe request (not GET,
HEAD or OPTIONS) signed by cookie must also carry the ``nudge_csrf`` cookie's value in the
``X-CSRF-Token`` header or a ``csrf_token`` form field, compared in constant time. A bearer
request needs none: no browser adds an ``Authorization`` header on its own.
"""

from __future__ import annotations

import hmac
from typing import Final

from fastapi import Request

from nudge.web.auth.cookies import CSRF_COOKIE

CSRF_HEADER: Final = "X-CSRF-Token"
CSRF_FIELD: Final = "csrf_token"
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
_FORMS: Final = ("application/x-www-form-urlencoded", "multipart/form-data")


async def _presented(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header is not None:
        return header
    if not request.headers.get("content-type", "").startswith(_FORMS):
        return None
    field = (await request.form()).get(CSRF_FIELD)  # Starlette keeps the parsed form
    return field if isinstance(field, str) else None


async def csrf_passes(request: Request) -> bool:
    """Whether the request may go ahead: safe, or carrying the CSRF cookie's value."""
    if request.method in SAFE_METHODS:
        return True
    expected = request.cookies.get(CSRF_COOKIE)
    given = await _presented(request)
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
