"""The web app around services on an empty store, for the account pages' tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

import httpx
from fastapi import FastAPI
from sqlalchemy import update

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.store.migrate import upgrade
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.app import create_app
from tests.conftest import _clean, make_settings

PUBLIC: Final = "https://nudge.example.org"


@dataclass(frozen=True, slots=True)
class AccountWeb:
    """The services, their app, and a client for it."""

    services: Services
    app: FastAPI
    client: httpx.AsyncClient


@asynccontextmanager
async def account_web(
    database_url: str, clock: FakeClock, **overrides: object
) -> AsyncIterator[AccountWeb]:
    """Services whose public URL is ``PUBLIC``, and a client for their app over ASGI."""
    services = build(make_settings(database_url, public_url=PUBLIC, **overrides), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    app = create_app(services, run_workers=False)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as client:
            yield AccountWeb(services, app, client)
    finally:
        await services.close()


async def person(
    services: Services, phone: str, *, locale: str = "en", role: Role = Role.USER
) -> int:
    """A person known by ``phone``, as their first text would make them."""
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=phone, now=services.clock.now(), timezone="UTC", locale=locale
        )
        if role is not Role.USER:
            await session.execute(update(User).where(User.id == user.id).values(role=role))
        return user.id
