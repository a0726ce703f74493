"""Pure functions behind the Twilio webhook routes: signature, inbound SMS, status callback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from twilio.request_validator import RequestValidator

from nudge.channels.base import Inbound
from nudge.channels.phones import InvalidPhoneError, normalize_phone

SIGNATURE_HEADER: Final = "X-Twilio-Signature"
EMPTY_TWIML: Final = '<?xml version="1.0" encoding="UTF-8"?><Response />'
"""What ``str(MessagingResponse())`` renders: reply nothing now (replies go via the outbox)."""

TERMINAL_STATUSES: Final = frozenset({"delivered", "undelivered", "failed", "canceled", "read"})
"""Statuses after which Twilio sends no further callback for a message."""


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """One status callback: Twilio's news about a message we sent."""

    message_sid: str
    status: str
    error_code: str | None = None

    @property
    def is_terminal(self) -> bool:
        """Whether this is the message's last status."""
        return self.status in TERMINAL_STATUSES


def webhook_url(*, public_url: str, path: str, query: str = "") -> str:
    """The URL Twilio signed: configured public base + request path + raw query string.

    Never use ``request.url``: behind a proxy its scheme or host differ (http vs https
    alone breaks the signature).
    """
    url = public_url.rstrip("/") + "/" + path.lstrip("/")
    return f"{url}?{query}" if query else url


def verify_signature(
    *, auth_token: str, url: str, params: Mapping[str, str], signature: str | None
) -> bool:
    """Whether ``X-Twilio-Signature`` matches ``url`` + ``params`` under ``auth_token``."""
    if not signature or not auth_token:
        return False
    validator = RequestValidator(auth_token)
    return bool(validator.validate(url, dict(params), signature))


def parse_inbound(form: Mapping[str, str]) -> Inbound:
    """An ``Inbound`` from Twilio's form; ``From`` must be a valid number, ``Body`` may be empty.

    Raises ``InvalidPhoneError`` for a bad ``From`` and ``ValueError`` for a missing
    ``MessageSid`` or a non-numeric ``NumMedia``.
    """
    message_sid = form.get("MessageSid", "").strip()
    if not message_sid:
        raise ValueError("Twilio form has no MessageSid")
    sender = form.get("From", "")
    if not sender:
        raise InvalidPhoneError("empty")
    return Inbound(
        phone=normalize_phone(sender),
        body=form.get("Body", ""),
        provider_sid=message_sid,
        channel="twilio",
        num_media=_count(form.get("NumMedia")),
    )


def parse_status(form: Mapping[str, str]) -> StatusUpdate:
    """A ``StatusUpdate`` from a status callback form (``MessageSid``, ``MessageStatus``)."""
    message_sid = form.get("MessageSid") or form.get("SmsSid") or ""
    status = form.get("MessageStatus") or form.get("SmsStatus") or ""
    if not message_sid or not status:
        raise ValueError("Twilio status callback needs MessageSid and MessageStatus")
    return StatusUpdate(
        message_sid=message_sid, status=status, error_code=form.get("ErrorCode") or None
    )


def _count(value: str | None) -> int:
    """``NumMedia`` as an int; missing or empty means 0."""
    if not value:
        return 0
    try:
        count = int(value)
    except ValueError as exc:
        raise ValueError("NumMedia must be an integer") from exc
    if count < 0:
        raise ValueError("NumMedia must not be negative")
    return count
