"""Task breakdown as the user sees it: "I'm stuck on X" → first tiny step; "next" → the next."""

from __future__ import annotations

import asyncio

from nudge.commands import BreakDown, NextStep
from nudge.features.breakdown import service, steps
from nudge.features.context import Context, Outcome

PLANNER_TIMEOUT_SECONDS = 6.0
_planner: list[steps.Planner | None] = [None]


def use_planner(planner: steps.Planner | None) -> None:
    """Let a model propose steps (set by bootstrap when an LLM is configured)."""
    _planner[0] = planner


async def _plan(task: str, locale: str) -> list[str]:
    planner = _planner[0]
    if planner is not None:
        try:
            proposed = await asyncio.wait_for(planner(task, locale), PLANNER_TIMEOUT_SECONDS)
        except Exception:  # any model trouble (timeout included) → the template
            proposed = None
        checked = steps.validate(proposed) if proposed else None
        if checked:
            return checked
    return steps.template(task, locale)


async def break_down(ctx: Context, command: BreakDown, planned: list[str] | None = None) -> Outcome:
    """Store the steps as todos and send only the first."""
    task = " ".join(command.task.split())
    chosen = steps.validate(planned) if planned else None
    chosen = chosen or await _plan(task, ctx.user.locale)
    first = await service.create(
        ctx.session, user_id=ctx.user.id, task=task, steps=chosen, now=ctx.now
    )
    return Outcome(ctx.say("breakdown_first", text=first.text))


async def next_step(ctx: Context, _command: NextStep) -> Outcome:
    """The current step is done: send the next one, or a kind "all done"."""
    step, finished = await service.advance(ctx.session, user_id=ctx.user.id, now=ctx.now)
    if step is not None:
        return Outcome(ctx.say("breakdown_next", text=step.text))
    if finished is not None:
        return Outcome(ctx.say("breakdown_done", text=finished.text))
    return Outcome(ctx.say("breakdown_none"))
