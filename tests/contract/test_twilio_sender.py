"""The real TwilioSender, over real HTTP, against FakeTwilio on loopback."""

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from structlog.testing import capture_logs

from nudge.channels.base import (
    AmbiguousSendError,
    PermanentSendError,
    RetryableSendError,
    Sender,
)
from nudge.channels.segments import count_segments
from nudge.channels.twilio.errors import is_unsubscribed
from nudge.channels.twilio.sender import TwilioSender
from nudge.channels.twilio.webhook import parse_status, verify_signature
from tests.fakes.twilio_server import FakeTwilio, signed_status_callback, unused_local_url

FROM = "+15145550100"
TO = "+15145550101"
CALLBACK = "https://nudge.example.org/webhooks/twilio/status"


def make_sender(client: httpx.AsyncClient, fake: FakeTwilio, **overrides: str) -> TwilioSender:
    options = {
        "api_base": fake.base_url,
        "account_sid": fake.account_sid,
        "auth_token": fake.auth_token,
        "from_number": FROM,
        "status_callback_url": CALLBACK,
        **overrides,
    }
    return TwilioSender(client, **options)


@pytest.fixture
def sender(http: httpx.AsyncClient, fake_twilio: FakeTwilio) -> TwilioSender:
    return make_sender(http, fake_twilio)


def test_twilio_sender_is_a_sender(sender: TwilioSender) -> None:
    typed: Sender = sender
    assert typed is sender


async def test_send_success(sender: TwilioSender, fake_twilio: FakeTwilio) -> None:
    result = await sender.send(to=TO, body="Take your meds 💊", outbox_id=7)

    assert result.status == "queued"
    assert result.provider_sid.startswith("SM")
    assert len(result.provider_sid) == 34
    [request] = fake_twilio.requests
    assert set(request) == {"To", "Body", "From", "StatusCallback"}
    [message] = fake_twilio.messages
    assert message["sid"] == result.provider_sid
    assert (message["to"], message["from"], message["body"]) == (TO, FROM, "Take your meds 💊")
    assert message["num_segments"] == str(count_segments("Take your meds 💊"))
    callback = urlsplit(message["status_callback"])
    assert callback._replace(query="").geturl() == CALLBACK
    assert parse_qs(callback.query) == {"outbox_id": ["7"]}


async def test_send_through_a_messaging_service(
    http: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    service = make_sender(http, fake_twilio, from_number="", messaging_service_sid="MG" + "0" * 32)
    result = await service.send(to=TO, body="hi", outbox_id=1)

    assert result.status == "accepted"
    [request] = fake_twilio.requests
    assert "From" not in request
    assert request["MessagingServiceSid"] == "MG" + "0" * 32


async def test_status_callback_keeps_an_existing_query(
    http: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    sender = make_sender(http, fake_twilio, status_callback_url=CALLBACK + "?tenant=a")
    await sender.send(to=TO, body="hi", outbox_id=3)

    query = parse_qs(urlsplit(fake_twilio.messages[0]["status_callback"]).query)
    assert query == {"tenant": ["a"], "outbox_id": ["3"]}


async def test_wrong_credentials_are_permanent(
    http: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    sender = make_sender(http, fake_twilio, auth_token="not-the-token")
    with pytest.raises(PermanentSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)

    assert caught.value.code == "20003"
    assert fake_twilio.messages == []


async def test_unsubscribed_recipient_is_permanent(
    sender: TwilioSender, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.refuse(TO, code=21610)
    with pytest.raises(PermanentSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)

    assert caught.value.code == "21610"
    assert is_unsubscribed(caught.value)
    assert fake_twilio.messages == []


async def test_body_over_1600_characters_is_permanent(sender: TwilioSender) -> None:
    with pytest.raises(PermanentSendError) as caught:
        await sender.send(to=TO, body="a" * 1601, outbox_id=1)
    assert caught.value.code == "21617"


async def test_429_is_retryable_with_retry_after(
    sender: TwilioSender, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.fail_next(1, status=429, retry_after=3)
    with pytest.raises(RetryableSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)

    assert caught.value.code == "20429"
    assert caught.value.retry_after == 3.0
    assert fake_twilio.messages == []
    await sender.send(to=TO, body="hi", outbox_id=1)  # the retry goes through
    assert len(fake_twilio.messages) == 1


async def test_503_is_retryable(sender: TwilioSender, fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(1, status=503)
    with pytest.raises(RetryableSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)
    assert caught.value.code == "20503"


async def test_500_is_ambiguous(sender: TwilioSender, fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(1, status=500)
    with pytest.raises(AmbiguousSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)
    assert caught.value.code == "20500"


async def test_timeout_after_sending_is_ambiguous_and_reconciles_by_callback(
    sender: TwilioSender, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.delay_next(1, seconds=5)  # the client gives up after 1 s
    with pytest.raises(AmbiguousSendError):
        await sender.send(to=TO, body="hi", outbox_id=9)

    # Twilio did accept it: this is why an ambiguous send must never be resent blind.
    [message] = fake_twilio.messages
    callback = signed_status_callback(message, auth_token=fake_twilio.auth_token)
    assert parse_qs(urlsplit(callback.url).query) == {"outbox_id": ["9"]}
    assert verify_signature(
        auth_token=fake_twilio.auth_token,
        url=callback.url,
        params=callback.form,
        signature=callback.headers["X-Twilio-Signature"],
    )
    assert parse_status(callback.form).message_sid == message["sid"]


async def test_connection_refused_is_retryable(http: httpx.AsyncClient) -> None:
    sender = TwilioSender(
        http,
        api_base=unused_local_url(),
        account_sid="AC" + "0" * 32,
        auth_token="token",
        from_number=FROM,
    )
    with pytest.raises(RetryableSendError) as caught:
        await sender.send(to=TO, body="hi", outbox_id=1)
    assert caught.value.reason.startswith("not sent")


async def test_fetch_status_follows_the_message(
    sender: TwilioSender, fake_twilio: FakeTwilio
) -> None:
    result = await sender.send(to=TO, body="hi", outbox_id=1)
    assert await sender.fetch_status(result.provider_sid) == "queued"

    fake_twilio.set_status(result.provider_sid, "delivered")
    assert await sender.fetch_status(result.provider_sid) == "delivered"


async def test_fetch_status_of_an_unknown_message_is_permanent(sender: TwilioSender) -> None:
    with pytest.raises(PermanentSendError) as caught:
        await sender.fetch_status("SM" + "f" * 32)
    assert caught.value.code == "20404"


async def test_fetch_status_server_error_is_retryable_not_ambiguous(
    http: httpx.AsyncClient,
) -> None:
    sender = TwilioSender(
        http, api_base=unused_local_url(), account_sid="AC1", auth_token="t", from_number=FROM
    )
    with pytest.raises(RetryableSendError):
        await sender.fetch_status("SM" + "f" * 32)


async def test_logs_never_hold_the_body_or_the_full_number(
    sender: TwilioSender, fake_twilio: FakeTwilio
) -> None:
    body = "secret dentist appointment"
    with capture_logs() as logs:
        await sender.send(to=TO, body=body, outbox_id=1)
        fake_twilio.refuse(TO)
        with pytest.raises(PermanentSendError):
            await sender.send(to=TO, body=body, outbox_id=2)

    assert [entry["event"] for entry in logs] == ["twilio.accepted", "twilio.send_failed"]
    flat = repr(logs)
    assert body not in flat
    assert TO not in flat
    assert "+1514*****01" in flat


async def test_sender_needs_a_from_number_or_a_service(http: httpx.AsyncClient) -> None:
    with pytest.raises(ValueError, match="from_number"):
        TwilioSender(http, api_base="http://x", account_sid="AC1", auth_token="t")
