"""Signing in with TOTP as the second factor: the real TotpFactors behind sign-in.

A person who turned two-step sign-in on gets a ticket from their texted code and finishes
with a code from their app (never the same one twice) or a recovery code (once); an admin's
session gets the admin scopes only that way. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
import pyotp
import pytest
from fastapi import Depends
from sqlalchemy import update

from nudge.accounts.roles import Scope
from nudge.accounts.totp import TotpFactors
from nudge.clock import FakeClock
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.auth.principal import Principal, require
from tests.integration.sign_in_web import ANA, Web, bearer, sign_in_web
from tests.web_auth import bearer_for


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock) as served:
        yield served


async def _turn_on(web: Web, clock: FakeClock, user_id: int) -> tuple[pyotp.TOTP, list[str]]:
    headers = await bearer_for(web.services, user_id)
    started = (await web.browser.post("/api/v1/me/mfa/totp/start", headers=headers)).json()
    totp = pyotp.TOTP(started["secret"])
    confirmed = await web.browser.post(
        "/api/v1/me/mfa/totp/confirm", json={"code": totp.at(clock.now())}, headers=headers
    )
    clock.advance(seconds=30)
    return totp, confirmed.json()["recovery_codes"]


async def _ticket(web: Web) -> str:
    answer = (await web.sign_in(ANA)).json()
    assert answer["second_factor_required"] is True, answer
    ticket: str = answer["ticket"]
    return ticket


async def _second(web: Web, ticket: str, code: str) -> httpx.Response:
    return await web.browser.post(
        "/api/v1/auth/second-factor", json={"ticket": ticket, "code": code}
    )


async def test_sign_in_asks_the_totp_factors(web: Web) -> None:
    assert isinstance(web.services.second_factors, TotpFactors)


async def test_a_person_with_totp_finishes_with_a_code_never_used_before(
    web: Web, clock: FakeClock
) -> None:
    ana = await web.person(ANA)
    assert (await web.sign_in(ANA)).json()["second_factor_required"] is False  # nothing on yet
    totp, _ = await _turn_on(web, clock, ana)
    code = totp.at(clock.now())
    signed = await _second(web, await _ticket(web), code)
    assert signed.status_code == 200, signed.text
    assert signed.json()["session_id"]
    replayed = await _second(web, await _ticket(web), code)  # the same window: refused
    assert replayed.status_code == 401
    clock.advance(seconds=30)
    assert (await _second(web, await _ticket(web), totp.at(clock.now()))).status_code == 200


async def test_a_recovery_code_finishes_a_sign_in_once(web: Web, clock: FakeClock) -> None:
    ana = await web.person(ANA)
    _, codes = await _turn_on(web, clock, ana)
    assert (await _second(web, await _ticket(web), codes[0])).status_code == 200
    assert (await _second(web, await _ticket(web), codes[0])).status_code == 401
    left = await web.browser.get("/api/v1/me/mfa", headers=await bearer_for(web.services, ana))
    assert left.json()["recovery_codes_left"] == 9


async def test_an_admin_gets_the_admin_scopes_through_the_second_factor(
    web: Web, clock: FakeClock
) -> None:
    async def admin_page(
        principal: Annotated[Principal, Depends(require(Scope.ADMIN_READ))],
    ) -> str:
        return "ok"

    web.app.add_api_route("/test/admin", admin_page)
    boss = await web.person(ANA)
    async with web.services.db.transaction() as session:
        await session.execute(update(User).where(User.id == boss).values(role=Role.ADMIN))
    first_factor_only = (await web.sign_in(ANA)).json()  # no second factor yet: a person's
    assert first_factor_only["second_factor_required"] is False
    refused = await web.browser.get(
        "/test/admin", headers=bearer(first_factor_only["access_token"])
    )
    assert refused.status_code == 403
    totp, _ = await _turn_on(web, clock, boss)
    signed = (await _second(web, await _ticket(web), totp.at(clock.now()))).json()
    admitted = await web.browser.get("/test/admin", headers=bearer(signed["access_token"]))
    assert admitted.status_code == 200
