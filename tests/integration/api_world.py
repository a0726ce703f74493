"""The API through the whole ASGI app, with real tokens for a few people, on both stores."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final

import httpx
from sqlalchemy import update

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.store.migrate import upgrade
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.app import create_app
from tests.conftest import _clean, make_settings
from tests.web_auth import bearer_for

OPERATOR: Final = "operator-secret-token"
ANA, BEN, ADA = "+15145550101", "+15145550102", "+15145550103"  # Ada is the admin


@dataclass
class World:
    """Services, a client, and a bearer header per person (``operator``: the service token)."""

    services: Services
    client: httpx.AsyncClient
    ids: dict[str, int]
    headers: dict[str, dict[str, str]]

    async def call(
        self, who: str, method: str, path: str, body: Any = None, **params: Any
    ) -> httpx.Response:
        """``who`` asks ``method path`` (a JSON ``body``, query ``params``)."""
        return await self.client.request(
            method, path, json=body, params=params or None, headers=self.headers.get(who, {})
        )

    async def ok(self, who: str, method: str, path: str, body: Any = None, **params: Any) -> Any:
        """The JSON of a 2xx answer (fails with the answer otherwise)."""
        response = await self.call(who, method, path, body, **params)
        assert response.status_code < 300, (method, path, response.status_code, response.text)
        return response.json() if response.content else None


async def person(services: Services, phone: str, role: Role = Role.USER) -> int:
    """A person as a first SMS would make them (Toronto, English), with ``role``."""
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=phone, now=services.clock.now(), timezone="America/Toronto", locale="en"
        )
        await session.execute(update(User).where(User.id == user.id).values(role=role))
        return user.id


@asynccontextmanager
async def world(database_url: str, clock: FakeClock, **overrides: object) -> AsyncIterator[World]:
    """Ana and Ben (users) and Ada (an admin), signed in; the operator token set."""
    services = build(make_settings(database_url, api_token=OPERATOR, **overrides), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    ids = {
        "ana": await person(services, ANA),
        "ben": await person(services, BEN),
        "ada": await person(services, ADA, Role.ADMIN),
    }
    headers = {name: await bearer_for(services, user_id) for name, user_id in ids.items()}
    headers["operator"] = {"Authorization": f"Bearer {OPERATOR}"}
    transport = httpx.ASGITransport(app=create_app(services, run_workers=False))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://internal") as client:
            yield World(services, client, ids, headers)
    finally:
        await services.close()
