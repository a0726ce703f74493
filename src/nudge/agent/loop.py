"""③b The agent: when the rules miss, a chat model answers using the same Commands as tools.

A turn is split so that no database transaction is open while the model thinks.
``prepare`` runs inside the caller's short transaction: a pending "confirm" is honoured
there (no model needed), the user's daily token budget checked, and the prompt built (a
short system prompt in the user's language with the most relevant memories marked untrusted,
and the conversation resumed within ``resume_minutes``). ``think`` then runs our tool loop
(at most ``max_steps`` model calls, ``timeout`` seconds of model time in all) with no
transaction: every tool call goes through the caller's ``run_tool``, which gives it a short
transaction of its own. Tools run to completion (a timeout never interrupts a transaction).
On timeout or failure the tools already done stay done and the last one's reply is the
answer; with none done, ``think`` answers None and the caller sends the rules' reply. Every
model call's tokens and latency are kept for ``record``, failed ones included.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent import budget, execute, prompts, tools
from nudge.agent.budget import CallRecord
from nudge.agent.models.base import ChatModel, ModelError, ModelReply, ToolCall, Turn, Usage
from nudge.agent.prepare_reads import recent_turns, relevant_memories, standing
from nudge.agent.reply import fit_sms
from nudge.features.context import Context, Outcome
from nudge.observability.logging import get_logger
from nudge.observability.metrics import UNDERSTANDING
from nudge.texts.catalog import render

log = get_logger("agent")

ToolRunner = Callable[[ToolCall], Awaitable[execute.Result]]


@dataclass(frozen=True, slots=True)
class AgentConfig:
    """Limits of one agent turn."""

    max_steps: int = 6
    timeout: float = 8.0
    daily_token_budget: int = 20_000
    resume_minutes: int = 30
    history_messages: int = 6


@dataclass(frozen=True, slots=True)
class Prompt:
    """What the model is shown, read in the message's transaction."""

    system: str
    turns: tuple[Turn, ...]
    locale: str


@dataclass(frozen=True, slots=True)
class Thought:
    """How a turn ended: the answer (None: nothing was done, send the rules' reply)."""

    outcome: Outcome | None
    calls: tuple[CallRecord, ...]
    failure: str | None = None  # "timeout", or the error's type, when the model gave up


class Agent:
    """Answers a message the rules did not understand, with tools, outside any transaction."""

    def __init__(self, model: ChatModel, config: AgentConfig | None = None) -> None:
        self.model, self.config = model, config or AgentConfig()
        self._specs = [tool.spec for tool in tools.TOOLS.values()]

    async def plan_steps(self, task: str, locale: str) -> list[str] | None:
        """Ask the model for a task's steps, one per line (validated by the caller)."""
        instruction = prompts.steps_prompt(locale)
        started = time.perf_counter()
        reply = await self.model.complete(
            system=instruction, turns=[Turn("user", prompts.untrusted("user", task))], tools=[]
        )
        budget.observe(self.model.provider, reply.usage, time.perf_counter() - started)
        return [line for line in reply.text.splitlines() if line.strip()] or None

    async def prepare(self, ctx: Context, body: str) -> Prompt | Outcome | None:
        """In the message's transaction: a confirmed call's outcome, the prompt, or None.

        None means the budget is spent: the caller sends the rules' reply.
        """
        spent, pending = await standing(
            ctx.session, user_id=ctx.user.id, now=ctx.now, tz=ctx.user.timezone
        )
        confirmed = await execute.take_confirmation(ctx, body, pending)
        if confirmed is not None:
            UNDERSTANDING.labels(source="llm", intent="confirm").inc()
            return confirmed
        if spent >= self.config.daily_token_budget:
            UNDERSTANDING.labels(source="none", intent="agent_budget").inc()
            return None
        facts = await relevant_memories(
            ctx.session, user_id=ctx.user.id, text=body, now=ctx.now, embedder=ctx.deps.embedder
        )
        turns = await recent_turns(
            ctx.session,
            user_id=ctx.user.id,
            now=ctx.now,
            minutes=self.config.resume_minutes,
            limit=self.config.history_messages,
        )
        turns.append(Turn("user", body))
        locale = ctx.user.locale
        return Prompt(prompts.system_prompt(locale, facts), tuple(turns), locale)

    async def think(self, prompt: Prompt, run_tool: ToolRunner) -> Thought:
        """The tool loop, with no transaction open; ``run_tool`` runs one call in its own."""
        calls: list[CallRecord] = []
        done: list[Outcome] = []
        try:
            outcome = await self._loop(prompt, run_tool, calls, done)
        except Exception as error:  # timeout, model or tool failure: keep what was done
            reason = "timeout" if isinstance(error, TimeoutError) else type(error).__name__
            log.warning("agent.fallback", reason=reason, tools_done=len(done))
            UNDERSTANDING.labels(source="none", intent=f"agent_{reason}"[:40]).inc()
            return Thought(_final("", done[-1], prompt.locale) if done else None, (*calls,), reason)
        return Thought(outcome, (*calls,))

    async def record(
        self, session: AsyncSession, *, user_id: int, calls: tuple[CallRecord, ...], now: datetime
    ) -> None:
        """Write a turn's model calls, usage and latency (Prometheus and the usage table)."""
        await budget.record(
            session,
            user_id=user_id,
            provider=self.model.provider,
            model=self.model.model,
            calls=calls,
            now=now,
        )

    async def _loop(
        self, prompt: Prompt, run_tool: ToolRunner, calls: list[CallRecord], done: list[Outcome]
    ) -> Outcome:
        deadline = asyncio.get_running_loop().time() + self.config.timeout
        turns = list(prompt.turns)
        for _step in range(self.config.max_steps):
            reply = await self._call(prompt.system, turns, calls, deadline)
            if not reply.calls:
                intent = "tools" if done else "chat"
                UNDERSTANDING.labels(source="llm", intent=intent).inc()
                return _final(reply.text, done[-1] if done else None, prompt.locale)
            turns.append(Turn("assistant", reply.text, reply.calls))
            for call in reply.calls:
                result, text = await self._run(run_tool, call)
                if result is not None:
                    done.append(result.outcome)
                    UNDERSTANDING.labels(source="llm", intent=call.name).inc()
                    if result.final:
                        return result.outcome
                turns.append(Turn("tool", text, call_id=call.id, name=call.name))
        return _final("", done[-1] if done else None, prompt.locale)

    @staticmethod
    async def _run(run_tool: ToolRunner, call: ToolCall) -> tuple[execute.Result | None, str]:
        try:
            result = await run_tool(call)
        except tools.ToolError as error:
            return None, json.dumps({"error": str(error)})
        return result, prompts.untrusted("tool", result.outcome.reply)

    async def _call(
        self, system: str, turns: list[Turn], calls: list[CallRecord], deadline: float
    ) -> ModelReply:
        """One model call, within what is left of the turn's ``timeout``."""
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise TimeoutError  # no call made: nothing to record
        started = time.perf_counter()
        outcome, usage = "ok", Usage()
        try:
            reply = await asyncio.wait_for(
                self.model.complete(system=system, turns=turns, tools=self._specs), left
            )
            usage = reply.usage
        except (ModelError, TimeoutError, asyncio.CancelledError):
            outcome = "error"
            raise
        finally:
            calls.append(CallRecord(usage, time.perf_counter() - started, outcome))
        return reply


def _final(text: str, last: Outcome | None, locale: str) -> Outcome:
    """The turn's reply: the model's words (fitted to SMS), else the last tool's reply."""
    reply = fit_sms(text) if text.strip() else (last.reply if last else render(locale, "unknown"))
    if last is None:
        return Outcome(reply)
    return Outcome(reply, undo=last.undo, last_list=last.last_list, pending=last.pending)
