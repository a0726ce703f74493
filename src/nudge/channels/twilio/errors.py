"""Twilio REST failures turned into our three kinds: retryable, permanent, ambiguous.

Twilio's ``POST /Messages.json`` is not idempotent (error 20500 documents it), so anything
that may have reached Twilio is *ambiguous*: the caller reconciles through the status
callback before sending again. Only failures that prove nothing was accepted are retryable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

import httpx

from nudge.channels.base import (
    AmbiguousSendError,
    PermanentSendError,
    RetryableSendError,
    SendError,
)
from nudge.channels.phones import mask_phone

UNSUBSCRIBED_CODE: Final = "21610"
"""The recipient replied STOP: Twilio refuses every message until they reply START."""

THROTTLING_CODES: Final = frozenset({"20429", "21611", "63017", "63038"})
"""Too many requests, full sender queue, account rate and daily limits: try again later."""

RETRYABLE_STATUSES: Final = frozenset({429, 503})

_NOT_SENT: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.LocalProtocolError,
    httpx.UnsupportedProtocol,
)
_PHONE: Final = re.compile(r"\+\d{7,15}")


@dataclass(frozen=True, slots=True)
class TwilioErrorBody:
    """Twilio's JSON error: ``{"code": 21610, "message": …, "more_info": …, "status": 400}``."""

    code: str | None
    message: str
    more_info: str | None = None


def parse_error_body(response: httpx.Response) -> TwilioErrorBody:
    """Read Twilio's error JSON, tolerating HTML from proxies or an empty body."""
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return TwilioErrorBody(code=None, message=response.reason_phrase or "error")
    code = data.get("code")
    more_info = data.get("more_info")
    return TwilioErrorBody(
        code=str(code) if code is not None else None,
        message=_scrub(str(data.get("message") or response.reason_phrase or "error")),
        more_info=str(more_info) if more_info else None,
    )


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header; an HTTP date or garbage gives ``None``."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def error_from_response(response: httpx.Response, *, idempotent: bool = False) -> SendError:
    """Map a non-2xx Twilio response; ``idempotent`` (a GET) turns ambiguity into a retry."""
    body = parse_error_body(response)
    status = response.status_code
    reason = f"twilio {status}: {body.message}"
    if status in RETRYABLE_STATUSES or body.code in THROTTLING_CODES:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return RetryableSendError(reason, code=body.code, retry_after=retry_after)
    if status >= 500:
        if idempotent:
            return RetryableSendError(reason, code=body.code or "20500")
        return AmbiguousSendError(reason, code=body.code or "20500")
    if status in (401, 403):
        return PermanentSendError(reason, code=body.code or "20003")
    return PermanentSendError(reason, code=body.code)


def error_from_transport(exc: httpx.TransportError, *, idempotent: bool = False) -> SendError:
    """Map a connection-level failure: before the request left → retry, after → ambiguous."""
    name = type(exc).__name__
    if isinstance(exc, _NOT_SENT) or idempotent:
        return RetryableSendError(f"not sent: {name}", code=None)
    return AmbiguousSendError(f"may have been sent: {name}", code=None)


def is_unsubscribed(error: SendError) -> bool:
    """Whether Twilio refused because the recipient opted out (replied STOP)."""
    return isinstance(error, PermanentSendError) and error.code == UNSUBSCRIBED_CODE


def _scrub(text: str) -> str:
    """Mask phone numbers Twilio echoes in messages ("The 'To' number +1514… is not valid")."""
    return _PHONE.sub(lambda match: mask_phone(match.group(0)), text)
