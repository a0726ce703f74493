"""A person of a running ``nudge serve``, and a browser signed in as them.

The person comes the way every person comes, by texting (the simulator's endpoint); the
browser gets the ``nudge_access`` cookie minted with the server's own kept signing key
(``tests/web_auth``), read from the same database file.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
from playwright.sync_api import BrowserContext, ConsoleMessage
from sqlalchemy import select, update

from nudge.bootstrap import build
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.auth.principal import ACCESS_COOKIE
from tests.conftest import make_settings
from tests.e2e.server import NudgeServer
from tests.web_auth import access_token_for


def text_nudge(server: NudgeServer, phone: str, body: str) -> None:
    """Text the server from ``phone`` (the simulator's endpoint)."""
    sent = httpx.post(
        f"{server.url}/simulator/api/messages", json={"phone": phone, "body": body}, timeout=10
    )
    sent.raise_for_status()


async def _token_for(database_url: str, phone: str) -> str:
    services = build(make_settings(database_url))
    try:
        async with services.db.transaction() as session:
            user_id = await session.scalar(select(User.id).where(User.phone == phone))
        assert user_id is not None, f"{phone} never texted"
        return await access_token_for(services, user_id)
    finally:
        await services.close()


def sign_in_cookie(
    context: BrowserContext, server: NudgeServer, database_url: str, phone: str
) -> None:
    """Give the browser a valid access cookie for the person who texts from ``phone``."""
    with ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's loop
        token = thread.submit(asyncio.run, _token_for(database_url, phone)).result()
    context.add_cookies([{"name": ACCESS_COOKIE, "value": token, "url": server.url}])


@dataclass
class PolicyWatch:
    """Console lines where the browser refused something the page asked (a CSP violation)."""

    refused: list[str] = field(default_factory=list)

    def __call__(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.refused.append(message.text)


async def _promote(database_url: str, phone: str) -> None:
    services = build(make_settings(database_url))
    try:
        async with services.db.transaction() as session:
            await session.execute(update(User).where(User.phone == phone).values(role=Role.ADMIN))
    finally:
        await services.close()


def make_admin(database_url: str, phone: str) -> None:
    """Give the person who texts from ``phone`` the admin role (an operator's doing)."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, _promote(database_url, phone)).result()
