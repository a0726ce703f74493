"""Hostile input through the whole ASGI stack, on SQLite and PostgreSQL (issue 16's defects).

Each test is one defect a hostile tester found: it failed before the fix (500, a lost
message, a second effect, an open redirect) and holds now. Twilio is configured as in
production: our account, our number, signatures checked over the public URL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.store.states import OutboxStatus
from nudge.store.tables import Message, Outbox
from nudge.web.app import create_app
from nudge.web.body_limit import DEFAULT_LIMIT
from tests.conftest import make_settings
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signed_form, twilio_fixture
from tests.integration.production_web import API_TOKEN, OUR_NUMBER, PUBLIC
from tests.web_auth import bearer_for

SMS_PATH = "/webhooks/twilio/sms"
STATUS_PATH = "/webhooks/twilio/status"


def inbound(**fields: str) -> dict[str, str]:
    """A genuine inbound form from our account to our number, with ``fields`` changed."""
    form = {**twilio_fixture("inbound_sms_en"), "AccountSid": FAKE_ACCOUNT_SID, "To": OUR_NUMBER}
    form.update(fields)
    return form


async def post_signed(
    client: httpx.AsyncClient, path: str, form: dict[str, str], *, query: str = ""
) -> httpx.Response:
    """Post ``form`` signed as Twilio would sign it for our public URL."""
    url = f"{PUBLIC}{path}" + (f"?{query}" if query else "")
    target = path + (f"?{query}" if query else "")
    return await client.post(target, data=form, headers=signed_form(url, form, FAKE_AUTH_TOKEN))


async def count(services: Services, model: type) -> int:
    async with services.db.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def outbox_rows(services: Services) -> list[Outbox]:
    async with services.db.sessions() as session:
        return list((await session.execute(select(Outbox).order_by(Outbox.id))).scalars())


async def test_a_nul_in_a_signed_body_is_stored_without_it_and_answered(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    response = await post_signed(client, SMS_PATH, inbound(Body="add\x00 milk"))
    assert response.status_code == 200
    async with services.db.sessions() as session:
        assert (await session.execute(select(Message.body))).scalar_one() == "add milk"
    assert (await outbox_rows(services))[0].body.startswith("Added: milk.")


class KilobyteStream:
    """A request body streamed 1 KB at a time, counting the chunks the server pulled."""

    def __init__(self, kilobytes: int) -> None:
        self.kilobytes, self.read = kilobytes, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.kilobytes):
            self.read += 1
            yield b"Body=" + b"x" * 1019


async def test_a_declared_oversized_body_is_refused_before_it_is_read(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    body = KilobyteStream(100 * 1024)
    headers = {"Content-Length": str(100 * 1024 * 1024), "Content-Type": "text/plain"}
    response = await client.post(SMS_PATH, content=body, headers=headers)
    assert response.status_code == 413
    assert body.read <= 1  # ASGITransport may buffer one chunk; the app asked for none
    assert await count(services, Message) == 0


async def test_a_streamed_oversized_body_is_cut_off_at_the_bound(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    body = KilobyteStream(10 * 1024)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await client.post(SMS_PATH, content=body, headers=headers)
    assert response.status_code == 413
    assert body.read <= DEFAULT_LIMIT // 1024 + 2
    assert await count(services, Message) == 0


async def test_a_re_cut_signed_webhook_has_no_second_effect(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    form = inbound(Body="add dentist")
    del form["MessagingServiceSid"]  # so NumMedia sorts right after MessageSid
    url = f"{PUBLIC}{SMS_PATH}"
    headers = signed_form(url, form, FAKE_AUTH_TOKEN)
    assert (await client.post(SMS_PATH, data=form, headers=headers)).status_code == 200
    re_cut = dict(form)
    re_cut["MessageSid"] += "NumMedia" + re_cut.pop("NumMedia")
    assert signed_form(url, re_cut, FAKE_AUTH_TOKEN) == headers  # still verifies
    response = await client.post(SMS_PATH, data=re_cut, headers=headers)
    assert response.status_code == 400  # NumMedia is missing, and the id is not Twilio's
    assert await count(services, Message) == 1
    assert await count(services, Outbox) == 1


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"AccountSid": "AC" + "1" * 32}, "AccountSid"),
        ({"To": "+15145550199"}, "To"),
        ({"To": "+15145550199", "MessagingServiceSid": "MG" + "2" * 32}, "To"),
    ],
)
async def test_a_webhook_for_another_account_or_number_is_refused(
    production: tuple[Services, httpx.AsyncClient], fields: dict[str, str], named: str
) -> None:
    services, client = production
    response = await post_signed(client, SMS_PATH, inbound(**fields))
    assert response.status_code == 400
    assert named in response.text
    assert await count(services, Message) == 0


@pytest.mark.parametrize(
    "num_media", ["99999999999999999999", "2147483648", "11", "-1", "1e3", "\x00"]
)
async def test_num_media_out_of_range_is_400_not_500(
    production: tuple[Services, httpx.AsyncClient], num_media: str
) -> None:
    services, client = production
    response = await post_signed(client, SMS_PATH, inbound(NumMedia=num_media))
    assert response.status_code == 400
    assert "NumMedia" in response.text
    assert await count(services, Message) == 0


@pytest.mark.parametrize("sid", ["SM" + "a" * 63, "SM" + "a" * 10_000, "SM" + "\x00" * 32])
async def test_an_overlong_or_odd_message_sid_is_400_on_both_databases(
    production: tuple[Services, httpx.AsyncClient], sid: str
) -> None:
    services, client = production
    form = inbound(MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
    response = await post_signed(client, SMS_PATH, form)
    assert response.status_code == 400
    assert sid not in response.text
    assert await count(services, Message) == 0


async def two_sent_messages(services: Services, client: httpx.AsyncClient) -> list[Outbox]:
    """Two people's replies, each with the provider id Twilio gave it."""
    for number, sid in (("+15145550101", "a"), ("+15145550102", "b")):
        form = inbound(From=number, Body="list")
        form["MessageSid"] = form["SmsMessageSid"] = form["SmsSid"] = "SM" + sid * 32
        assert (await post_signed(client, SMS_PATH, form)).status_code == 200
    async with services.db.transaction() as session:
        rows = list((await session.execute(select(Outbox).order_by(Outbox.id))).scalars())
        for row, sid in zip(rows, "cd", strict=True):
            row.status, row.provider_sid = OutboxStatus.SENT, "SM" + sid * 32
    return rows


def callback(message_sid: str, status: str, **extra: str) -> dict[str, str]:
    form = {
        "AccountSid": FAKE_ACCOUNT_SID,
        "ApiVersion": "2010-04-01",
        "From": OUR_NUMBER,
        "MessageSid": message_sid,
        "MessageStatus": status,
        "To": "+15145550101",
    }
    return {**form, **extra}


async def test_a_status_callback_cannot_reach_another_row_by_outbox_id(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    first, second = await two_sent_messages(services, client)
    form = callback(str(first.provider_sid), "failed", ErrorCode="30003")
    response = await post_signed(client, STATUS_PATH, form, query=f"outbox_id={second.id}")
    assert response.status_code == 204
    statuses = {row.id: row.status for row in await outbox_rows(services)}
    assert statuses == {first.id: "sent", second.id: "sent"}
    unknown = callback("SM" + "e" * 32, "failed")
    await post_signed(client, STATUS_PATH, unknown, query=f"outbox_id={second.id}")
    rows = await outbox_rows(services)
    assert [row.status for row in rows] == ["sent", "sent"]
    assert [row.provider_sid for row in rows] == [first.provider_sid, second.provider_sid]
    agreeing = callback(str(second.provider_sid), "delivered")
    await post_signed(client, STATUS_PATH, agreeing, query=f"outbox_id={second.id}")
    assert [row.status for row in await outbox_rows(services)] == ["sent", "delivered"]


async def test_a_status_callback_may_claim_a_row_whose_send_timed_out(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    first, _second = await two_sent_messages(services, client)
    async with services.db.transaction() as session:
        row = await session.get(Outbox, first.id)
        assert row is not None
        row.provider_sid = None
    form = callback("SM" + "f" * 32, "delivered")
    await post_signed(client, STATUS_PATH, form, query=f"outbox_id={first.id}")
    claimed = (await outbox_rows(services))[0]
    assert (claimed.provider_sid, claimed.status) == ("SM" + "f" * 32, "delivered")


@pytest.mark.parametrize(
    "outbox_id",
    ["99999999999999999999999", "9223372036854775808", "2147483648", "-1", "1e9", "%D9%A3"],
)
async def test_a_huge_or_odd_outbox_id_is_400_not_500(
    production: tuple[Services, httpx.AsyncClient], outbox_id: str
) -> None:
    services, client = production
    first, _second = await two_sent_messages(services, client)
    form = callback(str(first.provider_sid), "delivered")
    response = await post_signed(client, STATUS_PATH, form, query=f"outbox_id={outbox_id}")
    assert response.status_code == 400
    assert (await outbox_rows(services))[0].status == "sent"


AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/api/v1/memories/99999999999999999999999"),
        ("DELETE", "/api/v1/memories/2147483648"),
        ("DELETE", "/api/v1/memories/0"),
        ("GET", "/api/v1/reminders/%00"),
        ("GET", "/api/v1/reminders/1/occurrences?before=9223372036854775808"),
        ("GET", "/api/v1/memories/search?q=a%00b"),
        ("GET", "/api/v1/messages?before=in:99999999999"),
        ("GET", "/api/v1/admin/people/2147483648"),
        ("GET", "/api/v1/admin/people?phone=%2B1514555%000101"),
    ],
)
async def test_an_unbounded_id_or_odd_text_in_the_api_is_422_not_500(
    production: tuple[Services, httpx.AsyncClient], method: str, path: str
) -> None:
    services, client = production
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone="+15145550101", now=services.clock.now(), timezone="UTC", locale="en"
        )
    headers = AUTH if "/admin/" in path else await bearer_for(services, user.id)
    response = await client.request(method, path, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/webhooks/twilio/sms/"),
        ("POST", "/webhooks/twilio/status/"),
        ("GET", "/api/v1/memories/"),
        ("GET", "/healthz/"),
    ],
)
async def test_a_trailing_slash_is_404_never_a_redirect_to_the_host_header(
    production: tuple[Services, httpx.AsyncClient], method: str, path: str
) -> None:
    _services, client = production
    response = await client.request(method, path, headers={"Host": "evil.example"})
    assert response.status_code == 404
    assert "location" not in response.headers


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/openapi.json"])
async def test_api_docs_are_off_by_default(
    production: tuple[Services, httpx.AsyncClient], path: str
) -> None:
    _services, client = production
    assert (await client.get(path)).status_code == 404


async def test_the_schema_documents_every_answer_the_api_gives(
    database_url: str, clock: FakeClock
) -> None:
    services = build(make_settings(database_url, api_docs=True), clock=clock)
    app = create_app(services, run_workers=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        schema: dict[str, Any] = (await client.get("/openapi.json")).json()
    await services.close()
    api = {  # the REST API and a person's own pages; sign-in answers differ, and
        # schemathesis checks every route against what it documents (test_openapi_contract)
        path: ops
        for path, ops in schema["paths"].items()
        if path.startswith("/api/v1/") and not path.startswith("/api/v1/auth/")
    }
    assert api
    for path, operations in api.items():
        for method, operation in operations.items():
            answers = set(operation["responses"])
            takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
            assert ("422" in answers) == takes_input, (method, path, answers)
            if path.startswith("/api/v1/admin/"):  # the admin's: people, traffic, cost
                assert {"401", "403"} <= answers, (method, path, answers)
            if "{" in path:  # names a thing by id: not theirs is 404
                assert "404" in answers, (method, path, answers)
            if path.startswith("/api/v1/me/"):  # a person's own pages
                assert {"401", "403"} <= answers, (method, path, answers)


async def test_a_webhook_that_is_not_a_form_is_415(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    response = await client.post(SMS_PATH, json=inbound())
    assert response.status_code == 415
    files = {"Body": ("a.txt", b"x" * 100)}
    assert (await client.post(SMS_PATH, files=files)).status_code == 415
    assert await count(services, Message) == 0


async def test_a_nul_typed_into_the_simulator_is_stored_without_it(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    sent = await client.post(
        "/simulator/api/messages", json={"phone": "+15145550101", "body": "add\u0000 bread"}
    )
    assert sent.status_code == 200
    async with services.db.sessions() as session:
        assert (await session.execute(select(Message.body))).scalar_one() == "add bread"
