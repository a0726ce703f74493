import httpx
import pytest

from nudge.channels.base import AmbiguousSendError, PermanentSendError, RetryableSendError
from nudge.channels.twilio.errors import (
    error_from_response,
    error_from_transport,
    is_unsubscribed,
    parse_retry_after,
)

REQUEST = httpx.Request("POST", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json")


def twilio_response(
    status: int, code: int | None = None, message: str = "nope", **headers: str
) -> httpx.Response:
    body = {"code": code, "message": message, "more_info": "https://x", "status": status}
    return httpx.Response(status, json=body, headers=headers, request=REQUEST)


def test_429_is_retryable_with_retry_after() -> None:
    error = error_from_response(twilio_response(429, 20429, **{"Retry-After": "7"}))
    assert isinstance(error, RetryableSendError)
    assert error.retry_after == 7.0
    assert error.code == "20429"


def test_503_is_retryable() -> None:
    error = error_from_response(twilio_response(503, 20503))
    assert isinstance(error, RetryableSendError)
    assert error.retry_after is None


@pytest.mark.parametrize("status", [500, 502, 504])
def test_other_5xx_is_ambiguous_because_create_is_not_idempotent(status: int) -> None:
    error = error_from_response(twilio_response(status, 20500))
    assert isinstance(error, AmbiguousSendError)
    assert error.code == "20500"


def test_5xx_without_body_defaults_to_20500() -> None:
    response = httpx.Response(502, text="<html>Bad Gateway</html>", request=REQUEST)
    error = error_from_response(response)
    assert isinstance(error, AmbiguousSendError)
    assert error.code == "20500"
    assert "Bad Gateway" in error.reason


def test_5xx_on_an_idempotent_read_is_retryable() -> None:
    assert isinstance(
        error_from_response(twilio_response(500, 20500), idempotent=True), RetryableSendError
    )


def test_unsubscribed_recipient_is_permanent() -> None:
    error = error_from_response(twilio_response(400, 21610, "Attempt to send to unsubscribed"))
    assert isinstance(error, PermanentSendError)
    assert error.code == "21610"
    assert is_unsubscribed(error)


@pytest.mark.parametrize("code", [21611, 20429, 63017])
def test_throttling_codes_are_retryable_even_on_400(code: int) -> None:
    assert isinstance(error_from_response(twilio_response(400, code)), RetryableSendError)


@pytest.mark.parametrize("status", [401, 403])
def test_auth_failures_are_permanent(status: int) -> None:
    error = error_from_response(twilio_response(status, 20003, "Authenticate"))
    assert isinstance(error, PermanentSendError)
    assert error.code == "20003"
    assert not is_unsubscribed(error)


def test_401_without_body_still_says_20003() -> None:
    error = error_from_response(httpx.Response(401, request=REQUEST))
    assert isinstance(error, PermanentSendError)
    assert error.code == "20003"


def test_phone_numbers_in_twilio_messages_are_masked() -> None:
    message = "The 'To' number +15145550101 is not a valid phone number."
    error = error_from_response(twilio_response(400, 21211, message))
    assert "+15145550101" not in error.reason
    assert "+1514*****01" in error.reason


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("7", 7.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        (None, None),
        ("", None),
        ("-3", None),
        ("Wed, 21 Oct 2026 07:28:00 GMT", None),
        ("nan", None),
        ("inf", None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused", request=REQUEST),
        httpx.ConnectTimeout("slow connect", request=REQUEST),
        httpx.PoolTimeout("pool", request=REQUEST),
    ],
)
def test_failures_before_sending_are_retryable(exc: httpx.TransportError) -> None:
    error = error_from_transport(exc)
    assert isinstance(error, RetryableSendError)
    assert error.reason.startswith("not sent")


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("slow reply", request=REQUEST),
        httpx.WriteTimeout("slow write", request=REQUEST),
        httpx.RemoteProtocolError("server disconnected", request=REQUEST),
        httpx.ReadError("reset", request=REQUEST),
    ],
)
def test_failures_after_sending_are_ambiguous(exc: httpx.TransportError) -> None:
    error = error_from_transport(exc)
    assert isinstance(error, AmbiguousSendError)
    assert error.reason.startswith("may have been sent")


def test_read_timeout_on_an_idempotent_read_is_retryable() -> None:
    exc = httpx.ReadTimeout("slow reply", request=REQUEST)
    assert isinstance(error_from_transport(exc, idempotent=True), RetryableSendError)
