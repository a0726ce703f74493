"""The background loops: scheduler (due reminders → outbox) and delivery (outbox → SMS)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from nudge.observability import metrics
from nudge.observability.logging import get_logger
from nudge.scheduler.wakeup import Wakeup

log = get_logger("worker")

Step = Callable[[], Awaitable[int]]
ERROR_PAUSE_SECONDS = 2.0


async def run_loop(
    name: str,
    step: Step,
    *,
    interval: float,
    batch_size: int,
    stop: asyncio.Event,
    wakeup: Wakeup | None = None,
    after: Callable[[int], None] = lambda _count: None,
) -> None:
    """Run ``step`` until ``stop`` is set; a full batch runs again at once, errors pause briefly.

    A database that goes away (restart, failover) only pauses the loop: it keeps trying.
    """
    bell = wakeup or Wakeup()
    while not stop.is_set():
        try:
            count = await step()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("worker.step_failed", loop=name)
            await _sleep_or_stop(stop, ERROR_PAUSE_SECONDS)
            continue
        metrics.WORKER_HEARTBEAT.labels(loop=name).set(time.time())
        after(count)
        if count < batch_size:
            await _wait_either(bell, stop, interval)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return


async def _wait_either(bell: Wakeup, stop: asyncio.Event, seconds: float) -> None:
    """Return when rung, stopped, or after ``seconds``."""
    bell_task = asyncio.ensure_future(bell.wait(seconds))
    stop_task = asyncio.ensure_future(stop.wait())
    _done, pending = await asyncio.wait({bell_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
