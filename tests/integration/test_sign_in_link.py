"""Texting LOGIN: a one-time link, through the real conversation handler and the whole app.

Opening the link spends nothing (a preview would); its button signs the browser in with
cookies and sends it to /app; the link works once and for 10 minutes, only the newest works.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from nudge.clock import FakeClock
from nudge.conversation.sign_in_request import asks_to_sign_in
from nudge.web.auth.cookies import ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE
from tests.integration.sign_in_web import ANA, PUBLIC, Web, sign_in_web

SESSIONS = "/api/v1/auth/sessions"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock) as served:
        yield served


def _path(token: str) -> str:
    return f"/api/v1/auth/link/{token}"


async def _tap(web: Web, token: str) -> tuple[int, str]:
    """Open the link, press its button: the button's answer and where it leads."""
    page = await web.browser.get(_path(token))
    assert page.status_code == 200, page.text
    csrf = web.browser.cookies[CSRF_COOKIE]
    pressed = await web.browser.post(_path(token), data={"csrf_token": csrf})
    return pressed.status_code, pressed.headers.get("location", "")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("login", True), ("LOGIN", True), ("Log in!", True), ("log-in", True),
        ("sign in", True), ("Connexion", True), ("se connecter", True), ("  CONNECTER. ", True),
        ("login tomorrow at 9", False), ("connexion wifi", False), ("logins", False),
    ],
)  # fmt: skip
def test_only_the_whole_message_asks_for_a_link(text: str, asks: bool) -> None:
    assert asks_to_sign_in(text) is asks


async def test_the_texted_link_signs_the_browser_in_with_cookies(web: Web) -> None:
    await web.person(ANA)
    token = await web.texted_link(ANA)
    status, location = await _tap(web, token)
    assert (status, location) == (303, "/app")
    assert ACCESS_COOKIE in web.browser.cookies
    mine = await web.browser.get(SESSIONS)  # the cookie alone signs a GET
    assert mine.status_code == 200
    assert mine.json()["sessions"][0]["method"] == "sms_link"


async def test_opening_the_link_spends_nothing_and_the_button_spends_it(web: Web) -> None:
    await web.person(ANA)
    token = await web.texted_link(ANA)
    for _ in range(3):  # a preview, a scanner, the person
        page = await web.browser.get(_path(token))
        assert page.status_code == 200
        assert "Sign in to Nudge" in page.text
        assert page.headers["Cache-Control"] == "no-store"
        assert page.headers["Referrer-Policy"] == "no-referrer"
    assert (await _tap(web, token))[0] == 303
    assert (await web.browser.get(_path(token))).status_code == 404
    csrf = web.browser.cookies[CSRF_COOKIE]
    again = await web.browser.post(_path(token), data={"csrf_token": csrf})
    assert again.status_code == 404
    assert "Text LOGIN" in again.text


async def test_the_link_expires_at_ten_minutes(web: Web, clock: FakeClock) -> None:
    await web.person(ANA)
    token = await web.texted_link(ANA)
    clock.advance(minutes=10)
    page = await web.browser.get(_path(token))
    assert page.status_code == 404
    assert "expired" in page.text


async def test_only_the_newest_link_works(web: Web) -> None:
    await web.person(ANA)
    old = await web.texted_link(ANA)
    new = await web.texted_link(ANA, "sign in")
    assert (await web.browser.get(_path(old))).status_code == 404
    assert (await _tap(web, new))[0] == 303


async def test_the_button_needs_the_page_s_csrf_token(web: Web) -> None:
    await web.person(ANA)
    token = await web.texted_link(ANA)
    await web.browser.get(_path(token))
    forged = await web.browser.post(_path(token), data={"csrf_token": "another-site-guessed"})
    assert forged.status_code == 403
    assert REFRESH_COOKIE not in web.browser.cookies
    assert (await _tap(web, token))[0] == 303  # the link was not spent


async def test_in_french_the_link_and_its_page_are_french(web: Web) -> None:
    handled = await web.phone(ANA).text("ajoute du lait à ma liste")
    await web.phone(ANA).inbox()
    assert handled.user_id is not None
    reply = await web.phone(ANA).ask("Connexion")
    assert reply.startswith("Voici ton lien de connexion")
    token = reply.rsplit("/", 1)[1]
    assert reply.split(" ")[-1].startswith(f"{PUBLIC}/api/v1/auth/link/")
    page = await web.browser.get(_path(token))
    assert "Connexion à Nudge" in page.text
    assert 'lang="fr"' in page.text


async def test_an_opted_out_number_gets_no_link(web: Web) -> None:
    await web.person(ANA)
    await web.phone(ANA).text("STOP")
    await web.phone(ANA).inbox()
    handled = await web.phone(ANA).text("login")
    assert handled.intent == "ignored_opted_out"
    assert await web.phone(ANA).inbox() == []
