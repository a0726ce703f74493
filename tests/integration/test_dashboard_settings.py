"""Settings from the dashboard, on SQLite and PostgreSQL: each form is its SMS Command."""

from __future__ import annotations

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.store.tables import User
from tests.integration.dashboard_web import browser
from tests.integration.engine_helpers import make_user


async def _user(services: Services, user_id: int) -> User:
    async with services.db.transaction() as session:
        return (await session.execute(select(User).where(User.id == user_id))).scalar_one()


async def test_the_page_shows_the_persons_settings(services: Services) -> None:
    user_id = await make_user(services, quiet_start="23:00", quiet_end="07:00")
    async with browser(services, user_id) as client:
        page = await client.get("/app/settings")
    assert page.status_code == 200
    assert 'value="America/Toronto"' in page.text
    assert 'name="start" value="23:00"' in page.text
    assert '<option value="Europe/Paris">' in page.text


async def test_time_zone_quiet_hours_and_briefings_change_as_by_sms(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        zone = await client.post("/app/settings/timezone", data={"zone": "Europe/Paris"})
        quiet = await client.post(
            "/app/settings/quiet-hours", data={"start": "21:30", "end": "06:45"}
        )
        morning = await client.post("/app/settings/briefing/morning", data={"at": "07:15"})
        evening = await client.post("/app/settings/briefing/evening", data={"at": ""})
        landed = await client.get("/app/settings")
    assert [r.status_code for r in (zone, quiet, morning, evening)] == [303] * 4
    assert {r.headers["location"] for r in (zone, quiet, morning, evening)} == {"/app/settings"}
    user = await _user(services, user_id)
    assert (user.timezone, user.quiet_start, user.quiet_end) == ("Europe/Paris", "21:30", "06:45")
    assert (user.briefing_at, user.checkin_at) == ("07:15", None)
    assert user.briefing_next_at is not None
    assert "OK, no more evening check-in." in landed.text  # the last reply, as SMS says it


async def test_quiet_hours_both_empty_turn_them_off(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        await client.post("/app/settings/quiet-hours", data={"start": "", "end": ""})
    user = await _user(services, user_id)
    assert (user.quiet_start, user.quiet_end) == ("", "")


async def test_what_cannot_be_read_changes_nothing_and_says_so(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        zone = await client.post("/app/settings/timezone", data={"zone": "Mars/Olympus"})
        half = await client.post("/app/settings/quiet-hours", data={"start": "22:00", "end": ""})
        clock = await client.post("/app/settings/briefing/morning", data={"at": "7h"})
    assert [r.status_code for r in (zone, half, clock)] == [422] * 3
    assert "I don&#39;t know that time zone." in zone.text
    assert "I couldn&#39;t read that time." in clock.text
    user = await _user(services, user_id)
    assert (user.timezone, user.quiet_start, user.briefing_at) == ("America/Toronto", "22:00", None)


async def test_another_persons_cookie_changes_only_their_own(services: Services) -> None:
    first = await make_user(services)
    second = await make_user(services, phone="+15145550122")
    async with browser(services, second) as client:
        await client.post("/app/settings/timezone", data={"zone": "Asia/Tokyo"})
        page = await client.get("/app/settings")
    assert (await _user(services, first)).timezone == "America/Toronto"
    assert (await _user(services, second)).timezone == "Asia/Tokyo"
    assert 'value="Asia/Tokyo"' in page.text
