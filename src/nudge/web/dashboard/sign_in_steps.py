"""What the sign-in pages carry between steps, and how a refusal is told.

The phone typed at step 1 and a second-factor ticket are kept in HttpOnly cookies scoped to
``/app/sign-in`` and as short-lived as what they stand for (the code's 10 minutes, the
ticket's 5), so they are never in a URL and never sent anywhere else.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Final

from fastapi import Response

from nudge.accounts.codes import CODE_TTL
from nudge.accounts.sign_in import Refused
from nudge.web.auth.client import web_text

PATH: Final = "/app/sign-in"
PHONE: Final = "nudge_sign_in_phone"
TICKET: Final = "nudge_sign_in_ticket"
CODE_SECONDS: Final = int(CODE_TTL.total_seconds())
STATUS: Final = {"invalid": 401, "paused": 429, "limited": 429}


def keep(response: Response, name: str, value: str, *, secure: bool, seconds: int) -> None:
    """Carry ``value`` to the next step."""
    response.set_cookie(
        name, value, max_age=seconds, path=PATH, secure=secure, httponly=True, samesite="lax"
    )


def forget(response: Response, name: str) -> None:
    """The step is over."""
    response.delete_cookie(name, path=PATH, httponly=True, samesite="lax")


def seconds_until(until: datetime, now: datetime) -> int:
    """Whole seconds left, at least one."""
    return max(int((until - now).total_seconds()), 1)


def minutes(wait: timedelta | None) -> int:
    """A wait in whole minutes, rounded up, at least one."""
    return max(math.ceil(wait.total_seconds() / 60), 1) if wait is not None else 1


def refusal_text(refused: Refused, locale: str, *, invalid: str) -> str:
    """The sign-in's own kind sentence for a refusal (``invalid``: the key for a wrong code)."""
    if refused.reason == "invalid" or refused.retry_after is None:
        return web_text(locale, invalid)
    return web_text(locale, refused.reason, minutes=minutes(refused.retry_after))


def status_of(refused: Refused) -> int:
    """401 for a wrong or spent code, 429 while paused or rate-limited."""
    return STATUS[refused.reason]
