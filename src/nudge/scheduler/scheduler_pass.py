"""⑥ One scheduler pass: due reminders, follow-ups and missed summaries into the outbox.

The reminder engine's own jobs run first; ``extra_jobs`` are the other packages' periodic
work the composition root hands in (briefings, the sweep of agent turns a dead process left
unanswered), so the scheduler never imports the layers above it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from nudge.clock import Clock
from nudge.scheduler.catchup import summarize_missed
from nudge.scheduler.claim import fire_due
from nudge.scheduler.followups import send_follow_ups
from nudge.scheduler.policy import Policy
from nudge.store.db import Database

Job = Callable[[datetime, int], Awaitable[int]]
"""(now, batch size) → how many messages it queued."""


@dataclass(frozen=True, slots=True)
class SchedulerPass:
    """What the scheduler loop runs every poll."""

    db: Database
    clock: Clock
    policy: Policy
    batch_size: int
    extra_jobs: Sequence[Job] = ()
    on_queued: Callable[[], None] = field(default=lambda: None)

    async def run_once(self) -> int:
        """One pass; returns the reminders claimed (a full batch makes the loop run again at once).

        ``on_queued`` (the delivery loop's doorbell) rings when anything was queued.
        """
        now, limit = self.clock.now(), self.batch_size
        count = await fire_due(self.db, now=now, limit=limit, policy=self.policy)
        follow_ups = await send_follow_ups(self.db, now=now, limit=limit, policy=self.policy)
        told = await summarize_missed(self.db, now=now, limit=limit)
        for job in self.extra_jobs:
            told += await job(now, limit)
        if count or follow_ups or told:
            self.on_queued()
        return count
