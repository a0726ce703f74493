"""A person of a running ``nudge serve``, and a browser signed in as them.

The person comes the way every person comes, by texting (the simulator's endpoint); the
browser gets the ``nudge_access`` cookie minted with the server's own kept signing key
(``tests/web_auth``), read from the same database file.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
from playwright.sync_api import BrowserContext, ConsoleMessage, Page
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


def texted_code(server: NudgeServer, phone: str, *, seen: int = 0) -> str:
    """The sign-in code the simulator's handset received (polls while delivery runs)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        answer = httpx.get(
            f"{server.url}/simulator/api/messages", params={"phone": phone}, timeout=5
        )
        replies = [m["body"] for m in answer.json()["messages"] if m["direction"] == "in"]
        for body in replies[seen:]:
            found = re.search(r"\b(\d{6})\b", body)
            if found:
                return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no sign-in code texted to {phone}")


def sign_in_by_text(
    page: Page, server: NudgeServer, phone: str, *, lang: str = "en", check: Callable[[str], None]
) -> None:
    """Sign in as a person does: their number, then the code texted to it.

    ``check(step)`` runs on each page of the way (the tests' axe check and screenshots).
    """
    seen = _replies(server, phone)
    page.goto(f"{server.url}/app/sign-in?lang={lang}")
    check("sign-in")
    label, button = SIGN_IN_WORDS[lang]
    page.get_by_label(label).fill(phone)
    page.get_by_role("button", name=button).click()
    page.wait_for_url("**/app/sign-in/code")
    check("sign-in-code")
    page.locator("#code").fill(texted_code(server, phone, seen=seen))
    page.locator("#code").press("Enter")
    page.wait_for_url("**/app")


SIGN_IN_WORDS = {
    "en": ("The number you text Nudge from", "Text me a code"),
    "fr": ("Le numéro d'où vous écrivez à Nudge", "M'envoyer un code"),
}


def _replies(server: NudgeServer, phone: str) -> int:
    answer = httpx.get(f"{server.url}/simulator/api/messages", params={"phone": phone}, timeout=5)
    return sum(1 for m in answer.json()["messages"] if m["direction"] == "in")
