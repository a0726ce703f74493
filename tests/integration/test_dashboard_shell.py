"""The dashboard's shell on SQLite and PostgreSQL: headers, refusals, language, undo."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.store.tables import User
from nudge.web.dashboard.headers import POLICY
from nudge.web.dashboard.paths import back_path
from tests.integration.dashboard_web import CSRF, browser
from tests.integration.engine_helpers import make_user


async def test_every_dashboard_response_carries_the_security_headers(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        page = await client.get("/app")
        script = await client.get("/app/static/htmx.min.js")
        signed_out = await client.get("/app/sign-in")
    assert "script-src 'self'" in POLICY
    assert "frame-ancestors 'none'" in POLICY
    for response in (page, script, signed_out):
        assert response.headers["Content-Security-Policy"] == POLICY
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "no-store"
    assert "no-store" not in script.headers.get("Cache-Control", "")
    assert script.headers["Content-Type"].startswith("text/javascript")
    assert b"htmx" in script.content[:200]


async def test_the_other_routes_are_left_as_they_were(services: Services) -> None:
    async with browser(services) as client:
        health = await client.get("/healthz")
    assert "Content-Security-Policy" not in health.headers


async def test_no_token_sends_the_browser_to_sign_in(services: Services) -> None:
    async with browser(services) as client:
        client.cookies.set("nudge_access", "forged")
        forged = await client.get("/app")
        client.cookies.clear()
        anonymous = await client.post("/app/undo")
    assert forged.status_code == anonymous.status_code == 303
    assert forged.headers["location"] == anonymous.headers["location"] == "/app/sign-in"


async def test_the_pages_speak_the_persons_language(services: Services) -> None:
    french = await make_user(services, phone="+15145550111", locale="fr")
    async with browser(services, french) as client:
        page = await client.get("/app")
    assert '<html lang="fr">' in page.text
    assert "<h1>Aujourd&#39;hui</h1>" in page.text


async def test_the_language_switch_goes_through_the_door_and_undo_switches_back(
    services: Services,
) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        switched = await client.post(
            "/app/settings/language", data={"locale": "fr", "back": "/app/settings"}
        )
        assert switched.status_code == 303
        assert switched.headers["location"] == "/app/settings"
        assert await _locale(services, user_id) == "fr"
        landed = await client.get("/app")
        assert "<p>OK, je t&#39;écris en français.</p>" in landed.text  # the SMS reply, shown
        assert 'action="/app/undo"' in landed.text  # the reply offers to undo
        again = await client.get("/app")
        assert "OK, je t&#39;écris" not in again.text  # shown once
        assert "Annuler mon dernier changement" in again.text  # the undo still stands
        undone = await client.post("/app/undo", data={"back": "/app"})
        assert undone.status_code == 303
    assert await _locale(services, user_id) == "en"


async def _locale(services: Services, user_id: int) -> str:
    async with services.db.transaction() as session:
        locale = await session.scalar(select(User.locale).where(User.id == user_id))
    assert locale is not None
    return locale


@pytest.mark.parametrize(
    ("asked", "sent_to"),
    [
        ("/app/todos", "/app/todos"),
        ("/app?x=1", "/app?x=1"),
        ("https://evil.example/app", "/app"),
        ("//evil.example/app", "/app"),
        ("/app//evil.example", "/app"),
        ("/application", "/app"),
        ("/app\\evil", "/app"),
        ("", "/app"),
    ],
)
def test_a_form_sends_the_browser_back_only_to_the_dashboard(asked: str, sent_to: str) -> None:
    assert back_path(asked) == sent_to


async def test_a_form_post_needs_the_pages_csrf_token(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id, csrf_header=False) as client:
        page = await client.get("/app/settings")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        assert token.group(1) == CSRF  # the field repeats the browser's own cookie
        missing = await client.post("/app/settings/timezone", data={"zone": "Asia/Tokyo"})
        wrong = await client.post(
            "/app/settings/timezone", data={"zone": "Asia/Tokyo", "csrf_token": "guessed"}
        )
        assert missing.status_code == wrong.status_code == 403
        assert "I didn&#39;t save that" in missing.text
        assert await _zone(services, user_id) == "America/Toronto"
        posted = await client.post(
            "/app/settings/timezone", data={"zone": "Asia/Tokyo", "csrf_token": token.group(1)}
        )
    assert posted.status_code == 303
    assert await _zone(services, user_id) == "Asia/Tokyo"


async def test_a_browser_without_a_csrf_cookie_is_given_one_with_the_page(
    services: Services,
) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id, csrf_header=False) as client:
        client.cookies.delete("nudge_csrf")
        page = await client.get("/app")
    given = page.cookies.get("nudge_csrf")
    assert given
    assert f'name="csrf_token" value="{given}"' in page.text


async def _zone(services: Services, user_id: int) -> str:
    async with services.db.transaction() as session:
        zone = await session.scalar(select(User.timezone).where(User.id == user_id))
    assert zone is not None
    return zone
