"""The SMS edge: what arrives (Inbound) and what sends (the Sender protocol)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

Channel = Literal["twilio", "simulator", "cli"]


@dataclass(frozen=True, slots=True)
class Inbound:
    """One inbound SMS, already authenticated, with ``phone`` normalised to E.164."""

    phone: str
    body: str
    provider_sid: str
    channel: Channel
    num_media: int = 0

    def storable(self) -> Inbound:
        """The message without NUL characters, which PostgreSQL cannot store in text.

        A message acknowledged to the carrier must never be lost over one.
        """
        if "\x00" not in self.body:
            return self
        return replace(self, body=self.body.replace("\x00", ""))


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the provider said when it accepted a message."""

    provider_sid: str
    status: str


class SendError(Exception):
    """Base of every delivery failure, already translated from the vendor's terms."""

    def __init__(self, reason: str, *, code: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class RetryableSendError(SendError):
    """Definitely not accepted (connection refused, 429, documented 5xx): safe to retry."""

    def __init__(
        self, reason: str, *, code: str | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(reason, code=code)
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """Refused for good (unsubscribed, invalid number): do not retry."""


class AmbiguousSendError(SendError):
    """The request may have been accepted (timeout after sending): reconcile, never resend blind."""


class Sender(Protocol):
    """Hands one SMS to a carrier (Twilio, or the built-in simulator)."""

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Send ``body`` to ``to``; raise a ``SendError`` subclass on failure."""
        ...


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the provider knows of a message whose send was ambiguous."""

    found: bool
    provider_sid: str | None = None
    status: str | None = None


@runtime_checkable
class StatusLookup(Protocol):
    """Finds out whether an ambiguous send reached the provider (before any re-send)."""

    async def lookup(self, *, to: str, body: str, since: datetime, outbox_id: int) -> Lookup:
        """Whether a message with ``body`` to ``to`` was accepted after ``since``.

        Raise a ``SendError`` when the provider cannot be asked right now.
        """
        ...
