"""/metrics through the full ASGI stack: RED by route template, scrape-time outbox gauges."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
import structlog
from prometheus_client.parser import text_string_to_metric_families

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.observability.logging import get_logger
from nudge.observability.tracing import trace_id_from
from nudge.store.migrate import upgrade
from nudge.web.app import create_app
from tests.conftest import make_settings
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, signed_form, twilio_fixture
from tests.integration.production_web import PUBLIC, signed_web

SMS_URL = f"{PUBLIC}/webhooks/twilio/sms"
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@pytest.fixture
async def web(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    async with signed_web(database_url, clock) as served:
        yield served


def samples(text: str) -> Samples:
    """Every sample of an exposition, keyed by name and sorted labels."""
    found: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def scrape(client: httpx.AsyncClient, **headers: str) -> Samples:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


def value(found: Samples, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


async def post_sms(client: httpx.AsyncClient, body: str, sid: str) -> httpx.Response:
    form = {**twilio_fixture("inbound_sms_en"), "Body": body}
    form["MessageSid"] = form["SmsMessageSid"] = form["SmsSid"] = sid
    headers = signed_form(SMS_URL, form, FAKE_AUTH_TOKEN)
    return await client.post("/webhooks/twilio/sms", data=form, headers=headers)


async def test_requests_are_counted_by_route_template_and_status_class(
    web: tuple[Services, httpx.AsyncClient],
) -> None:
    _services, client = web
    before = await scrape(client)
    assert (await post_sms(client, "add milk", "SM" + "1" * 32)).status_code == 200
    bad = await client.post("/webhooks/twilio/sms", data={"Body": "x"})
    assert bad.status_code == 403
    assert (await client.get("/wp-login.php?x=1")).status_code == 404
    after = await scrape(client)
    route = "/webhooks/twilio/sms"
    for status, expected in (("2xx", 1), ("4xx", 1)):
        key = {"route": route, "method": "POST", "status": status}
        delta = value(after, "nudge_http_requests_total", **key) - value(
            before, "nudge_http_requests_total", **key
        )
        assert delta == expected
    unmatched = {"route": "<unmatched>", "method": "GET", "status": "4xx"}
    assert value(after, "nudge_http_requests_total", **unmatched) >= 1
    assert not any("wp-login" in str(labels) for _name, labels in after)
    count = value(after, "nudge_http_request_duration_seconds_count", route=route, method="POST")
    assert count >= 2


async def test_outbox_depth_and_oldest_age_are_read_at_scrape_time(
    web: tuple[Services, httpx.AsyncClient], clock: FakeClock
) -> None:
    services, client = web
    empty = await scrape(client)
    assert value(empty, "nudge_outbox_depth") == 0
    assert value(empty, "nudge_outbox_oldest_pending_age_seconds") == 0
    assert (await post_sms(client, "add milk", "SM" + "2" * 32)).status_code == 200
    clock.advance(minutes=5)
    found = await scrape(client)
    assert value(found, "nudge_outbox_depth") == 1
    assert value(found, "nudge_outbox_oldest_pending_age_seconds") == pytest.approx(300, abs=1)
    assert value(found, "nudge_db_pool_connections_in_use") >= 0
    assert value(found, "nudge_build_info", version="0.1.0") == 1
    assert services.db.engine is not None


async def test_every_documented_metric_is_exposed(web: tuple[Services, httpx.AsyncClient]) -> None:
    _services, client = web
    response = await client.get("/metrics")
    names = {family.name for family in text_string_to_metric_families(response.text)}
    expected = {
        "nudge_http_requests",
        "nudge_http_request_duration_seconds",
        "nudge_sms_inbound",
        "nudge_sms_outbound",
        "nudge_understanding",
        "nudge_llm_request_duration_seconds",
        "nudge_llm_tokens",
        "nudge_reminders_fired",
        "nudge_reminders_late",
        "nudge_reminders_missed",
        "nudge_outbox_depth",
        "nudge_outbox_oldest_pending_age_seconds",
        "nudge_worker_last_heartbeat_timestamp_seconds",
        "nudge_db_pool_connections_in_use",
    }
    assert expected <= names


async def test_metrics_token_guards_the_endpoint(database_url: str, clock: FakeClock) -> None:
    settings = make_settings(database_url, metrics_token="s3cret-scrape-token")
    services = build(settings, clock=clock)
    await upgrade(services.db)
    transport = httpx.ASGITransport(app=create_app(services, run_workers=False))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://x") as client:
            assert (await client.get("/metrics")).status_code == 401
            wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 401
            good = {"Authorization": "Bearer s3cret-scrape-token"}
            assert (await client.get("/metrics", headers=good)).status_code == 200
    finally:
        await services.close()


async def test_scrape_answers_when_the_database_is_down(clock: FakeClock) -> None:
    url = "postgresql+asyncpg://nobody@127.0.0.1:1/none"
    services = build(make_settings(url), clock=clock)
    transport = httpx.ASGITransport(app=create_app(services, run_workers=False))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://x") as client:
            first = await scrape(client)
            second = await scrape(client)
    finally:
        await services.close()
    errors = "nudge_metrics_collect_errors_total"
    assert value(second, errors) == value(first, errors) + 1


def test_trace_id_comes_from_traceparent_then_request_id_then_random() -> None:
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    parent = f"00-{trace}-00f067aa0ba902b7-01"
    assert trace_id_from({"traceparent": parent}) == trace
    assert trace_id_from({"x-request-id": trace.upper()}) == trace
    zero = f"00-{'0' * 32}-00f067aa0ba902b7-01"
    made = trace_id_from({"traceparent": zero, "x-request-id": "not-hex"})
    assert len(made) == 32
    assert made != trace_id_from({})


async def test_trace_id_is_in_the_response_and_in_request_logs(
    web: tuple[Services, httpx.AsyncClient], capsys: pytest.CaptureFixture[str]
) -> None:
    _services, client = web
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    structlog.configure(
        processors=[structlog.contextvars.merge_contextvars, structlog.processors.JSONRenderer()],
        logger_factory=structlog.PrintLoggerFactory(),
    )
    try:
        response = await client.post(
            "/webhooks/twilio/sms",
            data={"Body": "x"},
            headers={"traceparent": f"00-{trace}-00f067aa0ba902b7-01"},
        )
        get_logger("outside").info("after.request")
    finally:
        structlog.reset_defaults()
    assert response.headers["x-trace-id"] == trace
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    bad = [line for line in lines if line["event"] == "webhook.bad_signature"]
    assert bad
    assert bad[0]["trace_id"] == trace
    assert "trace_id" not in next(line for line in lines if line["event"] == "after.request")


async def test_worker_exporter_serves_metrics_and_health(services: Services) -> None:
    from nudge.observability.exporter import serve_metrics
    from tests.e2e.server import free_port

    port = free_port()
    server = await serve_metrics(services.db, services.clock, "127.0.0.1", port)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            found = await scrape(client)
            health = await client.get("/healthz")
            missing = await client.get("/nope")
            wrong = await client.post("/metrics")
    finally:
        server.close()
        await server.wait_closed()
    assert value(found, "nudge_outbox_depth") == 0
    assert health.json() == {"status": "ok"}
    assert missing.status_code == 404
    assert wrong.status_code == 405
