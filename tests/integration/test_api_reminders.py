"""Reminders through the API (ASGI, real tokens, both stores): every change, and its undo."""

from __future__ import annotations

from datetime import timedelta

from nudge.clock import FakeClock
from tests.integration.api_world import World
from tests.phone import TestPhone

R = "/api/v1/reminders"


async def test_from_a_phrase_says_the_local_time_and_the_utc(api: World) -> None:
    made = await api.ok("ana", "POST", R, {"text": "call mom tomorrow at 9"})
    assert made["said"] == "OK - tomorrow (Wed) 9:00 AM: call mom"
    reminder = made["reminder"]
    assert reminder["text"] == "call mom"
    assert reminder["next"] == {"local": "2026-11-25T09:00:00-05:00", "utc": "2026-11-25T14:00:00Z"}
    assert reminder["state"] == "active"
    weekly = await api.ok("ana", "POST", R, {"text": "every monday at 8 take pills"})
    assert weekly["reminder"]["rrule"] == "FREQ=WEEKLY;BYDAY=MO"
    assert weekly["reminder"]["repeats"] == "every Monday"


async def test_a_phrase_without_a_time_is_the_question_never_a_guess(api: World) -> None:
    cases = {
        "call mom": ("needs_time", "When should I remind you to call mom?"),
        "tomorrow at 9": ("needs_task", "What should I remind you of tomorrow (Wed) 9:00 AM?"),
        "call mom yesterday at 9": ("time_passed", "Got it, but Mon Nov 23 9:00 AM has already"),
        "add milk to my list": ("needs_time", "When should I remind you to add milk"),
        "call mom in 3000 years": ("too_far", "Got it, but "),
    }
    for text, (code, start) in cases.items():
        response = await api.call("ana", "POST", R, {"text": text})
        assert response.status_code == 422, text
        body = response.json()
        assert body["code"] == code, (text, body)
        assert body["message"].startswith(start), (text, body)
        assert body["understood"]["code"] == code
    assert (await api.ok("ana", "GET", R))["items"] == []  # nothing was created
    bye = await api.call("ana", "POST", R, {"text": "hello there"})
    assert (bye.status_code, bye.json()["code"]) == (422, "needs_time")


async def test_preview_says_what_would_be_created_and_creates_nothing(api: World) -> None:
    shown = await api.ok("ana", "POST", f"{R}/preview", {"text": "every day at 8am take pills"})
    assert shown == {
        "code": None,
        "said": "OK - every day, first tomorrow (Wed) 8:00 AM: take pills",
        "task": "take pills",
        "at": {"local": "2026-11-25T08:00:00-05:00", "utc": "2026-11-25T13:00:00Z"},
        "rrule": "FREQ=DAILY",
        "repeats": "every day",
    }
    asked = await api.ok("ana", "POST", f"{R}/preview", {"text": "call mom"})
    assert (asked["code"], asked["task"], asked["at"]) == ("needs_time", "call mom", None)
    assert (await api.ok("ana", "GET", R))["items"] == []


async def test_in_french_for_a_french_speaker(api: World) -> None:
    await api.ok("ana", "PATCH", "/api/v1/me/settings", {"language": "fr"})
    made = await api.ok("ana", "POST", R, {"text": "appeler maman demain à 9h"})
    assert made["said"] == "OK - demain (mer.) 9:00 : appeler maman"
    asked = await api.call("ana", "POST", R, {"text": "appeler maman"})
    assert asked.json()["message"].startswith("Quand veux-tu que je te rappelle d'appeler maman")


async def test_from_fields_checks_the_rule_and_refuses_past_times(
    api: World, clock: FakeClock
) -> None:
    at = "2026-11-25T08:00:00-05:00"
    made = await api.ok("ana", "POST", R, {"task": "pills", "at": at, "rrule": "FREQ=DAILY"})
    assert made["said"] == "OK - every day, first tomorrow (Wed) 8:00 AM: pills"
    assert made["reminder"]["first"]["utc"] == "2026-11-25T13:00:00Z"
    refused = {
        "invalid_rrule": {"task": "x", "at": at, "rrule": "FREQ=SECONDLY"},
        "time_passed": {"task": "x", "at": "2026-11-24T09:59:00-05:00"},
        "too_far": {"task": "x", "at": "2040-01-01T09:00:00+00:00"},
    }
    for code, body in refused.items():
        response = await api.call("ana", "POST", R, body)
        assert (response.status_code, response.json()["code"]) == (422, code), body
    for rule in ("FREQ=MINUTELY", "FREQ=DAILY;INTERVAL=0", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"):
        response = await api.call("ana", "POST", R, {"task": "x", "at": at, "rrule": rule})
        assert response.json()["code"] == "invalid_rrule", rule
    naive = await api.call("ana", "POST", R, {"task": "x", "at": "2026-11-25T08:00:00"})
    assert (naive.status_code, naive.json()["code"]) == (422, "invalid_request")
    assert len((await api.ok("ana", "GET", R))["items"]) == 1


async def test_edit_pause_resume_delete_and_undo_each(api: World) -> None:
    made = await api.ok("ana", "POST", R, {"text": "call mom tomorrow at 9"})
    path = f"{R}/{made['reminder']['id']}"
    edited = await api.ok(
        "ana", "PATCH", path, {"text": "call dad", "at": "2026-11-26T18:00:00-05:00"}
    )
    assert edited["said"] == "Changed: call dad, next Thu Nov 26 6:00 PM."
    assert edited["reminder"]["next"]["local"] == "2026-11-26T18:00:00-05:00"
    assert (await api.ok("ana", "POST", "/api/v1/undo"))[
        "said"
    ] == "Undone. call mom is back as it was."
    assert (await api.ok("ana", "GET", path))["next"]["local"] == "2026-11-25T09:00:00-05:00"
    weekly = await api.ok("ana", "PATCH", path, {"rrule": "FREQ=WEEKLY"})
    assert (
        weekly["reminder"]["repeats"] == "every Wednesday"
        or weekly["reminder"]["rrule"] == "FREQ=WEEKLY"
    )
    one_off = await api.ok("ana", "PATCH", path, {"rrule": None})
    assert one_off["reminder"]["rrule"] is None
    paused = await api.ok("ana", "POST", f"{path}/pause")
    assert (paused["reminder"]["state"], paused["reminder"]["next"]) == ("paused", None)
    again = await api.call("ana", "POST", f"{path}/pause")
    assert (again.status_code, again.json()["code"]) == (409, "reminder_not_active")
    assert (await api.ok("ana", "POST", "/api/v1/undo"))["undone"] is True
    assert (await api.ok("ana", "GET", path))["state"] == "active"
    await api.ok("ana", "POST", f"{path}/pause")
    resumed = await api.ok("ana", "POST", f"{path}/resume")
    assert resumed["reminder"]["next"]["local"] == "2026-11-25T09:00:00-05:00"
    await api.ok("ana", "POST", "/api/v1/undo")
    assert (await api.ok("ana", "GET", path))["state"] == "paused"
    deleted = await api.ok("ana", "DELETE", path)
    assert deleted["reminder"]["state"] == "cancelled"
    await api.ok("ana", "POST", "/api/v1/undo")
    assert (await api.ok("ana", "GET", path))["state"] == "paused"
    nothing = await api.ok("ana", "POST", "/api/v1/undo")
    assert nothing == {"said": "Nothing to undo right now.", "undone": False}


async def test_done_and_snooze_act_on_the_texted_firing_and_undo(
    api: World, clock: FakeClock
) -> None:
    made = await api.ok("ana", "POST", R, {"text": "stretch in 5 min"})
    path = f"{R}/{made['reminder']['id']}"
    early = await api.call("ana", "POST", f"{path}/snooze", {"minutes": 10})
    assert (early.status_code, early.json()["code"]) == (409, "nothing_to_snooze")
    clock.advance(minutes=6)
    await api.services.scheduler.run_once()
    waiting = await api.ok("ana", "GET", path)
    assert waiting["waiting_firing_id"] is not None
    snoozed = await api.ok("ana", "POST", f"{path}/snooze", {"minutes": 15})
    assert snoozed["said"].startswith("OK, again today 10:21 AM: stretch")
    assert snoozed["reminder"]["next"]["local"] == "2026-11-24T10:21:00-05:00"
    await api.ok("ana", "POST", "/api/v1/undo")
    assert (await api.ok("ana", "GET", path))["next"] is None
    done = await api.ok("ana", "POST", f"{path}/done")
    assert (done["said"], done["reminder"]["state"]) == ("Nice, done: stretch.", "done")
    await api.ok("ana", "POST", "/api/v1/undo")
    assert (await api.ok("ana", "GET", path))["state"] == "active"
    fired = await api.ok("ana", "GET", f"{path}/occurrences")
    assert [item["state"] for item in fired["items"]] == ["cancelled", "sent"]
    assert fired["items"][1]["sent"]["local"] == "2026-11-24T10:06:00-05:00"


async def test_undo_is_the_same_slot_as_sms(api: World) -> None:
    phone = TestPhone(api.services, "+15145550101")  # Ana's number
    made = await api.ok("ana", "POST", R, {"text": "call mom tomorrow at 9"})
    assert await phone.ask("undo") == "Undone. No reminder for: call mom."
    assert (await api.ok("ana", "GET", f"{R}/{made['reminder']['id']}"))["state"] == "cancelled"
    await phone.ask("remind me to water the plants at 6pm")
    undone = await api.ok("ana", "POST", "/api/v1/undo")
    assert undone["said"] == "Undone. No reminder for: water the plants."


async def test_lists_page_and_upcoming_is_soonest_first(api: World, clock: FakeClock) -> None:
    for hours in (3, 1, 2):
        at = (clock.now() + timedelta(hours=hours)).isoformat()
        await api.ok("ana", "POST", R, {"task": f"in {hours}h", "at": at})
    first = await api.ok("ana", "GET", R, limit=2)
    rest = await api.ok("ana", "GET", R, limit=2, before=first["next_before"])
    assert [r["text"] for r in first["items"] + rest["items"]] == ["in 2h", "in 1h", "in 3h"]
    assert rest["next_before"] is None
    soonest = await api.ok("ana", "GET", f"{R}/upcoming")
    assert [r["text"] for r in soonest["items"]] == ["in 1h", "in 2h", "in 3h"]
    active = await api.ok("ana", "GET", R, state=["active"])
    assert len(active["items"]) == 3
    assert (await api.ok("ana", "GET", R, state=["paused"]))["items"] == []
