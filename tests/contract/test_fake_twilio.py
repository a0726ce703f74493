"""FakeTwilio itself speaks Twilio's wire format: checked with raw HTTP, no sender involved."""

import httpx
import pytest

from tests.fakes.twilio_server import FakeTwilio

MESSAGE_KEYS = {
    "account_sid", "api_version", "body", "date_created", "date_sent", "date_updated",
    "direction", "error_code", "error_message", "from", "messaging_service_sid", "num_media",
    "num_segments", "price", "price_unit", "sid", "status", "subresource_uris", "to", "uri",
}  # fmt: skip
ERROR_KEYS = {"code", "message", "more_info", "status"}


def messages_url(fake: FakeTwilio) -> str:
    return f"{fake.base_url}/2010-04-01/Accounts/{fake.account_sid}/Messages.json"


async def post(fake: FakeTwilio, **kwargs: object) -> httpx.Response:
    async with httpx.AsyncClient(auth=(fake.account_sid, fake.auth_token)) as client:
        return await client.post(messages_url(fake), **kwargs)  # type: ignore[arg-type]


async def test_create_returns_201_with_twilios_message_shape(fake_twilio: FakeTwilio) -> None:
    response = await post(fake_twilio, data={"To": "+15145550101", "From": "+15145550100",
                                             "Body": "x" * 161})  # fmt: skip
    assert response.status_code == 201
    message = response.json()
    assert set(message) == MESSAGE_KEYS
    assert message["num_segments"] == "2"
    assert message["date_created"].endswith("+0000")
    assert message["uri"] == (
        f"/2010-04-01/Accounts/{fake_twilio.account_sid}/Messages/{message['sid']}.json"
    )


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"From": "+15145550100", "Body": "hi"}, 21604),
        ({"To": "+15145550101", "Body": "hi"}, 21603),
        ({"To": "+15145550101", "From": "+15145550100"}, 21602),
        ({"To": "+15145550101", "From": "+15145550100", "Body": ""}, 21602),
        ({"To": "5145550101", "From": "+15145550100", "Body": "hi"}, 21211),
    ],
)
async def test_missing_or_bad_parameters_are_400s(
    fake_twilio: FakeTwilio, form: dict[str, str], code: int
) -> None:
    response = await post(fake_twilio, data=form)
    assert response.status_code == 400
    assert set(response.json()) == ERROR_KEYS
    assert response.json()["code"] == code
    assert fake_twilio.messages == []


async def test_json_instead_of_a_form_reads_as_no_to(fake_twilio: FakeTwilio) -> None:
    response = await post(fake_twilio, json={"To": "+15145550101", "Body": "hi"})
    assert response.json()["code"] == 21604


async def test_bad_basic_auth_is_401_20003(fake_twilio: FakeTwilio) -> None:
    async with httpx.AsyncClient(auth=(fake_twilio.account_sid, "wrong")) as client:
        response = await client.post(messages_url(fake_twilio), data={"To": "+15145550101"})
    assert response.status_code == 401
    assert response.json()["code"] == 20003
    assert "Basic" in response.headers["WWW-Authenticate"]
    assert fake_twilio.requests == []


def test_base_url_is_loopback_and_stop_frees_the_port() -> None:
    fake = FakeTwilio().start()
    url = fake.base_url
    assert url.startswith("http://127.0.0.1:")
    fake.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=1)
    with pytest.raises(RuntimeError):
        _ = FakeTwilio().base_url
