"""③b The agent: when the rules miss, a chat model answers using the same Commands as tools.

One turn: a pending "confirm" is honoured first; then, within the user's daily token budget,
the model sees a short system prompt in the user's language (plus the most relevant
memories, marked untrusted), the conversation resumed within ``resume_minutes``, and the
tools. We run the tool loop ourselves (at most ``max_steps`` model calls). Every call's
tokens and latency are recorded. The whole turn runs in a SAVEPOINT of the caller's
transaction, bounded by ``timeout``: on timeout, model error or exhausted budget, its effects
are rolled back and ``respond`` returns None so the caller sends the rules' reply.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass

from nudge.agent import budget, execute, prompts, tools
from nudge.agent.budget import CallRecord
from nudge.agent.memory import recent_turns, relevant_memories, standing
from nudge.agent.models.base import ChatModel, ModelError, ModelReply, ToolCall, Turn, Usage
from nudge.agent.reply import fit_sms
from nudge.features.context import Context, Outcome
from nudge.observability.logging import get_logger
from nudge.observability.metrics import UNDERSTANDING

log = get_logger("agent")


@dataclass(frozen=True, slots=True)
class AgentConfig:
    """Limits of one agent turn."""

    max_steps: int = 6
    timeout: float = 8.0
    daily_token_budget: int = 20_000
    resume_minutes: int = 30
    history_messages: int = 6


class Agent:
    """Answers a message the rules did not understand, with tools, inside a savepoint."""

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

    async def respond(self, ctx: Context, body: str) -> Outcome | None:
        """The agent's outcome for ``body``, or None to fall back to the rules' reply.

        Model calls are recorded after the savepoint is settled, so the tokens of a turn
        that timed out or failed are still counted against the budget.
        """
        calls: list[CallRecord] = []
        savepoint = await ctx.session.begin_nested()
        try:
            outcome = await asyncio.wait_for(self._turn(ctx, body, calls), self.config.timeout)
        except Exception as error:  # timeout, model or tool failure: the rules answer
            await savepoint.rollback()
            await self._record(ctx, calls)
            reason = "timeout" if isinstance(error, TimeoutError) else type(error).__name__
            log.warning("agent.fallback", reason=reason, user_id=ctx.user.id)
            UNDERSTANDING.labels(source="none", intent=f"agent_{reason}"[:40]).inc()
            return None
        await savepoint.commit()
        await self._record(ctx, calls)
        if outcome is None:
            UNDERSTANDING.labels(source="none", intent="agent_budget").inc()
        return outcome

    async def _record(self, ctx: Context, calls: list[CallRecord]) -> None:
        """Write the turn's model calls, usage and latency (Prometheus and the usage table)."""
        await budget.record(
            ctx.session,
            user_id=ctx.user.id,
            provider=self.model.provider,
            model=self.model.model,
            calls=calls,
            now=ctx.now,
        )

    async def _turn(self, ctx: Context, body: str, calls: list[CallRecord]) -> Outcome | None:
        spent, pending = await standing(
            ctx.session, user_id=ctx.user.id, now=ctx.now, tz=ctx.user.timezone
        )
        confirmed = await execute.take_confirmation(ctx, body, pending)
        if confirmed is not None:
            UNDERSTANDING.labels(source="llm", intent="confirm").inc()
            return confirmed
        if spent >= self.config.daily_token_budget:
            return None
        facts = await relevant_memories(ctx.session, user_id=ctx.user.id, text=body, now=ctx.now)
        system = prompts.system_prompt(ctx.user.locale, facts)
        turns = await recent_turns(
            ctx.session,
            user_id=ctx.user.id,
            now=ctx.now,
            minutes=self.config.resume_minutes,
            limit=self.config.history_messages,
        )
        turns.append(Turn("user", body))
        return await self._loop(ctx, system, turns, calls)

    async def _loop(
        self, ctx: Context, system: str, turns: list[Turn], calls: list[CallRecord]
    ) -> Outcome:
        last: Outcome | None = None
        for _step in range(self.config.max_steps):
            reply = await self._call(system, turns, calls)
            if not reply.calls:
                intent = "tools" if last is not None else "chat"
                UNDERSTANDING.labels(source="llm", intent=intent).inc()
                return _final(reply.text, last, ctx)
            turns.append(Turn("assistant", reply.text, reply.calls))
            for call in reply.calls:
                result, text = await self._run(ctx, call)
                if result is not None:
                    last = result.outcome
                    UNDERSTANDING.labels(source="llm", intent=call.name).inc()
                    if result.final:
                        return result.outcome
                turns.append(Turn("tool", text, call_id=call.id, name=call.name))
        return _final("", last, ctx)

    async def _run(self, ctx: Context, call: ToolCall) -> tuple[execute.Result | None, str]:
        try:
            result = await execute.run_call(ctx, call)
        except tools.ToolError as error:
            return None, json.dumps({"error": str(error)})
        return result, prompts.untrusted("tool", result.outcome.reply)

    async def _call(self, system: str, turns: list[Turn], calls: list[CallRecord]) -> ModelReply:
        started = time.perf_counter()
        outcome, usage = "ok", Usage()
        try:
            reply = await self.model.complete(system=system, turns=turns, tools=self._specs)
            usage = reply.usage
        except (ModelError, TimeoutError, asyncio.CancelledError):
            outcome = "error"
            raise
        finally:
            calls.append(CallRecord(usage, time.perf_counter() - started, outcome))
        return reply


def _final(text: str, last: Outcome | None, ctx: Context) -> Outcome:
    """The turn's reply: the model's words (fitted to SMS), else the last tool's reply."""
    reply = fit_sms(text) if text.strip() else (last.reply if last else ctx.say("unknown"))
    if last is None:
        return Outcome(reply)
    return Outcome(reply, undo=last.undo, last_list=last.last_list, pending=last.pending)
