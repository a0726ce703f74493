"""The HTTP surface through the full ASGI stack: Twilio webhooks, probes, simulator API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.store.states import OutboxStatus
from nudge.store.tables import Message, Outbox
from nudge.web.app import create_app
from tests.conftest import make_settings
from tests.fakes.twilio_server import (
    FAKE_ACCOUNT_SID,
    FAKE_AUTH_TOKEN,
    signed_form,
    twilio_fixture,
)
from tests.integration.production_web import PUBLIC, signed_web

SMS_URL = f"{PUBLIC}/webhooks/twilio/sms"


@pytest.fixture
async def web(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    async with signed_web(database_url, clock, simulator_enabled=True) as served:
        yield served


async def _count(services: Services, model: type) -> int:
    async with services.db.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_signed_webhook_is_handled_and_reply_queued(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    form["Body"] = "add dentist to my list"
    response = await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "<Response" in response.text
    async with services.db.sessions() as session:
        outbox = (await session.execute(select(Outbox))).scalar_one()
    assert outbox.body.startswith("Added: dentist.")
    assert outbox.to_phone == form["From"]


async def test_signature_is_checked_over_public_url_not_request_url(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    signed_for_internal = signed_form(
        "http://internal:8000/webhooks/twilio/sms", form, FAKE_AUTH_TOKEN
    )
    response = await client.post("/webhooks/twilio/sms", data=form, headers=signed_for_internal)
    assert response.status_code == 403
    assert await _count(services, Message) == 0


@pytest.mark.parametrize("headers", [{}, {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}])
async def test_missing_or_bad_signature_is_403_and_nothing_stored(
    web: tuple[Services, httpx.AsyncClient], headers: dict[str, str]
) -> None:
    services, client = web
    response = await client.post(
        "/webhooks/twilio/sms", data=twilio_fixture("inbound_sms_en"), headers=headers
    )
    assert response.status_code == 403
    assert await _count(services, Message) == 0
    assert await _count(services, Outbox) == 0


async def test_tampered_body_fails_the_signature(web: tuple[Services, httpx.AsyncClient]) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    headers = signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    form["Body"] = "remind me to wire money at 8pm"
    assert (
        await client.post("/webhooks/twilio/sms", data=form, headers=headers)
    ).status_code == 403


async def test_replayed_message_sid_is_200_with_one_effect(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    form["Body"] = "add dentist"
    headers = signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    for _ in range(3):
        response = await client.post("/webhooks/twilio/sms", data=form, headers=headers)
        assert response.status_code == 200
    assert await _count(services, Message) == 1
    assert await _count(services, Outbox) == 1


async def test_invalid_from_is_400_and_nothing_stored(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    form["From"] = "not-a-phone"
    response = await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    )
    assert response.status_code == 400
    assert "From" in response.text
    assert await _count(services, Message) == 0


async def test_mms_without_text_gets_a_kind_reply(web: tuple[Services, httpx.AsyncClient]) -> None:
    services, client = web
    form = twilio_fixture("inbound_mms_photo")
    response = await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    )
    assert response.status_code == 200
    async with services.db.sessions() as session:
        outbox = (await session.execute(select(Outbox))).scalar_one()
    assert outbox.body.startswith("I can't read pictures yet")


async def test_status_callback_moves_status_forward_only(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = web
    form = twilio_fixture("inbound_sms_en")
    form["Body"] = "list"
    await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    )
    async with services.db.transaction() as session:
        outbox = (await session.execute(select(Outbox))).scalar_one()
        outbox.status, outbox.provider_sid = OutboxStatus.SENT, "SM" + "b" * 32
    for status in ("delivered", "sent"):
        url = f"{PUBLIC}/webhooks/twilio/status?outbox_id={outbox.id}"
        callback = {
            "MessageSid": "SM" + "b" * 32,
            "MessageStatus": status,
            "AccountSid": FAKE_ACCOUNT_SID,
        }
        response = await client.post(
            f"/webhooks/twilio/status?outbox_id={outbox.id}",
            data=callback,
            headers=signed_form(url, callback, FAKE_AUTH_TOKEN),
        )
        assert response.status_code in (200, 204)
    async with services.db.sessions() as session:
        assert (await session.execute(select(Outbox.status))).scalar_one() == "delivered"


async def test_status_callback_needs_a_signature(web: tuple[Services, httpx.AsyncClient]) -> None:
    _services, client = web
    response = await client.post(
        "/webhooks/twilio/status", data={"MessageSid": "SMx", "MessageStatus": "delivered"}
    )
    assert response.status_code == 403


async def test_healthz_and_readyz(web: tuple[Services, httpx.AsyncClient]) -> None:
    _services, client = web
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["migrations"] == "current"


async def test_readyz_is_503_before_migrations(tmp_path: object, clock: FakeClock) -> None:
    services = build(make_settings(f"sqlite+aiosqlite:///{tmp_path}/empty.db"), clock=clock)
    app = create_app(services, run_workers=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/readyz")
    await services.close()
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


async def test_simulator_page_and_api(web: tuple[Services, httpx.AsyncClient]) -> None:
    services, client = web
    page = await client.get("/simulator")
    assert page.status_code == 200
    assert "Phone simulator" in page.text
    sent = await client.post(
        "/simulator/api/messages", json={"phone": "(514) 555-0001", "body": "add milk"}
    )
    assert sent.status_code == 200
    assert sent.json()["phone"] == "+15145550001"
    await services.delivery.run_once()
    thread = (await client.get("/simulator/api/messages", params={"phone": "+15145550001"})).json()
    assert [(m["direction"], m["body"]) for m in thread["messages"]] == [
        ("out", "add milk"),
        ("in", "Added: milk. It's the only thing on your list."),
    ]
    bad = await client.post("/simulator/api/messages", json={"phone": "12345", "body": "hi"})
    assert bad.status_code == 400


async def test_simulator_is_off_when_twilio_is_configured(
    database_url: str, clock: FakeClock
) -> None:
    settings = make_settings(
        database_url,
        twilio_account_sid="AC" + "0" * 32,
        twilio_auth_token=FAKE_AUTH_TOKEN,
        twilio_from="+15145550100",
    )
    services = build(settings, clock=clock)
    app = create_app(services, run_workers=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        assert (await client.get("/simulator")).status_code == 404
    await services.close()


async def test_metrics_count_inbound_outcomes_and_understanding(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    from nudge.observability.metrics import REGISTRY

    def value(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    _services, client = web
    before_bad = value("nudge_sms_inbound_total", channel="twilio", outcome="bad_signature")
    before_ok = value("nudge_sms_inbound_total", channel="twilio", outcome="handled")
    before_rules = value("nudge_understanding_total", source="rules", intent="AddTodo")
    form = twilio_fixture("inbound_sms_en")
    form["Body"] = "add dentist"
    await client.post("/webhooks/twilio/sms", data=form)
    await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    )
    assert value("nudge_sms_inbound_total", channel="twilio", outcome="bad_signature") == (
        before_bad + 1
    )
    assert value("nudge_sms_inbound_total", channel="twilio", outcome="handled") == before_ok + 1
    assert value("nudge_understanding_total", source="rules", intent="AddTodo") == before_rules + 1
