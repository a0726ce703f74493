"""The real google-genai and OpenAI-compatible code paths against loopback fakes."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from nudge.agent import factory
from nudge.bootstrap import build
from nudge.clock import FakeClock
from nudge.store.migrate import upgrade
from nudge.store.tables import LlmUsage, Todo
from tests.conftest import _clean, make_settings
from tests.fakes.gemini_server import FakeGemini
from tests.fakes.openai_server import FakeOpenAI
from tests.phone import TestPhone


async def _run(
    url: str, clock: FakeClock, phrase: str, **settings: object
) -> tuple[str, list[Todo], list[LlmUsage]]:
    services = build(make_settings(url, **settings), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    try:
        reply = await TestPhone(services).ask(phrase)
        async with services.db.transaction() as session:
            todos = list((await session.execute(select(Todo))).scalars())
            usage = list((await session.execute(select(LlmUsage))).scalars())
        return reply, todos, usage
    finally:
        await services.close()


async def test_gemini_function_call_round_trip(database_url: str, clock: FakeClock) -> None:
    with FakeGemini() as fake:
        fake.function_call("add_todo", {"text": "renew passport"})
        fake.text("Added it. One thing at a time!")
        reply, todos, usage = await _run(
            database_url, clock, "passport thing needs doing",
            gemini_api_key="test-key", gemini_base_url=fake.base_url,
        )  # fmt: skip
    assert reply == "Added it. One thing at a time!"
    assert [todo.text for todo in todos] == ["renew passport"]
    assert [(u.provider, u.input_tokens, u.output_tokens) for u in usage] == [
        ("gemini", 120, 15), ("gemini", 150, 20)
    ]  # fmt: skip
    path, headers, body = fake.requests[0]
    assert path.endswith("/models/gemini-2.5-flash:generateContent")
    assert headers["x-goog-api-key"] == "test-key"
    assert "ADHD" in body["systemInstruction"]["parts"][0]["text"]
    names = {f["name"] for f in body["tools"][0]["functionDeclarations"]}
    assert {"create_reminder", "add_todo", "recall"} <= names
    second = fake.requests[1][2]["contents"]
    assert second[1]["parts"][0]["functionCall"]["name"] == "add_todo"
    assert second[2]["parts"][0]["functionResponse"]["response"]["result"].startswith("<untrusted")


async def test_gemini_error_falls_back_to_rules(database_url: str, clock: FakeClock) -> None:
    with FakeGemini() as fake:
        fake.error(400)
        reply, todos, usage = await _run(
            database_url, clock, "passport thing needs doing",
            gemini_api_key="k", gemini_base_url=fake.base_url,
        )  # fmt: skip
    assert reply.startswith("Sorry, I didn't get that")
    assert todos == []


async def test_openai_compatible_round_trip(database_url: str, clock: FakeClock) -> None:
    with FakeOpenAI() as fake:
        fake.tool_call("add_todo", {"text": "call the plumber"})
        fake.text("On your list.")
        reply, todos, usage = await _run(
            database_url, clock, "plumber, ugh",
            openai_base_url=fake.base_url + "/v1", openai_model="llama3", openai_api_key="sk-x",
        )  # fmt: skip
    assert reply == "On your list."
    assert [t.text for t in todos] == ["call the plumber"]
    assert [(u.provider, u.input_tokens) for u in usage] == [("openai", 100), ("openai", 100)]
    path, headers, body = fake.requests[1]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer sk-x"
    assert body["messages"][2]["tool_calls"][0]["function"]["name"] == "add_todo"
    assert body["messages"][3]["role"] == "tool"


def test_no_key_means_rules_only() -> None:
    settings = make_settings("sqlite+aiosqlite:///unused.db")
    assert factory.chat_model(settings, httpx.AsyncClient()) is None
