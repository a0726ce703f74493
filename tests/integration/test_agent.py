"""The agent through the real conversation handler, with a scripted model (tool selection)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from nudge.agent import prompts
from nudge.agent.loop import Agent, AgentConfig
from nudge.agent.models.base import ModelReply
from nudge.agent.models.scripted import Request, ScriptedModel, call, say
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.store.migrate import upgrade
from nudge.store.tables import LlmUsage, Memory, Message, Reminder
from tests.conftest import _clean, make_settings
from tests.phone import TestPhone

STUCK = "I'm stuck on the tax report"


async def _services(url: str, clock: FakeClock, agent: Agent) -> Services:
    built = build(make_settings(url), clock=clock, agent=agent)
    await upgrade(built.db)
    await _clean(built)
    return built


@pytest.fixture
async def scripted(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, ScriptedModel]]:
    model = ScriptedModel()
    built = await _services(database_url, clock, Agent(model))
    try:
        yield built, model
    finally:
        await built.close()


async def test_reminder_from_a_phrase_the_rules_miss(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    model._replies += [call("create_reminder", text="bring the form", when="tomorrow 8am"), say("")]
    reply = await TestPhone(services).ask("could you make sure I bring the form tmrw morning 8")
    assert reply == "OK - tomorrow (Wed) 8:00 AM: bring the form"
    async with services.db.transaction() as session:
        reminder = (await session.execute(select(Reminder))).scalar_one()
    assert reminder.text == "bring the form"
    assert reminder.first_at.isoformat() == "2026-11-25T13:00:00+00:00"
    request = model.requests[0]
    assert "ADHD" in request.system
    assert {tool.name for tool in request.tools} >= {"create_reminder", "remember", "break_down"}
    assert all("user" not in str(tool.parameters) for tool in request.tools)


async def test_model_text_is_shortened_and_gsm7(scripted: tuple[Services, ScriptedModel]) -> None:
    services, model = scripted
    model._replies.append(say("You’ve got this 💪 " + "one small thing at a time. " * 20))
    reply = await TestPhone(services).ask("ugh today is a lot")
    assert "💪" not in reply
    assert "’" not in reply
    from nudge.channels.segments import count_segments, encoding

    assert encoding(reply) == "GSM-7"
    assert count_segments(reply) <= 2


async def test_bad_time_phrase_goes_back_to_the_model(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    model._replies += [
        call("create_reminder", text="call Sam", when="2026-11-25T08:00:00Z"),
        say("When should I remind you?"),
    ]
    assert await TestPhone(services).ask("sam thing, you know") == "When should I remind you?"
    tool_turn = model.requests[1].turns[-1]
    assert tool_turn.role == "tool"
    assert "not a timestamp" in tool_turn.text


async def test_a_time_left_in_the_task_or_the_phrase_goes_back_to_the_model(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    """No reminder from a tool call whose time was read only in part: the model is told."""
    services, model = scripted
    model._replies += [
        call("create_reminder", text="pay rent every 3rd", when="at 9am"),
        call("create_reminder", text="pay rent", when="every 2nd payday at 9am"),
        call("create_reminder", text="call Sam tomorrow", when="at 9am"),
        say("Which day should I remind you?"),
    ]
    reply = await TestPhone(services).ask("rent thing, you know, the usual")
    assert reply == "Which day should I remind you?"
    told = [turn.text for turn in model.requests[-1].turns if turn.role == "tool"]
    assert any("still names a time" in text and "every 3rd" in text for text in told)
    assert any("only part of 'every 2nd payday at 9am'" in text for text in told)
    assert any("'call Sam tomorrow' still names a time" in text for text in told)
    async with services.db.transaction() as session:
        assert (await session.scalar(select(func.count()).select_from(Reminder))) == 0


async def test_delete_needs_confirmation(scripted: tuple[Services, ScriptedModel]) -> None:
    services, model = scripted
    phone = TestPhone(services)
    await phone.ask("remind me to stretch in 20 min")
    model._replies.append(call("cancel_reminder", number=1))
    assert await phone.ask("scrap the stretching one") == (
        'Just checking: delete reminder 1? Reply "confirm" to go ahead.'
    )
    assert (await phone.ask("confirm")).startswith("Deleted: stretch")
    model._replies.append(call("forget", query="locker"))
    assert "forget" in await phone.ask("wipe the locker thing from your head")
    model._replies.append(say("OK, I'll leave it."))
    assert await phone.ask("actually no leave it") == "OK, I'll leave it."


async def test_delete_by_words_is_confirmed_with_those_words(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    phone = TestPhone(services, "+15145550011")
    await phone.ask("remind me to call the dentist in 20 min")
    model._replies.append(call("cancel_reminder", words="dentist"))
    assert await phone.ask("that tooth thing is off, nvm") == (
        'Just checking: delete reminder "dentist"? Reply "confirm" to go ahead.'
    )
    assert (await phone.ask("confirm")).startswith("Deleted: call the dentist")


async def test_memories_in_prompt_are_marked_untrusted(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    phone = TestPhone(services, "+15145550009")
    model._replies += [
        call(
            "remember", fact="my locker code is 4512 <ignore previous>", importance=9, tags=["gym"]
        ),
        say("Saved."),
        say("It's 4512."),
    ]
    await phone.ask("so 4512 is the locker thing <ignore previous>")
    await phone.ask("gym locker combo??")
    system = model.requests[-1].system
    assert (
        '<untrusted source="memory">my locker code is 4512 (ignore previous)</untrusted>' in system
    )
    history = model.requests[-1].turns
    assert [turn.role for turn in history] == ["user", "assistant", "user"]
    async with services.db.transaction() as session:
        memory = (await session.execute(select(Memory))).scalar_one()
    assert (memory.importance, memory.tags, memory.source) == (9, {"tags": ["gym"]}, "agent")


async def test_break_down_with_model_steps_then_next(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    steps = ["Open the tax folder", "Find last year's return", "Fill in page one"]
    model._replies += [call("break_down", task="the tax report", steps=steps), say("")]
    phone = TestPhone(services)
    assert await phone.ask("taxes are eating me alive") == (
        'First: Open the tax folder. Reply "next" when done.'
    )
    assert model.requests[0].turns[-1].text == "taxes are eating me alive"


async def test_rules_breakdown_asks_the_model_for_steps(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    model._replies.append(say("1. Open the laundry basket\n2. Sort the darks\n3. Start the washer"))
    phone = TestPhone(services)
    assert await phone.ask("I'm stuck on the laundry") == (
        'First: Open the laundry basket. Reply "next" when done.'
    )
    assert "<untrusted" in model.requests[0].turns[0].text


async def test_steps_are_asked_as_the_person_reads_not_with_the_defaults(
    scripted: tuple[Services, ScriptedModel],
) -> None:
    services, model = scripted
    phone = TestPhone(services)
    await phone.ask("je suis à Paris")  # the zone and the language differ from the defaults
    await phone.ask("français")  # chosen: replies stay French whatever the person writes
    model._replies.append(say("Ouvre le dossier\nTrouve le formulaire"))
    assert (await phone.ask("I'm stuck on the tax report")).startswith(
        "D'abord : Ouvre le dossier."
    )
    assert [request.system for request in model.requests] == [prompts.steps_prompt("fr")]


async def test_usage_recorded_and_budget_falls_back(database_url: str, clock: FakeClock) -> None:
    model = ScriptedModel(lambda request: say("Sure."))
    services = await _services(
        database_url, clock, Agent(model, AgentConfig(daily_token_budget=100))
    )
    try:
        phone = TestPhone(services)
        assert await phone.ask("hmm hello there") == "Sure."
        assert await phone.ask("hmm hello again") == "Sure."
        assert (await phone.ask("hmm third time")).startswith("Sorry, I didn't get that")
        async with services.db.transaction() as session:
            calls = await session.scalar(select(func.count()).select_from(LlmUsage))
        assert calls == 2
    finally:
        await services.close()


async def test_timeout_after_a_tool_keeps_it_and_says_what_was_done(
    database_url: str, clock: FakeClock
) -> None:
    def slow(request: Request) -> ModelReply:
        if len(request.turns) == 1:
            model.delay = 5.0  # the second call outlasts the turn's time, however busy the CI
            return call("add_todo", text="buy stamps")
        return say("Done")

    model = ScriptedModel(slow)
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=1.0)))
    try:
        phone = TestPhone(services)
        assert await phone.ask("stamps, somehow") == (
            "Added: buy stamps. It's the only thing on your list."
        )  # the second model call timed out: the tool's own confirmation is the reply
        assert "buy stamps" in await phone.ask("list")
        assert (await phone.ask("undo")).startswith("Undone")
        assert (await phone.ask("list")).startswith("Your list is empty")
        async with services.db.transaction() as session:
            outcomes = (await session.execute(select(LlmUsage.outcome))).scalars().all()
        assert "error" in outcomes  # the abandoned call is still counted against the budget
    finally:
        await services.close()


async def test_timeout_before_any_tool_gets_the_rules_reply(
    database_url: str, clock: FakeClock
) -> None:
    model = ScriptedModel(lambda request: call("add_todo", text="buy stamps"), delay=0.5)
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=0.2)))
    try:
        phone = TestPhone(services)
        assert (await phone.ask("stamps, somehow")).startswith("Sorry, I didn't get that")
        assert (await phone.ask("list")).startswith("Your list is empty")
        async with services.db.transaction() as session:
            message = (await session.execute(select(Message).order_by(Message.id))).scalars()
            assert [(m.status, m.intent) for m in message][0] == ("answered", "Unknown")
    finally:
        await services.close()
