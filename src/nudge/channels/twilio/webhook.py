"""Pure functions behind the Twilio webhook routes: signature, inbound SMS, status callback.

A valid signature is not enough. Twilio signs the sorted names and values joined with no
separator, so a captured request can be re-cut (``MessageSid=SM…NumMedia0`` with
``NumMedia`` dropped) and still verify. Every field Twilio always sends is therefore
required and checked for shape (``MessageSid`` is ``SM``/``MM`` + 32 hex digits, numbers
are bounded), and ``AccountSid`` and ``To`` must be ours when we know them.
"""

from __future__ import annotations

import re
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

MESSAGE_SID: Final = re.compile(r"(SM|MM)[0-9a-f]{32}")
ACCOUNT_SID: Final = re.compile(r"AC[0-9a-f]{32}")
STATUS: Final = re.compile(r"[a-z_]{1,32}")
ERROR_CODE: Final = re.compile(r"[0-9]{1,8}")
MAX_MEDIA: Final = 10
"""Twilio delivers at most 10 media items per MMS."""

INBOUND_FIELDS: Final = ("MessageSid", "AccountSid", "From", "To", "Body", "NumMedia")
"""Sent by Twilio with every inbound message (``Body`` empty for a picture alone)."""


@dataclass(frozen=True, slots=True)
class Ours:
    """What a genuine webhook must name: our account and one of our numbers.

    An empty field is not checked (tests and a first setup may not know it yet).
    """

    account_sid: str = ""
    numbers: frozenset[str] = frozenset()
    messaging_service_sid: str = ""


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


def parse_inbound(form: Mapping[str, str], ours: Ours = Ours()) -> Inbound:
    """An ``Inbound`` from Twilio's form, every field checked (see the module docstring).

    Raises ``InvalidPhoneError`` for a bad ``From`` and ``ValueError`` for anything else
    Twilio would never send. The body is kept as sent (``Inbound.storable`` drops NULs).
    """
    missing = [name for name in INBOUND_FIELDS if name not in form]
    if missing:
        raise ValueError(f"Twilio form lacks {', '.join(missing)}")
    message_sid = _message_sid(form)
    _check_account(form, ours)
    _check_recipient(form, ours)
    return Inbound(
        phone=normalize_phone(form["From"]),
        body=form["Body"],
        provider_sid=message_sid,
        channel="twilio",
        num_media=_count(form["NumMedia"]),
    )


def parse_status(form: Mapping[str, str], ours: Ours = Ours()) -> StatusUpdate:
    """A ``StatusUpdate`` from a status callback form (``MessageSid``, ``MessageStatus``)."""
    message_sid = form.get("MessageSid") or form.get("SmsSid") or ""
    status = form.get("MessageStatus") or form.get("SmsStatus") or ""
    if not message_sid or not status:
        raise ValueError("Twilio status callback needs MessageSid and MessageStatus")
    if not MESSAGE_SID.fullmatch(message_sid):
        raise ValueError("MessageSid is not a Twilio message id")
    if not STATUS.fullmatch(status):
        raise ValueError("MessageStatus is not a Twilio status")
    error_code = form.get("ErrorCode") or None
    if error_code is not None and not ERROR_CODE.fullmatch(error_code):
        raise ValueError("ErrorCode must be a number")
    _check_account(form, ours)
    return StatusUpdate(message_sid=message_sid, status=status, error_code=error_code)


def _message_sid(form: Mapping[str, str]) -> str:
    """``MessageSid``, which must be well formed and agree with ``SmsMessageSid``/``SmsSid``."""
    message_sid = form["MessageSid"]
    if not MESSAGE_SID.fullmatch(message_sid):
        raise ValueError("MessageSid is not a Twilio message id")
    for alias in ("SmsMessageSid", "SmsSid"):
        if alias in form and form[alias] != message_sid:
            raise ValueError(f"{alias} disagrees with MessageSid")
    return message_sid


def _check_account(form: Mapping[str, str], ours: Ours) -> None:
    """``AccountSid`` is well formed, and ours when we know ours."""
    account = form.get("AccountSid", "")
    if not ACCOUNT_SID.fullmatch(account):
        raise ValueError("AccountSid is not a Twilio account id")
    if ours.account_sid and account != ours.account_sid:
        raise ValueError("AccountSid is not this server's account")


def _check_recipient(form: Mapping[str, str], ours: Ours) -> None:
    """``To`` is one of our numbers, or the message came through our Messaging Service."""
    if not ours.numbers and not ours.messaging_service_sid:
        return
    if ours.messaging_service_sid and form.get("MessagingServiceSid") == ours.messaging_service_sid:
        return
    try:
        recipient = normalize_phone(form["To"])
    except InvalidPhoneError as exc:
        raise ValueError("To is not a phone number") from exc
    if recipient not in ours.numbers:
        raise ValueError("To is not one of this server's numbers")


def _count(value: str) -> int:
    """``NumMedia`` as an int in 0…10; empty means 0."""
    if not value:
        return 0
    if not value.isascii() or not value.isdigit() or len(value) > 2:
        raise ValueError(f"NumMedia must be a whole number from 0 to {MAX_MEDIA}")
    count = int(value)
    if count > MAX_MEDIA:
        raise ValueError(f"NumMedia must be a whole number from 0 to {MAX_MEDIA}")
    return count
