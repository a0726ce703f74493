"""Running one tool call for the conversation's user, and the confirm-before-delete step.

A destructive tool (``tools.DESTRUCTIVE``: delete a reminder, forget a memory) is not run:
it is stored as the user's pending confirmation and the user is asked. The next message
runs it when it is a confirm word (``CONFIRM_WORDS``: "confirm", "ok", "go", "oui vas-y",
"confirme", "d'accord"...; never the carrier keyword "YES", which opts in before
understanding); anything else drops it. Pending confirmations expire after ``CONFIRM_TTL``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from nudge.agent import tools
from nudge.agent.models.base import ToolCall
from nudge.commands import BreakDown, Command, Remember
from nudge.features import executor
from nudge.features.breakdown import steps
from nudge.features.context import Context, Outcome
from nudge.language.fold import fold
from nudge.store.tables import AgentConfirmation

CONFIRM_TTL = timedelta(minutes=10)
CONFIRM_WORDS = frozenset(
    {"confirm", "confirmed", "ok", "okay", "go", "go ahead", "do it", "confirme", "confirmer",
     "oui vas-y", "vas-y", "vas y", "oui vas y", "d'accord", "daccord"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Result:
    """A tool's outcome; ``final`` ends the turn with this reply (a confirmation question)."""

    outcome: Outcome
    final: bool = False


async def run_call(ctx: Context, call: ToolCall) -> Result:
    """Run ``call`` for ``ctx.user`` (ToolError for bad arguments or an unknown tool)."""
    tool = tools.TOOLS.get(call.name)
    if tool is None:
        raise tools.ToolError(f"no tool named {call.name}")
    command = tools.build_command(
        tool, call.arguments, now=ctx.now, tz=ctx.user.timezone, lang=ctx.user.locale
    )
    if tool.destructive:
        return Result(await _ask_to_confirm(ctx, call.name, call.arguments), final=True)
    return Result(await executor.run(ctx, _with_extras(command, call.arguments)))


def _with_extras(command: Command, arguments: dict[str, Any]) -> Command:
    """The tool-only arguments folded in: a memory's importance and tags, a breakdown's steps.

    Read leniently (a bad importance is 5, not an error); steps were planned before this
    transaction when the model gave none (``unplanned_task``).
    """
    if isinstance(command, Remember):
        importance = arguments.get("importance", 5)
        return replace(
            command,
            importance=int(importance) if isinstance(importance, int | float) else 5,
            tags=tuple(str(tag) for tag in arguments.get("tags") or []),
            source="agent",
        )
    if isinstance(command, BreakDown):
        return replace(command, steps=tuple(_given_steps(arguments)))
    return command


def unplanned_task(call: ToolCall) -> str | None:
    """The task of a ``break_down`` call without valid steps, to plan before its transaction.

    The planner is a model call, so it runs with no transaction open; then ``with_steps``.
    """
    given = _given_steps(call.arguments)
    if call.name != "break_down" or (given and steps.validate(given)):
        return None
    task = " ".join(str(call.arguments.get("task", "")).split())
    return task or None


def with_steps(call: ToolCall, planned: list[str]) -> ToolCall:
    """``call`` with ``planned`` as its steps."""
    return replace(call, arguments={**call.arguments, "steps": planned})


def _given_steps(arguments: dict[str, Any]) -> list[str]:
    return [str(step) for step in arguments.get("steps") or []][:20]


async def _ask_to_confirm(ctx: Context, name: str, arguments: dict[str, Any]) -> Outcome:
    await ctx.session.execute(
        delete(AgentConfirmation).where(AgentConfirmation.user_id == ctx.user.id)
    )
    ctx.session.add(
        AgentConfirmation(user_id=ctx.user.id, tool=name, arguments=arguments, created_at=ctx.now)
    )
    await ctx.session.flush()
    if name == "forget":
        what = ctx.say("agent_confirm_forget", text=str(arguments.get("query", ""))[:40])
    else:
        number, words = arguments.get("number"), str(arguments.get("words") or "")[:40]
        which = str(number) if number not in (None, "") else f'"{words}"' if words else ""
        what = ctx.say("agent_confirm_cancel", text=which)
    return Outcome(ctx.say("agent_confirm", text=what.strip()))


async def take_confirmation(
    ctx: Context, body: str, pending: AgentConfirmation | None
) -> Outcome | None:
    """Run the ``pending`` destructive call if ``body`` confirms it; always clears it."""
    if pending is None:
        return None
    await ctx.session.delete(pending)
    await ctx.session.flush()
    fresh = ctx.now - pending.created_at <= CONFIRM_TTL
    if not fresh or " ".join(fold(body).strip(" .!").split()) not in CONFIRM_WORDS:
        return None
    tool = tools.TOOLS[pending.tool]
    command = tools.build_command(
        tool, pending.arguments, now=ctx.now, tz=ctx.user.timezone, lang=ctx.user.locale
    )
    return await executor.run(ctx, command)
