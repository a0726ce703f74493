"""Todos, memories, messages, today and settings through the API, on both stores."""

from __future__ import annotations

from nudge.clock import FakeClock
from nudge.commands import Remember
from tests.integration.api_world import ANA, World
from tests.integration.memory_helpers import run_as
from tests.phone import TestPhone

T = "/api/v1/todos"


async def test_todos_with_steps_done_one_by_one_and_undone(api: World) -> None:
    await api.ok("ana", "POST", T, {"text": "taxes"})
    made = await api.ok(
        "ana", "POST", T, {"text": "the garage", "steps": ["Clear one shelf", "Sweep the floor"]}
    )
    assert made["said"] == 'First: Clear one shelf. Reply "next" when done.'
    garage = made["todo"]
    assert [(s["text"], s["status"]) for s in garage["steps"]] == [
        ("Clear one shelf", "open"),
        ("Sweep the floor", "later"),
    ]
    listed = await api.ok("ana", "GET", T)
    assert [item["text"] for item in listed["items"]] == ["taxes", "the garage"]
    first, second = (step["id"] for step in garage["steps"])
    waiting = await api.call("ana", "POST", f"{T}/{second}/done")
    assert (waiting.status_code, waiting.json()["code"]) == (409, "todo_not_open")
    step = await api.ok("ana", "POST", f"{T}/{first}/done")
    assert step["said"] == 'Next: Sweep the floor. Reply "next" when done.'
    last = await api.ok("ana", "POST", f"{T}/{second}/done")
    assert last["said"].startswith("All done with the garage")
    assert [i["text"] for i in (await api.ok("ana", "GET", T))["items"]] == ["taxes"]
    await api.ok("ana", "POST", "/api/v1/undo")
    back = await api.ok("ana", "GET", f"{T}/{garage['id']}")
    assert (back["status"], [s["status"] for s in back["steps"]]) == ("open", ["done", "open"])
    done = await api.ok("ana", "GET", T, show="done")
    assert done["items"] == []
    bad = await api.call("ana", "POST", T, {"text": "x", "steps": ["the shelf"]})
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_steps")


async def test_memories_listed_searched_forgotten_and_remembered_again(api: World) -> None:
    for fact in ("my locker code is 4512", "my sister is Julie"):
        await run_as(api.services, ANA, Remember(fact))
    await run_as(api.services, "+15145550102", Remember("my locker code is 9999"))
    listed = await api.ok("ana", "GET", "/api/v1/memories")
    assert [m["text"] for m in listed["items"]] == ["my sister is Julie", "my locker code is 4512"]
    assert listed["items"][1]["created"]["local"] == "2026-11-24T10:00:00-05:00"
    found = await api.ok("ana", "GET", "/api/v1/memories/search", q="locker code")
    assert [hit["memory"]["text"] for hit in found["items"]] == ["my locker code is 4512"]
    code = listed["items"][1]["id"]
    forgot = await api.ok("ana", "DELETE", f"/api/v1/memories/{code}")
    assert forgot["said"] == "Done, removed from memory: my locker code is 4512"
    assert (await api.call("ana", "DELETE", f"/api/v1/memories/{code}")).status_code == 404
    await api.ok("ana", "POST", "/api/v1/undo")
    again = await api.ok("ana", "GET", "/api/v1/memories/search", q="locker")
    assert [hit["memory"]["text"] for hit in again["items"]] == ["my locker code is 4512"]


async def test_messages_both_ways_newest_first_paged_by_cursor(
    api: World, clock: FakeClock
) -> None:
    phone = TestPhone(api.services, ANA)
    for text in ("add milk", "add bread"):
        await phone.ask(text)
        clock.advance(minutes=1)
    page = await api.ok("ana", "GET", "/api/v1/messages", limit=3)
    assert [(m["direction"], m["body"][:10]) for m in page["items"]] == [
        ("out", "Added: bre"),
        ("in", "add bread"),
        ("out", "Added: mil"),
    ]
    rest = await api.ok("ana", "GET", "/api/v1/messages", limit=3, before=page["next_before"])
    assert [(m["direction"], m["body"]) for m in rest["items"]] == [("in", "add milk")]
    assert rest["next_before"] is None
    assert page["items"][1]["at"]["local"] == "2026-11-24T10:01:00-05:00"
    assert (await api.ok("ben", "GET", "/api/v1/messages"))["items"] == []
    bad = await api.call("ana", "GET", "/api/v1/messages", before="sms:1")
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_request")


async def test_today_highlights_one_thing(api: World, clock: FakeClock) -> None:
    await api.ok("ana", "POST", "/api/v1/reminders", {"text": "call mom at 3pm"})
    await api.ok("ana", "POST", T, {"text": "taxes"})
    day = await api.ok("ana", "GET", "/api/v1/today")
    assert (day["day"], day["timezone"]) == ("2026-11-24", "America/Toronto")
    assert [(d["text"], d["at"]["local"]) for d in day["due"]] == [
        ("call mom", "2026-11-24T15:00:00-05:00")
    ]
    assert [t["text"] for t in day["todos"]] == ["taxes"]
    assert day["focus"]["text"] == "call mom"
    assert (await api.ok("ben", "GET", "/api/v1/today"))["focus"] is None


async def test_settings_change_as_the_sms_commands_do(api: World) -> None:
    await api.ok("ana", "POST", "/api/v1/reminders", {"text": "call mom tomorrow at 9"})
    changed = await api.ok(
        "ana",
        "PATCH",
        "/api/v1/me/settings",
        {
            "timezone": "Europe/Paris",
            "quiet_hours": {"start": "23:00", "end": "07:30"},
            "morning_briefing": "07:00",
        },
    )
    assert changed["settings"] == {
        "timezone": "Europe/Paris",
        "language": "en",
        "quiet_hours": {"start": "23:00", "end": "07:30"},
        "morning_briefing": "07:00",
        "evening_checkin": None,
        "opted_out": False,
    }
    assert len(changed["said"]) == 3
    (kept,) = (await api.ok("ana", "GET", "/api/v1/reminders"))["items"]
    assert kept["next"]["local"] == "2026-11-25T09:00:00+01:00"  # local wall time kept
    await api.ok("ana", "POST", "/api/v1/undo")  # the briefing, the one undoable by SMS too
    assert (await api.ok("ana", "GET", "/api/v1/me/settings"))["morning_briefing"] is None
    off = await api.ok("ana", "PATCH", "/api/v1/me/settings", {"quiet_hours": None})
    assert off["settings"]["quiet_hours"] is None
    bad = await api.call("ana", "PATCH", "/api/v1/me/settings", {"timezone": "Mars/Olympus"})
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_timezone")
    me = await api.ok("ana", "GET", "/api/v1/me")
    assert (me["phone"], me["role"], me["scopes"]) == (ANA, "user", ["own:read", "own:write"])
