"""The operator JSON API /api/v1 through the full ASGI stack, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

from nudge.agent import budget
from nudge.agent.models.base import Usage
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.commands import Recall, Remember
from nudge.features.users import service as users
from nudge.store.migrate import upgrade
from nudge.web.app import create_app
from tests.conftest import _clean, make_settings
from tests.integration.memory_helpers import run_as

TOKEN = "operator-secret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ANA, BEN = "+15145550101", "+15145550102"


async def _client(services: Services) -> httpx.AsyncClient:
    app = create_app(services, run_workers=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://internal")


@pytest.fixture
async def api(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    services = build(make_settings(database_url, api_token=TOKEN), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    async with await _client(services) as client:
        yield services, client
    await services.close()


async def test_api_is_off_without_a_token(database_url: str, clock: FakeClock) -> None:
    services = build(make_settings(database_url), clock=clock)
    await upgrade(services.db)
    try:
        async with await _client(services) as client:
            response = await client.get(f"/api/v1/users/{ANA}/memories", headers=AUTH)
            assert response.status_code == 404
            response = await client.get(f"/api/v1/users/{ANA}/usage")
            assert response.status_code == 404
    finally:
        await services.close()


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
async def test_missing_or_wrong_token_is_401(
    api: tuple[Services, httpx.AsyncClient], headers: dict[str, str]
) -> None:
    services, client = api
    await run_as(services, ANA, Remember("my door code is 4512"))
    for method, path in [
        ("GET", f"/api/v1/users/{ANA}/memories"),
        ("GET", f"/api/v1/users/{ANA}/usage"),
        ("DELETE", f"/api/v1/users/{ANA}/memories/1"),
    ]:
        response = await client.request(method, path, headers=headers)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
    assert "4512" in await run_as(services, ANA, Recall("door code"))


async def test_memories_listed_per_user_and_forgotten(
    api: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = api
    await run_as(services, ANA, Remember("my door code is 4512"))
    await run_as(services, ANA, Remember("my sister is Julie"))
    await run_as(services, BEN, Remember("my door code is 9999"))

    listed = (await client.get(f"/api/v1/users/{ANA}/memories", headers=AUTH)).json()
    assert listed["phone"] == ANA
    assert [m["text"] for m in listed["memories"]] == ["my sister is Julie", "my door code is 4512"]
    first = listed["memories"][1]
    assert first["importance"] == 7
    assert first["tags"] == []
    assert first["source"] == "user"
    assert first["created_at"].startswith("2026-11-24T15:00")
    assert first["last_used_at"].startswith("2026-11-24T15:00")
    assert "embedding" not in first
    ben = (await client.get(f"/api/v1/users/{BEN}/memories", headers=AUTH)).json()
    assert [m["text"] for m in ben["memories"]] == ["my door code is 9999"]

    ana_code = first["id"]
    # Ben's path cannot delete Ana's memory, and nothing of Ana's changes
    response = await client.delete(f"/api/v1/users/{BEN}/memories/{ana_code}", headers=AUTH)
    assert response.status_code == 404
    assert "4512" in await run_as(services, ANA, Recall("door code"))

    response = await client.delete(f"/api/v1/users/{ANA}/memories/{ana_code}", headers=AUTH)
    assert response.status_code == 204
    assert "4512" not in await run_as(services, ANA, Recall("door code"))
    assert "9999" in await run_as(services, BEN, Recall("door code"))
    listed = (await client.get(f"/api/v1/users/{ANA}/memories", headers=AUTH)).json()
    assert [m["text"] for m in listed["memories"]] == ["my sister is Julie"]
    again = await client.delete(f"/api/v1/users/{ANA}/memories/{ana_code}", headers=AUTH)
    assert again.status_code == 404


async def test_unknown_user_is_404(api: tuple[Services, httpx.AsyncClient]) -> None:
    _services, client = api
    response = await client.get("/api/v1/users/+15145550199/memories", headers=AUTH)
    assert response.status_code == 404


async def _calls(services: Services, phone: str, days_ago: int, latencies: list[int]) -> None:
    now = services.clock.now() - timedelta(days=days_ago)
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=phone, now=now, timezone="America/Toronto", locale="en"
        )
        calls = [budget.CallRecord(Usage(100, 10), ms / 1000, "ok") for ms in latencies]
        await budget.record(
            session, user_id=user.id, provider="scripted", model="m", calls=calls, now=now
        )


async def test_usage_per_day_per_user(api: tuple[Services, httpx.AsyncClient]) -> None:
    services, client = api
    await _calls(services, ANA, 0, [100, 200, 300, 400])
    await _calls(services, ANA, 2, [50])
    await _calls(services, ANA, 30, [999])  # outside the window
    await _calls(services, BEN, 0, [7000])

    response = await client.get(f"/api/v1/users/{ANA}/usage?days=3", headers=AUTH)
    assert response.status_code == 200
    data = response.json()
    assert data["timezone"] == "America/Toronto"
    assert [day["day"] for day in data["days"]] == ["2026-11-22", "2026-11-23", "2026-11-24"]
    assert data["days"][0] == {
        "day": "2026-11-22", "calls": 1, "input_tokens": 100, "output_tokens": 10,
        "latency_p50_ms": 50, "latency_p95_ms": 50,
    }  # fmt: skip
    assert data["days"][1]["calls"] == 0
    assert data["days"][1]["latency_p50_ms"] is None
    assert data["days"][2] == {
        "day": "2026-11-24", "calls": 4, "input_tokens": 400, "output_tokens": 40,
        "latency_p50_ms": 200, "latency_p95_ms": 400,
    }  # fmt: skip
    week = (await client.get(f"/api/v1/users/{ANA}/usage", headers=AUTH)).json()
    assert len(week["days"]) == 7
    assert sum(day["calls"] for day in week["days"]) == 5
    ben = (await client.get(f"/api/v1/users/{BEN}/usage?days=1", headers=AUTH)).json()
    assert ben["days"][0]["calls"] == 1
    assert ben["days"][0]["latency_p95_ms"] == 7000
    bad = await client.get(f"/api/v1/users/{ANA}/usage?days=0", headers=AUTH)
    assert bad.status_code == 422
