"""Each dashboard page renders for a person and shows only their data (SQLite and PostgreSQL).

Through the whole ASGI app with a real access cookie; a second person's cookie is used on
every page to check nothing of the first person's shows.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import AddTodo, BreakDown
from nudge.store.roles import Role
from nudge.store.tables import User
from tests.integration.dashboard_web import browser
from tests.integration.engine_helpers import make_user, run_command
from tests.phone import TestPhone

PAGES = ("/app", "/app/reminders", "/app/todos", "/app/memory", "/app/history", "/app/settings")
SECRET_WORDS = ("water the ferns", "renew passport", "bike lock is 7731")


async def _first_person(services: Services, clock: FakeClock) -> int:
    """A person who texted a reminder, an item and a fact, as anyone would."""
    phone = TestPhone(services)
    await phone.text("remind me to water the ferns in 2 hours")
    await phone.text("add renew passport to my list")
    handled = await phone.text("remember my bike lock is 7731")
    assert handled.user_id is not None
    return handled.user_id


async def test_every_page_renders_the_persons_own_data(
    services: Services, clock: FakeClock
) -> None:
    user_id = await _first_person(services, clock)
    async with browser(services, user_id) as client:
        pages = {path: await client.get(path) for path in PAGES}
    assert {path: page.status_code for path, page in pages.items()} == dict.fromkeys(PAGES, 200)
    assert "water the ferns" in pages["/app"].text
    assert "today 12:00 PM" in pages["/app"].text  # Tue 10:00 in Toronto, plus two hours
    assert "water the ferns" in pages["/app/reminders"].text
    assert "renew passport" in pages["/app/todos"].text
    assert "bike lock is 7731" in pages["/app/memory"].text
    history = pages["/app/history"].text
    assert "add renew passport to my list" in history  # what they texted
    assert "Added: renew passport." in history  # and what Nudge answered


async def test_a_second_persons_cookie_never_sees_the_first_persons_data(
    services: Services, clock: FakeClock
) -> None:
    await _first_person(services, clock)
    second = await make_user(services, phone="+15145550122")
    async with browser(services, second) as client:
        for path in (*PAGES, "/app/memory?q=bike"):
            page = await client.get(path)
            assert page.status_code == 200, path
            assert not any(words in page.text for words in SECRET_WORDS), path


async def test_the_list_shows_each_items_steps(services: Services) -> None:
    user_id = await make_user(services)
    await run_command(services, user_id, AddTodo("taxes"))
    await run_command(services, user_id, BreakDown("1"))
    async with browser(services, user_id) as client:
        page = await client.get("/app/todos")
    assert 'aria-label="Steps of taxes"' in page.text
    assert "Get out what you need for taxes" in page.text


async def test_the_admin_console_is_for_admins_only(services: Services) -> None:
    user_id = await make_user(services)
    admin_id = await make_user(services, phone="+15145550133")
    async with services.db.transaction() as session:
        await session.execute(update(User).where(User.id == admin_id).values(role=Role.ADMIN))
    async with browser(services, user_id) as client:
        refused = await client.get("/app/admin")
        home = await client.get("/app")
    async with browser(services, admin_id) as client:
        console = await client.get("/app/admin")
        admin_home = await client.get("/app")
    assert refused.status_code == 403
    assert "This page isn&#39;t part of your account." in refused.text
    assert 'href="/app/admin"' not in home.text
    assert console.status_code == 200
    assert 'href="/app/admin"' in admin_home.text
    assert "+1514*****01" in console.text  # people listed, phones masked
    assert "+15145550001" not in console.text


@pytest.mark.parametrize("path", ["/app/history?before=nonsense", "/app/memory?q=" + "x" * 300])
async def test_what_a_page_cannot_take_is_refused_plainly(services: Services, path: str) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        page = await client.get(path)
    assert page.status_code == 422


async def test_an_admin_changes_a_role_and_a_user_cannot(services: Services) -> None:
    user_id = await make_user(services)
    admin_id = await make_user(services, phone="+15145550133")
    async with services.db.transaction() as session:
        await session.execute(update(User).where(User.id == admin_id).values(role=Role.ADMIN))
    async with browser(services, user_id) as client:
        refused = await client.post(f"/app/admin/people/{admin_id}/role", data={"role": "user"})
    async with browser(services, admin_id) as client:
        changed = await client.post(f"/app/admin/people/{user_id}/role", data={"role": "premium"})
        console = await client.get("/app/admin")
    assert refused.status_code == 403
    assert changed.status_code == 303
    assert "Done: their role is now premium." in console.text
    async with services.db.transaction() as session:
        rows = await session.execute(select(User.id, User.role))
        roles = {person: role for person, role in rows}
    assert roles == {user_id: Role.PREMIUM, admin_id: Role.ADMIN}
