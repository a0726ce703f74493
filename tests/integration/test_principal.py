"""Who is asking: bearer and cookie tokens, the operator's credential, roles read live.

On SQLite and PostgreSQL, through a real ASGI stack whose one route depends on
``require(scope)``, with tokens signed by the server's own kept key.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import update

from nudge.accounts.roles import Scope
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.store.migrate import upgrade
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.auth.principal import ACCESS_COOKIE, Principal, require
from tests.conftest import _clean, make_settings
from tests.web_auth import access_token_for

OPERATOR = "operator-secret-token"


def _app(services: Services) -> FastAPI:
    app = FastAPI()
    app.state.services = services

    @app.get("/mine")
    async def mine(
        principal: Annotated[Principal, Depends(require(Scope.OWN_READ))],
    ) -> dict[str, object]:
        return {"person": principal.person_id, "via": principal.via}

    @app.get("/admin")
    async def admin(
        principal: Annotated[Principal, Depends(require(Scope.ADMIN_READ))],
    ) -> dict[str, object]:
        return {"via": principal.via}

    return app


@pytest.fixture
async def stack(database_url: str, clock: FakeClock) -> AsyncIterator[tuple[Services, int]]:
    services = build(make_settings(database_url, api_token=OPERATOR), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone="+15145550101", now=clock.now(), timezone="UTC", locale="en"
        )
    yield services, user.id
    await services.close()


def _client(services: Services) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=_app(services))
    return httpx.AsyncClient(transport=transport, base_url="http://internal")


async def test_a_person_is_known_by_bearer_or_cookie(stack: tuple[Services, int]) -> None:
    services, user_id = stack
    token = await access_token_for(services, user_id)
    async with _client(services) as client:
        by_bearer = await client.get("/mine", headers={"Authorization": f"Bearer {token}"})
        client.cookies.set(ACCESS_COOKIE, token)
        by_cookie = await client.get("/mine")
    assert by_bearer.json() == {"person": user_id, "via": "bearer"}
    assert by_cookie.json() == {"person": user_id, "via": "cookie"}


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}]
)
async def test_no_or_a_bad_token_is_401(
    stack: tuple[Services, int], headers: dict[str, str]
) -> None:
    async with _client(stack[0]) as client:
        response = await client.get("/mine", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_a_token_expires_by_the_clock(stack: tuple[Services, int], clock: FakeClock) -> None:
    services, user_id = stack
    headers = {"Authorization": f"Bearer {await access_token_for(services, user_id)}"}
    async with _client(services) as client:
        clock.advance(minutes=14)
        assert (await client.get("/mine", headers=headers)).status_code == 200
        clock.advance(minutes=1)
        assert (await client.get("/mine", headers=headers)).status_code == 401


async def test_roles_are_read_live_and_scopes_enforced(stack: tuple[Services, int]) -> None:
    services, user_id = stack
    headers = {"Authorization": f"Bearer {await access_token_for(services, user_id)}"}
    async with _client(services) as client:
        assert (await client.get("/admin", headers=headers)).status_code == 403
        await _set_role(services, user_id, Role.ADMIN)
        assert (await client.get("/admin", headers=headers)).status_code == 200
        await _set_role(services, user_id, Role.USER)
        assert (await client.get("/admin", headers=headers)).status_code == 403


async def test_the_operator_reads_as_a_service_never_as_a_person(
    stack: tuple[Services, int],
) -> None:
    headers = {"Authorization": f"Bearer {OPERATOR}"}
    async with _client(stack[0]) as client:
        assert (await client.get("/admin", headers=headers)).json() == {"via": "service"}
        assert (await client.get("/mine", headers=headers)).status_code == 403


async def test_an_erased_person_is_no_one(stack: tuple[Services, int]) -> None:
    services, user_id = stack
    headers = {"Authorization": f"Bearer {await access_token_for(services, user_id)}"}
    async with services.db.transaction() as session:
        await session.delete(await session.get_one(User, user_id))
    async with _client(services) as client:
        assert (await client.get("/mine", headers=headers)).status_code == 401


async def test_every_process_on_a_database_signs_with_the_same_kept_key(
    stack: tuple[Services, int], database_url: str, clock: FakeClock
) -> None:
    services, user_id = stack
    other = build(make_settings(database_url), clock=clock)
    try:
        token = await access_token_for(other, user_id)
        async with _client(services) as client:
            response = await client.get("/mine", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200
    finally:
        await other.close()


async def _set_role(services: Services, user_id: int, role: Role) -> None:
    async with services.db.transaction() as session:
        await session.execute(update(User).where(User.id == user_id).values(role=role))
