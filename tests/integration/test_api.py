"""The admin API, and the operator's token as a read-only service credential (both stores).

The operator routes of before (``/api/v1/users/{phone}/memories|usage``) now live under
``/api/v1/admin/people/{id}/...``, found by phone with ``/api/v1/admin/people?phone=``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from nudge.agent import budget
from nudge.agent.models.base import Usage
from nudge.clock import FakeClock
from nudge.commands import Remember
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox
from tests.integration.api_world import ANA, BEN, World, world
from tests.integration.engine_helpers import queue_sms
from tests.integration.memory_helpers import run_as
from tests.phone import TestPhone

A = "/api/v1/admin"


async def test_the_operator_reads_admin_routes_and_changes_nothing(api: World) -> None:
    people = await api.ok("operator", "GET", f"{A}/people")
    assert {p["phone"] for p in people["items"]} == {ANA, BEN, "+15145550103"}
    for path in ("volumes", "delivery-failures", "outbox", "model-usage"):
        await api.ok("operator", "GET", f"{A}/{path}")
    role = await api.call("operator", "PUT", f"{A}/people/{api.ids['ana']}/role", {"role": "admin"})
    assert (role.status_code, role.json()["code"]) == (403, "forbidden")
    mine = await api.call("operator", "GET", "/api/v1/me")
    assert (mine.status_code, mine.json()["code"]) == (403, "forbidden")


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "operator-secret-token"}]
)
async def test_missing_or_wrong_token_is_401(api: World, headers: dict[str, str]) -> None:
    for path in (f"{A}/people", f"{A}/people/1/memories", "/api/v1/me"):
        response = await api.client.get(path, headers=headers)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["code"] == "unauthenticated"


async def test_a_person_found_by_phone_and_their_memories_read_with_an_audit_entry(
    api: World,
) -> None:
    await run_as(api.services, ANA, Remember("my door code is 4512"))
    await run_as(api.services, BEN, Remember("my door code is 9999"))
    (found,) = (await api.ok("operator", "GET", f"{A}/people", phone=ANA))["items"]
    assert found["id"] == api.ids["ana"]
    assert (await api.ok("ada", "GET", f"{A}/people", phone="+15145550199"))["items"] == []
    listed = await api.ok("operator", "GET", f"{A}/people/{found['id']}/memories")
    assert [m["text"] for m in listed["items"]] == ["my door code is 4512"]
    assert "embedding" not in listed["items"][0]
    detail = await api.ok("ada", "GET", f"{A}/people/{found['id']}")
    assert (detail["memories"], detail["person"]["phone"]) == (1, ANA)
    seen = await api.ok("ana", "GET", "/api/v1/me/audit")
    assert [(e["action"], e["detail"]) for e in seen["items"]] == [
        ("admin_viewed", {"actor": api.ids["ada"], "page": "person"}),
        ("admin_viewed", {"actor": "operator", "page": "memories"}),
    ]
    assert (await api.ok("ben", "GET", "/api/v1/me/audit"))["items"] == []
    missing = await api.call("ada", "GET", f"{A}/people/9999/memories")
    assert (missing.status_code, missing.json()["code"]) == (404, "no_such_person")


async def test_usage_per_local_day_of_the_person(api: World) -> None:
    now = api.services.clock.now()
    async with api.services.db.transaction() as session:
        for days_ago, latencies in ((0, [100, 200, 300, 400]), (2, [50]), (30, [999])):
            calls = [budget.CallRecord(Usage(100, 10), ms / 1000, "ok") for ms in latencies]
            at = now - timedelta(days=days_ago)
            await budget.record(
                session, user_id=api.ids["ana"], provider="p", model="m", calls=calls, now=at
            )
    data = await api.ok("ada", "GET", f"{A}/people/{api.ids['ana']}/usage", days=3)
    assert data["timezone"] == "America/Toronto"
    assert [day["day"] for day in data["days"]] == ["2026-11-22", "2026-11-23", "2026-11-24"]
    assert data["days"][2] == {
        "day": "2026-11-24", "calls": 4, "input_tokens": 400, "output_tokens": 40,
        "latency_p50_ms": 200, "latency_p95_ms": 400,
    }  # fmt: skip
    assert data["days"][1]["latency_p50_ms"] is None
    assert (await api.call("ada", "GET", f"{A}/people/1/usage", days=0)).status_code == 422
    assert (await api.call("ana", "GET", "/api/v1/me/usage")).status_code == 403  # a user


async def test_an_admin_changes_a_role_a_user_cannot_and_each_change_is_audited(
    api: World,
) -> None:
    path = f"{A}/people/{api.ids['ana']}/role"
    denied = await api.call("ben", "PUT", path, {"role": "premium"})
    assert (denied.status_code, denied.json()["code"]) == (403, "forbidden")
    changed = await api.ok("ada", "PUT", path, {"role": "premium"})
    assert (changed["said"], changed["person"]["role"]) == (
        "Done: their role is now premium.",
        "premium",
    )
    assert (await api.ok("ana", "GET", "/api/v1/me/usage"))["timezone"] == "America/Toronto"
    own = await api.call("ada", "PUT", f"{A}/people/{api.ids['ada']}/role", {"role": "user"})
    assert (own.status_code, own.json()["code"]) == (409, "own_role")
    bad = await api.call("ada", "PUT", path, {"role": "boss"})
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_request")
    await api.ok("ada", "PUT", path, {"role": "user"})
    assert (await api.call("ana", "GET", "/api/v1/me/usage")).status_code == 403
    entries = (await api.ok("ana", "GET", "/api/v1/me/audit"))["items"]
    assert [(e["action"], e["detail"]) for e in entries] == [
        ("role_changed", {"actor": api.ids["ada"], "role": "user", "previous": "premium"}),
        ("role_changed", {"actor": api.ids["ada"], "role": "premium", "previous": "user"}),
    ]


async def test_volumes_failures_and_outbox_depth(api: World, clock: FakeClock) -> None:
    await TestPhone(api.services, ANA).ask("add milk")
    first, _second = await queue_sms(api.services, 2, phone="+15145550177")
    async with api.services.db.transaction() as session:
        await session.execute(
            update(Outbox)
            .where(Outbox.id == first)
            .values(
                status=OutboxStatus.FAILED,
                attempts=5,
                last_error="21610: +15145550177 unsubscribed",
            )
        )
    clock.advance(minutes=2)
    volumes = await api.ok("ada", "GET", f"{A}/volumes", days=2)
    assert volumes["days"][1] == {
        "day": "2026-11-24",
        "inbound": 1,
        "outbound": {"reply": 3},
        "people": 1,
    }
    failures = await api.ok("ada", "GET", f"{A}/delivery-failures")
    (failed,) = failures["items"]
    assert (failed["id"], failed["status"], failed["attempts"]) == (first, "failed", 5)
    assert failed["last_error"] == "21610: +1514*****77 unsubscribed"
    assert "body" not in failed
    depth = await api.ok("ada", "GET", f"{A}/outbox")
    assert depth == {
        "by_status": {"delivered": 1, "failed": 1, "pending": 1},
        "due_waiting": 1,
        "oldest_due_age_seconds": 120.0,
    }


async def test_model_usage_and_its_cost_at_the_set_prices(
    database_url: str, clock: FakeClock
) -> None:
    async with world(
        database_url, clock, llm_price_input_per_million=0.3, llm_price_output_per_million=2.5
    ) as priced:
        async with priced.services.db.transaction() as session:
            calls = [budget.CallRecord(Usage(1_000_000, 100_000), 1.0, "ok")]
            await budget.record(
                session,
                user_id=priced.ids["ana"],
                provider="gemini",
                model="flash",
                calls=calls,
                now=clock.now(),
            )
        usage = await priced.ok("ada", "GET", f"{A}/model-usage", days=1)
    assert usage == {
        "days": [
            {"day": "2026-11-24", "provider": "gemini", "model": "flash", "calls": 1,
             "input_tokens": 1_000_000, "output_tokens": 100_000, "cost": 0.55},
        ],
        "calls": 1, "input_tokens": 1_000_000, "output_tokens": 100_000, "cost": 0.55,
        "currency": "USD",
    }  # fmt: skip
