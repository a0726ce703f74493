"""Phone numbers at the edge: E.164 normalisation and masking for logs."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import phonenumbers

InvalidPhoneReason = Literal["empty", "unparseable", "invalid"]

_MESSAGES: dict[InvalidPhoneReason, str] = {
    "empty": "No phone number was given.",
    "unparseable": (
        "That does not look like a phone number. "
        "Write it with its country code, for example +1 514 555 0123."
    ),
    "invalid": (
        "That phone number does not exist in its country's numbering plan. "
        "Check the digits and the country code."
    ),
}


class InvalidPhoneError(ValueError):
    """A string that is not a dialable phone number; ``reason`` picks a catalog text."""

    def __init__(self, reason: InvalidPhoneReason) -> None:
        super().__init__(_MESSAGES[reason])
        self.reason: InvalidPhoneReason = reason


@lru_cache(maxsize=8192)
def normalize_phone(raw: str, *, default_region: str = "US") -> str:
    """``"(514) 555-0123"`` → ``"+15145550123"``; numbers without ``+`` use ``default_region``.

    An extension (``ext. 12``) is dropped: SMS cannot reach it. Results are remembered
    (a pure function of its arguments; errors are not kept): parsing costs some 0.2 ms, and
    every webhook normalises its ``From`` and ``To``, mostly the same few thousand numbers.
    """
    if not raw or not raw.strip():
        raise InvalidPhoneError("empty")
    try:
        number = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneError("unparseable") from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneError("invalid")
    number.extension = None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """``+15145550101`` → ``+1514*****01``: country code, 3 first and 2 last digits kept.

    Never raises, so it is safe inside log calls; anything unparseable is mostly starred.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return "*" * max(len(e164) - 2, 0) + e164[-2:]
    national = phonenumbers.national_significant_number(number)
    return _mask_digits(f"+{number.country_code}", national)


def _mask_digits(prefix: str, digits: str) -> str:
    """Keep 3 leading and 2 trailing characters of ``digits`` when at least 2 stay hidden."""
    if len(digits) < 7:
        return prefix + "*" * max(len(digits) - 2, 0) + digits[-2:]
    return prefix + digits[:3] + "*" * (len(digits) - 5) + digits[-2:]
