"""Twilio adapter: webhook parsing and signatures, the REST sender, and error mapping."""

from nudge.channels.twilio.errors import (
    THROTTLING_CODES,
    UNSUBSCRIBED_CODE,
    error_from_response,
    error_from_transport,
    is_unsubscribed,
)
from nudge.channels.twilio.sender import TwilioSender
from nudge.channels.twilio.webhook import (
    EMPTY_TWIML,
    SIGNATURE_HEADER,
    TERMINAL_STATUSES,
    StatusUpdate,
    parse_inbound,
    parse_status,
    verify_signature,
    webhook_url,
)

__all__ = [
    "EMPTY_TWIML",
    "SIGNATURE_HEADER",
    "TERMINAL_STATUSES",
    "THROTTLING_CODES",
    "UNSUBSCRIBED_CODE",
    "StatusUpdate",
    "TwilioSender",
    "error_from_response",
    "error_from_transport",
    "is_unsubscribed",
    "parse_inbound",
    "parse_status",
    "verify_signature",
    "webhook_url",
]
