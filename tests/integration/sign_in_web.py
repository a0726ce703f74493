"""The whole ASGI app for the sign-in tests: a person who texted, their phone, a browser.

The app is ``web/app.create_app`` over services on an empty store, public at https (so the
browser keeps Secure cookies), reached from one client address; texts go through the real
handler and come back through the outbox and the simulator carrier (``tests/phone.py``).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

import httpx
from fastapi import FastAPI

from nudge.accounts.factors import SecondFactors
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.store.migrate import upgrade
from nudge.web.app import create_app
from tests.conftest import _clean, make_settings
from tests.phone import TestPhone

PUBLIC: Final = "https://nudge.example.org"
ANA: Final = "+15145550101"
STRANGER: Final = "+15145550199"  # never texted Nudge
BROWSER_IP: Final = "203.0.113.7"
CODE: Final = re.compile(r"\b(\d{6})\b")
LINK: Final = re.compile(r"https://\S+/api/v1/auth/link/([A-Za-z0-9_-]+)")


@dataclass
class FakeSecondFactors:
    """A second factor for the tests: the enrolled people, and the one code that passes."""

    enrolled_ids: set[int] = field(default_factory=set)
    good_code: str = "314159"
    asked: list[int] = field(default_factory=list)

    async def enrolled(self, session: Any, *, user_id: int) -> bool:
        return user_id in self.enrolled_ids

    async def verify(self, session: Any, *, user_id: int, code: str, now: datetime) -> bool:
        self.asked.append(user_id)
        return user_id in self.enrolled_ids and code == self.good_code


@dataclass
class Web:
    """The app, its services and a browser (cookies kept) at ``BROWSER_IP``."""

    services: Services
    app: FastAPI
    browser: httpx.AsyncClient
    phones: dict[str, TestPhone] = field(default_factory=dict)

    def phone(self, number: str = ANA) -> TestPhone:
        """The handset of ``number`` (one per number, so its replies are read once)."""
        return self.phones.setdefault(number, TestPhone(self.services, number))

    async def person(self, number: str = ANA) -> int:
        """Someone who texted Nudge once (their account starts there); their id."""
        handled = await self.phone(number).text("add milk to my list")
        await self.phone(number).inbox()
        assert handled.user_id is not None
        return handled.user_id

    def client_at(self, ip: str) -> httpx.AsyncClient:
        """Another browser, at another address."""
        transport = httpx.ASGITransport(app=self.app, client=(ip, 50000))
        return httpx.AsyncClient(transport=transport, base_url=PUBLIC)

    async def texted_code(self, number: str = ANA) -> str:
        """Ask for a code on the web and read it off the phone."""
        asked = await self.browser.post("/api/v1/auth/sms-code", json={"phone": number})
        assert asked.status_code == 202, asked.text
        (text,) = await self.phone(number).inbox()
        found = CODE.search(text)
        assert found is not None, text
        return found.group(1)

    async def sign_in(self, number: str = ANA, **extra: object) -> httpx.Response:
        """Sign in by texted code; the verify answer."""
        code = await self.texted_code(number)
        body = {"phone": number, "code": code, **extra}
        return await self.browser.post("/api/v1/auth/sms-code/verify", json=body)

    async def texted_link(self, number: str = ANA, word: str = "login") -> str:
        """Text ``word`` and return the token of the link that comes back."""
        reply = await self.phone(number).ask(word)
        found = LINK.search(reply)
        assert found is not None, reply
        return found.group(1)


def bearer(token: str) -> dict[str, str]:
    """The Authorization header of an access token."""
    return {"Authorization": f"Bearer {token}"}


@asynccontextmanager
async def sign_in_web(
    database_url: str,
    clock: FakeClock,
    *,
    factors: SecondFactors | None = None,
    **overrides: object,
) -> AsyncIterator[Web]:
    """The app around fresh services (a fake second factor if given)."""
    settings = make_settings(database_url, **{"public_url": PUBLIC, **overrides})
    services = build(settings, clock=clock)
    if factors is not None:
        services.second_factors = factors
    await upgrade(services.db)
    await _clean(services)
    app = create_app(services, run_workers=False)
    transport = httpx.ASGITransport(app=app, client=(BROWSER_IP, 50000))
    try:
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as browser:
            yield Web(services, app, browser)
    finally:
        await services.close()
