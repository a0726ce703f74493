"""An agent turn holds no transaction while the model thinks, and is answered even if cut short."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

import pytest
from sqlalchemy import func, select

from nudge.agent.loop import Agent, AgentConfig
from nudge.agent.models.base import ModelReply, ToolSpec, Turn
from nudge.agent.models.scripted import ScriptedModel, call, say
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.conversation import state as dialogue
from nudge.conversation.agent_turn import SWEEP_MARGIN as SWEEP
from nudge.conversation.handler import Handled
from nudge.store.tables import LlmUsage, Message, Occurrence, Outbox, Todo
from nudge.texts.catalog import render
from tests.conftest import make_settings
from tests.integration.engine_helpers import add_reminder, make_user
from tests.integration.test_agent import _services
from tests.phone import TestPhone

TIMEOUT = 8.0  # the agent's default; the sweep waits this plus SWEEP_MARGIN
SORRY = "Sorry, I didn't get that"


class GatedModel(ScriptedModel):
    """A scripted model whose calls wait for the test to open the gate (the model "thinks")."""

    def __init__(self, replies: Sequence[ModelReply], *, hold: set[int]) -> None:
        super().__init__(replies)
        self.hold = hold  # which calls (0-based) wait for the gate
        self.thinking = asyncio.Event()
        self.gate = asyncio.Event()

    async def complete(
        self, *, system: str, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> ModelReply:
        if len(self.requests) in self.hold:
            self.thinking.set()
            await self.gate.wait()
        return await super().complete(system=system, turns=turns, tools=tools)


@pytest.fixture
async def gated(database_url: str, clock: FakeClock) -> AsyncIterator[tuple[Services, GatedModel]]:
    model = GatedModel([call("add_todo", text="buy stamps"), say("Added.")], hold={0})
    built = await _services(database_url, clock, Agent(model, AgentConfig(timeout=TIMEOUT)))
    try:
        yield built, model
    finally:
        model.gate.set()
        await built.close()


async def _thinking(services: Services, model: GatedModel, body: str) -> asyncio.Task[Handled]:
    """Text ``body`` and return once the model is thinking about it (the turn left running)."""
    turn = asyncio.create_task(TestPhone(services).text(body))
    await asyncio.wait_for(model.thinking.wait(), 5)
    return turn


async def _count(services: Services, model: type[object]) -> int:
    async with services.db.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_others_write_while_the_model_thinks(
    gated: tuple[Services, GatedModel], clock: FakeClock
) -> None:
    services, model = gated
    sam = await make_user(services, "+15145550002")
    await add_reminder(services, sam, "stretch", clock.now())  # due now
    turn = await _thinking(services, model, "stamps, somehow")
    # with the turn's transaction open, SQLite's write lock (or row locks) would hold these
    claimed = await asyncio.wait_for(services.scheduler.run_once(), 2)
    other = await asyncio.wait_for(TestPhone(services, "+15145550003").text("list"), 2)
    assert claimed == 1
    assert (other.reply or "").startswith("Your list is empty")
    assert not turn.done()
    model.gate.set()
    handled = await asyncio.wait_for(turn, 5)
    assert handled.reply == "Added."
    assert await _count(services, Occurrence) == 1


async def test_turn_cut_short_is_answered_once_by_the_sweep(
    gated: tuple[Services, GatedModel], database_url: str, clock: FakeClock
) -> None:
    services, model = gated
    turn = await _thinking(services, model, "stamps, somehow")
    turn.cancel()  # the process dies while the model thinks: phase 3 never runs
    with pytest.raises(asyncio.CancelledError):
        await turn
    await services.close()
    restarted = build(make_settings(database_url), clock=clock)  # another process
    try:
        phone = TestPhone(restarted)
        clock.advance(seconds=TIMEOUT + SWEEP.total_seconds() - 1)
        assert await phone.inbox() == []  # the turn may still be running somewhere
        clock.advance(seconds=2)
        replies = await phone.inbox()
        assert [reply[: len(SORRY)] for reply in replies] == [SORRY]  # the rules' reply
        clock.advance(minutes=5)
        assert await phone.inbox() == []
        assert await _count(restarted, Outbox) == 1
        async with restarted.db.transaction() as session:
            message = (await session.execute(select(Message))).scalar_one()
        assert (message.status, message.intent) == ("answered", "Unknown")
    finally:
        await restarted.close()


async def test_sweep_tells_what_a_tool_did_before_the_process_died(
    database_url: str, clock: FakeClock
) -> None:
    model = GatedModel([call("add_todo", text="buy stamps"), say("Added.")], hold={1})
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=TIMEOUT)))
    try:
        turn = await _thinking(services, model, "stamps, somehow")  # the tool ran, then...
        turn.cancel()
        with pytest.raises(asyncio.CancelledError):
            await turn
        phone = TestPhone(services)
        clock.advance(seconds=TIMEOUT + SWEEP.total_seconds() + 1)
        assert await phone.inbox() == ["Added: buy stamps. It's the only thing on your list."]
        model.hold.clear()
        assert (await phone.ask("undo")).startswith("Undone")  # what was done stays undoable
        assert await _count(services, Todo) == 0
    finally:
        model.gate.set()
        await services.close()


async def test_late_turn_after_the_sweep_changes_nothing(
    gated: tuple[Services, GatedModel], clock: FakeClock
) -> None:
    services, model = gated
    turn = await _thinking(services, model, "stamps, somehow")
    phone = TestPhone(services)
    clock.advance(seconds=TIMEOUT + SWEEP.total_seconds() + 1)
    replies = await phone.inbox()  # the sweep answered while the model was still thinking
    assert [reply[: len(SORRY)] for reply in replies] == [SORRY]
    model.gate.set()  # the model wakes up and asks for add_todo: too late
    await asyncio.wait_for(turn, 5)
    assert await phone.inbox() == []
    assert await _count(services, Todo) == 0  # rolled back: the person was told nothing was done
    assert await _count(services, LlmUsage) == 1  # its tokens still count


async def test_no_reply_to_who_opted_out_while_the_model_thought(
    gated: tuple[Services, GatedModel],
) -> None:
    services, model = gated
    turn = await _thinking(services, model, "stamps, somehow")
    phone = TestPhone(services)
    stop = await asyncio.wait_for(phone.text("STOP"), 2)
    assert stop.intent == "opt_out"
    model.gate.set()
    handled = await asyncio.wait_for(turn, 5)
    assert handled.outbox_id is None
    assert await phone.inbox() == [render("en", "opted_out")]  # and no agent reply


async def test_a_tool_call_waits_for_the_persons_dialogue_row(
    gated: tuple[Services, GatedModel],
) -> None:
    services, model = gated
    turn = await _thinking(services, model, "stamps, somehow")
    async with services.db.transaction() as session:  # another message of the same person
        await dialogue.load_by_phone(session, phone=TestPhone(services).number)
        model.gate.set()  # the model asks for add_todo now...
        await asyncio.sleep(0.3)
        assert not turn.done()  # ...and its transaction waits for this one
    handled = await asyncio.wait_for(turn, 5)
    assert handled.reply == "Added."
    assert await _count(services, Todo) == 1


async def test_steps_for_a_breakdown_are_planned_with_no_transaction_open(
    database_url: str, clock: FakeClock
) -> None:
    steps = say("Clear one shelf\nSort the boxes\nSweep the floor")
    model = GatedModel([call("break_down", task="the garage"), steps, say("")], hold={1})
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=TIMEOUT)))
    try:
        turn = await _thinking(services, model, "garage is a nightmare")  # the planner thinks
        other = await asyncio.wait_for(TestPhone(services, "+15145550003").text("list"), 2)
        assert (other.reply or "").startswith("Your list is empty")
        model.gate.set()
        handled = await asyncio.wait_for(turn, 5)
        assert handled.reply == 'First: Clear one shelf. Reply "next" when done.'
    finally:
        model.gate.set()
        await services.close()


async def test_steps_for_a_breakdown_the_rules_read_are_planned_before_the_transaction(
    database_url: str, clock: FakeClock
) -> None:
    model = GatedModel([say("Open the tax folder\nFind last year's form\nFill page one")], hold={0})
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=TIMEOUT)))
    try:
        turn = await _thinking(services, model, "I'm stuck on the tax report")  # the rules' read
        # the planner thinks: another person's message and the scheduler are not held up
        other = await asyncio.wait_for(TestPhone(services, "+15145550003").text("list"), 2)
        assert (other.reply or "").startswith("Your list is empty")
        assert await asyncio.wait_for(services.scheduler.run_once(), 2) == 0
        model.gate.set()
        handled = await asyncio.wait_for(turn, 5)
        assert handled.intent == "BreakDown"
        assert handled.reply == 'First: Open the tax folder. Reply "next" when done.'
        assert len(model.requests) == 1  # asked once, never again inside the transaction
        assert await _count(services, Todo) == 4  # the task and its three steps
    finally:
        model.gate.set()
        await services.close()


async def test_a_replayed_breakdown_does_not_ask_the_model_again(
    database_url: str, clock: FakeClock
) -> None:
    model = ScriptedModel([say("Open the folder\nRead page one")])
    services = await _services(database_url, clock, Agent(model, AgentConfig(timeout=TIMEOUT)))
    try:
        phone = TestPhone(services)
        first = await phone.text("je bloque sur les impôts", sid="SM-stuck-1")
        again = await phone.text("je bloque sur les impôts", sid="SM-stuck-1")
        assert first.intent == "BreakDown"
        assert again.duplicate
        assert len(model.requests) == 1
    finally:
        await services.close()
